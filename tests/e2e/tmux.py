"""A tmux server of a test's own: every call checked, readiness polled, its socket removed.

Each ``start`` makes a new server on a new ``-L`` socket, so a server that is
still going away (after ``kill-server``, or after its last pane exited) can
never answer for the next one. ``close`` waits for the server process to end
and deletes the socket file, which tmux 3.3 leaves behind in ``/tmp/tmux-UID``.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import time
import uuid
from collections.abc import Callable
from pathlib import Path

TIMEOUT_S = 15.0
POLL_S = 0.1
SIZE = (100, 30)
_NO_SERVER = ("no server running", "error connecting", "server exited")
# GNU readline, once anything in the test process loads it, exports LINES and COLUMNS
# behind os.environ's back (C setenv). A child started with the process's own
# environment then inherits them, and an app in the pane believes the terminal is
# 80x24 whatever tmux says. os.environ is the view without them: pass it explicitly.
_SIZE_VARIABLES = ("LINES", "COLUMNS")


def clean_environment() -> dict[str, str]:
    """The environment for tmux: this process's own, without a stale terminal size."""
    return {key: value for key, value in os.environ.items() if key not in _SIZE_VARIABLES}


class TmuxError(AssertionError):
    """A tmux command failed: the test fails with the command and what tmux said."""


def process_gone(pid: int, timeout_s: float = TIMEOUT_S) -> bool:
    """Whether ``pid`` has exited (a zombie counts: its parent may be gone too) within the time."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except FileNotFoundError:
            return True
        if state == "Z":
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.05)


def poll(check: Callable[[], object], timeout_s: float, every_s: float = POLL_S) -> object:
    """Call ``check`` until it returns something truthy; that value, or None at the deadline."""
    deadline = time.monotonic() + timeout_s
    while True:
        if value := check():
            return value
        if time.monotonic() >= deadline:
            return None
        time.sleep(every_s)


class Terminal:
    """One tmux session of a test's own, on a server nobody else shares."""

    def __init__(self, name: str, size: tuple[int, int] = SIZE) -> None:
        self.name = name
        self.size = size
        self.socket: str | None = None
        self.pane_pid: int | None = None
        self._prefix = f"isotimer-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self._numbers = itertools.count(1)
        self._server_pid: int | None = None
        self._socket_path: Path | None = None

    def tmux(self, *args: str) -> str:
        """Run one tmux command on this server; raise ``TmuxError`` if it fails."""
        if self.socket is None:
            raise TmuxError(f"tmux {' '.join(args)}: no server started")
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args],
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            env=clean_environment(),
        )
        if done.returncode != 0:
            raise TmuxError(
                f"tmux -L {self.socket} {' '.join(args)} exited {done.returncode}: "
                f"{done.stderr.strip() or done.stdout.strip()}"
            )
        return done.stdout

    def start(self, command: str) -> int:
        """Start a new server whose one pane runs the shell ``command``; returns the pane's pid.

        ``new-session -P`` prints the pids in the same call that creates the
        session, so nothing can exit in between.
        """
        self.close()
        self.socket = f"{self._prefix}-{next(self._numbers)}"
        width, height = self.size
        info = self.tmux(
            "new-session", "-d", "-P", "-F", "#{pid} #{pane_pid} #{socket_path}",
            "-s", self.name, "-x", str(width), "-y", str(height), command,
        )  # fmt: skip
        server_pid, pane_pid, socket_path = info.strip().split(" ", 2)
        self._server_pid, self.pane_pid = int(server_pid), int(pane_pid)
        self._socket_path = Path(socket_path)
        return self.pane_pid

    def screen(self) -> str:
        """The text the pane shows now."""
        return self.tmux("capture-pane", "-p", "-t", self.name)

    def keys(self, *keys: str) -> None:
        """Type ``keys`` (tmux key names) into the pane."""
        self.tmux("send-keys", "-t", self.name, *keys)

    def resize(self, width: int, height: int) -> None:
        """Resize the window, and wait until tmux reports the new size."""
        self.tmux("resize-window", "-t", self.name, "-x", str(width), "-y", str(height))
        wanted = f"{width}x{height}"
        size = poll(lambda: self.window_size() == wanted, TIMEOUT_S)
        if not size:
            raise TmuxError(f"the window did not become {wanted}: it is {self.window_size()}")

    def window_size(self) -> str:
        """The window's size as tmux has it, ``WIDTHxHEIGHT``."""
        size = self.tmux("display", "-p", "-t", self.name, "#{window_width}x#{window_height}")
        return size.strip()

    def wait_for(self, text: str, timeout_s: float = TIMEOUT_S) -> str:
        """The screen, once it shows ``text``; the test fails with the screen if it never does."""
        screens = [""]

        def shows() -> bool:
            screens[0] = self.screen()
            return text in screens[0]

        if not poll(shows, timeout_s):
            raise AssertionError(
                f"{text!r} did not appear within {timeout_s} s; the screen was:\n{screens[0]}"
            )
        return screens[0]

    def close(self) -> None:
        """Stop the server (tmux hangs up on the pane: SIGHUP), wait for it, remove its socket."""
        if self.socket is None:
            return
        done = subprocess.run(
            ["tmux", "-L", self.socket, "kill-server"],
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            env=clean_environment(),
        )
        if done.returncode != 0 and not any(n in done.stderr for n in _NO_SERVER):
            raise TmuxError(f"tmux -L {self.socket} kill-server: {done.stderr.strip()}")
        if self._server_pid is not None and not process_gone(self._server_pid):
            raise TmuxError(f"the tmux server {self._server_pid} did not exit")
        if self._socket_path is not None:
            self._socket_path.unlink(missing_ok=True)
        self.socket = self._server_pid = self._socket_path = None
