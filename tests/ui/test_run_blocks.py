"""Warm-up and cool-down blocks on the run screen, and the breathing advice during a hold."""

from __future__ import annotations

from dataclasses import replace

import pytest
from rich.console import Console

from isotimer.core.clock import FakeClock
from isotimer.core.session.model import Block, Level
from isotimer.core.session.plan import StepKind, build_plan
from isotimer.storage.settings import Settings
from isotimer.ui.screens.run import RunScreen
from isotimer.ui.widgets.countdown import Countdown
from isotimer.ui.widgets.cue_rotator import CueRotator
from isotimer.ui.widgets.phase_banner import PhaseBanner
from isotimer.ui.widgets.session_preview import plan_preview
from isotimer.ui.widgets.step_heading import StepHeading
from isotimer.ui.widgets.up_next import UpNext

from .builders import CALF, WALL_SIT, catalog, make_app, session

SIZE = (100, 30)
BIKE = Block("Easy bike", 240, ("Easy pace, you could chat", "Loosen the shoulders"))
SWINGS = Block("Leg swings", 60, ("Front to back, then side to side",))
BREATHE = Block("Belly breathing", 120, ("Hand on the belly, breathe into it",))
ADVICE = "Breathe out slowly when the thighs shake."
WARM = session(
    "warm",
    "Warm session",
    replace(WALL_SIT, sets=1, breathing_advice=ADVICE),
    lead_in=5,
    warm_up=(BIKE, SWINGS),
    cool_down=(BREATHE,),
)


def app_for(tmp_path, clock, settings: Settings | None = None):
    return make_app(
        tmp_path,
        catalog_=catalog(WARM),
        clock=clock,
        settings=settings,
        start=(WARM, Level.BEGINNER),
    )


async def advance(pilot, clock: FakeClock, seconds: float) -> RunScreen:
    screen = pilot.app.screen
    assert isinstance(screen, RunScreen)
    clock.advance(seconds)
    screen.tick()
    await pilot.pause()
    return screen


def heading(screen: RunScreen) -> tuple[str, str]:
    widget = screen.query_one(StepHeading)
    return (str(widget.query_one("#title").render()), str(widget.query_one("#details").render()))


async def test_a_warm_up_block_shows_its_name_countdown_and_cues(tmp_path, clock):
    app = app_for(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RunScreen)
        assert screen.query_one(PhaseBanner).words == "WARM-UP"
        assert screen.has_class("-warm-up")
        assert heading(screen) == ("Easy bike", "Warm-up 1 of 2 · 4 min · n skips it")
        assert screen.query_one(Countdown).text == "4:00"
        assert screen.query_one(CueRotator).cue == "Easy pace, you could chat"
        assert screen.query_one(CueRotator).display
        assert str(screen.query_one(UpNext).render()) == ""
        screen = await advance(pilot, clock, 8)
        assert screen.query_one(CueRotator).cue == "Loosen the shoulders"
        assert screen.query_one(Countdown).text == "3:52"


async def test_n_skips_the_warm_up_blocks_and_nothing_is_saved(tmp_path, clock):
    app = app_for(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("n")
        assert heading(screen)[0] == "Leg swings"
        assert screen.query_one(Countdown).text == "1:00"
        await pilot.press("n")
        assert screen.query_one(PhaseBanner).words == "GET READY"
        assert "Back flat on the wall" in str(screen.query_one(UpNext).render())
        assert app.history.count() == 0
        assert screen.recorder.records == []


async def test_the_hold_shows_its_breathing_advice_in_turn_with_its_cues(tmp_path, clock):
    app = app_for(tmp_path, clock, Settings(warm_up=False, cue_rotation_s=8))
    async with app.run_test(size=SIZE) as pilot:
        screen = await advance(pilot, clock, 5 + 1)
        assert screen.query_one(PhaseBanner).words == "HOLD"
        seen = []
        for _ in range(4):
            seen.append(screen.query_one(CueRotator).cue)
            screen = await advance(pilot, clock, 8)
        first, *others = WALL_SIT.cues
        assert seen == [first, ADVICE, *others]


async def test_the_cool_down_follows_the_last_hold_and_is_never_saved(tmp_path, clock):
    app = app_for(tmp_path, clock, Settings(warm_up=False))
    async with app.run_test(size=SIZE) as pilot:
        screen = await advance(pilot, clock, 5 + 30 + 1)
        assert screen.query_one(PhaseBanner).words == "COOL-DOWN"
        assert heading(screen)[0] == "Belly breathing"
        assert screen.query_one(CueRotator).cue == "Hand on the belly, breathe into it"
        assert screen.query_one(CueRotator).display
        assert app.history.count() == 1
        await pilot.press("n")
        await pilot.pause()
        assert [h.exercise for h in app.history.holds()] == ["wall-sit"]


@pytest.mark.parametrize(
    ("warm_up", "first"), [(True, StepKind.WARM_UP), (False, StepKind.LEAD_IN)]
)
async def test_the_setting_decides_whether_the_run_starts_with_the_warm_up(
    tmp_path, clock, warm_up, first
):
    app = app_for(tmp_path, clock, Settings(warm_up=warm_up))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RunScreen)
        assert screen.plan.steps[0].kind is first
        assert screen.plan.steps[-1].kind is StepKind.COOL_DOWN


async def test_the_picker_totals_follow_the_warm_up_setting(tmp_path):
    plain = session("plain", "Plain", CALF, lead_in=5)
    for warm_up, expected in ((True, 300 + 5 + 30 + 120), (False, 5 + 30 + 120)):
        app = make_app(tmp_path, catalog_=catalog(WARM, plain), settings=Settings(warm_up=warm_up))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert app.picker.plan_for(WARM).total_seconds == expected
            assert app.picker.plan_for(plain).total_seconds == 35


@pytest.mark.parametrize("warm_up", [True, False])
def test_the_picker_preview_lists_the_blocks_the_run_will_have(warm_up):
    console = Console(width=100, record=True)
    console.print(plan_preview(build_plan(WARM, warm_up=warm_up)))
    text = console.export_text()
    assert ("Warm-up 5:00: Easy bike, Leg swings" in text) is warm_up
    assert "Cool-down 2:00: Belly breathing" in text
