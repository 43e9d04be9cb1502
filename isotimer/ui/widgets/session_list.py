"""Past sessions, newest first; Enter on one asks for its holds, ratings and note."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import DataTable

from isotimer.core.history.records import Outcome
from isotimer.core.history.review import RunSummary
from isotimer.core.text.durations import clock
from isotimer.core.text.printable import printable

SESSION_WIDTH = 16
ENDINGS = {
    Outcome.COMPLETED: "done",
    Outcome.STOPPED: "stopped",
    Outcome.INTERRUPTED: "cut off",
    Outcome.IN_PROGRESS: "cut off",
}
WHEN_FORMAT = "%Y-%m-%d %H:%M"
WHEN_WIDTH = len("2026-01-05 07:00")
ENDED_WIDTH = max(len(ending) for ending in ENDINGS.values())


def _rating(value: int | None) -> Text:
    return Text("" if value is None else str(value), justify="right")


class SessionList(DataTable[Text | str]):
    """One row per run; the row key is the run id."""

    class RunChosen(Message):
        """Enter (or a click) on the run ``run_id``."""

        def __init__(self, run_id: str) -> None:
            super().__init__()
            self.run_id = run_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, id=id)

    def on_mount(self) -> None:
        # Columns of a known width get it now: the table does not reflow when the rows
        # arrive (DataTable measures cells only when idle, a frame or more later).
        self.add_column("When", key="when", width=WHEN_WIDTH)
        self.add_column("Session", key="session", width=SESSION_WIDTH)
        self.add_column(Text("Holds", justify="right"), key="holds")
        self.add_column(Text("Held", justify="right"), key="held")
        self.add_column("Ended", key="ended", width=ENDED_WIDTH)
        self.add_column(Text("Effort", justify="right"), key="effort")
        self.add_column(Text("Pain", justify="right"), key="pain")
        self.add_column("", key="note", width=1)  # ✎ on runs with a note: narrow for 80 columns

    def show(self, runs: list[RunSummary]) -> None:
        """Replace the rows with these runs, in the order given, keyed by run id."""
        self.clear()
        for summary in runs:
            run = summary.run
            self.add_row(
                f"{run.started_at:{WHEN_FORMAT}}",
                Text(printable(run.session_name), no_wrap=True, overflow="ellipsis"),
                Text(str(summary.holds), justify="right"),
                Text(clock(summary.held_s), justify="right"),
                ENDINGS[Outcome(run.outcome)],
                _rating(run.effort),
                _rating(run.pain),
                "✎" if run.note else "",
                key=run.id,
            )

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.post_message(self.RunChosen(event.row_key.value))
