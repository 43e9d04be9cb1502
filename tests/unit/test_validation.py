"""Every class of bad session file gets one clear ``FILE:LINE: where: what`` line."""

from __future__ import annotations

from pathlib import Path

import pytest

from isotimer.core.session.model import Exercise, Level, Sides
from isotimer.storage.problems import ValidationError
from isotimer.storage.sessions.loader import load_session

LIBRARY = {
    "wall-sit": Exercise("wall-sit", "Wall sit", 30, 60, cues=("Knees over toes",)),
    "side-plank": Exercise("side-plank", "Side plank", 20, 45, per_side=True),
}
GOOD_HEAD = 'name = "Mine"\n'


def problems_for(tmp_path: Path, text: str | bytes, name: str = "my.toml") -> list[str]:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    with pytest.raises(ValidationError) as caught:
        load_session(path, LIBRARY, name=name)
    return [str(p) for p in caught.value.problems]


def test_the_issue_example_unknown_key_with_did_you_mean(tmp_path):
    text = GOOD_HEAD + "\n\n\n[[hold]]\nexercise = 'wall-sit'\nsecnds = 40\n"
    assert problems_for(tmp_path, text) == [
        "my.toml:7: hold 1: unknown key 'secnds' (did you mean 'seconds'?)"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('name = "x"\n[[hold]\n', "my.toml:2: syntax:"),
        ('name = "x"\nrounds = = 2\n', "my.toml:2: syntax:"),
        ("", "my.toml:1: file: is empty"),
        ("   \n\n", "my.toml:1: file: is empty"),
        (b"name = 'x'\n\x00\x01\x02", "my.toml:2: file: contains binary data"),
        (b"name = 'caf\xe9'\n", "my.toml:1: file: is not UTF-8 text"),
        (
            'description = "no name"\n[[hold]]\nexercise = "wall-sit"\n',
            "missing required key 'name'",
        ),
        (
            'name = ""\n[[hold]]\nexercise = "wall-sit"\n',
            "my.toml:1: session: 'name' must be non-empty",
        ),
        ('name = "x"\n', "my.toml:1: session: no holds"),
        ('name = "x"\nhold = []\n', "my.toml:2: session: 'hold' must be one or more"),
        (
            'name = "x"\nrounds = "two"\n[[hold]]\nexercise = "wall-sit"\n',
            "my.toml:2: session: 'rounds' must be a whole number, got text",
        ),
        (
            'name = "x"\nrounds = 0\n[[hold]]\nexercise = "wall-sit"\n',
            "my.toml:2: session: 'rounds' must be at least 1, got 0",
        ),
        (
            'name = "x"\nrounds = 2.5\n[[hold]]\nexercise = "wall-sit"\n',
            "'rounds' must be a whole number, got float",
        ),
        (
            'name = "x"\nlead_in = -1\n[[hold]]\nexercise = "wall-sit"\n',
            "my.toml:2: session: 'lead_in' must be at least 0, got -1",
        ),
        (
            'name = "x"\nlevel = "advancd"\n[[hold]]\nexercise = "wall-sit"\n',
            "(did you mean 'advanced'?)",
        ),
        (
            'name = "x"\ntags = "home"\n[[hold]]\nexercise = "wall-sit"\n',
            "my.toml:2: session: 'tags' must be a list",
        ),
        (
            'name = "x"\nbreathing = { inhale = 3 }\n[[hold]]\nexercise = "wall-sit"\n',
            "my.toml:2: session: breathing: missing 'exhale' seconds",
        ),
        (
            'name = "x"\nbreathing = { inhale = 0, exhale = 3 }\n[[hold]]\nexercise = "wall-sit"\n',
            "'breathing.inhale' must be at least 0.5",
        ),
        (
            'name = "x"\nbreathing = 4\n[[hold]]\nexercise = "wall-sit"\n',
            "'breathing' must be a table",
        ),
        (
            'name = "x"\ncolour = "red"\n[[hold]]\nexercise = "wall-sit"\n',
            "my.toml:2: session: unknown key 'colour'",
        ),
    ],
)
def test_session_level_errors(tmp_path, text, expected):
    found = problems_for(tmp_path, text)
    assert any(expected in line for line in found), found


