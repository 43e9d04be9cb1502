"""A history file on a read-only folder, and one with damage past its first page."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import subprocess
from types import SimpleNamespace

import pytest
from rich.console import Console

from isotimer.commands import history as commands
from isotimer.commands.launch import _open_history
from isotimer.paths import Paths
from isotimer.storage.history.errors import HistoryUnavailable
from isotimer.storage.history.store import HistoryStore
from tests.unit.history_factories import hold_record

HOLDS = 400  # about 40 pages of holds, so the damage can sit well past the first page


def context(data_dir) -> SimpleNamespace:
    def console() -> Console:
        return Console(file=io.StringIO(), width=200, color_system=None)

    return SimpleNamespace(paths=Paths(data_dir), console=console(), err=console())


def run(ctx, *argv: str) -> int:
    parser = argparse.ArgumentParser()
    commands.register(parser.add_subparsers())
    args = parser.parse_args(argv)
    return args.run(args, ctx)


def filled(data_dir, count: int = HOLDS):
    path = data_dir / "history.sqlite3"
    with HistoryStore.open(path) as store:
        store.import_holds(hold_record(id=f"hold-{n:04d}", note=f"n{n}") for n in range(count))
    return path


@contextlib.contextmanager
def read_only_view(source, mount_point):
    """``source`` bind-mounted read-only at ``mount_point`` (root only), else a skip."""
    mount_point.mkdir()
    done = subprocess.run(["mount", "--bind", str(source), str(mount_point)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot bind-mount here: {done.stderr.decode().strip()}")
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(mount_point)], check=True)
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


@pytest.mark.parametrize("command", ["history", "stats", "export"])
def test_reading_commands_work_on_a_read_only_data_folder(tmp_path, command):
    filled(tmp_path / "data", count=3)
    with read_only_view(tmp_path / "data", tmp_path / "ro") as folder:
        ctx = context(folder)
        assert run(ctx, command) == 0, ctx.err.file.getvalue()
        assert "hold-" in ctx.console.file.getvalue() or command != "export"
        assert list(folder.iterdir()) == [folder / "history.sqlite3"]


def damage_started_at(path, hold_id: bytes) -> None:
    """Break the date in the table row of ``hold_id`` (not an index's copy of it)."""
    data = bytearray(path.read_bytes())
    at = 4096
    while True:
        at = data.index(hold_id, at + 1)
        date = data.find(b"2026-", at, at + 60)
        if date != -1:
            break
    data[date : date + 4] = b"20x6"
    path.write_bytes(bytes(data))


def test_damage_past_the_first_page_is_found_at_open(tmp_path):
    path = filled(tmp_path / "data")
    page_size = 4096
    data = bytearray(path.read_bytes())
    middle = (len(data) // page_size // 2) * page_size
    data[middle : middle + 16] = bytes(16)  # a b-tree page header of zeros
    path.write_bytes(bytes(data))
    with pytest.raises(HistoryUnavailable, match="damaged"):
        HistoryStore.open(path)
    assert path.read_bytes() == bytes(data)  # left untouched for moving aside
    opened = _open_history(Paths(tmp_path / "data"))
    store, problem, blocked = opened.store, opened.problem, opened.blocked
    assert store is None and "damaged" in problem and blocked == path  # the app offers it


def test_export_leaves_out_the_rows_it_cannot_decode_and_says_so(tmp_path):
    path = filled(tmp_path / "data")
    damage_started_at(path, b"hold-0200")  # one started_at is no longer a date
    ctx = context(tmp_path / "data")
    assert run(ctx, "export") == 1
    exported = json.loads(ctx.console.file.getvalue())["holds"]
    assert len(exported) == HOLDS - 1
    errors = ctx.err.file.getvalue()
    assert "skipped hold" in errors and "1 damaged holds" in errors
