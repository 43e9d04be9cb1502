"""A real terminal for the benchmarks: tmux sessions, and what /proc says about their programs."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
SIZE = (100, 30)


class Tmux:
    """One tmux server of its own per program, so nothing else shares or leaks into it."""

    def __init__(self, name: str) -> None:
        self.socket = f"isotimer-bench-{os.getpid()}-{name}-{time.monotonic_ns()}"
        self.socket_path = ""

    def tmux(self, *args: str) -> str:
        done = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True)
        return done.stdout

    def start(self, argv: list[str], env: Mapping[str, str] | None = None) -> None:
        """Run ``argv`` as the pane's own process (``exec``), so its pid is the pane's."""
        assigns = " ".join(f"{key}={shlex.quote(value)}" for key, value in (env or {}).items())
        width, height = SIZE
        command = f"{assigns} exec {shlex.join(argv)}".strip()
        self.socket_path = self.tmux(
            "new-session", "-d", "-P", "-F", "#{socket_path}",
            "-s", "bench", "-x", str(width), "-y", str(height), command,
        ).strip()  # fmt: skip

    def pid(self) -> int:
        return int(self.tmux("display", "-p", "-t", "bench", "#{pane_pid}").strip())

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "bench")

    def close(self) -> None:
        """Stop the server and remove its socket, which tmux leaves behind in /tmp."""
        self.tmux("kill-server")
        if self.socket_path:
            Path(self.socket_path).unlink(missing_ok=True)


def running(pid: int) -> bool:
    """Whether ``pid`` is still a live process (not gone, not a zombie)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of ``pid`` so far (utime + stime in /proc/PID/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def peak_rss_mib(pid: int) -> float:
    """The peak resident set (VmHWM) of ``pid`` in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise LookupError("VmHWM")


def wait_for(check, timeout_s: float, every_s: float = 0.005):
    """Poll ``check()`` until it returns something truthy; None after ``timeout_s``."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(every_s)
    return None


def sleep_until(moment: float) -> None:
    time.sleep(max(0.0, moment - time.monotonic()))


@contextmanager
def busy_cpu() -> Iterator[None]:
    """Every core spinning in a background process until the block ends."""
    spin = "while True: pass"
    burners = [subprocess.Popen([sys.executable, "-c", spin]) for _ in range(os.cpu_count() or 1)]
    try:
        yield
    finally:
        for burner in burners:
            burner.kill()
            burner.wait()
