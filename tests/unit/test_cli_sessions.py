"""``isotimer list``, ``show`` and ``validate`` as a user types them."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from isotimer.cli import main

GOOD = (
    'name = "Tiny"\nlead_in = 3\n[[hold]]\nexercise = "plank"\nseconds = 20\nsets = 2\nrest = 10\n'
)


@pytest.fixture
def extra(tmp_path):
    folder = tmp_path / "extra"
    folder.mkdir()
    (folder / "tiny.toml").write_text(GOOD)
    return folder


def test_list_shows_bundled_and_extra_sessions(capsys, extra):
    assert main(["--sessions", str(extra), "list"]) == 0
    out = capsys.readouterr().out
    assert "recovery-day" in out and "Recovery day" in out
    assert "tiny" in out and "0:53" in out


def test_show_prints_every_step_and_the_total(capsys, extra):
    assert main(["--sessions", str(extra), "show", "tiny"]) == 0
    captured = capsys.readouterr()
    assert captured.out.count("Plank") == 4  # lead-in, two sets, the rest between them
    # Piped, stdout holds the records only; the total goes to stderr.
    assert "total 0:53" in captured.err


def test_show_json_follows_the_contract(capsys, extra):
    assert main(["--sessions", str(extra), "show", "tiny", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total_seconds"] == 53
    assert [s["kind"] for s in data["steps"]] == ["lead_in", "hold", "rest", "hold"]


def test_show_level_changes_the_targets(capsys):
    main(["show", "recovery-day", "--json", "--level", "advanced"])
    advanced = json.loads(capsys.readouterr().out)
    main(["show", "recovery-day", "--json", "--level", "beginner"])
    beginner = json.loads(capsys.readouterr().out)
    assert advanced["total_seconds"] > beginner["total_seconds"]


def test_show_accepts_a_path(capsys, extra):
    assert main(["show", str(extra / "tiny.toml"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["name"] == "Tiny"


def test_show_unknown_session_is_a_clear_error(capsys):
    assert main(["show", "recovry-day"]) == 2
    assert "did you mean 'recovery-day'" in capsys.readouterr().err


def test_validate_good_files_exits_0(capsys, extra):
    assert main(["validate", str(extra / "tiny.toml")]) == 0
    assert capsys.readouterr().out == ""


def test_validate_reports_each_problem_and_exits_1(capsys, tmp_path):
    bad = tmp_path / "my.toml"
    bad.write_text('name = "x"\n\n\n\n[[hold]]\nsecnds = 4\nexercise = "wall-sit"\n')
    empty = tmp_path / "empty.toml"
    empty.write_text("")
    assert main(["validate", str(bad), str(empty)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{bad}:6: hold 1: unknown key 'secnds' (did you mean 'seconds'?)",
        f"{empty}:1: file: is empty",
    ]


def test_validate_checks_a_library_file_as_a_library(capsys, tmp_path):
    lib = tmp_path / "exercises.toml"
    lib.write_text('[towel-row]\nname = "Towel row"\nbeginer = 20\nadvanced = 30\n')
    assert main(["validate", str(lib)]) == 1
    out = capsys.readouterr().out
    assert "unknown key 'beginer' (did you mean 'beginner'?)" in out


def test_bundled_sessions_validate(capsys):
    from isotimer.paths import bundled_sessions_dir

    files = sorted(str(p) for p in bundled_sessions_dir().glob("*.toml"))
    assert main(["validate", *files]) == 0


def test_broken_user_session_warns_on_stderr_and_lists_the_rest(capsys, tmp_path):
    (tmp_path / "sessions").mkdir()
    (tmp_path / "sessions" / "bad.toml").write_text("name = [")
    assert main(["--data-dir", str(tmp_path), "list"]) == 0
    captured = capsys.readouterr()
    assert "bad.toml:1: syntax:" in captured.err
    assert "recovery-day" in captured.out


def test_data_dir_comes_from_the_environment(monkeypatch, tmp_path):
    from isotimer.paths import Paths

    monkeypatch.setenv("ISOTIMER_DATA_DIR", str(tmp_path / "env"))
    assert Paths.from_options(None, None).data_dir == tmp_path / "env"
    assert Paths.from_options(str(tmp_path / "opt"), None).data_dir == tmp_path / "opt"


def test_python_dash_m_runs_the_cli():
    out = subprocess.run(
        [sys.executable, "-m", "isotimer", "show", "wall-sit-finisher", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(out.stdout)["session"] == "wall-sit-finisher"
