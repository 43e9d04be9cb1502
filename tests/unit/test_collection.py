"""Garbage collection for a long run: on once it is set up, with start-up's objects frozen."""

from __future__ import annotations

import gc

import pytest

from isotimer import cli


@pytest.fixture
def seen(monkeypatch):
    """What collection was like when a long run began: (enabled, frozen objects)."""
    states: list[tuple[bool, int]] = []

    def record(*_args, **_kwargs) -> None:
        states.append((gc.isenabled(), gc.get_freeze_count()))

    monkeypatch.setattr("isotimer.commands.launch.terminal_problem", lambda: None)
    yield states, record
    gc.unfreeze()
    gc.enable()


def assert_collecting_with_start_up_frozen(states):
    [(enabled, frozen)] = states
    assert enabled
    assert frozen > 10_000  # the modules and the catalog, never walked again


def test_the_app_runs_with_collection_on_and_start_up_frozen(seen, monkeypatch, tmp_path):
    from isotimer.ui.app import IsoTimerApp

    states, record = seen
    monkeypatch.setattr(IsoTimerApp, "run", record)
    assert cli.main(["--data-dir", str(tmp_path)]) == 0
    assert_collecting_with_start_up_frozen(states)


def test_a_plain_run_collects_too(seen, monkeypatch, tmp_path):
    states, record = seen
    monkeypatch.setattr("isotimer.commands.plain.run_plain", lambda *args, **kwargs: record() or 0)
    assert cli.main(["--data-dir", str(tmp_path), "run", "recovery-day", "--plain"]) == 0
    assert_collecting_with_start_up_frozen(states)


def test_the_server_collects_too(seen, monkeypatch, tmp_path):
    pytest.importorskip("textual_serve")
    from isotimer.web.serve_server import IsoTimerServer

    states, record = seen
    monkeypatch.setattr(IsoTimerServer, "serve", record)
    assert cli.main(["--data-dir", str(tmp_path), "serve", "--port", "8123"]) == 0
    assert_collecting_with_start_up_frozen(states)


def test_the_editor_collects_too(seen, monkeypatch, tmp_path):
    from isotimer.ui.editor_app import EditorApp

    states, record = seen
    monkeypatch.setattr("isotimer.commands.builder.terminal_problem", lambda: None)
    monkeypatch.setattr(EditorApp, "run", record)  # None: nothing saved
    assert cli.main(["--data-dir", str(tmp_path), "edit", "recovery-day"]) == 0
    assert_collecting_with_start_up_frozen(states)
