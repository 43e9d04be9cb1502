"""The picker's line for a programme, under its top line: what today holds, Enter starts it."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Static

from isotimer.storage.programmes.offer import TodayOffer


class TodayLine(Static, can_focus=True):
    """Says what today holds in the programme; Enter or a click asks to start it.

    Hidden when no programme runs, so the picker looks as it always did.
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "start", "Start", show=False)]

    class Chosen(Message):
        """The runner asked for today's programme session."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__("", **kwargs)
        self.offer: TodayOffer | None = None

    def show_offer(self, offer: TodayOffer | None) -> None:
        """Show ``offer`` (None hides the line)."""
        self.offer = offer
        self.display = offer is not None
        if offer is None:
            return
        text = Text(offer.line, style="bold")
        if offer.session is not None:
            text.append("  (t)", style="dim")
        self.update(text)

    def action_start(self) -> None:
        if self.offer is not None and self.offer.session is not None:
            self.post_message(self.Chosen())

    def on_click(self) -> None:
        self.action_start()
