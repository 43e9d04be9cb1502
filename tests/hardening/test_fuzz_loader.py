"""The session loader under random input: a session or a ValidationError, never anything else.

Three generators, 2,000+ cases a run between them: valid-shaped files with
random values, random TOML of any shape, and random bytes on disk.
"""

from __future__ import annotations

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from isotimer.core.model import Session
from isotimer.paths import bundled_sessions_dir
from isotimer.storage.library import load_library
from isotimer.storage.problems import ValidationError
from isotimer.storage.sessions.loader import load_session, session_from_text

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


def loads_or_refuses(text: str) -> None:
    try:
        result = session_from_text(text, "fuzz", LIBRARY, "fuzz.toml")
    except ValidationError:
        return
    assert isinstance(result, Session)


@fuzz(1000)
@given(sessions)
def test_valid_shapes_with_random_values(data):
    try:
        text = tomli_w.dumps(data)
    except (TypeError, ValueError):  # not representable in TOML (None, NaN keys...)
        return
    loads_or_refuses(text)


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
