"""One hold's keys in the editor, with the library's values shown as placeholders."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Label, Select, Static, TextArea

from isotimer.core.session.draft import HoldDraft, parse_list, parse_number, show_value
from isotimer.core.session.model import Exercise
from isotimer.ui.widgets.field_row import FieldRow, number_input

SIDES = [("left then right", "both"), ("once", "none")]
_NUMBERS = {
    "beginner": "hold-beginner",
    "advanced": "hold-advanced",
    "sets": "hold-sets",
    "rest": "hold-rest",
    "switch": "hold-switch",
    "effort": "hold-effort",
}


class HoldForm(Vertical):
    """Edits the hold the editor has highlighted; posts ``Changed`` with file values.

    Blank fields leave the key out of the file, so the library's value
    applies; the placeholders show what that value is.
    """

    DEFAULT_CSS = """
    HoldForm {
        height: auto;
    }
    """

    class Changed(Message):
        """The runner changed a field of the shown hold; ``edits`` replace its keys."""

        def __init__(self, edits: dict[str, Any]) -> None:
            super().__init__()
            self.edits = edits

    def compose(self) -> ComposeResult:
        yield Static(id="hold-heading")
        with Vertical(id="hold-fields"):
            yield FieldRow("Exercise", Static(id="hold-exercise", markup=False), key="exercise")
            yield FieldRow("Name", Input(compact=True, id="hold-name"), key="name")
            yield FieldRow(
                "Seconds",
                Label("beg.", classes="unit"),
                number_input("hold-beginner"),
                Label("adv.", classes="unit"),
                number_input("hold-advanced"),
                key="seconds",
            )
            yield FieldRow("Sets", number_input("hold-sets", whole=True), key="sets")
            yield FieldRow(
                "Rest",
                number_input("hold-rest"),
                Label("s after each set", classes="unit"),
                key="rest",
            )
            sides = Select(SIDES, prompt="library", compact=True, id="hold-sides")
            yield FieldRow("Sides", sides, key="sides")
            yield FieldRow(
                "Switch", number_input("hold-switch"), Label("s", classes="unit"), key="switch"
            )
            yield FieldRow(
                "Effort",
                number_input("hold-effort", whole=True),
                Label("% of max", classes="unit"),
                key="effort",
            )
            cues = TextArea(compact=True, soft_wrap=True, id="hold-cues")
            yield FieldRow("Cues", cues, key="cues", hint="one cue a line")
        yield Static(id="hold-problems", markup=False)

    def load(self, hold: HoldDraft | None, exercise: Exercise | None, heading: str) -> None:
        """Show ``hold`` (None: there are no holds) without reporting it as an edit."""
        self.query_one("#hold-heading", Static).update(heading)
        self.query_one("#hold-fields").display = hold is not None
        if hold is None:
            return
        self._placeholders(exercise)
        about = f"{exercise.name} ({exercise.id})" if exercise else hold.exercise or "your own"
        self.query_one("#hold-exercise", Static).update(about)
        with self.prevent(Input.Changed, Select.Changed, TextArea.Changed):
            self.query_one("#hold-name", Input).value = show_value(hold.name)
            for key, widget_id in _NUMBERS.items():
                self.query_one(f"#{widget_id}", Input).value = show_value(getattr(hold, key))
            sides = self.query_one("#hold-sides", Select)
            sides.value = hold.sides if hold.sides in ("both", "none") else Select.NULL
            cues = hold.cues if isinstance(hold.cues, tuple) else ()
            self.query_one("#hold-cues", TextArea).text = "\n".join(cues)

    def _placeholders(self, exercise: Exercise | None) -> None:
        """The values that apply when a field is left blank."""
        defaults = {
            "hold-name": exercise.name if exercise else "",
            "hold-beginner": show_value(exercise.beginner_s) if exercise else "",
            "hold-advanced": show_value(exercise.advanced_s) if exercise else "",
            "hold-sets": "1",
            "hold-rest": "30",
            "hold-switch": "5",
            "hold-effort": "",
        }
        for widget_id, placeholder in defaults.items():
            self.query_one(f"#{widget_id}", Input).placeholder = placeholder
        per_side = exercise is not None and exercise.per_side
        self.query_one("#hold-sides", Select).prompt = f"library: {SIDES[0 if per_side else 1][0]}"
        self.query_one("#hold-cues", TextArea).placeholder = (
            "\n".join(exercise.cues) if exercise else ""
        )

    def edits(self) -> dict[str, Any]:
        """The file values the fields hold now."""
        numbers = {
            key: parse_number(self.query_one(f"#{widget_id}", Input).value)
            for key, widget_id in _NUMBERS.items()
        }
        sides = self.query_one("#hold-sides", Select).value
        return {
            "name": self.query_one("#hold-name", Input).value.strip() or None,
            **numbers,
            "sides": None if sides is Select.NULL else sides,
            "cues": parse_list(self.query_one("#hold-cues", TextArea).text, "\n"),
        }

    @on(Input.Changed)
    @on(Select.Changed)
    @on(TextArea.Changed)
    def _changed(self, event: Input.Changed | Select.Changed | TextArea.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(self.edits()))

    def show_problems(self, problems: dict[str, tuple[str, ...]]) -> None:
        """Put each key's problems beside its row; the rest under the form."""
        for row in self.query(FieldRow):
            row.show_problems(problems.get(row.key, ()))
        shown = {row.key for row in self.query(FieldRow)}
        rest = [what for key, whats in problems.items() if key not in shown for what in whats]
        note = self.query_one("#hold-problems", Static)
        note.update("\n".join(rest))
        note.display = bool(rest)
