"""A run as a FIT strength activity: active and rest sets, a lap per round, and totals."""

# Everything here is derived from the run and its holds, never from the time of
# the export, so exporting a run twice describes it the same way to the byte.

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from isotimer.core.history.records import HoldOutcome, HoldRecord, Outcome, RunRecord
from isotimer.core.run.outcomes import counted


class SetKind(StrEnum):
    """FIT's two set types: a hold is an active set, the time between holds a rest set."""

    ACTIVE = "active"
    REST = "rest"


@dataclass(frozen=True)
class FitSet:
    """One FIT set: a hold (with its record and outcome) or the rest before the next hold."""

    kind: SetKind
    start: datetime
    duration_s: float
    round: int
    hold: HoldRecord | None = None
    outcome: str = ""

    @property
    def end(self) -> datetime:
        """When the set ends: its start plus its duration."""
        return self.start + timedelta(seconds=self.duration_s)


@dataclass(frozen=True)
class FitLap:
    """One round of the session, from its first hold to the next round's first hold."""

    round: int
    start: datetime
    end: datetime
    timer_s: float


@dataclass(frozen=True)
class FitActivity:
    """What a FIT activity file says about one run; every time is UTC."""

    run: RunRecord
    start: datetime
    end: datetime
    sets: tuple[FitSet, ...]
    laps: tuple[FitLap, ...]

    @property
    def elapsed_s(self) -> float:
        """Wall time from the run's start (its lead-in) to its end."""
        return (self.end - self.start).total_seconds()

    @property
    def timer_s(self) -> float:
        """Time spent in sets: the holds and the rests between them."""
        return sum(fit_set.duration_s for fit_set in self.sets)

    @property
    def session_outcome(self) -> str:
        """The run's outcome for the session's ``outcome`` field, as the app names it:
        ``partial`` for a run that reached its end with a set ended early or skipped."""
        outcome = Outcome(self.run.outcome)
        holds = [fit_set.hold for fit_set in self.sets if fit_set.hold is not None]
        done = all(hold.outcome is HoldOutcome.COMPLETED for hold in counted(holds))
        return "partial" if outcome is Outcome.COMPLETED and not done else outcome.value

    @property
    def cut_short(self) -> bool:
        """True when the run did not reach its end: stopped, or isotimer closed mid-run."""
        return Outcome(self.run.outcome) != Outcome.COMPLETED


def build_activity(run: RunRecord, holds: list[HoldRecord]) -> FitActivity:
    """The sets and laps of ``run`` from its recorded holds.

    Raises:
        ValueError: the run has no holds, so there is nothing to export.
    """
    if not holds:
        raise ValueError(f"run {run.id} has no holds")
    holds = sorted(holds, key=lambda hold: hold.started_at)
    sets: list[FitSet] = []
    for index, hold in enumerate(holds):
        start, end = _utc(hold.started_at), _utc(hold.ended_at)
        # Each hold's own outcome (the history records how every hold ended).
        outcome = HoldOutcome(hold.outcome).value
        sets.append(FitSet(SetKind.ACTIVE, start, hold.held_s, hold.round, hold, outcome))
        if index + 1 < len(holds):
            gap = (_utc(holds[index + 1].started_at) - end).total_seconds()
            if gap > 0:
                sets.append(FitSet(SetKind.REST, end, gap, hold.round))
    start = min(_utc(run.started_at), sets[0].start)
    ends = [_utc(hold.ended_at) for hold in holds]
    if run.ended_at is not None:
        ends.append(_utc(run.ended_at))
    end = max(ends)
    return FitActivity(run, start, end, tuple(sets), _laps(sets, start, end))


def _laps(sets: list[FitSet], start: datetime, end: datetime) -> tuple[FitLap, ...]:
    """A lap per round, in time order; the rest after a round's last hold stays in its lap."""
    groups: list[list[FitSet]] = []
    for fit_set in sets:
        if not groups or fit_set.round != groups[-1][0].round:
            groups.append([])
        groups[-1].append(fit_set)
    starts = [start] + [group[0].start for group in groups[1:]]
    ends = [*starts[1:], end]
    return tuple(
        FitLap(group[0].round, lap_start, lap_end, sum(s.duration_s for s in group))
        for group, lap_start, lap_end in zip(groups, starts, ends, strict=True)
    )


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)
