"""Countdown digits drawn from block characters at any whole scale, to read across a room."""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from rich.text import Text
from textual.reactive import reactive
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.widget import Widget

# A 3x5 pixel font; each pixel is drawn as a square of scale columns by scale half-rows.
GLYPHS = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", "###", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", "..#", "..#", "..#"),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
    ":": (".", "#", ".", "#", "."),
}
GLYPH_ROWS = 5
HALF_BLOCKS = {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}
MAX_SCALE = 40


def bitmap(text: str) -> list[str]:
    """The pixel rows of ``text``, one pixel of space between characters."""
    glyphs = [GLYPHS[char] for char in text if char in GLYPHS]
    return [".".join(glyph[row] for glyph in glyphs) for row in range(GLYPH_ROWS)]


def size_at(text: str, scale: int) -> tuple[int, int]:
    """Columns and rows ``text`` takes at ``scale``."""
    pixels = bitmap(text)
    return len(pixels[0]) * scale, -(-GLYPH_ROWS * scale // 2)


def fit_scale(text: str, width: int, height: int) -> int:
    """The largest scale at which ``text`` fits in ``width`` x ``height``; 0 if none does."""
    best = 0
    for scale in range(1, MAX_SCALE + 1):
        columns, rows = size_at(text, scale)
        if columns > width or rows > height:
            break
        best = scale
    return best


def render_lines(text: str, scale: int) -> list[str]:
    """``text`` as rows of half-block characters; two pixel half-rows per terminal row."""
    half_rows = [
        [pixel == "#" for pixel in row for _ in range(scale)]
        for row in bitmap(text)
        for _ in range(scale)
    ]
    if len(half_rows) % 2:
        half_rows.append([False] * len(half_rows[0]))
    return [
        "".join(HALF_BLOCKS[top, bottom] for top, bottom in zip(upper, lower, strict=True))
        for upper, lower in zip(half_rows[::2], half_rows[1::2], strict=True)
    ]


class BigDigits(Widget):
    """Draws ``value`` as large as its region allows, centred both ways.

    Drawn through the line API from strips kept until the value, the size or
    the style changes: the countdown redraws every second, and building its
    dozen rows as plain segments costs a fraction of rendering a Rich ``Text``.
    """

    DEFAULT_CSS = """
    BigDigits {
        width: 1fr;
        height: 1fr;
        content-align: center middle;
    }
    """

    value: reactive[str] = reactive("")
    scale: reactive[int] = reactive(0)

    def __init__(self) -> None:
        super().__init__()
        self._strips: list[Strip] = []
        self._drawn: tuple[object, ...] | None = None

    def set_value(self, value: str) -> BigDigits:
        """Set the first value before mounting, without a refresh."""
        self.set_reactive(BigDigits.value, value)
        return self

    def drawn_scale(self) -> int:
        """The scale to draw at: ``scale`` if set, but never larger than the region allows.

        A set ``scale`` keeps one size through a session whatever the phase;
        0 means the largest that fits.
        """
        fit = fit_scale(self.value, self.size.width, self.size.height)
        return min(self.scale, fit) if self.scale else fit

    def render(self) -> Text:
        """The digits as text (for tests and screenshots; drawing uses ``render_line``)."""
        scale = self.drawn_scale()
        if scale == 0:
            return Text(self.value)
        return Text("\n".join(render_lines(self.value, scale)))

    def render_line(self, y: int) -> Strip:
        """Line ``y`` of the digits, redrawn only when value, scale, size or style changed."""
        width, height = self.size
        style = self.visual_style
        key = (self.value, self.scale, width, height, style)
        if key != self._drawn:
            self._drawn = key
            self._strips = self._draw(width, height, style)
        return self._strips[y] if 0 <= y < len(self._strips) else Strip.blank(width)

    def _draw(self, width: int, height: int, style: VisualStyle) -> list[Strip]:
        scale = self.drawn_scale()
        rows = render_lines(self.value, scale) if scale else [self.value]
        text_style = style.rich_style
        strips = [Strip([Segment(row, text_style)], cell_len(row)) for row in rows]
        pad_style = (style + VisualStyle(reverse=False)).rich_style
        return list(Strip.align(strips, pad_style, width, height, "center", "middle"))
