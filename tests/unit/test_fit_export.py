"""FIT files as services will read them: decoded twice and compared with the history."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import UTC, timedelta, timezone

import pytest
from garmin_fit_sdk import Profile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from isotimer import __version__
from isotimer.core.fit.activity import build_activity
from isotimer.core.fit.exercises import BY_ID, BY_WORD
from isotimer.core.history.records import HoldRecord, Outcome, RunRecord
from isotimer.core.run.outcomes import counted
from isotimer.storage.export.fit import encode_activity, exercise_name_number
from isotimer.storage.export.fit_files import (
    FitExportError,
    export_runs,
    fit_filename,
    select_runs,
    write_fit,
)
from isotimer.storage.export.fit_ids import software_version
from tests.unit.fit_decoding import decode
from tests.unit.history_factories import T0, hold_record, run_record


def at(seconds: float):
    return T0 + timedelta(seconds=seconds)


def recovery_run(outcome: Outcome = Outcome.COMPLETED) -> tuple[RunRecord, list[HoldRecord]]:
    """Two rounds: a wall sit, then a side plank a side; the very last one ended early.

    A stopped run was stopped during that last hold, so the stop ended it.
    """
    ended = at(328.5) if outcome is Outcome.STOPPED else at(400.4)
    run = replace(run_record(), ended_at=ended, outcome=outcome, effort=6)
    plank = {"exercise": "side-plank", "target_s": 30.0}
    holds = [
        hold_record(at=at(5.25), exercise="wall-sit", held_s=45, round=1),
        hold_record(at=at(80.5), side="left", held_s=30, round=1, **plank),
        hold_record(at=at(115.9), side="right", held_s=30, round=1, **plank),
        hold_record(at=at(205.0), exercise="wall-sit", held_s=45, round=2),
        hold_record(at=at(280.7), side="left", held_s=30, round=2, **plank),
        hold_record(at=at(316), side="right", held_s=12.5, round=2,
                    stopped=outcome is Outcome.STOPPED, **plank),
    ]  # fmt: skip
    return run, holds


def assert_matches_history(decoded, run: RunRecord, holds: list[HoldRecord]) -> None:
    """Activity type, set counts, each set to the second, and the session's totals."""
    assert (decoded.file_type, decoded.sport, decoded.sub_sport) == (
        "activity",
        "training",
        "strength_training",
    )
    active = [s for s in decoded.sets if s.kind == "active"]
    rests = [s for s in decoded.sets if s.kind == "rest"]
    ordered = sorted(holds, key=lambda hold: hold.started_at)
    gaps = [b.started_at - a.ended_at for a, b in itertools.pairwise(ordered)]
    assert len(active) == len(holds)
    assert len(rests) == sum(1 for gap in gaps if gap > timedelta(0))
    for fit_set, hold in zip(active, ordered, strict=True):
        assert fit_set.start == hold.started_at.astimezone(UTC).replace(microsecond=0)
        assert fit_set.duration_s == pytest.approx(hold.held_s, abs=0.001)
    assert decoded.start == min(run.started_at, ordered[0].started_at).replace(microsecond=0)
    end = max([hold.ended_at for hold in holds] + [run.ended_at or ordered[-1].ended_at])
    assert decoded.end == end.astimezone(UTC).replace(microsecond=0)
    start = min(run.started_at, ordered[0].started_at)
    assert decoded.elapsed_s == pytest.approx((end - start).total_seconds(), abs=0.001)
    timer = sum(h.held_s for h in holds) + sum(g.total_seconds() for g in gaps if g > timedelta(0))
    assert decoded.timer_s == pytest.approx(timer, abs=0.001 * len(decoded.sets))
    assert decoded.laps == len({hold.round for hold in holds})


def written(tmp_path, run, holds):
    return decode(write_fit(tmp_path / "run.fit", run, holds))


def test_a_run_decodes_as_the_history_has_it(tmp_path):
    run, holds = recovery_run()
    decoded = written(tmp_path, run, holds)
    assert_matches_history(decoded, run, holds)
    assert [s.category for s in decoded.sets if s.kind == "active"] == [
        "squat",
        "plank",
        "plank",
    ] * 2
    assert decoded.titles == ("Wall sit", "Side plank (left)", "Side plank (right)")


def test_the_device_is_isotimer_at_its_version(tmp_path):
    decoded = written(tmp_path, *recovery_run())
    assert decoded.product_name == "isotimer"
    assert decoded.device_descriptor == f"isotimer {__version__}"


