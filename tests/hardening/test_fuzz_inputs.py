"""Hypothesis over every file isotimer reads: a result or a clear refusal, never a traceback.

Each reader gets the seed corpus of issue 15 (``corpus.py``) as explicit examples, then
mutations of it: bytes spliced in, huge numbers, deep brackets, control characters. A
case that takes over 5 s fails. The budget is fixed (about 1,700 cases, 20-40 s in CI).
"""

from __future__ import annotations

import time
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from isotimer.core.session.model import Session
from isotimer.core.text.printable import first_control
from isotimer.paths import bundled_sessions_dir
from isotimer.storage.history.transfer import TransferError, export_holds, parse_import
from isotimer.storage.problems import ValidationError
from isotimer.storage.sessions.library import load_library
from isotimer.storage.sessions.loader import load_session
from isotimer.storage.settings import VOICE_PROGRAMS, Settings, load_settings
from tests.hardening import corpus
from tests.unit.history_factories import hold_record

LIBRARY = load_library([bundled_sessions_dir() / "exercises.toml"])[0]
GOOD_SESSION = (bundled_sessions_dir() / "full-circuit.toml").read_text()
GOOD_IMPORTS = {fmt: export_holds([hold_record(id="a"), hold_record(id="b")], fmt) for fmt in
                ("json", "csv", "toml")}  # fmt: skip
HANG_S = 5.0
# What a mutation splices in: the pieces that broke the readers before.
PIECES = st.sampled_from(
    [corpus.HUGE_INT, corpus.LONG_INT, *corpus.HUGE_FLOATS, *corpus.ESCAPES, *corpus.INVISIBLES,
     "[" * 600, "{a=" * 300,
     "\ud800", '"""', "'''", "\\", "\x00", "\r\n", "#", "=", ".", "a." * 2000, "[[hold]]", "-0"]
)  # fmt: skip


def fuzz(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        database=None,  # the same cases every run: a fixed budget, no growing corpus
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                               HealthCheck.data_too_large],
    )  # fmt: skip


@st.composite
def mutated(draw, seeds: list[str]) -> bytes:
    """A seed with a few pieces, random text or random bytes spliced in at random places."""
    text = draw(st.sampled_from(seeds))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        piece = draw(PIECES | st.text(max_size=20))
        cut = draw(st.integers(0, 5))
        text = text[:at] + piece + text[at + cut :]
    data = text.encode("utf-8", "surrogatepass")
    if draw(st.booleans()) and data:
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + draw(st.binary(max_size=8)) + data[at + 1 :]
    return data


def quickly(call) -> None:
    start = time.perf_counter()
    call()
    assert time.perf_counter() - start < HANG_S


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


SESSION_SEEDS = [GOOD_SESSION, *corpus.SESSION_FILES.values()]


@fuzz(500)
@given(mutated(SESSION_SEEDS))
@example(corpus.SESSION_FILES["huge-int"].encode())
@example(corpus.SESSION_FILES["deep-array"].encode())
@example(corpus.SESSION_FILES["dotted"].encode())
def test_session_files(tmp_path_factory, data):
    path = write(tmp_path_factory.mktemp("s"), "fuzz.toml", data)

    def load() -> None:
        try:
            loaded = load_session(path, LIBRARY)
            assert isinstance(loaded, Session)
            # Nothing invisible gets into a name or a cue: it would disguise the session.
            texts = [loaded.name, *(cue for hold in loaded.holds for cue in hold.cues)]
            assert all(first_control(text) is None for text in texts)
        except ValidationError as error:
            assert all(p.line >= 1 and "\x1b" not in str(p) for p in error.problems)

    quickly(load)


LIBRARY_SEEDS = [(bundled_sessions_dir() / "exercises.toml").read_text()[:3000],
                 *corpus.LIBRARY_FILES.values()]  # fmt: skip


@fuzz(400)
@given(mutated(LIBRARY_SEEDS))
def test_library_files(tmp_path_factory, data):
    path = write(tmp_path_factory.mktemp("l"), "exercises.toml", data)
    quickly(lambda: load_library([path]))


@fuzz(400)
@given(mutated([*corpus.SETTINGS_FILES.values(), 'level = "advanced"\nlead_in = 3\n']))
def test_settings_files(tmp_path_factory, data):
    path = write(tmp_path_factory.mktemp("t"), "settings.toml", data)

    def load() -> None:
        loaded, messages = load_settings(path)
        assert isinstance(loaded, Settings) and all(isinstance(m, str) for m in messages)
        assert loaded.voice_program in VOICE_PROGRAMS  # never a path: no file runs a program

    quickly(load)


@fuzz(400)
@given(mutated([*GOOD_IMPORTS.values(), *corpus.IMPORT_FILES.values()]), st.sampled_from(
    [None, "json", "csv", "toml"]))  # fmt: skip
@example(corpus.IMPORT_FILES["held-5000-digits"].encode(), "json")
@example(corpus.IMPORT_FILES["deep"].encode(), None)
def test_import_files(data, fmt):
    def parse() -> None:
        try:
            records, rejected = parse_import(data, fmt)
        except TransferError as error:
            assert str(error)
            return
        for record in records:
            assert 0 <= record.held_s <= 86_400 and 0 < record.target_s <= 86_400
            assert first_control(record.session_name + record.exercise_name) is None
            assert first_control(record.note, multiline=True) is None
        assert all(isinstance(reason, str) for _, reason in rejected)

    quickly(parse)
