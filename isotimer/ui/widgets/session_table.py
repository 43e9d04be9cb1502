"""The picker's list of sessions: a DataTable whose Enter is labelled for what it does."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import DataTable


class SessionTable(DataTable):
    """Enter selects the row (the picker starts it), shown in the footer as Start.

    Enter stays the table's own binding rather than a priority one on the
    screen, so it queues behind the keys typed before it.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Start", key_display="⏎"),
    ]
