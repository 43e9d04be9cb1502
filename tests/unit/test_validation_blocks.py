"""Bad warm-up and cool-down blocks get the same ``FILE:LINE: where: what`` lines as holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from isotimer.core.session.model import Block
from isotimer.storage.sessions.loader import load_session, session_from_text
from tests.unit.test_validation import LIBRARY, problems_for

HEAD = 'name = "Mine"\n[[hold]]\nexercise = "wall-sit"\n'


@pytest.mark.parametrize(
    ("blocks", "expected"),
    [
        (
            '[[warm_up]]\nname = "Bike"\nsecnds = 300\n',
            [
                "my.toml:6: warm_up 1: unknown key 'secnds' (did you mean 'seconds'?)",
                "my.toml:4: warm_up 1: missing required key 'seconds'",
            ],
        ),
        ("[[warm_up]]\nseconds = 300\n", ["my.toml:4: warm_up 1: missing required key 'name'"]),
        (
            '[[warm_up]]\nname = "Bike"\nseconds = 0\n',
            ["my.toml:6: warm_up 1: 'seconds' must be at least 1, got 0"],
        ),
        (
            '[[cool_down]]\nname = "Breathe"\nseconds = "two minutes"\n',
            ["my.toml:6: cool_down 1: 'seconds' must be a number, got text"],
        ),
        (
            '[[cool_down]]\nname = "Breathe"\nseconds = 7200\n',
            ["my.toml:6: cool_down 1: 'seconds' must be at most an hour (3600 s), got 7200"],
        ),
        (
            '[[cool_down]]\nname = "A"\nseconds = 60\n[[cool_down]]\nname = ""\nseconds = 60\n',
            ["my.toml:8: cool_down 2: 'name' must be non-empty text, got ''"],
        ),
        (
            '[[warm_up]]\nname = "Swings"\nseconds = 60\ncues = "swing"\n',
            ["my.toml:7: warm_up 1: 'cues' must be a list of non-empty texts"],
        ),
    ],
)
def test_a_bad_block_names_its_line_list_and_key(tmp_path, blocks, expected):
    found = problems_for(tmp_path, HEAD + blocks)
    assert len(found) == len(expected)
    for line, start in zip(found, expected, strict=True):
        assert line.startswith(start)


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        (
            'warm_up = "five minutes of bike"\n',
            ["my.toml:2: session: 'warm_up' must be a list of { name, seconds, cues } blocks"],
        ),
        ("warm_up = [300]\n", ["my.toml:2: warm_up 1: must be a table such as"]),
        (
            'cooldown = [{ name = "Breathe", seconds = 60 }]\n',
            ["my.toml:2: session: unknown key 'cooldown' (did you mean 'cool_down'?)"],
        ),
        (
            'warm_up = [{ name = "Bike", secs = 60 }]\n',
            [
                "my.toml:2: warm_up 1: unknown key 'secs' (did you mean 'seconds'?)",
                "my.toml:2: warm_up 1: missing required key 'seconds'",
            ],
        ),
    ],
)
def test_a_bad_top_level_list_names_the_session_or_its_block(tmp_path, top, expected):
    found = problems_for(tmp_path, 'name = "Mine"\n' + top + HEAD.partition("\n")[2])
    assert len(found) == len(expected)
    for line, start in zip(found, expected, strict=True):
        assert line.startswith(start)


def test_good_blocks_in_either_toml_form_load_in_order(tmp_path):
    text = (
        'name = "Mine"\n'
        'warm_up = [{ name = "Bike", seconds = 300, cues = ["Easy"] }]\n'
        '[[hold]]\nexercise = "wall-sit"\n'
        '[[cool_down]]\nname = "Breathe"\nseconds = 120\n'
        '[[cool_down]]\nname = "Stretch"\nseconds = 60\n'
    )
    path = tmp_path / "mine.toml"
    path.write_text(text)
    loaded = load_session(path, LIBRARY)
    assert loaded.warm_up == (Block("Bike", 300, ("Easy",)),)
    assert loaded.cool_down == (Block("Breathe", 120), Block("Stretch", 60))


def test_a_session_without_blocks_has_none():
    loaded = session_from_text(HEAD, "mine", LIBRARY, "mine.toml")
    assert (loaded.warm_up, loaded.cool_down) == ((), ())


def test_every_block_problem_is_reported_at_once(tmp_path: Path):
    text = HEAD + '[[warm_up]]\nname = 1\nseconds = -5\n[[cool_down]]\nname = "x"\n'
    assert len(problems_for(tmp_path, text)) == 3


MULTI_LINE = (
    'name = "Mine"\n'
    "warm_up = [\n"
    '    { name = "Bike", seconds = 300 },\n'
    '    { name = "Swings", secs = 60 },  # a comment with a [ bracket\n'
    '    { name = "Say \\"hi\\" [x]", seconds = -1 },\n'
    "]\n"
    "tags = [\n"
    '    "a",\n'
    '    "b = c",\n'
    "]\n"
    "rounds = 0\n"
    '[[hold]]\nexercise = "wall-sit"\n'
)


def test_blocks_written_one_inline_table_a_line_point_at_their_own_lines(tmp_path):
    assert problems_for(tmp_path, MULTI_LINE) == [
        "my.toml:11: session: 'rounds' must be at least 1, got 0",
        "my.toml:4: warm_up 2: unknown key 'secs' (did you mean 'seconds'?)",
        "my.toml:4: warm_up 2: missing required key 'seconds'",
        "my.toml:5: warm_up 3: 'seconds' must be at least 1, got -1",
    ]
