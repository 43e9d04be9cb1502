"""Theme colours made readable: each at least 4.5:1 against the background (WCAG AA).

Themes pick their accent colours for buttons and borders, not for a countdown
read from two metres away: the light theme's green is 1.8:1 on its grey. The
app adds ``$readable-*`` variables to every theme: the same hue, moved towards
the theme's text colour only as far as it takes to reach 4.5:1, so dark and
light themes both keep their look and still read. Text on a coloured band
(``$readable-on-*``) is black or white, whichever contrasts more: one of the
two always reaches 4.58:1 on any colour.

ANSI themes leave colours to the terminal, which alone knows them: there
every text colour is the terminal's own foreground.
"""

from __future__ import annotations

from textual.color import Color

MINIMUM = 4.5
HUES = ("primary", "secondary", "accent", "success", "warning", "error")
BLACK = Color(0, 0, 0)
WHITE = Color(255, 255, 255)
TERMINAL_DEFAULT = "ansi_default"
MUTED_TOWARDS_BACKGROUND = 0.35


def luminance(colour: Color) -> float:
    """Relative luminance as WCAG 2 defines it."""

    def channel(value: int) -> float:
        fraction = value / 255
        return fraction / 12.92 if fraction <= 0.03928 else ((fraction + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)


def contrast(one: Color, other: Color) -> float:
    """The WCAG contrast ratio of two opaque colours, 1.0 to 21.0."""
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_on(background: Color) -> Color:
    """Black or white, whichever reads better on ``background``."""
    return BLACK if contrast(BLACK, background) >= contrast(WHITE, background) else WHITE


def readable(colour: Color, background: Color, minimum: float = MINIMUM) -> Color:
    """``colour`` moved towards black or white just far enough to reach ``minimum``."""
    colour = background + colour  # a translucent colour is seen over the background
    target = text_on(background)
    for step in range(21):
        tried = colour.blend(target, step / 20)
        if contrast(tried, background) >= minimum:
            return tried
    return target


def readable_variables(variables: dict[str, str]) -> dict[str, str]:
    """The ``readable-*`` variables for a theme's resolved CSS ``variables``."""
    background = Color.parse(variables["background"])
    if background.ansi is not None:
        names = [f"readable-{hue}" for hue in HUES] + [f"readable-on-{hue}" for hue in HUES]
        return dict.fromkeys([*names, "readable-text", "readable-muted"], TERMINAL_DEFAULT)
    foreground = Color.parse(variables["foreground"])
    muted = foreground.blend(background, MUTED_TOWARDS_BACKGROUND)
    found = {
        "readable-text": readable(foreground, background),
        "readable-muted": readable(muted, background),
    }
    for hue in HUES:
        shade = background + Color.parse(variables[hue])
        found[f"readable-{hue}"] = readable(shade, background)
        found[f"readable-on-{hue}"] = text_on(shade)
    return {name: colour.hex for name, colour in found.items()}
