"""The summary's words match the history: a rating said saved once it is, each set listed once."""

from __future__ import annotations

import threading

from textual.widgets import Static

from isotimer.core.clock import FakeClock
from isotimer.core.session.model import Level
from isotimer.storage.history.write_thread import HistoryWriter
from isotimer.ui.screens.run import RunScreen
from isotimer.ui.screens.summary import SummaryScreen
from tests.ui.notices import Notices
from tests.ui.screen_text import screen_text

from .builders import TEST_SESSION, make_app

SIZE = (100, 30)
LEAD_IN = 5
WAIT_S = 5.0


async def advance(pilot, clock: FakeClock, seconds: float) -> None:
    screen = pilot.app.screen
    assert isinstance(screen, RunScreen)
    clock.advance(seconds)
    screen.tick()
    await pilot.pause()


async def summary_of(pilot, clock: FakeClock) -> SummaryScreen:
    await advance(pilot, clock, 1000)
    await pilot.pause()
    assert isinstance(pilot.app.screen, SummaryScreen)
    return pilot.app.screen


def listed(summary: SummaryScreen) -> list[str]:
    """The hold names in the summary's table, one a row."""
    sides = {"none": ""}
    return [f"{h.exercise_name}{sides.get(h.side, f' ({h.side})')}" for h in shown(summary)]


def shown(summary: SummaryScreen):
    """The holds the summary's table lists."""
    return summary.query_one("#holds", Static).content.holds


async def test_a_rating_is_said_saved_once_the_history_has_it(tmp_path):
    clock, notices, writer = FakeClock(), Notices(), HistoryWriter()
    app = make_app(tmp_path, clock=clock, start=(TEST_SESSION, Level.BEGINNER), writer=writer)
    gate = threading.Event()
    async with app.run_test(size=SIZE, message_hook=notices.hook) as pilot:
        summary = await summary_of(pilot, clock)
        writer.submit(lambda: gate.wait(WAIT_S))  # the disk is slow: the rating waits its turn
        await pilot.press("tab", "7", "enter")
        await pilot.pause()
        gate.set()
        assert writer.wait(WAIT_S)
        for _ in range(100):
            if "Rating saved in your history." in notices.messages:
                break
            await pilot.pause(0.02)
        assert app.history.runs()[0].effort == 7
        assert notices.messages.count("Rating saved in your history.") == 1
        assert not [m for m in notices.messages if "not yet saved" in m]
        assert summary.rated
    writer.close(WAIT_S)


async def test_a_set_redone_after_b_is_listed_once(tmp_path):
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock, start=(TEST_SESSION, Level.BEGINNER))
    async with app.run_test(size=SIZE) as pilot:
        await advance(pilot, clock, LEAD_IN + 30 + 5)  # into the rest after set 1
        await pilot.press("b")  # back to set 1, held again
        await pilot.pause()
        summary = await summary_of(pilot, clock)
        names = listed(summary)
        run = app.history.runs()[0]
        assert len(app.history.run_holds(run.id)) == 5  # the history keeps both attempts
        assert names == ["Wall sit", "Wall sit", "Side plank (left)", "Side plank (right)"]


async def test_at_40_by_12_every_outcome_side_and_pain_field_is_whole(tmp_path):
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock, start=(TEST_SESSION, Level.BEGINNER))
    async with app.run_test(size=(40, 12)) as pilot:
        await advance(pilot, clock, LEAD_IN + 10)
        await pilot.press("n")  # set 1 skipped
        await advance(pilot, clock, 20 + 10)
        await pilot.press("d")  # set 2 ended early
        summary = await summary_of(pilot, clock)
        table = summary.query_one("#holds", Static)
        lines = [strip.text for strip in table.render_lines(table.size.region)]
        text = " ".join(" ".join(lines).split())
        assert "…" not in text
        for words in ("skipped", "ended early", "✓ done", "(left)", "(right)"):
            assert words in text or words.replace(" ", "") in text.replace(" ", ""), words
        assert text.count("skipped") == 1 and text.count("✓ done") == 2
        await pilot.press("tab")
        await pilot.pause()
        shown = "\n".join(screen_text(app))
        assert "Pain left 0-10" in shown and "Pain right 0-10" in shown
        assert "How did it feel? (optional: Tab to" in shown and "rate, Enter to save)" in shown
