"""Loading every folder: overrides, broken files reported, lookups by id, name and path."""

from __future__ import annotations

from pathlib import Path

import pytest

from isotimer.core.session.model import DEFAULT_MAX_S, Level, Progress
from isotimer.paths import Paths, bundled_sessions_dir
from isotimer.storage.sessions.catalog import load_catalog
from isotimer.storage.sessions.library import load_library

REQUIRED_EXERCISES = {
    "wall-sit",
    "glute-bridge-hold",
    "single-leg-calf-raise-hold",
    "side-plank",
    "reverse-lunge-hold",
    "hip-flexor-march-hold",
    "push-up-hold",
    "dead-hang",
    "hollow-body-hold",
    "wall-press",
    "plank",
    "single-leg-balance",
    "spanish-squat",
    "isometric-heel-raise",
    "side-plank-leg-raise",
}


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text)
    return path


def test_bundled_library_has_every_exercise_the_article_uses():
    library, problems = load_library([bundled_sessions_dir() / "exercises.toml"])
    assert problems == []
    assert set(library) >= REQUIRED_EXERCISES
    for exercise in library.values():
        assert 3 <= len(exercise.cues) <= 6, exercise.id
        assert exercise.setup and exercise.breathing and exercise.harder, exercise.id


def test_bundled_sessions_all_load(tmp_path):
    catalog = load_catalog(Paths(tmp_path))
    assert catalog.problems == []
    assert {"recovery-day", "runner-setup", "wall-sit-finisher", "knee-tendon"} <= set(
        catalog.sessions
    )
    assert len(catalog.sessions) >= 6


def test_knee_tendon_session_is_five_45_second_holds_at_70_percent(tmp_path):
    session = load_catalog(Paths(tmp_path)).sessions["knee-tendon"]
    (hold,) = session.holds
    assert (hold.sets, hold.beginner_s, hold.advanced_s, hold.effort) == (5, 45, 45, 70)


def test_a_user_session_overrides_a_bundled_one_with_the_same_id(tmp_path):
    write(
        tmp_path / "sessions", "recovery-day.toml", 'name = "Mine"\n[[hold]]\nexercise = "plank"\n'
    )
    assert load_catalog(Paths(tmp_path)).sessions["recovery-day"].name == "Mine"


def test_a_broken_file_is_reported_and_the_good_ones_kept(tmp_path):
    extra = tmp_path / "extra"
    write(extra, "good.toml", 'name = "Good"\n[[hold]]\nexercise = "plank"\n')
    write(extra, "bad.toml", 'name = "Bad"\n[[hold]]\nexercise = "plonk"\n')
    catalog = load_catalog(Paths(tmp_path / "data", (extra,)))
    assert "good" in catalog.sessions and "bad" not in catalog.sessions
    assert [str(p) for p in catalog.problems] == [
        f"{extra / 'bad.toml'}:3: hold 1: unknown exercise 'plonk' (did you mean 'plank'?)"
    ]


def test_a_missing_sessions_folder_is_reported(tmp_path):
    catalog = load_catalog(Paths(tmp_path, (tmp_path / "nope",)))
    assert [p.what for p in catalog.problems] == ["not found"]


def test_a_user_library_adds_and_overrides_entries(tmp_path):
    write(
        tmp_path,
        "exercises.toml",
        "[wall-sit]\nbeginner = 40\n"
        '[towel-row]\nname = "Towel row"\nbeginner = 20\nadvanced = 40\n',
    )
    library = load_catalog(Paths(tmp_path)).library
    assert library["wall-sit"].beginner_s == 40
    assert library["wall-sit"].name == "Wall sit"
    assert library["towel-row"].advanced_s == 40


def test_a_new_user_exercise_without_times_is_reported(tmp_path):
    write(tmp_path, "exercises.toml", '[towel-row]\nname = "Towel row"\n')
    catalog = load_catalog(Paths(tmp_path))
    assert "towel-row" not in catalog.library
    assert [p.what for p in catalog.problems] == [
        "missing required key 'beginner'",
        "missing required key 'advanced'",
    ]


@pytest.mark.parametrize("ref", ["recovery-day", "Recovery day", "RECOVERY DAY"])
def test_find_by_id_or_name(tmp_path, ref):
    assert load_catalog(Paths(tmp_path)).find(ref).id == "recovery-day"


def test_find_by_path(tmp_path):
    path = write(tmp_path, "solo.toml", 'name = "Solo"\n[[hold]]\nexercise = "plank"\n')
    assert load_catalog(Paths(tmp_path / "d")).find(str(path)).name == "Solo"


