"""The breathing pacer and cue rotation are pure functions of time in the step."""

from __future__ import annotations

from dataclasses import replace

import pytest

from isotimer.core.run.pacer import Breath, breathing_for, cue_at, pacer_at
from isotimer.core.session.model import REST_BREATHING, Breathing
from isotimer.core.session.plan import build_plan

from .factories import hold, session

THREE_ONE_THREE = Breathing(inhale=3, exhale=3, hold=1)


@pytest.mark.parametrize(
    ("elapsed", "breath", "fullness", "left"),
    [
        (0.0, Breath.INHALE, 0.0, 3.0),
        (1.5, Breath.INHALE, 0.5, 1.5),
        (3.0, Breath.HOLD, 1.0, 1.0),
        (3.5, Breath.HOLD, 1.0, 0.5),
        (4.0, Breath.EXHALE, 1.0, 3.0),
        (5.5, Breath.EXHALE, 0.5, 1.5),
        (7.0, Breath.INHALE, 0.0, 3.0),
        (7.0 * 100 + 1.5, Breath.INHALE, 0.5, 1.5),
    ],
)
def test_pacer_phase_and_fullness_at_time(elapsed, breath, fullness, left):
    state = pacer_at(THREE_ONE_THREE, elapsed)
    assert state.breath is breath
    assert state.fullness == pytest.approx(fullness)
    assert state.seconds_left == pytest.approx(left)


def test_pattern_without_pause_goes_straight_from_in_to_out():
    pattern = Breathing(inhale=2, exhale=4)
    assert pacer_at(pattern, 1.99).breath is Breath.INHALE
    assert pacer_at(pattern, 2.0).breath is Breath.EXHALE
    assert pacer_at(pattern, 5.0).fullness == pytest.approx(0.25)


def test_negative_time_is_the_start_of_an_in_breath():
    assert pacer_at(THREE_ONE_THREE, -2).breath is Breath.INHALE


@pytest.mark.parametrize(
    ("breath", "words"),
    [(Breath.INHALE, "breathe in"), (Breath.HOLD, "hold"), (Breath.EXHALE, "breathe out")],
)
def test_breath_words(breath, words):
    assert breath.words == words


def test_holds_use_their_own_pattern_then_the_sessions():
    own = Breathing(inhale=2, exhale=5)
    plan = build_plan(session(hold("Plank"), hold("Wall sit", rest=20)))
    steps = {step.kind.value: step for step in plan.steps}
    session_pattern = Breathing(inhale=4, exhale=4)
    assert breathing_for(steps["hold"], session_pattern) == session_pattern
    with_own = replace(steps["hold"], hold=replace(steps["hold"].hold, breathing=own))
    assert breathing_for(with_own, session_pattern) == own
    assert breathing_for(steps["rest"], session_pattern) == REST_BREATHING
    assert breathing_for(steps["lead_in"], session_pattern) is None


CUES = ("knees out", "heels down", "breathe")


@pytest.mark.parametrize(
    ("elapsed", "cue"),
    [(0, "knees out"), (7.9, "knees out"), (8, "heels down"), (16, "breathe"), (24, "knees out")],
)
def test_cue_rotates_every_eight_seconds_from_the_first(elapsed, cue):
    assert cue_at(CUES, elapsed, 8) == cue


def test_no_cues_means_nothing_to_show():
    assert cue_at((), 10, 8) is None


def test_a_zero_rotation_keeps_the_first_cue():
    assert cue_at(CUES, 100, 0) == "knees out"
