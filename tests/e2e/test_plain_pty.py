"""``isotimer run SESSION --plain`` as a real process in a pty: its lines, its keys, its history.

The holds are a few seconds long, so each test takes seconds of real time;
pexpect waits on the process's own output, never on a fixed sleep.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest

from isotimer.storage.history.store import HistoryStore

pexpect = pytest.importorskip("pexpect")
pytestmark = pytest.mark.e2e

PTY_CHECK = """\
name = "Pty check"
lead_in = 1

[[hold]]
exercise = "plank"
seconds = 12
rest = 2

[[hold]]
exercise = "side-plank"
seconds = 4
switch = 1
"""
TIMEOUT_S = 20


@pytest.fixture
def spawn(tmp_path):
    """Start ``isotimer run pty-check --plain`` in a pty of 80x24, with no colour asked for."""
    folder = tmp_path / "extra"
    folder.mkdir()
    (folder / "pty-check.toml").write_text(PTY_CHECK)
    data = tmp_path / "data"
    env = {**os.environ, "ISOTIMER_DATA_DIR": str(data), "NO_COLOR": "1", "TERM": "dumb"}
    argv = ["-m", "isotimer", "--sessions", str(folder), "run", "pty-check", "--plain"]
    children = []

    def start():
        child = pexpect.spawn(
            sys.executable, argv, env=env, encoding="utf-8", timeout=TIMEOUT_S, dimensions=(24, 80)
        )
        children.append(child)
        return child

    start.history = data / "history.sqlite3"
    yield start
    for child in children:
        if child.isalive():
            child.kill(signal.SIGKILL)


def history_of(path: Path):
    with HistoryStore.open(path) as store:
        return store.holds(newest_first=False)


def test_plain_run_end_to_end_with_keys(spawn):
    child = spawn()
    child.expect_exact("Pty check (beginner)")
    child.expect_exact("Keys: space pause")
    child.expect_exact("Get ready: 1 s, then Plank")
    child.expect_exact("Plank: 12 s")
    child.expect_exact("10 s left")
    child.send(" ")
    child.expect_exact("Paused")
    child.send(" ")
    child.expect_exact("Resumed")
    for count in ("3", "2", "1"):
        # Each count may follow the terminal bell, the one control character plain mode writes.
        child.expect(rf"\x07?{count}\r\n")
    child.expect_exact("Rest: 2 s, then Side plank, left side")
    child.expect_exact("Side plank, left side: 4 s")
    child.send("d")
    child.expect_exact("Switch sides: 1 s")
    child.expect_exact("Side plank, right side: 4 s")
    child.expect_exact("End of the session.")
    child.expect_exact("Pty check: 3 holds, 2 held to the end, 1 ended early;")
    child.expect_exact("Session: partial")
    child.expect_exact("How hard was it? (1-10, Enter to skip): ")
    child.sendline("11")
    child.expect_exact("Give a whole number from 1 to 10")
    child.expect_exact("How hard was it? (1-10, Enter to skip): ")
    child.sendline("6")
    # The sides were worked apart, so pain is asked a side at a time, as the app does.
    child.expect_exact("Any pain on the left side? (0-10, Enter to skip): ")
    child.sendline("3")
    child.expect_exact("Any pain on the right side? (0-10, Enter to skip): ")
    child.sendline("")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "\x1b" not in child.before  # no escape codes: a dumb terminal or a reader gets text
    holds = history_of(spawn.history)
    assert [(h.exercise, h.side, h.completed) for h in holds] == [
        ("plank", "none", True),
        ("side-plank", "left", False),
        ("side-plank", "right", True),
    ]
    assert holds[0].held_s == 12 and holds[1].held_s < 4
    assert [(h.effort, h.pain) for h in holds] == [(6, 3), (6, 3), (6, None)]


def test_q_then_y_stops_and_saves_the_hold_in_progress(spawn):
    child = spawn()
    child.expect_exact("Plank: 12 s")
    child.send("q")
    child.expect_exact("Stop the session?")
    child.send("y")
    child.expect_exact("Session stopped.")
    child.expect_exact("How hard was it?")
    child.sendline("")
    child.expect_exact("Any pain?")
    child.sendline("")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    [stopped] = history_of(spawn.history)
    assert stopped.exercise == "plank" and not stopped.completed


def test_kill_9_loses_no_finished_hold(spawn):
    child = spawn()
    child.expect_exact("Rest: 2 s")
    child.kill(signal.SIGKILL)
    child.expect(pexpect.EOF)
    [plank] = history_of(spawn.history)
    assert (plank.exercise, plank.held_s, plank.completed) == ("plank", 12, True)


def test_sigterm_stops_the_run_and_saves_the_hold_in_progress(spawn):
    child = spawn()
    child.expect_exact("Plank: 12 s")
    child.kill(signal.SIGTERM)
    child.expect_exact("Session stopped.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 143
    [stopped] = history_of(spawn.history)
    assert not stopped.completed
