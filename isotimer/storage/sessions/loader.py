"""Turn one session file into a Session, or into a list of precise problems."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from isotimer.core.session.draft import HOLD_ORDER
from isotimer.core.session.model import (
    DEFAULT_BREATHING,
    DEFAULT_MAX_S,
    DEFAULT_TEST_CAP_S,
    FROM_TEST_RANGE,
    TEST_CAP_RANGE,
    Breathing,
    Exercise,
    Hold,
    Level,
    Progress,
    Session,
    Sides,
)
from isotimer.storage.fields import FieldReader
from isotimer.storage.problems import ValidationError, did_you_mean
from isotimer.storage.sessions.blocks import read_blocks
from isotimer.storage.sessions.library import Library
from isotimer.storage.toml.lines import Path as KeyPath
from isotimer.storage.toml.source import Table, TomlSource, parse_toml, read_toml

SESSION_KEYS = (
    "name",
    "description",
    "tags",
    "rounds",
    "lead_in",
    "rest_between_rounds",
    "breathing",
    "level",
    "warm_up",
    "cool_down",
    "progress",
    "hold",
)
TO_FAILURE = "max"  # seconds = "max": a hold test, held to failure
LEVELS = [level.value for level in Level]
PROGRESS = [progress.value for progress in Progress]
SIDES = [sides.value for sides in Sides]


def load_session(path: Path, library: Library, name: str | None = None) -> Session:
    """Load a session file; its id is the file stem. Raises ValidationError."""
    return session_from_source(read_toml(path, name), path.stem, library, str(path))


def session_from_text(text: str, session_id: str, library: Library, name: str) -> Session:
    """Validate unsaved text with exactly the rules used for files."""
    return session_from_source(parse_toml(text.encode(), name), session_id, library, "")


def session_from_source(
    source: TomlSource, session_id: str, library: Library, origin: str
) -> Session:
    """The Session described by ``source``, its holds resolved against ``library``.

    Raises:
        ValidationError: every problem found in the file, not just the first.
    """
    reader = FieldReader(source.name, source.lines)
    data = source.data
    where = "session"
    reader.unknown_keys(data, SESSION_KEYS, (), where)
    name = reader.text(data, "name", (), where, required=True)
    description = reader.text(data, "description", (), where, multiline=True)
    tags = reader.texts(data, "tags", (), where)
    rounds = reader.number(data, "rounds", (), where, low=1, high=100, whole=True)
    lead_in = reader.number(data, "lead_in", (), where, low=0, high=600)
    between = reader.number(data, "rest_between_rounds", (), where, low=0)
    breathing = _breathing(reader, data, (), where)
    level = reader.choice(data, "level", (), where, LEVELS)
    warm_up = read_blocks(reader, data, "warm_up")
    progress = reader.choice(data, "progress", (), where, PROGRESS)
    holds = _holds(reader, data.get("hold"), library)
    cool_down = read_blocks(reader, data, "cool_down")
    if reader.problems:
        raise ValidationError(reader.problems)
    return Session(
        id=session_id,
        name=name,
        holds=tuple(holds),
        description=description or "",
        tags=tags or (),
        rounds=rounds if rounds is not None else 1,
        lead_in=lead_in,
        rest_between_rounds=between if between is not None else 60.0,
        breathing=breathing or DEFAULT_BREATHING,
        level=Level(level) if level else Level.BEGINNER,
        warm_up=warm_up,
        cool_down=cool_down,
        progress=Progress(progress) if progress else Progress.TIME,
        source=origin,
    )


def _breathing(reader: FieldReader, table: Table, path: KeyPath, where: str) -> Breathing | None:
    pattern = reader.table(table, "breathing", path, where)
    if pattern is None:
        return None
    path = (*path, "breathing")
    reader.unknown_keys(pattern, ("inhale", "exhale", "hold"), path, f"{where}: breathing")
    values = {}
    for key in ("inhale", "exhale", "hold"):
        if key not in pattern and key != "hold":
            reader.report(path, f"{where}: breathing", f"missing '{key}' seconds")
        elif key in pattern:
            low = 0 if key == "hold" else 0.5
            label = f"breathing.{key}"
            value = reader.check_number(pattern[key], (*path, key), where, label, low, high=60)
            values[key] = value
    if any(v is None for v in values.values()) or not {"inhale", "exhale"} <= values.keys():
        return None
    return Breathing(**values)


def _holds(reader: FieldReader, holds: Any, library: Library) -> list[Hold]:
    if holds is None:
        reader.report((), "session", "no holds: add at least one [[hold]] table")
        return []
    if not isinstance(holds, list) or not holds:
        reader.report(("hold",), "session", "'hold' must be one or more [[hold]] tables")
        return []
    result = []
    for index, table in enumerate(holds):
        hold = _hold(reader, index, table, library)
        if hold is not None:
            result.append(hold)
    return result


def _hold(reader: FieldReader, index: int, table: Any, library: Library) -> Hold | None:
    path: KeyPath = ("hold", index)
    where = f"hold {index + 1}"
    if not isinstance(table, dict):
        reader.report(path, where, "must be a table of keys")
        return None
    before = len(reader.problems)
    # The keys a saved file writes are the keys a file may hold: one list for both.
    reader.unknown_keys(table, HOLD_ORDER, path, where)
    if "exercise" not in table and "name" not in table:
        reader.report(path, where, "needs 'exercise' (a library id) or an inline 'name'")
        return None
    exercise = _exercise(reader, table, path, where, library)
    name = reader.text(table, "name", path, where, required="exercise" not in table)
    beginner, advanced = _seconds(reader, table, path, where, exercise)
    test = table.get("seconds") == TO_FAILURE
    cap = _cap(reader, table, path, where, test)
    from_test = _from_test(reader, table, path, where, test)
    sets = reader.number(table, "sets", path, where, low=1, high=100, whole=True)
    rest = reader.number(table, "rest", path, where, low=0)
    sides = reader.choice(table, "sides", path, where, SIDES)
    switch = reader.number(table, "switch", path, where, low=0, high=600)
    cues = reader.texts(table, "cues", path, where)
    breathing = _breathing(reader, table, path, where)
    effort, advanced_effort = _effort(reader, table, path, where)
    if len(reader.problems) > before or (exercise is None and name is None):
        return None
    if not name:
        assert exercise is not None  # a hold without a name names a known exercise (above)
        name = exercise.name
    per_side = exercise.per_side if exercise else False
    return Hold(
        exercise=exercise.id if exercise else slug(name),
        name=name,
        beginner_s=cap if test else beginner,
        advanced_s=cap if test else advanced,
        sets=sets or 1,
        rest=rest if rest is not None else 30.0,
        sides=Sides(sides) if sides else (Sides.BOTH if per_side else Sides.NONE),
        switch=switch if switch is not None else 5.0,
        cues=cues if cues is not None else (exercise.cues if exercise else ()),
        breathing=breathing,
        effort=effort,
        setup=exercise.setup if exercise else "",
        equipment=exercise.equipment if exercise else (),
        harder=exercise.harder if exercise else "",
        breathing_advice=exercise.breathing if exercise else "",
        advanced_effort=advanced_effort,
        max_s=exercise.max_s if exercise else DEFAULT_MAX_S,
        harder_id=exercise.harder_id if exercise else "",
        test=test,
        from_test=from_test,
    )


def _cap(reader: FieldReader, table: Table, path: KeyPath, where: str, test: bool) -> float:
    """A hold test's cap: where the count up stops by itself (default five minutes)."""
    if "cap" in table and not test:
        reader.report(
            (*path, "cap"), where, f"'cap' is for a hold test only: set seconds = \"{TO_FAILURE}\""
        )
        return DEFAULT_TEST_CAP_S
    low, high = TEST_CAP_RANGE
    cap = reader.number(table, "cap", path, where, low=low, high=high)
    return float(cap) if cap is not None else DEFAULT_TEST_CAP_S


