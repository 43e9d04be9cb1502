"""A damaged or foreign history file is never overwritten; the app offers to move it aside."""

from __future__ import annotations

from isotimer.commands.launch import _open_history
from isotimer.paths import Paths
from isotimer.ui.screens.confirm import ConfirmScreen
from isotimer.ui.screens.picker import PickerScreen

from .builders import make_app

GARBAGE = b"this is not a database\x00\xff" * 40


def blocked_app(tmp_path):
    paths = Paths(tmp_path / "data")
    paths.data_dir.mkdir(parents=True)
    paths.history_file.write_bytes(GARBAGE)
    opened = _open_history(paths)
    store, problem, blocked = opened.store, opened.problem, opened.blocked
    assert store is None and blocked == paths.history_file and problem
    return make_app(tmp_path, history=False, history_problem=problem, history_blocked=blocked)


async def test_the_offer_names_the_problem_and_keeping_it_changes_nothing(tmp_path):
    app = blocked_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "history" in app.screen.detail
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        assert app.history is None
    assert app.paths.history_file.read_bytes() == GARBAGE


async def test_moving_it_aside_keeps_the_old_bytes_and_starts_a_new_history(tmp_path):
    app = blocked_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.history is not None
        assert app.history.count() == 0
    moved = list(app.paths.data_dir.glob("history.sqlite3.broken-*"))
    assert len(moved) == 1 and moved[0].read_bytes() == GARBAGE
    app.history.close()


def test_a_disk_that_cannot_be_written_is_not_offered_for_moving(tmp_path, monkeypatch):
    from isotimer.storage.history import store as history_module
    from isotimer.storage.history.errors import HistoryWriteError

    def refuse(path):
        raise HistoryWriteError(f"Cannot write the history at {path}: the disk is full.", path)

    monkeypatch.setattr(history_module.HistoryStore, "open", classmethod(lambda cls, p: refuse(p)))
    opened = _open_history(Paths(tmp_path))
    store, problem, blocked = opened.store, opened.problem, opened.blocked
    assert store is None and blocked is None
    assert "the disk is full" in problem and "will not be saved" in problem
