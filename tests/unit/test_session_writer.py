"""Writing sessions: tidy commented TOML, atomic saves, round trips, ids and the starter."""

from __future__ import annotations

import os
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from isotimer.cli import main
from isotimer.core.session.draft import BreathingDraft, HoldDraft, SessionDraft
from isotimer.paths import Paths, bundled_sessions_dir
from isotimer.storage.problems import Problem
from isotimer.storage.sessions.draft_check import check_draft, field_for
from isotimer.storage.sessions.drafts import (
    draft_from_file,
    duplicate_target,
    edit_target,
    is_user_session,
)
from isotimer.storage.sessions.library import load_library
from isotimer.storage.sessions.loader import load_session
from isotimer.storage.sessions.writer import (
    HEADER,
    delete_session,
    new_session_id,
    save_session,
    save_text,
    session_text,
    starter_text,
)

LIBRARY, _ = load_library([bundled_sessions_dir() / "exercises.toml"])
BUNDLED = sorted(p for p in bundled_sessions_dir().glob("*.toml") if p.name != "exercises.toml")
DRAFT = SessionDraft(
    name="Knees",
    tags=("rehab",),
    lead_in=10,
    breathing=BreathingDraft(inhale=4, exhale=6),
    holds=(
        HoldDraft(exercise="wall-sit", beginner=30, advanced=60, sets=2, rest=20),
        HoldDraft(name="Towel squeeze", beginner=15, advanced=15, cues=("Squeeze", "Breathe")),
    ),
)


# -- the text ---------------------------------------------------------------------
def test_the_text_is_the_comment_header_then_the_session_then_each_hold():
    text = session_text(DRAFT)
    assert text.startswith(HEADER)
    body = text[len(HEADER) :]
    assert body == (
        "\n"
        'name = "Knees"\n'
        'tags = ["rehab"]\n'
        "lead_in = 10\n"
        "breathing = { inhale = 4, exhale = 6 }\n"
        "\n"
        "[[hold]]\n"
        'exercise = "wall-sit"\n'
        "seconds = { beginner = 30, advanced = 60 }\n"
        "sets = 2\n"
        "rest = 20\n"
        "\n"
        "[[hold]]\n"
        'name = "Towel squeeze"\n'
        "seconds = 15\n"
        'cues = ["Squeeze", "Breathe"]\n'
    )


def test_every_line_is_tidy():
    lines = session_text(DRAFT).splitlines()
    assert all(line == line.rstrip() and len(line) <= 100 for line in lines)


def test_a_long_list_is_written_one_item_a_line():
    cues = tuple(f"Cue number {n} that is fairly long" for n in range(4))
    text = session_text(SessionDraft(name="X", holds=(HoldDraft("wall-sit", cues=cues),)))
    assert 'cues = [\n    "Cue number 0 that is fairly long",\n' in text
    assert tomllib.loads(text)["hold"][0]["cues"] == list(cues)


@pytest.mark.parametrize(
    "name", ['Say "hi"', "back\\slash", "two\nlines", "Ünïcødé ✓", "tab\there"]
)
def test_awkward_text_is_escaped_and_reads_back_unchanged(name):
    assert tomllib.loads(session_text(SessionDraft(name=name)))["name"] == name


def test_the_starter_validates_like_any_file(tmp_path, capsys):
    path = tmp_path / "starter.toml"
    path.write_text(starter_text("Morning holds"))
    session = load_session(path, LIBRARY)
    assert session.name == "Morning holds" and len(session.holds) == 2
    assert main(["--data-dir", str(tmp_path / "data"), "validate", str(path)]) == 0


# -- round trips --------------------------------------------------------------------
@pytest.mark.parametrize("bundled", BUNDLED, ids=lambda p: p.stem)
def test_a_bundled_session_saved_by_the_editor_loads_back_to_the_same_session(bundled, tmp_path):
    draft = draft_from_file(bundled)
    path = save_session(tmp_path, bundled.stem, draft)
    assert load_session(path, LIBRARY) == load_session(bundled, LIBRARY)
    assert draft_from_file(path) == draft


def test_saving_an_unchanged_session_leaves_the_file_byte_for_byte(tmp_path):
    path = save_session(tmp_path, "knees", DRAFT)
    before = path.read_bytes(), path.stat().st_mtime_ns, path.stat().st_ino
    assert save_text(path, session_text(draft_from_file(path))) is False
    assert (path.read_bytes(), path.stat().st_mtime_ns, path.stat().st_ino) == before


