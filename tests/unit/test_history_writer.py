"""The history's writer thread: in order, never killed by one job, waited for with a bound."""

from __future__ import annotations

import threading

from isotimer.core.clock import FakeClock
from isotimer.core.history.records import Outcome
from isotimer.core.run.engine import Engine
from isotimer.core.session.model import Level
from isotimer.core.session.plan import build_plan
from isotimer.storage.history.recorder import SessionRecorder
from isotimer.storage.history.store import HistoryStore
from isotimer.storage.history.write_thread import HistoryWriter
from tests.ui.builders import TEST_SESSION


def test_jobs_run_in_the_order_they_were_submitted():
    writer, done = HistoryWriter(), []
    for n in range(50):
        writer.submit(lambda n=n: done.append(n))
    assert writer.wait(5) and done == list(range(50)) and not writer.busy
    writer.close(5)


def test_a_job_that_raises_does_not_stop_the_ones_after_it():
    writer, done = HistoryWriter(), []

    def broken() -> None:
        raise RuntimeError("boom")

    writer.submit(broken)
    writer.submit(lambda: done.append("after"))
    assert writer.wait(5) and done == ["after"]
    assert isinstance(writer.last_exception, RuntimeError)
    writer.close(5)


def test_waiting_on_a_stuck_job_gives_up_at_the_timeout():
    writer, release = HistoryWriter(), threading.Event()
    writer.submit(release.wait)
    assert writer.busy and writer.wait(0.05) is False
    release.set()
    assert writer.close(5) and not writer.busy


def test_a_cut_off_run_saves_its_hold_but_stays_in_progress(tmp_path):
    clock, plan = FakeClock(), build_plan(TEST_SESSION, Level.BEGINNER)
    writer = HistoryWriter()
    with HistoryStore.open(tmp_path / "history.sqlite3") as store:
        recorder = SessionRecorder(store, clock, plan, writer=writer)
        engine = Engine(plan)
        engine.subscribe(recorder.on_event)
        engine.start(clock.monotonic())
        clock.advance(5 + 12)
        engine.update(clock.monotonic())
        recorder.cut_off()
        engine.stop(clock.monotonic())
        assert writer.wait(5) and recorder.saved
        [hold] = store.holds()
        [run] = store.runs()
    assert hold.held_s == 12 and run.outcome is Outcome.IN_PROGRESS
    writer.close(5)
