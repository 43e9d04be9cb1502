"""The installed ``isotimer`` in a real terminal (tmux): start a session, reach the summary.

The session here has one-second holds, so each run takes a few seconds of real
time; polling the screen with short sleeps is fine here and nowhere else.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

QUICK = """\
name = "E2E quick"
tags = ["e2e"]
lead_in = 1

[[hold]]
name = "Quick hold"
seconds = 1
sets = 2
rest = 1
"""
LONG = """\
name = "E2E long"
lead_in = 1

[[hold]]
name = "Long hold"
seconds = 30
sets = 2
rest = 1
"""
TIMEOUT_S = 15.0


class Terminal:
    """One tmux server of our own, so no other tmux session or its environment leaks in."""

    def __init__(self, name: str) -> None:
        self.socket = f"isotimer-e2e-{os.getpid()}-{name}"
        self.name = name

    def tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=False
        )
        return result.stdout

    def start(self, argv: list[str], status_file: Path) -> None:
        command = f"{shlex.join(argv)}; echo $? > {shlex.quote(str(status_file))}"
        self.tmux("new-session", "-d", "-s", self.name, "-x", "100", "-y", "30", command)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.name)

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.name, *keys)

    def wait_for(self, text: str) -> str:
        deadline = time.monotonic() + TIMEOUT_S
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        pytest.fail(f"{text!r} did not appear within {TIMEOUT_S} s; the screen was:\n{screen}")

    def close(self) -> None:
        self.tmux("kill-server")


@pytest.fixture
def folders(tmp_path):
    sessions = tmp_path / "sessions"
    sessions.mkdir()
    (sessions / "e2e-quick.toml").write_text(QUICK)
    return tmp_path / "data", sessions


@pytest.fixture
def terminal(request):
    term = Terminal(request.node.name.replace("_", "-")[:40])
    yield term
    term.close()


def isotimer(data: Path, sessions: Path, *args: str) -> list[str]:
    return [
        sys.executable, "-m", "isotimer", "--data-dir", str(data), "--sessions", str(sessions),
        *args,
    ]  # fmt: skip


def wait_exit(status_file: Path) -> int:
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        if status_file.exists() and status_file.read_text().strip():
            return int(status_file.read_text())
        time.sleep(0.1)
    pytest.fail("isotimer did not exit")


def saved_holds(data: Path) -> list[tuple[str, float, int]]:
    with sqlite3.connect(data / "history.sqlite3") as conn:
        return conn.execute(
            "SELECT exercise, held_s, completed FROM holds ORDER BY started_ts"
        ).fetchall()


def test_run_a_session_directly_to_the_summary(folders, terminal, tmp_path):
    data, sessions = folders
    status = tmp_path / "status"
    terminal.start(isotimer(data, sessions, "run", "e2e-quick"), status)
    terminal.wait_for("GET READY")
    screen = terminal.wait_for("held to the end")
    assert "2 holds held to the end" in screen and "complete" in screen
    assert saved_holds(data) == [("quick-hold", 1.0, 1), ("quick-hold", 1.0, 1)]
    terminal.keys("q")
    assert wait_exit(status) == 0


def test_pick_a_session_by_typing_then_return_to_the_picker(folders, terminal, tmp_path):
    data, sessions = folders
    status = tmp_path / "status"
    terminal.start(isotimer(data, sessions), status)
    terminal.wait_for("Choose a session")
    assert "Recovery day" in terminal.screen()
    terminal.keys("e", "2", "e")
    terminal.wait_for("0:04 total")  # the preview follows the filter to the one match
    terminal.keys("Enter")
    terminal.wait_for("held to the end")
    terminal.keys("Enter")
    terminal.wait_for("Choose a session")
    for key in ("Escape", "Escape", "q"):  # apart: a burst after ESC reads as Alt+key
        terminal.keys(key)
        time.sleep(0.3)
    assert wait_exit(status) == 0
    assert len(saved_holds(data)) == 2


def test_a_hold_left_with_n_is_saved_as_skipped_not_as_a_failed_set(folders, terminal, tmp_path):
    data, sessions = folders
    (sessions / "e2e-long.toml").write_text(LONG)
    status = tmp_path / "status"
    terminal.start(isotimer(data, sessions, "run", "e2e-long"), status)
    terminal.wait_for("HOLD")
    time.sleep(1.5)  # a second or more held, so the run counts as a session
    terminal.keys("n")  # set 1 left before its target
    terminal.wait_for("REST")
    terminal.keys("n")  # past the rest into set 2
    time.sleep(0.5)
    terminal.keys("n")  # set 2 left too
    screen = terminal.wait_for("skipped")
    assert "E2E long · beginner · partial" in screen
    with sqlite3.connect(data / "history.sqlite3") as conn:
        rows = conn.execute(
            'SELECT "set", outcome, completed, held_s FROM holds ORDER BY started_ts'
        ).fetchall()
    assert [(row[0], row[1], row[2]) for row in rows] == [(1, "skipped", 0), (2, "skipped", 0)]
    assert rows[0][3] >= 1.0
    terminal.keys("q")
    assert wait_exit(status) == 0