def _from_test(
    reader: FieldReader, table: Table, path: KeyPath, where: str, test: bool
) -> float | None:
    """The fraction of the latest test a training hold is held for, None when not set."""
    if "from_test" in table and test:
        what = f"'from_test' is for a training hold, not a hold test (seconds = \"{TO_FAILURE}\")"
        reader.report((*path, "from_test"), where, what)
        return None
    low, high = FROM_TEST_RANGE
    fraction = reader.number(table, "from_test", path, where, low=low, high=high)
    return float(fraction) if fraction is not None else None


def _effort(
    reader: FieldReader, table: Table, path: KeyPath, where: str
) -> tuple[int | None, int | None]:
    """Beginner and advanced percent effort: one number for both, or a table per level."""
    value = table.get("effort")
    if not isinstance(value, dict):
        effort = reader.number(table, "effort", path, where, low=1, high=100, whole=True)
        return effort, None
    epath = (*path, "effort")
    reader.unknown_keys(value, LEVELS, epath, where)
    if not value:
        reader.report(epath, where, "'effort' table needs 'beginner' and/or 'advanced'")
    given = {
        level: reader.check_number(
            value[level], (*epath, level), where, f"effort.{level}", 1, 100, whole=True
        )
        for level in LEVELS
        if level in value
    }
    return given.get("beginner"), given.get("advanced")


def _exercise(
    reader: FieldReader, table: Table, path: KeyPath, where: str, library: Library
) -> Exercise | None:
    exercise_id = reader.text(table, "exercise", path, where)
    if exercise_id is None:
        return None
    if exercise_id not in library:
        hint = did_you_mean(exercise_id, library)
        reader.report((*path, "exercise"), where, f"unknown exercise '{exercise_id}'{hint}")
        return None
    return library[exercise_id]


def _seconds(
    reader: FieldReader, table: Table, path: KeyPath, where: str, exercise: Exercise | None
) -> tuple[float, float]:
    """Beginner and advanced seconds: given per level, given once, or from the library."""
    fallback = (exercise.beginner_s, exercise.advanced_s) if exercise else (0.0, 0.0)
    if "seconds" not in table:
        if exercise is None and "exercise" not in table:
            reader.report(path, where, "an inline hold must give 'seconds'")
        return fallback
    value = table["seconds"]
    spath = (*path, "seconds")
    if value == TO_FAILURE:
        return fallback  # a hold test: its cap stands in for both times
    if isinstance(value, str):
        got = repr(value) if len(value) <= 40 else repr(value[:37]) + "..."
        what = f"'seconds' must be a number, got text {got} (\"{TO_FAILURE}\" makes a hold test)"
        reader.report(spath, where, what)
        return fallback
    if not isinstance(value, dict):
        checked = reader.check_number(value, spath, where, "seconds", low=1)
        return (checked, checked) if checked is not None else fallback
    reader.unknown_keys(value, LEVELS, spath, where)
    given = {
        level: reader.check_number(value[level], (*spath, level), where, f"seconds.{level}", 1)
        for level in LEVELS
        if level in value
    }
    if not given:
        reader.report(spath, where, "'seconds' table needs 'beginner' and/or 'advanced'")
        return fallback
    if exercise is None and len(given) == 1:
        only = next(iter(given.values()))
        return only, only
    return given.get("beginner", fallback[0]), given.get("advanced", fallback[1])


def slug(name: str) -> str:
    """A stable id for an inline hold, so its history groups across sessions."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "hold"
