"""What the history review shows: per-hold figures, balance and weeks, across sessions."""

# The figures come from a ReviewSource: the SQLite store answers with
# aggregates (fast at 100,000 holds) and MemoryHistory answers from records
# with core.history.stats, the reference both must agree with.

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from isotimer.core.history import stats
from isotimer.core.history.records import HoldRecord, RunRecord
from isotimer.core.history.stats import Balance, SideStats, Week


class ReviewSource(Protocol):
    """The questions a review asks of a history, named as core.history.stats names them."""

    def side_stats(self, today: date) -> list[SideStats]:
        """Per exercise and side, as ``stats.side_stats``."""
        ...

    def balances(self) -> dict[str, Balance]:
        """Left/right gaps, as ``stats.balances``."""
        ...

    def weekly(self, today: date, weeks: int = stats.TREND_WEEKS) -> list[Week]:
        """The last ``weeks`` ISO weeks, as ``stats.weekly``."""
        ...

    def streak(self, today: date, goal: int = stats.WEEKLY_GOAL) -> int:
        """Weeks in a row meeting ``goal``, as ``stats.streak``."""
        ...


@dataclass(frozen=True)
class ExerciseReview:
    """One exercise on one side, across every session that used it.

    Targets are a session's own (core.coach.progression); a review has none.
    """

    stats: SideStats

    @property
    def key(self) -> str:
        """``exercise:side``, unique per row: a table row key."""
        return f"{self.stats.exercise}:{self.stats.side}"

    @property
    def label(self) -> str:
        """The exercise's display name with its side, for a table cell."""
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
        """True when no hold has been recorded: the screen shows its empty state."""
        return not self.exercises

    @property
    def holds(self) -> int:
        """Holds recorded across every exercise and side."""
        return sum(row.stats.holds for row in self.exercises)

    def find(self, key: str) -> ExerciseReview | None:
        """The row with table key ``key`` (``exercise:side``), or None if it has gone."""
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


def build_review(source: ReviewSource, today: date) -> Review:
    """Ask ``source`` for every figure: per exercise and side, balance, weeks and streak."""
    exercises = tuple(ExerciseReview(row) for row in source.side_stats(today))
    weeks = tuple(source.weekly(today))
    return Review(exercises, source.balances(), weeks, source.streak(today))


class MemoryHistory:
    """A ReviewSource over records in memory, answered by core.history.stats itself."""

    def __init__(self, holds: Iterable[HoldRecord]) -> None:
        self._holds = list(holds)

    def side_stats(self, today: date) -> list[SideStats]:
        """``stats.side_stats`` over the held records."""
        return stats.side_stats(self._holds, today)

    def balances(self) -> dict[str, Balance]:
        """``stats.balances`` over the held records."""
        return stats.balances(self._holds)

    def weekly(self, today: date, weeks: int = stats.TREND_WEEKS) -> list[Week]:
        """``stats.weekly`` over the held records."""
        return stats.weekly(self._holds, today, weeks)

    def streak(self, today: date, goal: int = stats.WEEKLY_GOAL) -> int:
        """``stats.streak`` over the held records."""
        return stats.streak(self._holds, today, goal)


# -- words ------------------------------------------------------------------------


def side_suffix(side: str) -> str:
    """The label tail for a side: nothing for a two-sided exercise, else `` (left)`` etc."""
    return "" if side == "none" else f" ({side})"


def trend_text(trend_s_per_week: float | None) -> str:
    """``+1.5 s/wk``; empty with too few days in the window to tell.

    A slope that rounds to zero reads ``+0.0``, never ``-0.0``.
    """
    if trend_s_per_week is None:
        return ""
    return f"{round(trend_s_per_week, 1) + 0.0:+.1f} s/wk"


def balance_text(balance: Balance) -> str:
    """``⚠ right lags by 12.5%``, or ``even``; the mark is the >10% flag."""
    if not balance.lagging:
        return "even"
    mark = "⚠ " if balance.flagged else ""
    return f"{mark}{balance.lagging} lags by {balance.gap_pct:g}%"


def gap_text(balance: Balance | None) -> str:
    """``12.5% right lags (!)``; the mark is the >10% flag runners watch for."""
    if balance is None:
        return ""
    if not balance.lagging:
        return "even"
    flag = " (!)" if balance.flagged else ""
    return f"{balance.gap_pct:g}% {balance.lagging} lags{flag}"
