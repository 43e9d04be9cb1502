"""Plain mode on a fake clock: its lines, its keys, and what the recorder saves."""

from __future__ import annotations

import os
import pty
import termios
from dataclasses import replace

import pytest

from isotimer.core.clock import FakeClock
from isotimer.core.history.records import HoldOutcome
from isotimer.core.run.engine import Engine
from isotimer.core.session.model import Level, Sides
from isotimer.core.session.plan import build_plan
from isotimer.plain.keys import TerminalKeys
from isotimer.plain.narration import step_line, summary_lines, time_left_mark
from isotimer.plain.runner import STOP_QUESTION, PlainRun
from isotimer.storage.history.recorder import SessionRecorder
from isotimer.storage.history.store import HistoryStore
from tests.unit.factories import hold, session


class ScriptedKeys:
    """Keys pressed at given monotonic times; waiting moves the fake clock, never sleeps."""

    def __init__(self, clock: FakeClock, presses: list[tuple[float, str]]) -> None:
        self.clock = clock
        self.presses = sorted(presses)
        self.waits: list[float | None] = []

    def read(self, timeout: float | None) -> str:
        self.waits.append(timeout)
        now = self.clock.monotonic()
        due = self.presses[0][0] if self.presses else None
        if due is not None and (timeout is None or due <= now + timeout):
            self.clock.advance(max(0.0, due - now))
            return self.presses.pop(0)[1]
        assert timeout is not None, "waiting for a key that never comes"
        self.clock.advance(timeout)
        return ""


PLAN = build_plan(
    session(
        hold("Side plank", seconds=12, sides=Sides.BOTH, switch=5, rest=20),
        hold("Wall sit", seconds=30, sets=2, rest=15),
        lead_in=5,
    )
)


@pytest.mark.parametrize(
    ("index", "line"),
    [
        (0, "Get ready: 5 s, then Side plank, left side"),
        (1, "Side plank, left side: 12 s"),
        (2, "Switch sides: 5 s"),
        (3, "Side plank, right side: 12 s"),
        (4, "Rest: 20 s, then Wall sit (set 1 of 2)"),
        (5, "Wall sit: 30 s"),
        (6, "Rest: 15 s, then Wall sit (set 2 of 2)"),
    ],
)
def test_step_lines(index, line):
    assert step_line(PLAN, index) == line


@pytest.mark.parametrize(
    ("level", "efforts", "said"),
    [
        (Level.BEGINNER, {}, "Wall sit: 30 s at 70% effort"),
        (Level.ADVANCED, {}, "Wall sit: 1 min at 80% effort"),
        (Level.BEGINNER, {"wall-sit": 90}, "Wall sit: 30 s at 90% effort"),
    ],
)
def test_a_hold_says_the_steps_effort_not_the_files(level, efforts, said):
    """Plain mode read ``step.hold.effort`` (70) where the run is at the level's or today's."""
    wall_sit = replace(hold("Wall sit", seconds=30), effort=70, advanced_effort=80)
    plan = build_plan(session(wall_sit, lead_in=5), level=level, efforts=efforts)
    assert step_line(plan, 1) == said


def run_plain(presses: list[tuple[float, str]] = (), store: HistoryStore | None = None):
    clock = FakeClock(start=0.0)
    engine = Engine(PLAN)
    recorder = SessionRecorder(store, clock, PLAN)
    engine.subscribe(recorder.on_event)
    lines: list[str] = []
    keys = ScriptedKeys(clock, list(presses))
    PlainRun(engine, clock, keys, lines.append, toggle_mute=lambda: True).run()
    return lines, recorder, keys


def test_a_run_untouched_says_each_step_the_tens_and_the_last_three_seconds():
    lines, recorder, _ = run_plain()
    wall_sit = lines.index("Wall sit: 30 s")
    assert lines[wall_sit : wall_sit + 6] == [
        "Wall sit: 30 s",
        "20 s left",
        "10 s left",
        "3",
        "2",
        "1",
    ]
    assert lines[-1] == "End of the session."
    assert lines.count("Side plank, left side: 12 s") == 1
    assert "10 s left" in lines[lines.index("Side plank, left side: 12 s") :][:2]
    assert [r.completed for r in recorder.records] == [True, True, True, True]


def test_the_loop_waits_for_whole_seconds_not_ticks():
    _, _, keys = run_plain()
    total = PLAN.total_seconds
    # One wake per second shown, a hair after it: never a busy loop of short waits.
    assert len(keys.waits) <= total + len(PLAN.steps) + 1
    assert min(w for w in keys.waits if w is not None) > 0.001


