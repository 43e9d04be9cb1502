"""The big countdown of the seconds left in a step, with the muted marker beside it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.events import Resize
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Digits, Static

from isotimer.core.text.durations import clock
from isotimer.ui.widgets.big_digits import BigDigits, fit_scale, size_at

BIG_FROM_SCALE = 2
SMALL_ROWS = 3  # Textual's Digits


def rows_at(scale: int) -> int:
    """The rows the countdown takes at ``scale``: the block digits', or the small Digits'."""
    return size_at("0", scale)[1] if scale >= BIG_FROM_SCALE else SMALL_ROWS


MUTED = "MUTED"


class Countdown(Widget):
    """Whole seconds left as ``M:SS``, at the scale the screen chose for the session.

    ``scale`` None lets the digits fill the region; below ``BIG_FROM_SCALE``
    (chosen, or all the region allows) the countdown falls back to Textual's
    ``Digits`` (three rows). ``seconds`` is a whole number, so setting it ten
    times a second redraws only when the displayed second changes (Textual
    skips equal values). ``muted`` shows a lasting MUTED beside the digits,
    in a column kept free for it on both sides so the digits stay centred.
    """

    DEFAULT_CSS = """
    Countdown {
        height: 1fr;
        min-height: 3;
        layout: horizontal;
    }
    Countdown .marker {
        width: 7;
        height: 1fr;
        content-align: center middle;
    }
    Countdown #digits {
        width: 1fr;
        height: 1fr;
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
    scale: reactive[int | None] = reactive(None, init=False, repaint=False)
    muted: reactive[bool] = reactive(False, init=False)

    def __init__(self, seconds: int = 0, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(Countdown.seconds, seconds)

    def compose(self) -> ComposeResult:
        yield Static("", classes="marker")
        with Vertical(id="digits"):
            yield Digits(self.text)
            yield BigDigits().set_value(self.text)
        yield Static("", classes="marker", id="muted")

    @property
    def text(self) -> str:
        """What the countdown shows, for tests and screen readers."""
        return clock(self.seconds)

    def watch_seconds(self) -> None:
        self._fit()

    def watch_scale(self, scale: int | None) -> None:
        # One height for the whole run, set by the screen's layout: the parts around the
        # digits (a cue, what comes next, a saving line) never take rows from them, so
        # the countdown neither shrinks nor moves between phases.
        if scale is not None:
            self.styles.height = rows_at(scale)
        self._fit()

    def watch_muted(self, muted: bool) -> None:
        self.query_one("#muted", Static).update(MUTED if muted else "")

    def on_resize(self, event: Resize) -> None:
        self._fit()

    def _fit(self) -> None:
        """Show the digits that fit, and update only those: the hidden ones wait for a resize."""
        region = self.query_one("#digits").size
        room = fit_scale(self.text, region.width, region.height)
        chosen = room if self.scale is None else min(self.scale, room)
        big = chosen >= BIG_FROM_SCALE
        self.set_class(big, "-big")
        if big:
            digits = self.query_one(BigDigits)
            digits.scale = chosen
            digits.value = self.text
        else:
            self.query_one(Digits).update(self.text)
