"""Pictures of the history screen and a past session, reviewed by eye before they were accepted.

The history is fixed records and ``today`` a fixed date, so each picture is the
same on every machine.
"""

from __future__ import annotations

import asyncio

import pytest
from textual.app import App

from isotimer.storage.history.store import HistoryStore
from isotimer.ui.screens.history import HistoryScreen
from tests.ui.history_builders import TODAY, review_store

WIDE = (100, 30)
SMALLEST = (80, 24)


class HistoryHost(App[None]):
    """Shows the history screen over an empty app, as the picker would push it."""

    def __init__(self, store: HistoryStore | None) -> None:
        super().__init__()
        self.store = store
        self.populated = asyncio.Event()

    def on_mount(self) -> None:
        self.push_screen(HistoryScreen(self.store, TODAY))

    def on_history_screen_populated(self) -> None:
        self.populated.set()


async def settle(pilot) -> None:
    """Let every key's messages land and every read they start finish, twice over.

    A tab shown by a key starts its read from a message that may come a frame
    later, so one pause is not always enough under a loaded machine.
    """
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()


def after(*keys: str):
    """A ``run_before`` that waits for the figures and chart, then presses ``keys``."""

    async def run_before(pilot) -> None:
        await asyncio.wait_for(pilot.app.populated.wait(), timeout=10)
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run_before


@pytest.fixture
def app(tmp_path):
    with review_store(tmp_path) as store:
        yield HistoryHost(store)


def test_progress_of_a_rising_wall_sit(snap_compare, app):
    assert snap_compare(app, terminal_size=WIDE, run_before=after("down", "down", "down", "down"))


def test_progress_of_a_lagging_side_at_80_by_24(snap_compare, app):
    assert snap_compare(app, terminal_size=SMALLEST, run_before=after("down", "down", "down"))


@pytest.mark.parametrize("tab", ["b", "w", "s"], ids=["balance", "weeks", "sessions"])
def test_each_tab_at_80_by_24(snap_compare, app, tab):
    assert snap_compare(app, terminal_size=SMALLEST, run_before=after(tab))


@pytest.mark.parametrize("size", [WIDE, SMALLEST], ids=["wide", "smallest"])
def test_a_past_session_with_its_ratings_and_note(snap_compare, app, size):
    assert snap_compare(app, terminal_size=size, run_before=after("s", "enter"))


def test_an_empty_history(snap_compare, tmp_path):
    with HistoryStore.open(tmp_path / "history.sqlite3") as store:
        assert snap_compare(HistoryHost(store), terminal_size=SMALLEST, run_before=after())
