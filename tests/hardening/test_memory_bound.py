"""Reading is bounded: ``isotimer`` on /dev/zero, a FIFO or a huge file ends fast in little memory.

Each command runs in its own process so that its peak RSS (``ru_maxrss`` from
``wait4``) is its own; the bound is a plain start-up's plus a margin, far below
the 6.5 GB that ``validate /dev/zero`` reached when the cap came after the read.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from isotimer.paths import bundled_sessions_dir

PEAK_RSS_MB = 64  # measured: about 20 MB for each of these (README, "Limits")
DEADLINE_S = 10


# Linux carries a parent's peak RSS into a forked child, so pytest's own would count:
# a fresh interpreter forks the command instead and reports its child's figure alone.
MEASURE = """
import os, sys
pid = os.fork()
if pid == 0:
    os.execv(sys.executable, [sys.executable, *sys.argv[1:]])
_, status, usage = os.wait4(pid, 0)
print(usage.ru_maxrss, file=sys.stderr)
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run(args: list[str], tmp_path) -> tuple[int, float, str]:
    """Exit status, peak RSS in MB and output of ``isotimer ARGS``; fails past DEADLINE_S."""
    command = ["-m", "isotimer", "--data-dir", str(tmp_path / "data"), *args]
    try:
        done = subprocess.run(
            [sys.executable, "-c", MEASURE, *command],
            capture_output=True,
            text=True,
            timeout=DEADLINE_S,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"isotimer {' '.join(args)} ran over {DEADLINE_S} s")
    *output, peak_kb = done.stderr.rstrip("\n").split("\n")
    return done.returncode, int(peak_kb) / 1024, done.stdout + "\n".join(output)


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
    assert code in (1, 2) and "is a character device, not a regular file" in output
    assert rss_mb < PEAK_RSS_MB


@pytest.mark.parametrize(("command", "name"), [("validate", "huge.toml"), ("import", "h.json")])
def test_a_huge_regular_file_is_refused_before_it_is_read(tmp_path, command, name):
    code, rss_mb, output = run([command, str(sparse(tmp_path / name))], tmp_path)
    assert code == 1 and "is over" in output
    assert rss_mb < PEAK_RSS_MB


def test_a_fifo_given_by_name_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipe.toml")
    code, rss_mb, output = run(["validate", str(tmp_path / "pipe.toml")], tmp_path)
    assert code in (1, 2) and "is a FIFO (named pipe), not a regular file" in output
    assert rss_mb < PEAK_RSS_MB


def test_the_bound_leaves_room_for_a_normal_run(tmp_path):
    code, rss_mb, _ = run(["validate", str(bundled_sessions_dir() / "full-circuit.toml")], tmp_path)
    assert code == 0 and rss_mb < PEAK_RSS_MB


def test_an_import_streams_its_holds_in_bounded_memory(tmp_path):
    """20,000 holds (11 MB): held whole with their parsed tree, the import peaked past 100 MB."""
    from isotimer.storage.history.transfer import export_holds
    from tests.unit.history_factories import hold_record

    holds = [hold_record(id=f"h{n}", run_id=f"r{n // 12}", note="n" * 40) for n in range(20_000)]
    export = tmp_path / "holds.json"
    export.write_text(export_holds(holds, "json"))
    code, peak_mb, output = run(["import", str(export)], tmp_path)
    assert code == 0, output
    assert "20000 new, 0 duplicate, 0 rejected" in output
    assert peak_mb < PEAK_RSS_MB
