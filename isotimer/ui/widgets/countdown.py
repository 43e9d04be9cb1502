"""The big countdown of the seconds left in a step."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.events import Resize
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Digits

from isotimer.core.timefmt import clock
from isotimer.ui.widgets.big_digits import BigDigits, fit_scale

BIG_FROM_SCALE = 2


class Countdown(Widget):
    """Whole seconds left as ``M:SS``, as large as the space it is given allows.

    Below the room for block digits at scale 2 it falls back to Textual's
    ``Digits`` (three rows). ``seconds`` is a whole number, so setting it ten
    times a second redraws only when the displayed second changes (Textual
    skips equal values).
    """

    DEFAULT_CSS = """
    Countdown {
        height: 1fr;
        min-height: 3;
        align: center middle;
    }
    Countdown Digits {
        width: 1fr;
        text-align: center;
    }
    Countdown BigDigits { display: none; }
    Countdown.-big BigDigits { display: block; }
    Countdown.-big Digits { display: none; }
    """

    seconds: reactive[int] = reactive(0, init=False, repaint=False)

    def __init__(self, seconds: int = 0, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(Countdown.seconds, seconds)

    def compose(self) -> ComposeResult:
        yield Digits(self.text)
        yield BigDigits().set_value(self.text)

    @property
    def text(self) -> str:
        """What the countdown shows, for tests and screen readers."""
        return clock(self.seconds)

    def watch_seconds(self) -> None:
        self._fit()

    def on_resize(self, event: Resize) -> None:
        self._fit()

    def _fit(self) -> None:
        """Show the digits that fit, and update only those: the hidden ones wait for a resize."""
        big = fit_scale(self.text, self.size.width, self.size.height) >= BIG_FROM_SCALE
        self.set_class(big, "-big")
        if big:
            self.query_one(BigDigits).value = self.text
        else:
            self.query_one(Digits).update(self.text)
