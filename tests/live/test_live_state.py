"""What the live page is sent: the state of a run at a moment, from the engine's snapshot."""

from __future__ import annotations

from dataclasses import replace

import pytest

from isotimer.core.run.engine import Engine
from isotimer.core.session.model import Level, Sides
from isotimer.core.session.plan import build_plan
from isotimer.web.state import RunTally, live_state
from tests.unit.factories import block, hold, session


def engine_at(offset_s: float, *, paused_at: float | None = None) -> tuple[Engine, float]:
    cued = replace(hold(seconds=30, sets=2, rest=20), cues=("Knees over toes", "Breathe"))
    plan = build_plan(session(cued, lead_in=5), Level.BEGINNER)
    engine = Engine(plan)
    engine.start(0.0)
    if paused_at is not None:
        engine.update(paused_at)
        engine.pause(paused_at)
    engine.update(offset_s)
    return engine, offset_s


@pytest.mark.parametrize(
    ("offset", "phase", "words", "remaining"),
    [
        (1.0, "lead_in", "GET READY", 4.0),
        (15.0, "hold", "HOLD", 20.0),
        (40.0, "rest", "REST", 15.0),
        (200.0, "done", "DONE", 0.0),
    ],
)
def test_each_phase_says_what_to_do_and_how_long_is_left(offset, phase, words, remaining):
    engine, at = engine_at(offset)
    state = live_state(engine.snapshot(at), engine.plan)
    assert (state["phase"], state["words"]) == (phase, words)
    assert state["remaining_s"] == pytest.approx(remaining)


def test_a_paused_run_says_paused_and_its_time_stands_still():
    engine, _ = engine_at(30.0, paused_at=10.0)
    first = live_state(engine.snapshot(30.0), engine.plan)
    later = live_state(engine.snapshot(90.0), engine.plan)
    assert first["words"] == "PAUSED" and first["paused"] is True
    assert first["remaining_s"] == later["remaining_s"] == pytest.approx(25.0)


def test_a_hold_carries_its_cues_and_breathing_so_the_page_can_rotate_them():
    engine, at = engine_at(15.0)
    state = live_state(engine.snapshot(at), engine.plan, muted=True, cue_every_s=6)
    assert state["cues"] == ["Knees over toes", "Breathe"]
    assert state["cue_every_s"] == 6 and state["muted"] is True
    assert state["breathing"] == {"inhale": 3.0, "hold": 0.0, "exhale": 3.0}
    assert state["details"].startswith("Set 1 of 2")
    assert state["next"].startswith("Then: ")


def test_a_rest_names_the_hold_coming_up():
    engine, at = engine_at(40.0)
    state = live_state(engine.snapshot(at), engine.plan)
    assert state["next"].startswith("Coming up: ")
    assert state["title"] == "Next: Wall sit"
    assert state["cues"] == []
    assert (state["hold_number"], state["holds"]) == (2, 2)  # the hold coming, as its set says


@pytest.mark.parametrize(
    ("offset", "words", "title", "cues"),
    [
        (10.0, "WARM-UP", "Easy bike", ["Chatting pace"]),
        (300 + 5 + 30 + 5, "COOL-DOWN", "Belly breathing", ["Long out-breath"]),
    ],
)
def test_a_warm_up_or_cool_down_block_is_shown_by_its_name_and_cues(offset, words, title, cues):
    blocks = {
        "warm_up": (block("Easy bike", 300, "Chatting pace"),),
        "cool_down": (block("Belly breathing", 120, "Long out-breath"),),
    }
    engine = Engine(build_plan(session(hold(seconds=30), lead_in=5, **blocks)))
    engine.start(0.0)
    engine.update(offset)
    state = live_state(engine.snapshot(offset), engine.plan)
    assert (state["words"], state["title"], state["cues"]) == (words, title, cues)
    assert state["phase"] in ("warm_up", "cool_down")
    assert "n skips it" in state["details"]


def test_a_hold_sends_its_breathing_advice_among_its_cues():
    advised = replace(
        hold(seconds=30), cues=("Knees over toes",), breathing_advice="Breathe out long"
    )
    engine = Engine(build_plan(session(advised, lead_in=5)))
    engine.start(0.0)
    engine.update(10.0)
    assert live_state(engine.snapshot(10.0), engine.plan)["cues"] == [
        "Knees over toes",
        "Breathe out long",
    ]


def test_a_per_side_hold_and_its_switch_carry_the_big_letter_and_the_count_of_holds():
    both = hold(seconds=20, sets=1, sides=Sides.BOTH, switch=5)
    engine = Engine(build_plan(session(both, lead_in=5), Level.BEGINNER))
    engine.start(0.0)
    seen = []
    for at in (10.0, 27.0, 35.0):  # left hold, the switch, right hold
        engine.update(at)
        state = live_state(engine.snapshot(at), engine.plan, at=at)
        seen.append((state["phase"], state["side"], state["hold_number"], state["holds"]))
    assert seen == [("hold", "left", 1, 2), ("switch", "right", 2, 2), ("hold", "right", 2, 2)]


def test_the_details_show_the_steps_effort_not_the_files():
    effortful = replace(hold(seconds=30), effort=60)
    plan = build_plan(session(effortful, lead_in=5), Level.BEGINNER)
    steps = tuple(replace(step, effort=70) if step.is_hold else step for step in plan.steps)
    moved = replace(plan, steps=steps)  # progression moved today's effort
    engine = Engine(moved)
    engine.start(0.0)
    engine.update(10.0)
    state = live_state(engine.snapshot(10.0), engine.plan)
    assert state["effort"] == 70 and "effort 70%" in state["details"]


@pytest.mark.parametrize(
    ("plays", "result", "held"),
    [
        (lambda e: e.update(500.0), "complete", 2),
        (lambda e: (e.update(10.0), e.end_hold(10.0), e.update(500.0)), "partial", 1),
        (lambda e: (e.update(10.0), e.stop(10.0)), "stopped", 0),
        (lambda e: (e.update(1.0), e.stop(1.0)), "not a session", 0),
    ],
)
def test_a_finished_run_carries_its_end_card(plays, result, held):
    engine = Engine(build_plan(session(hold(seconds=30, sets=2, rest=20), lead_in=5)))
    tally = RunTally()
    engine.subscribe(tally.on_event)
    engine.start(0.0)
    plays(engine)
    state = live_state(engine.snapshot(600.0), engine.plan, tally=tally)
    assert state["finished"] and state["end"]["result"] == result
    assert (state["end"]["held"], state["end"]["planned"]) == (held, 2)


def test_a_pause_the_app_holds_says_why_and_only_while_paused():
    engine, at = engine_at(15.0)
    running = live_state(engine.snapshot(at), engine.plan, held="a dialog is open")
    assert running["held"] is None
    engine.pause(at)
    paused = live_state(engine.snapshot(at), engine.plan, held="a dialog is open")
    assert paused["held"] == "a dialog is open"