def test_find_unknown_suggests_the_closest(tmp_path):
    with pytest.raises(LookupError, match="did you mean 'recovery-day'"):
        load_catalog(Paths(tmp_path)).find("recovery-dya")


# -- how sessions progress, and how far ------------------------------------------------------


@pytest.mark.parametrize(
    ("session_id", "progress"),
    [
        ("recovery-day", Progress.NONE),
        ("race-week-primer", Progress.NONE),
        ("knee-tendon", Progress.EFFORT),
        ("achilles-heel-raise", Progress.EFFORT),
        ("wall-sit-finisher", Progress.TIME),
        ("runner-setup", Progress.TIME),
    ],
)
def test_bundled_sessions_declare_how_they_progress(tmp_path, session_id, progress):
    assert load_catalog(Paths(tmp_path)).sessions[session_id].progress is progress


def test_no_harder_text_says_to_hold_longer_and_every_harder_id_is_an_exercise():
    library, problems = load_library([bundled_sessions_dir() / "exercises.toml"])
    assert problems == []
    for exercise in library.values():
        words = exercise.harder.lower()
        assert "longer" not in words and "up to 60 seconds" not in words, exercise.id
        capped = {"side-plank": 45, "decline-single-leg-squat-hold": 45, "step-heel-raise-hold": 45}
        assert exercise.max_s == capped.get(exercise.id, DEFAULT_MAX_S), exercise.id
        assert not exercise.harder_id or exercise.harder_id in library, exercise.id
    assert library["glute-bridge-hold"].harder_id == "single-leg-glute-bridge-hold"


def test_library_max_seconds_and_harder_id_are_read_and_checked(tmp_path):
    write(
        tmp_path,
        "exercises.toml",
        "[wall-sit]\nmax_seconds = 45\nharder_id = 'side-plank'\n"
        "[plank]\nharder_id = 'no-such-hold'\n",
    )
    catalog = load_catalog(Paths(tmp_path))
    wall_sit = catalog.library["wall-sit"]
    assert (wall_sit.max_s, wall_sit.harder_id) == (45, "side-plank")
    [problem] = [p for p in catalog.problems if "harder_id" in str(p) or "no-such" in p.what]
    assert (problem.line, problem.where, problem.what) == (
        5, "exercise 'plank'", "unknown exercise 'no-such-hold'"
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("progress = 'effort'\n", (Progress.EFFORT, 70, 70)),
        ("progress = 'none'\n", (Progress.NONE, 70, 70)),
        ("", (Progress.TIME, 70, 70)),
    ],
)
def test_a_session_file_declares_its_progress_defaulting_to_time(tmp_path, text, expected):
    write(
        tmp_path / "sessions",
        "mine.toml",
        f"name = 'Mine'\n{text}[[hold]]\nexercise = 'wall-sit'\neffort = 70\n",
    )
    session = load_catalog(Paths(tmp_path)).sessions["mine"]
    (hold,) = session.holds
    assert (session.progress, hold.effort_for(Level.BEGINNER), hold.effort_for(Level.ADVANCED)) == (
        expected
    )


def test_effort_can_differ_by_level(tmp_path):
    write(
        tmp_path / "sessions",
        "press.toml",
        "name = 'Press'\n[[hold]]\nexercise = 'wall-press'\n"
        "effort = { beginner = 50, advanced = 90 }\n",
    )
    (hold,) = load_catalog(Paths(tmp_path)).sessions["press"].holds
    assert (hold.effort_for(Level.BEGINNER), hold.effort_for(Level.ADVANCED)) == (50, 90)


@pytest.mark.parametrize(
    ("line", "what"),
    [
        ("progress = 'faster'", "'progress' must be 'time' or 'effort' or 'none'"),
        ("[[hold]]\nexercise = 'wall-sit'\neffort = { beginner = 120 }", "'effort.beginner'"),
        ("[[hold]]\nexercise = 'wall-sit'\neffort = { novice = 50 }", "unknown key 'novice'"),
    ],
)
def test_bad_progress_and_effort_values_are_named(tmp_path, line, what):
    text = "name = 'Mine'\n" + line + "\n"
    if "[[hold]]" not in line:
        text += "[[hold]]\nexercise = 'wall-sit'\n"
    write(tmp_path / "sessions", "bad.toml", text)
    catalog = load_catalog(Paths(tmp_path))
    assert "bad" not in catalog.sessions
    assert any(what in str(problem) for problem in catalog.problems), catalog.problems
