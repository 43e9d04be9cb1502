"""Every screen shows names, cues and notes as written: no markup parsed, no escape let out."""

from __future__ import annotations

import faulthandler
import html
import re
import sqlite3
from dataclasses import replace

import pytest

from isotimer.core.session.model import Level
from isotimer.storage.history.store import HistoryStore
from isotimer.ui.screens.confirm import ConfirmScreen
from isotimer.ui.screens.run import RunScreen
from isotimer.ui.screens.run_detail import RunDetailScreen
from isotimer.ui.screens.summary import SummaryScreen
from tests.hardening.corpus import OSC_52
from tests.unit.history_factories import hold_record

from .builders import WALL_SIT, catalog, make_app, sent_notices, session
from .test_history_screen import Host, opened, settle

SIZE = (120, 40)
HOLD = replace(WALL_SIT, name="Squat [/]", cues=("Knees [red]out",), setup="Feet [b]wide")
LEGS = session(
    "legs",
    "Legs [/] day",
    HOLD,
    description="[link=https://x.test]the plan[/link]",
    tags=("[b]home",),
    lead_in=5,
)


def shown(app) -> str:
    """Every line on the screen, from a screenshot, so no widget escapes the check."""
    lines: dict[float, str] = {}
    for y, part in re.findall(
        r'<text [^>]*?y="([\d.]+)"[^>]*>([^<]*)</text>', app.export_screenshot()
    ):
        lines[float(y)] = lines.get(float(y), "") + html.unescape(part).replace("\xa0", " ")
    text = "\n".join(lines[y] for y in sorted(lines))
    assert "\x1b" not in text and "\x9b" not in text
    return text


async def test_picker_and_preview_show_markup_names_as_written(tmp_path):
    app = make_app(tmp_path, catalog_=catalog(LEGS))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = shown(app)
        assert "Legs [/] day" in text
        assert "[b]home" in text
        assert "[link=https://x.test]the plan[/link]" in text
        assert "Squat [/]" in text


async def test_run_and_summary_show_hold_names_and_cues_as_written(tmp_path, clock):
    app = make_app(tmp_path, catalog_=catalog(LEGS), clock=clock, start=(LEGS, Level.BEGINNER))
    async with app.run_test(size=SIZE) as pilot:
        run = app.screen
        assert isinstance(run, RunScreen)
        clock.advance(6)
        run.tick()
        await pilot.pause()
        text = shown(app)
        assert "Legs [/] day · beginner" in text
        assert "Squat [/]" in text and "Knees [red]out" in text
        clock.advance(1000)
        run.tick()
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        text = shown(app)
        assert "Legs [/] day · beginner" in text and "Squat [/]" in text
        assert [hold.exercise_name for hold in app.history.holds()] == ["Squat [/]"] * 2


async def test_a_pasted_escape_in_the_note_is_stored_as_its_picture(tmp_path, clock):
    app = make_app(tmp_path, catalog_=catalog(LEGS), clock=clock, start=(LEGS, Level.BEGINNER))
    async with app.run_test(size=SIZE) as pilot:
        app.screen.tick()
        clock.advance(1000)
        app.screen.tick()
        await pilot.pause()
        await pilot.pause()
        summary = app.screen
        summary.query_one("#note").value = f"sore {OSC_52}"
        assert summary.save_rating()
        assert app.history.runs()[0].note == "sore ␛]52;c;cm0gLXJmIH4vKg==␇"


async def test_dialogs_and_notifications_take_text_literally(tmp_path, monkeypatch):
    sent = sent_notices(monkeypatch)
    app = make_app(tmp_path, catalog_=catalog(LEGS))
    async with app.run_test(size=SIZE) as pilot:
        app.notify(f"Deleted Legs [/] day{OSC_52}", title="[b]x")
        await pilot.pause()
        (toast,) = sent  # headless screenshots do not draw toasts
        assert toast.message == "Deleted Legs [/] day␛]52;c;cm0gLXJmIH4vKg==␇"
        assert (toast.title, toast.markup) == ("[b]x", False)
        app.push_screen(ConfirmScreen("Legs [/] day will go", question="Delete Legs [/] day?"))
        await pilot.pause()
        await pilot.pause()
        text = shown(app)
        assert "Delete Legs [/] day?" in text and "Legs [/] day will go" in text


def test_palette_hits_are_escaped_markup():
    from isotimer.ui.palette.sessions import markup

    assert markup("Start Legs [/] day") == "Start Legs \\[/] day"
    assert markup(f"x{OSC_52}") == "x␛]52;c;cm0gLXJmIH4vKg==␇"


def history_with(tmp_path, *changes: str) -> HistoryStore:
    """A history of wall sits with one hold renamed and noted, then ``changes`` run in SQL."""
    store = HistoryStore.open(tmp_path / "history.sqlite3")
    holds = [
        hold_record(id=f"h{n}", run_id=f"run-{n}", held_s=30 + n, exercise="squat-x")
        for n in range(3)
    ]
    holds = [replace(hold, exercise_name="Squat [/]") for hold in holds]
    store.import_holds(holds)
    store.rate_run("run-2", 5, 1, f"knee [/] ok {OSC_52}")
    with sqlite3.connect(store.path) as conn:
        for change in changes:
            conn.execute(change)
    return store


async def test_history_and_run_detail_show_names_and_notes_as_written(tmp_path):
    with history_with(tmp_path) as store:
        app = Host(store)
        async with app.run_test(size=SIZE) as pilot:
            await opened(pilot)
            assert "Squat [/]" in shown(app)
            await settle(pilot, "s")
            await settle(pilot, "enter")
            assert isinstance(app.screen, RunDetailScreen)
            assert "Note: knee [/] ok ␛]52;c;" in shown(app)


@pytest.mark.parametrize("held_s", ["1e300", "1e308", "9e999"])
async def test_the_history_screen_survives_an_absurd_hold_already_stored(tmp_path, held_s):
    change = f"UPDATE holds SET held_s = {held_s} WHERE id = 'h1'"
    # Before the fix the chart counted ticks for ever: fail loudly instead of hanging CI.
    faulthandler.dump_traceback_later(60, exit=True)
    try:
        with history_with(tmp_path, change) as store:
            app = Host(store)
            async with app.run_test(size=SIZE) as pilot:
                await opened(pilot)
                text = shown(app)
                assert "best 1440 min" in text  # clipped at a day
                assert not re.search(r"\d{7,}", text)
    finally:
        faulthandler.cancel_dump_traceback_later()
