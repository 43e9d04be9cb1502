"""The command palette survives any key: Textual's own list raised KeyError on PageDown."""

from __future__ import annotations

import pytest
from textual.command import CommandList, CommandPalette

from isotimer.ui.palette.guarded import GuardedPalette
from tests.ui.builders import make_app


@pytest.mark.parametrize("key", ["pagedown", "pageup"])
async def test_paging_a_list_not_laid_out_yet_never_ends_the_app(tmp_path, key):
    """Ctrl+P then PageDown raised ``KeyError: 0`` in Textual 8.2.8's OptionList, and the app
    exited 1 (4 tries in 6, issue 27). The list pages by its laid-out lines, and a list not
    shown (yet) has none while it already holds a highlighted command; that is set up here."""
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        palette._list_visible = False
        await pilot.pause()
        commands = palette.query_one(CommandList)
        commands._clear_caches()
        commands.highlighted = 0
        await pilot.press(key)
        await pilot.pause()
        assert app.is_running and app.screen is palette
        await pilot.press("escape", "down", "down")
        await pilot.pause()
    assert app.return_code in (None, 0)


async def test_the_theme_search_is_the_guarded_palette_too(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.search_themes()
        await pilot.pause()
        assert isinstance(app.screen, GuardedPalette)
        await pilot.press("pagedown", "pageup", "escape")
        await pilot.pause()
        assert app.is_running
