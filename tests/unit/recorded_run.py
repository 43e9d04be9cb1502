"""The shared harness for recorder tests: an engine, a fake clock and a recorder, wired as the run
screen wires them, so a test moves time by hand and reads what was saved."""

from __future__ import annotations

from isotimer.core.clock import FakeClock
from isotimer.core.run.engine import Engine
from isotimer.core.session.model import Level, Session, Sides
from isotimer.core.session.plan import build_plan
from isotimer.storage.history.recorder import SessionRecorder
from isotimer.storage.history.store import HistoryStore
from tests.unit.factories import hold, session

# Two sets of a wall sit, then a side plank on each side: every kind of step once.
TWO_HOLDS = session(
    hold("Wall sit", seconds=30, sets=2, rest=10),
    hold("Side plank", seconds=20, sides=Sides.BOTH, switch=5),
    lead_in=5,
)


class RecordedRun:
    """A run of ``plan_session`` (``TWO_HOLDS`` by default) recorded into ``store``."""

    def __init__(
        self, store: HistoryStore | None, plan_session: Session | None = None, **recorder_options
    ) -> None:
        self.clock = FakeClock()
        self.plan = build_plan(plan_session or TWO_HOLDS, Level.BEGINNER)
        self.engine = Engine(self.plan)
        self.recorder = SessionRecorder(store, self.clock, self.plan, **recorder_options)
        self.engine.subscribe(self.recorder.on_event)
        self.engine.start(self.clock.monotonic())

    def wait(self, seconds: float) -> None:
        """Let ``seconds`` pass and tell the engine, as the screen's tick would."""
        self.clock.advance(seconds)
        self.engine.update(self.clock.monotonic())

    def do(self, command: str, *args) -> None:
        """Call an engine command (``pause``, ``skip``...) at the clock's time."""
        getattr(self.engine, command)(*args, self.clock.monotonic())
