"""Timing accuracy: a 30-minute plan run through the engine on a fake clock, and a real run's log.

The accelerated run moves the injected clock by irregular steps, as a busy
screen's ticks would arrive, so a fixed-step or drifting timer would show up
as holds of the wrong length or a late finish. The real run reads the
``ISOTIMER_TIMING_LOG`` the app writes (``isotimer/ui/services/probes.py``): the time
the engine gave each event and the time the app actually saw it.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

from isotimer.core.clock import FakeClock
from isotimer.core.run.engine import Engine
from isotimer.core.run.events import HoldFinished, SessionFinished
from isotimer.core.session.model import Breathing, Hold, Session, Sides
from isotimer.core.session.plan import build_plan

THIRTY_MINUTES = Session(
    id="bench-30",
    name="Thirty minutes",
    holds=(
        Hold(exercise="wall-sit", name="Wall sit", beginner_s=60, advanced_s=60, sets=2, rest=45),
        Hold(
            exercise="side-plank", name="Side plank", beginner_s=40, advanced_s=40, rest=45,
            sides=Sides.BOTH, switch=5,
        ),
        Hold(exercise="calf", name="Calf raise hold", beginner_s=75, advanced_s=75, sets=2,
             rest=45),
    ),
    rounds=3,
    lead_in=10,
    rest_between_rounds=95,
    breathing=Breathing(inhale=3, exhale=3),
)  # fmt: skip


@dataclass(frozen=True)
class Accuracy:
    """The worst errors of one run, in milliseconds."""

    holds: int
    worst_hold_ms: float
    end_ms: float
    planned_s: float


def accelerated_run(seed: int = 5) -> Accuracy:
    """Run the 30-minute plan to its end with irregular ticks of 20 to 700 ms."""
    plan = build_plan(THIRTY_MINUTES)
    clock = FakeClock(start=0.0)
    engine = Engine(plan)
    events: list[object] = []
    engine.subscribe(events.append)
    rng = random.Random(seed)
    engine.start(clock.monotonic())
    while not engine.finished:
        clock.advance(rng.uniform(0.02, 0.7))
        engine.update(clock.monotonic())
    holds = [event for event in events if isinstance(event, HoldFinished)]
    [end] = [event for event in events if isinstance(event, SessionFinished)]
    worst = max(abs(hold.ended_at - hold.started_at - hold.target_s) for hold in holds)
    return Accuracy(len(holds), worst * 1000, (end.at - plan.total_seconds) * 1000,
                    plan.total_seconds)  # fmt: skip


@dataclass(frozen=True)
class RealRun:
    """What a real run's timing log says, in milliseconds."""

    holds: int
    worst_hold_ms: float  # |hold end seen - hold start seen - target|: what the runner lived
    worst_late_ms: float  # the latest step change, bell included, after its deadline
    end_ms: float  # session end as seen, against first step + planned total


@dataclass(frozen=True)
class Beeps:
    """How late the tones' players started after the moments they mark, in milliseconds."""

    count: int
    worst_ms: float
    median_ms: float


def read_tones(path: Path, kind: str = "count", since: float = 0.0, until: float = 1e18) -> Beeps:
    """The lag of each ``kind`` tone due from ``since`` to before ``until``: deadline to player."""
    lines = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    lags = sorted(
        (line["played"] - line["due"]) * 1000
        for line in lines
        if line["event"] == "tone" and line["tone"] == kind and since <= line["due"] < until
    )
    if not lags:
        return Beeps(0, float("nan"), float("nan"))
    return Beeps(len(lags), lags[-1], lags[len(lags) // 2])


def read_log(path: Path, plan_total_s: float, since: float = 0.0, until: float = 1e18) -> RealRun:
    """Figures from the timing log, for the events due from ``since`` to before ``until``."""
    lines = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    lines = [line for line in lines if line["event"] != "tone"]
    first = next(line for line in lines if line["event"] == "step")
    steps = {line["index"]: line for line in lines if line["event"] == "step"}
    chosen = [line for line in lines if since <= line["at"] < until]
    holds = [line for line in chosen if line["event"] == "hold" and line["reason"] == "time"]
    errors = [abs(hold["seen"] - steps[hold["index"]]["seen"] - hold["target_s"]) for hold in holds]
    late = [line["seen"] - line["at"] for line in chosen]
    end = next(line for line in lines if line["event"] == "end")
    return RealRun(
        holds=len(holds),
        worst_hold_ms=max(errors, default=0.0) * 1000,
        worst_late_ms=max(late, default=0.0) * 1000,
        end_ms=(end["seen"] - first["at"] - plan_total_s) * 1000,
    )
