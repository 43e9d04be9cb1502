"""A flood of half-open connections on the share port: the terminal stays clean, the run on time.

``isotimer run … --plain --share`` runs with at most 1,024 file descriptors
(``ulimit -n 1024``) while the test opens 1,100 connections to its port on
loopback, each sending half a request and then nothing. Before the server had
a cap, that made asyncio print tens of thousands of tracebacks.
"""

from __future__ import annotations

import contextlib
import io
import os
import resource
import socket
import sys
import time
import urllib.request
from urllib.parse import urlsplit

import pytest

pexpect = pytest.importorskip("pexpect")
pytestmark = [pytest.mark.e2e, pytest.mark.timeout(120)]

FLOOD = 1100
SERVER_FILES = 1024
HOLD_S = 8
ON_TIME_S = 0.5
MAX_OPEN_FILES = 200  # the server's 64 connections and the process's own files
SESSION = f"""\
name = "Flooded"
lead_in = 2

[[hold]]
exercise = "plank"
seconds = {HOLD_S}
"""


def limit_files() -> None:
    resource.setrlimit(resource.RLIMIT_NOFILE, (SERVER_FILES, SERVER_FILES))


@pytest.fixture
def enough_files():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = FLOOD + 200
    if hard != resource.RLIM_INFINITY and hard < wanted:
        pytest.skip(f"this test needs {wanted} open files, the hard limit is {hard}")
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, wanted), hard))
    yield
    resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def half_open(port: int) -> list[socket.socket]:
    """``FLOOD`` connections to ``port``, each with half a request line: none ever completed."""
    flood = []
    for _ in range(FLOOD):
        connection = socket.socket()
        connection.setblocking(False)
        connection.connect_ex(("127.0.0.1", port))
        flood.append(connection)
    time.sleep(0.2)
    for connection in flood:
        with contextlib.suppress(OSError):
            connection.send(b"GET /x HTTP/1.1\r\nHost: 127.0.0.1")
    return flood


def test_a_flood_leaves_the_terminal_clean_and_the_session_on_time(tmp_path, enough_files):
    folder = tmp_path / "extra"
    folder.mkdir()
    (folder / "flooded.toml").write_text(SESSION)
    env = {**os.environ, "ISOTIMER_DATA_DIR": str(tmp_path / "data"), "NO_COLOR": "1",
           "TERM": "dumb"}  # fmt: skip
    argv = ["-m", "isotimer", "--sessions", str(folder), "run", "flooded", "--plain", "--share"]
    child = pexpect.spawn(
        sys.executable, argv, env=env, encoding="utf-8", timeout=30, preexec_fn=limit_files
    )
    child.logfile_read = seen = io.StringIO()  # everything the terminal showed
    flood: list[socket.socket] = []
    try:
        child.expect(r"Live page: (http://127\.0\.0\.1:\d+/[\w-]+/)")
        url = child.match.group(1)
        child.expect_exact(f"Plank: {HOLD_S} s")
        started = time.monotonic()
        flood = half_open(urlsplit(url).port)
        flooded_in = time.monotonic() - started
        time.sleep(1.0)  # the server has taken what it will take
        open_files = len(os.listdir(f"/proc/{child.pid}/fd"))
        answered = time.monotonic()
        with urllib.request.urlopen(url, timeout=5) as reply:
            assert reply.status == 200
        page_s = time.monotonic() - answered
        child.expect_exact("End of the session.")
        late = time.monotonic() - started - HOLD_S
        for connection in flood:
            connection.close()
        flood = []
        for _ in ("effort", "pain"):
            child.expect_exact("Enter to skip")
            child.sendline("")
        child.expect(pexpect.EOF)
    finally:
        for connection in flood:
            connection.close()
        if child.isalive():
            child.kill(9)
    assert abs(late) <= ON_TIME_S, late
    assert open_files < MAX_OPEN_FILES, open_files
    printed = seen.getvalue()
    for word in ("Traceback", "Error", "error", "exception"):
        assert word not in printed, printed[-3000:]
    log = tmp_path / "data" / "live-page.log"
    if log.exists():
        assert log.stat().st_mode & 0o077 == 0
    print(f"{FLOOD} half-open connections in {flooded_in:.2f} s; {open_files} files open in "
          f"isotimer a second later; the page answered in "
          f"{page_s:.3f} s; the session ended {late:+.3f} s from its plan")  # fmt: skip
