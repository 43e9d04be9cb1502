"""How the run screen shares out its rows: the countdown first, at one size for the whole session.

The digits' scale depends only on the terminal's size and the widest time the
session will show, never on the phase: every part that differs between a
hold, a rest, a switch, the lead-in or a warm-up block (pacer, cue, coming-up
text) has a slot of the same height in all of them. The countdown gets the
largest scale that leaves room for the parts that must stay (footer, phase
banner, what to do); the other parts then get what is left, most important
first, and those that do not fit are hidden rather than squeezed.
"""

from __future__ import annotations

from dataclasses import dataclass

from isotimer.ui.widgets.big_digits import size_at

FOOTER_ROWS = 1
BANNER_ROWS = 1
HEADING_ROWS = 1
PADDING_COLUMNS = 2  # each side of the run screen, dropped below WIDE_FROM
WIDE_FROM = 64  # the app's -narrow breakpoint (ui/app.py), which drops the padding
MARKER_COLUMNS = 7  # each side of the digits: room for the MUTED marker, kept symmetrical
MIN_BAND_COLUMNS = 30  # the banner and pacer span the digits, but no narrower than this
MIN_BIG_SCALE = 2  # below it the countdown falls back to Textual's three-row Digits
FALLBACK_ROWS = 3
# Optional parts, most important first, with the rows each takes.
PARTS = (
    ("pacer", 2),
    ("info", 2),  # the form cue in a hold, the coming-up text elsewhere
    ("progress", 1),
    ("details", 1),
    ("banner-tall", 2),
    ("title", 1),
)
KEPT_FIRST = ("pacer", "info")  # the countdown never grows into these two


@dataclass(frozen=True)
class RunLayout:
    """The countdown's scale and rows, and which optional parts are shown."""

    scale: int
    digits_rows: int
    digits_columns: int
    band_columns: int  # the width of the banner and pacer: the digits and their markers
    shown: frozenset[str]

    @property
    def rows_above(self) -> int:
        """Rows above the countdown (title, banner, heading): where notices may go."""
        banner = BANNER_ROWS + (2 if "banner-tall" in self.shown else 0)
        heading = HEADING_ROWS + ("details" in self.shown)
        return ("title" in self.shown) + banner + heading

    @property
    def notice_rows(self) -> tuple[int, int]:
        """The first row and the number of rows notices may take: the pacer's slot.

        Right under the countdown, which keeps its size and place all run, so a
        notice covers neither the phase, the countdown nor the next step above
        it, nor the cue or what comes next below; with no pacer, the row under
        the countdown.
        """
        return self.rows_above + self.digits_rows, dict(PARTS)[
            "pacer"
        ] if "pacer" in self.shown else 1


def content_width(width: int) -> int:
    """Columns inside the run screen's side padding."""
    return width - 2 * PADDING_COLUMNS if width >= WIDE_FROM else width


def plan_layout(width: int, height: int, widest: str) -> RunLayout:
    """Share ``width`` x ``height`` out, ``widest`` being the longest time text of the session."""
    columns = content_width(width) - 2 * MARKER_COLUMNS
    must = FOOTER_ROWS + BANNER_ROWS + HEADING_ROWS
    kept = sum(rows for name, rows in PARTS if name in KEPT_FIRST)
    scale = _largest_scale(widest, columns, height - must - kept)
    digits_columns, digits_rows = size_at(widest, scale) if scale else (len(widest), FALLBACK_ROWS)
    left = height - must - digits_rows
    shown = set()
    for name, rows in PARTS:
        if rows <= left:
            shown.add(name)
            left -= rows
    band = min(content_width(width), max(digits_columns + 2 * MARKER_COLUMNS, MIN_BAND_COLUMNS))
    return RunLayout(scale, digits_rows, digits_columns, band, frozenset(shown))


def _largest_scale(text: str, columns: int, rows: int) -> int:
    """The largest block scale of ``text`` within ``columns`` x ``rows``; 0 below the smallest."""
    scale = 0
    while True:
        wide, tall = size_at(text, scale + 1)
        if wide > columns or tall > rows:
            break
        scale += 1
    return scale if scale >= MIN_BIG_SCALE else 0