NUMBER = st.one_of(
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=False, width=64),
)
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
# Control characters never validate (issue 15): a valid draft's texts have none.
PRINTABLE = st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=30)
OPTIONAL_NUMBER = st.none() | NUMBER
BREATHING = st.none() | st.builds(
    BreathingDraft, inhale=NUMBER, hold=OPTIONAL_NUMBER, exhale=OPTIONAL_NUMBER
)
HOLD = st.builds(
    HoldDraft,
    exercise=st.none() | TEXT,
    name=st.none() | TEXT,
    beginner=OPTIONAL_NUMBER,
    advanced=OPTIONAL_NUMBER,
    sets=OPTIONAL_NUMBER,
    rest=OPTIONAL_NUMBER,
    sides=st.none() | st.sampled_from(["both", "none"]) | TEXT,
    switch=OPTIONAL_NUMBER,
    effort=OPTIONAL_NUMBER,
    breathing=BREATHING,
    cues=st.none() | st.lists(TEXT, max_size=4).map(tuple),
)
DRAFTS = st.builds(
    SessionDraft,
    name=TEXT,
    description=st.none() | TEXT,
    tags=st.none() | st.lists(TEXT, max_size=4).map(tuple),
    level=st.none() | st.sampled_from(["beginner", "advanced"]),
    rounds=OPTIONAL_NUMBER,
    lead_in=OPTIONAL_NUMBER,
    rest_between_rounds=OPTIONAL_NUMBER,
    breathing=BREATHING,
    holds=st.lists(HOLD, max_size=4).map(tuple),
)


@given(DRAFTS)
def test_any_draft_reads_back_from_its_text_and_writes_the_same_text_again(draft):
    text = session_text(draft)
    again = SessionDraft.from_toml(tomllib.loads(text))
    assert again == draft
    assert session_text(again) == text


VALID_HOLD = st.builds(
    HoldDraft,
    exercise=st.sampled_from(sorted(LIBRARY)),
    beginner=st.none() | st.integers(1, 600),
    advanced=st.none() | st.integers(1, 600) | st.floats(1, 600),
    sets=st.none() | st.integers(1, 10),
    rest=st.none() | st.integers(0, 300),
    sides=st.none() | st.sampled_from(["both", "none"]),
    effort=st.none() | st.integers(1, 100),
)
VALID = st.builds(
    SessionDraft,
    name=PRINTABLE.filter(str.strip),
    rounds=st.none() | st.integers(1, 5),
    lead_in=st.none() | st.integers(0, 60),
    holds=st.lists(VALID_HOLD, min_size=1, max_size=4).map(tuple),
)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=50)
@given(VALID)
def test_a_valid_draft_saves_to_the_session_the_editor_showed(tmp_path, draft):
    check = check_draft(draft, LIBRARY, "generated")
    assert check.valid, check.problems
    path = save_session(tmp_path, "generated", draft)
    assert load_session(path, LIBRARY) == check.session
    assert save_text(path, session_text(draft_from_file(path))) is False


# -- saving safely ------------------------------------------------------------------
def test_save_creates_the_folder_and_leaves_no_temporary_file(tmp_path):
    folder = tmp_path / "new" / "sessions"
    path = save_session(folder, "knees", DRAFT)
    assert [p.name for p in folder.iterdir()] == ["knees.toml"]
    assert path.stat().st_mode & 0o777 == 0o644


def test_a_failed_save_keeps_the_old_file_whole_and_cleans_up(tmp_path, monkeypatch):
    path = save_session(tmp_path, "knees", DRAFT)
    old = path.read_bytes()

    def broken_replace(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="No space"):
        save_session(tmp_path, "knees", replace(DRAFT, name="Changed"))
    assert path.read_bytes() == old
    assert [p.name for p in tmp_path.iterdir()] == ["knees.toml"]


def test_delete_removes_only_that_file(tmp_path):
    save_session(tmp_path, "a", DRAFT)
    save_session(tmp_path, "b", DRAFT)
    assert delete_session(tmp_path, "a") == tmp_path / "a.toml"
    assert [p.name for p in tmp_path.iterdir()] == ["b.toml"]
    with pytest.raises(FileNotFoundError):
        delete_session(tmp_path, "a")


# -- ids ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "taken", "expected"),
    [
        ("Morning Holds!", [], "morning-holds"),
        ("Morning holds", ["morning-holds"], "morning-holds-2"),
        ("Morning holds", ["morning-holds", "morning-holds-2"], "morning-holds-3"),
        ("", [], "session"),
        ("✓✓", [], "session"),
        ("Exercises", [], "exercises-2"),
    ],
)
def test_a_new_id_is_a_slug_of_the_name_that_no_folder_uses(tmp_path, name, taken, expected):
    for stem in taken:
        (tmp_path / f"{stem}.toml").write_text("")
    assert new_session_id(name, (tmp_path / "missing", tmp_path)) == expected


