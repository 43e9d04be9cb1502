"""Two isotimers recording full sessions into one history file at the same time."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from isotimer.storage.history.store import HistoryStore

REPO = Path(__file__).resolve().parents[2]
HOLDS_EACH = 1000

# One session of 10 holds x 100 sets of 1 s with no rest, run on an accelerated fake clock.
CHILD = """
import sys
from pathlib import Path
from isotimer.core.clock import FakeClock
from isotimer.core.run.engine import Engine
from isotimer.core.session.model import Hold, Level, Session
from isotimer.core.session.plan import build_plan
from isotimer.storage.history.store import HistoryStore
from isotimer.storage.history.recorder import SessionRecorder

holds = tuple(
    Hold(exercise=f"hold-{n}", name=f"Hold {n}", beginner_s=1, advanced_s=1, sets=100, rest=0)
    for n in range(10)
)
session = Session(id="thousand", name="A thousand holds", holds=holds, rest_between_rounds=0)
plan = build_plan(session, Level.BEGINNER, lead_in=0)
store = HistoryStore.open(Path(sys.argv[1]))
print("ready", flush=True)
sys.stdin.readline()  # both start together, so their writes interleave
clock = FakeClock()
engine = Engine(plan)
recorder = SessionRecorder(store, clock, plan, Level.BEGINNER)
engine.subscribe(recorder.on_event)
engine.start(clock.monotonic())
while not engine.finished:
    clock.advance(0.5)
    engine.update(clock.monotonic())
assert recorder.saved, recorder.last_error
print(recorder.run_id, len(recorder.records))
"""


def test_two_processes_record_a_thousand_holds_each_into_one_history(isolated_data_dir):
    path = isolated_data_dir / "history.sqlite3"
    HistoryStore.open(path).close()
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path)],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    for child in children:
        assert child.stdout.readline().strip() == "ready"
    for child in children:
        child.stdin.write("go\n")
        child.stdin.flush()
    outputs = [child.communicate(timeout=120) for child in children]
    for child, (_out, err) in zip(children, outputs, strict=True):
        assert child.returncode == 0, err
    reported = dict(out.split() for out, _ in outputs)
    assert len(reported) == 2 and set(reported.values()) == {str(HOLDS_EACH)}

    with HistoryStore.open(path) as store:
        holds = store.holds()
        runs = store.runs()
    assert len(holds) == 2 * HOLDS_EACH
    assert len({hold.id for hold in holds}) == 2 * HOLDS_EACH
    assert {run.id for run in runs} == set(reported)
    assert all(run.outcome.value == "completed" for run in runs)
    for run_id in reported:
        mine = [hold for hold in holds if hold.run_id == run_id]
        assert len(mine) == HOLDS_EACH
        assert len({(h.exercise, h.round, h.set) for h in mine}) == HOLDS_EACH
