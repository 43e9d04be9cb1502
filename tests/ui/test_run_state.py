"""The run screen always says its state: footer keys per phase, overlays pause, muted, notices."""

from __future__ import annotations

import pytest
from textual.widgets._toast import Toast

from isotimer.core.clock import FakeClock
from isotimer.core.run.tones import Tone
from isotimer.core.session.plan import StepKind
from isotimer.ui.screens.confirm import ConfirmScreen
from isotimer.ui.screens.help import HelpScreen
from isotimer.ui.screens.run import RunScreen
from isotimer.ui.widgets.countdown import Countdown
from isotimer.ui.widgets.pacer import BreathPacer
from isotimer.ui.widgets.phase_banner import PhaseBanner

SIZE = (80, 24)
T0 = 1000.0  # FakeClock's start
LEAD_IN = 5


async def advance(pilot, clock: FakeClock, seconds: float) -> RunScreen:
    screen = pilot.app.screen
    assert isinstance(screen, RunScreen)
    clock.advance(seconds)
    screen.tick()
    await pilot.pause()
    return screen


def footer_keys(screen: RunScreen) -> set[str]:
    """The descriptions of the run screen's keys the footer shows now (not the app's own)."""
    return {
        active.binding.description
        for active in screen.active_bindings.values()
        if active.node is screen and active.binding.show
    }


EVERY_PHASE = {"Next", "Back", "Share", "Stop", "Help"}


@pytest.mark.parametrize(
    ("seconds", "keys", "kind", "shown"),
    [
        (0, (), StepKind.LEAD_IN, EVERY_PHASE | {"Pause", "Mute"}),
        (LEAD_IN + 1, (), StepKind.HOLD, EVERY_PHASE | {"Pause", "Mute", "End hold"}),
        (
            LEAD_IN + 31,
            (),
            StepKind.REST,
            EVERY_PHASE | {"Pause", "Mute", "Rest +5 s", "Rest -5 s"},
        ),
        (LEAD_IN + 1, ("space",), StepKind.HOLD, EVERY_PHASE | {"Resume", "Mute", "End hold"}),
        (LEAD_IN + 1, ("m",), StepKind.HOLD, EVERY_PHASE | {"Pause", "Unmute", "End hold"}),
    ],
)
async def test_the_footer_offers_only_the_keys_that_apply_now(
    run_app, clock, seconds, keys, kind, shown
):
    app = run_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await advance(pilot, clock, seconds)
        await pilot.press(*keys)
        await pilot.pause()
        assert screen.engine.current.kind is kind
        assert footer_keys(screen) == shown


async def test_a_switch_offers_neither_end_hold_nor_rest_keys(run_app, clock):
    app = run_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await advance(pilot, clock, 0)
        while screen.engine.current.kind is not StepKind.SWITCH:
            await pilot.press("n")
        assert footer_keys(screen) == EVERY_PHASE | {"Pause", "Mute"}
        await pilot.press("d", "plus")
        assert screen.engine.current.kind is StepKind.SWITCH  # the hidden keys do nothing


async def test_paused_the_banner_and_the_pacer_both_say_so(run_app, clock):
    app = run_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await advance(pilot, clock, LEAD_IN + 1)
        await pilot.press("space")
        assert screen.query_one(PhaseBanner).words == "PAUSED"
        assert screen.query_one(BreathPacer).words == "PAUSED"
        await pilot.press("space")
        assert screen.query_one(BreathPacer).words == "BREATHE IN"


OVERLAYS = {
    "help": (("question_mark",), HelpScreen, ("escape",)),
    "stop question": (("q",), ConfirmScreen, ("n",)),
    # The command palette cannot open over a live run at all (test_holds_kept), so it
    # never needs to pause one.
}


async def open_overlay(pilot, keys) -> None:
    await pilot.press(*keys)
    await pilot.pause()


@pytest.mark.parametrize("overlay", OVERLAYS)
@pytest.mark.parametrize("paused_before", [False, True])
async def test_every_overlay_pauses_and_resumes_only_what_it_paused(
    run_app, clock, overlay, paused_before
):
    opener, screen_type, closer = OVERLAYS[overlay]
    app = run_app()
    async with app.run_test(size=SIZE) as pilot:
        run = await advance(pilot, clock, LEAD_IN + 10)
        if paused_before:
            await pilot.press("space")
        await open_overlay(pilot, opener)
        assert isinstance(app.screen, screen_type)
        assert run.engine.paused
        clock.advance(60)
        run.tick()
        await pilot.press(*closer)
        await pilot.pause()
        assert app.screen is run
        assert run.engine.paused is paused_before
        assert run.engine.snapshot(clock.monotonic()).remaining_s == pytest.approx(20)


async def test_muted_is_a_lasting_marker_beside_the_countdown(run_app, clock):
    app = run_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await advance(pilot, clock, LEAD_IN + 1)
        await pilot.press("m")
        marker = screen.query_one("#muted")
        digits = screen.query_one("#countdown #digits")
        assert "MUTED" in str(marker.render()) and app.announcer.muted
        assert marker.region.x >= digits.region.right  # beside the digits, not over them
        screen = await advance(pilot, clock, 60)  # into the rest, and on: it lasts
        assert "MUTED" in str(marker.render())
        await pilot.press("m")
        assert "MUTED" not in str(marker.render()) and not app.announcer.muted


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (40, 12)])
@pytest.mark.parametrize("seconds", [LEAD_IN + 1, LEAD_IN + 31])
async def test_notices_never_cover_the_countdown_the_cue_or_what_comes_next(
    run_app, clock, size, seconds
):
    app = run_app()
    async with app.run_test(size=size, notifications=True) as pilot:
        screen = await advance(pilot, clock, seconds)
        app.notify("History is full: your holds are kept for the summary.", title="Not saved")
        app.notify("Voice cues are off: espeak-ng failed (exit status 1)", severity="warning")
        await pilot.pause()
        toasts = list(screen.query(Toast))
        assert toasts
        kept_clear = [screen.query_one(Countdown).region]
        kept_clear += [w.region for w in screen.query("#cue, #up-next") if w.display]
        for toast in toasts:
            for region in kept_clear:
                # Wherever a toast could reach into them, what is on top is not the toast.
                cells = toast.region.intersection(region)
                on_top = {
                    screen.get_widget_at(x, y)[0]
                    for x in range(cells.x, cells.right)
                    for y in range(cells.y, cells.bottom)
                }
                assert toast not in on_top, (toast.region, region)


async def test_tones_mark_the_last_seconds_and_the_hold_start_at_the_engine_deadlines(
    run_app, clock
):
    app = run_app()
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(12):
            await advance(pilot, clock, 0.55)
        assert app.announcer.tones[:4] == [
            (Tone.COUNT, T0 + 2),
            (Tone.COUNT, T0 + 3),
            (Tone.COUNT, T0 + 4),
            (Tone.HOLD_START, T0 + LEAD_IN),
        ]
        await pilot.press("d")
        assert app.announcer.tones[-1] == (Tone.HOLD_END, clock.monotonic())
