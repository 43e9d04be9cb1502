"""``tests``: every hold test per exercise and side, and how the capacity it measures moves."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from isotimer.commands.output import Column, print_json, print_table, say
from isotimer.commands.parser import CommandParser
from isotimer.core.history.hold_tests import HoldTestSeries, hold_test_series
from isotimer.core.text.durations import whole_seconds
from isotimer.storage.history.errors import HistoryError
from isotimer.storage.history.store import HistoryStore

if TYPE_CHECKING:
    from isotimer.commands.context import Context

NO_TESTS = 'No hold tests yet: a hold with seconds = "max" is one (try the hold-test session).'
COLUMNS = (
    Column("hold", wrap=True),
    Column("side"),
    Column("tests", wrap=True),
    Column("best", justify="right"),
    Column("last", justify="right"),
    Column("change", justify="right"),
    Column("re-test", justify="right"),
)


def register(sub: argparse._SubParsersAction[CommandParser]) -> None:
    """Add ``tests`` to the parser."""
    parser = sub.add_parser("tests", help="hold tests per exercise: best, last, change, re-test")
    parser.add_argument("--exercise", metavar="ID", help="only this exercise")
    parser.add_argument("--json", action="store_true", help="print the tests as JSON")
    parser.set_defaults(run=run_tests)


def run_tests(args: argparse.Namespace, ctx: Context) -> int:
    """Every test result, oldest first, grouped by exercise and side."""
    path = ctx.paths.history_file
    results = []
    try:
        if path.exists():
            with HistoryStore.open_read_only(path) as store:
                results = store.test_results(args.exercise)
    except HistoryError as error:
        say(ctx.err, f"isotimer: {error.message}")
        return 1
    series = hold_test_series(results)
    if args.json:
        print_json(ctx.console, {"tests": [entry.to_dict() for entry in series]})
        return 0
    if not series:
        ctx.console.print(_nothing(args.exercise), highlight=False)
        return 0
    # In a terminal a test's day and time wrap together; a pipe gets plain spaces.
    space = "\u00a0" if ctx.console.is_terminal else " "
    rows = [_row(entry, space) for entry in series]
    print_table(ctx.console, COLUMNS, rows, title="hold tests")
    return 0


def _nothing(exercise: str | None) -> str:
    return f"No hold tests of {exercise} yet." if exercise else NO_TESTS


def seconds(held_s: float, space: str = " ") -> str:
    """A test result in whole seconds, ``95 s``: tests compare best as one number."""
    return f"{whole_seconds(held_s)}{space}s"


def _row(series: HoldTestSeries, space: str) -> tuple[object, ...]:
    tests = ", ".join(f"{r.on:%Y-%m-%d}{space}{seconds(r.held_s, space)}" for r in series.results)
    return (
        series.name,
        series.side,
        tests,
        seconds(series.best_s),
        seconds(series.last_s),
        change_text(series),
        f"{series.retest_due:%Y-%m-%d}",
    )


def change_text(series: HoldTestSeries) -> str:
    """``+15 s (+19%)``, or empty after a first test."""
    if series.change_s is None:
        return ""
    percent = f" ({series.change_pct:+.0f}%)" if series.change_pct is not None else ""
    return f"{series.change_s:+.0f} s{percent}"
