"""The exercise library: bundled entries, extended or overridden by the user's file."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields, replace
from pathlib import Path

from isotimer.core.session.model import Exercise
from isotimer.storage.fields import FieldReader
from isotimer.storage.problems import Problem, ValidationError, did_you_mean
from isotimer.storage.toml.source import read_toml

LIBRARY_FILE = "exercises.toml"
_KEYS = (
    "name",
    "muscles",
    "per_side",
    "beginner",
    "advanced",
    "equipment",
    "setup",
    "cues",
    "breathing",
    "harder",
    "old_ids",
    "harder_id",
    "max_seconds",
)
Library = dict[str, Exercise]


def load_library(
    paths: Iterable[Path], require_file: bool = False
) -> tuple[Library, list[Problem]]:
    """Merge library files in order; later files add entries or override fields.

    A broken entry is reported and left out; the rest of the file still loads.
    Missing files are skipped (a user need not have a library of their own)
    unless ``require_file`` is set, as when a user validates one by name.
    """
    library: Library = {}
    problems: list[Problem] = []
    checks: dict[str, FieldReader] = {}
    for path in paths:
        # exists, not is_file: a FIFO or a folder in its place is reported, not skipped.
        if not path.exists() and not require_file:
            continue
        try:
            source = read_toml(path)
        except ValidationError as error:
            problems.extend(error.problems)
            continue
        reader = FieldReader(source.name, source.lines)
        for exercise_id, table in source.data.items():
            entry = _read_entry(reader, exercise_id, table, library.get(exercise_id))
            if entry is not None:
                library[exercise_id] = entry
                if isinstance(table, dict) and "harder_id" in table:
                    checks[exercise_id] = reader  # the file that set it last answers for it
        problems.extend(reader.problems)
    problems.extend(_unknown_harder(library, checks))
    return _with_old_ids(library), problems


def _with_old_ids(library: Library) -> Library:
    """Let each old id name its exercise again, unless a file defines that id itself."""
    resolved = dict(library)
    for exercise in library.values():
        for old_id in exercise.old_ids:
            resolved.setdefault(old_id, exercise)
    return resolved


def current_exercises(library: Library) -> list[Exercise]:
    """Each exercise once, under its own id: what a chooser lists."""
    return [exercise for key, exercise in library.items() if key == exercise.id]


def _unknown_harder(library: Library, checks: dict[str, FieldReader]) -> list[Problem]:
    """A ``harder_id`` must name a library entry (in any file, so checked after all of them)."""
    found = []
    for exercise_id, reader in checks.items():
        harder_id = library[exercise_id].harder_id
        if harder_id and harder_id not in library:
            hint = did_you_mean(harder_id, library)
            before = len(reader.problems)
            where = f"exercise '{exercise_id}'"
            what = f"unknown exercise '{harder_id}'{hint}"
            reader.report((exercise_id, "harder_id"), where, what)
            found += reader.problems[before:]
    return found


def _read_entry(
    reader: FieldReader, exercise_id: str, table: object, base: Exercise | None
) -> Exercise | None:
    path = (exercise_id,)
    where = f"exercise '{exercise_id}'"
    if not isinstance(table, dict):
        reader.report(path, where, "must be a table such as [wall-sit] with its keys below it")
        return None
    before = len(reader.problems)
    reader.unknown_keys(table, _KEYS, path, where)
    values = {
        "name": reader.text(table, "name", path, where, required=base is None),
        "muscles": reader.texts(table, "muscles", path, where),
        "equipment": reader.texts(table, "equipment", path, where),
        "cues": reader.texts(table, "cues", path, where),
        "setup": reader.text(table, "setup", path, where, multiline=True),
        "breathing": reader.text(table, "breathing", path, where),
        "harder": reader.text(table, "harder", path, where),
        "old_ids": reader.texts(table, "old_ids", path, where),
        "beginner_s": reader.number(table, "beginner", path, where, low=1),
        "advanced_s": reader.number(table, "advanced", path, where, low=1),
        "max_s": reader.number(table, "max_seconds", path, where, low=5),
        "harder_id": reader.text(table, "harder_id", path, where),
    }
    per_side = table.get("per_side")
    if per_side is not None and not isinstance(per_side, bool):
        reader.report((*path, "per_side"), where, "'per_side' must be true or false")
    elif per_side is not None:
        values["per_side"] = per_side
    if base is None:
        for key in ("beginner", "advanced"):
            if key not in table:
                reader.report(path, where, f"missing required key '{key}'")
    if len(reader.problems) > before:
        return None
    given = {k: v for k, v in values.items() if v is not None}
    if base is not None:
        return replace(base, **given)
    names = {f.name for f in fields(Exercise)}
    return Exercise(id=exercise_id, **{k: v for k, v in given.items() if k in names})
