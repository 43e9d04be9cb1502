"""Every number in every file format, against its documented range, on both sides of each bound.

One row per field: the session file, the exercise library, settings.toml and
imported hold records. Inside the range the value loads as written; outside
it the file is refused (or, for settings, the default is used) with a problem
that names the field. Hypothesis draws values across each side; the table
also pins each bound exactly and the nearest value past it.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from isotimer.paths import bundled_sessions_dir
from isotimer.storage.history.transfer import export_holds, parse_import
from isotimer.storage.problems import ValidationError
from isotimer.storage.sessions.library import load_library
from isotimer.storage.sessions.loader import session_from_text
from isotimer.storage.settings import DEFAULTS, load_settings
from tests.unit.history_factories import hold_record

LIBRARY, _ = load_library([bundled_sessions_dir() / "exercises.toml"])
HOUR = 3600.0
FOLDER = Path(tempfile.mkdtemp(prefix="isotimer-ranges-"))


class Refused(Exception):
    """The value was not taken; ``message`` is what the user is told."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Field:
    """A numeric field: its range, whether it is whole, and how to load one value of it."""

    name: str
    low: float
    high: float | None
    whole: bool
    load: Callable[[float], float]
    low_open: bool = False  # "more than low" rather than "at least low"

    def __str__(self) -> str:
        return self.name


def toml_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() and abs(value) < 2**53 else repr(value)


def session(text: str) -> object:
    try:
        return session_from_text(text, "ranges", LIBRARY, "ranges.toml")
    except ValidationError as error:
        raise Refused(str(error)) from None


def session_field(key: str, attr: str) -> Callable[[float], float]:
    def load(value: float) -> float:
        text = f'name = "N"\n{key} = {toml_number(value)}\n[[hold]]\nexercise = "wall-sit"\n'
        return getattr(session(text), attr)

    return load


def hold_field(line: str, read: Callable[[object], float]) -> Callable[[float], float]:
    def load(value: float) -> float:
        text = f'name = "N"\n[[hold]]\nexercise = "wall-sit"\n{line.format(toml_number(value))}\n'
        return read(session(text).holds[0])

    return load


def breathing_field(key: str) -> Callable[[float], float]:
    others = {"inhale": "3", "exhale": "3"}

    def load(value: float) -> float:
        pattern = {**others, key: toml_number(value)}
        table = ", ".join(f"{k} = {v}" for k, v in pattern.items())
        text = f'name = "N"\nbreathing = {{ {table} }}\n[[hold]]\nexercise = "wall-sit"\n'
        return getattr(session(text).breathing, key)

    return load


def library_field(key: str, attr: str) -> Callable[[float], float]:
    def load(value: float) -> float:
        values = {"beginner": "20", "advanced": "40", key: toml_number(value)}
        path = FOLDER / "exercises.toml"
        body = "".join(f"{k} = {v}\n" for k, v in values.items())
        path.write_text(f'[towel-squeeze]\nname = "Towel squeeze"\n{body}')
        library, problems = load_library([path])
        if problems:
            raise Refused("\n".join(map(str, problems)))
        return getattr(library["towel-squeeze"], attr)

    return load


def settings_field(key: str) -> Callable[[float], float]:
    def load(value: float) -> float:
        path = FOLDER / "settings.toml"
        path.write_text(f"{key} = {toml_number(value)}\n")
        loaded, messages = load_settings(path)
        if messages:
            assert getattr(loaded, key) == getattr(DEFAULTS, key), "a bad value uses the default"
            raise Refused("\n".join(messages))
        return getattr(loaded, key)

    return load


BASE_RECORD = json.loads(export_holds([hold_record(effort=5, pain=2)], "json"))
BASE_RECORD = BASE_RECORD[0] if isinstance(BASE_RECORD, list) else BASE_RECORD["holds"][0]


def import_field(key: str) -> Callable[[float], float]:
    def load(value: float) -> float:
        records, rejected = parse_import(json.dumps([{**BASE_RECORD, key: value}]), "json")
        if rejected:
            raise Refused(rejected[0][1])
        return getattr(records[0], key)

    return load


