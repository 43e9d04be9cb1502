"""Sharing a run with a phone from the app: w, --share, the setting, and the page's buttons."""

from __future__ import annotations

import dataclasses
import urllib.error

import pytest

from isotimer.core.clock import FakeClock
from isotimer.core.run.engine import Engine
from isotimer.core.session.model import Level
from isotimer.storage.settings import Settings
from isotimer.ui.screens.run import RunScreen
from isotimer.ui.screens.share import ShareScreen
from tests.live.page_client import first_state, press_on_page

from .builders import TEST_SESSION, make_app

SIZE = (100, 34)


async def wait_for(pilot, check) -> None:
    for _ in range(100):
        await pilot.pause(0.02)
        if check():
            return
    raise AssertionError("the app never got there")


def run_screen(app) -> RunScreen:
    return next(s for s in app.screen_stack if isinstance(s, RunScreen))


async def test_w_in_a_run_shows_the_address_and_who_can_open_it(tmp_path):
    app = make_app(tmp_path, clock=FakeClock(), start=(TEST_SESSION, Level.BEGINNER))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.sharing.live is None  # nothing listens until sharing is asked for
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, ShareScreen)
        assert app.screen.url == app.sharing.live.url and "/127.0.0.1:" in app.screen.url
        assert "Only this computer" in str(app.screen.query_one("#share-who").render())
        state = first_state(app.sharing.live.url)
        assert state["session"] == "Test holds" and state["phase"] == "lead_in"
        await pilot.press("escape")
        assert isinstance(app.screen, RunScreen)


async def test_the_page_pause_button_pauses_the_engine_and_the_page_hears_it(tmp_path):
    clock = FakeClock()
    app = make_app(
        tmp_path, clock=clock, start=(TEST_SESSION, Level.BEGINNER), share=("127.0.0.1", 0)
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")  # --share opened the code first
        run = run_screen(app)
        clock.advance(6)  # into the first hold
        run.tick()
        assert first_state(app.sharing.live.url)["phase"] == "hold"
        assert press_on_page(app.sharing.live.url, "pause") == 204
        await wait_for(pilot, lambda: run.engine.paused)
        state = first_state(app.sharing.live.url)
        assert state["paused"] is True and state["words"] == "PAUSED"
        assert press_on_page(app.sharing.live.url, "pause") == 204  # a second tap: still paused
        assert run.engine.paused
        assert press_on_page(app.sharing.live.url, "resume") == 204
        await wait_for(pilot, lambda: not run.engine.paused)
        assert press_on_page(app.sharing.live.url, "end-hold") == 204
        await wait_for(pilot, lambda: first_state(app.sharing.live.url)["phase"] != "hold")


async def test_the_share_setting_publishes_every_run_without_asking(tmp_path):
    settings = dataclasses.replace(Settings(), share="this-computer")
    app = make_app(
        tmp_path, clock=FakeClock(), settings=settings, start=(TEST_SESSION, Level.BEGINNER)
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)  # no code pushed in the runner's face
        assert first_state(app.sharing.live.url)["title"] == "Next: Wall sit"


async def test_every_run_gets_a_new_address_and_only_w_shares_a_run_after_a_w(tmp_path):
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock, start=(TEST_SESSION, Level.BEGINNER))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        first_url = app.sharing.live.url
        await pilot.press("escape")
        run = run_screen(app)
        later = Engine(run.engine.plan)
        later.start(clock.monotonic())
        assert app.sharing.follow(later) is False  # not published without a w of its own
        assert first_state(first_url)["seq"] >= 1  # the first run's page still follows it
        app.sharing.share(later)  # its w
        await pilot.pause()
        assert app.sharing.live.url != first_url
        assert app.screen.url == app.sharing.live.url


async def test_while_a_dialog_holds_the_pause_the_page_cannot_resume(tmp_path):
    clock = FakeClock()
    app = make_app(
        tmp_path, clock=clock, start=(TEST_SESSION, Level.BEGINNER), share=("127.0.0.1", 0)
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")  # --share opened the code first
        run = run_screen(app)
        clock.advance(6)
        run.tick()
        await pilot.press("question_mark")  # the help opens over the run and pauses it
        await wait_for(pilot, lambda: app.screen is not run and run.engine.paused)
        url = app.sharing.live.url
        app.sharing.live.publish()
        assert first_state(url)["held"]
        with pytest.raises(urllib.error.HTTPError) as refused:
            press_on_page(url, "resume")
        assert refused.value.code == 409 and b"dialog is open" in refused.value.read()
        app.sharing.page_command("resume")  # a resume that raced the state: refused too
        await pilot.pause()
        assert run.engine.paused
