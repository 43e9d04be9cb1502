"""The editor's list of holds, with keys to add, move and remove them."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList


class HoldList(OptionList):
    """One line a hold; the screen owns the holds and answers these requests."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add hold"),
        Binding("shift+up,minus", "move(-1)", "Move up", key_display="⇧↑"),
        Binding("shift+down,plus,equals_sign", "move(1)", "Move down", key_display="⇧↓"),
        Binding("x,delete", "remove", "Remove"),
    ]

    class AddRequested(Message):
        """The runner asked to add a hold after the highlighted one."""

    class MoveRequested(Message):
        """The runner asked to move the highlighted hold by ``delta`` places."""

        def __init__(self, delta: int) -> None:
            super().__init__()
            self.delta = delta

    class RemoveRequested(Message):
        """The runner asked to remove the highlighted hold."""

    def show(self, lines: list[Text], highlighted: int | None) -> None:
        """Replace every line and highlight one (after holds are added, moved or removed)."""
        self.set_options(lines)
        if highlighted is not None and lines:
            with self.prevent(OptionList.OptionHighlighted):
                self.highlighted = highlighted

    def relabel(self, index: int, line: Text) -> None:
        """Redraw one line in place, as its hold is edited."""
        if 0 <= index < self.option_count:
            self.replace_option_prompt_at_index(index, line)

    def action_add(self) -> None:
        self.post_message(self.AddRequested())

    def action_move(self, delta: int) -> None:
        self.post_message(self.MoveRequested(delta))

    def action_remove(self) -> None:
        self.post_message(self.RemoveRequested())
