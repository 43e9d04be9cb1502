"""The run screen driven by the pilot over a fake clock: every key, and time exactly kept."""

from __future__ import annotations

import pytest
from textual.widgets import Digits

from isotimer.core.clock import FakeClock
from isotimer.core.run.frames import frame_elapsed, pacer_frame_s
from isotimer.core.run.pacer import Breath
from isotimer.core.session.model import Level
from isotimer.core.session.plan import StepKind
from isotimer.storage.settings import Settings
from isotimer.ui.screens.confirm import ConfirmScreen
from isotimer.ui.screens.help import HelpScreen
from isotimer.ui.screens.run import RunScreen
from isotimer.ui.screens.summary import SummaryScreen
from isotimer.ui.widgets.big_digits import BigDigits
from isotimer.ui.widgets.countdown import Countdown
from isotimer.ui.widgets.cue_rotator import CueRotator
from isotimer.ui.widgets.pacer import BreathPacer
from isotimer.ui.widgets.phase_banner import PhaseBanner
from isotimer.ui.widgets.up_next import UpNext

from .builders import TEST_SESSION, make_app

SIZE = (100, 30)
LEAD_IN = 5


def direct_app(tmp_path, clock, **options):
    return make_app(tmp_path, clock=clock, start=(TEST_SESSION, Level.BEGINNER), **options)


async def advance(pilot, clock: FakeClock, seconds: float) -> RunScreen:
    """Move the fake clock and tick the run screen, as its interval would."""
    screen = pilot.app.screen
    assert isinstance(screen, RunScreen)
    clock.advance(seconds)
    screen.tick()
    await pilot.pause()
    return screen


def remaining(screen: RunScreen, clock: FakeClock) -> float:
    return screen.engine.snapshot(clock.monotonic()).remaining_s


def kind(screen: RunScreen, clock: FakeClock) -> StepKind:
    step = screen.engine.snapshot(clock.monotonic()).step
    assert step is not None
    return step.kind


async def test_lead_in_says_get_ready_and_shows_the_set_up(tmp_path, clock):
    app = direct_app(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RunScreen)
        assert screen.query_one(PhaseBanner).words == "GET READY"
        assert screen.query_one(Countdown).text == "0:05"
        assert screen.has_class("-lead-in")
        assert "Back flat on the wall" in str(screen.query_one(UpNext).render())
        assert screen.query_one(BreathPacer).words == ""  # its slot stays, empty


