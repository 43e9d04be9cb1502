"""What the history review shows: per-hold figures, balance, weeks and next targets."""

# The figures come from a ReviewSource: the SQLite store answers with
# aggregates (fast at 100,000 holds) and MemoryHistory answers from records
# with core.stats, the reference both must agree with.

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from isotimer.core import stats
from isotimer.core.model import Exercise
from isotimer.core.progression import Suggestion, suggest
from isotimer.core.records import HoldRecord, RunRecord
from isotimer.core.stats import Balance, SideStats, Week
from isotimer.core.timefmt import short


class ReviewSource(Protocol):
    """The questions a review asks of a history, named as core.stats names them."""

    def side_stats(self, today: date) -> list[SideStats]: ...

    def balances(self) -> dict[str, Balance]: ...

    def weekly(self, today: date, weeks: int = stats.TREND_WEEKS) -> list[Week]: ...

    def streak(self, today: date, goal: int = stats.WEEKLY_GOAL) -> int: ...

    def last_runs_holds(
        self, exercise: str, side: str, level: str, runs: int = 2
    ) -> list[HoldRecord]: ...


@dataclass(frozen=True)
class ExerciseReview:
    """One exercise on one side: its figures and what to aim for next."""

    stats: SideStats
    next: Suggestion

    @property
    def key(self) -> str:
        """``exercise:side``, unique per row: a table row key."""
        return f"{self.stats.exercise}:{self.stats.side}"

    @property
    def label(self) -> str:
        return f"{self.stats.exercise_name}{side_suffix(self.stats.side)}"


@dataclass(frozen=True)
class Review:
    """Everything the history screen shows but the chart and the session list."""

    exercises: tuple[ExerciseReview, ...]
    balances: Mapping[str, Balance]
    weeks: tuple[Week, ...]
    streak: int

    @property
    def empty(self) -> bool:
        return not self.exercises

    @property
    def holds(self) -> int:
        return sum(row.stats.holds for row in self.exercises)

    def find(self, key: str) -> ExerciseReview | None:
        return next((row for row in self.exercises if row.key == key), None)

    def name_of(self, exercise: str) -> str:
        """The name an exercise was last recorded under, or its id."""
        rows = (row.stats for row in self.exercises if row.stats.exercise == exercise)
        return next((figures.exercise_name for figures in rows), exercise)


@dataclass(frozen=True)
class RunSummary:
    """A past session in the list: the run and what its holds add up to."""

    run: RunRecord
    holds: int
    held_s: float


def build_review(source: ReviewSource, today: date, library: Mapping[str, Exercise]) -> Review:
    """Ask ``source`` for every figure; one call per exercise and side for its next target."""
    exercises = []
    for row in source.side_stats(today):
        holds = source.last_runs_holds(row.exercise, row.side, row.level)
        exercises.append(ExerciseReview(row, next_target(row, holds, library)))
    weeks = tuple(source.weekly(today))
    return Review(tuple(exercises), source.balances(), weeks, source.streak(today))


def next_target(
    row: SideStats, holds: Iterable[HoldRecord], library: Mapping[str, Exercise]
) -> Suggestion:
    """The progression suggestion for ``row`` from its holds at the level last used.

    The cap is twice the library's advanced time; a hold missing from the
    library (renamed, or inline in a session) falls back to twice its largest
    target so it can still progress.
    """
    exercise = library.get(row.exercise)
    cap = 2 * exercise.advanced_s if exercise else 2 * row.max_target_s
    harder = exercise.harder if exercise else ""
    same_level = [hold for hold in holds if hold.level == row.level]
    return suggest(same_level, row.exercise, row.side, row.last_target_s, cap, harder)


class MemoryHistory:
    """A ReviewSource over records in memory, answered by core.stats itself."""

    def __init__(self, holds: Iterable[HoldRecord]) -> None:
        self._holds = list(holds)

    def side_stats(self, today: date) -> list[SideStats]:
        return stats.side_stats(self._holds, today)

    def balances(self) -> dict[str, Balance]:
        return stats.balances(self._holds)

    def weekly(self, today: date, weeks: int = stats.TREND_WEEKS) -> list[Week]:
        return stats.weekly(self._holds, today, weeks)

    def streak(self, today: date, goal: int = stats.WEEKLY_GOAL) -> int:
        return stats.streak(self._holds, today, goal)

    def last_runs_holds(
        self, exercise: str, side: str, level: str, runs: int = 2
    ) -> list[HoldRecord]:
        """Every hold of this exercise, side and level: a superset of the last ``runs`` runs."""
        return [
            hold
            for hold in self._holds
            if hold.exercise == exercise and hold.side == side and hold.level == level
        ]


# -- words ------------------------------------------------------------------------


def side_suffix(side: str) -> str:
    return "" if side == "none" else f" ({side})"


def trend_text(trend_s_per_week: float | None) -> str:
    """``+1.5 s/wk``; empty with too few days in the window to tell.

    A slope that rounds to zero reads ``+0.0``, never ``-0.0``.
    """
    if trend_s_per_week is None:
        return ""
    return f"{round(trend_s_per_week, 1) + 0.0:+.1f} s/wk"


def why_text(suggestion: Suggestion) -> str:
    """The reason without the change it starts with (``+5 s: ``), for beside the change."""
    head, _, why = suggestion.reason.partition(": ")
    return why if why and head.startswith(("+", "-", "Keep ")) else suggestion.reason


def balance_text(balance: Balance) -> str:
    """``⚠ right lags by 12.5%``, or ``even``; the mark is the >10% flag."""
    if not balance.lagging:
        return "even"
    mark = "⚠ " if balance.flagged else ""
    return f"{mark}{balance.lagging} lags by {balance.gap_pct:g}%"


def change_text(row: ExerciseReview) -> str:
    """``45 s → 50 s``, or ``keep 45 s`` when the target stays."""
    now, target = row.stats.last_target_s, row.next.target_s
    return f"keep {short(now)}" if target == now else f"{short(now)} → {short(target)}"


def gap_text(balance: Balance | None) -> str:
    """``12.5% right lags (!)``; the mark is the >10% flag runners watch for."""
    if balance is None:
        return ""
    if not balance.lagging:
        return "even"
    flag = " (!)" if balance.flagged else ""
    return f"{balance.gap_pct:g}% {balance.lagging} lags{flag}"
