"""A hold test in a real terminal: counted up, ended after a few seconds, found by ``tests``.

The test is held for real seconds, so polling the screen with short sleeps is fine here.
"""

from __future__ import annotations

import json
import subprocess
import time

import pytest

from tests.e2e.test_tmux import isotimer, start_recording_status, wait_exit
from tests.programs import requires_program

pytestmark = [pytest.mark.e2e, requires_program("tmux"), pytest.mark.timeout(300)]

ONE_TEST = """\
name = "E2E hold test"
lead_in = 1

[[hold]]
exercise = "wall-sit"
seconds = "max"
cap = 60
"""
HELD_S = 3.0


@pytest.mark.parametrize("key", ["d", "Enter"])
def test_a_test_ended_after_a_few_seconds_is_in_isotimer_tests(tmp_path, terminal, key):
    data, sessions = tmp_path / "data", tmp_path / "sessions"
    sessions.mkdir()
    (sessions / "e2e-test.toml").write_text(ONE_TEST)
    status = tmp_path / "status"
    start_recording_status(terminal, isotimer(data, sessions, "run", "e2e-test"), status)
    terminal.wait_for("HOLD")
    time.sleep(HELD_S)
    terminal.keys(key)  # "that's my hold"
    terminal.wait_for("complete")
    terminal.keys("q")
    assert wait_exit(status) == 0
    done = subprocess.run(
        isotimer(data, sessions, "tests", "--json"), capture_output=True, text=True, check=True
    )
    (entry,) = json.loads(done.stdout)["tests"]
    (result,) = entry["results"]
    assert (entry["exercise"], entry["side"]) == ("wall-sit", "none")
    assert HELD_S <= result["held_s"] < 30
