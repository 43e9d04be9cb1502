"""Running ``isotimer`` in-process as a user types it, and filling a history to read back."""

from __future__ import annotations

import json
from datetime import timedelta
from importlib.resources import files
from pathlib import Path

import jsonschema

from isotimer.cli import main
from isotimer.core.clock import SystemClock
from isotimer.storage.history.store import HistoryStore
from tests.unit.history_factories import hold_record


def schema(name: str) -> dict:
    """A schema as the installed package ships it."""
    return json.loads((files("isotimer") / "schemas" / f"{name}.schema.json").read_text())


def check(document: object, name: str) -> None:
    """Fail with the first way ``document`` breaks the ``name`` schema."""
    validator = jsonschema.Draft202012Validator(
        schema(name), format_checker=jsonschema.FormatChecker()
    )
    validator.validate(document)


def json_of(capsys, *argv: str) -> tuple[int, object]:
    """Exit status and the one JSON document ``isotimer ARGV`` printed."""
    code = main(list(argv))
    return code, json.loads(capsys.readouterr().out)


def fill_history(data_dir: Path) -> None:
    """Two runs of a wall sit and a per-side plank in the last days, names with odd characters."""
    now = SystemClock().now()
    holds = [
        hold_record(
            run_id=f"run-{n // 3}",
            at=now - timedelta(days=2 - n // 3, minutes=-n),
            exercise=("wall-sit", "side-plank", "side-plank")[n % 3],
            side=("none", "left", "right")[n % 3],
            target_s=30,
            held_s=(30, 14.7, 22.5)[n % 3],
            session="legs\tand\nhips" if n == 0 else "legs",
            effort=6,
            id=f"h{n}",
        )
        for n in range(6)
    ]
    with HistoryStore.open(data_dir / "history.sqlite3") as store:
        store.import_holds(holds)
