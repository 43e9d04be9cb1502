"""The recorder: engine events in, one saved hold record per real hold out."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from isotimer.core.records import Outcome
from isotimer.storage.history.recorder import NO_STORE_MESSAGE, SessionRecorder
from isotimer.storage.history.transfer import parse_import
from tests.unit.recorded_run import RecordedRun

Run = RecordedRun


def test_a_full_session_saves_every_hold_and_completes_the_run(store):
    run = Run(store)
    run.wait(10_000)
    saved = store.run_holds(run.recorder.run_id)
    assert saved == run.recorder.records
    assert [(h.exercise, h.side, h.set, h.held_s, h.completed) for h in saved] == [
        ("wall-sit", "none", 1, 30, True),
        ("wall-sit", "none", 2, 30, True),
        ("side-plank", "left", 1, 20, True),
        ("side-plank", "right", 1, 20, True),
    ]
    assert {(h.session, h.session_name, h.level, h.round) for h in saved} == {
        ("test", "Test", "beginner", 1)
    }
    (saved_run,) = store.runs()
    assert saved_run.outcome is Outcome.COMPLETED
    assert saved_run.ended_at == saved_run.started_at + timedelta(seconds=run.plan.total_seconds)
    assert run.recorder.saved and run.recorder.pending == [] and run.recorder.last_error is None


def test_each_hold_is_saved_the_moment_it_ends(store):
    run = Run(store)
    run.wait(5 + 30)
    assert store.count() == 1
    assert store.interrupted_runs()[0].id == run.recorder.run_id


def test_timestamps_follow_monotonic_time_when_the_wall_clock_jumps(store):
    run = Run(store)
    run.wait(5 + 30)
    run.clock.jump_wall(-3600)  # NTP correction or DST mid-session
    run.wait(10 + 30)
    first, second = store.holds(newest_first=False)
    assert first.started_at == datetime(2026, 1, 5, 7, 0, 5, tzinfo=UTC)
    assert second.started_at - first.started_at == timedelta(seconds=40)
    assert second.ended_at - second.started_at == timedelta(seconds=30)


@pytest.mark.parametrize(
    ("command", "after_s", "recorded"),
    [
        pytest.param("skip", 0.5, False, id="skip_in_the_first_second_is_not_a_hold"),
        pytest.param("skip", 1.0, True, id="skip_after_a_second_is_kept_as_ended_early"),
        pytest.param("back", 0.4, False, id="back_in_the_first_second_is_not_a_hold"),
        pytest.param("back", 12, True, id="back_after_a_while_is_kept"),
        pytest.param("end_hold", 0.2, True, id="form_broke_is_always_kept"),
        pytest.param("stop", 0.2, True, id="stop_is_always_kept"),
    ],
)
def test_which_interrupted_holds_are_recorded(store, command, after_s, recorded):
    run = Run(store)
    run.wait(5 + after_s)
    run.do(command)
    holds = store.holds()
    assert len(holds) == int(recorded)
    if recorded:
        assert (holds[0].held_s, holds[0].completed) == (round(after_s, 1), False)


def test_stopping_saves_the_hold_cut_short_and_marks_the_run_stopped(store):
    run = Run(store)
    run.wait(5 + 30 + 10 + 12)
    run.do("stop")
    assert [hold.held_s for hold in store.holds(newest_first=False)] == [30, 12]
    assert store.runs()[0].outcome is Outcome.STOPPED


def test_rating_goes_to_the_run_its_saved_holds_and_the_summary_records(store):
    run = Run(store)
    run.wait(10_000)
    run.recorder.rate(effort=7, pain=2, note="good")
    assert {(h.effort, h.pain, h.note) for h in store.holds()} == {(7, 2, "good")}
    assert {(h.effort, h.pain) for h in run.recorder.records} == {(7, 2)}
    assert (store.runs()[0].effort, store.runs()[0].pain) == (7, 2)


def test_a_given_run_id_resumes_that_run(store):
    run = Run(store, run_id="earlier-run")
    run.wait(5 + 30)
    assert store.run_holds("earlier-run")[0].exercise == "wall-sit"


def test_without_a_store_every_hold_waits_in_memory_and_can_be_exported(tmp_path):
    run = Run(None)
    run.wait(10_000)
    run.recorder.rate(effort=5, pain=1)
    assert run.recorder.last_error == NO_STORE_MESSAGE
    assert run.recorder.pending == run.recorder.records and len(run.recorder.pending) == 4
    assert run.recorder.retry() is False
    out = run.recorder.export_pending(tmp_path / "unsaved.json")
    records, rejected = parse_import(out.read_bytes(), filename=out.name)
    assert (records, rejected) == (run.recorder.pending, [])
    assert {hold["pain"] for hold in json.loads(out.read_text())["holds"]} == {1}


def test_a_recorder_subscribed_mid_session_still_records(store):
    run = Run(store)
    late = SessionRecorder(store, run.clock, run.plan, run_id="late")
    run.engine.subscribe(late.on_event)
    run.wait(5 + 30)
    assert len(store.run_holds("late")) == 1


def test_a_store_given_later_takes_everything_that_waited(store):
    run = Run(None)
    run.wait(10_000)
    run.recorder.store = store
    assert run.recorder.retry() is True
    assert store.run_holds(run.recorder.run_id) == run.recorder.records
    assert store.runs()[0].outcome is Outcome.COMPLETED
