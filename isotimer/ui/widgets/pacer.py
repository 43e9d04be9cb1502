"""The breathing pacer: a bar that fills on the in-breath and empties on the out-breath."""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.events import Resize
from textual.geometry import Region
from textual.reactive import reactive
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.widget import Widget

from isotimer.core.run.pacer import Breath, PacerState

FILL = "█"
TRACK = "─"
PAUSED = "PAUSED"


class BreathPacer(Widget):
    """Says "breathe in / hold / breathe out" over a bar as full as the lungs should be.

    The bar grows from the middle outwards. ``show`` is called every tick but
    the widget redraws only when the words or the number of filled cells
    change, which at 0.1 s ticks is a few times a second at most. Paused, the
    words say PAUSED over the frozen bar: breathing on is not what a paused
    runner needs to be told.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"pacer--track", "pacer--words"}
    DEFAULT_CSS = """
    BreathPacer {
        height: 2;
        width: 1fr;
        text-align: center;
    }
    """

    breath: reactive[Breath | None] = reactive(None)
    filled: reactive[int] = reactive(0, repaint=False)
    paused: reactive[bool] = reactive(False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._fullness = 0.0
        self._strips: list[Strip] = []
        self._drawn: tuple[object, ...] | None = None

    def show(self, state: PacerState | None, paused: bool = False) -> None:
        """Follow ``state``; None blanks the pacer (but for PAUSED, when ``paused``)."""
        self.paused = paused
        self.set_class(paused, "-paused")
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

    def watch_filled(self) -> None:
        # Only the bar moved: leave the words row alone (the breath changing redraws it).
        width, height = self.size
        self.refresh(Region(0, 1, width, max(1, height - 1)))

    def render_line(self, y: int) -> Strip:
        """One row, from strips kept until the breath, the bar or the style changes.

        The bar moves several times a second during a hold, so each frame is
        built from a few plain segments rather than by rendering Rich ``Text``.
        """
        width = self.size.width
        style = self.visual_style
        key = (self.breath, self.paused, self.filled, width, self.size.height, style)
        if key != self._drawn:
            self._drawn = key
            self._strips = self._draw(width, style)
        if not self._strips:
            return Strip.blank(width, style.rich_style)
        return self._strips[min(y, len(self._strips) - 1)]

    @property
    def words(self) -> str:
        """The words row: PAUSED, the breath, or nothing."""
        if self.paused:
            return PAUSED
        return self.breath.words.upper() if self.breath else ""

    def _draw(self, width: int, style: VisualStyle) -> list[Strip]:
        base = style.rich_style
        said = _centred([(self.words, base + self.get_component_rich_style("pacer--words"))],
                        width, base)  # fmt: skip
        if self.breath is None:
            return [said, Strip.blank(width, base)] if self.paused else []
        track = base + self.get_component_rich_style("pacer--track")
        bar_width = self._bar_width()
        side = (bar_width - self.filled) // 2
        bar = [
            (TRACK * side, track),
            (FILL * self.filled, base),
            (TRACK * (bar_width - self.filled - side), track),
        ]
        return [said, _centred(bar, width, base)]

    def render(self) -> Text:
        """The pacer as text (for tests; drawing uses ``render_line``)."""
        if self.breath is None:
            return Text(self.words, self.get_component_rich_style("pacer--words"))
        width = self._bar_width()
        side = (width - self.filled) // 2
        track = self.get_component_rich_style("pacer--track")
        words = self.get_component_rich_style("pacer--words")
        bar = Text.assemble(
            (TRACK * side, track), FILL * self.filled, (TRACK * (width - self.filled - side), track)
        )
        rows = [Text(self.words, words), *[bar] * max(1, self.size.height - 1)]
        text = Text("\n").join(rows)
        text.justify = "center"
        return text


def _centred(parts: list[tuple[str, Style]], width: int, pad: Style) -> Strip:
    """``parts`` as one line centred in ``width`` cells, padded with ``pad``."""
    length = sum(len(text) for text, _ in parts)
    left = max(0, (width - length) // 2)
    right = max(0, width - length - left)
    segments = [Segment(" " * left, pad), *(Segment(t, s) for t, s in parts if t)]
    return Strip([*segments, Segment(" " * right, pad)], left + length + right)
