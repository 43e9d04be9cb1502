"""Each ``--json`` document against the schema the package ships for it."""

from __future__ import annotations

import json
from importlib.resources import files

import jsonschema
import pytest

from tests.unit.cli_helpers import check, fill_history, json_of, schema

SCHEMAS = ["list", "show", "history", "stats", "validate", "targets", "tests"]
BAD = 'name = "x"\n\n[[hold]]\nsecnds = 4\nexercise = "wall-sit"\n'


@pytest.mark.parametrize("name", SCHEMAS)
def test_every_schema_is_shipped_and_is_a_valid_schema(name):
    assert (files("isotimer") / "schemas" / f"{name}.schema.json").is_file()
    jsonschema.Draft202012Validator.check_schema(schema(name))


def test_list_json_lists_every_session(capsys):
    code, document = json_of(capsys, "list", "--json")
    assert code == 0
    check(document, "list")
    recovery = next(s for s in document["sessions"] if s["id"] == "recovery-day")
    assert recovery["name"] == "Recovery day" and recovery["holds"] > 0


@pytest.mark.parametrize("level", ["beginner", "advanced"])
def test_show_json_keeps_its_keys_and_follows_its_schema(capsys, level):
    code, document = json_of(capsys, "show", "recovery-day", "--level", level, "--json")
    assert code == 0
    check(document, "show")
    assert document["level"] == level and document["session"] == "recovery-day"
    holds = [step["seconds"] for step in document["steps"] if step["kind"] == "hold"]
    assert document["time_under_tension_s"] == sum(holds)


def test_history_json_is_the_export_shape_newest_first(capsys, isolated_data_dir):
    fill_history(isolated_data_dir)
    code, document = json_of(capsys, "history", "--json", "--limit", "4")
    assert code == 0
    check(document, "history")
    holds = document["holds"]
    assert [h["id"] for h in holds] == ["h5", "h4", "h3", "h2"]
    assert holds[0]["held_s"] == 22.5 and holds[0]["effort"] == 6


@pytest.mark.parametrize("argv", [["history", "--json"], ["stats", "--json"]])
def test_json_without_history_is_an_empty_document(capsys, argv):
    code, document = json_of(capsys, *argv)
    assert code == 0
    check(document, argv[0])
    assert document[{"history": "holds", "stats": "exercises"}[argv[0]]] == []


def test_stats_json_has_figures_balance_and_week(capsys, isolated_data_dir):
    fill_history(isolated_data_dir)
    code, document = json_of(capsys, "stats", "--json")
    assert code == 0
    check(document, "stats")
    rows = {(row["exercise"], row["side"]): row for row in document["exercises"]}
    assert rows[("side-plank", "right")]["best_s"] == 22.5
    [balance] = document["balances"]
    assert balance["exercise"] == "side-plank" and balance["lagging"] == "left"
    assert document["week"]["goal"] >= 1


def test_stats_json_for_one_exercise(capsys, isolated_data_dir):
    fill_history(isolated_data_dir)
    code, document = json_of(capsys, "stats", "--exercise", "wall-sit", "--json")
    assert code == 0
    check(document, "stats")
    assert {row["exercise"] for row in document["exercises"]} == {"wall-sit"}


def test_validate_json_gives_problems_as_objects_and_exit_1(capsys, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(BAD)
    code, document = json_of(capsys, "validate", str(bad), "--json")
    assert code == 1
    check(document, "validate")
    assert document["valid"] is False
    assert document["problems"] == [
        {
            "file": str(bad),
            "line": 4,
            "where": "hold 1",
            "message": "unknown key 'secnds' (did you mean 'seconds'?)",
        }
    ]


def test_validate_json_of_good_files(capsys):
    from isotimer.paths import bundled_sessions_dir

    good = str(bundled_sessions_dir() / "recovery-day.toml")
    code, document = json_of(capsys, "validate", good, "--json")
    assert (code, document) == (0, {"valid": True, "files": [good], "problems": []})


TARGETS_EXAMPLE = {
    "session": "knee-tendon",
    "level": "beginner",
    "progress": "effort",
    "holds": [
        {
            "exercise": "spanish-squat",
            "side": "none",
            "base_s": 45,
            "target_s": 45,
            "base_effort": 70,
            "effort": 80,
            "harder": None,
            "reason": "+10 points of effort: two clean runs",
            "rule": "progress",
        },
        {
            "exercise": "wall-sit",
            "side": "none",
            "base_s": 30,
            "target_s": 60,
            "base_effort": None,
            "effort": None,
            "harder": "single-leg-wall-sit",
            "reason": "At the cap (60 s): try the harder variation instead",
            "rule": "cap",
        },
    ],
    "red_flag": {"exercise": "wall-sit", "side": "none", "pain": 7, "why": "pain 7/10 during"},
    "red_flags": [{"exercise": "wall-sit", "side": "none", "pain": 7, "why": "pain 7/10 during"}],
}


def test_targets_schema_takes_the_contract_example():
    check(TARGETS_EXAMPLE, "targets")


@pytest.mark.parametrize(
    "break_it",
    [
        lambda d: d.pop("progress"),
        lambda d: d.update(progress="faster"),
        lambda d: d["holds"][0].pop("reason"),
        lambda d: d["holds"][0].update(side="middle"),
        lambda d: d["holds"][1].update(target_s="60"),
        lambda d: d["holds"][0].pop("rule"),
        lambda d: d["holds"][0].update(rule="because"),
        lambda d: d.pop("red_flag"),
        lambda d: d["red_flag"].pop("why"),
    ],
    ids=[
        "no progress",
        "unknown progress",
        "no reason",
        "bad side",
        "text seconds",
        "no rule",
        "unknown rule",
        "no red_flag",
        "red flag without why",
    ],
)
def test_targets_schema_refuses_what_breaks_the_contract(break_it):
    document = json.loads(json.dumps(TARGETS_EXAMPLE))
    break_it(document)
    with pytest.raises(jsonschema.ValidationError):
        check(document, "targets")
