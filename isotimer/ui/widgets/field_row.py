"""A labelled form row with a line under it for a hint or the problem with its value."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Input, Label, Static

NUMBER = r"\d*\.?\d*"
WHOLE = r"\d*"


def number_input(widget_id: str, *, whole: bool = False, placeholder: str = "") -> Input:
    """A short input that only takes digits (and a point), so typos stay out of it.

    Zero can still be typed, and the validation message for it is the one
    ``isotimer validate`` prints.
    """
    return Input(
        restrict=WHOLE if whole else NUMBER,
        placeholder=placeholder,
        compact=True,
        select_on_focus=False,
        id=widget_id,
        classes="number",
    )


class FieldRow(Vertical):
    """``Label  [control] [control]`` and, under it, a hint or the problems with the value.

    The row's ``key`` is the session file key its controls edit, so a
    validation problem about that key can be shown here.
    """

    DEFAULT_CSS = """
    FieldRow {
        height: auto;
    }
    """

    def __init__(self, label: str, *controls: Widget, key: str, hint: str = "") -> None:
        super().__init__(classes="field")
        self.label = label
        self.controls = controls
        self.key = key
        self.hint = hint
        self.problems: tuple[str, ...] = ()

    def compose(self) -> ComposeResult:
        with Horizontal(classes="field-row"):
            yield Label(self.label, classes="field-label")
            yield from self.controls
        yield Static(self.hint, classes="field-note", markup=False)

    def on_mount(self) -> None:
        self.query_one(".field-note").display = bool(self.hint)

    def show_problems(self, problems: tuple[str, ...]) -> None:
        """Show ``problems`` under the row (in red), or the hint again once they are fixed."""
        self.problems = problems
        note = self.query_one(".field-note", Static)
        text = "\n".join(problems) or self.hint
        note.update(text)
        note.display = bool(text)
        note.set_class(bool(problems), "-error")
        self.set_class(bool(problems), "-invalid")
        for control in self.query(Input):
            control.set_class(bool(problems), "-invalid")

    def focus_control(self) -> None:
        """Put the cursor in the row's first field, to take the runner to what to fix."""
        for control in self.controls:
            if control.focusable:
                control.focus()
                return
