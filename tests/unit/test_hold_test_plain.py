"""Plain mode in a hold test: it counts up, says the time held, and Enter ends the test."""

from __future__ import annotations

from dataclasses import replace
from importlib.resources import files

import pytest

from isotimer.core.clock import FakeClock
from isotimer.core.history.records import HoldKind, HoldOutcome
from isotimer.core.run.engine import Engine
from isotimer.core.session.plan import build_plan
from isotimer.plain.narration import summary_lines
from isotimer.plain.runner import PlainRun
from isotimer.storage.history.recorder import SessionRecorder
from isotimer.web.state import live_state
from tests.unit.factories import hold, session
from tests.unit.test_plain_mode import ScriptedKeys

PLAN = build_plan(session(replace(hold("Wall sit", seconds=60, advanced=60), test=True)))


def run_test(presses: list[tuple[float, str]], store=None):
    clock = FakeClock(start=0.0)
    engine = Engine(PLAN)
    recorder = SessionRecorder(store, clock, PLAN)
    engine.subscribe(recorder.on_event)
    lines: list[str] = []
    PlainRun(engine, clock, ScriptedKeys(clock, presses), lines.append).run()
    return lines, recorder


@pytest.mark.parametrize("key", ["\r", "\n", "d"])
def test_enter_or_d_ends_the_test_with_the_time_held(key):
    lines, recorder = run_test([(5 + 23, key)])
    assert lines == [
        "Get ready: 5 s, then Wall sit",
        "3",
        "2",
        "1",
        "Wall sit: hold test, count up to failure (cap 1 min); d or Enter when form goes",
        "10 s held",
        "20 s held",
        "Wall sit: held 23 s.",
        "End of the session.",
    ]
    (record,) = recorder.records
    assert (record.kind, record.held_s, record.outcome) == (
        HoldKind.TEST,
        23,
        HoldOutcome.COMPLETED,
    )


def test_the_cap_ends_the_test_by_itself():
    lines, recorder = run_test([])
    assert lines[-2:] == ["Wall sit: held 60 s.", "End of the session."]
    assert recorder.records[0].held_s == 60 and recorder.records[0].completed


def test_enter_outside_a_test_does_nothing():
    _, recorder = run_test([(2, "\r"), (5 + 12, "d")])
    assert recorder.records[0].held_s == 12


def test_the_summary_gives_a_test_its_result_not_a_target():
    _, recorder = run_test([(5 + 41, "\r")])
    assert "  Wall sit: 41 s, hold test" in summary_lines(PLAN, recorder.records)


def test_the_phone_page_is_told_to_count_up_in_a_test_only():
    engine = Engine(PLAN)
    engine.start(0.0)
    assert live_state(engine.update(2.0), PLAN)["counting_up"] is False  # the get-ready
    state = live_state(engine.update(5 + 17.5), PLAN)
    assert state["counting_up"] is True and state["elapsed_s"] == 17.5


def test_the_page_shows_the_time_held_and_never_beeps_a_test_down():
    page = (files("isotimer") / "web" / "page.html").read_text()
    assert "state.counting_up ? clock(Math.floor(elapsed())) : clock(left)" in page
    assert "!state.counting_up && offlineSince === null" in page
