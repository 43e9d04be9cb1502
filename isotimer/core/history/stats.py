"""Bests, trends, left/right balance and weekly consistency, from hold records alone."""

# Every function is one pass over the records plus a step per day or week, so
# 100,000 holds take about 0.2 s in all. A hold's date is its local date, read
# from its own UTC offset, so a morning hold never lands on the previous day.

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from isotimer.core.history.records import MIN_SESSION_HOLD_S, HoldKind, HoldOutcome, HoldRecord

TREND_WEEKS = 8
TREND_MIN_RUNS = 3  # fewer days with a completed hold in the window: not enough data
TREND_MIN_DAYS = 14  # nor when they span less than this
TREND_UNIT = "s/week"
WEEKLY_GOAL = 2  # sessions a week
BALANCE_FLAG_PCT = 10.0


@dataclass(frozen=True)
class SideStats:
    """One exercise on one side: bests, the latest hold, and the trend."""

    exercise: str
    exercise_name: str
    side: str
    holds: int
    best_s: float
    best_on: date
    last_s: float
    last_on: date
    last_target_s: float
    max_target_s: float
    level: str
    trend_s_per_week: float | None


@dataclass(frozen=True)
class SessionTrend:
    """How one exercise and side moves within one session, from its completed holds.

    ``trend`` is in ``unit``; None with ``why`` saying there is not enough
    data (fewer than three days with a completed hold, or spread under 14 days).
    """

    session: str
    exercise: str
    side: str
    trend: float | None
    runs: int
    why: str = ""
    unit: str = TREND_UNIT

    def to_dict(self) -> dict[str, object]:
        """One entry of ``stats --json``'s ``trends``."""
        return {
            "session": self.session,
            "exercise": self.exercise,
            "side": self.side,
            "trend": self.trend,
            "unit": self.unit,
            "runs": self.runs,
            "why": self.why or None,
        }


@dataclass(frozen=True)
class Balance:
    """Left against right in the latest run that worked both sides."""

    exercise: str
    left_s: float
    right_s: float
    gap_pct: float
    lagging: str | None

    @property
    def flagged(self) -> bool:
        """One side lags the other by more than 10%."""
        return self.gap_pct > BALANCE_FLAG_PCT


@dataclass(frozen=True)
class Week:
    """One ISO week (starting Monday): time under tension and distinct sessions."""

    start: date
    time_under_tension_s: float
    sessions: int

    @property
    def met_goal(self) -> bool:
        """True when the week had at least ``WEEKLY_GOAL`` sessions: it counts for a streak."""
        return self.sessions >= WEEKLY_GOAL


class _Tally:
    """Running figures for one exercise and side while records stream past."""

    __slots__ = ("best", "count", "daily", "latest", "max_target")

    def __init__(self, hold: HoldRecord) -> None:
        self.latest = hold
        self.best: HoldRecord | None = None
        self.count = 0
        self.max_target = 0.0
        self.daily: dict[date, float] = {}

    def add(self, hold: HoldRecord) -> None:
        """Count one more hold, keeping the latest, the best, the top target and each day's best.

        A skipped hold never makes a best, and only completed holds make a trend.
        """
        self.count += 1
        if hold.started_at > self.latest.started_at:
            self.latest = hold
        if hold.target_s > self.max_target:
            self.max_target = hold.target_s
        if hold.outcome is HoldOutcome.SKIPPED:
            return
        if self.best is None or hold.held_s > self.best.held_s:
            self.best = hold
        day = hold.started_at.date()
        if hold.outcome is HoldOutcome.COMPLETED and hold.held_s > self.daily.get(day, -1.0):
            self.daily[day] = hold.held_s

    def stats(self, today: date) -> SideStats:
        """The tallied figures as a SideStats, the trend measured up to ``today``."""
        latest, best = self.latest, self.best
        return SideStats(
            exercise=latest.exercise,
            exercise_name=latest.exercise_name,
            side=latest.side,
            holds=self.count,
            best_s=best.held_s if best else 0.0,
            best_on=(best or latest).started_at.date(),
            last_s=latest.held_s,
            last_on=latest.started_at.date(),
            last_target_s=latest.target_s,
            max_target_s=self.max_target,
            level=latest.level,
            trend_s_per_week=trend(sorted(self.daily.items()), today),
        )


def side_stats(holds: Iterable[HoldRecord], today: date) -> list[SideStats]:
    """Per exercise and side, sorted by exercise then side: training holds only.

    A hold test's target is its cap, so it would skew the targets here;
    ``isotimer tests`` shows the tests.
    """
    tallies: dict[tuple[str, str], _Tally] = {}
    for hold in holds:
        if hold.kind is HoldKind.TEST:
            continue
        key = (hold.exercise, hold.side)
        tally = tallies.get(key)
        if tally is None:
            tally = tallies[key] = _Tally(hold)
        tally.add(hold)
    return [tallies[key].stats(today) for key in sorted(tallies)]


def best_per_day(holds: Iterable[HoldRecord], exercise: str, side: str) -> list[tuple[date, float]]:
    """The longest training hold of each day, oldest first: the series a chart draws.

    Hold tests are charted apart (``ChartSeries.tests``).
    """
    days: dict[date, float] = {}
    for hold in holds:
        if hold.exercise == exercise and hold.side == side and hold.kind is HoldKind.HOLD:
            day = hold.started_at.date()
            days[day] = max(days.get(day, 0.0), hold.held_s)
    return sorted(days.items())


