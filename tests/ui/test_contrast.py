"""Time left and every text on the run screen reach 4.5:1 on their background, in every theme.

The colours are read back from the running app (the styles Textual resolved
for each widget, over the background it actually sits on), in each phase and
paused, for each theme the settings screen offers.
"""

from __future__ import annotations

import pytest
from textual.color import Color
from textual.theme import BUILTIN_THEMES

from isotimer.ui.screens.run import FLASH_S
from isotimer.ui.style.readable import MINIMUM, contrast, readable, text_on

TEXTS = (
    "#countdown BigDigits",
    "#countdown #muted",
    "#phase",
    "#heading #title",
    "#heading #details",
    "#pacer",
    "#cue",
    "#up-next",
    "#run-title",
    "#progress Label",
)


@pytest.mark.parametrize(
    ("colour", "background"),
    [
        ("#4EBF71", "#E0E0E0"),
        ("#FFA62B", "#E0E0E0"),
        ("#0178D4", "#121212"),
        ("#777777", "#808080"),
    ],
)
def test_readable_reaches_the_minimum_and_keeps_what_already_reads(colour, background):
    colour, background = Color.parse(colour), Color.parse(background)
    made = readable(colour, background)
    assert contrast(made, background) >= MINIMUM
    if contrast(colour, background) >= MINIMUM:
        assert made == colour


@pytest.mark.parametrize("shade", ["#000000", "#FFFFFF", "#777777", "#FFA62B", "#0178D4"])
def test_black_or_white_always_reads_on_a_band(shade):
    assert contrast(text_on(Color.parse(shade)), Color.parse(shade)) >= 4.58


def shown_colours(screen) -> dict[str, tuple[Color, Color]]:
    """Each text's colour and the background under it, as drawn."""
    found = {}
    for selector in TEXTS:
        for widget in screen.query(selector):
            if widget.display and widget.region.area:
                _, _, background, colour = widget.colors
                found[selector] = (colour, background)
    return found


# Keys from the start of the test session through each phase: (key, the state it leads to).
WALK = [
    ("", "lead-in"),
    ("n", "hold"),
    ("space", "paused hold"),
    ("space", ""),
    ("n", "rest"),
    ("n n n n", "switch"),  # second wall sit, its rest, the side plank's left side, the switch
]


# The themes the settings screen offers (the app's available_themes): Textual's own.
THEMES = sorted(BUILTIN_THEMES)


async def test_the_themes_checked_are_the_ones_settings_offers(run_app):
    app = run_app()
    async with app.run_test(size=(80, 24)):
        assert sorted(app.available_themes) == THEMES


# One test a theme, each phase, paused and muted: all themes in one test took 66-97 s, the
# slowest test of the suite, and kept a parallel run waiting for it at the end.
@pytest.mark.parametrize("theme", THEMES)
async def test_every_theme_reads_at_4_5_to_1_in_every_phase(run_app, clock, theme):
    app = run_app()
    failures: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        run = app.screen
        await pilot.press("m")
        app.theme = theme
        for keys, state in WALK:
            await pilot.press(*keys.split())
            if state:
                clock.advance(FLASH_S + 0.01)  # past the opening flash, to how it stays
                run.tick()
                await pilot.pause()
                assert f"-{state.split()[0]}" in run.classes
                failures += check(f"{theme}, {state}", shown_colours(run))
    assert not failures, "\n".join(failures)


def check(where: str, colours) -> list[str]:
    """Each text under 4.5:1, described; in an ANSI theme, each not in the terminal's colour."""
    failures = []
    for selector, (colour, background) in colours.items():
        if background.ansi is not None or colour.ansi is not None:
            # The terminal alone knows these colours: text must be its own foreground.
            if colour.ansi != -1:
                failures.append(f"{where}: {selector} is {colour} in an ANSI theme")
        elif (ratio := contrast(colour, background)) < MINIMUM:
            failures.append(f"{where}: {selector} {colour.hex} on {background.hex} is {ratio:.2f}")
    return failures