def test_a_new_session_never_takes_a_bundled_id():
    assert new_session_id("Knee tendon", (bundled_sessions_dir(),)) == "knee-tendon-2"


# -- where edits are saved -----------------------------------------------------------
def test_a_bundled_session_is_edited_as_a_copy_under_its_own_id(tmp_path):
    paths = Paths(tmp_path / "data")
    session = load_session(bundled_sessions_dir() / "knee-tendon.toml", LIBRARY)
    target = edit_target(session, paths)
    assert (target.session_id, target.copy) == ("knee-tendon", True)


def test_a_users_session_is_edited_in_place_and_one_elsewhere_gets_a_new_id(tmp_path):
    paths = Paths(tmp_path / "data", (tmp_path / "extra",))
    mine = save_session(paths.user_sessions, "knees", DRAFT)
    other = save_session(tmp_path / "extra", "knees", DRAFT)
    assert edit_target(load_session(mine, LIBRARY), paths).session_id == "knees"
    elsewhere = edit_target(load_session(other, LIBRARY), paths)
    assert (elsewhere.session_id, elsewhere.copy) == ("knees-2", True)


def test_a_duplicate_is_a_new_file_named_as_a_copy(tmp_path):
    session = load_session(bundled_sessions_dir() / "knee-tendon.toml", LIBRARY)
    target = duplicate_target(session)
    assert (target.draft.name, target.session_id) == ("Knee tendon holds (copy)", None)
    assert target.draft.holds == draft_from_file(Path(session.source)).holds


def test_only_sessions_in_the_users_folder_may_be_deleted(tmp_path):
    paths = Paths(tmp_path / "data")
    mine = load_session(save_session(paths.user_sessions, "knees", DRAFT), LIBRARY)
    bundled = load_session(bundled_sessions_dir() / "knee-tendon.toml", LIBRARY)
    assert is_user_session(mine, paths) and not is_user_session(bundled, paths)


# -- problems beside their fields ------------------------------------------------------
@pytest.mark.parametrize(
    ("where", "what", "field"),
    [
        ("session", "missing required key 'name'", (None, "name")),
        ("session", "'rounds' must be a whole number, got text", (None, "rounds")),
        ("session: breathing", "missing 'exhale' seconds", (None, "breathing")),
        ("session", "no holds: add at least one [[hold]] table", (None, "hold")),
        ("hold 2", "'seconds.beginner' must be at least 1, got 0", (1, "seconds")),
        ("hold 1", "unknown exercise 'wal-sit' (did you mean 'wall-sit'?)", (0, "exercise")),
        ("hold 3", "an inline hold must give 'seconds'", (2, "seconds")),
        ("hold 1", "unknown key 'reps'", (0, "")),
        ("syntax", "Invalid value", (None, "")),
    ],
)
def test_each_problem_maps_to_the_field_it_is_about(where, what, field):
    assert field_for(Problem("x.toml", 1, where, what)) == field


def test_the_editor_reports_the_same_messages_as_validate(tmp_path, capsys):
    broken = replace(DRAFT, rounds=0, holds=(replace(DRAFT.holds[0], beginner=0),))
    check = check_draft(broken, LIBRARY, "knees")
    path = Path(tmp_path / "knees.toml")
    path.write_text(check.text)
    assert main(["--data-dir", str(tmp_path / "data"), "validate", str(path)]) == 1
    printed = capsys.readouterr().out
    assert not check.valid
    for whats in check.problems.values():
        assert all(what in printed for what in whats)
    assert set(check.problems) == {(None, "rounds"), (0, "seconds")}


# -- the commands ------------------------------------------------------------------------
def test_new_writes_a_valid_starter_and_prints_only_its_path(tmp_path, capsys):
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "new", "Morning holds"]) == 0
    assert main(["--data-dir", str(data), "new", "Morning holds"]) == 0
    paths = capsys.readouterr().out.split()
    assert paths == [
        str(data / "sessions" / f"{s}.toml") for s in ("morning-holds", "morning-holds-2")
    ]
    assert main(["--data-dir", str(data), "validate", *paths]) == 0


def test_new_refuses_a_blank_name(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path), "new", "  "]) == 2
    assert "needs a name" in capsys.readouterr().err


def test_edit_of_an_unknown_session_is_a_plain_error(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path), "edit", "knee-tendom"]) == 2
    assert "did you mean 'knee-tendon'" in capsys.readouterr().err