HOLD_CASES = [
    (
        'exercise = "wal-sit"',
        "my.toml:3: hold 1: unknown exercise 'wal-sit' (did you mean 'wall-sit'?)",
    ),
    ('exercise = "zzz"', "my.toml:3: hold 1: unknown exercise 'zzz'"),
    ("seconds = 30", "my.toml:2: hold 1: needs"),
    ('name = "Mine"', "my.toml:2: hold 1: an inline hold must give 'seconds'"),
    (
        'exercise = "wall-sit"\nseconds = 0',
        "my.toml:4: hold 1: 'seconds' must be at least 1, got 0",
    ),
    ('exercise = "wall-sit"\nseconds = -5', "'seconds' must be at least 1, got -5"),
    (
        'exercise = "wall-sit"\nseconds = 1e300',
        "my.toml:4: hold 1: 'seconds' must be at most an hour (3600 s), got 1e+300",
    ),
    ('exercise = "wall-sit"\nseconds = 3601', "must be at most an hour"),
    ('exercise = "wall-sit"\nseconds = nan', "'seconds' must be a finite number"),
    ('exercise = "wall-sit"\nseconds = inf', "'seconds' must be a finite number"),
    ('exercise = "wall-sit"\nseconds = "30"', "'seconds' must be a number, got text"),
    ('exercise = "wall-sit"\nseconds = true', "'seconds' must be a number, got true/false"),
    (
        'exercise = "wall-sit"\nseconds = { beginer = 20 }',
        "unknown key 'beginer' (did you mean 'beginner'?)",
    ),
    ('exercise = "wall-sit"\nseconds = { advanced = 0 }', "'seconds.advanced' must be at least 1"),
    ('exercise = "wall-sit"\nsets = 0', "my.toml:4: hold 1: 'sets' must be at least 1, got 0"),
    ('exercise = "wall-sit"\nsets = 1000', "'sets' must be at most 100"),
    ('exercise = "wall-sit"\nrest = -30', "my.toml:4: hold 1: 'rest' must be at least 0, got -30"),
    (
        'exercise = "wall-sit"\nsides = "left"',
        "my.toml:4: hold 1: 'sides' must be 'both' or 'none', got 'left'",
    ),
    ('exercise = "wall-sit"\nsides = "bothh"', "(did you mean 'both'?)"),
    ('exercise = "wall-sit"\nswitch = -1', "'switch' must be at least 0"),
    ('exercise = "wall-sit"\ncues = "knees out"', "'cues' must be a list of non-empty texts"),
    ('exercise = "wall-sit"\neffort = 170', "'effort' must be at most 100, got 170"),
    ('exercise = "wall-sit"\neffort = 0', "'effort' must be at least 1"),
    (
        'exercise = "wall-sit"\nbreathing = { inhale = 3, exhale = 3, hold = -1 }',
        "'breathing.hold' must be at least 0",
    ),
    ("exercise = 12", "'exercise' must be text, got 12"),
]


@pytest.mark.parametrize(("body", "expected"), HOLD_CASES)
def test_hold_level_errors(tmp_path, body, expected):
    found = problems_for(tmp_path, f"{GOOD_HEAD}[[hold]]\n{body}\n")
    assert any(expected in line for line in found), found


def test_every_problem_in_a_file_is_reported_with_its_own_line(tmp_path):
    text = (
        GOOD_HEAD
        + "rounds = 0\n[[hold]]\nexercise = 'wall-sit'\nsets = 0\n[[hold]]\nexercise = 'nope'\n"
    )
    found = problems_for(tmp_path, text)
    assert [line.split(": ")[0] for line in found] == ["my.toml:2", "my.toml:5", "my.toml:7"]
    assert [line.split(": ")[1] for line in found] == ["session", "hold 1", "hold 2"]


def test_a_valid_file_resolves_library_defaults(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(
        'name = "Mine"\nlevel = "advanced"\nrounds = 2\n'
        '[[hold]]\nexercise = "side-plank"\n'
        '[[hold]]\nexercise = "wall-sit"\nseconds = { beginner = 25 }\neffort = 70\n'
        '[[hold]]\nname = "Towel grip"\nseconds = 20\nsides = "both"\n'
    )
    session = load_session(path, LIBRARY)
    plank, wall, towel = session.holds
    assert session.id == "mine" and session.level is Level.ADVANCED and session.rounds == 2
    assert (plank.sides, plank.beginner_s, plank.advanced_s) == (Sides.BOTH, 20, 45)
    assert (wall.beginner_s, wall.advanced_s, wall.effort) == (25, 60, 70)
    assert wall.cues == ("Knees over toes",)
    assert (towel.exercise, towel.beginner_s, towel.advanced_s) == ("towel-grip", 20, 20)
    assert session.lead_in is None


def test_a_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "bom.toml"
    path.write_bytes(b'\xef\xbb\xbfname = "B"\n[[hold]]\nexercise = "wall-sit"\n')
    assert load_session(path, LIBRARY).name == "B"


def test_an_unreadable_path_is_a_problem_not_a_traceback(tmp_path):
    with pytest.raises(ValidationError) as caught:
        load_session(tmp_path / "missing.toml", LIBRARY)
    assert "cannot be read" in str(caught.value)
