"""``isotimer export --format fit``: one FIT activity file per session run."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from isotimer.commands.parser import iso_date
from isotimer.storage.history.errors import HistoryError
from isotimer.storage.history.store import HistoryStore

if TYPE_CHECKING:
    from isotimer.commands.context import Context

FORMAT = "fit"


def add_arguments(export: argparse.ArgumentParser) -> None:
    """The FIT export's own options, beside the text formats' ``--format`` and ``-o``."""
    which = export.add_mutually_exclusive_group()
    which.add_argument("--session", metavar="RUN_ID", help="fit only: just this run")
    which.add_argument(
        "--since", metavar="YYYY-MM-DD", type=iso_date, help="fit only: runs from then"
    )


def wants_fit(args: argparse.Namespace) -> bool:
    """True for ``--format fit``, or no format and ``-o`` naming a ``.fit`` file."""
    chosen: str | None = args.format
    if chosen is not None:
        return chosen == FORMAT
    return args.output is not None and Path(args.output).suffix.lower() == f".{FORMAT}"


def run_fit_export(args: argparse.Namespace, ctx: Context) -> int:
    """Write the chosen runs as FIT files; exit 1 naming the problem when it cannot."""
    # Imported here: the FIT profile is large, and the other history commands never need it.
    from isotimer.storage.export.fit_files import FitExportError, export_runs, select_runs

    if args.output is None:
        return _fail(ctx, "a FIT export needs -o FILE.fit or -o FOLDER")
    path = ctx.paths.history_file
    if not path.exists():
        return _fail(ctx, f"no history yet at {path}: run a session first")
    try:
        with HistoryStore.open(path) as store:
            runs = select_runs(store.runs(), session=args.session, since=args.since)
            export = export_runs(store, runs, Path(args.output))
    except (HistoryError, FitExportError) as error:
        return _fail(ctx, str(error))
    except OSError as error:
        return _fail(ctx, f"cannot write {error.filename or args.output}: {error.strerror}")
    for written in export.written:
        ctx.console.print(str(written), markup=False, highlight=False, soft_wrap=True)
    for run in export.empty:
        ctx.err.print(f"skipped run {run.id}: no holds recorded", markup=False, highlight=False)
    count = len(export.written)
    ctx.err.print(f"Wrote {count} FIT file{'s' if count != 1 else ''}", highlight=False)
    return 0


def _fail(ctx: Context, message: str) -> int:
    ctx.err.print(f"isotimer: {message}", markup=False, highlight=False, soft_wrap=True)
    return 1
