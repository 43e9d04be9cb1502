"""Past sessions, newest first; Enter on one asks for its holds, ratings and note."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import DataTable

from isotimer.core.history.review import RunSummary
from isotimer.core.text.dates import moment_text
from isotimer.core.text.durations import clock
from isotimer.core.text.printable import printable

SESSION_WIDTH = 16
MIN_SESSION_WIDTH = 8
CELL_PADDING = 2  # a DataTable pads each cell by one column either side
WHEN_WIDTH = len("Mon 16 Mar 07:00")  # wider when a run of another year says which
ENDED_WIDTH = len("complete")  # complete, partial, stopped, cut off


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
        self._add_columns(WHEN_WIDTH, SESSION_WIDTH)

    def _add_columns(self, when_width: int, session_width: int) -> None:
        # Columns of a known width get it now: the table does not reflow when the rows
        # arrive (DataTable measures cells only when idle, a frame or more later).
        # How a run ended comes before the figures: at 40 columns it is still in view.
        self.add_column("When", key="when", width=when_width)
        self.add_column("Session", key="session", width=session_width)
        self.add_column("Ended", key="ended", width=ENDED_WIDTH)
        self.add_column(Text("Holds", justify="right"), key="holds")
        self.add_column(Text("Held", justify="right"), key="held")
        self.add_column(Text("Effort", justify="right"), key="effort")
        self.add_column(Text("Pain", justify="right"), key="pain")
        self.add_column("", key="note", width=1)  # ✎ on runs with a note: narrow for 80 columns

    def show(self, runs: list[RunSummary], endings: Mapping[str, str], today: date) -> None:
        """Replace the rows with these runs, in the order given, keyed by run id.

        ``endings`` is each run's one word (``complete``, ``partial``...) as its
        detail screen says it, by run id.
        """
        when = {summary.run.id: moment_text(summary.run.started_at, today) for summary in runs}
        when_width = max([WHEN_WIDTH, *map(len, when.values())])
        # Narrow, the names give way so that how each run ended stays in view.
        width = self.scrollable_content_region.width or self.app.size.width
        room = width - when_width - ENDED_WIDTH - CELL_PADDING * 3
        self.clear(columns=True)
        self._add_columns(when_width, max(MIN_SESSION_WIDTH, min(SESSION_WIDTH, room)))
        for summary in runs:
            run = summary.run
            self.add_row(
                when[run.id],
                Text(printable(run.session_name), no_wrap=True, overflow="ellipsis"),
                endings[run.id],
                Text(str(summary.holds), justify="right"),
                Text(clock(summary.held_s), justify="right"),
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
