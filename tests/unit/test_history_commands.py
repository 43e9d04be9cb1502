"""``isotimer history|stats|export|import``, called as the CLI calls them."""

from __future__ import annotations

import argparse
import io
import json
from datetime import timedelta
from types import SimpleNamespace

import pytest
from rich.console import Console

from isotimer.commands import history as commands
from isotimer.core.clock import SystemClock
from isotimer.paths import Paths
from isotimer.storage.history.store import HistoryStore
from isotimer.storage.history.transfer import export_holds
from tests.unit.history_factories import hold_record


@pytest.fixture
def ctx(isolated_data_dir):
    def console() -> Console:
        return Console(file=io.StringIO(), width=200, color_system=None)

    return SimpleNamespace(paths=Paths(isolated_data_dir), console=console(), err=console())


def out(ctx) -> str:
    return ctx.console.file.getvalue()


def err(ctx) -> str:
    return ctx.err.file.getvalue()


def run(ctx, *argv: str) -> int:
    parser = argparse.ArgumentParser()
    commands.register(parser.add_subparsers())
    args = parser.parse_args(argv)
    return args.run(args, ctx)


def recent_holds(count: int = 4) -> list:
    """Two runs of a per-side hold in the last days, the right side lagging."""
    now = SystemClock().now()
    return [
        hold_record(
            run_id=f"run-{n // 2}",
            at=now - timedelta(days=3 - n // 2, minutes=-n),
            exercise="test-hold",
            side=("left", "right")[n % 2],
            target_s=40,
            held_s=(40, 30)[n % 2],
            id=f"h{n}",
        )
        for n in range(count)
    ]


@pytest.fixture
def filled(ctx):
    with HistoryStore.open(ctx.paths.history_file) as store:
        store.import_holds(recent_holds())
    return ctx


@pytest.mark.parametrize("command", ["history", "stats"])
def test_without_history_it_says_so_and_creates_nothing(ctx, command):
    assert run(ctx, command) == 0
    assert out(ctx).strip() == "No holds recorded yet."
    assert not ctx.paths.history_file.exists()


def test_history_lists_holds_newest_first_up_to_the_limit(filled):
    assert run(filled, "history", "--limit", "3") == 0
    lines = [line for line in out(filled).splitlines() if "Test hold" in line]
    assert len(lines) == 3
    assert "30/40 s" in lines[0] and "early" in lines[0]


def test_history_filters_by_exercise(filled):
    assert run(filled, "history", "--exercise", "plank") == 0
    assert out(filled) == "No holds of plank recorded.\n"


def test_stats_shows_bests_and_balance_but_no_target_of_its_own(filled):
    assert run(filled, "stats") == 0
    text = out(filled)
    assert "Test hold" in text and "40 s" in text
    assert "25% right lags (!)" in text
    assert "next" not in text and "+5 s" not in text and "-5 s" not in text
    # Piped, stdout holds the records only; the week's line goes to stderr.
    assert "This week:" in err(filled)


@pytest.mark.parametrize("fmt", ["json", "csv", "toml"])
def test_export_writes_to_stdout_or_a_file(filled, tmp_path, fmt):
    assert run(filled, "export", "--format", fmt) == 0
    with HistoryStore.open(filled.paths.history_file) as store:
        assert out(filled) == export_holds(store.holds(newest_first=False), fmt)
    target = tmp_path / f"holds.{fmt}"
    assert run(filled, "export", "-o", str(target)) == 0
    assert target.read_bytes().decode() == out(filled)


def test_export_without_history_writes_an_empty_export(ctx):
    assert run(ctx, "export") == 0
    assert json.loads(out(ctx)) == {"holds": [], "checkins": []}
    assert "No holds recorded yet." in err(ctx)


def test_import_reports_new_duplicate_and_rejected(ctx, tmp_path):
    data = json.loads(export_holds(recent_holds(), "json"))
    data["holds"][1]["side"] = "middle"
    file = tmp_path / "backup.json"
    file.write_text(json.dumps(data))
    assert run(ctx, "import", str(file)) == 1
    assert out(ctx).strip() == "3 new, 0 duplicate, 1 rejected"
    assert "hold 2: side must be left, right or none" in err(ctx)
    del data["holds"][1]
    file.write_text(json.dumps(data))
    assert run(ctx, "import", str(file)) == 0
    assert out(ctx).splitlines()[-1] == "0 new, 3 duplicate, 0 rejected"


def test_import_of_an_unreadable_file_is_one_line_on_stderr(ctx, tmp_path, monkeypatch):
    backup = tmp_path / "backup.json"
    backup.write_text("{}")

    def refuse(path, limit):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("isotimer.storage.history.transfer.open_bounded", refuse)
    assert run(ctx, "import", str(backup)) == 1
    assert err(ctx).count("\n") == 1 and "cannot read" in err(ctx)


@pytest.mark.parametrize("command", ["history", "stats", "export"])
def test_a_corrupt_history_is_one_line_on_stderr_and_exit_1(ctx, command):
    ctx.paths.history_file.parent.mkdir()
    ctx.paths.history_file.write_bytes(b"definitely not sqlite")
    assert run(ctx, command) == 1
    assert err(ctx).count("\n") == 1 and "not an isotimer history" in err(ctx)
    assert ctx.paths.history_file.read_bytes() == b"definitely not sqlite"
