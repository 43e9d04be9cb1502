"""The offer to resume an interrupted session, in the app: accepted, and declined."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from isotimer.core.clock import FakeClock
from isotimer.core.history.records import Outcome
from isotimer.core.session.plan import StepKind
from isotimer.ui.screens.picker import PickerScreen
from isotimer.ui.screens.resume import ResumeScreen
from isotimer.ui.screens.run import RunScreen
from isotimer.ui.screens.summary import SummaryScreen
from tests.ui.builders import make_app

SIZE = (100, 30)
ROOT = Path(__file__).resolve().parents[2]


# A run that records its first hold, then dies in the rest after it without closing
# anything: os._exit, as a killed process, leaves the kernel to drop its run lock.
CUT_OFF_RUN = """
import os, sys
from isotimer.core.clock import FakeClock
from isotimer.core.run.engine import Engine
from isotimer.core.session.model import Level
from isotimer.core.session.plan import build_plan
from isotimer.storage.history.recorder import SessionRecorder
from isotimer.storage.history.store import HistoryStore
from tests.ui.builders import TEST_SESSION

clock = FakeClock()
plan = build_plan(TEST_SESSION, Level.BEGINNER)
store = HistoryStore.open(sys.argv[1])
engine = Engine(plan)
recorder = SessionRecorder(store, clock, plan, Level.BEGINNER)
engine.subscribe(recorder.on_event)
engine.start(clock.monotonic())
clock.advance(5 + 30 + 4)
engine.update(clock.monotonic())
print(recorder.run_id, flush=True)
os._exit(0)
"""


def interrupted_after_one_hold(tmp_path, clock: FakeClock) -> str:
    """A run of TEST_SESSION whose process died in the rest after its first hold.

    ``clock`` (a fresh FakeClock, as the dead process had) is moved on to ten
    minutes after the death.
    """
    history = tmp_path / "data" / "history.sqlite3"
    history.parent.mkdir(parents=True, exist_ok=True)
    died = subprocess.run(
        [sys.executable, "-c", CUT_OFF_RUN, str(history)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    clock.advance(5 + 30 + 4 + 600)
    return died.stdout.strip()


async def test_resuming_goes_on_from_the_next_hold_in_the_same_run(tmp_path):
    clock = FakeClock()
    run_id = interrupted_after_one_hold(tmp_path, clock)
    app = make_app(tmp_path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)
        assert "after 1 hold held to the end." in app.screen.detail
        assert "Starting fresh keeps it in your history." in app.screen.detail
        await pilot.press("y")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RunScreen)
        snapshot = screen.engine.snapshot(clock.monotonic())
        assert (snapshot.step.kind, snapshot.step.set) == (StepKind.REST, 2)
        assert screen.recorder.run_id == run_id
        clock.advance(20 + 30 + 20 + 20 + 5 + 20 + 1)  # the rest of the plan
        screen.tick()
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        holds = app.history.run_holds(run_id)
        assert [(h.exercise, h.side, h.set) for h in holds] == [
            ("wall-sit", "none", 1),
            ("wall-sit", "none", 2),
            ("side-plank", "left", 1),
            ("side-plank", "right", 1),
        ]
        assert len(screen.recorder.records) == 4  # the summary shows the whole run
        [run] = [run for run in app.history.runs() if run.id == run_id]
        assert run.outcome is Outcome.COMPLETED


async def test_declining_closes_the_run_and_is_not_asked_again(tmp_path):
    clock = FakeClock()
    run_id = interrupted_after_one_hold(tmp_path, clock)
    app = make_app(tmp_path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        [run] = app.history.runs()
        assert (run.id, run.outcome) == (run_id, Outcome.INTERRUPTED)
        assert len(app.history.run_holds(run_id)) == 1
    again = make_app(tmp_path, clock=clock)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, PickerScreen)
