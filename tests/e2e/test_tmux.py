"""The installed ``isotimer`` in a real terminal (tmux): start a session, reach the summary.

The session here has one-second holds, so each run takes a few seconds of real
time; polling the screen with short sleeps is fine here and nowhere else.
"""

from __future__ import annotations

import shlex
import sqlite3
import sys
import time
from pathlib import Path

import pytest

from tests.e2e.tmux import TIMEOUT_S, Terminal, poll
from tests.history_readers import history_rows
from tests.programs import requires_program

E2E_TIMEOUT_S = 300  # real seconds of real sessions, on a machine that may be busy
pytestmark = [
    pytest.mark.e2e,
    requires_program("tmux"),
    pytest.mark.timeout(E2E_TIMEOUT_S),
]
ESCAPE_GAP_S = 0.3

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
# Holds and rests long enough to read the digits in each, at one size for the session.
TALL = """\
name = "E2E tall"
lead_in = 1

[[hold]]
name = "Long hold"
seconds = 40
sets = 2
rest = 40
"""
BLOCKS = set("█▀▄")
LONG = """\
name = "E2E long"
lead_in = 1

[[hold]]
name = "Long hold"
seconds = 30
sets = 2
rest = 1
"""


@pytest.fixture
def folders(tmp_path):
    sessions = tmp_path / "sessions"
    sessions.mkdir()
    (sessions / "e2e-quick.toml").write_text(QUICK)
    return tmp_path / "data", sessions


def start_recording_status(terminal: Terminal, argv: list[str], status_file: Path) -> int:
    """Run ``argv`` in the pane from a shell that writes its exit status to ``status_file``."""
    return terminal.start(f"{shlex.join(argv)}; echo $? > {shlex.quote(str(status_file))}")


def isotimer(data: Path, sessions: Path, *args: str) -> list[str]:
    return [
        sys.executable, "-m", "isotimer", "--data-dir", str(data), "--sessions", str(sessions),
        *args,
    ]  # fmt: skip


def wait_exit(status_file: Path) -> int:
    """The exit status the pane's shell wrote, once isotimer has exited."""
    written = poll(lambda: status_file.exists() and status_file.read_text().strip(), TIMEOUT_S)
    assert written, "isotimer did not exit"
    return int(written)


def saved_holds(data: Path) -> list[tuple[str, float, int]]:
    return history_rows(data, "SELECT exercise, held_s, completed FROM holds ORDER BY started_ts")


def test_run_a_session_directly_to_the_summary(folders, terminal, tmp_path):
    data, sessions = folders
    status = tmp_path / "status"
    start_recording_status(terminal, isotimer(data, sessions, "run", "e2e-quick"), status)
    # Not waiting to see GET READY: on a busy machine the 4 s session can pass between two
    # captures of the screen. The pilot tests check the lead-in; this checks the real run.
    screen = terminal.wait_for("held to the end")
    assert "2 holds held to the end" in screen and "complete" in screen
    assert saved_holds(data) == [("quick-hold", 1.0, 1), ("quick-hold", 1.0, 1)]
    terminal.keys("q")
    assert wait_exit(status) == 0


def test_pick_a_session_by_typing_then_return_to_the_picker(folders, terminal, tmp_path):
    data, sessions = folders
    status = tmp_path / "status"
    start_recording_status(terminal, isotimer(data, sessions), status)
    terminal.wait_for("Choose a session")
    assert "Recovery day" in terminal.screen()
    terminal.keys("e", "2", "e")
    terminal.wait_for("0:04 total")  # the preview follows the filter to the one match
    terminal.keys("Enter")
    terminal.wait_for("held to the end")
    terminal.keys("Enter")
    terminal.wait_for("Choose a session")
    # Keys apart: a key that follows ESC within Textual's escape delay reads as Alt+key,
    # a real terminal's timing that no screen change shows for the first Escape (focus).
    terminal.keys("Escape")  # the filter lets go of the focus
    time.sleep(ESCAPE_GAP_S)
    terminal.keys("Escape")  # the filter empties: every session is listed again
    terminal.wait_for("Recovery day")
    time.sleep(ESCAPE_GAP_S)
    terminal.keys("q")
    assert wait_exit(status) == 0
    assert len(saved_holds(data)) == 2


TINY = QUICK.replace("E2E quick", "Tiny e2e").replace("Quick hold", "Tiny hold")


def filter_text(screen: str) -> str:
    """What the picker's filter line reads (its third line, left of the preview)."""
    return screen.splitlines()[2].split("│")[0].strip()


