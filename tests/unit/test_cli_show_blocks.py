"""``isotimer show`` lists the warm-up and cool-down blocks and totals them, text and JSON."""

from __future__ import annotations

import json

import pytest

from isotimer.cli import main
from tests.unit.cli_helpers import check

WITH_BLOCKS = """\
name = "Warm"
lead_in = 5
[[warm_up]]
name = "Easy spin"
seconds = 240
cues = ["Legs loose"]
[[warm_up]]
name = "Leg swings"
seconds = 60
[[hold]]
exercise = "plank"
seconds = 20
sets = 2
rest = 10
[[cool_down]]
name = "Slow breathing"
seconds = 90
"""


@pytest.fixture
def extra(tmp_path):
    folder = tmp_path / "extra"
    folder.mkdir()
    (folder / "warm.toml").write_text(WITH_BLOCKS)
    return folder


def test_show_lists_each_block_and_totals_them_apart_from_the_holds(capsys, extra):
    assert main(["--sessions", str(extra), "show", "warm"]) == 0
    captured = capsys.readouterr()
    out = captured.out + captured.err  # a pipe gets the steps; the totals go to stderr
    for line in ("warm-up: Easy spin", "warm-up: Leg swings", "cool-down: Slow breathing"):
        assert line in out
    # 300 warm-up + 5 lead-in + 20 + 10 + 20 + 90 cool-down; the caption may wrap.
    words = " ".join(out.split())
    assert "total 7:25, warm-up 5:00, cool-down 1:30, time under tension 0:40" in words


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("total_seconds", 445),
        ("warm_up_seconds", 300),
        ("cool_down_seconds", 90),
        ("time_under_tension_s", 40),
    ],
)
def test_show_json_totals_the_blocks(capsys, extra, key, expected):
    assert main(["--sessions", str(extra), "show", "warm", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[key] == expected


def test_show_json_steps_run_warm_up_lead_in_holds_cool_down(capsys, extra):
    main(["--sessions", str(extra), "show", "warm", "--json"])
    steps = json.loads(capsys.readouterr().out)["steps"]
    assert [s["kind"] for s in steps] == [
        "warm_up",
        "warm_up",
        "lead_in",
        "hold",
        "rest",
        "hold",
        "cool_down",
    ]
    assert (steps[0]["name"], steps[0]["cues"]) == ("Easy spin", ["Legs loose"])


def test_a_session_without_blocks_totals_zero_for_them(capsys):
    main(["show", "wall-sit-finisher", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert (data["warm_up_seconds"], data["cool_down_seconds"]) == (0, 0)


def test_show_json_with_blocks_meets_its_published_schema(capsys, extra):
    main(["--sessions", str(extra), "show", "warm", "--json"])
    check(json.loads(capsys.readouterr().out), "show")
