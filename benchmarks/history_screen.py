"""Time from pushing the history screen to the screen populated, over a large history.

``python benchmarks/history_screen.py --holds 100000 --out /tmp/h.sqlite3`` builds the
store (unless it exists), opens the screen ``--runs`` times in a headless app and
prints each time from ``push_screen`` to ``HistoryScreen.Populated`` (figures, lists
and the first chart on screen), then to the next frame.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from datetime import date
from pathlib import Path

if __package__ in (None, ""):  # run as a script from a checkout
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textual.app import App

from benchmarks.history_data import write_store
from isotimer.paths import Paths
from isotimer.storage.history.store import HistoryStore
from isotimer.storage.sessions.library import load_library
from isotimer.ui.screens.history import HistoryScreen


class Bench(App[None]):
    """An empty app that records when the history screen says it is populated."""

    def __init__(self) -> None:
        super().__init__()
        self.populated = asyncio.Event()

    def on_history_screen_populated(self) -> None:
        self.populated.set()


async def time_opens(store: HistoryStore, today: date, runs: int) -> list[tuple[float, float]]:
    library = load_library([Paths.from_options(None, None).bundled_library])[0]
    app = Bench()
    timings = []
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(runs):
            app.populated.clear()
            began = time.perf_counter()
            app.push_screen(HistoryScreen(store, library, today))
            await app.populated.wait()
            populated = time.perf_counter() - began
            await pilot.pause()
            timings.append((populated, time.perf_counter() - began))
            app.pop_screen()
            await pilot.pause()
    return timings


def newest_day(store: HistoryStore) -> date:
    return max(row.last_on for row in store.side_stats(date.max))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--holds", type=int, default=100_000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not args.out.exists():
        write_store(args.out, args.holds)
    with HistoryStore.open(args.out) as store:
        today = newest_day(store)
        print(f"{store.count():,} holds, today = {today}")
        timings = asyncio.run(time_opens(store, today, args.runs))
    for number, (populated, painted) in enumerate(timings, start=1):
        print(f"open {number}: populated {populated * 1e3:.0f} ms, painted {painted * 1e3:.0f} ms")
    populated = statistics.median(populated for populated, _ in timings)
    painted = statistics.median(painted for _, painted in timings)
    print(f"median: populated {populated * 1e3:.0f} ms, painted {painted * 1e3:.0f} ms")


if __name__ == "__main__":
    main()
