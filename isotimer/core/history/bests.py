"""New personal bests in a run: the longest hold of an exercise and side, beaten."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from isotimer.core.history.records import HoldKind, HoldRecord
from isotimer.core.text.durations import short

BestKey = tuple[str, str]  # (exercise, side)


@dataclass(frozen=True)
class NewBest:
    """An exercise and side held longer than ever before."""

    name: str
    side: str
    held_s: float
    previous_s: float

    def text(self) -> str:
        """``New best: Wall sit 45 s, up from 40 s``: the name as the session spells it."""
        side = "" if self.side == "none" else f" ({self.side})"
        held = f"{short(self.held_s)}, up from {short(self.previous_s)}"
        return f"New best: {self.name}{side} {held}"


def best_keys(holds: Iterable[HoldRecord]) -> set[BestKey]:
    """Every (exercise, side) that ``holds`` touch: the bests to look up before a run."""
    return {(hold.exercise, hold.side) for hold in holds}


def new_bests(holds: Iterable[HoldRecord], before: Mapping[BestKey, float | None]) -> list[NewBest]:
    """Each exercise and side of ``holds`` that beat its best from earlier runs.

    A first ever hold of an exercise has nothing to beat, so it is no new best;
    a best is a whole second longer, so rounding never celebrates a tie. Hold
    tests have bests of their own (``hold_tests.new_test_bests``).
    """
    longest: dict[BestKey, HoldRecord] = {}
    for hold in holds:
        if hold.kind is HoldKind.TEST:
            continue
        key = (hold.exercise, hold.side)
        if key not in longest or hold.held_s > longest[key].held_s:
            longest[key] = hold
    found = []
    for key, hold in longest.items():
        previous = before.get(key)
        if previous is not None and round(hold.held_s) > round(previous):
            found.append(NewBest(hold.exercise_name, hold.side, hold.held_s, previous))
    return found
