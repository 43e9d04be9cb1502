"""Sessions and time under tension per week against the two-a-week goal, and the streak."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group, RenderableType
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text
from textual.widget import Widget

from isotimer.core.history.stats import WEEKLY_GOAL, Week
from isotimer.core.run.outcomes import plural
from isotimer.core.text.dates import day_text
from isotimer.core.text.durations import clock

BAR_WIDTH = 20


def streak_text(streak: int) -> str:
    """The streak line, or what it takes to start one."""
    if streak == 0:
        return f"No streak yet: {WEEKLY_GOAL} sessions in a week start one."
    weeks = "week" if streak == 1 else "weeks in a row"
    return f"Streak: {streak} {weeks} with {WEEKLY_GOAL} or more sessions."


def this_week_text(week: Week) -> str:
    """This week's sessions against the goal, and its time under tension."""
    left = max(0, WEEKLY_GOAL - week.sessions)
    to_go = f", {left} to go" if left else ", goal met"
    return (
        f"This week: {plural(week.sessions, 'session')} (goal: {WEEKLY_GOAL}){to_go} · "
        f"{clock(week.time_under_tension_s)} under tension."
    )


def session_dots(week: Week) -> str:
    """``●●○ 1``: a dot per session, hollow ones for those the goal still wants."""
    dots = "●" * min(week.sessions, 9) + "○" * max(0, WEEKLY_GOAL - week.sessions)
    return f"{dots} {week.sessions}"


class WeeklySummary(Widget):
    """The streak, this week, and a row per week with a bar of its time under tension.

    One widget drawing Rich renderables (ProgressBar for the bars), so opening
    the review mounts nothing per week; the stylesheet colours each part.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "weekly-summary--streak",
        "weekly-summary--header",
        "weekly-summary--current",
        "weekly-summary--goal",
        "weekly-summary--bar",
        "weekly-summary--bar-back",
    }
    DEFAULT_CSS = """
    WeeklySummary {
        height: auto;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.weeks: tuple[Week, ...] = ()
        self.streak = 0

    def show(self, weeks: tuple[Week, ...], streak: int) -> None:
        """Draw these weeks and streak; nothing is mounted, so this is cheap."""
        self.weeks, self.streak = weeks, streak
        self.refresh(layout=True)

    def render(self) -> RenderableType:
        """The streak, this week, then the table of weeks; nothing until ``show``."""
        if not self.weeks:
            return ""
        streak_style = self.get_component_rich_style("weekly-summary--streak")
        return Group(
            Text(streak_text(self.streak), streak_style if self.streak else ""),
            Text(this_week_text(self.weeks[-1])),
            Text(),
            self._table(),
        )

    def _table(self) -> Table:
        style = self.get_component_rich_style
        table = Table.grid(padding=(0, 2))
        table.add_column(min_width=len("Mon 26 Jan"))
        table.add_column(min_width=8)
        table.add_column(justify="right", min_width=13)
        table.add_column(width=BAR_WIDTH)
        table.add_column()
        header = style("weekly-summary--header")
        table.add_row("Week of", "Sessions", "Under tension", "", style=header)
        most = max(week.time_under_tension_s for week in self.weeks) or 1.0
        this_week = self.weeks[-1].start  # a week of another year says which
        for week in self.weeks:
            bar = ProgressBar(
                total=most,
                completed=week.time_under_tension_s,
                width=BAR_WIDTH,
                style=style("weekly-summary--bar-back"),
                complete_style=style("weekly-summary--bar"),
                finished_style=style("weekly-summary--bar"),
            )
            table.add_row(
                day_text(week.start, this_week),
                session_dots(week),
                clock(week.time_under_tension_s),
                bar,
                Text("✓ goal", style("weekly-summary--goal")) if week.met_goal else "",
                style=style("weekly-summary--current") if week is self.weeks[-1] else "",
            )
        return table
