"""The list of every exercise and side in the history, with its best, last and trend."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import DataTable

from isotimer.core.history.review import ExerciseReview, side_suffix, trend_text
from isotimer.core.text.cut import ellipsize
from isotimer.core.text.durations import short
from isotimer.core.text.printable import printable

NAME_WIDTH = 23  # before the list knows its width
MIN_NAME_WIDTH = 12
HEADERS = ("Best", "Last", "Trend")
CELL_PADDING = 2  # a DataTable pads each cell by one column either side


def fitted_label(row: ExerciseReview, width: int) -> str:
    """The name cut to ``width`` with its side kept whole: ``Side plank with… (left)``.

    Cut from the end, two sides of one long name would read the same.
    """
    side = side_suffix(row.stats.side)
    return ellipsize(printable(row.stats.exercise_name), max(1, width - len(side))) + side


class ExerciseList(DataTable[Text | str]):
    """One row per exercise and side; moving the cursor says which one to chart."""

    class ExerciseHighlighted(Message):
        """The cursor moved to the row of ``key`` (``exercise:side``)."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, id=id)
        self._rows: tuple[ExerciseReview, ...] = ()
        self._laid_out_for = -1

    def on_mount(self) -> None:
        self._add_columns(NAME_WIDTH)

    def on_resize(self) -> None:
        """The names take what the figures leave, so a new width lays the rows out again."""
        if self._rows and self._laid_out_for != self.scrollable_content_region.width:
            self._fill()

    def _add_columns(self, name_width: int, heads: tuple[str, ...] = HEADERS) -> None:
        self.add_column("Hold", key="hold", width=name_width)
        for head in heads:
            self.add_column(Text(head, justify="right"), key=head.lower())

    def show(self, rows: tuple[ExerciseReview, ...]) -> None:
        """Replace the rows with these: best, last and trend per exercise and side.

        The figures and their headers are shown whole; the names take what
        they leave of the list's width.
        """
        self._rows = rows
        self._fill()

    def _fill(self) -> None:
        """Lay the rows out for the width now; too narrow for the names, Last gives way.

        The facts under the list give the highlighted row's last hold anyway.
        """
        figures = [_figures(row) for row in self._rows]
        widths = [
            max(len(head), *(len(cells[n]) for cells in figures)) for n, head in enumerate(HEADERS)
        ]
        self._laid_out_for = width = self.scrollable_content_region.width
        longest = max(len(row.label) for row in self._rows)
        shown = list(range(len(HEADERS)))
        room = width - sum(widths) - CELL_PADDING * 4
        if room < longest:
            shown.remove(HEADERS.index("Last"))
            room += widths[HEADERS.index("Last")] + CELL_PADDING
        name_width = max(MIN_NAME_WIDTH, room) if width else NAME_WIDTH
        key = self.highlighted_key
        self.clear(columns=True)
        self._add_columns(name_width, tuple(HEADERS[n] for n in shown))
        for row, cells in zip(self._rows, figures, strict=True):
            self.add_row(
                Text(fitted_label(row, name_width), no_wrap=True),
                *(Text(cells[n], justify="right") for n in shown),
                key=row.key,
            )
        if key is not None and key in self.rows:
            self.move_cursor(row=self.get_row_index(key))

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


def _figures(row: ExerciseReview) -> tuple[str, str, str]:
    figures = row.stats
    trend = trend_text(figures.trend_s_per_week).removesuffix("/wk")
    return short(figures.best_s), short(figures.last_s), trend
