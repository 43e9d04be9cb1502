"""Fuzzed session files: every input becomes a Session or precise ``FILE:LINE`` problems."""

from __future__ import annotations

import math
import re
from pathlib import Path

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from isotimer.core.model import Session
from isotimer.paths import bundled_sessions_dir
from isotimer.storage.library import load_library
from isotimer.storage.problems import ValidationError
from isotimer.storage.session_file import load_session, session_from_text

LIBRARY, _ = load_library([bundled_sessions_dir() / "exercises.toml"])
NAME = "fuzz.toml"
PROBLEM = re.compile(
    r"^(?P<file>.+):(?P<line>\d+): (?P<where>[^:]+(: [^:]+)*): (?P<what>.+)$", re.S
)
FUZZ = settings(deadline=None, suppress_health_check=list(HealthCheck))

# -- values, wrong types included ---------------------------------------------
floats = st.floats(allow_nan=True, allow_infinity=True)
numbers = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.integers(min_value=-5, max_value=700),
    floats,
    st.sampled_from([0, 1, 0.5, 59.9, 60, 100, 101, 600, 601, -1, math.nan, math.inf]),
)
texts = st.one_of(st.text(max_size=30), st.just(""), st.sampled_from(["  ", "é☃𝄞", "\u202e"]))
scalars = st.one_of(numbers, texts, st.booleans())
anything = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
    max_leaves=6,
)
exercise_ids = st.one_of(st.sampled_from(sorted(LIBRARY)), texts)


def value(good: st.SearchStrategy) -> st.SearchStrategy:
    """Mostly a plausible value, sometimes anything at all."""
    return st.one_of(good, good, anything)


breathing = value(
    st.dictionaries(
        st.sampled_from(["inhale", "exhale", "hold", "huff"]), value(numbers), max_size=4
    )
)
seconds = value(
    st.one_of(
        numbers,
        st.dictionaries(st.sampled_from(["beginner", "advanced", "expert"]), value(numbers)),
    )
)
hold = st.fixed_dictionaries(
    {},
    optional={
        "exercise": value(exercise_ids),
        "name": value(texts),
        "seconds": seconds,
        "sets": value(numbers),
        "rest": value(numbers),
        "sides": value(st.sampled_from(["none", "both", "left", "right", "up"])),
        "switch": value(numbers),
        "cues": value(st.lists(texts, max_size=3)),
        "breathing": breathing,
        "effort": value(numbers),
        "bogus": anything,
    },
)
good_hold = st.fixed_dictionaries(
    {"exercise": st.sampled_from(sorted(LIBRARY))},
    optional={
        "seconds": st.one_of(
            st.integers(1, 600),
            st.fixed_dictionaries({"beginner": st.integers(1, 300), "advanced": st.floats(1, 600)}),
        ),
        "sets": st.integers(1, 100),
        "rest": st.floats(0, 1e6),
        "sides": st.sampled_from(["none", "both"]),
        "switch": st.integers(0, 600),
        "cues": st.lists(st.text(max_size=20), max_size=3),
        "effort": st.integers(1, 100),
    },
)
good_session = st.fixed_dictionaries(
    {"name": st.text(min_size=1, max_size=20), "hold": st.lists(good_hold, min_size=1, max_size=4)},
    optional={
        "tags": st.lists(st.text(max_size=10), max_size=3),
        "rounds": st.integers(1, 100),
        "lead_in": st.floats(0, 600),
        "breathing": st.fixed_dictionaries(
            {"inhale": st.floats(0.5, 60), "exhale": st.integers(1, 60)},
            optional={"hold": st.integers(0, 60)},
        ),
        "level": st.sampled_from(["beginner", "advanced"]),
    },
)
wild_session = st.fixed_dictionaries(
    {},
    optional={
        "name": value(texts),
        "description": value(texts),
        "tags": value(st.lists(texts, max_size=3)),
        "rounds": value(numbers),
        "lead_in": value(numbers),
        "rest_between_rounds": value(numbers),
        "breathing": breathing,
        "level": value(st.sampled_from(["beginner", "advanced", "elite"])),
        "hold": value(st.lists(hold, max_size=4)),
        "extra": anything,
    },
)


@st.composite
def session_dicts(draw) -> dict:
    """A valid session, one with a single field broken, or anything of the schema's shape."""
    kind = draw(st.sampled_from(["valid", "one-broken", "wild"]))
    if kind == "wild":
        return draw(wild_session)
    data = draw(good_session)
    if kind == "one-broken":
        target = data if draw(st.booleans()) else draw(st.sampled_from(data["hold"]))
        keys = [*sorted(target), "bogus"]
        target[draw(st.sampled_from(keys))] = draw(anything)
    return data


def toml_of(data: dict) -> str | None:
    """TOML text for ``data``, or None when TOML cannot express it (None values, say)."""
    try:
        return tomli_w.dumps(data)
    except (TypeError, ValueError):
        return None


def check(load, text_lines: int | None = None) -> None:
    """Call ``load``: a Session, or a ValidationError whose problems all read FILE:LINE."""
    try:
        result = load()
    except ValidationError as error:
        assert error.problems, "a ValidationError with no problem"
        for problem in error.problems:
            assert isinstance(problem.line, int) and problem.line >= 1, problem
            assert problem.where and problem.what, problem
            assert PROBLEM.match(str(problem)), str(problem)
            if text_lines is not None:
                assert problem.line <= max(1, text_lines + 1), problem
        return
    assert isinstance(result, Session)


def load_both(text: str, tmp_path: Path) -> None:
    lines = len(text.splitlines())
    check(lambda: session_from_text(text, "fuzz", LIBRARY, NAME), lines)
    path = tmp_path / NAME
    path.write_text(text, encoding="utf-8")
    check(lambda: load_session(path, LIBRARY), lines)


@settings(FUZZ, max_examples=1000)
@given(data=session_dicts())
def test_schema_shaped_files_load_or_give_located_problems(data, tmp_path_factory):
    text = toml_of(data)
    if text is None:
        return
    load_both(text, tmp_path_factory.getbasetemp())


@settings(FUZZ, max_examples=500)
@given(
    text=st.one_of(
        st.text(max_size=300),
        st.text(alphabet="[]=\"{},.#\n\t 0123456789abcdehlinorstx-+_'", max_size=300),
    )
)
def test_random_text_loads_or_gives_located_problems(text, tmp_path_factory):
    lines = len(text.splitlines())
    check(lambda: session_from_text(text, "fuzz", LIBRARY, NAME), lines)
    path = tmp_path_factory.getbasetemp() / NAME
    path.write_bytes(text.encode("utf-8"))
    check(lambda: load_session(path, LIBRARY), lines)


@settings(FUZZ, max_examples=500)
@given(raw=st.binary(max_size=400))
def test_random_bytes_load_or_give_located_problems(raw, tmp_path_factory):
    path = tmp_path_factory.getbasetemp() / NAME
    path.write_bytes(raw)
    check(lambda: load_session(path, LIBRARY))


def test_breathing_without_exhale_is_a_problem_not_a_crash():
    """Found by the fuzzer: inhale and hold but no exhale raised TypeError."""
    text = 'name = "x"\n[breathing]\ninhale = 1\nhold = 0\n[[hold]]\nname = "a"\nseconds = 5\n'
    try:
        session_from_text(text, "fuzz", LIBRARY, NAME)
    except ValidationError as error:
        assert [str(p) for p in error.problems] == [
            "fuzz.toml:2: session: breathing: missing 'exhale' seconds"
        ]
    else:
        raise AssertionError("a breathing table without exhale was accepted")
