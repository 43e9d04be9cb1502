"""``history``, ``stats``, ``export`` and ``import``: the hold history from the shell."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from rich.table import Table

from isotimer.commands import fit_export
from isotimer.core import stats
from isotimer.core.clock import SystemClock
from isotimer.core.records import CheckIn, HoldOutcome, HoldRecord
from isotimer.core.review import (
    MemoryHistory,
    Review,
    ReviewSource,
    build_review,
    gap_text,
    trend_text,
)
from isotimer.storage.history.store import HistoryError, HistoryStore
from isotimer.storage.history.transfer import (
    FORMATS,
    TransferError,
    export_holds,
    guess_format,
    parse_checkins,
    parse_import,
    write_export,
)

if TYPE_CHECKING:
    from isotimer.commands.context import Context

NO_HOLDS = "No holds recorded yet."
OUTCOME_WORDS = {
    HoldOutcome.COMPLETED: "done",
    HoldOutcome.ENDED_EARLY: "ended early",
    HoldOutcome.SKIPPED: "skipped",
    HoldOutcome.STOPPED: "stopped",
}


def register(sub: argparse._SubParsersAction) -> None:
    history = sub.add_parser("history", help="list recorded holds, newest first")
    history.add_argument("--exercise", metavar="ID", help="only this exercise")
    history.add_argument("--since", metavar="YYYY-MM-DD", type=date.fromisoformat)
    history.add_argument("--limit", metavar="N", type=int, default=50, help="default: 50")
    history.set_defaults(run=run_history)

    stats_parser = sub.add_parser("stats", help="bests, trends and balance per exercise")
    stats_parser.add_argument("--exercise", metavar="ID", help="only this exercise")
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
    importer.add_argument("file", metavar="FILE", type=Path)
    importer.add_argument("--format", choices=FORMATS, help="default: from the file's suffix")
    importer.set_defaults(run=run_import)


def _fail(ctx: Context, message: str) -> int:
    ctx.err.print(f"isotimer: {message}", markup=False, highlight=False)
    return 1


def _read_holds(ctx: Context, **query: object) -> list[HoldRecord] | None:
    """The matching holds, or None when there is no history file yet."""
    path = ctx.paths.history_file
    if not path.exists():
        return None
    with HistoryStore.open(path) as store:
        return store.holds(**query)


def run_history(args: argparse.Namespace, ctx: Context) -> int:
    try:
        holds = _read_holds(ctx, exercise=args.exercise, since=args.since, limit=args.limit)
    except HistoryError as error:
        return _fail(ctx, error.message)
    if not holds:
        ctx.console.print(NO_HOLDS, highlight=False)
        return 0
    table = Table("when", "session", "hold", "side", "set", "held", "", "effort", "pain")
    for hold in holds:
        table.add_row(
            hold.started_at.strftime("%Y-%m-%d %H:%M"),
            hold.session_name,
            hold.exercise_name,
            "" if hold.side == "none" else hold.side,
            f"{hold.set} (round {hold.round})" if hold.round > 1 else str(hold.set),
            f"{hold.held_s:g}/{hold.target_s:g} s",
            OUTCOME_WORDS[hold.outcome],
            "" if hold.effort is None else str(hold.effort),
            "" if hold.pain is None else str(hold.pain),
        )
    ctx.console.print(table)
    return 0


def run_stats(args: argparse.Namespace, ctx: Context) -> int:
    """Bests, balance and the week per exercise and side, from SQL aggregates.

    Targets belong to a session: ``isotimer targets SESSION`` shows them.

    The whole history is read as figures, never as one record per hold, so the
    command stays quick at 100,000 holds; ``--exercise`` reads that exercise's
    holds and lets core.stats answer, the same figures over fewer holds.
    """
    path = ctx.paths.history_file
    if not path.exists():
        ctx.console.print(NO_HOLDS, highlight=False)
        return 0
    today = SystemClock().now().date()
    try:
        with HistoryStore.open(path) as store:
            source: ReviewSource = store
            if args.exercise:
                source = MemoryHistory(store.holds(exercise=args.exercise, newest_first=False))
            review = build_review(source, today)
    except HistoryError as error:
        return _fail(ctx, error.message)
    if review.empty:
        ctx.console.print(NO_HOLDS, highlight=False)
        return 0
    ctx.console.print(_stats_table(review))
    week = review.weeks[-1]
    ctx.console.print(
        f"This week: {week.sessions}/{stats.WEEKLY_GOAL} sessions, "
        f"{week.time_under_tension_s / 60:.1f} min under tension; "
        f"streak: {review.streak} week(s) at {stats.WEEKLY_GOAL} or more.",
        highlight=False,
    )
    return 0


def _stats_table(review: Review) -> Table:
    table = Table("hold", "side", "best", "last", "trend", "L/R gap")
    for row in review.exercises:
        figures = row.stats
        # The gap is shown once per exercise, on its left row.
        gap = review.balances.get(figures.exercise) if figures.side == "left" else None
        table.add_row(
            figures.exercise_name,
            "" if figures.side == "none" else figures.side,
            f"{figures.best_s:g} s ({figures.best_on:%d %b})",
            f"{figures.last_s:g} s ({figures.last_on:%d %b})",
            trend_text(figures.trend_s_per_week),
            gap_text(gap),
        )
    return table


def _read_checkins(ctx: Context) -> list[CheckIn]:
    path = ctx.paths.history_file
    if not path.exists():
        return []
    with HistoryStore.open(path) as store:
        return store.checkins()


def run_export(args: argparse.Namespace, ctx: Context) -> int:
    if fit_export.wants_fit(args):
        return fit_export.run_fit_export(args, ctx)
    if args.session is not None or args.since is not None:
        return _fail(ctx, "--session and --since go with --format fit")
    try:
        fmt = args.format or (guess_format(args.output) if args.output else "json")
        holds = _read_holds(ctx, newest_first=False)
        checkins = _read_checkins(ctx) if fmt == "json" else []
        if not holds:
            ctx.err.print(NO_HOLDS, highlight=False)
        if args.output:
            write_export(args.output, holds or [], fmt, checkins)
            ctx.err.print(f"Wrote {len(holds or [])} holds to {args.output}", markup=False)
        else:
            ctx.console.file.write(export_holds(holds or [], fmt, checkins))
    except (HistoryError, TransferError) as error:
        return _fail(ctx, str(error))
    except OSError as error:
        return _fail(ctx, f"cannot write {args.output}: {error.strerror}")
    return 0


def run_import(args: argparse.Namespace, ctx: Context) -> int:
    try:
        data = args.file.read_bytes()
        records, rejected = parse_import(data, args.format, filename=str(args.file))
        checkins, bad_checkins = parse_checkins(data, args.format, filename=str(args.file))
        with HistoryStore.open(ctx.paths.history_file) as store:
            new, duplicate = store.import_holds(records)
            new_checkins, _ = store.add_checkins(checkins)
    except OSError as error:
        return _fail(ctx, f"cannot read {args.file}: {error.strerror}")
    except (HistoryError, TransferError) as error:
        return _fail(ctx, str(error))
    ctx.console.print(
        f"{new} new, {duplicate} duplicate, {len(rejected)} rejected", highlight=False
    )
    if checkins or bad_checkins:
        ctx.console.print(
            f"check-ins: {new_checkins} new, {len(checkins) - new_checkins} duplicate,"
            f" {len(bad_checkins)} rejected",
            highlight=False,
        )
    for index, reason in rejected:
        ctx.err.print(f"  hold {index}: {reason}", markup=False, highlight=False)
    for index, reason in bad_checkins:
        ctx.err.print(f"  check-in {index}: {reason}", markup=False, highlight=False)
    return 1 if rejected or bad_checkins else 0
