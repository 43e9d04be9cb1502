"""The picker's list of sessions: columns fitted to the width, Enter labelled for what it does.

A small line-API widget rather than Textual's DataTable: the list is a handful
of rows whose columns depend on the width, and a DataTable must be refilled
once its width is known and measures its cells only when idle, which cost the
picker a second layout and about 40 ms before its first frame (benchmarks/).
Here every line is drawn from the rows at the width it is drawn at.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from isotimer.core.text.cut import ellipsize

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
CELL_PADDING = 2  # each cell is padded by one column on either side
LONG_NAME = 32  # a name longer than this is cut rather than hide another column
# When a session was last done is what a runner chooses by ("yesterday" is 9 columns):
# its column gives way only to keep names this long, not to keep them whole.
SHORT_NAME = 12
NEVER = "never"  # the last-done cell of a session not yet done
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
        return str(getattr(self, column))

    def name_text(self) -> str:
        """The name followed by its mark, if any."""
        return f"{self.name} ({self.mark})" if self.mark else self.name


def column_widths(width: int, rows: Sequence[SessionRow]) -> dict[str, int]:
    """Each shown column's content width for a table ``width`` columns wide.

    Numbers and times are never cut. While the names would be cut, a less
    needed column gives way (tags, then holds); last done gives way only while
    the names would be cut shorter than ``SHORT_NAME``, or as soon as they would be
    cut when no session was ever done (a column of "never" says nothing). The name
    then takes its full length where it can and the tags what remains.
    """
    done = any(row.last not in ("", NEVER) for row in rows)
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
        least = min(name, SHORT_NAME) if key == "last" and done else name
        if room() >= least + (MIN_TAGS if "tags" in shown else 0):
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


class SessionTable(ScrollView, can_focus=True):
    """The sessions, a row each under a header that stays put; Enter starts the highlighted one.

    Enter is the list's own binding rather than a priority one on the screen,
    so it queues behind the keys typed before it. Up, down, page keys, Home and
    End move the highlight, which posts ``Highlighted``; Enter or a click posts
    ``Selected``. Columns are fitted to the width each line is drawn at, so
    nothing is cut mid-word at any size.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Start", key_display="⏎"),
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "move_to(0)", "First", show=False),
        Binding("end", "move_to(-1)", "Last", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "session-table--header",
        "session-table--cursor",
        "session-table--even-row",
    }
    # The look of Textual's DataTable with zebra stripes and a row cursor, which this replaced.
    DEFAULT_CSS = """
    SessionTable {
        background: $surface;
        color: $foreground;
        height: auto;
        max-height: 100%;
        &:focus {
            background-tint: $foreground 5%;
            & > .session-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .session-table--header { background-tint: $foreground 5%; }
        }
        &:dark > .session-table--even-row { background: $surface-darken-1 40%; }
        & > .session-table--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        &:ansi > .session-table--header {
            background: ansi_bright_blue;
            color: ansi_default;
        }
        & > .session-table--even-row { background: $surface-lighten-1 50%; }
        & > .session-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """

    cursor_row: reactive[int] = reactive(0, init=False)

    class Highlighted(Message):
        """The highlight moved to another row (or the rows changed under it)."""

    class Selected(Message):
        """Enter or a click on a row: start the highlighted session."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: tuple[SessionRow, ...] = ()
        self._widths: tuple[int, dict[str, int]] = (-1, {})

    # -- the rows -------------------------------------------------------------
    def show_rows(self, rows: Sequence[SessionRow]) -> None:
        """Replace the rows, keeping the highlight on the same key when it is still there."""
        keep = self.cursor_key
        self._rows = tuple(rows)
        self._widths = (-1, {})
        self.virtual_size = Size(self.virtual_size.width, len(self._rows) + 1)
        keys = [row.key for row in self._rows]
        self._move(keys.index(keep) if keep in keys else self.cursor_row)
        self.refresh()  # the owner, who gave the rows, shows what the highlight now is

    @property
    def row_count(self) -> int:
        """How many rows the list holds."""
        return len(self._rows)

    @property
    def cursor_key(self) -> str | None:
        """The key of the highlighted row, or None when the table is empty."""
        row = self.cursor_row
        return self._rows[row].key if 0 <= row < len(self._rows) else None

    @property
    def widths(self) -> dict[str, int]:
        """Each shown column's content width at the list's width now."""
        width = self.scrollable_content_region.width
        if self._widths[0] != width:
            self._widths = (width, column_widths(width, self._rows))
        return self._widths[1]

    def shown_cells(self, row: int) -> dict[str, str]:
        """The text of each shown column of ``row``, as it is drawn now."""
        return {key: self._cell(self._rows[row], key, w).plain for key, w in self.widths.items()}

    # -- moving the highlight ---------------------------------------------------
    def move_cursor(self, *, row: int) -> None:
        """Highlight ``row`` (clamped to the rows there are) and scroll it into view."""
        before = self.cursor_row
        self._move(row)
        if self.cursor_row != before:
            self.post_message(self.Highlighted())

    def _move(self, row: int) -> None:
        self.cursor_row = max(0, min(row, len(self._rows) - 1))
        visible = max(1, self.scrollable_content_region.height - 1)  # below the header
        if self.cursor_row < self.scroll_y:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= self.scroll_y + visible:
            self.scroll_to(y=self.cursor_row - visible + 1, animate=False, immediate=True)

    def watch_cursor_row(self) -> None:
        self.refresh()

    def action_move(self, delta: int) -> None:
        self.move_cursor(row=self.cursor_row + delta)

    def action_page(self, direction: int) -> None:
        page = max(1, self.scrollable_content_region.height - 1)
        self.move_cursor(row=self.cursor_row + direction * page)

    def action_move_to(self, row: int) -> None:
        self.move_cursor(row=row if row >= 0 else len(self._rows) - 1)

    def action_select_cursor(self) -> None:
        self.post_message(self.Selected())

    def on_click(self, event: events.Click) -> None:
        row = int(self.scroll_y) + event.y - 1
        if event.y >= 1 and 0 <= row < len(self._rows):
            self.move_cursor(row=row)
            self.post_message(self.Selected())

    def on_resize(self) -> None:
        self._move(self.cursor_row)  # keep the highlight in view at the new height

    # -- drawing ----------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        """The header at the top, then the row scrolled to ``y``."""
        width = self.scrollable_content_region.width
        if y == 0:
            header = dict(COLUMNS)
            cells = {key: Text(header[key]) for key in self.widths}
            return self._line(cells, "session-table--header", width)
        row = int(self.scroll_y) + y - 1
        if not 0 <= row < len(self._rows):
            return Strip.blank(width, self.rich_style)
        if row == self.cursor_row:
            part = "session-table--cursor"
        else:
            part = "session-table--even-row" if row % 2 == 0 else ""
        widths = self.widths
        cells = {key: self._cell(self._rows[row], key, w) for key, w in widths.items()}
        return self._line(cells, part, width)

    def _line(self, cells: dict[str, Text], part: str, width: int) -> Strip:
        style = self.rich_style + (self.get_component_rich_style(part) if part else Style())
        segments: list[Segment] = []
        for key, column_width in self.widths.items():
            text = cells[key]
            text.truncate(column_width, pad=True)
            segments.append(Segment(" ", style))
            segments += [
                Segment(seg.text, style + seg.style if seg.style else style)
                for seg in text.render(self.app.console)
            ]
            segments.append(Segment(" ", style))
        return Strip(segments).extend_cell_length(width, style).crop(0, width).simplify()

    @staticmethod
    def _cell(row: SessionRow, key: str, width: int) -> Text:
        if key == "name":
            return fitted_name(row, width)
        return Text(ellipsize(row.cell(key), width))
