"""The list of every exercise and side in the history, with its best, last and trend."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import DataTable

from isotimer.core.history.review import ExerciseReview, trend_text
from isotimer.core.text.durations import short
from isotimer.core.text.printable import printable

NAME_WIDTH = 23


class ExerciseList(DataTable[Text | str]):
    """One row per exercise and side; moving the cursor says which one to chart."""

    class ExerciseHighlighted(Message):
        """The cursor moved to the row of ``key`` (``exercise:side``)."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, id=id)

    def on_mount(self) -> None:
        self.add_column("Hold", key="hold", width=NAME_WIDTH)
        self.add_column(Text("Best", justify="right"), key="best")
        self.add_column(Text("Last", justify="right"), key="last")
        self.add_column(Text("Trend", justify="right"), key="trend")

    def show(self, rows: tuple[ExerciseReview, ...]) -> None:
        """Replace the rows with these: best, last and trend per exercise and side."""
        self.clear()
        for row in rows:
            figures = row.stats
            self.add_row(
                Text(printable(row.label), no_wrap=True, overflow="ellipsis"),
                Text(short(figures.best_s), justify="right"),
                Text(short(figures.last_s), justify="right"),
                Text(trend_text(figures.trend_s_per_week).removesuffix("/wk"), justify="right"),
                key=row.key,
            )

    @property
    def highlighted_key(self) -> str | None:
        """The row key (``exercise:side``) under the cursor, or None when the table is empty."""
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.post_message(self.ExerciseHighlighted(event.row_key.value))
