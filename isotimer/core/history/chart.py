"""The hold chart's numbers: best hold per day, the target line, and ticks a person can read."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

# Steps for the seconds axis: round numbers a runner counts in.
SECOND_STEPS = (5, 10, 15, 20, 30, 60, 120, 300, 600, 1800, 3600)
HEADROOM = 1.1  # room above the highest point so the line never hugs the frame
# No hold lasts a day: a point above is clipped, so one bad row (held_s 1e308) in an old
# history can neither overflow the axis nor make it count ticks for ever.
CEILING_S = 86_400.0


@dataclass(frozen=True)
class ChartSeries:
    """What the chart draws for one exercise and side."""

    points: tuple[tuple[date, float], ...]
    target_s: float
    best_s: float
    tests: tuple[tuple[date, float], ...] = ()  # hold test results, marked apart from the line

    @property
    def days(self) -> list[int]:
        """Days as ordinals: an evenly spaced x axis however the dates fall."""
        return [day.toordinal() for day, _ in self.points]

    @property
    def seconds(self) -> list[float]:
        """The held seconds of each point, in day order: the y values."""
        return [seconds for _, seconds in self.points]

    @property
    def best_day(self) -> int:
        """The first day the best hold was reached, as an ordinal."""
        return next(day.toordinal() for day, seconds in self.points if seconds >= self.best_s)

    @property
    def x_range(self) -> tuple[int, int]:
        """First and last day, tests too; a single day is widened so it sits mid-chart."""
        days = [day.toordinal() for day, _ in (*self.points, *self.tests)]
        first, last = min(days), max(days)
        return (first - 3, last + 3) if first == last else (first, last)

    @property
    def top_s(self) -> float:
        """The top of the seconds axis: above every point and the target, on a step."""
        tested = [seconds for _, seconds in self.tests]
        highest = min(max([*self.seconds, *tested, self.target_s, 1.0]), CEILING_S) * HEADROOM
        step = second_step(highest, 4)
        return math.ceil(highest / step) * step


def second_step(top_s: float, count: int) -> int:
    """The smallest round step that puts at most ``count`` ticks above zero."""
    return next((step for step in SECOND_STEPS if top_s / step <= count), SECOND_STEPS[-1])


def second_ticks(top_s: float, count: int) -> list[tuple[float, str]]:
    """Round positions from 0 to ``top_s`` labelled ``30 s`` or ``2 min``; never over count + 1."""
    top_s = min(top_s, CEILING_S * HEADROOM)
    step = second_step(top_s, count)
    if top_s / step > count:  # past the largest round step: whole hours
        step = math.ceil(top_s / max(count, 1) / SECOND_STEPS[-1]) * SECOND_STEPS[-1]
    ticks = []
    for value in range(0, int(top_s) + 1, step):
        label = f"{value // 60} min" if value >= 120 and value % 60 == 0 else f"{value} s"
        ticks.append((float(value), label))
    return ticks


def day_ticks(
    first: date, last: date, columns: int, x_range: tuple[int, int] | None = None
) -> list[tuple[int, str]]:
    """Ticks on calendar boundaries, labelled for the span and spread across ``columns``.

    Weeks show days (``5 Jan``), a few years show months (``Feb 2026``), decades
    show years: a boundary is a date a runner recognises, an even split is not.
    Every other boundary is dropped, then every other of those, until labels
    stand three cells apart; plotext places labels that crowd each other in an
    order that changes from run to run. ``x_range`` is the axis, in ordinals.
    """
    candidates, label = _boundaries(first, last)
    low, high = x_range or (first.toordinal(), last.toordinal())
    scale = columns / max(1, high - low)
    for step in range(1, len(candidates) + 1):
        ticks = [(day.toordinal(), label.format(day)) for day in candidates[::step]]
        if all(
            (right - left) * scale >= (len(left_label) + len(right_label)) / 2 + 3
            for (left, left_label), (right, right_label) in pairwise(ticks)
        ):
            return ticks
    return []


def _boundaries(first: date, last: date) -> tuple[list[date], str]:
    """The calendar boundaries in ``first`` to ``last`` worth a tick, and how to label them."""
    span = (last - first).days
    if span <= 62:
        return [first + timedelta(days=n) for n in range(span + 1)], "{0.day} {0:%b}"
    if span <= 3 * 366:
        return _month_starts(first, last), "{0:%b %Y}"
    return [date(year, 1, 1) for year in range(first.year + 1, last.year + 1)], "{0:%Y}"


def _month_starts(first: date, last: date) -> list[date]:
    months: list[date] = []
    year, month = (first.year, first.month + 1) if first.day > 1 else (first.year, first.month)
    while True:
        if month > 12:
            year, month = year + 1, 1
        start = date(year, month, 1)
        if start > last:
            return months
        months.append(start)
        month += 1
