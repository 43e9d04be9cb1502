"""What a block sounds like and shows: its name spoken, its cues and a hold's breathing advice."""

from __future__ import annotations

from dataclasses import replace

import pytest

from isotimer.core.run.cues import Cue, cue_for
from isotimer.core.run.events import CountdownTick, StepStarted
from isotimer.core.run.pacer import breathing_for, reminders_for
from isotimer.core.session.plan import StepKind, build_plan
from tests.unit.factories import block, hold, session

ADVICE = "Breathe out long when it shakes."
PLAN = build_plan(
    session(
        replace(hold(seconds=30), cues=("Knees over ankles",), breathing_advice=ADVICE),
        warm_up=(block("Easy bike", 300, "Chatting pace"),),
        cool_down=(block("Belly breathing", 120, "Hand on the belly", "Long out-breath"),),
    )
)
WARM, LEAD_IN, HOLD, COOL = PLAN.steps


@pytest.mark.parametrize(
    ("step", "words"),
    [
        (WARM, "Warm-up: Easy bike, 5 minutes"),
        (LEAD_IN, "Get ready: Wall sit"),
        (COOL, "Cool-down: Belly breathing, 2 minutes"),
        (replace(COOL, seconds=60), "Cool-down: Belly breathing, 1 minute"),
        (replace(COOL, seconds=90), "Cool-down: Belly breathing, 90 seconds"),
        (replace(COOL, seconds=45), "Cool-down: Belly breathing, 45 seconds"),
    ],
)
def test_a_block_is_announced_by_its_own_name(step, words):
    assert cue_for(StepStarted(0, step, 0.0)) == Cue(words)


@pytest.mark.parametrize("step", [WARM, COOL])
def test_a_block_ends_without_a_spoken_count(step):
    assert cue_for(CountdownTick(0, step, 3, 0.0, 0.0)) is None


@pytest.mark.parametrize(
    ("step", "reminders"),
    [
        (WARM, ("Chatting pace",)),
        (LEAD_IN, ()),
        (HOLD, ("Knees over ankles", ADVICE)),
        (COOL, ("Hand on the belly", "Long out-breath")),
    ],
)
def test_the_cue_line_rotates_the_step_s_own_reminders(step, reminders):
    assert reminders_for(step) == reminders


def test_the_breathing_advice_comes_second_so_a_short_hold_shows_it():
    advised = replace(HOLD.hold, cues=("A", "B", "C"))
    assert reminders_for(replace(HOLD, hold=advised)) == ("A", ADVICE, "B", "C")


def test_a_hold_without_breathing_advice_shows_its_cues_alone():
    plain = build_plan(session(replace(hold(), cues=("A", "B")))).hold_steps[0]
    assert reminders_for(plain) == ("A", "B")


@pytest.mark.parametrize("step", [WARM, COOL])
def test_blocks_get_no_pacer(step):
    assert step.kind in (StepKind.WARM_UP, StepKind.COOL_DOWN)
    assert breathing_for(step, PLAN.session.breathing) is None
