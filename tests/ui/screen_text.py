"""The whole screen as lines of text, notices and all, as a person would read it."""

from __future__ import annotations

from textual.app import App


def screen_text(app: App) -> list[str]:
    """Every row of the screen drawn now, overlays (notices, dialogs) included.

    Textual has no public text export (only SVG); the compositor's full update
    is what the terminal gets, so it is read here, once, for every test.
    """
    update = app.screen._compositor.render_full_update(simplify=True)
    return ["".join(strip.text for strip in row) for row in update.strips]
