"""``history``, ``stats``, ``export`` and ``import``: the hold history from the shell."""

from __future__ import annotations

import argparse
import json
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from isotimer.commands import fit_export
from isotimer.commands.history_json import stats_document
from isotimer.commands.history_rows import HISTORY_COLUMNS, history_row
from isotimer.commands.output import Column, print_json, print_table, say
from isotimer.commands.parser import (
    CommandParser,
    existing_file,
    iso_date,
    positive_int,
    usage_error,
)
from isotimer.core.clock import SystemClock
from isotimer.core.history import stats
from isotimer.core.history.records import CheckIn, HoldRecord
from isotimer.core.history.review import (
    ExerciseReview,
    MemoryHistory,
    Review,
    ReviewSource,
    build_review,
    gap_text,
    trend_text,
)
from isotimer.core.run.outcomes import plural
from isotimer.core.session.model import Exercise
from isotimer.core.text.dates import day_text
from isotimer.core.text.durations import clock, short
from isotimer.core.text.printable import printable
from isotimer.storage.history.errors import HistoryError
from isotimer.storage.history.store import HistoryStore
from isotimer.storage.history.transfer import (
    FORMATS,
    ImportReading,
    TransferError,
    export_holds,
    guess_format,
    write_export,
)
from isotimer.storage.problems import did_you_mean
from isotimer.storage.sessions.library import LIBRARY_FILE, load_library

if TYPE_CHECKING:
    from isotimer.commands.context import Context

NO_HOLDS = "No holds recorded yet."
SHOWN_REASONS = 5


def register(sub: argparse._SubParsersAction[CommandParser]) -> None:
    """Add ``history``, ``stats``, ``export`` and ``import`` to the parser."""
    history = sub.add_parser("history", help="list recorded holds, newest first")
    history.add_argument("--exercise", metavar="ID", help="only this exercise")
    history.add_argument("--since", metavar="YYYY-MM-DD", type=iso_date, help="from this day on")
    history.add_argument("--limit", metavar="N", type=positive_int, default=50, help="default: 50")
    history.add_argument("--json", action="store_true", help="print the holds as JSON")
    history.set_defaults(run=run_history)

    stats_parser = sub.add_parser("stats", help="bests, trends and balance per exercise")
    stats_parser.add_argument("--exercise", metavar="ID", help="only this exercise")
    stats_parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    stats_parser.set_defaults(run=run_stats)

    export = sub.add_parser("export", help="write every hold as JSON, CSV or TOML, or runs as FIT")
    export.add_argument(
        "--format", choices=(*FORMATS, fit_export.FORMAT), help="default: from -o's suffix, or json"
    )
    export.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        type=Path,
        help="default: stdout; fit: a .fit file or a folder",
    )
    fit_export.add_arguments(export)
    export.set_defaults(run=run_export)

    importer = sub.add_parser("import", help="merge holds from an export; duplicates are skipped")
    importer.add_argument("file", metavar="FILE", type=existing_file)
    importer.add_argument("--format", choices=FORMATS, help="default: from the file's suffix")
    importer.set_defaults(run=run_import)


def _fail(ctx: Context, message: str) -> int:
    say(ctx.err, f"isotimer: {message}")
    return 1


def _read_holds(
    ctx: Context, exercise: str | None, since: date | None, limit: int | None
) -> list[HoldRecord] | None:
    """The matching holds, or None when there is no history file yet."""
    path = ctx.paths.history_file
    if not path.exists():
        return None
    with HistoryStore.open_read_only(path) as store:
        return store.holds(exercise=exercise, since=since, limit=limit)


def run_history(args: argparse.Namespace, ctx: Context) -> int:
    """``history``: recorded holds, newest first; ``--json`` prints export records."""
    try:
        holds = _read_holds(ctx, exercise=args.exercise, since=args.since, limit=args.limit)
        if not holds and args.exercise and (unknown := _unknown_exercise(ctx, args.exercise)):
            return usage_error(unknown)
    except HistoryError as error:
        return _fail(ctx, error.message)
    if args.json:
        # Exactly the records of ``isotimer export``: what history prints, import takes back.
        print_json(ctx.console, json.loads(export_holds(holds or [], "json")))
        return 0
    if not holds:
        ctx.console.print(_no_holds(args.exercise, args.since), highlight=False)
        return 0
    terminal, now = ctx.console.is_terminal, SystemClock().now()
    rows = [history_row(hold, terminal, now) for hold in holds]
    print_table(ctx.console, HISTORY_COLUMNS, rows)
    return 0


