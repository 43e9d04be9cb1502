"""The live page's address and QR code, and plainly who can open it.

The address comes first and always on one line, whole, never folded inside
its token: a runner who cannot scan types it. The code sits beside the words
so the dialog fits 80x24; a terminal too short for the code still shows the
address, and one too narrow for the address says how wide it must be.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from isotimer.web.access import who_can_see
from isotimer.web.qr import qr_lines

FRAME_COLUMNS = 4  # the dialog's border and padding around the address
FRAME_ROWS = 4  # border, title and address above the code


class ShareScreen(ModalScreen[None]):
    """Shown by ``w`` during a run and when a run starts with ``--share``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,w,q", "dismiss", "Close"),
    ]

    def __init__(self, url: str, local_only: bool, others: Sequence[str] = ()) -> None:
        super().__init__()
        self.url = url
        self.local_only = local_only
        self.others = tuple(others)
        self.code = qr_lines(url)

    def compose(self) -> ComposeResult:
        with Vertical(id="share"):
            yield Static(Text("Follow this session on a phone", style="bold"), id="share-title")
            yield Static(Text(self.url, no_wrap=True, overflow="crop"), id="share-url")
            with Horizontal(id="share-body"):
                # Black on white whatever the theme: a phone camera reads a code printed that way.
                code = Text("\n".join(self.code), style="#ffffff on #000000", no_wrap=True)
                yield Static(code, id="share-qr")
                with Vertical(id="share-side"):
                    yield Static(Text(who_can_see(self.local_only)), id="share-who")
                    if self.others:
                        yield Static(Text(self._others_text()), id="share-others")
                    yield Static(
                        Text(f"Make the terminal {self._rows_needed()} rows tall for the code."),
                        id="share-taller",
                    )
                    yield Static(Text("Escape or Enter to close", style="dim"), id="share-close")
            yield Static(Text(self._narrow_text()), id="share-narrow")

    def _others_text(self) -> str:
        listed = "\n".join(self.others)
        return f"Also at (same port and key):\n{listed}\n--host ADDRESS puts one in the code."

    def _columns_needed(self) -> int:
        return len(self.url) + FRAME_COLUMNS

    def _rows_needed(self) -> int:
        return len(self.code) + FRAME_ROWS

    def _narrow_text(self) -> str:
        return (
            f"Too narrow for the address on one line: make the terminal "
            f"{self._columns_needed()} columns wide to see it whole with its code. "
            f"Type it as one line:\n{self.url}\nEscape or Enter to close"
        )

    def on_mount(self) -> None:
        self._fit(self.app.size.width, self.app.size.height)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width, event.size.height)

    def _fit(self, width: int, height: int) -> None:
        self.set_class(width < self._columns_needed(), "-narrow")
        self.set_class(height < self._rows_needed(), "-short")
