"""What a real terminal and a real kernel do to a running session (tmux, the installed app).

``kill -9`` at random moments, the terminal closing (SIGHUP), Ctrl+Z then
``fg``, and the window resized mid-hold. The sessions use holds of a few
seconds, so these tests poll the screen with short, bounded sleeps.
"""

from __future__ import annotations

import json
import os
import random
import re
import shlex
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from tests.e2e.test_tmux import TIMEOUT_S, Terminal, isotimer, pytestmark  # noqa: F401

# Six holds of 2 s, a 1 s rest between: about 20 s from lead-in to the end.
SHORT = """\
name = "Hardening short"
lead_in = 1

[[hold]]
name = "Short hold"
seconds = 2
sets = 6
rest = 1
"""
# Two long holds: cut off in the first, the second is left to resume.
TWO = """\
name = "Hardening two"
lead_in = 1

[[hold]]
name = "Long hold"
seconds = 60
sets = 2
rest = 1
"""
# One long hold, to be in the middle of when something happens.
LONG = """\
name = "Hardening long"
lead_in = 1

[[hold]]
name = "Long hold"
seconds = 60
"""


@pytest.fixture
def folders(tmp_path):
    sessions = tmp_path / "sessions"
    sessions.mkdir()
    (sessions / "hardening-short.toml").write_text(SHORT)
    (sessions / "hardening-long.toml").write_text(LONG)
    return tmp_path / "data", sessions


@pytest.fixture
def terminal(request):
    term = Terminal(request.node.name.replace("_", "-")[:30])
    yield term
    term.close()


def launch(terminal: Terminal, argv: list[str], log: Path | None = None) -> int:
    """Start ``argv`` as the pane's own process; returns its pid."""
    env = f"ISOTIMER_TIMING_LOG={shlex.quote(str(log))} " if log else ""
    terminal.tmux("kill-server")
    terminal.tmux("new-session", "-d", "-s", terminal.name, "-x", "100", "-y", "30",
                  f"{env}exec {shlex.join(argv)}")  # fmt: skip
    return int(terminal.tmux("display", "-p", "-t", terminal.name, "#{pane_pid}").strip())


def wait_long(terminal: Terminal, text: str, timeout_s: float) -> str:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if text in (screen := terminal.screen()):
            return screen
        time.sleep(0.2)
    pytest.fail(f"{text!r} did not appear within {timeout_s} s; the screen was:\n{screen}")


def gone(pid: int, timeout_s: float = TIMEOUT_S) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except FileNotFoundError:
            return True
        if state == "Z":  # exited; its parent (the killed tmux) will not reap it
            return True
        time.sleep(0.05)
    return False


def holds(data: Path) -> list[tuple[str, int, int, float, int]]:
    with sqlite3.connect(data / "history.sqlite3") as conn:
        return conn.execute(
            'SELECT run_id, "set", round, held_s, completed FROM holds ORDER BY started_ts'
        ).fetchall()


def outcomes(data: Path) -> list[str]:
    with sqlite3.connect(data / "history.sqlite3") as conn:
        return [row[0] for row in conn.execute("SELECT outcome FROM runs ORDER BY started_at")]


def logged_holds(log: Path) -> int:
    lines = [json.loads(line) for line in log.read_text().splitlines() if line.strip()]
    return sum(1 for line in lines if line["event"] == "hold")


def test_kill_9_at_random_moments_loses_no_finished_hold_and_the_run_resumes(
    folders, terminal, tmp_path
):
    data, sessions = folders
    rng = random.Random(os.getpid())
    log = tmp_path / "timing.log"
    pid = launch(terminal, isotimer(data, sessions, "run", "hardening-short"), log)
    for _ in range(2):  # two kills, each at a random moment
        terminal.wait_for("HOLD")
        time.sleep(rng.uniform(0.5, 4.0))
        os.kill(pid, signal.SIGKILL)
        assert gone(pid)
        # The timing log is written after the recorder commits: every hold it lists is saved.
        saved = holds(data)
        assert len(saved) >= logged_holds(log)
        assert outcomes(data) == ["in_progress"]
        log.unlink(missing_ok=True)
        pid = launch(terminal, isotimer(data, sessions), log)  # the picker, which offers to resume
        terminal.wait_for("Resume your interrupted session?")
        done = {0: "no holds", 1: "1 hold held to the end"}.get(
            len(saved), f"{len(saved)} holds held to the end"
        )
        assert f"after {done}" in terminal.screen()
        terminal.keys("y")
    # The resume offer says "held to the end" too: wait for the summary's own count.
    wait_long(terminal, "6 holds held to the end", 40)  # up to the whole session again
    saved = holds(data)
    assert [(row[1], row[4]) for row in saved] == [(n, 1) for n in range(1, 7)]
    assert len({row[0] for row in saved}) == 1, "one run, resumed twice"
    assert outcomes(data) == ["completed"]