@pytest.mark.parametrize(("effort", "rpe"), [(6, 60), (10, 100), (None, None)])
def test_the_rated_effort_is_the_sessions_perceived_effort(tmp_path, effort, rpe):
    run, holds = recovery_run()
    assert written(tmp_path, replace(run, effort=effort), holds).rpe == rpe


@pytest.mark.parametrize(
    ("outcome", "last_hold", "run_outcome"),
    [
        (Outcome.COMPLETED, "ended_early", "partial"),  # ran to its end, a set ended early
        (Outcome.STOPPED, "stopped", "stopped"),
        (Outcome.INTERRUPTED, "ended_early", "interrupted"),
    ],
)
def test_a_run_cut_short_is_marked_as_such(tmp_path, outcome, last_hold, run_outcome):
    run, holds = recovery_run(outcome)
    decoded = written(tmp_path, run, holds)
    assert decoded.run_outcome == run_outcome
    outcomes = [s.outcome for s in decoded.sets if s.kind == "active"]
    assert outcomes == ["completed"] * 5 + [last_hold]


def test_exporting_twice_gives_the_same_bytes(tmp_path):
    run, holds = recovery_run()
    first = write_fit(tmp_path / "a.fit", run, holds).read_bytes()
    second = write_fit(tmp_path / "b.fit", run, list(reversed(holds))).read_bytes()
    assert first == second


def test_every_mapped_name_is_in_the_fit_profile():
    mapped = list(BY_ID.values()) + [fit for _, fit in BY_WORD]
    for fit in mapped:
        assert fit.category in Profile["types"]["exercise_category"].values()
        if fit.name is not None:
            assert isinstance(exercise_name_number(fit.category, fit.name), int)


@pytest.mark.parametrize(("version", "expected"), [("0.1.0", 0.1), ("1.12.3", 1.12), ("2", 2.0)])
def test_software_version(version, expected):
    assert software_version(version) == expected


# -- random runs ------------------------------------------------------------------

EXERCISES = [("wall-sit", "none"), ("side-plank", "left"), ("side-plank", "right"),
             ("calf-raise-hold", "none"), ("towel-squeeze", "none")]  # fmt: skip


@st.composite
def random_runs(draw) -> tuple[RunRecord, list[HoldRecord]]:
    """Rounds of holds on both sides with random rests, early stops and a random ending."""
    rounds = draw(st.integers(1, 3))
    steps = draw(st.lists(st.sampled_from(EXERCISES), min_size=1, max_size=5))
    clock = draw(st.floats(0, 10))
    holds = []
    for round_no in range(1, rounds + 1):
        for exercise, side in steps:
            target = draw(st.sampled_from([20.0, 30.0, 45.0]))
            held = draw(st.one_of(st.just(target), st.floats(0.5, target)))
            holds.append(
                hold_record(at=at(clock), exercise=exercise, side=side, target_s=target,
                            held_s=round(held, 3), round=round_no)
            )  # fmt: skip
            clock += held + draw(st.sampled_from([0.0, 0.4, 5.0, 30.0, 61.7]))
    cut = draw(st.integers(1, len(holds)))
    outcome = draw(st.sampled_from(list(Outcome)))
    ended = None if outcome is Outcome.IN_PROGRESS else at(clock + draw(st.floats(0, 20)))
    run = replace(
        run_record(), outcome=outcome, ended_at=ended, effort=draw(st.none() | st.integers(1, 10))
    )
    return run, holds[:cut]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(random_runs())
def test_random_runs_round_trip(tmp_path, generated):
    run, holds = generated
    decoded = written(tmp_path, run, holds)
    assert_matches_history(decoded, run, holds)
    assert decoded.rpe == (run.effort * 10 if run.effort else None)
    done = all(hold.completed for hold in counted(holds))
    partial = run.outcome is Outcome.COMPLETED and not done
    assert decoded.run_outcome == ("partial" if partial else run.outcome.value)
    assert encode_activity(build_activity(run, holds)) == (tmp_path / "run.fit").read_bytes()


# -- choosing runs and files ----------------------------------------------------------


@pytest.fixture
def three_runs(store) -> None:
    """The shared ``store`` (tests/conftest.py) with runs of two, one and no holds."""
    for run_id, day, count in (("aaaa1111", 0, 2), ("bbbb2222", 3, 1), ("cccc3333", 5, 0)):
        start = at(day * 86400)
        store.begin_run(replace(run_record(run_id, start), session="recovery-day"))
        for n in range(count):
            store.add_hold(hold_record(run_id=run_id, at=start + timedelta(seconds=10 + 60 * n)))
        store.end_run(run_id, start + timedelta(seconds=200), Outcome.COMPLETED)