async def test_ticks_follow_the_clock_into_the_hold(tmp_path, clock):
    app = direct_app(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await advance(pilot, clock, LEAD_IN + 1)
        assert screen.query_one(PhaseBanner).words == "HOLD"
        assert screen.has_class("-hold") and not screen.has_class("-lead-in")
        assert screen.query_one(Countdown).text == "0:29"
        assert screen.query_one(CueRotator).cue == "Thighs level, knees at 90 degrees"


async def test_pause_freezes_every_countdown_exactly(tmp_path, clock):
    app = direct_app(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await advance(pilot, clock, LEAD_IN + 7.3)
        await pilot.press("space")
        before = screen.engine.snapshot(clock.monotonic())
        screen = await advance(pilot, clock, 100)
        after = screen.engine.snapshot(clock.monotonic())
        assert after.paused
        assert after.remaining_s == before.remaining_s
        assert after.session_remaining_s == before.session_remaining_s
        assert screen.query_one(PhaseBanner).words == "PAUSED"
        assert screen.has_class("-paused")
        await pilot.press("space")
        screen = await advance(pilot, clock, 1)
        assert remaining(screen, clock) == pytest.approx(before.remaining_s - 1)
        assert not screen.has_class("-paused")


async def test_d_ends_the_hold_early_keeping_the_time_held(tmp_path, clock):
    app = direct_app(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await advance(pilot, clock, LEAD_IN + 12)
        await pilot.press("d")
        [record] = screen.recorder.records
        assert record.held_s == pytest.approx(12)
        assert record.completed is False
        assert kind(screen, clock) is StepKind.REST
        saved = app.history.run_holds(screen.recorder.run_id)
        assert [(h.exercise, h.held_s, h.completed) for h in saved] == [("wall-sit", 12, False)]


async def test_d_outside_a_hold_changes_nothing(tmp_path, clock):
    app = direct_app(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("d")
        screen = app.screen
        assert kind(screen, clock) is StepKind.LEAD_IN
        assert screen.recorder.records == []


async def test_n_skips_to_the_next_step_and_b_goes_back(tmp_path, clock):
    app = direct_app(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await advance(pilot, clock, 2)
        await pilot.press("n")
        assert kind(screen, clock) is StepKind.HOLD
        assert remaining(screen, clock) == pytest.approx(30)
        await pilot.press("b")
        assert kind(screen, clock) is StepKind.LEAD_IN
        assert remaining(screen, clock) == pytest.approx(LEAD_IN)


async def test_plus_and_minus_change_the_rest_by_five_seconds(tmp_path, clock):
    app = direct_app(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await advance(pilot, clock, LEAD_IN + 30 + 4)
        assert kind(screen, clock) is StepKind.REST
        assert remaining(screen, clock) == pytest.approx(16)
        await pilot.press("plus")
        assert remaining(screen, clock) == pytest.approx(21)
        assert screen.query_one(Countdown).text == "0:21"
        await pilot.press("minus", "minus")
        assert remaining(screen, clock) == pytest.approx(11)


async def test_plus_during_a_hold_leaves_it_alone(tmp_path, clock):
    app = direct_app(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await advance(pilot, clock, LEAD_IN + 1)
        await pilot.press("plus")
        assert remaining(screen, clock) == pytest.approx(29)


async def test_m_mutes_and_unmutes_the_announcer(tmp_path, clock):
    app = direct_app(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("m")
        assert app.announcer.muted is True
        assert app.screen.has_class("-muted")
        await pilot.press("m")
        assert app.announcer.muted is False


async def test_transitions_and_last_seconds_are_announced(tmp_path, clock):
    app = direct_app(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(LEAD_IN * 2 + 2):
            await advance(pilot, clock, 0.5)
        words = [cue.words for cue in app.announcer.played]
        assert words[:5] == ["Get ready: Wall sit", "three", "two", "one", "Wall sit, 30 seconds"]


async def test_cues_rotate_at_the_settings_interval(tmp_path, clock):
    app = direct_app(tmp_path, clock, settings=Settings(cue_rotation_s=4))
    async with app.run_test(size=SIZE) as pilot:
        screen = await advance(pilot, clock, LEAD_IN + 1)
        assert screen.query_one(CueRotator).cue == "Thighs level, knees at 90 degrees"
        screen = await advance(pilot, clock, 4)
        assert screen.query_one(CueRotator).cue == "Weight into the heels"
        screen = await advance(pilot, clock, 4)
        assert screen.query_one(CueRotator).cue == "Hands off your thighs"


async def test_pacer_follows_engine_time_not_frames(tmp_path, clock):
    app = direct_app(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await advance(pilot, clock, LEAD_IN + 1.5)
        pacer = screen.query_one(BreathPacer)
        assert pacer.breath is Breath.INHALE and pacer.has_class("-inhale")
        # One late tick lands in the out-breath exactly where the clock says, to the frame.
        screen = await advance(pilot, clock, 3)
        assert pacer.breath is Breath.EXHALE and pacer.has_class("-exhale")
        into_exhale = frame_elapsed(4.5, pacer_frame_s(StepKind.HOLD)) - 3
        assert pacer.filled == 2 * round((1 - into_exhale / 3) * (pacer.size.width - 4) / 2)


async def test_rest_pacer_uses_the_slow_rest_pattern(tmp_path, clock):
    app = direct_app(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await advance(pilot, clock, LEAD_IN + 30 + 3.5)
        pacer = screen.query_one(BreathPacer)
        assert screen.has_class("-rest")
        assert pacer.breath is Breath.INHALE  # 4 s in, 6 s out
        assert not screen.query_one(CueRotator).display


async def test_stop_asks_first_and_says_what_is_kept(tmp_path, clock):
    app = direct_app(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await advance(pilot, clock, LEAD_IN + 30 + 20 + 23)
        await pilot.press("q")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmScreen)
        assert dialog.detail == (
            "Saved so far: 1 hold held to the end. "
            "The wall sit in progress (23 s) will be saved as stopped."
        )
        assert screen.engine.paused
        await pilot.press("y")
        await pilot.pause()
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        holds = summary.result.holds
        assert [(h.held_s, h.completed) for h in holds] == [(30, True), (23, False)]
        assert summary.result.completed is False
        assert len(app.history.run_holds(screen.recorder.run_id)) == 2


async def test_saying_no_to_stop_resumes_where_it_was(tmp_path, clock):
    app = direct_app(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await advance(pilot, clock, LEAD_IN + 10)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        clock.advance(30)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen
        assert not screen.engine.paused
        assert remaining(screen, clock) == pytest.approx(20)


async def test_a_session_run_to_its_end_is_complete(tmp_path, clock):
    app = direct_app(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await advance(pilot, clock, 1000)
        await pilot.pause()
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        assert summary.result.completed is True
        assert [h.completed for h in summary.result.holds] == [True] * 4


async def test_a_session_waits_under_the_help_screen_and_carries_on_after(tmp_path, clock):
    app = direct_app(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        run = await advance(pilot, clock, LEAD_IN + 10)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        clock.advance(1000)
        run.tick()
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert run.engine.paused and remaining(run, clock) == pytest.approx(20)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is run and not run.engine.paused
        assert remaining(run, clock) == pytest.approx(20)


@pytest.mark.parametrize("size", [(80, 24), (60, 20), (40, 12), (30, 8), (20, 5)])
async def test_resizing_down_never_crashes_and_keeps_the_countdown(tmp_path, clock, size):
    app = direct_app(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await advance(pilot, clock, LEAD_IN + 1)
        await pilot.resize_terminal(*size)
        await pilot.pause()
        screen = await advance(pilot, clock, 1)
        countdown = screen.query_one(Countdown)
        assert countdown.text == "0:28"
        # Even at 20x5 the countdown keeps three whole rows on the screen.
        assert countdown.region.height >= 3
        assert screen.region.contains_region(countdown.region)
        shown = countdown.query_one(BigDigits if countdown.has_class("-big") else Digits)
        assert shown.display and shown.region.height >= 3 and shown.value == "0:28"


async def test_narrow_short_terminal_hides_the_extras(tmp_path, clock):
    app = direct_app(tmp_path, clock)
    async with app.run_test(size=(40, 12)) as pilot:
        screen = await advance(pilot, clock, LEAD_IN + 31)
        assert screen.has_class("-narrow")
        assert screen.layout_plan.scale == 2  # block digits five rows tall
        assert not screen.query_one("#details").display
        assert not screen.query_one("#run-title").display
        assert screen.query_one(UpNext).display


async def test_each_new_step_flashes_its_phase_colour_for_a_moment(tmp_path):
    """A browser has no bell: the screen itself marks every transition."""
    from isotimer.ui.screens.run import FLASH_S

    app = make_app(tmp_path, start=(TEST_SESSION, Level.BEGINNER))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        run = app.screen
        assert not run.has_class("-flash")  # the first step needs no flash
        app.clock.advance(5)  # lead-in over: the hold starts
        run.tick()
        assert run.has_class("-flash") and run.has_class("-hold")
        app.clock.advance(FLASH_S)
        run.tick()
        assert not run.has_class("-flash")
