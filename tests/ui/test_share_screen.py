"""The share dialog fits: the whole address on one line at 80x24 and 100x30, a way on at 40x12."""

from __future__ import annotations

from importlib import resources

import pytest
from textual.app import App

from isotimer.ui.screens.share import ShareScreen

URL = "http://192.168.100.200:45678/AbC-dEf_AbC-dEf_GhIjKl/"


class Host(App):
    CSS = resources.files("isotimer.ui").joinpath("app.tcss").read_text("utf-8")


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_the_whole_address_is_on_one_line_beside_a_whole_code(size):
    app = Host()
    async with app.run_test(size=size) as pilot:
        await app.push_screen(ShareScreen(URL, False, ["10.0.0.5"]))
        await pilot.pause()
        screen = app.screen
        url = screen.query_one("#share-url")
        assert url.region.width >= len(URL) and url.region.height == 1
        qr = screen.query_one("#share-qr")
        assert qr.display and qr.region.height == len(screen.code)
        assert app.screen.region.contains_region(qr.region)
        for name in ("#share-who", "#share-others", "#share-close"):
            region = screen.query_one(name).region
            assert region.height > 0 and app.screen.region.contains_region(region), name
        assert not screen.query_one("#share-narrow").display


async def test_a_terminal_too_narrow_for_the_address_says_how_wide_it_must_be():
    app = Host()
    async with app.run_test(size=(40, 12)) as pilot:
        await app.push_screen(ShareScreen(URL, False))
        await pilot.pause()
        narrow = app.screen.query_one("#share-narrow")
        assert narrow.display and narrow.region.height > 0
        assert f"{len(URL) + 4} columns wide" in str(narrow.render())
        assert app.screen.region.contains_region(narrow.region)
        assert not app.screen.query_one("#share-url").display