def test_a_filter_and_enter_typed_in_one_burst_start_the_session_it_leaves(
    folders, terminal, tmp_path
):
    """``/tiny`` and Enter sent at once, as a paste, a fast typist or a phone sends them.

    Its ``t`` is the filter's, not the picker's today key, and Enter starts the
    one session the whole word leaves, not the row highlighted before.
    """
    data, sessions = folders
    (sessions / "tiny.toml").write_text(TINY)
    status = tmp_path / "status"
    start_recording_status(terminal, isotimer(data, sessions), status)
    terminal.wait_for("Choose a session")
    terminal.keys("/tiny", "Enter")
    terminal.wait_for("held to the end")
    assert [hold[0] for hold in saved_holds(data)] == ["tiny-hold", "tiny-hold"]
    terminal.keys("q")
    assert wait_exit(status) == 0


def test_words_typed_in_bursts_keep_every_letter_in_order(folders, terminal, tmp_path):
    """A dozen words, each sent at once, with the picker's own keys inside them.

    The ``q`` of quick does not quit, the ``t`` of tiny does not start today's
    session and the ``2`` of e2e does not pick session 2: the filter reads each
    word as typed, and Ctrl+U empties it for the next.
    """
    data, sessions = folders
    (sessions / "tiny.toml").write_text(TINY)
    status = tmp_path / "status"
    start_recording_status(terminal, isotimer(data, sessions), status)
    terminal.wait_for("Choose a session")
    terminal.keys("/")
    for word in ("tiny", "e2e quick", "quick") * 4:
        terminal.keys(word)
        typed = poll(lambda w=word: filter_text(terminal.screen()) == w, TIMEOUT_S)
        assert typed, (word, terminal.screen())
        terminal.keys("C-u")
        assert poll(lambda: filter_text(terminal.screen()) == "type to filter", TIMEOUT_S)
    terminal.keys("e2e quick", "Enter")
    terminal.wait_for("held to the end")
    assert [hold[0] for hold in saved_holds(data)] == ["quick-hold", "quick-hold"]
    terminal.keys("q")
    assert wait_exit(status) == 0


def test_a_hold_left_with_n_is_saved_as_skipped_not_as_a_failed_set(folders, terminal, tmp_path):
    data, sessions = folders
    (sessions / "e2e-long.toml").write_text(LONG)
    status = tmp_path / "status"
    start_recording_status(terminal, isotimer(data, sessions, "run", "e2e-long"), status)
    terminal.wait_for("HOLD")
    time.sleep(1.5)  # a second or more held, so the run counts as a session
    terminal.keys("n")  # set 1 left before its target
    terminal.wait_for("REST")
    terminal.keys("n")  # past the rest into set 2
    time.sleep(0.5)
    terminal.keys("n")  # set 2 left too
    # The run screen's notice says "skipped" too: wait for the summary itself.
    screen = terminal.wait_for("E2E long · beginner · partial")
    assert "skipped" in screen
    with sqlite3.connect(data / "history.sqlite3") as conn:
        rows = conn.execute(
            'SELECT "set", outcome, completed, held_s FROM holds ORDER BY started_ts'
        ).fetchall()
    assert [(row[0], row[1], row[2]) for row in rows] == [(1, "skipped", 0), (2, "skipped", 0)]
    assert rows[0][3] >= 1.0
    terminal.keys("q")
    assert wait_exit(status) == 0


def digits_rows(screen: str) -> int:
    """The height of the big digits: the longest run of lines drawn in block characters.

    The pacer's bar is blocks too, but always on its track (─), so lines with
    a track are not digits.
    """
    longest = run = 0
    for line in screen.splitlines():
        run = run + 1 if BLOCKS & set(line) and "─" not in line else 0
        longest = max(longest, run)
    return longest


def test_the_digits_are_nine_rows_or_more_at_80_by_24_in_a_hold_and_a_rest(
    folders, terminal, tmp_path
):
    data, sessions = folders
    (sessions / "e2e-tall.toml").write_text(TALL)
    terminal.size = (80, 24)
    start_recording_status(
        terminal, isotimer(data, sessions, "run", "e2e-tall"), tmp_path / "status"
    )
    hold = digits_rows(terminal.wait_for("HOLD"))
    terminal.keys("n")
    rest = digits_rows(terminal.wait_for("REST"))
    assert hold >= 9
    assert rest == hold  # one size through the session
    terminal.keys("q")
    terminal.wait_for("Stop the session?")
    terminal.keys("y")
    terminal.wait_for("E2E tall · beginner")  # the summary (the skipped hold made no session)
