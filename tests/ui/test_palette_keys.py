"""The command palette survives any key: Textual's own list raised KeyError on PageDown."""

from __future__ import annotations

import pytest
from textual.command import CommandPalette

from tests.ui.builders import make_app


@pytest.mark.parametrize("keys", [("pagedown",), ("pageup",), ("down", "pagedown", "pagedown")])
async def test_page_keys_the_moment_the_palette_opens_never_end_the_app(tmp_path, keys):
    """Ctrl+P then PageDown raised ``KeyError: 0`` in Textual 8.2.8's OptionList (its lines
    are laid out after its options arrive) and the app exited 1, 4 tries in 6 (issue 27)."""
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for _ in range(5):
            await pilot.press("ctrl+p", *keys)
            await pilot.pause()
            assert isinstance(app.screen, CommandPalette)
            await pilot.press("escape")
            await pilot.pause()
        assert app.return_code is None and app.is_running
