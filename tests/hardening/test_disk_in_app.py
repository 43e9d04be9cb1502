"""The app with a full disk: the session goes on, the runner is told, nothing is lost."""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess

import pytest
from textual.widgets import Static

from isotimer.core.run.tones import Sound
from isotimer.core.session.model import Level
from isotimer.storage.history.errors import HistoryWriteError
from isotimer.storage.history.store import HistoryStore
from isotimer.storage.settings import load_settings
from isotimer.ui.screens.run import RunScreen
from isotimer.ui.screens.summary import SummaryScreen
from tests.programs import cannot_run
from tests.ui.builders import TEST_SESSION, make_app
from tests.ui.notices import Notices

SIZE = (100, 30)
LEAD_IN, FIRST_HOLD = 5, 30
FULL = "Cannot write the history at {}: the disk is full."


class FullDisk:
    """Patches ``HistoryStore.add_hold`` to fail as a full disk would while ``full`` is set."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.full = True
        real = HistoryStore.add_hold

        def add_hold(store: HistoryStore, hold):
            if self.full:
                raise HistoryWriteError(FULL.format(store.path), store.path)
            return real(store, hold)

        monkeypatch.setattr(HistoryStore, "add_hold", add_hold)


async def tick(pilot, seconds: float) -> None:
    pilot.app.clock.advance(seconds)
    if isinstance(pilot.app.screen, RunScreen):
        pilot.app.screen.tick()
    await pilot.pause()


def saved_text(summary: SummaryScreen) -> str:
    return str(summary.query_one("#saved", Static).render())


async def test_full_disk_keeps_the_session_going_and_retry_saves_every_hold(tmp_path, monkeypatch):
    disk = FullDisk(monkeypatch)
    app = make_app(tmp_path, start=(TEST_SESSION, Level.BEGINNER))
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices.hook) as pilot:
        await tick(pilot, LEAD_IN + FIRST_HOLD + 1)
        run = app.screen
        assert isinstance(run, RunScreen)
        assert run.engine.current is not None and not run.engine.current.is_hold  # resting
        assert len(run.recorder.pending) == 1
        assert "the disk is full" in run.recorder.last_error
        before = run.engine.snapshot(app.clock.monotonic()).index
        await tick(pilot, 25)  # the rest ends and the second set starts on time
        assert run.engine.snapshot(app.clock.monotonic()).index > before
        await tick(pilot, 1000)
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        text = saved_text(summary)
        assert "4 holds are not saved" in text and "the disk is full" in text
        assert "export" in text and summary.check_action("export", ()) is True
        assert app.history.count() == 0

        disk.full = False
        await pilot.press("r")
        await pilot.pause()
        assert "Every hold is saved" in saved_text(summary)
        assert any("every hold is in your history" in m for m in notices.messages)
    assert app.history.count() == 4
    assert {hold.id for hold in app.history.holds()} == {r.id for r in summary.recorder.records}


async def test_full_disk_is_told_during_the_run(tmp_path, monkeypatch):
    FullDisk(monkeypatch)
    app = make_app(tmp_path, start=(TEST_SESSION, Level.BEGINNER))
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices.hook) as pilot:
        await tick(pilot, LEAD_IN + FIRST_HOLD + 1)
        assert isinstance(app.screen, RunScreen)
        assert any("disk is full" in m for m in notices.messages)


# -- a real, tiny file system --------------------------------------------------
@contextlib.contextmanager
def tiny_disk(mount_point):
    """A 1 MiB tmpfs at ``mount_point``, or a skip saying why there cannot be one.

    128 KiB, the first idea, cannot even hold a new history with its WAL.
    """
    if os.geteuid() != 0:
        cannot_run("mounting a tiny tmpfs needs root")
    mount_point.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        cannot_run(f"cannot mount a tmpfs here: {result.stderr.strip() or result.returncode}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def fill(folder) -> int:
    """Write to a file until the file system refuses; returns the bytes written."""
    written = 0
    with open(folder / "ballast", "wb", buffering=0) as ballast:
        try:
            while True:
                written += ballast.write(b"\0" * 4096)
        except OSError as error:
            assert error.errno == errno.ENOSPC
    return written


async def test_a_really_full_disk_loses_nothing_and_the_app_goes_on(tmp_path):
    with tiny_disk(tmp_path / "tiny") as disk:
        app = make_app(disk, start=(TEST_SESSION, Level.BEGINNER))
        try:
            async with app.run_test(size=SIZE) as pilot:
                await tick(pilot, LEAD_IN + FIRST_HOLD + 1)
                run = app.screen
                assert isinstance(run, RunScreen)
                assert app.history.count() == 1 and run.recorder.pending == [], (
                    run.recorder.last_error
                )
                first = app.history.holds()[0]

                fill(disk / "data")
                await tick(pilot, 1000)  # three more holds end with the disk full
                summary = app.screen
                assert isinstance(summary, SummaryScreen)
                records = summary.recorder.records
                assert len(records) == 4
                stored = {hold.id for hold in app.history.holds()}
                pending = {hold.id for hold in summary.recorder.pending}
                assert first.id in stored  # what was saved before the disk filled is kept
                assert stored | pending == {r.id for r in records}  # nothing silently lost
                assert pending, "the full disk refused no write: the test proved nothing"
                assert "not saved" in saved_text(summary) and "disk is full" in saved_text(summary)

                (disk / "data" / "ballast").unlink()
                await pilot.press("r")
                await pilot.pause()
                assert summary.recorder.pending == []
                assert {hold.id for hold in app.history.holds()} == {r.id for r in records}
        finally:
            app.history.close()


# -- a settings file with bad values -------------------------------------------
async def test_bad_settings_file_notifies_uses_defaults_and_the_session_runs(tmp_path):
    settings_file = tmp_path / "settings.toml"
    settings_file.write_text(
        'level = "expert"\nlead_in = -3\nsound = "loud"\ncue_rotation_s = nan\n'
        'theme = 7\nprogression = "calves"\nmystery = 1\n'
    )
    settings, problems = load_settings(settings_file)
    assert len(problems) >= 6
    app = make_app(
        tmp_path,
        settings=settings,
        settings_problems=problems,
        start=(TEST_SESSION, Level.BEGINNER),
    )
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices.hook) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        told = notices.messages
        assert all(problem in told for problem in problems)
        assert (app.settings.level, app.settings.lead_in, app.settings.sound) == (
            Level.BEGINNER,
            5.0,
            Sound.TONES,
        )
        assert app.settings.cue_rotation_s == 8.0 and app.settings.theme == "textual-dark"
        await tick(pilot, 1000)
        assert isinstance(app.screen, SummaryScreen)
    assert app.history.count() == 4