def test_pause_freezes_the_countdown_and_says_so():
    lines, recorder, _ = run_plain([(7.0, " "), (60.0, " ")])
    assert lines.index("Paused") < lines.index("Resumed")
    [first, *_] = recorder.records
    assert first.held_s == 12 and first.completed
    # 53 s of pause moved the whole session later: the first hold ended at 5 + 12 + 53.
    assert (first.ended_at - first.started_at).total_seconds() == pytest.approx(65)


def test_d_ends_the_hold_early_and_n_skips_the_switch():
    lines, recorder, _ = run_plain([(9.0, "d"), (12.0, "n"), (3.0, "d")])
    assert "Not holding: d ends a hold early when form breaks." in lines
    first = recorder.records[0]
    assert (first.held_s, first.completed) == (4.0, False)
    assert lines[lines.index("Switch sides: 5 s") + 1] == "Side plank, right side: 12 s"


def test_q_asks_then_y_stops_and_the_hold_in_progress_is_saved(tmp_path):
    store = HistoryStore.open(tmp_path / "history.sqlite3")
    lines, _recorder, _ = run_plain([(10.0, "q"), (11.0, "y")], store=store)
    assert STOP_QUESTION in lines and lines[-1] == "Session stopped."
    [saved] = store.holds()
    assert (saved.held_s, saved.completed) == (5.0, False)
    store.close()


def test_q_then_another_key_goes_on():
    lines, _recorder, _ = run_plain([(10.0, "q"), (20.0, "x")])
    assert lines[lines.index(STOP_QUESTION) + 1] == "Going on"
    assert lines[-1] == "End of the session."


def test_ctrl_c_stops_and_saves_the_hold_in_progress(tmp_path):
    clock = FakeClock(start=0.0)
    engine = Engine(PLAN)
    store = HistoryStore.open(tmp_path / "history.sqlite3")
    recorder = SessionRecorder(store, clock, PLAN)
    engine.subscribe(recorder.on_event)

    class Interrupting(ScriptedKeys):
        def read(self, timeout):
            if self.clock.monotonic() >= 8:
                raise KeyboardInterrupt
            return super().read(timeout)

    with pytest.raises(KeyboardInterrupt):
        PlainRun(engine, clock, Interrupting(clock, []), lambda line: None).run()
    [saved] = store.holds()
    assert not saved.completed and 2.9 <= saved.held_s <= 4
    store.close()


def test_summary_lines_count_and_round_as_the_app_does():
    _, recorder, _ = run_plain([(9.7, "d")])
    summary = summary_lines(PLAN, recorder.records)
    assert summary[0].startswith("Test: 4 holds, 3 held to the end, 1 ended early;")
    assert "  Side plank, left side: 5/12 s, ended early" in summary
    assert summary[1] == "Session: partial"  # as the app's summary and the history call it
    assert summary_lines(PLAN, recorder.records, stopped=True)[1] == "Session: stopped"


def test_a_skipped_hold_and_a_stopped_one_are_named_as_the_app_names_them():
    # n at 9 s skips the left plank; q, y at 60 s stops the first wall sit.
    _, recorder, _ = run_plain([(9.0, "n"), (60.0, "q"), (60.5, "y")])
    summary = summary_lines(PLAN, recorder.records, stopped=True)
    assert "1 skipped" in summary[0] and "1 stopped" in summary[0]
    assert summary[1] == "Session: stopped"
    assert "  Side plank, left side: 4/12 s, skipped" in summary
    holds = summary[2:]
    assert any(line.startswith("  Wall sit: ") and line.endswith(", stopped") for line in holds)
    assert not any("ended early" in line for line in holds)


def test_a_run_whose_only_hold_was_skipped_is_partial_not_complete():
    plan = build_plan(session(hold("Wall sit", seconds=30), lead_in=5))
    clock = FakeClock(start=0.0)
    engine = Engine(plan)
    recorder = SessionRecorder(None, clock, plan)
    engine.subscribe(recorder.on_event)
    lines: list[str] = []
    keys = ScriptedKeys(clock, [(12.0, "n")])
    PlainRun(engine, clock, keys, lines.append, toggle_mute=lambda: True).run()
    summary = summary_lines(plan, recorder.records)
    assert "Session complete." not in lines + summary
    assert lines[-1] == "End of the session."
    assert summary[1:] == ["Session: partial", "  Wall sit: 7/30 s, skipped"]


