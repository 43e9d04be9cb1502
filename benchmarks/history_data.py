"""Synthetic hold history (years of sessions, several exercises, both sides) for benchmarks.

Import ``synthetic_holds`` or ``write_store`` from a benchmark script, or run
``python benchmarks/history_data.py --holds 100000 --out /tmp/h.sqlite3 --measure``
to build a store and print append and stats timings.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

if __package__ in (None, ""):  # run as a script from a checkout
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from isotimer.core.history import stats
from isotimer.core.history.records import HoldRecord
from isotimer.storage.history.store import HistoryStore

# (id, name, per side, starting target in seconds)
EXERCISES = (
    ("wall-sit", "Wall sit", False, 45.0),
    ("single-leg-wall-sit", "Single-leg wall sit", True, 30.0),
    ("calf-raise-hold", "Calf raise hold", True, 40.0),
    ("side-plank", "Side plank", True, 30.0),
    ("plank", "Plank", False, 60.0),
    ("glute-bridge-hold", "Single-leg glute bridge hold", True, 30.0),
)
START = datetime(2021, 1, 4, 7, 0, tzinfo=UTC)
WINTER, SUMMER = timezone(timedelta(hours=1)), timezone(timedelta(hours=2))


def _local(moment: datetime) -> datetime:
    """Wall time with a summer/winter offset, so the data crosses DST changes."""
    return moment.astimezone(SUMMER if 4 <= moment.month <= 10 else WINTER)


def synthetic_holds(count: int, seed: int = 0, years: float = 5.0) -> Iterator[HoldRecord]:
    """``count`` holds in runs of 3 exercises x 2-3 sets, spread evenly over ``years``."""
    rng = random.Random(seed)
    targets = {exercise[0]: exercise[3] for exercise in EXERCISES}
    runs = max(1, count // 12)
    spacing = timedelta(days=365.25 * years) / runs
    made = 0
    for run_no in range(runs + count):
        moment = START + spacing * run_no
        run_id, pain = str(uuid.UUID(int=rng.getrandbits(128))), rng.choice((None, 0, 1, 2, 4, 6))
        for exercise, name, per_side, _ in rng.sample(EXERCISES, 3):
            for set_no in range(1, rng.choice((2, 3)) + 1):
                for side in ("left", "right") if per_side else ("none",):
                    if made == count:
                        return
                    target = targets[exercise]
                    held = target if rng.random() > 0.15 else round(rng.uniform(5, target), 1)
                    yield HoldRecord(
                        id=str(uuid.UUID(int=rng.getrandbits(128))),
                        run_id=run_id,
                        started_at=_local(moment),
                        ended_at=_local(moment + timedelta(seconds=held)),
                        session=f"session-{exercise}",
                        session_name=f"Session {name}",
                        exercise=exercise,
                        exercise_name=name,
                        side=side,
                        round=1,
                        set=set_no,
                        level="advanced",
                        target_s=target,
                        held_s=held,
                        completed=held >= target,
                        effort=rng.randint(4, 9),
                        pain=pain,
                    )
                    made += 1
                    moment += timedelta(seconds=held + 30)
            targets[exercise] = min(targets[exercise] + rng.choice((0, 0, 0, 5)), 180.0)


def write_store(path: Path, count: int, seed: int = 0, years: float = 5.0) -> Path:
    """A history store at ``path`` holding ``count`` synthetic holds (10,000 a transaction)."""
    with HistoryStore.open(path) as store:
        batch: list[HoldRecord] = []
        for hold in synthetic_holds(count, seed, years):
            batch.append(hold)
            if len(batch) == 10_000:
                store.import_holds(batch)
                batch.clear()
        store.import_holds(batch)
    return path


def measure(path: Path, appends: int = 50) -> dict[str, float]:
    """Median append time, time to read every hold, and time for all stats."""
    with HistoryStore.open(path) as store:
        timings = []
        for hold in synthetic_holds(appends, seed=99):
            fresh = replace(hold, id=str(uuid.uuid4()))
            began = time.perf_counter()
            store.add_hold(fresh)
            timings.append(time.perf_counter() - began)
        began = time.perf_counter()
        holds = store.holds(newest_first=False)
        read_s = time.perf_counter() - began
    today = date(2026, 1, 5)
    began = time.perf_counter()
    stats.side_stats(holds, today)
    stats.balances(holds)
    stats.weekly(holds, today)
    stats.streak(holds, today)
    return {
        "append_median_ms": statistics.median(timings) * 1000,
        "read_all_s": read_s,
        "stats_s": time.perf_counter() - began,
        "size_mb": sum(_size(Path(f"{path}{suffix}")) for suffix in ("", "-wal")) / 1e6,
    }


def _size(path: Path) -> int:
    return path.stat().st_size if path.exists() else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--holds", type=int, default=10_000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--measure", action="store_true")
    args = parser.parse_args()
    write_store(args.out, args.holds, args.seed)
    if args.measure:
        for key, value in measure(args.out).items():
            print(f"{key}: {value:.3f}")


if __name__ == "__main__":
    main()
