"""The keys of a screen, large and in one place, on ``?``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


def key_names(binding: Binding) -> str:
    """``q / escape`` for a binding of several keys, or its own display text."""
    if binding.key_display:
        return binding.key_display
    return " / ".join(binding.key.split(","))


class HelpScreen(ModalScreen[None]):
    """Lists ``bindings`` with their descriptions, then any ``notes``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q,enter", "close", "Close")
    ]

    def __init__(self, title: str, bindings: Sequence[BindingType], notes: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.bindings = [b for b in bindings if isinstance(b, Binding) and b.description]
        self.notes = notes

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for binding in self.bindings:
            table.add_row(key_names(binding), binding.description)
        with Vertical(id="dialog"):
            yield Static(self.title_text, id="help-title")
            with VerticalScroll(id="help-body"):
                yield Static(table, id="help-keys")
                if self.notes:
                    yield Static(Text(self.notes), id="help-notes")
            yield Static("Press ? or Escape to close", id="help-close")

    def action_close(self) -> None:
        self.dismiss(None)
