"""The schedule as a pure function of (programme, start, runs, today), case by case."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from isotimer.core.programme.phases import Advance, Phase, Programme
from isotimer.core.programme.planned import planned_sessions
from isotimer.core.programme.schedule import ProgrammeRun, Repeat, status

START = date(2026, 3, 2)  # a Monday
GATE = Advance(sessions=2, max_pain=3, morning="not-worse")
BASE = Programme(
    "base",
    "Base",
    (
        Phase("One", ("a", "b"), weeks=2),
        Phase("Easy", ("a", "b"), weeks=1, deload=True),
        Phase("Two", ("a", "b"), weeks=1, sets=1),
    ),
)
GATED = Programme(
    "gated",
    "Gated",
    (Phase("Settle", ("k",), weeks=1, effort=60, advance=GATE), Phase("Load", ("k",), weeks=2)),
)


def day(n: int) -> date:
    return START + timedelta(days=n)


def runs(*days: int, pain: int | None = None, morning: str | None = None) -> list[ProgrammeRun]:
    return [ProgrammeRun(day(n), pain, morning) for n in days]


CASES = [
    # (case, programme, runs, today, expected subset of status --json)
    ("start day: the first session is due", BASE, [], 0,
     {"week": 1, "phase": 1, "done_this_week": 0, "next_session": "a", "due": True,
      "weeks_in_phase": 2}),
    ("one done today: nothing more today", BASE, runs(0), 0,
     {"done_this_week": 1, "next_session": "b", "due": False}),
    ("one done yesterday: the next in turn is due", BASE, runs(0), 1,
     {"done_this_week": 1, "next_session": "b", "due": True}),
    ("a week done: nothing more that week", BASE, runs(0, 3), 5,
     {"done_this_week": 2, "due": False, "week": 1}),
    ("a week done, the next week starts afresh", BASE, runs(0, 3), 7,
     {"week": 2, "phase": 1, "done_this_week": 0, "next_session": "a", "due": True,
      "advance": {"met": False, "why":
                  "last week of the phase: it moves on once a session is done this week"}}),
    ("the last week of a fixed phase with a session moves on", BASE, runs(0, 3, 7), 8,
     {"week": 2,
      "advance": {"met": True, "why": "last week of 2: the next phase starts next week"}}),
    ("a week missed never moves a fixed phase on, nothing is stacked", BASE, runs(0, 3), 15,
     {"week": 3, "phase": 1, "phase_name": "One", "week_in_phase": 2, "done_this_week": 0,
      "due": True, "next_session": "a"}),
    ("three in a week count as per_week", BASE, runs(0, 1, 2), 3,
     {"done_this_week": 2, "due": False}),
    ("two on one day count once", BASE, runs(0, 0), 1,
     {"done_this_week": 1, "due": True}),
    ("a deload week", BASE, runs(0, 3, 7, 10), 14,
     {"week": 3, "phase": 2, "phase_name": "Easy", "weeks_in_phase": 1}),
    ("a programme finished", BASE, runs(0, 3, 7, 10, 14, 17, 21, 24), 28,
     {"week": 5, "phase": 3, "next_session": None, "due": False,
      "advance": {"met": True, "why": "programme finished: every phase is done"}}),
    ("criteria not yet met", GATED, runs(0), 2,
     {"phase": 1, "weeks_in_phase": None,
      "advance": {"met": False, "why": "1 of 2 sessions done in this phase"}}),
    ("a phase advanced on criteria", GATED, runs(0, 3, pain=2, morning="same"), 7,
     {"week": 2, "phase": 2, "phase_name": "Load", "weeks_in_phase": 2}),
    ("a phase held back by pain", GATED, runs(0, 3, pain=5), 7,
     {"week": 2, "phase": 1,
      "advance": {"met": False, "why": "pain 5 on 2026-03-05 is above 3"}}),
    ("a phase held back by a worse morning", GATED, runs(0, 3, pain=1, morning="worse"), 7,
     {"week": 2, "phase": 1,
      "advance": {"met": False, "why": "held back: the morning after 2026-03-05 was worse"}}),
    ("a held-back phase moves on once the mornings settle", GATED,
     runs(0, 3, morning="worse") + runs(7, 9, pain=1, morning="same"), 14,
     {"week": 3, "phase": 2}),
    ("before the start day nothing is due", BASE, [], -1,
     {"week": 1, "due": False, "advance": {"met": False, "why": "starts on 2026-03-02"}}),
    ("runs before the start do not count", BASE, runs(-3, -1), 0,
     {"done_this_week": 0, "due": True}),
]  # fmt: skip


@pytest.mark.parametrize(("case", "programme", "done", "today", "expected"), CASES)
def test_status(case, programme, done, today, expected):
    found = status(programme, START, done, day(today)).to_dict()
    assert {key: found[key] for key in expected} == expected, case


def test_the_status_has_the_contract_keys():
    found = status(BASE, START, [], START).to_dict()
    contract = ["programme", "phase", "phase_name", "week", "weeks_in_phase", "done_this_week"]
    contract += ["per_week", "next_session", "due", "advance"]
    assert list(found)[: len(contract)] == contract
    assert set(found["advance"]) == {"met", "why"}


def test_two_empty_weeks_offer_to_repeat_the_phase_last_trained_in():
    done = runs(0, 3, 7, 10, 14)  # into phase 2 (Easy) in week 3, then nothing
    assert status(BASE, START, done, day(27)).repeat_offer is None  # one empty week
    offered = status(BASE, START, done, day(35))  # phase 3 never trained: not finished
    assert (offered.week, offered.phase, offered.finished, offered.repeat_offer) == (6, 3, False, 2)
    longer = Programme("long", "Long", (Phase("One", ("a",), 9),))
    assert status(longer, START, runs(0), day(21)).repeat_offer == 1
    repeated = status(longer, START, runs(0), day(21), [Repeat(4, 1)])
    assert (repeated.week, repeated.week_in_phase, repeated.repeat_offer) == (4, 1, None)


def test_the_offer_goes_once_a_session_is_done_this_week():
    longer = Programme("long", "Long", (Phase("One", ("a",), 9),))
    assert status(longer, START, runs(0, 21), day(22)).repeat_offer is None


DAYS = st.lists(st.integers(min_value=-10, max_value=120), max_size=40)


@given(DAYS, st.integers(min_value=0, max_value=120))
def test_never_more_than_per_week_a_week_done_or_planned(done, today):
    now = status(BASE, START, runs(*done), day(today))
    assert now.done_this_week <= BASE.per_week
    planned = planned_sessions(BASE, START, now, day(today))
    per_week: dict[int, int] = {}
    for item in planned:
        per_week[item.week] = per_week.get(item.week, 0) + 1
    per_week[now.week] = per_week.get(now.week, 0) + now.done_this_week
    assert all(count <= BASE.per_week for count in per_week.values())
    assert len({item.day for item in planned}) == len(planned)
    assert all(item.day >= day(today) for item in planned)


@given(DAYS, st.integers(min_value=-5, max_value=120), st.integers(min_value=1, max_value=30))
def test_the_week_never_goes_backwards(done, today, later):
    first = status(GATED, START, runs(*done, pain=2), day(today))
    second = status(GATED, START, runs(*done, pain=2), day(today + later))
    assert second.week >= first.week
    assert (second.phase, second.week) >= (first.phase, first.week)
