"""Hold tests in session files: ``seconds = "max"``, ``cap`` and ``from_test``."""

from __future__ import annotations

from pathlib import Path

import pytest

from isotimer.core.session.draft import HoldDraft
from isotimer.core.session.model import Exercise, Level
from isotimer.core.session.plan import build_plan
from isotimer.paths import Paths
from isotimer.storage.problems import ValidationError
from isotimer.storage.sessions.catalog import load_catalog
from isotimer.storage.sessions.loader import load_session
from tests.unit.cli_helpers import check, json_of

LIBRARY = {
    "wall-sit": Exercise("wall-sit", "Wall sit", 30, 60),
    "side-plank": Exercise("side-plank", "Side plank", 20, 45, per_side=True),
}
HEAD = 'name = "Test day"\n[[hold]]\n'


def load(tmp_path: Path, text: str):
    path = tmp_path / "mine.toml"
    path.write_text(HEAD + text)
    return load_session(path, LIBRARY, name="mine.toml")


def problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        load(tmp_path, text)
    return [str(problem) for problem in caught.value.problems]


@pytest.mark.parametrize(
    ("text", "cap"),
    [
        ('exercise = "wall-sit"\nseconds = "max"\n', 300.0),
        ('exercise = "wall-sit"\nseconds = "max"\ncap = 90\n', 90.0),
        ('name = "Dead hang"\nseconds = "max"\ncap = 10\n', 10.0),
    ],
)
def test_seconds_max_is_a_test_whose_times_are_its_cap(tmp_path, text, cap):
    hold = load(tmp_path, text).holds[0]
    assert hold.test and hold.beginner_s == hold.advanced_s == cap


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'exercise = "wall-sit"\nseconds = "most"\n',
            "mine.toml:4: hold 1: 'seconds' must be a number, got text 'most'"
            ' ("max" makes a hold test)',
        ),
        (
            'exercise = "wall-sit"\nseconds = "max"\ncap = 9\n',
            "mine.toml:5: hold 1: 'cap' must be at least 10, got 9",
        ),
        (
            'exercise = "wall-sit"\nseconds = "max"\ncap = 3601\n',
            "mine.toml:5: hold 1: 'cap' must be at most an hour (3600 s), got 3601",
        ),
        (
            'exercise = "wall-sit"\nseconds = 30\ncap = 60\n',
            """mine.toml:5: hold 1: 'cap' is for a hold test only: set seconds = "max\"""",
        ),
        (
            'exercise = "wall-sit"\nfrom_test = 1.5\n',
            "mine.toml:4: hold 1: 'from_test' must be at most 1, got 1.5",
        ),
        (
            'exercise = "wall-sit"\nfrom_test = 0.1\n',
            "mine.toml:4: hold 1: 'from_test' must be at least 0.2, got 0.1",
        ),
        (
            'exercise = "wall-sit"\nseconds = "max"\nfrom_test = 0.5\n',
            "mine.toml:5: hold 1: 'from_test' is for a training hold, not a hold test"
            ' (seconds = "max")',
        ),
    ],
)
def test_validate_names_the_line_of_each_bad_test_key(tmp_path, text, expected):
    assert problems(tmp_path, text) == [expected]


def test_from_test_is_kept_on_a_training_hold(tmp_path):
    hold = load(tmp_path, 'exercise = "wall-sit"\nfrom_test = 0.7\n').holds[0]
    assert hold.from_test == 0.7 and not hold.test and hold.beginner_s == 30


def test_a_test_keeps_its_cap_whatever_targets_say(tmp_path):
    session = load(tmp_path, 'exercise = "side-plank"\nseconds = "max"\ncap = 120\n')
    plan = build_plan(session, Level.ADVANCED, targets={"side-plank": 40, "side-plank:left": 35})
    assert [(step.seconds, step.is_test) for step in plan.hold_steps] == [(120, True)] * 2


def test_the_editor_draft_keeps_the_test_keys():
    table = {"exercise": "wall-sit", "seconds": "max", "cap": 200}
    assert HoldDraft.from_toml(table).to_toml() == table
    training = {"exercise": "wall-sit", "from_test": 0.8}
    assert HoldDraft.from_toml(training).to_toml() == training


def test_show_lists_a_test_to_failure_with_its_cap(capsys, tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(HEAD + 'exercise = "wall-sit"\nseconds = "max"\ncap = 120\n')
    code, document = json_of(capsys, "show", str(path), "--json")
    assert code == 0
    check(document, "show")
    hold = next(step for step in document["steps"] if step["kind"] == "hold")
    assert hold["test"] is True and hold["seconds"] == 120
    from isotimer.cli import main

    assert main(["show", str(path)]) == 0
    assert "Wall sit\tto failure (cap 120 s)" in capsys.readouterr().out


def test_the_bundled_hold_test_tests_four_holds_to_failure_and_is_numbered_last(tmp_path):
    catalog = load_catalog(Paths(tmp_path))
    session = catalog.sessions["hold-test"]
    assert session.name == "Hold test" and session.warm_up and session.cool_down
    assert [(h.exercise, h.sides.value) for h in session.holds] == [
        ("wall-sit", "none"),
        ("side-plank", "both"),
        ("glute-bridge-hold", "none"),
        ("single-leg-calf-raise-hold", "both"),
    ]
    plan = build_plan(session)
    assert all(step.is_test for step in plan.hold_steps) and len(plan.hold_steps) == 6
    between = [s.seconds for s in plan.steps if s.kind.value in ("rest", "switch")]
    assert all(120 <= seconds <= 180 for seconds in between)
    ordered = [s.id for s in catalog.ordered_sessions()]
    assert ordered.index("recovery-day") == 6 and ordered.index("hold-test") == 8


def test_the_editor_writes_the_hold_test_back_as_the_same_session(tmp_path):
    import tomllib

    from isotimer.core.session.draft import SessionDraft
    from isotimer.storage.sessions.writer import session_text

    catalog = load_catalog(Paths(tmp_path))
    bundled = catalog.sessions["hold-test"]
    draft = SessionDraft.from_toml(tomllib.loads(Path(bundled.source).read_text()))
    copy = tmp_path / "hold-test.toml"
    copy.write_text(session_text(draft))
    assert load_session(copy, catalog.library) == bundled
