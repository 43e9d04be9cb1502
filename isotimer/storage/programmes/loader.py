"""Turn one programme file into a Programme, or into a list of precise problems."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Any

from isotimer.core.programme.phases import DEFAULT_PER_WEEK, NOT_WORSE, Advance, Phase, Programme
from isotimer.core.session.model import Level
from isotimer.storage.fields import FieldReader
from isotimer.storage.problems import ValidationError, did_you_mean
from isotimer.storage.toml.lines import Path as KeyPath
from isotimer.storage.toml.source import Table, TomlSource, read_toml

PROGRAMME_KEYS = ("name", "description", "per_week", "rehab", "screening", "phase")
PHASE_KEYS = (
    "name",
    "sessions",
    "weeks",
    "level",
    "effort",
    "seconds",
    "sets",
    "deload",
    "advance",
    "per_week",
    "harder",
)
ADVANCE_KEYS = ("sessions", "max_pain", "morning")
LEVELS = [level.value for level in Level]


def is_programme(data: dict[str, Any]) -> bool:
    """A file with ``[[phase]]`` tables is a programme wherever it lies."""
    return isinstance(data.get("phase"), list)


def load_programme(path: Path, session_ids: Collection[str]) -> Programme:
    """Load a programme file; its id is the file stem. Raises ValidationError."""
    return programme_from_source(read_toml(path), path.stem, session_ids)


def programme_from_source(
    source: TomlSource, programme_id: str, session_ids: Collection[str]
) -> Programme:
    """Check every key of ``source``; any problem raises ValidationError listing them all."""
    reader = FieldReader(source.name, source.lines)
    data = source.data
    reader.unknown_keys(data, PROGRAMME_KEYS, (), "programme")
    name = reader.text(data, "name", (), "programme", required=True)
    description = reader.text(data, "description", (), "programme") or ""
    per_week = reader.number(data, "per_week", (), "programme", low=1, high=7, whole=True)
    screening = reader.text(data, "screening", (), "programme", multiline=True) or ""
    rehab = data.get("rehab", False)
    if not isinstance(rehab, bool):
        reader.report(("rehab",), "programme", "'rehab' must be true/false")
    phases = _phases(reader, data.get("phase"), session_ids)
    if reader.problems:
        raise ValidationError(reader.problems)
    return Programme(
        programme_id,
        name,
        tuple(phases),
        description,
        per_week or DEFAULT_PER_WEEK,
        str(source.name),
        rehab is True,
        screening,
    )


def _phases(reader: FieldReader, raw: Any, session_ids: Collection[str]) -> list[Phase]:
    if not isinstance(raw, list) or not raw:
        reader.report((), "programme", "needs at least one [[phase]] table")
        return []
    return [
        phase
        for index, table in enumerate(raw)
        if (phase := _phase(reader, table, index, session_ids)) is not None
    ]


def _phase(
    reader: FieldReader, table: Any, index: int, session_ids: Collection[str]
) -> Phase | None:
    path = ("phase", index)
    where = f"phase {index + 1}"
    if not isinstance(table, dict):
        reader.report(path, where, "must be a table")
        return None
    before = len(reader.problems)
    reader.unknown_keys(table, PHASE_KEYS, path, where)
    name = reader.text(table, "name", path, where, required=True)
    sessions = _sessions(reader, table, path, where, session_ids)
    weeks = reader.number(table, "weeks", path, where, low=1, high=104, whole=True)
    if "weeks" not in table:
        reader.report(path, where, "missing required key 'weeks'")
    level = reader.choice(table, "level", path, where, LEVELS)
    effort = reader.number(table, "effort", path, where, low=1, high=100, whole=True)
    seconds = reader.number(table, "seconds", path, where, low=0.25, high=4)
    sets = reader.number(table, "sets", path, where, low=0, high=10, whole=True)
    deload = table.get("deload", False)
    if not isinstance(deload, bool):
        reader.report((*path, "deload"), where, "'deload' must be true/false")
    harder = table.get("harder", False)
    if not isinstance(harder, bool):
        reader.report((*path, "harder"), where, "'harder' must be true/false")
    advance = _advance(reader, table, path, where)
    per_week = reader.number(table, "per_week", path, where, low=1, high=7, whole=True)
    if len(reader.problems) > before:
        return None
    return Phase(
        name,
        sessions,
        weeks,
        Level(level) if level else None,
        effort,
        seconds,
        sets or 0,
        deload,
        advance,
        per_week,
        harder is True,
    )


def _sessions(
    reader: FieldReader, table: Table, path: KeyPath, where: str, known: Collection[str]
) -> tuple[str, ...]:
    ids = reader.texts(table, "sessions", path, where)
    if ids is None:
        if "sessions" not in table:
            reader.report(path, where, "missing required key 'sessions'")
        return ()
    if not ids:
        reader.report((*path, "sessions"), where, "'sessions' must name at least one session")
    for session_id in ids:
        if session_id not in known:
            hint = did_you_mean(session_id, known)
            reader.report((*path, "sessions"), where, f"unknown session '{session_id}'{hint}")
    return ids


def _advance(reader: FieldReader, table: Table, path: KeyPath, where: str) -> Advance | None:
    rule = reader.table(table, "advance", path, where)
    if rule is None:
        return None
    inner = (*path, "advance")
    where = f"{where}: advance"
    reader.unknown_keys(rule, ADVANCE_KEYS, inner, where)
    sessions = reader.number(rule, "sessions", inner, where, low=1, high=200, whole=True)
    max_pain = reader.number(rule, "max_pain", inner, where, low=0, high=10, whole=True)
    morning = reader.choice(rule, "morning", inner, where, [NOT_WORSE])
    if not rule:
        reader.report(inner, where, "names no criteria: give sessions, max_pain or morning")
    return Advance(sessions, max_pain, morning)
