"""The editor's list of holds, with keys to add, move and remove them."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList

from isotimer.core.session.draft import HoldDraft, show_value
from isotimer.core.session.model import Exercise
from isotimer.core.text.printable import printable


def hold_line(number: int, hold: HoldDraft, exercise: Exercise | None, flagged: bool) -> Content:
    """``2. Wall sit  30/60 s x2``: the library fills in what the hold leaves out."""
    name = hold.name or (exercise.name if exercise else hold.exercise) or "(no name)"
    beginner = hold.beginner if hold.beginner is not None else exercise and exercise.beginner_s
    advanced = hold.advanced if hold.advanced is not None else exercise and exercise.advanced_s
    times = f"  {show_value(beginner) or '?'}/{show_value(advanced) or '?'} s"
    sets = f" x{hold.sets}" if isinstance(hold.sets, int) and hold.sets > 1 else ""
    return Content.assemble(
        f"{number}. ",
        (printable(str(name)), "bold"),
        (times + sets, "$text-muted"),
        ("  ⚠ fix" if flagged else "", "$text-error bold"),
    )


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

    def show(self, lines: list[Content], highlighted: int | None) -> None:
        """Replace every line and highlight one (after holds are added, moved or removed)."""
        self.set_options(lines)
        if highlighted is not None and lines:
            with self.prevent(OptionList.OptionHighlighted):
                self.highlighted = highlighted

    def relabel(self, index: int, line: Content) -> None:
        """Redraw one line in place, as its hold is edited."""
        if 0 <= index < self.option_count:
            self.replace_option_prompt_at_index(index, line)

    def action_add(self) -> None:
        self.post_message(self.AddRequested())

    def action_move(self, delta: int) -> None:
        self.post_message(self.MoveRequested(delta))

    def action_remove(self) -> None:
        self.post_message(self.RemoveRequested())