def _no_holds(exercise: str | None, since: date | None = None) -> str:
    """Why nothing is listed, naming the filters that left nothing."""
    if not (exercise or since):
        return NO_HOLDS
    parts = [f"of {exercise}"] if exercise else []
    parts += [f"since {since:%Y-%m-%d}"] if since else []
    return f"No holds {' '.join(parts)} recorded."


def _unknown_exercise(ctx: Context, exercise: str) -> str | None:
    """Why ``--exercise`` names nothing known (neither the library nor the history has it)."""
    known = set(_library(ctx))
    path = ctx.paths.history_file
    if path.exists():
        with HistoryStore.open_read_only(path) as store:
            known.update(store.exercise_ids())
    if exercise in known:
        return None
    hint = did_you_mean(exercise, known)
    return f"no exercise '{exercise}'{hint}; give an id from the library or your history"


def run_stats(args: argparse.Namespace, ctx: Context) -> int:
    """Bests, balance and the week per exercise and side, from SQL aggregates.

    Targets belong to a session: ``isotimer targets SESSION`` shows them.

    The whole history is read as figures, never as one record per hold, so the
    command stays quick at 100,000 holds; ``--exercise`` reads that exercise's
    holds and lets core.history.stats answer, the same figures over fewer holds.
    """
    path = ctx.paths.history_file
    review, trends = None, list[stats.SessionTrend]()
    today = SystemClock().now().date()
    try:
        if path.exists():
            with HistoryStore.open_read_only(path) as store:
                source: ReviewSource = store
                if args.exercise:
                    source = MemoryHistory(store.holds(exercise=args.exercise, newest_first=False))
                review = build_review(source, today)
                since = today - timedelta(weeks=stats.TREND_WEEKS)
                recent = store.holds(exercise=args.exercise, since=since, newest_first=False)
                trends = stats.session_trends(recent, today)
        empty = review is None or review.empty
        if empty and args.exercise and (unknown := _unknown_exercise(ctx, args.exercise)):
            return usage_error(unknown)
    except HistoryError as error:
        return _fail(ctx, error.message)
    if args.json:
        print_json(ctx.console, stats_document(review, trends))
        return 0
    if review is None or review.empty:
        ctx.console.print(_no_holds(args.exercise), highlight=False)
        return 0
    terminal = ctx.console.is_terminal
    rows = [_stats_row(review, row, today) for row in review.exercises]
    print_table(ctx.console, STATS_COLUMNS, rows)
    # A pipe gets records only; the week's line goes beside them, on stderr.
    (ctx.console if terminal else ctx.err).print(_week_line(review), highlight=False)
    return 0


def _week_line(review: Review) -> str:
    """``This week: 3 sessions (goal: 2), 4:10 under tension; streak: 1 week at 2 or more.``"""
    week = review.weeks[-1]
    return (
        f"This week: {plural(week.sessions, 'session')} (goal: {stats.WEEKLY_GOAL}), "
        f"{clock(week.time_under_tension_s)} under tension; "
        f"streak: {plural(review.streak, 'week')} at {stats.WEEKLY_GOAL} or more."
    )


STATS_COLUMNS = (
    Column("hold", wrap=True),
    Column("side"),
    Column("best"),
    Column("last"),
    Column("trend"),
    Column("L/R gap", wrap=True),
)


def _stats_row(review: Review, row: ExerciseReview, today: date) -> tuple[str, ...]:
    figures = row.stats
    # The gap is shown once per exercise, on its left row.
    gap = review.balances.get(figures.exercise) if figures.side == "left" else None
    return (
        figures.exercise_name,
        "" if figures.side == "none" else figures.side,
        f"{short(figures.best_s)} ({day_text(figures.best_on, today)})",
        f"{short(figures.last_s)} ({day_text(figures.last_on, today)})",
        trend_text(figures.trend_s_per_week),
        gap_text(gap),
    )