def test_a_set_redone_after_b_is_listed_once():
    # b in the rest after the first wall sit goes back to it, and it is held again.
    _, recorder, _ = run_plain([(90.0, "b")])
    summary = summary_lines(PLAN, recorder.records)
    walls = [line for line in summary if line.startswith("  Wall sit")]
    assert len(walls) == 2, summary


@pytest.mark.parametrize(
    ("at", "mark"),
    [
        (5.0, None),  # the step's first line already says 12 s
        (7.0, 10),
        (7.5, 10),  # still showing 10: the loop says it once
        (8.0, None),
        (34.0, None),  # a 20 s rest's own length is not a mark
        (64.0, 20),
        (74.0, 10),
        (81.5, None),  # 3, 2, 1 are the engine's count, not marks
    ],
)
def test_time_left_marks(at, mark):
    engine = Engine(PLAN)
    engine.start(0.0)
    assert time_left_mark(engine.update(at)) == mark


def test_terminal_keys_put_the_terminal_back_on_every_way_out():
    main, other = pty.openpty()
    with os.fdopen(other, "r") as stream:
        before = termios.tcgetattr(other)
        with pytest.raises(RuntimeError), TerminalKeys(stream) as keys:
            assert not termios.tcgetattr(other)[3] & termios.ICANON
            os.write(main, b"d")
            assert keys.read(1.0) == "d"
            assert keys.read(0.01) == ""
            raise RuntimeError("the run failed")
        assert termios.tcgetattr(other) == before
    os.close(main)


@pytest.mark.parametrize(
    ("index", "line"),
    [
        (0, "Warm-up, Easy bike: 5 min (Chatting pace)"),
        (1, "Get ready: 5 s, then Wall sit"),
        (3, "Cool-down, Belly breathing: 2 min"),
    ],
)
def test_plain_mode_names_warm_up_and_cool_down_blocks(index, line):
    from isotimer.plain.narration import step_line
    from tests.unit.factories import block, hold, session

    blocked = session(
        hold(seconds=30),
        warm_up=(block("Easy bike", 300, "Chatting pace"),),
        cool_down=(block("Belly breathing", 120),),
    )
    assert step_line(build_plan(blocked), index) == line


def test_plain_mode_asks_pain_a_side_at_a_time_when_the_sides_were_worked_apart():
    from isotimer.plain.narration import pain_questions
    from tests.unit.history_factories import hold_record

    plank = [hold_record(side="left"), hold_record(side="right")]
    assert pain_questions(plank) == [
        ("left", "Any pain on the left side?"),
        ("right", "Any pain on the right side?"),
    ]
    assert pain_questions([hold_record()]) == [("none", "Any pain?")]


@pytest.mark.parametrize(("key", "change"), [("+", 5), ("=", 5), ("-", -5), ("_", -5)])
def test_plus_lengthens_the_rest_and_minus_shortens_it(key, change):
    """Mutation (issue 27): ``+`` and ``-`` swapped in plain mode (plain/runner.py ``press``)."""
    clock = FakeClock(start=0.0)
    engine = Engine(PLAN)
    run = PlainRun(engine, clock, ScriptedKeys(clock, []), lambda line: None)
    engine.start(0.0)
    clock.advance(40.0)  # 6 s into the 20 s rest that starts at 34 s
    before = engine.update(40.0).remaining_s
    run.press(key)
    assert engine.update(40.0).remaining_s == pytest.approx(before + change)


def test_paused_time_is_not_held_time(tmp_path):
    """Mutation (issue 27): paused time counted as held. A 45 s hold paused for 60 s from its
    start, resumed, and ended with ``d`` 5 s later is 5 s held and ended early, not 45 s."""
    plan = build_plan(session(hold("Wall sit", seconds=45), lead_in=5))
    clock = FakeClock(start=0.0)
    engine = Engine(plan)
    store = HistoryStore.open(tmp_path / "history.sqlite3")
    recorder = SessionRecorder(store, clock, plan)
    engine.subscribe(recorder.on_event)
    keys = ScriptedKeys(clock, [(5.0, " "), (65.0, " "), (70.0, "d")])
    PlainRun(engine, clock, keys, lambda line: None).run()
    [saved] = store.holds()
    assert saved.held_s == pytest.approx(5.0, abs=0.05)
    assert saved.outcome is HoldOutcome.ENDED_EARLY and not saved.completed
    store.close()
