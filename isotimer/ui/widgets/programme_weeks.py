"""The programme's weeks on the history's Weeks tab: sessions done against planned."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from isotimer.core.programme.schedule import WeekRecord
from isotimer.core.text.dates import day_text


def week_dots(week: WeekRecord) -> str:
    """``●●○``: a full dot per session done, a hollow one per session still planned."""
    done = min(week.done, week.planned)
    return "●" * done + "○" * (week.planned - done)


class ProgrammeWeeks(Static):
    """A row per programme week so far; hidden when no programme is followed."""

    def show_weeks(self, name: str | None, weeks: Sequence[WeekRecord]) -> None:
        """Show the weeks of programme ``name`` (None hides the table)."""
        self.display = name is not None
        if name is None:
            return
        table = Table("week", "starts", "phase", "done", box=None, title_justify="left")
        table.title = Text(f"{name}: sessions done against planned", style="bold")
        for week in weeks:
            table.add_row(
                str(week.week),
                day_text(week.start, weeks[-1].start),
                f"{week.phase} {week.phase_name}",
                f"{week_dots(week)} {week.done} of {week.planned}",
            )
        self.update(table)
