"""The breathing pacer: a bar that fills on the in-breath and empties on the out-breath."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.events import Resize
from textual.reactive import reactive
from textual.widget import Widget

from isotimer.core.pacer import Breath, PacerState

FILL = "█"
TRACK = "─"


class BreathPacer(Widget):
    """Says "breathe in / hold / breathe out" over a bar as full as the lungs should be.

    The bar grows from the middle outwards. ``show`` is called every tick but
    the widget redraws only when the words or the number of filled cells
    change, which at 0.1 s ticks is a few times a second at most.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"pacer--track", "pacer--words"}
    DEFAULT_CSS = """
    BreathPacer {
        height: 3;
        width: 1fr;
        text-align: center;
    }
    """

    breath: reactive[Breath | None] = reactive(None)
    filled: reactive[int] = reactive(0)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._fullness = 0.0

    def show(self, state: PacerState | None) -> None:
        """Follow ``state``; None blanks the pacer."""
        self.breath = state.breath if state else None
        self._fullness = state.fullness if state else 0.0
        self.filled = self._cells(self._fullness)
        for breath in Breath:
            self.set_class(state is not None and state.breath is breath, f"-{breath.value}")

    def _cells(self, fullness: float) -> int:
        """Filled cells, always even so the bar stays centred on its track."""
        width = self._bar_width()
        return 2 * round(fullness * width / 2)

    def _bar_width(self) -> int:
        return max(0, self.size.width - 4)

    def on_resize(self, event: Resize) -> None:
        self.filled = self._cells(self._fullness)

    def render(self) -> Text:
        if self.breath is None:
            return Text("")
        width = self._bar_width()
        side = (width - self.filled) // 2
        track = self.get_component_rich_style("pacer--track")
        words = self.get_component_rich_style("pacer--words")
        bar = Text.assemble(
            (TRACK * side, track), FILL * self.filled, (TRACK * (width - self.filled - side), track)
        )
        rows = [Text(self.breath.words.upper(), words), *[bar] * max(1, self.size.height - 1)]
        text = Text("\n").join(rows)
        text.justify = "center"
        return text
