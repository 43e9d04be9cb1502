"""The recorder: engine events in, one saved hold record per real hold out."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from isotimer.core.history.records import HoldOutcome, Outcome
from isotimer.core.run.outcomes import counted
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
    ("command", "after_s", "outcome"),
    [
        pytest.param("skip", 0.5, HoldOutcome.SKIPPED, id="n_at_once_is_saved_as_skipped"),
        pytest.param("skip", 12, HoldOutcome.SKIPPED, id="n_later_is_skipped_not_a_failed_set"),
        pytest.param("back", 0.4, HoldOutcome.SKIPPED, id="b_leaves_the_hold_as_skipped"),
        pytest.param("back", 12, HoldOutcome.SKIPPED, id="b_after_a_while_is_skipped_too"),
        pytest.param("end_hold", 0.2, HoldOutcome.ENDED_EARLY, id="d_is_form_breaking"),
        pytest.param("stop", 12, HoldOutcome.STOPPED, id="q_or_a_closed_terminal_is_stopped"),
    ],
)
def test_what_each_way_of_leaving_a_hold_saves(store, command, after_s, outcome):
    """Every hold is saved with its time; the key that ended it decides its outcome.

    A closed terminal or an ended process reaches the engine as a stop (the
    app's signal handler stops the run), so it saves what ``q`` saves.
    """
    run = Run(store)
    run.wait(5 + after_s)
    run.do(command)
    (saved,) = store.holds()
    assert (saved.held_s, saved.outcome, saved.completed) == (round(after_s, 1), outcome, False)


def test_a_hold_that_reached_its_target_is_completed_whatever_ends_it(store):
    run = Run(store)
    run.wait(5 + 30)
    assert store.holds()[0].outcome is HoldOutcome.COMPLETED
    assert store.holds()[0].completed


def test_back_and_redo_leaves_one_counted_attempt_for_the_set(store):
    run = Run(store)
    run.wait(5 + 30 + 4)  # set 1 done, 4 s into the rest
    run.do("back")  # back to set 1: redo it
    run.wait(30)
    saved = store.holds(newest_first=False)
    assert [(h.set, h.outcome) for h in saved] == [(1, HoldOutcome.COMPLETED)] * 2
    (kept,) = counted(saved)
    assert kept.id == saved[1].id


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
