"""``isotimer targets`` and ``isotimer checkin`` over a history built from a crafted export."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from isotimer.cli import main
from isotimer.core.clock import SystemClock
from isotimer.paths import Paths
from isotimer.storage.history.store import HistoryStore

CRAFTED = Path(__file__).parent.parent / "data" / "coaching-export.json"


MORNING_AFTER = datetime(2026, 11, 29, 8, 0, tzinfo=timezone(timedelta(hours=1)))


@pytest.fixture(autouse=True)
def _the_morning_after(monkeypatch):
    """Today is the day after the crafted runs, so no layoff rule moves a target."""
    monkeypatch.setattr(SystemClock, "now", lambda self: MORNING_AFTER)


@pytest.fixture
def history(isolated_data_dir, capsys):
    """The crafted export imported: finisher, recovery day, knee and Achilles runs."""
    assert main(["import", str(CRAFTED)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "36 new, 0 duplicate, 0 rejected",
        "check-ins: 2 new, 0 duplicate, 0 rejected",
    ]
    return Paths(isolated_data_dir).history_file


def targets(capsys, session: str, *options: str) -> dict:
    assert main(["targets", session, "--json", *options]) == 0
    return json.loads(capsys.readouterr().out)


def test_targets_json_has_exactly_the_contract_shape(history, capsys):
    found = targets(capsys, "wall-sit-finisher")
    assert found == {
        "session": "wall-sit-finisher",
        "level": "beginner",
        "progress": "time",
        "holds": [
            {
                "exercise": "wall-sit",
                "side": "none",
                "base_s": found["holds"][0]["base_s"],
                "target_s": found["holds"][0]["base_s"] + 5,
                "base_effort": None,
                "effort": None,
                "harder": None,
                "reason": found["holds"][0]["reason"],
                "rule": "progress",
            }
        ],
        "red_flag": None,
        "red_flags": [],
    }
    assert found["holds"][0]["reason"].startswith("+5 s: you held")


def test_a_none_session_keeps_its_own_times_whatever_its_history(history, capsys):
    found = targets(capsys, "recovery-day")
    assert found["progress"] == "none"
    assert all(hold["target_s"] == hold["base_s"] for hold in found["holds"])
    assert [(h["exercise"], h["side"]) for h in found["holds"]][:3] == [
        ("wall-sit", "none"),
        ("glute-bridge-hold", "none"),
        ("side-plank-leg-raise", "left"),
    ]  # plan order, each side of a per-side hold


@pytest.mark.parametrize(
    ("session", "side", "effort", "reason"),
    [
        ("knee-tendon", "none", 70, "Keep 70% effort: no data, no increase: the last run needs"),
        ("achilles-heel-raise", "left", 60, "-10 points of effort: your left side was worse"),
        ("achilles-heel-raise", "right", 80, "+10 points of effort"),
    ],
)
def test_effort_sessions_keep_the_time_and_move_the_effort(
    history, capsys, session, side, effort, reason
):
    found = targets(capsys, session)
    hold = next(hold for hold in found["holds"] if hold["side"] == side)
    assert (hold["target_s"], hold["base_effort"], hold["effort"]) == (hold["base_s"], 70, effort)
    assert hold["reason"].startswith(reason)


def test_targets_at_another_level_start_from_that_levels_own_times(history, capsys):
    found = targets(capsys, "wall-sit-finisher", "--level", "advanced")
    assert found["level"] == "advanced"
    assert found["holds"][0]["target_s"] == found["holds"][0]["base_s"]


def test_a_morning_check_in_is_the_data_a_rehab_increase_waits_for(history, capsys):
    assert main(["checkin", "--pain", "1", "--compared", "same", "--run", "knee-2"]) == 0
    capsys.readouterr()
    [hold] = targets(capsys, "knee-tendon")["holds"]
    assert (hold["effort"], hold["rule"]) == (80, "progress")


def test_targets_prints_tab_separated_rows_without_json_when_piped(history, capsys):
    assert main(["targets", "knee-tendon"]) == 0
    said = capsys.readouterr()
    header, *rows = said.out.splitlines()
    assert header == "hold	side	session's	today	why"
    assert any(row.split("	")[3] == "45 s at 70%" for row in rows)
    assert "Red flag" not in said.out + said.err


def test_targets_of_an_unknown_session_says_so(history, capsys):
    assert main(["targets", "nope"]) == 1
    assert "nope" in capsys.readouterr().err


# -- checkin ----------------------------------------------------------------------------------


def test_checkin_defaults_to_the_latest_session(history, capsys):
    assert main(["checkin", "--pain", "3", "--compared", "worse"]) == 0
    said = capsys.readouterr().out
    when = r"\(Sat 28 Nov( 2026)? 07:03\)"
    assert re.fullmatch(rf"Saved for Achilles heel-raise holds {when}: worse, pain 3/10\n", said)
    with HistoryStore.open(history) as store:
        latest = store.sessions(limit=1)[0]
        mine = [c for c in store.checkins() if c.run_id == latest.id and c.side == "none"]
    assert latest.id == "achilles-2"
    assert [(c.compared, c.pain) for c in mine] == [("worse", 3)]
    right = targets(capsys, "achilles-heel-raise")["holds"][1]
    # Without --side the answer is about both sides: the right side eases too now.
    assert right["reason"] == "-10 points of effort: your right side was worse the morning after"


def test_checkin_names_a_run_and_a_side(history, capsys):
    argv = ["checkin", "--pain", "5", "--side", "right", "--run", "achilles-1"]
    assert main(argv) == 0
    with HistoryStore.open(history) as store:
        [checkin] = [c for c in store.checkins() if c.run_id == "achilles-1"]
    assert (checkin.side, checkin.compared, checkin.pain) == ("right", None, 5)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--pain", "2", "--run", "missing"], "no run with id 'missing'"),
        (["--pain", "2", "--side", "left", "--run", "knee-1"], "leave out --side"),
    ],
)
def test_checkin_refuses_what_does_not_fit(history, capsys, argv, message):
    assert main(["checkin", *argv]) == 1
    assert message in capsys.readouterr().err


@pytest.mark.parametrize("pain", ["11", "-1", "lots"])
def test_checkin_pain_is_0_to_10(history, pain):
    with pytest.raises(SystemExit):
        main(["checkin", "--pain", pain])


def test_checkin_without_a_history_says_there_is_nothing_to_check_in_about(
    isolated_data_dir, capsys
):
    assert main(["checkin", "--pain", "1"]) == 1
    assert "no sessions recorded yet" in capsys.readouterr().err


def test_export_carries_the_checkins_and_importing_again_merges_by_id(history, capsys):
    assert main(["export"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert {c["id"] for c in exported["checkins"]} == {"crafted-checkin-1", "crafted-checkin-2"}
    assert {h["outcome"] for h in exported["holds"]} == {"completed", "ended_early", "skipped"}
    assert main(["import", str(CRAFTED)]) == 0
    assert "check-ins: 0 new, 2 duplicate" in capsys.readouterr().out
