"""The session loader under random input: a session or a ValidationError, never anything else.

Four generators, 2,700 cases a run between them: mostly valid files (each
that loads must hold what the file says, each refusal must name its field),
valid-shaped files with random values, random TOML of any shape, random bytes.
"""

from __future__ import annotations

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from isotimer.core.session.model import Session
from isotimer.paths import bundled_sessions_dir
from isotimer.storage.problems import Problem, ValidationError
from isotimer.storage.sessions.library import load_library
from isotimer.storage.sessions.loader import load_session, session_from_text

pytestmark = pytest.mark.timeout(300)  # thousands of generated files a test

LIBRARY = load_library([bundled_sessions_dir() / "exercises.toml"])[0]


def fuzz(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )


# Anything TOML can hold, a few levels deep.
scalars = (
    st.none().map(lambda _: "")
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)
numbers = st.one_of(
    st.integers(min_value=-10, max_value=10_000),
    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False),
    st.text(max_size=5),
    st.booleans(),
)
seconds = numbers | st.fixed_dictionaries({}, optional={"beginner": numbers, "advanced": numbers})
holds = st.fixed_dictionaries(
    {},
    optional={
        "exercise": st.sampled_from(sorted(LIBRARY)) | st.text(max_size=12),
        "name": st.text(max_size=20),
        "seconds": seconds,
        "sets": numbers,
        "rest": numbers,
        "sides": st.sampled_from(["both", "none", "left", ""]) | values,
        "switch": numbers,
        "cues": st.lists(st.text(max_size=20), max_size=4) | values,
        "breathing": st.fixed_dictionaries({}, optional={"inhale": numbers, "exhale": numbers,
                                                         "hold": numbers}) | values,
        "unknown": values,
    },
)  # fmt: skip
sessions = st.fixed_dictionaries(
    {"hold": st.lists(holds, max_size=4) | values},
    optional={
        "name": st.text(max_size=20) | values,
        "description": st.text(max_size=40),
        "tags": st.lists(st.text(max_size=8), max_size=3) | values,
        "rounds": numbers,
        "lead_in": numbers,
        "rest_between_rounds": numbers,
        "level": st.sampled_from(["beginner", "advanced", "expert"]) | values,
        "breathing": values,
    },
)


def mostly(valid: st.SearchStrategy, invalid: st.SearchStrategy = numbers) -> st.SearchStrategy:
    """``valid`` nine times in ten, else ``invalid``: most files load, and some do not."""
    return st.integers(0, 9).flatmap(lambda n: valid if n else invalid)


def within(low: int, high: int) -> st.SearchStrategy:
    return st.integers(low, high) | st.floats(low, high, allow_nan=False).map(
        lambda v: min(max(round(v, 2), low), high)
    )


likely_holds = st.fixed_dictionaries(
    {"exercise": mostly(st.sampled_from(sorted(LIBRARY)), st.text(max_size=12))},
    optional={
        "seconds": mostly(within(1, 3600) | st.fixed_dictionaries(
            {}, optional={"beginner": within(1, 3600), "advanced": within(1, 3600)}
        ).filter(bool)),
        "sets": mostly(st.integers(1, 100)),
        "rest": mostly(within(0, 3600)),
        "sides": mostly(st.sampled_from(["both", "none"]), values),
        "switch": mostly(within(0, 600)),
        "effort": mostly(st.integers(1, 100)),
    },
)  # fmt: skip
likely_sessions = st.fixed_dictionaries(
    {
        "name": mostly(st.text(st.characters(categories=["L", "N"]), min_size=1, max_size=20)),
        "hold": st.lists(likely_holds, min_size=1, max_size=4),
    },
    optional={
        "rounds": mostly(st.integers(1, 100)),
        "lead_in": mostly(within(0, 600)),
        "rest_between_rounds": mostly(within(0, 3600)),
    },
)


def loads_or_refuses(text: str) -> Session | None:
    """The session, or None when it is refused with at least one located problem."""
    try:
        result = session_from_text(text, "fuzz", LIBRARY, "fuzz.toml")
    except ValidationError as error:
        assert error.problems, "a refusal says why"
        assert all(p.file == "fuzz.toml" and p.line >= 0 for p in error.problems)
        return None
    assert isinstance(result, Session)
    return result


