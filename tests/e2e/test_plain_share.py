"""``isotimer run SESSION --plain --share`` in a real pty: the page follows and its buttons work."""

from __future__ import annotations

import os
import re
import signal
import sys

import pytest

from isotimer.storage.history.store import HistoryStore
from tests.live.page_client import first_state, press_on_page

pexpect = pytest.importorskip("pexpect")
pytestmark = pytest.mark.e2e

SHARED = """\
name = "Shared plain"
lead_in = 1

[[hold]]
exercise = "plank"
seconds = 30
"""
TIMEOUT_S = 20


def test_the_page_follows_a_plain_run_and_pauses_and_ends_its_hold(tmp_path):
    folder = tmp_path / "extra"
    folder.mkdir()
    (folder / "shared-plain.toml").write_text(SHARED)
    data = tmp_path / "data"
    env = {**os.environ, "ISOTIMER_DATA_DIR": str(data), "NO_COLOR": "1", "TERM": "dumb"}
    argv = ["-m", "isotimer", "--sessions", str(folder), "run", "shared-plain", "--plain"]
    child = pexpect.spawn(
        sys.executable, [*argv, "--share"], env=env, encoding="utf-8", timeout=TIMEOUT_S
    )
    try:
        child.expect(r"Live page: (http://127\.0\.0\.1:\d+/[\w-]+/)")
        url = child.match.group(1)
        child.expect_exact("Only this computer can open it")
        child.expect(re.escape("Plank") + ".*30 s")
        assert first_state(url)["phase"] in ("lead_in", "hold")
        child.expect_exact("s left")  # well into the hold
        assert press_on_page(url, "pause") == 204
        child.expect_exact("Paused")  # the terminal says so, as for its own space key
        paused = first_state(url)
        assert paused["paused"] is True and paused["words"] == "PAUSED"
        assert press_on_page(url, "pause") == 204  # a second tap changes nothing
        assert first_state(url)["paused"] is True
        assert press_on_page(url, "resume") == 204
        child.expect_exact("Resumed")
        assert press_on_page(url, "end-hold") == 204
        child.expect_exact("ended early")
        for _ in ("effort", "pain"):
            child.expect_exact("Enter to skip")
            child.sendline("")
        child.expect(pexpect.EOF)
    finally:
        if child.isalive():
            child.kill(signal.SIGKILL)
    with HistoryStore.open(data / "history.sqlite3") as store:
        (hold,) = store.holds()
    assert hold.exercise == "plank" and not hold.completed and 0 < hold.held_s < 30


def test_a_host_that_is_not_this_computers_is_one_line_and_exit_1(tmp_path):
    folder = tmp_path / "extra"
    folder.mkdir()
    (folder / "shared-plain.toml").write_text(SHARED)
    env = {**os.environ, "ISOTIMER_DATA_DIR": str(tmp_path / "data"), "NO_COLOR": "1"}
    argv = ["-m", "isotimer", "--sessions", str(folder), "run", "shared-plain", "--plain"]
    # 203.0.113.5 (TEST-NET-3) is no address of this computer: binding fails, nothing is sent.
    child = pexpect.spawn(
        sys.executable, [*argv, "--share", "--host", "203.0.113.5"], env=env,
        encoding="utf-8", timeout=TIMEOUT_S,
    )  # fmt: skip
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1
    assert "the live page cannot listen on 203.0.113.5:0" in child.before
    assert "Traceback" not in child.before
