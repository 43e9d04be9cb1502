"""The live page's address and QR code, and plainly who can open it."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from isotimer.web.access import who_can_see
from isotimer.web.qr import qr_lines


class ShareScreen(ModalScreen[None]):
    """Shown by ``w`` during a run and when a run starts with ``--share``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,w,q", "dismiss", "Close"),
    ]

    def __init__(self, url: str, local_only: bool) -> None:
        super().__init__()
        self.url = url
        self.local_only = local_only

    def compose(self) -> ComposeResult:
        with Vertical(id="share"):
            yield Static(Text("Follow this session on a phone", style="bold"), id="share-title")
            # Black on white whatever the theme: a phone camera reads a code printed that way.
            code = Text("\n".join(qr_lines(self.url)), style="#ffffff on #000000", no_wrap=True)
            yield Static(code, id="share-qr")
            yield Static(Text(self.url, no_wrap=True, overflow="fold"), id="share-url")
            yield Static(Text(who_can_see(self.local_only)), id="share-who")
            yield Static(Text("Escape or Enter to close", style="dim"))
