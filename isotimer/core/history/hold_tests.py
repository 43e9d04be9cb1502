"""Hold tests over time: every result per exercise and side, best, last, change, re-test date."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from isotimer.core.history.records import HoldKind, HoldOutcome, HoldRecord
from isotimer.core.text.durations import whole_seconds

RETEST_DAYS = 28  # capacity moves slowly: a test a month shows it without wearing the runner out
SIDE_ORDER = {"none": 0, "left": 1, "right": 2}


@dataclass(frozen=True)
class HoldTestResult:
    """One hold test: the local day it was done and how long it was held."""

    on: date
    held_s: float


@dataclass(frozen=True)
class HoldTestSeries:
    """Every test of one exercise and side, oldest first (never empty)."""

    exercise: str
    name: str
    side: str
    results: tuple[HoldTestResult, ...]

    @property
    def best_s(self) -> float:
        """The longest test result."""
        return max(result.held_s for result in self.results)

    @property
    def last_s(self) -> float:
        """The latest test result: what a ``from_test`` hold builds on."""
        return self.results[-1].held_s

    @property
    def change_s(self) -> float | None:
        """Seconds gained (or lost) since the test before the last; None after one test."""
        if len(self.results) < 2:
            return None
        return round(self.last_s - self.results[-2].held_s, 1)

    @property
    def change_pct(self) -> float | None:
        """``change_s`` as a percent of the test before, to one decimal."""
        change = self.change_s
        before = self.results[-2].held_s if len(self.results) > 1 else 0.0
        if change is None or before <= 0:
            return None
        return round(100 * change / before, 1)

    @property
    def retest_due(self) -> date:
        """Four weeks after the last test."""
        return self.results[-1].on + timedelta(days=RETEST_DAYS)

    def to_dict(self) -> dict[str, object]:
        """One entry of ``isotimer tests --json`` (schemas/tests.schema.json)."""
        return {
            "exercise": self.exercise,
            "name": self.name,
            "side": self.side,
            "results": [{"on": r.on.isoformat(), "held_s": r.held_s} for r in self.results],
            "best_s": self.best_s,
            "last_s": self.last_s,
            "change_s": self.change_s,
            "change_pct": self.change_pct,
            "retest_due": self.retest_due.isoformat(),
        }


def is_result(hold: HoldRecord) -> bool:
    """A test ended by the runner or its cap; a skipped or stopped test measured nothing."""
    return hold.kind is HoldKind.TEST and hold.outcome is HoldOutcome.COMPLETED


def hold_test_series(holds: Iterable[HoldRecord]) -> list[HoldTestSeries]:
    """Per exercise and side, the results of ``holds`` that are test results, by exercise id.

    Training holds never count, however long they were held.
    """
    by_key: dict[tuple[str, str], list[HoldRecord]] = {}
    for hold in sorted(filter(is_result, holds), key=lambda record: record.started_at):
        by_key.setdefault((hold.exercise, hold.side), []).append(hold)
    keys = sorted(by_key, key=lambda key: (key[0], SIDE_ORDER.get(key[1], 3)))
    return [_series(by_key[key]) for key in keys]


def _series(holds: list[HoldRecord]) -> HoldTestSeries:
    results = tuple(HoldTestResult(hold.started_at.date(), hold.held_s) for hold in holds)
    latest = holds[-1]
    return HoldTestSeries(latest.exercise, latest.exercise_name, latest.side, results)


def latest_results(holds: Iterable[HoldRecord]) -> dict[tuple[str, str], float]:
    """The last test result of each (exercise, side)."""
    return {(s.exercise, s.side): s.last_s for s in hold_test_series(holds)}


@dataclass(frozen=True)
class NewTestBest:
    """A hold test beat every earlier test of its exercise and side."""

    name: str
    side: str
    held_s: float
    previous_s: float

    def text(self) -> str:
        """``Hold test: wall sit 95 s, up from 80 s, +19%``."""
        side = "" if self.side == "none" else f" ({self.side})"
        name = self.name[:1].lower() + self.name[1:]
        gain = 100 * (self.held_s - self.previous_s) / self.previous_s if self.previous_s else 0
        held, previous = whole_seconds(self.held_s), whole_seconds(self.previous_s)
        return f"Hold test: {name}{side} {held} s, up from {previous} s, +{gain:.0f}%"


def new_test_bests(
    holds: Iterable[HoldRecord], before: Mapping[tuple[str, str], float | None]
) -> list[NewTestBest]:
    """Each test result of ``holds`` longer than the best test before (``before``, by key).

    A first test has nothing to beat; as for training bests, a best is a whole second longer.
    """
    found = []
    for hold in filter(is_result, holds):
        previous = before.get((hold.exercise, hold.side))
        if previous is not None and round(hold.held_s) > round(previous):
            found.append(NewTestBest(hold.exercise_name, hold.side, hold.held_s, previous))
    return found


def retest_text(last_on: date | None, today: date) -> str | None:
    """What the picker says of a re-test: due from four weeks after the last test, else None."""
    if last_on is None:
        return None
    due = last_on + timedelta(days=RETEST_DAYS)
    if today < due:
        return None
    weeks = (today - last_on).days // 7
    return f"Re-test due: last hold test {weeks} weeks ago ({last_on:%d %b})"
