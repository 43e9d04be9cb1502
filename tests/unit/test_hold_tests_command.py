"""``isotimer tests``: three tests a month apart, imported, then read as a table and as JSON."""

from __future__ import annotations

from pathlib import Path

import pytest

from isotimer.cli import main
from tests.unit.cli_helpers import check, json_of

DATA = Path(__file__).parents[1] / "data" / "hold-tests.json"


@pytest.fixture
def three_tests(capsys, isolated_data_dir):
    assert main(["import", str(DATA)]) == 0
    capsys.readouterr()


def test_json_follows_its_schema_with_every_result_best_last_and_change(capsys, three_tests):
    code, document = json_of(capsys, "tests", "--json")
    assert code == 0
    check(document, "tests")
    wall_sit = next(entry for entry in document["tests"] if entry["exercise"] == "wall-sit")
    assert wall_sit == {
        "exercise": "wall-sit",
        "name": "Wall sit",
        "side": "none",
        "results": [
            {"on": "2026-09-07", "held_s": 62.0},
            {"on": "2026-10-05", "held_s": 80.0},
            {"on": "2026-11-02", "held_s": 95.0},
        ],
        "best_s": 95.0,
        "last_s": 95.0,
        "change_s": 15.0,
        "change_pct": 18.8,
        "retest_due": "2026-11-30",
    }


def test_each_side_is_its_own_series_and_training_holds_never_count(capsys, three_tests):
    # The file's 120 s training wall sit is longer than every test: it is no result.
    _, document = json_of(capsys, "tests", "--json")
    assert [(e["exercise"], e["side"], e["best_s"]) for e in document["tests"]] == [
        ("side-plank", "left", 40.0),
        ("side-plank", "right", 41.0),
        ("wall-sit", "none", 95.0),
    ]


def test_exercise_keeps_to_one_exercise(capsys, three_tests):
    _, document = json_of(capsys, "tests", "--exercise", "side-plank", "--json")
    assert {entry["exercise"] for entry in document["tests"]} == {"side-plank"}


def test_a_first_test_has_no_change(capsys, isolated_data_dir, tmp_path):
    first = tmp_path / "first.json"
    text = DATA.read_text().splitlines()
    first.write_text("\n".join([text[0], text[1].rstrip(","), "]}"]))
    assert main(["import", str(first)]) == 0
    capsys.readouterr()
    _, document = json_of(capsys, "tests", "--json")
    (entry,) = document["tests"]
    assert (entry["change_s"], entry["change_pct"], entry["retest_due"]) == (
        None,
        None,
        "2026-10-05",
    )
    check(document, "tests")


def test_piped_it_is_one_tab_separated_record_per_exercise_and_side(capsys, three_tests):
    assert main(["tests"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split("\t") == ["hold", "side", "tests", "best", "last", "change", "re-test"]
    assert lines[3].split("\t") == [
        "Wall sit",
        "none",
        "2026-09-07 62 s, 2026-10-05 80 s, 2026-11-02 95 s",
        "95 s",
        "95 s",
        "+15 s (+19%)",
        "2026-11-30",
    ]


def test_without_tests_it_says_how_to_make_one(capsys):
    code, document = json_of(capsys, "tests", "--json")
    assert (code, document) == (0, {"tests": []})
    assert main(["tests"]) == 0
    assert 'seconds = "max"' in capsys.readouterr().out