def trend(series: list[tuple[date, float]], today: date, weeks: int = TREND_WEEKS) -> float | None:
    """Seconds gained per week: least-squares slope of the daily bests in the last ``weeks``.

    A slope rather than "last vs first" so one good or bad day moves it little;
    None ("not enough data") with fewer than three days in the window or when
    they span under two weeks: two days apart make a slope, not a trend.
    """
    start = today - timedelta(weeks=weeks)
    points = [((day - start).days, seconds) for day, seconds in series if start < day <= today]
    days = {x for x, _ in points}
    if len(days) < TREND_MIN_RUNS or max(days) - min(days) < TREND_MIN_DAYS:
        return None
    count = len(points)
    mean_x = sum(x for x, _ in points) / count
    mean_y = sum(y for _, y in points) / count
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    slope_per_day = sum((x - mean_x) * (y - mean_y) for x, y in points) / spread
    return slope_per_day * 7


def session_trends(
    holds: Iterable[HoldRecord], today: date, weeks: int = TREND_WEEKS
) -> list[SessionTrend]:
    """Per session, exercise and side: the weekly slope of each day's best completed hold.

    Sessions apart, so a light session never drags a hard one's trend; skipped
    and broken holds apart, so a skip is never a loss of time.
    """
    start = today - timedelta(weeks=weeks)
    daily: dict[tuple[str, str, str], dict[date, float]] = {}
    for hold in holds:
        day = hold.started_at.date()
        if hold.outcome is not HoldOutcome.COMPLETED or not start < day <= today:
            continue
        days = daily.setdefault((hold.session, hold.exercise, hold.side), {})
        days[day] = max(days.get(day, 0.0), hold.held_s)
    found = []
    for key in sorted(daily):
        series = sorted(daily[key].items())
        slope = trend(series, today, weeks)
        span = (series[-1][0] - series[0][0]).days
        why = (
            ""
            if slope is not None
            else (
                f"not enough data: {len(series)} run{'s' if len(series) != 1 else ''} over"
                f" {span} days; a trend needs {TREND_MIN_RUNS} over {TREND_MIN_DAYS}"
            )
        )
        found.append(SessionTrend(*key, slope, len(series), why))
    return found


_SIDES = ("left", "right")


@dataclass
class _RunSides:
    """One run's longest hold on each side of one exercise, and when that run started."""

    started: datetime
    longest: dict[str, float] = field(default_factory=dict)


def balances(holds: Iterable[HoldRecord]) -> dict[str, Balance]:
    """Per per-side exercise, the left/right gap in its latest run that had both sides.

    A skipped hold never counts: it says nothing of what a side can hold. The
    gap is how far the weaker side's longest hold falls short of the stronger
    side's, in percent of the stronger.
    """
    runs: dict[tuple[str, str], _RunSides] = {}  # by (exercise, run)
    for hold in holds:
        if hold.side not in _SIDES or hold.outcome is HoldOutcome.SKIPPED:
            continue
        entry = runs.setdefault((hold.exercise, hold.run_id), _RunSides(hold.started_at))
        entry.started = min(entry.started, hold.started_at)
        entry.longest[hold.side] = max(entry.longest.get(hold.side, hold.held_s), hold.held_s)
    latest: dict[str, _RunSides] = {}
    for (exercise, _run), entry in runs.items():
        both = len(entry.longest) == len(_SIDES)
        if both and (exercise not in latest or entry.started > latest[exercise].started):
            latest[exercise] = entry
    return {
        exercise: _balance(exercise, entry.longest["left"], entry.longest["right"])
        for exercise, entry in latest.items()
    }


def _balance(exercise: str, left: float, right: float) -> Balance:
    strong = max(left, right)
    gap = 0.0 if strong <= 0 else (strong - min(left, right)) / strong * 100
    lagging = None if left == right else ("left" if left < right else "right")
    return Balance(exercise, left, right, round(gap, 1), lagging)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _runs_by_week(holds: Iterable[HoldRecord]) -> dict[date, set[str]]:
    runs_by_day: dict[date, set[str]] = {}
    for hold in holds:
        if hold.held_s >= MIN_SESSION_HOLD_S:
            runs_by_day.setdefault(hold.started_at.date(), set()).add(hold.run_id)
    by_week: dict[date, set[str]] = {}
    for day, runs in runs_by_day.items():
        by_week.setdefault(_monday(day), set()).update(runs)
    return by_week


def weekly(holds: Iterable[HoldRecord], today: date, weeks: int = TREND_WEEKS) -> list[Week]:
    """The last ``weeks`` ISO weeks up to today's, oldest first, empty weeks included."""
    holds = list(holds)
    tension_by_day: dict[date, float] = {}
    for hold in holds:
        day = hold.started_at.date()
        tension_by_day[day] = tension_by_day.get(day, 0.0) + hold.held_s
    tension: dict[date, float] = {}
    for day, seconds in tension_by_day.items():
        tension[_monday(day)] = tension.get(_monday(day), 0.0) + seconds
    sessions = _runs_by_week(holds)
    this_week = _monday(today)
    starts = [this_week - timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]
    return [Week(start, tension.get(start, 0.0), len(sessions.get(start, ()))) for start in starts]


def streak(holds: Iterable[HoldRecord], today: date, goal: int = WEEKLY_GOAL) -> int:
    """Consecutive weeks with at least ``goal`` sessions, ending this week or last.

    This week counts once it meets the goal; until then it is still under way
    and does not break a streak that ran to last week.
    """
    sessions = _runs_by_week(holds)
    week = _monday(today)
    if len(sessions.get(week, ())) < goal:
        week -= timedelta(weeks=1)
    count = 0
    while len(sessions.get(week, ())) >= goal:
        count += 1
        week -= timedelta(weeks=1)
    return count
