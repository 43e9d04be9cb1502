"""The bundled sessions against the coaching article: warm-ups, honest tags, own words."""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path

import pytest

from isotimer.core.session.model import Level, Session
from isotimer.core.session.plan import build_plan
from isotimer.paths import Paths, bundled_sessions_dir
from isotimer.storage.sessions.catalog import load_catalog
from isotimer.storage.sessions.library import current_exercises, load_library
from isotimer.storage.sessions.loader import session_from_text
from tests.unit.factories import hold, session

# The article sits beside the checkout, as CI has it: <repo>/../shared/seed.
ARTICLE = (
    Path(__file__).resolve().parents[3] / "shared" / "seed" / "strength-training-for-runners.txt"
)
RUN_LENGTH = 8
BUNDLED_FILES = sorted(bundled_sessions_dir().glob("*.toml"))
DURATION_TAG = re.compile(r"^(\d+)\s*(?:-\s*(\d+)\s*)?min(?:ute)?s?$")


@pytest.fixture(scope="module")
def bundled(tmp_path_factory) -> dict[str, Session]:
    catalog = load_catalog(Paths(tmp_path_factory.mktemp("data")))
    assert catalog.problems == []
    return catalog.sessions


# -- warm-ups ------------------------------------------------------------------------
def test_every_session_but_the_post_run_finisher_has_a_warm_up(bundled):
    without = sorted(session_id for session_id, s in bundled.items() if not s.warm_up)
    assert without == ["wall-sit-finisher"]


def test_recovery_day_warms_up_with_easy_cardio_and_mobility_and_ends_with_belly_breathing(
    bundled,
):
    day = bundled["recovery-day"]
    cardio, mobility = day.warm_up
    assert "bike" in cardio.name.lower() and "walk" in cardio.name.lower()
    assert cardio.seconds == 300
    assert "mobility" in mobility.name.lower()
    assert "belly breathing" in day.cool_down[-1].name.lower()
    assert 120 <= day.cool_down[-1].seconds <= 180
    minutes = build_plan(day).total_seconds / 60
    assert 20 <= minutes <= 35, "the article's recovery day is about half an hour"


def test_the_finisher_starts_beginners_at_two_clean_30_second_wall_sits(bundled):
    (finisher,) = bundled["wall-sit-finisher"].holds
    assert (finisher.exercise, finisher.sets, finisher.beginner_s) == ("wall-sit", 2, 30)


# -- tags ----------------------------------------------------------------------------
def duration_tag_problems(session: Session, lead_in: float = 5) -> list[str]:
    """Each tag naming minutes that neither level's plan rounds to."""
    minutes = {
        round(build_plan(session, level, lead_in=lead_in).total_seconds / 60) for level in Level
    }
    problems = []
    for tag in session.tags:
        match = DURATION_TAG.match(tag.strip().lower())
        if match is None:
            continue
        low = int(match.group(1))
        high = int(match.group(2) or low)
        if not any(low <= m <= high for m in minutes):
            problems.append(f"{session.id}: tag '{tag}' but the plan takes {sorted(minutes)} min")
    return problems


@pytest.mark.parametrize(
    ("tags", "problems"),
    [
        (("home",), 0),
        (("2 min",), 0),  # 5 s lead-in + 30 s + 30 s rest + 30 s = 95 s
        (("3 min",), 0),  # the advanced plan: 5 + 60 + 30 + 60 = 155 s
        (("1-3 min",), 0),
        (("1 min",), 1),
        (("15 min",), 1),
        (("10 minutes",), 1),
    ],
)
def test_the_duration_tag_check_catches_a_tag_the_plan_does_not_match(tags, problems):
    tagged = replace(session(hold(seconds=30, sets=2, rest=30)), tags=tags)
    assert len(duration_tag_problems(tagged)) == problems


def test_every_bundled_duration_tag_matches_its_plan(bundled):
    assert [p for s in bundled.values() for p in duration_tag_problems(s)] == []


# -- the library ---------------------------------------------------------------------
LIBRARY, _ = load_library([bundled_sessions_dir() / "exercises.toml"])


