"""The picker's list of sessions: columns fitted to the width, Enter labelled for what it does."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.widgets import DataTable

from isotimer.core.textfit import ellipsize

COLUMNS = (
    ("number", "#"),
    ("name", "Session"),
    ("time", "Time"),
    ("last", "Last"),
    ("holds", "Holds"),
    ("tags", "Tags"),
)
DROP_FIRST = ("tags", "holds", "last")  # what gives way when the table is narrow
FLEXIBLE = ("name", "tags")  # cut with an ellipsis; the other columns are shown whole
CELL_PADDING = 2  # DataTable pads each cell by one column on either side
LONG_NAME = 32  # a name longer than this is cut rather than hide another column
MIN_TAGS = 8


@dataclass(frozen=True)
class SessionRow:
    """What one row says; ``mark`` ("edited", "yours") follows the name and is never cut."""

    key: str
    number: str
    name: str
    mark: str = ""
    time: str = ""
    last: str = ""
    holds: str = ""
    tags: str = ""
    broken: bool = False

    def cell(self, column: str) -> str:
        """The text of the field named ``column``."""
        return getattr(self, column)

    def name_text(self) -> str:
        """The name followed by its mark, if any."""
        return f"{self.name} ({self.mark})" if self.mark else self.name


def column_widths(width: int, rows: Sequence[SessionRow]) -> dict[str, int]:
    """Each shown column's content width for a table ``width`` columns wide.

    Numbers and times are never cut. While the names would be cut, a less
    needed column gives way (tags, then holds, then last done); the name then
    takes its full length where it can and the tags what remains.
    """
    wanted = {
        key: max([len(head), *(len(_full(row, key)) for row in rows)]) for key, head in COLUMNS
    }
    shown = [key for key, _ in COLUMNS]

    def room() -> int:
        """Columns left for the name and tags once the fixed columns and padding are taken."""
        fixed = sum(wanted[key] for key in shown if key not in FLEXIBLE)
        return width - fixed - CELL_PADDING * len(shown)

    name = min(wanted["name"], LONG_NAME)
    for key in DROP_FIRST:
        if room() >= name + (MIN_TAGS if "tags" in shown else 0):
            break
        shown.remove(key)
    widths = {key: wanted[key] for key in shown if key not in FLEXIBLE}
    left = max(1, room())
    if "tags" in shown:
        widths["name"] = min(wanted["name"], left - MIN_TAGS)
        widths["tags"] = left - widths["name"]
    else:
        widths["name"] = left
    return {key: widths[key] for key, _ in COLUMNS if key in widths}


def _full(row: SessionRow, key: str) -> str:
    return row.name_text() if key == "name" else row.cell(key)


def fitted_name(row: SessionRow, width: int) -> Text:
    """The name cut to fit beside its mark, which always shows (dim) in full."""
    text = Text()
    if row.broken:
        return Text(ellipsize(row.name, width))
    mark = f" ({row.mark})" if row.mark else ""
    text.append(ellipsize(row.name, max(1, width - len(mark))))
    text.append(mark, style="dim italic")
    return text


class SessionTable(DataTable):
    """Enter selects the row (the picker starts it), shown in the footer as Start.

    Enter stays the table's own binding rather than a priority one on the
    screen, so it queues behind the keys typed before it. Columns are laid
    out again whenever the width changes, so nothing is cut mid-word.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Start", key_display="⏎"),
    ]

    _rows: tuple[SessionRow, ...] = ()
    _laid_out_for = -1

    def show_rows(self, rows: Sequence[SessionRow]) -> None:
        """Replace the rows, keeping the cursor on the same key when it is still there."""
        keep = self.cursor_key
        self._rows = tuple(rows)
        if not self.size.width:
            return  # laid out once its width is known (on_resize), not twice at start-up
        self._lay_out()
        keys = [row.key for row in self._rows]
        if keep in keys:
            self.move_cursor(row=keys.index(keep), animate=False)

    @property
    def cursor_key(self) -> str | None:
        """The key of the highlighted row, or None when the table is empty."""
        row = self.cursor_row
        return self._rows[row].key if 0 <= row < len(self._rows) else None

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._laid_out_for:
            keep = self.cursor_row
            self._lay_out()
            self.move_cursor(row=keep, animate=False)

    def _lay_out(self) -> None:
        width = self.size.width
        self._laid_out_for = self.size.width
        if len(self._rows) + 1 > self.size.height:  # the header and rows will need a scrollbar
            width -= self.styles.scrollbar_size_vertical
        widths = column_widths(width, self._rows)
        self.clear(columns=True)
        headers = dict(COLUMNS)
        for key, column_width in widths.items():
            self.add_column(headers[key], width=column_width, key=key)
        for row in self._rows:
            cells = [self._cell(row, key, column_width) for key, column_width in widths.items()]
            self.add_row(*cells, key=row.key)

    @staticmethod
    def _cell(row: SessionRow, key: str, width: int) -> Text:
        if key == "name":
            return fitted_name(row, width)
        return Text(ellipsize(row.cell(key), width))