def _library(ctx: Context) -> dict[str, Exercise]:
    """The exercise library, for caps and harder variations.

    Its problems are left to ``isotimer validate``: a hold missing from it falls
    back to a cap of twice its longest target.
    """
    paths = ctx.paths
    files = [paths.bundled_library, paths.user_library]
    files += [folder / LIBRARY_FILE for folder in paths.extra_sessions]
    return load_library(files)[0]


def _read_checkins(ctx: Context) -> list[CheckIn]:
    path = ctx.paths.history_file
    if not path.exists():
        return []
    with HistoryStore.open_read_only(path) as store:
        return store.checkins()


def run_export(args: argparse.Namespace, ctx: Context) -> int:
    """``export``: every hold as JSON, CSV or TOML (with check-ins in JSON), or runs as FIT."""
    if fit_export.wants_fit(args):
        return fit_export.run_fit_export(args, ctx)
    if args.session is not None or args.since is not None:
        return _fail(ctx, "--session and --since go with --format fit")
    try:
        fmt = args.format or (guess_format(args.output) if args.output else "json")
        holds, skipped = _exportable_holds(ctx)
        checkins = _read_checkins(ctx) if fmt == "json" else []
        if not holds:
            ctx.err.print(NO_HOLDS, highlight=False)
        if args.output:
            write_export(args.output, holds or [], fmt, checkins)
            say(ctx.err, f"Wrote {len(holds or [])} holds to {args.output}")
        else:
            text = export_holds(holds or [], fmt, checkins)
            # A file or a pipe gets the exact text; a terminal never gets an escape sequence.
            ctx.console.file.write(printable(text, True) if ctx.console.is_terminal else text)
    except (HistoryError, TransferError) as error:
        return _fail(ctx, str(error))
    except OSError as error:
        return _fail(ctx, f"cannot write {args.output}: {error.strerror}")
    for reason in skipped[:SHOWN_REASONS]:
        ctx.err.print(f"  skipped {reason}", markup=False, highlight=False)
    if skipped:
        return _fail(ctx, f"{len(skipped)} damaged holds could not be read and were left out")
    return 0


def _exportable_holds(ctx: Context) -> tuple[list[HoldRecord] | None, list[str]]:
    """Every hold that can be read, and why each other one cannot (see readable_holds)."""
    path = ctx.paths.history_file
    if not path.exists():
        return None, []
    with HistoryStore.open_read_only(path) as store:
        return store.readable_holds()


def run_import(args: argparse.Namespace, ctx: Context) -> int:
    """``import``: merge holds and check-ins from an export by id.

    Duplicates are skipped; exits 1 if any record was rejected.
    """
    reading = ImportReading()
    try:
        # Opened (and refused, if it must be) before the history is; then read, checked and
        # stored a hold at a time, in one transaction: all or nothing.
        records = reading.read_file(args.file, args.format)
        with HistoryStore.open(ctx.paths.history_file) as store:
            counts = store.import_records(records)
    except OSError as error:
        return _fail(ctx, f"cannot read {args.file}: {error.strerror}")
    except (HistoryError, TransferError) as error:
        return _fail(ctx, str(error))
    rejected, bad_checkins = reading.rejected, reading.bad_checkins
    ctx.console.print(
        f"{counts.new} new, {counts.duplicate} duplicate, {len(rejected)} rejected",
        highlight=False,
    )
    if counts.new_checkins or counts.duplicate_checkins or bad_checkins:
        ctx.console.print(
            f"check-ins: {counts.new_checkins} new, {counts.duplicate_checkins} duplicate,"
            f" {len(bad_checkins)} rejected",
            highlight=False,
        )
    for index, reason in rejected[:SHOWN_REASONS]:
        say(ctx.err, f"  hold {index}: {reason}")
    if len(rejected) > SHOWN_REASONS:
        ctx.err.print(f"  ... and {len(rejected) - SHOWN_REASONS} more", highlight=False)
    for index, reason in bad_checkins[:SHOWN_REASONS]:
        say(ctx.err, f"  check-in {index}: {reason}")
    return 1 if rejected or bad_checkins else 0