def keys_in(value: object) -> set[str]:
    """Every key of every table in ``value``, however deep."""
    if isinstance(value, dict):
        return set(value) | {k for inner in value.values() for k in keys_in(inner)}
    if isinstance(value, list):
        return {k for inner in value for k in keys_in(inner)}
    return set()


# Problems about the file's shape, or naming their field in words ("unknown exercise 'x'").
SHAPE = ("no holds", "'hold' must be", "must be a table of keys", "needs 'exercise'",
         "missing required key", "an inline hold must give", "needs 'beginner'", "missing '",
         "unknown exercise '")  # fmt: skip


def names_its_field(problem: Problem, data: dict) -> bool:
    """Whether the problem names a key the file has, or the shape it lacks."""
    return any(f"'{key}" in problem.what for key in keys_in(data)) or any(
        shape in problem.what for shape in SHAPE
    )


def same_number(loaded: float | None, written: object, default: float | None) -> bool:
    return loaded == (default if written is None else written)


def assert_loaded_as_written(session: Session, data: dict) -> None:
    """Each field the file gives is in the session as written; absent ones are the defaults."""
    assert session.name == data["name"]
    assert 1 <= session.rounds <= 100 and 0 <= session.rest_between_rounds <= 3600
    assert session.lead_in is None or 0 <= session.lead_in <= 600
    for hold in session.holds:
        assert 1 <= hold.sets <= 100 and 0 <= hold.rest <= 3600 and 0 <= hold.switch <= 600
        assert 1 <= hold.beginner_s <= 3600 and 1 <= hold.advanced_s <= 3600
    assert session.rounds == data.get("rounds", 1)
    assert same_number(session.lead_in, data.get("lead_in"), None)
    assert session.rest_between_rounds == data.get("rest_between_rounds", 60)
    assert len(session.holds) == len(data["hold"])
    for hold, table in zip(session.holds, data["hold"], strict=True):
        if "exercise" in table:
            # An old id (old_ids in the library) loads as the exercise it became.
            assert hold.exercise == LIBRARY[table["exercise"]].id
        assert hold.sets == table.get("sets", 1)
        assert hold.rest == table.get("rest", 30)
        assert hold.effort == table.get("effort")
        if "switch" in table:
            assert hold.switch == table["switch"]
        written = table.get("seconds")
        if isinstance(written, dict):
            for level, attr in (("beginner", "beginner_s"), ("advanced", "advanced_s")):
                if level in written:
                    assert getattr(hold, attr) == written[level]
        elif written is not None:
            assert hold.beginner_s == hold.advanced_s == written


def loads_as_written_or_names_the_field(data: dict) -> None:
    try:
        text = tomli_w.dumps(data)
    except (TypeError, ValueError):  # not representable in TOML (None, NaN keys...)
        return
    try:
        session = session_from_text(text, "fuzz", LIBRARY, "fuzz.toml")
    except ValidationError as error:
        unnamed = [str(p) for p in error.problems if not names_its_field(p, data)]
        assert error.problems and not unnamed, unnamed
        return
    assert_loaded_as_written(session, data)


@fuzz(1000)
@given(sessions)
def test_valid_shapes_with_random_values(data):
    loads_as_written_or_names_the_field(data)


@fuzz(500)
@given(likely_sessions)
def test_mostly_valid_files_load_as_written_or_name_the_field(data):
    loads_as_written_or_names_the_field(data)


@fuzz(600)
@given(st.dictionaries(st.text(max_size=12), values, max_size=6))
def test_random_toml(data):
    try:
        text = tomli_w.dumps(data)
    except (TypeError, ValueError):
        return
    loads_or_refuses(text)


@fuzz(300)
@given(st.text(max_size=300))
def test_random_text(text):
    loads_or_refuses(text)


@fuzz(300)
@given(st.binary(max_size=300))
def test_random_bytes_on_disk(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "random.toml"
    path.write_bytes(data)
    try:
        result = load_session(path, LIBRARY)
    except ValidationError:
        return
    assert isinstance(result, Session)
