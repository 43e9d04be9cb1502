"""What a hold counts for and what a run adds up to, in data and in plain English."""

from __future__ import annotations

from datetime import timedelta

import pytest

from isotimer.core.history.records import HoldOutcome, HoldRecord
from isotimer.core.run.events import EndReason
from isotimer.core.run.outcomes import (
    SessionResult,
    counted,
    counts_text,
    describe_holds,
    hold_outcome,
    is_session,
    session_result,
)
from tests.unit.history_factories import T0, hold_record

DONE, EARLY, SKIP, STOP = (
    HoldOutcome.COMPLETED,
    HoldOutcome.ENDED_EARLY,
    HoldOutcome.SKIPPED,
    HoldOutcome.STOPPED,
)


@pytest.mark.parametrize(
    ("reason", "held", "outcome"),
    [
        pytest.param(EndReason.TIME, 30, DONE, id="time_up"),
        pytest.param(EndReason.EARLY, 12, EARLY, id="d_form_broke"),
        pytest.param(EndReason.SKIP, 1, SKIP, id="n_skips"),
        pytest.param(EndReason.BACK, 12, SKIP, id="b_leaves_it"),
        pytest.param(EndReason.STOP, 12, STOP, id="q_or_terminal_closed"),
        pytest.param(EndReason.SKIP, 30, DONE, id="n_at_the_target_is_still_completed"),
    ],
)
def test_each_way_a_hold_ends_has_its_outcome(reason, held, outcome):
    assert hold_outcome(reason, held, 30) is outcome


def holds(*outcomes, run_id="r", sets=None):
    """One hold per outcome, a minute apart, on the sets given (1, 2, 3... by default)."""
    numbers = sets or range(1, len(outcomes) + 1)
    return [
        hold_record(run_id=run_id, at=T0 + timedelta(minutes=n), set=s, outcome=o,
                    held_s=30 if o is DONE else 10, target_s=30)
        for n, (o, s) in enumerate(zip(outcomes, numbers, strict=True))
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("outcomes", "sets", "kept"),
    [
        pytest.param((EARLY, DONE), (1, 1), [DONE], id="the_redo_counts"),
        pytest.param((DONE, EARLY), (1, 1), [EARLY], id="a_worse_redo_counts_too"),
        pytest.param((DONE, SKIP), (1, 1), [DONE], id="a_skip_is_not_a_redo"),
        pytest.param((SKIP, SKIP), (1, 1), [SKIP], id="only_skips_leave_one_skip"),
        pytest.param((DONE, DONE), (1, 2), [DONE, DONE], id="two_sets_two_attempts"),
    ],
)
def test_one_counted_attempt_per_set(outcomes, sets, kept):
    assert [hold.outcome for hold in counted(holds(*outcomes, sets=sets))] == kept


@pytest.mark.parametrize(
    ("outcomes", "planned", "stopped", "result"),
    [
        pytest.param((DONE, DONE), 2, False, SessionResult.COMPLETE, id="every_hold_completed"),
        pytest.param((DONE, EARLY), 2, False, SessionResult.PARTIAL, id="one_ended_early"),
        pytest.param((DONE, SKIP), 2, False, SessionResult.PARTIAL, id="one_skipped"),
        pytest.param((DONE, STOP), 3, True, SessionResult.STOPPED, id="stopped"),
        pytest.param((), 2, True, SessionResult.NOT_A_SESSION, id="stopped_in_the_get_ready"),
    ],
)
def test_a_runs_result(outcomes, planned, stopped, result):
    assert session_result(holds(*outcomes), planned, stopped) is result


def test_a_run_without_a_hold_of_a_second_is_not_a_session():
    quick = [hold_record(held_s=0.4, outcome=SKIP), hold_record(held_s=0.9, outcome=SKIP)]
    assert not is_session(quick)
    assert session_result(quick, 2, stopped=False) is SessionResult.NOT_A_SESSION
    assert is_session([*quick, hold_record(held_s=1.0, outcome=SKIP)])


@pytest.mark.parametrize(
    ("outcomes", "text"),
    [
        pytest.param((DONE, EARLY), "1 hold held to the end, 1 ended early", id="one_each"),
        pytest.param((EARLY, EARLY), "2 holds ended early", id="plural_noun"),
        pytest.param((DONE,), "1 hold held to the end", id="singular"),
        pytest.param(
            (DONE, DONE, EARLY, SKIP, STOP),
            "2 holds held to the end, 1 ended early, 1 stopped, 1 skipped",
            id="every_outcome_in_order",
        ),
        pytest.param((), "no holds", id="nothing"),
    ],
)
def test_counts_read_as_plain_english(outcomes, text):
    assert describe_holds(holds(*outcomes)) == text


def test_an_empty_count_is_an_empty_text():
    assert counts_text({}) == ""


@pytest.mark.parametrize(
    ("completed", "outcome"), [(True, DONE), (False, EARLY)], ids=["completed", "not_completed"]
)
def test_a_record_without_an_outcome_derives_it_from_completed(completed, outcome):
    record = hold_record(held_s=10, completed=completed)
    assert record.outcome is outcome


def test_completed_and_outcome_must_agree():
    with pytest.raises(ValueError, match="completed is True but outcome is skipped"):
        HoldRecord(**{**vars(hold_record()), "outcome": SKIP})
