"""The morning check-in: how the sore spot is today against before the last session."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from isotimer.core.history.ratings import parse_rating
from isotimer.core.history.records import COMPARED
from isotimer.core.text.dates import day_text
from isotimer.storage.history.mornings import DueCheckin

Answers = dict[str, tuple[str | None, int | None]]


class CheckinScreen(ModalScreen[Answers | None]):
    """Asks once, per side where the session worked sides apart; every answer is optional.

    Dismisses with each side's (compared, pain), or None when skipped (Escape).
    Enter in a pain field or Ctrl+S saves; Enter on a choice picks it.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "skip", "Skip"),
        Binding("ctrl+s", "save", "Save"),
    ]

    def __init__(self, due: DueCheckin) -> None:
        super().__init__()
        self.due = due

    def compose(self) -> ComposeResult:
        run = self.due.run
        when = day_text(run.started_at.date())
        with Vertical(id="dialog"):
            yield Static("How is it this morning?", id="question")
            yield Static(
                f"After {run.session_name} on {when}: compared with before that session, "
                "is the sore spot better, the same or worse, and how much does it hurt? "
                "Both are optional; a worse morning eases that hold next time.",
                id="detail",
            )
            for side in self.due.sides:
                with Horizontal(classes="checkin-side"):
                    yield Label("" if side == "none" else side.title(), classes="side")
                    with RadioSet(id=f"compared-{side}"):
                        for word in COMPARED:
                            yield RadioButton(word.title(), id=f"{side}-{word}")
                    yield Label("Pain")
                    yield Input(
                        placeholder="0-10", id=f"pain-{side}", type="integer", max_length=2,
                        compact=True,
                    )  # fmt: skip
            with Horizontal(id="buttons"):
                yield Button("Skip (Esc)", id="skip")
                yield Button("Save (Ctrl+S)", variant="primary", id="save")

    def on_mount(self) -> None:
        self.query_one(RadioSet).focus()

    def answers(self) -> Answers:
        """Each side's answer as typed.

        Raises:
            ValueError: a pain rating is not 0 to 10.
        """
        found: Answers = {}
        for side in self.due.sides:
            pressed = self.query_one(f"#compared-{side}", RadioSet).pressed_button
            compared = str(pressed.id).rpartition("-")[2] if pressed is not None else None
            pain = parse_rating(self.query_one(f"#pain-{side}", Input).value, 0, 10)
            found[side] = (compared, pain)
        return found

    @on(Input.Submitted)
    def action_save(self) -> None:
        try:
            self.dismiss(self.answers())
        except ValueError:
            self.notify("Pain is a whole number from 0 to 10.", severity="error")

    def action_skip(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_skip()
