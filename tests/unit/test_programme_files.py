"""Programme files: every bundled one loads, every mistake is one ``FILE:LINE: where: what``."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from isotimer.cli import main
from isotimer.core.programme.phases import Phase, apply_phase
from isotimer.core.session.model import Level, Progress
from isotimer.paths import Paths, bundled_programmes_dir
from isotimer.storage.problems import ValidationError
from isotimer.storage.programmes.catalog import load_programmes
from isotimer.storage.programmes.loader import load_programme
from isotimer.storage.sessions.catalog import load_catalog
from tests.unit.factories import hold, session

SESSIONS = ("runner-setup", "recovery-day", "knee-tendon")
HEAD = 'name = "Mine"\n'
PHASE = '[[phase]]\nname = "One"\nsessions = ["runner-setup"]\nweeks = 2\n'


def problems_for(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "mine.toml"
    path.write_text(text)
    with pytest.raises(ValidationError) as caught:
        load_programme(path, SESSIONS)
    return [str(p).replace(str(path), "mine.toml") for p in caught.value.problems]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (HEAD + "per_wek = 2\n" + PHASE,
         ["mine.toml:2: programme: unknown key 'per_wek' (did you mean 'per_week'?)"]),
        (HEAD + PHASE.replace('"runner-setup"', '"runner-setp"'),
         ["mine.toml:4: phase 1: unknown session 'runner-setp' (did you mean 'runner-setup'?)"]),
        (HEAD + PHASE + "wekks = 3\n",
         ["mine.toml:6: phase 1: unknown key 'wekks' (did you mean 'weeks'?)"]),
        (HEAD + PHASE.replace("weeks = 2", "weeks = 0"),
         ["mine.toml:5: phase 1: 'weeks' must be at least 1, got 0"]),
        (HEAD + PHASE + 'advance = { sessions = 2, morning = "better" }\n',
         ["mine.toml:6: phase 1: advance: 'morning' must be 'not-worse', got 'better'"]),
        (HEAD + PHASE + "advance = { sesions = 2 }\n",
         ["mine.toml:6: phase 1: advance: unknown key 'sesions' (did you mean 'sessions'?)"]),
        (HEAD + PHASE + "deload = 1\n", ["mine.toml:6: phase 1: 'deload' must be true/false"]),
        (HEAD + "per_week = 9\n" + PHASE,
         ["mine.toml:2: programme: 'per_week' must be at most 7, got 9"]),
        (HEAD, ["mine.toml:1: programme: needs at least one [[phase]] table"]),
        (PHASE, ["mine.toml:1: programme: missing required key 'name'"]),
    ],
)  # fmt: skip
def test_each_mistake_is_one_line(tmp_path, text, expected):
    assert problems_for(tmp_path, text) == expected


def test_every_bundled_programme_loads_against_the_bundled_sessions(isolated_data_dir):
    paths = Paths(isolated_data_dir)
    programmes, problems = load_programmes(paths, load_catalog(paths).sessions)
    assert problems == []
    assert set(programmes) == {f.stem for f in bundled_programmes_dir().glob("*.toml")}
    base = programmes["runners-base"]
    assert (base.per_week, base.expected_weeks) == (2, 8)
    assert any(phase.deload for phase in base.phases)
    assert programmes["race-build"].phases[-1].deload


def test_validate_treats_a_phase_file_as_a_programme_anywhere(tmp_path, capsys):
    mine = tmp_path / "sessions-look-alike.toml"
    mine.write_text(HEAD + PHASE.replace('"runner-setup"', '"knee-tendn"'))
    assert main(["validate", str(mine), *map(str, bundled_programmes_dir().glob("*.toml"))]) == 1
    assert capsys.readouterr().out.strip() == (
        f"{mine}:4: phase 1: unknown session 'knee-tendn' (did you mean 'knee-tendon'?)"
    )


def test_applying_a_phase_changes_level_effort_seconds_and_sets():
    base = session(hold(seconds=40, sets=2), replace(hold(seconds=30), effort=70))
    changed = apply_phase(
        base, Phase("p", ("x",), 1, level=Level.ADVANCED, effort=80, seconds=1.5, sets=1)
    )
    assert changed.level is Level.ADVANCED
    assert [(h.beginner_s, h.sets, h.effort) for h in changed.holds] == [(60, 3, 80), (45, 2, 80)]


def test_a_deload_takes_a_set_off_and_turns_progression_off():
    base = session(hold(seconds=40, sets=3), hold(seconds=30, sets=1))
    light = apply_phase(base, Phase("p", ("x",), 1, sets=2, deload=True))
    assert [h.sets for h in light.holds] == [2, 1]
    assert light.progress is Progress.NONE
    assert apply_phase(base, Phase("p", ("x",), 1)) == base
