"""Bad arguments: exit status 2 and one line that says what was wrong and what would be right."""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys

import pytest

from isotimer.cli import main
from tests.unit.cli_helpers import fill_history


def exit_status(argv: list[str]) -> int:
    """The status ``isotimer ARGV`` exits with, whether argparse or the command decides it."""
    try:
        return main(argv)
    except SystemExit as stop:
        return int(stop.code)


CASES = [
    (["history", "--limit", "0"], "argument --limit: 0 is below 1; give 1 or more"),
    (["history", "--limit", "-1"], "argument --limit: -1 is below 1; give 1 or more"),
    (["history", "--limit", "ten"], "'ten' is not a whole number; give 1 or more"),
    (["history", "--since", "2026-13-01"], "'2026-13-01' is not a date; write it as YYYY-MM-DD"),
    (["history", "--since", "yesterday"], "'yesterday' is not a date"),
    (["history", "--exercise", "wal-sit"], "no exercise 'wal-sit' (did you mean 'wall-sit'?)"),
    (["stats", "--exercise", "nope"], "no exercise 'nope'; give an id from the library"),
    (["stats", "--exercise", "side-plnk"], "(did you mean 'side-plank'?)"),
    (["show", "recovry-day"], "no session 'recovry-day' (did you mean 'recovery-day'?)"),
    (["run", "recovry-day"], "no session 'recovry-day' (did you mean 'recovery-day'?)"),
    (["run", "recovry-day", "--plain"], "(did you mean 'recovery-day'?)"),
    (["edit", "recovry-day"], "(did you mean 'recovery-day'?)"),
    (["show", "nowhere.toml"], "no such session file: nowhere.toml"),
    (["validate", "nowhere.toml"], "argument FILE: no such file: nowhere.toml"),
    (["import", "nowhere.json"], "argument FILE: no such file: nowhere.json"),
    (["show", "recovery-day", "--level", "pro"], "invalid choice: 'pro'"),
    (["completion", "powershell"], "invalid choice: 'powershell'"),
    (["lsit"], "isotimer: no command 'lsit' (did you mean 'list'?)"),
    (["stat"], "no command 'stat' (did you mean 'stats'?)"),
    (["programme", "lsit"], "isotimer programme: no action 'lsit' (did you mean 'list'?)"),
    (["zzzz"], "no command 'zzzz' (choose from list, show, validate,"),
    (["serve", "--port", "99999"], "argument --port: 99999 is not a port; give 1 to 65535"),
    (["serve", "--port", "-5"], "argument --port: -5 is not a port; give 1 to 65535"),
    (["serve", "--port", "0"], "argument --port: 0 is not a port; give 1 to 65535"),
    (["serve", "--port", "http"], "argument --port: 'http' is not a port; give 1 to 65535"),
    (["run", "recovery-day", "--plain", "--share", "--port", "65536"], "65536 is not a port"),
    (["run", "recovery-day", "--share", "--port", "-1"], "-1 is not a port"),
    (["programme", "start", "runners-base", "--on", "9999-12-31"], "9999-12-31 is out of range"),
    (["programme", "start", "runners-base", "--on", "0001-01-01"], "give 1970-01-02 to 2200-01-01"),
    (["history", "--since", "9999-12-31"], "argument --since: 9999-12-31 is out of range"),
    (["export", "--format", "fit", "--since", "0001-01-01"], "0001-01-01 is out of range"),
]


@pytest.mark.parametrize(("argv", "message"), CASES, ids=[" ".join(a) for a, _ in CASES])
def test_a_bad_argument_exits_2_with_one_line(capsys, isolated_data_dir, argv, message):
    fill_history(isolated_data_dir)
    assert exit_status(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1, captured.err
    assert message in captured.err
    assert captured.err.split(": ")[0] in (
        "isotimer",
        f"isotimer {argv[0]}",
        "isotimer programme start",
    )


def test_a_plain_share_on_a_taken_port_is_one_line_and_exit_1(capsys, isolated_data_dir):
    """It was a traceback (the app shows a notice); nothing is run or written."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        argv = ["run", "recovery-day", "--plain", "--share", "--port", port]
        assert exit_status(argv) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    # Any notice about the tones comes first; the refusal is one line of its own.
    said = captured.err.splitlines()[-1]
    assert said.startswith(f"isotimer: the live page cannot listen on 127.0.0.1:{port}: ")
    assert "Traceback" not in captured.err


@pytest.mark.parametrize("action", ["calendar", "status"])
def test_a_programme_started_near_the_calendars_end_is_refused_not_a_traceback(
    capsys, isolated_data_dir, action
):
    """A state file from before ``--on`` was range-checked: OverflowError in ``calendar``."""
    isolated_data_dir.mkdir(parents=True, exist_ok=True)
    (isolated_data_dir / "programme.toml").write_text(
        'programme = "runners-base"\nstart = 9999-12-20\nruns = []\n'
    )
    assert exit_status(["programme", action]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert "programme.toml:2: programme state: 'start' must be a date" in err


def test_an_io_failure_no_command_words_is_one_line_and_exit_1(capsys, monkeypatch):
    def full(args, ctx) -> int:
        raise OSError(28, "No space left on device", "holds.json")

    monkeypatch.setattr("isotimer.commands.history.run_export", full)
    assert exit_status(["export", "-o", "holds.json"]) == 1
    assert capsys.readouterr().err == "isotimer: holds.json: No space left on device\n"


def test_a_folder_given_as_a_file_is_refused(capsys, tmp_path):
    assert exit_status(["validate", str(tmp_path)]) == 2
    assert "is a folder; give a file" in capsys.readouterr().err


def test_a_known_exercise_without_holds_is_not_an_error(capsys, isolated_data_dir):
    fill_history(isolated_data_dir)
    assert main(["history", "--exercise", "plank"]) == 0
    assert capsys.readouterr().out == "No holds of plank recorded.\n"


@pytest.mark.parametrize(
    "argv", [["run", "recovery-day"], [], ["edit", "recovery-day"]], ids=["run", "app", "edit"]
)
def test_the_full_screen_app_refuses_without_a_terminal(capsys, argv):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "needs a terminal, and standard input is not a terminal" in err
    assert "--plain" in err


def test_run_into_a_pipe_writes_no_escape_codes(tmp_path):
    """As a user types it: ``isotimer run recovery-day </dev/null | cat``."""
    env = {**os.environ, "ISOTIMER_DATA_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "isotimer", "run", "recovery-day"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stdout == b""
    assert b"\x1b" not in result.stderr
    assert b"'isotimer run recovery-day --plain'" in result.stderr
    assert not (tmp_path / "history.sqlite3").exists()


def test_a_driver_chosen_for_the_app_needs_no_terminal(monkeypatch):
    """``isotimer serve`` runs each browser tab's app over pipes with Textual's web driver."""
    from isotimer.commands.terminal import terminal_problem

    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    monkeypatch.setattr(sys, "stdin", io.StringIO())
    assert terminal_problem() == "standard input is not a terminal"
    monkeypatch.setenv("TEXTUAL_DRIVER", "textual.drivers.web_driver:WebDriver")
    assert terminal_problem() is None