@pytest.mark.parametrize(
    "exercise_id",
    [
        "knee-extension-hold",
        "pillow-squeeze-wall-sit",
        "banded-clamshell-hold",
        "banded-bridge-hold",
    ],
)
def test_the_holds_the_article_names_are_in_the_library(exercise_id):
    exercise = LIBRARY[exercise_id]
    assert exercise.id in {e.id for e in current_exercises(LIBRARY)}
    assert exercise.setup and exercise.breathing and len(exercise.cues) >= 3


def test_the_hip_session_uses_the_banded_hip_holds(bundled):
    used = {h.exercise for h in bundled["hip-stability"].holds}
    assert {"banded-clamshell-hold", "banded-bridge-hold"} <= used


def test_the_knee_extension_hold_defaults_to_the_studys_45_seconds():
    assert (LIBRARY["knee-extension-hold"].beginner_s, LIBRARY["knee-extension-hold"].per_side) == (
        45,
        True,
    )


def test_high_plank_and_mid_push_up_hold_are_two_exercises():
    high, mid = LIBRARY["high-plank"], LIBRARY["mid-push-up-hold"]
    assert high.id != mid.id and high.name != mid.name


def test_the_old_push_up_hold_id_still_resolves_for_history_and_session_files():
    assert LIBRARY["push-up-hold"] is LIBRARY["high-plank"]
    assert "push-up-hold" not in {e.id for e in current_exercises(LIBRARY)}
    text = 'name = "Old"\n[[hold]]\nexercise = "push-up-hold"\n'
    (old,) = session_from_text(text, "old", LIBRARY, "old.toml").holds
    assert (old.exercise, old.name) == ("high-plank", "High plank")


@pytest.mark.parametrize(
    ("exercise_id", "wrong"),
    [
        ("reverse-lunge-hold", "back knee just off the floor"),
        ("hollow-body-hold", "as far as you can"),
    ],
)
def test_cues_that_contradicted_the_article_are_gone(exercise_id, wrong):
    assert not any(wrong in cue.lower() for cue in LIBRARY[exercise_id].cues)


def test_the_hollow_body_cue_keeps_the_low_back_flat():
    assert any("low back stays flat" in cue for cue in LIBRARY["hollow-body-hold"].cues)


# -- own words -----------------------------------------------------------------------
def words(text: str) -> list[str]:
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    return re.findall(r"[a-z0-9']+", text)


def runs(text: str, length: int = RUN_LENGTH) -> set[tuple[str, ...]]:
    found = words(text)
    return {tuple(found[i : i + length]) for i in range(len(found) - length + 1)}


def article_text(path: Path = ARTICLE) -> str:
    """The article's text; without it the copy check is skipped, except in CI where it fails."""
    if not path.is_file():
        message = f"the coaching article is not at {path}"
        if os.environ.get("CI"):
            pytest.fail(f"{message}: CI must have it beside the checkout")
        pytest.skip(message)
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", BUNDLED_FILES, ids=lambda p: p.name)
def test_no_eight_word_run_of_the_article_is_in_a_bundled_file(path):
    copied = runs(path.read_text(encoding="utf-8")) & runs(article_text())
    assert not copied, [" ".join(run) for run in sorted(copied)]


def test_a_missing_article_fails_in_ci_and_is_skipped_elsewhere(monkeypatch, tmp_path):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must have it beside the checkout"):
        article_text(tmp_path / "nowhere.txt")
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        article_text(tmp_path / "nowhere.txt")


def test_the_copy_check_finds_a_copied_sentence():
    sentence = "You slide down a wall like you are sitting in an invisible chair"
    assert runs(f'cues = ["{sentence}"]') & runs(f"Here: {sentence}, and then you suffer.")


def test_each_library_hold_carries_its_breathing_advice_to_the_run(bundled):
    holds = [h for s in bundled.values() for h in s.holds]
    assert holds and all(h.breathing_advice == LIBRARY[h.exercise].breathing for h in holds)
