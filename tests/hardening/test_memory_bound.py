"""Reading is bounded: ``isotimer`` on /dev/zero, a FIFO or a huge file ends fast in little memory.

Each command runs in its own process so that its peak RSS (``ru_maxrss`` from
``wait4``) is its own; the bound is a plain start-up's plus a margin, far below
the 6.5 GB that ``validate /dev/zero`` reached when the cap came after the read.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from isotimer.paths import bundled_sessions_dir

PEAK_RSS_MB = 64  # measured: about 20 MB for each of these (README, "Limits")
DEADLINE_S = 10


def run(args: list[str], tmp_path) -> tuple[int, float, str]:
    """Exit status, peak RSS in MB and output of ``isotimer ARGS``; fails past DEADLINE_S."""
    command = [sys.executable, "-m", "isotimer", "--data-dir", str(tmp_path / "data"), *args]
    out_path = tmp_path / "output.txt"
    with open(out_path, "wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + DEADLINE_S
        pid = 0
        while pid == 0:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid == 0 and time.monotonic() > deadline:
                process.kill()
                process.wait()
                pytest.fail(f"isotimer {' '.join(args)} ran over {DEADLINE_S} s")
            if pid == 0:
                time.sleep(0.05)
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, usage.ru_maxrss / 1024, out_path.read_text()


def sparse(path, size: int = 2_000_000_000):
    """A sparse regular file: no disk used, but reading it whole would need ``size`` bytes."""
    with open(path, "wb") as file:
        file.truncate(size)
    return path


@pytest.mark.parametrize(
    "args",
    [["validate", "/dev/zero"], ["validate", "/dev/urandom"], ["import", "/dev/zero"]],
)
def test_devices_are_refused_by_name_in_little_memory(tmp_path, args):
    code, rss_mb, output = run(args, tmp_path)
    assert code == 1 and "is a character device, not a regular file" in output
    assert rss_mb < PEAK_RSS_MB


@pytest.mark.parametrize(("command", "name"), [("validate", "huge.toml"), ("import", "h.json")])
def test_a_huge_regular_file_is_refused_before_it_is_read(tmp_path, command, name):
    code, rss_mb, output = run([command, str(sparse(tmp_path / name))], tmp_path)
    assert code == 1 and "is over" in output
    assert rss_mb < PEAK_RSS_MB


def test_a_fifo_given_by_name_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipe.toml")
    code, rss_mb, output = run(["validate", str(tmp_path / "pipe.toml")], tmp_path)
    assert code == 1 and "is a FIFO (named pipe), not a regular file" in output
    assert rss_mb < PEAK_RSS_MB


def test_the_bound_leaves_room_for_a_normal_run(tmp_path):
    code, rss_mb, _ = run(["validate", str(bundled_sessions_dir() / "full-circuit.toml")], tmp_path)
    assert code == 0 and rss_mb < PEAK_RSS_MB
