"""Which runs a FIT export covers, what each file is called, and writing it safely."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from isotimer.core.fit.activity import build_activity
from isotimer.core.history.records import HoldRecord, RunRecord
from isotimer.storage.export.fit import encode_activity
from isotimer.storage.history.store import HistoryStore
from isotimer.storage.user_files import write_user_file

SUFFIX = ".fit"


class FitExportError(ValueError):
    """The export cannot be done as asked (no such run, a file for many runs); says why."""


@dataclass(frozen=True)
class FitExport:
    """What an export wrote, and the runs it left out because they have no holds."""

    written: tuple[Path, ...]
    empty: tuple[RunRecord, ...]


def fit_filename(run: RunRecord) -> str:
    """``isotimer-20260105-0700-recovery-day-1a2b3c4d.fit``: when (local), what, and which run."""
    session = re.sub(r"[^A-Za-z0-9_-]+", "-", run.session).strip("-") or "session"
    run_part = re.sub(r"[^A-Za-z0-9]+", "", run.id)[:8] or "run"
    return f"isotimer-{run.started_at:%Y%m%d-%H%M}-{session}-{run_part}{SUFFIX}"


def select_runs(
    runs: Sequence[RunRecord], session: str | None = None, since: date | None = None
) -> list[RunRecord]:
    """The runs to export, oldest first: one by id (or a unique start of it), or since a day.

    ``since`` compares the local date each run started on, as ``isotimer history`` does.

    Raises:
        FitExportError: ``session`` names no run, or more than one.
    """
    chosen = sorted(runs, key=lambda run: run.started_at)
    if session is not None:
        exact = [run for run in chosen if run.id == session]
        chosen = exact or [run for run in chosen if run.id.startswith(session)]
        if not chosen:
            raise FitExportError(f"no run with id {session!r}")
        if len(chosen) > 1:
            raise FitExportError(f"{len(chosen)} runs have ids starting {session!r}: give more")
    if since is not None:
        chosen = [run for run in chosen if run.started_at.date() >= since]
    return chosen


def write_fit(path: Path, run: RunRecord, holds: list[HoldRecord]) -> Path:
    """Write one run as a FIT file at ``path``, whole or not at all, owner-only.

    Raises:
        ValueError: the run has no holds.
        OSError: the folder cannot be written.
    """
    data = encode_activity(build_activity(run, holds))
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_user_file(path, data)


def is_single_file(output: Path) -> bool:
    """True when ``-o`` names a ``.fit`` file rather than a folder to put files in."""
    return output.suffix.lower() == SUFFIX and not output.is_dir()


def export_runs(store: HistoryStore, runs: Sequence[RunRecord], output: Path) -> FitExport:
    """One FIT file per run with holds: into the folder ``output``, or as the file ``output``.

    Raises:
        FitExportError: ``output`` is one file but more than one run has holds.
        OSError: a file cannot be written.
    """
    with_holds = [(run, store.run_holds(run.id)) for run in runs]
    empty = tuple(run for run, holds in with_holds if not holds)
    with_holds = [(run, holds) for run, holds in with_holds if holds]
    if is_single_file(output):
        if len(with_holds) > 1:
            raise FitExportError(
                f"{len(with_holds)} runs to export but {output} is one file: "
                "give a folder, or choose one run with --session"
            )
        written = [write_fit(output, *pair) for pair in with_holds]
    else:
        written = [write_fit(output / fit_filename(run), run, holds) for run, holds in with_holds]
    return FitExport(tuple(written), empty)
