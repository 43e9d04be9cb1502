"""Session numbers that never move, who a session belongs to, and names that stay unique."""

from __future__ import annotations

import pytest

from isotimer.cli import main
from isotimer.paths import Paths
from isotimer.storage.sessions.catalog import Origin, load_catalog

from .test_catalog import write

PLANK = '\n[[hold]]\nexercise = "plank"\n'


def ids(paths: Paths) -> list[str]:
    return [s.id for s in load_catalog(paths).ordered_sessions()]


def test_bundled_sessions_come_first_in_a_fixed_order_whatever_the_user_adds(tmp_path):
    before = ids(Paths(tmp_path))
    write(tmp_path / "sessions", "aaa.toml", 'name = "Aaa first by name"' + PLANK)
    write(tmp_path / "sessions", "zzz.toml", 'name = "Zzz"' + PLANK)
    after = ids(Paths(tmp_path))
    assert after[: len(before)] == before
    assert after[len(before) :] == ["aaa", "zzz"]
    assert before.index("recovery-day") == 6  # the README's "7, Enter"


def test_an_edited_copy_keeps_the_bundled_place_and_is_marked_edited(tmp_path):
    before = ids(Paths(tmp_path))
    write(tmp_path / "sessions", "recovery-day.toml", 'name = "Zz my recovery"' + PLANK)
    catalog = load_catalog(Paths(tmp_path))
    assert ids(Paths(tmp_path)) == before
    assert catalog.origin("recovery-day") is Origin.EDITED
    assert catalog.origin("knee-tendon") is Origin.BUNDLED


@pytest.mark.parametrize("folder", ["sessions", "extra"])
def test_a_session_of_the_users_own_is_marked_own(tmp_path, folder):
    write(tmp_path / folder, "mine.toml", 'name = "Mine"' + PLANK)
    catalog = load_catalog(Paths(tmp_path, (tmp_path / "extra",)))
    assert catalog.origin("mine") is Origin.OWN


def test_a_shared_name_lists_the_candidates_instead_of_picking_one(tmp_path):
    write(tmp_path / "sessions", "mine.toml", 'name = "Recovery day"' + PLANK)
    with pytest.raises(LookupError) as raised:
        load_catalog(Paths(tmp_path)).find("recovery DAY")
    message = raised.value.args[0]
    assert "2 sessions are called 'recovery DAY'" in message
    assert "recovery-day (bundled)" in message and "mine (own)" in message


def test_an_id_still_finds_one_of_two_sessions_that_share_a_name(tmp_path):
    write(tmp_path / "sessions", "mine.toml", 'name = "Recovery day"' + PLANK)
    assert load_catalog(Paths(tmp_path)).find("mine").id == "mine"


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        ("Quick quads", "Quick quads"),
        ("Recovery day", "Recovery day 2"),
        ("RECOVERY DAY", "RECOVERY DAY 2"),
    ],
)
def test_a_free_name_is_suffixed_only_when_taken(tmp_path, asked, expected):
    assert load_catalog(Paths(tmp_path)).free_name(asked) == expected


def test_new_with_a_taken_name_makes_a_unique_one_and_says_so(tmp_path, capsys):
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "new", "Recovery day"]) == 0
    assert main(["--data-dir", str(data), "new", "Recovery day"]) == 0
    names = sorted(s.name for s in load_catalog(Paths(data)).sessions.values())
    assert names.count("Recovery day") == 1
    assert {"Recovery day 2", "Recovery day 3"} <= set(names)
    assert (
        "already called 'Recovery day', so this one is 'Recovery day 3'" in capsys.readouterr().err
    )


def test_show_with_an_ambiguous_name_names_the_candidates(tmp_path, capsys):
    write(tmp_path / "data" / "sessions", "mine.toml", 'name = "Recovery day"' + PLANK)
    assert main(["--data-dir", str(tmp_path / "data"), "show", "Recovery day"]) != 0
    err = capsys.readouterr().err
    assert "recovery-day (bundled), mine (own)" in err
