"""The running programme: which one, since when, and which recorded runs are its own.

Kept in ``<data dir>/programme.toml``, written atomically. Only the runs listed
here count for the programme's weeks; any other run still counts for its own
session's targets. A damaged file is reported, never silently dropped.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

import tomli_w

from isotimer.core.programme.schedule import Repeat
from isotimer.storage.history.decode import EARLIEST, LATEST
from isotimer.storage.problems import Problem, ValidationError
from isotimer.storage.toml.source import read_toml

HEADER = "# isotimer: the programme you follow (isotimer programme start/stop)\n"
WHERE = "programme state"


@dataclass(frozen=True)
class ProgrammeState:
    """Which programme runs since ``start`` (a local date), its runs and the repeats taken.

    ``resumed`` is when the runner last resumed it after a red flag paused it:
    a flag raised before then has been seen.
    """

    programme: str
    start: date
    runs: tuple[str, ...] = ()
    repeats: tuple[Repeat, ...] = field(default=())
    resumed: datetime | None = None

    def with_run(self, run_id: str) -> ProgrammeState:
        """The state once ``run_id`` counts for the programme (once, whatever the calls)."""
        if run_id in self.runs:
            return self
        return replace(self, runs=(*self.runs, run_id))


def load_state(path: Path) -> ProgrammeState | None:
    """The state, or None when no programme runs. Raises ValidationError for a bad file."""
    if not path.exists():
        return None
    source = read_toml(path)
    data = source.data

    def fail(key: str, what: str) -> ValidationError:
        line = source.lines.line((key,))
        return ValidationError([Problem(source.name, line, WHERE, what)])

    programme, start = data.get("programme"), data.get("start")
    if not isinstance(programme, str) or not programme:
        raise fail("programme", "'programme' must be a programme id")
    if not isinstance(start, date) or not EARLIEST.date() <= start <= LATEST.date():
        # A date near the calendar's end would overflow the programme's weeks later on.
        raise fail("start", "'start' must be a date such as 2026-03-02, from 1970 to 2200")
    runs = data.get("runs", [])
    if not isinstance(runs, list) or not all(isinstance(r, str) for r in runs):
        raise fail("runs", "'runs' must be a list of run ids")
    repeats = []
    for entry in data.get("repeats", []):
        if not (isinstance(entry, dict) and {"week", "phase"} <= entry.keys()):
            raise fail("repeats", "each repeat needs a 'week' and a 'phase'")
        repeats.append(Repeat(int(entry["week"]), int(entry["phase"])))
    resumed = data.get("resumed")
    if resumed is not None and not (isinstance(resumed, datetime) and resumed.tzinfo):
        raise fail("resumed", "'resumed' must be a time with its UTC offset")
    return ProgrammeState(programme, start, tuple(runs), tuple(repeats), resumed)


def save_state(path: Path, state: ProgrammeState) -> None:
    """Write ``state`` beside ``path`` and swap it in, so a crash never tears the file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "programme": state.programme,
        "start": state.start,
        "runs": list(state.runs),
        "repeats": [{"week": r.week, "phase": r.phase} for r in state.repeats],
    }
    if state.resumed is not None:
        data["resumed"] = state.resumed
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".programme-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(HEADER + tomli_w.dumps(data))
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def clear_state(path: Path) -> bool:
    """Stop following the programme; True when one was running. Recorded runs stay."""
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    return True
