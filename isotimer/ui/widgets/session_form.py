"""The session's own keys in the editor: name, description, tags, rounds, timings, breathing."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Label

from isotimer.core.session.draft import (
    BreathingDraft,
    SessionDraft,
    parse_list,
    parse_number,
    show_value,
)
from isotimer.ui.widgets.field_row import FieldRow, number_input

_BREATHING = {"inhale": "session-inhale", "hold": "session-breath-hold", "exhale": "session-exhale"}


class SessionForm(Vertical):
    """Shows a draft's session keys; posts ``Changed`` with the edits as file values."""

    DEFAULT_CSS = """
    SessionForm {
        height: auto;
    }
    """

    class Changed(Message):
        """The runner changed a session field; ``edits`` replace the draft's keys."""

        def __init__(self, edits: dict[str, Any]) -> None:
            super().__init__()
            self.edits = edits

    def compose(self) -> ComposeResult:
        yield FieldRow("Name", Input(compact=True, id="session-name"), key="name")
        yield FieldRow("About", Input(compact=True, id="session-description"), key="description")
        tags = Input(placeholder="comma, separated", compact=True, id="session-tags")
        yield FieldRow("Tags", tags, key="tags")
        yield FieldRow(
            "Rounds", number_input("session-rounds", whole=True, placeholder="1"), key="rounds"
        )
        yield FieldRow(
            "Lead-in",
            number_input("session-lead-in", placeholder="auto"),
            Label("s", classes="unit"),
            key="lead_in",
            hint="blank: from your settings",
        )
        yield FieldRow(
            "Round rest",
            number_input("session-round-rest", placeholder="60"),
            Label("s", classes="unit"),
            key="rest_between_rounds",
        )
        yield FieldRow(
            "Breathing",
            Label("in", classes="unit"),
            number_input("session-inhale", placeholder="3"),
            Label("hold", classes="unit"),
            number_input("session-breath-hold", placeholder="0"),
            Label("out", classes="unit"),
            number_input("session-exhale", placeholder="3"),
            key="breathing",
            hint="pacer; blank: 3 s in, 3 s out",
        )

    def load(self, draft: SessionDraft) -> None:
        """Fill the fields from ``draft`` without reporting it as an edit."""
        breathing = draft.breathing if isinstance(draft.breathing, BreathingDraft) else None
        values = {
            "session-name": draft.name,
            "session-description": draft.description,
            "session-tags": ", ".join(draft.tags) if isinstance(draft.tags, tuple) else draft.tags,
            "session-rounds": draft.rounds,
            "session-lead-in": draft.lead_in,
            "session-round-rest": draft.rest_between_rounds,
            **{
                widget_id: getattr(breathing, part) if breathing else None
                for part, widget_id in _BREATHING.items()
            },
        }
        with self.prevent(Input.Changed):
            for widget_id, value in values.items():
                self.query_one(f"#{widget_id}", Input).value = show_value(value)

    def edits(self) -> dict[str, Any]:
        """The file values the fields hold now; blank fields leave their key out."""

        def text(widget_id: str) -> str:
            return self.query_one(f"#{widget_id}", Input).value.strip()

        breathing = BreathingDraft(
            **{part: parse_number(text(widget_id)) for part, widget_id in _BREATHING.items()}
        )
        return {
            "name": text("session-name"),
            "description": text("session-description") or None,
            "tags": parse_list(text("session-tags"), ","),
            "rounds": parse_number(text("session-rounds")),
            "lead_in": parse_number(text("session-lead-in")),
            "rest_between_rounds": parse_number(text("session-round-rest")),
            "breathing": breathing if breathing.to_toml() else None,
        }

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(self.edits()))

    def show_problems(self, problems: dict[str, tuple[str, ...]]) -> None:
        """Put each key's problems beside its row; clear the rest."""
        for row in self.query(FieldRow):
            row.show_problems(problems.get(row.key, ()))