FIELDS = [
    Field("rounds", 1, 100, True, session_field("rounds", "rounds")),
    Field("lead_in", 0, 600, False, session_field("lead_in", "lead_in")),
    Field("rest_between_rounds", 0, HOUR, False,
          session_field("rest_between_rounds", "rest_between_rounds")),
    Field("breathing.inhale", 0.5, 60, False, breathing_field("inhale")),
    Field("breathing.exhale", 0.5, 60, False, breathing_field("exhale")),
    Field("breathing.hold", 0, 60, False, breathing_field("hold")),
    Field("seconds", 1, HOUR, False, hold_field("seconds = {}", lambda h: h.beginner_s)),
    Field("seconds.beginner", 1, HOUR, False,
          hold_field("seconds = {{ beginner = {} }}", lambda h: h.beginner_s)),
    Field("seconds.advanced", 1, HOUR, False,
          hold_field("seconds = {{ advanced = {} }}", lambda h: h.advanced_s)),
    Field("sets", 1, 100, True, hold_field("sets = {}", lambda h: h.sets)),
    Field("rest", 0, HOUR, False, hold_field("rest = {}", lambda h: h.rest)),
    Field("switch", 0, 600, False,
          hold_field('sides = "both"\nswitch = {}', lambda h: h.switch)),
    Field("effort", 1, 100, True, hold_field("effort = {}", lambda h: h.effort)),
    Field("beginner", 1, HOUR, False, library_field("beginner", "beginner_s")),
    Field("advanced", 1, HOUR, False, library_field("advanced", "advanced_s")),
    Field("lead_in (settings)", 0, 600, False, settings_field("lead_in")),
    Field("cue_rotation_s", 2, 120, False, settings_field("cue_rotation_s")),
    Field("target_s", 0, 86_400, False, import_field("target_s"), low_open=True),
    Field("held_s", 0, 86_400, False, import_field("held_s")),
    Field("round", 1, 100, True, import_field("round")),
    Field("set", 1, 100, True, import_field("set")),
    Field("effort (import)", 1, 10, True, import_field("effort")),
    Field("pain", 0, 10, True, import_field("pain")),
]  # fmt: skip


def key_of(field: Field) -> str:
    """The field's name as a problem spells it ("seconds.beginner", "lead_in")."""
    return field.name.split(" ")[0]


def assert_taken(field: Field, value: float) -> None:
    try:
        loaded = field.load(value)
    except Refused as refused:
        pytest.fail(f"{field} = {value!r} is in range but was refused: {refused.message}")
    assert loaded == pytest.approx(value), f"{field} = {value!r} loaded as {loaded!r}"


def assert_refused(field: Field, value: float) -> None:
    try:
        loaded = field.load(value)
    except Refused as refused:
        assert key_of(field) in refused.message, f"the problem must name {field}: {refused}"
        return
    pytest.fail(f"{field} = {value!r} is out of range but loaded as {loaded!r}")


def step(field: Field) -> float:
    return 1.0 if field.whole else 0.01


def inside(field: Field) -> st.SearchStrategy[float]:
    low = field.low + (step(field) if field.low_open else 0)
    high = field.high if field.high is not None else 1e6
    if field.whole:
        return st.integers(int(low), int(high)).map(float)
    return (
        st.floats(low, high, allow_nan=False)
        .map(lambda v: round(v, 3))
        .filter(lambda v: low <= v <= high)
    )


def below(field: Field) -> st.SearchStrategy[float]:
    top = field.low if field.low_open else field.low - step(field)
    if field.whole:
        return st.integers(-10_000, int(top)).map(float)
    return st.floats(-1e6, top, allow_nan=False)


def above(field: Field) -> st.SearchStrategy[float]:
    assert field.high is not None
    bottom = field.high + step(field)
    if field.whole:
        return st.integers(int(bottom), int(bottom) + 10_000).map(float)
    return st.floats(bottom, field.high * 100, allow_nan=False)


PROPERTY = settings(max_examples=25, deadline=None)
BOUNDED = [field for field in FIELDS if field.high is not None]


@pytest.mark.parametrize("field", FIELDS, ids=str)
def test_each_bound_is_taken_and_the_nearest_value_past_it_is_refused(field):
    if field.low_open:
        assert_refused(field, field.low)
        assert_taken(field, field.low + step(field))
    else:
        assert_taken(field, field.low)
        assert_refused(field, field.low - step(field))
    if field.high is not None:
        assert_taken(field, field.high)
        assert_refused(field, field.high + step(field))


@pytest.mark.parametrize("field", FIELDS, ids=str)
@PROPERTY
@given(data=st.data())
def test_any_value_in_range_loads_as_written(field, data):
    assert_taken(field, data.draw(inside(field)))


@pytest.mark.parametrize("field", FIELDS, ids=str)
@PROPERTY
@given(data=st.data())
def test_any_value_below_the_range_is_refused_naming_the_field(field, data):
    assert_refused(field, data.draw(below(field)))


@pytest.mark.parametrize("field", BOUNDED, ids=str)
@PROPERTY
@given(data=st.data())
def test_any_value_above_the_range_is_refused_naming_the_field(field, data):
    assert_refused(field, data.draw(above(field)))


@pytest.mark.parametrize("field", [f for f in FIELDS if f.whole], ids=str)
def test_a_whole_number_field_refuses_a_fraction(field):
    assert_refused(field, field.low + 0.5)
