"""Programmes: weeks of training in phases, and what a phase changes in a session.

A programme is a plan over weeks, not a session: it names sessions by id and
says how each phase runs them. Applying a phase is a pure function of the
session, so the app, ``isotimer programme`` and the tests share one rule.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from isotimer.core.coach.progression import as_harder
from isotimer.core.session.model import Exercise, Hold, Level, Progress, Session

DEFAULT_PER_WEEK = 2
NOT_WORSE = "not-worse"


@dataclass(frozen=True)
class Advance:
    """What must be true at a week's end for a phase to move on.

    ``sessions``: at least this many of the phase's sessions done; the last
    ``sessions`` of them (or the week's, when unset) are the ones judged.
    ``max_pain``: none of those rated a pain above it. ``morning``:
    ``"not-worse"`` holds the phase back after any of those runs whose morning
    check-in said worse. Only a run with its pain rating and a morning answer
    counts toward moving on: no data, no increase.
    """

    sessions: int | None = None
    max_pain: int | None = None
    morning: str | None = None


@dataclass(frozen=True)
class Phase:
    """Part of a programme: its sessions (alternated in order) and what it changes.

    ``weeks`` is the fixed length, or the expected one when ``advance`` is set.
    ``seconds`` scales every hold's target; ``sets`` adds sets to every hold;
    ``deload`` is a lighter week: no progression and one set fewer per hold.
    ``per_week`` is the phase's own sessions a week, fewer than the programme's.
    ``harder`` runs every hold that has a harder library variation as it.
    """

    name: str
    sessions: tuple[str, ...]
    weeks: int
    level: Level | None = None
    effort: int | None = None
    seconds: float | None = None
    sets: int = 0
    deload: bool = False
    advance: Advance | None = None
    per_week: int | None = None
    harder: bool = False


@dataclass(frozen=True)
class Programme:
    """A whole programme file; its id is the file stem.

    A ``rehab`` programme pauses on a red flag, spaces its sessions 48 h apart
    and shows its ``screening`` note when it is started.
    """

    id: str
    name: str
    phases: tuple[Phase, ...]
    description: str = ""
    per_week: int = DEFAULT_PER_WEEK
    source: str = ""
    rehab: bool = False
    screening: str = ""

    @property
    def expected_weeks(self) -> int:
        """The length when every phase lasts its ``weeks``."""
        return sum(phase.weeks for phase in self.phases)


def apply_phase(
    session: Session, phase: Phase, library: Mapping[str, Exercise] | None = None
) -> Session:
    """``session`` as ``phase`` runs it: level, effort, seconds scale, sets, deload, and
    with ``harder`` each hold as its harder variation from ``library``.

    A deload ignores the phase's extra sets, takes one set off every hold (never
    below one) and turns progression off, so a lighter week stays light.
    """
    holds = tuple(_hold(_harder(hold, phase, library or {}), phase) for hold in session.holds)
    changed = replace(session, holds=holds, level=phase.level or session.level)
    return replace(changed, progress=Progress.NONE) if phase.deload else changed


def _harder(hold: Hold, phase: Phase, library: Mapping[str, Exercise]) -> Hold:
    harder = library.get(hold.harder_id) if phase.harder and hold.harder_id else None
    return hold if harder is None else as_harder(hold, harder)


def _hold(hold: Hold, phase: Phase) -> Hold:
    scale = phase.seconds or 1.0
    sets = max(1, hold.sets - 1) if phase.deload else hold.sets + phase.sets
    effort = hold.effort if phase.effort is None else phase.effort
    advanced_effort = hold.advanced_effort if phase.effort is None else phase.effort
    return replace(
        hold,
        beginner_s=round(hold.beginner_s * scale),
        advanced_s=round(hold.advanced_s * scale),
        sets=sets,
        effort=effort,
        advanced_effort=advanced_effort,
    )