def test_the_terminal_closing_saves_the_hold_in_progress_and_ends_the_app(folders, terminal):
    data, sessions = folders
    pid = launch(terminal, isotimer(data, sessions, "run", "hardening-long"))
    terminal.wait_for("HOLD")
    time.sleep(2)
    terminal.close()  # the window goes: tmux hangs up on the app (SIGHUP)
    assert gone(pid), "the app exits"
    [(_, _, _, held, completed)] = holds(data)
    assert 1.5 <= held <= 4 and completed == 0
    assert outcomes(data) == ["in_progress"]  # cut off, not stopped: offered for resume
    with sqlite3.connect(data / "history.sqlite3") as conn:
        assert conn.execute("SELECT outcome FROM holds").fetchall() == [("stopped",)]


def launch_in_shell(terminal: Terminal, first: list[str], then: list[str], after: Path) -> int:
    """``sh`` runs ``first``, records the terminal's modes, waits for ``go``, runs ``then``.

    Returns the pid of ``first``. The second program runs in the same pane, so the
    terminal is looked at between the two without restarting tmux.
    """
    go = after.with_name("go")
    script = (
        f"{shlex.join(first)}; stty -a > {shlex.quote(str(after))}; "
        f"while [ ! -e {shlex.quote(str(go))} ]; do sleep 0.1; done; exec {shlex.join(then)}"
    )
    terminal.tmux("kill-server")
    terminal.tmux("new-session", "-d", "-s", terminal.name, "-x", "100", "-y", "30",
                  shlex.join(["sh", "-c", script]))  # fmt: skip
    shell = terminal.tmux("display", "-p", "-t", terminal.name, "#{pane_pid}").strip()
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        children = Path(f"/proc/{shell}/task/{shell}/children").read_text().split()
        if children:
            return int(children[0])
        time.sleep(0.05)
    pytest.fail("isotimer did not start")


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGINT, signal.SIGTERM])
def test_a_signal_with_the_terminal_open_restores_it_and_the_run_resumes(
    folders, terminal, tmp_path, signum
):
    data, sessions = folders
    (sessions / "hardening-two.toml").write_text(TWO)
    after = tmp_path / "stty.txt"
    first = isotimer(data, sessions, "run", "hardening-two")
    pid = launch_in_shell(terminal, first, isotimer(data, sessions), after)
    terminal.wait_for("HOLD")
    time.sleep(1)  # into the first of two 60 s holds
    os.kill(pid, signum)
    assert gone(pid), "the app exits"
    deadline = time.monotonic() + TIMEOUT_S
    while not (after.exists() and after.read_text()) and time.monotonic() < deadline:
        time.sleep(0.1)
    flags = "#{alternate_on} #{mouse_any_flag} #{mouse_all_flag} #{cursor_flag}"
    modes = terminal.tmux("display", "-p", "-t", terminal.name, flags)
    assert modes.split() == ["0", "0", "0", "1"], modes  # main screen, no mouse, cursor on
    words = after.read_text().split()
    assert "icanon" in words and "echo" in words, "the terminal is out of raw mode"
    [(_, _, _, held, completed)] = holds(data)
    assert 0.5 <= held <= 30 and completed == 0, "the hold in progress is saved"
    assert outcomes(data) == ["in_progress"]
    (tmp_path / "go").touch()  # the picker starts in the same terminal
    terminal.wait_for("Resume your interrupted session?")


def left(screen: str) -> int:
    """The seconds the session clock shows ("1:02 left")."""
    minutes, seconds = re.search(r"(\d+):(\d\d) left", screen).groups()
    return int(minutes) * 60 + int(seconds)


def test_ctrl_z_then_fg_pauses_the_hold_and_loses_nothing(folders, terminal):
    data, sessions = folders
    terminal.tmux("new-session", "-d", "-s", terminal.name, "-x", "100", "-y", "30",
                  "bash --norc --noprofile -i")  # fmt: skip
    terminal.keys(shlex.join(isotimer(data, sessions, "run", "hardening-long")), "Enter")
    terminal.wait_for("HOLD")
    time.sleep(1.5)
    terminal.keys("C-z")
    before = left(terminal.wait_for("left"))  # the last frame before the shell took over
    terminal.wait_for("Stopped")
    time.sleep(3)  # suspended: a hold must not go on without its timer on screen
    terminal.keys("fg", "Enter")
    screen = terminal.wait_for("PAUSED")
    assert before - 1 <= left(screen) <= before
    terminal.keys("space")
    time.sleep(2)
    assert "HOLD" in terminal.screen()
    terminal.keys("q")
    terminal.wait_for("Stop the session?")
    terminal.keys("y")
    terminal.wait_for("Every hold is saved")
    [(_, _, _, held, _)] = holds(data)
    assert 3 <= held <= 5, "the 3 s suspended are not counted as held"


def test_resizing_the_window_mid_hold_keeps_the_countdown(folders, terminal):
    data, sessions = folders
    pid = launch(terminal, isotimer(data, sessions, "run", "hardening-long"))
    terminal.wait_for("HOLD")
    for width, height in ((200, 60), (120, 40), (60, 20), (40, 12), (100, 30)):
        terminal.tmux("resize-window", "-t", terminal.name, "-x", str(width), "-y", str(height))
        time.sleep(0.3)
        assert not gone(pid, timeout_s=0)
    screen = terminal.wait_for("HOLD")
    assert 50 <= left(screen) <= 59
