"""Plain mode turns the page's commands into keys against the run as it stands."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from isotimer.core.clock import FakeClock
from isotimer.core.run.engine import Engine
from isotimer.core.session.plan import build_plan
from isotimer.plain.live_page import PlainShare
from tests.unit.factories import hold, session


@pytest.fixture
def share():
    clock = FakeClock()
    engine = Engine(build_plan(session(hold(seconds=30, sets=2, rest=20), lead_in=5)))
    engine.start(clock.monotonic())
    clock.advance(10)  # into the first hold, step 1
    engine.update(clock.monotonic())
    plain = PlainShare("127.0.0.1", 0, lambda line: None)
    plain.follow(engine, clock, lambda: False)
    yield plain, engine
    plain.__exit__(None, None, None)


def test_a_double_pause_is_one_key_and_resume_undoes_it(share):
    plain, engine = share
    assert plain.keys_for(["pause@1", "pause@1"]) == " "
    engine.pause(10.0)
    assert plain.keys_for(["pause@1"]) == ""
    assert plain.keys_for(["resume@1", "resume@1"]) == " "


def test_the_stop_question_holds_the_pause_against_the_page(share):
    plain, engine = share
    engine.pause(10.0)
    plain.run = SimpleNamespace(asking=True)
    assert plain.keys_for(["resume@1"]) == ""


def test_end_hold_acts_only_on_the_hold_it_was_pressed_for(share):
    plain, _ = share
    assert plain.keys_for(["end-hold@0"]) == ""
    assert plain.keys_for(["end-hold@1"]) == "d"
