"""The bundled coaching content issue 23 asks for: harder holds, screening, cool-downs, caps."""

from __future__ import annotations

import pytest

from isotimer.cli import main
from isotimer.core.programme.phases import apply_phase
from isotimer.core.session.model import Level
from isotimer.paths import Paths
from isotimer.storage.programmes.catalog import load_programmes
from isotimer.storage.sessions.catalog import load_catalog


@pytest.fixture
def bundled(isolated_data_dir):
    catalog = load_catalog(Paths(isolated_data_dir))
    programmes, problems = load_programmes(Paths(isolated_data_dir), catalog.sessions)
    assert problems == [] and catalog.problems == []
    return catalog, programmes


@pytest.mark.parametrize(
    ("programme", "easier", "harder"),
    [
        ("knee-tendon-rehab", "spanish-squat", "decline-single-leg-squat-hold"),
        ("achilles-rehab", "isometric-heel-raise", "step-heel-raise-hold"),
    ],
)
def test_phase_4_of_each_rehab_programme_holds_a_real_harder_variation(
    bundled, programme, easier, harder
):
    catalog, programmes = bundled
    last = programmes[programme].phases[3]
    runs = [apply_phase(catalog.sessions[s], last, catalog.library) for s in last.sessions]
    assert {hold.exercise for session in runs for hold in session.holds} == {harder}
    assert catalog.library[easier].harder_id == harder
    assert catalog.library[harder].per_side  # one leg at a time


@pytest.mark.parametrize("programme", ["knee-tendon-rehab", "achilles-rehab"])
def test_a_rehab_programme_shows_its_screening_note_on_start(bundled, capsys, programme):
    assert bundled[1][programme].rehab
    assert main(["programme", "start", programme]) == 0
    said = capsys.readouterr().out
    assert "Before you start:" in said and "physio or doctor" in said


def test_race_builds_race_week_is_one_session(bundled):
    race = bundled[1]["race-build"].phases[-1]
    assert (race.name, race.per_week) == ("Race week", 1)


def test_wall_press_advanced_is_near_maximal_and_side_plank_caps_at_45_s(bundled):
    catalog, _ = bundled
    press = next(h for h in catalog.sessions["full-circuit"].holds if h.exercise == "wall-press")
    assert press.effort_for(Level.ADVANCED) >= 90 > press.effort_for(Level.BEGINNER)
    assert catalog.library["side-plank"].max_s == 45


def test_every_bundled_session_but_the_finisher_ends_with_a_1_to_3_minute_cool_down(bundled):
    catalog, _ = bundled
    for session in catalog.sessions.values():
        total = sum(block.seconds for block in session.cool_down)
        if session.id == "wall-sit-finisher":
            assert total == 0
        else:
            assert total >= 60, session.id
            assert all(60 <= block.seconds <= 180 for block in session.cool_down), session.id


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('rehab = "yes"', "'rehab' must be true/false"),
        ("screening = 3", "'screening' must be text"),
    ],
)
def test_programme_rehab_keys_are_checked(tmp_path, capsys, line, message):
    bad = tmp_path / "bad.toml"
    bad.write_text(
        f'name = "Bad"\n{line}\n[[phase]]\nname = "P"\nsessions = ["knee-tendon"]\nweeks = 1\n'
    )
    assert main(["validate", str(bad)]) == 1
    assert message in capsys.readouterr().out


@pytest.mark.parametrize(
    ("line", "message"),
    [('harder = "yes"', "'harder' must be true/false"), ("per_week = 9", "per_week")],
)
def test_phase_harder_and_per_week_are_checked(tmp_path, capsys, line, message):
    bad = tmp_path / "bad.toml"
    bad.write_text(
        f'name = "Bad"\n[[phase]]\nname = "P"\nsessions = ["knee-tendon"]\nweeks = 1\n{line}\n'
    )
    assert main(["validate", str(bad)]) == 1
    assert message in capsys.readouterr().out
