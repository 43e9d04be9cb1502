"""Every screen at 80x24 (the default terminal) and 40x12 shows its vital text in full.

Each screen is opened as a runner would open it and read as the terminal
shows it (notices and dialogs included); every vital line must be there
whole, never cut with an ellipsis or pushed off the screen.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from isotimer.core.clock import FakeClock
from isotimer.core.session.model import Block, Level
from isotimer.paths import Paths
from isotimer.storage.history.store import HistoryStore
from isotimer.ui.screens.checkin import CheckinScreen
from isotimer.ui.screens.run import RunScreen
from isotimer.ui.screens.share import ShareScreen
from isotimer.ui.screens.summary import SummaryScreen
from isotimer.ui.widgets.save_status import SaveStatus
from tests.ui.builders import SIDE_PLANK, WALL_SIT, catalog, make_app, session
from tests.ui.history_builders import review_holds
from tests.ui.screen_text import screen_text
from tests.unit.history_factories import T0, hold_record

SIZES = [(80, 24), (40, 12)]
BIKE = Block("Easy bike", 60, ("Easy pace, you could chat",))
BREATHE = Block("Belly breathing", 60, ("Hand on the belly",))
SWEEP = session(
    "sweep",
    "Sweep session",
    replace(WALL_SIT, sets=1),
    # A name long enough that "Next: ... · right side" does not fit 40 columns.
    replace(SIDE_PLANK, name="Side plank with leg raise"),
    lead_in=5,
    warm_up=(BIKE,),
    cool_down=(BREATHE,),
)
# Seconds into SWEEP at which each phase is under way (warm-up 60, lead-in 5, wall sit 30,
# rest 20, side plank left 20, switch 5, right 20, cool-down 60).
PHASES = {
    "warm-up": (1, ["WARM-UP", "Easy bike"]),
    "lead-in": (62, ["GET READY", "Next: Wall sit"]),
    "hold": (70, ["HOLD", "Wall sit"]),
    "rest": (100, ["REST", "Next: Side plank with leg raise · left"]),
    "hold left": (120, ["HOLD", "Side plank with leg raise · left"]),
    "switch": (137, ["SWITCH SIDES", "Next: Side plank with leg raise · right"]),
    "hold right": (145, ["HOLD", "Side plank with leg raise · right"]),
    "cool-down": (170, ["COOL-DOWN", "Belly breathing"]),
}


def shown(app) -> str:
    return "\n".join(screen_text(app))


def assert_whole(app, vital: list[str]) -> None:
    text = shown(app)
    for words in vital:
        assert words in text, f"{words!r} not in full on screen:\n{text}"


def digit_rows(app) -> list[int]:
    """The screen rows the big countdown digits are drawn on."""
    return [y for y, line in enumerate(screen_text(app)) if "█" in line and "─" not in line]


async def settle(pilot) -> None:
    for _ in range(3):
        await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("phase", list(PHASES))
async def test_the_run_screen_in_each_phase(tmp_path, size, phase):
    clock = FakeClock()
    app = make_app(tmp_path, catalog_=catalog(SWEEP), clock=clock, start=(SWEEP, Level.BEGINNER))
    at, vital = PHASES[phase]
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        run = app.screen
        assert isinstance(run, RunScreen)
        clock.advance(at)
        run.tick()
        await settle(pilot)
        assert_whole(app, vital)
        assert len(digit_rows(app)) >= 5, shown(app)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_countdown_keeps_one_size_and_one_place_for_the_whole_run(tmp_path, size):
    clock = FakeClock()
    app = make_app(tmp_path, catalog_=catalog(SWEEP), clock=clock, start=(SWEEP, Level.BEGINNER))
    places = {}
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        run = app.screen
        elapsed = 0.0
        for phase, (at, _) in PHASES.items():
            clock.advance(at - elapsed)
            elapsed = at
            run.tick()
            await settle(pilot)
            places[phase] = digit_rows(app)
            run.query_one(SaveStatus).waiting = 1  # "Saving… 1 hold waiting for the disk"
            await settle(pilot)
            places[f"{phase}, saving"] = digit_rows(app)
            run.query_one(SaveStatus).waiting = 0
    assert len(set(map(tuple, places.values()))) == 1, places


def fill_history(tmp_path) -> None:
    """A month of runs of the review history, the last one yesterday."""
    with HistoryStore.open(Paths(data_dir=tmp_path / "data").history_file) as store:
        store.import_holds(review_holds())


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_picker_without_a_history(tmp_path, size):
    app = make_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert_whole(app, ["Achilles holds", "Knee tendon holds", "Recovery day", "Test holds"])


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_summary(tmp_path, size):
    clock = FakeClock()
    app = make_app(tmp_path, catalog_=catalog(SWEEP), clock=clock, start=(SWEEP, Level.BEGINNER))
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        clock.advance(1000)
        app.screen.tick()
        await settle(pilot)
        assert isinstance(app.screen, SummaryScreen)
        assert_whole(app, ["Sweep session", "complete", "under tension", "Wall sit"])


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize(
    ("tab", "vital"),
    [
        ("p", ["Hold", "Best", "Trend", "Calf raise", "(left)", "(right)"]),
        ("b", ["Side plank"]),
        ("w", ["This week:", "session"]),
        ("s", ["When", "Session", "Ended", "partial"]),
    ],
    ids=["progress", "balance", "weeks", "sessions"],
)
async def test_the_history_tabs(tmp_path, size, tab, vital):
    fill_history(tmp_path)
    app = make_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        await pilot.press(tab)
        await settle(pilot)
        assert_whole(app, vital)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_settings(tmp_path, size):
    app = make_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert_whole(app, ["Settings", "Default level", "Beginner", "Save"])


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_editor(tmp_path, size):
    app = make_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert_whole(app, ["Name", "Save"])


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_share_screen_shows_the_whole_address(tmp_path, size):
    """At 80x24 the address is whole on one line; at 40x12, too narrow for it, the dialog
    says how wide to make the terminal and still gives every character of it."""
    app = make_app(
        tmp_path, clock=FakeClock(), start=(SWEEP, Level.BEGINNER), catalog_=catalog(SWEEP)
    )
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("w")
        for _ in range(100):
            await pilot.pause(0.02)
            if isinstance(app.screen, ShareScreen):
                break
        await settle(pilot)
        url = app.screen.url
        if size[0] >= len(url) + 4:
            assert_whole(app, [url, "Only this computer", "Escape or Enter to close"])
        else:
            assert_whole(app, ["Escape or Enter to close"])
            # Folded by the dialog's width: read without its frame and line breaks.
            joined = "".join(line.strip(" │") for line in screen_text(app)).replace(" ", "")
            assert f"{len(url) + 4}columnswide" in joined
            assert url in joined


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_help(tmp_path, size):
    app = make_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert_whole(app, ["enter", "Start", "Quit"])


@pytest.mark.parametrize(
    "size",
    SIZES,
    ids=lambda s: f"{s[0]}x{s[1]}",
)
async def test_the_morning_check_in(tmp_path, size):
    holds = [
        hold_record(run_id="yesterday", at=T0 - timedelta(days=1), exercise="side-plank",
                    side=side, target_s=20, session="test-holds", pain=3)
        for side in ("left", "right")
    ]  # fmt: skip
    with HistoryStore.open(Paths(data_dir=tmp_path / "data").history_file) as store:
        store.import_holds(holds)
    app = make_app(tmp_path, clock=FakeClock())
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, CheckinScreen)
        assert_whole(app, ["How is it this morning?", "Better", "Worse", "Left", "Right", "Save"])


NOTICE = "No sound device found: the terminal bell rings instead"


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("phase", ["warm-up", "lead-in", "hold left", "rest", "switch"])
async def test_a_notice_never_covers_the_phase_the_countdown_or_the_next_step(
    tmp_path, size, phase
):
    clock = FakeClock()
    app = make_app(tmp_path, catalog_=catalog(SWEEP), clock=clock, start=(SWEEP, Level.BEGINNER))
    at, vital = PHASES[phase]
    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(pilot)
        clock.advance(at)
        app.screen.tick()
        await settle(pilot)
        before = digit_rows(app)
        app.notify(NOTICE, severity="warning")
        await settle(pilot)
        assert " ".join(shown(app).replace("▌", " ").split()).count(NOTICE) == 1, shown(app)
        assert_whole(app, vital)
        assert digit_rows(app) == before


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize(
    ("key", "at", "said"),
    [
        ("d", 70, "Wall sit: ended early at 5 s"),
        ("n", 125, "Side plank with leg raise (left): skipped at 10 s"),
        ("n", 100, "Rest skipped"),
    ],
    ids=["d-hold", "n-hold", "n-rest"],
)
async def test_d_and_n_say_what_they_did(tmp_path, size, key, at, said):
    clock = FakeClock()
    app = make_app(tmp_path, catalog_=catalog(SWEEP), clock=clock, start=(SWEEP, Level.BEGINNER))
    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(pilot)
        clock.advance(at)
        app.screen.tick()
        await settle(pilot)
        await pilot.press(key)
        await settle(pilot)
        assert said in " ".join(shown(app).replace("▌", " ").split()), shown(app)


LONG_SETUP = (
    "Lean against a wall, set the feet a shoulder-width apart roughly two feet in front of it, "
    "and lower yourself until the knees form a right angle."
)


@pytest.mark.parametrize("size", [(80, 24), (100, 30)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_set_up_text_wraps_rather_than_being_cut(tmp_path, size):
    long = session("long", "Long set-up", replace(WALL_SIT, setup=LONG_SETUP), lead_in=10)
    app = make_app(
        tmp_path, catalog_=catalog(long), clock=FakeClock(), start=(long, Level.BEGINNER)
    )
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        text = " ".join(shown(app).split())
        assert LONG_SETUP in text, shown(app)