@pytest.mark.usefixtures("three_runs")
def test_a_folder_gets_one_file_per_run_with_holds(store, tmp_path):
    export = export_runs(store, select_runs(store.runs()), tmp_path / "out")
    assert [path.name for path in export.written] == [
        "isotimer-20260105-0700-recovery-day-aaaa1111.fit",
        "isotimer-20260108-0700-recovery-day-bbbb2222.fit",
    ]
    assert [run.id for run in export.empty] == ["cccc3333"]
    for path, run_id in zip(export.written, ("aaaa1111", "bbbb2222"), strict=True):
        run = next(run for run in store.runs() if run.id == run_id)
        assert_matches_history(decode(path), run, store.run_holds(run_id))


@pytest.mark.parametrize(
    ("session", "since", "expected"),
    [
        (None, None, ["aaaa1111", "bbbb2222", "cccc3333"]),
        ("bbbb2222", None, ["bbbb2222"]),
        ("aaaa", None, ["aaaa1111"]),
        (None, T0.date() + timedelta(days=3), ["bbbb2222", "cccc3333"]),
    ],
)
@pytest.mark.usefixtures("three_runs")
def test_select_runs(store, session, since, expected):
    assert [run.id for run in select_runs(store.runs(), session, since)] == expected


@pytest.mark.parametrize(("session", "message"), [("zzz", "no run with id"), ("", "3 runs")])
@pytest.mark.usefixtures("three_runs")
def test_select_runs_names_a_bad_id(store, session, message):
    with pytest.raises(FitExportError, match=message):
        select_runs(store.runs(), session)


@pytest.mark.usefixtures("three_runs")
def test_one_file_for_many_runs_is_refused(store, tmp_path):
    with pytest.raises(FitExportError, match=r"2 runs to export but .* is one file"):
        export_runs(store, select_runs(store.runs()), tmp_path / "one.fit")
    assert not (tmp_path / "one.fit").exists()


@pytest.mark.usefixtures("three_runs")
def test_one_run_to_one_file(store, tmp_path):
    runs = select_runs(store.runs(), "aaaa1111")
    export = export_runs(store, runs, tmp_path / "mine.fit")
    assert export.written == (tmp_path / "mine.fit",)


def test_the_file_name_keeps_to_safe_characters():
    run = replace(run_record("ab/cd:ef-123456"), session="../my session")
    assert fit_filename(run) == "isotimer-20260105-0700-my-session-abcdef12.fit"


def fit_messages(path) -> dict[str, list[dict]]:
    """Every data message of a FIT file by name, as fitdecode reads it."""
    import fitdecode

    messages: dict[str, list[dict]] = {}
    with fitdecode.FitReader(path) as reader:
        for frame in reader:
            if isinstance(frame, fitdecode.FitDataMessage):
                fields = {field.name: field.value for field in frame.fields}
                messages.setdefault(frame.name, []).append(fields)
    return messages


def test_each_set_is_stamped_with_its_end(tmp_path):
    """Mutation (issue 27): a FIT set's ``timestamp`` taken from its start, not its end
    (storage/export/fit.py ``_set``); FIT stamps each message when it was recorded."""
    run, holds = recovery_run()
    decoded = decode(write_fit(tmp_path / "run.fit", run, holds))
    active = [s for s in decoded.sets if s.kind == "active"]
    ends = [hold.ended_at.astimezone(UTC).replace(microsecond=0) for hold in holds]
    assert [s.end for s in active] == ends


@pytest.mark.parametrize("hours", [-5, 1, 13])
def test_the_activitys_local_timestamp_is_the_wall_clock_where_it_was_run(tmp_path, hours):
    """Mutation (issue 27): the sign of the UTC offset in the activity's ``local_timestamp``
    (storage/export/fit.py ``_activity``): at -05:00 it was ten hours off."""
    zone = timezone(timedelta(hours=hours))
    run, holds = recovery_run()
    run = replace(run, started_at=run.started_at.astimezone(zone))
    path = write_fit(tmp_path / "run.fit", run, holds)
    [activity] = fit_messages(path)["activity"]
    # fitdecode reads local_timestamp as if it were UTC: what is left is the wall time.
    wall = activity["timestamp"].astimezone(zone).replace(tzinfo=None)
    assert activity["local_timestamp"].replace(tzinfo=None) == wall
