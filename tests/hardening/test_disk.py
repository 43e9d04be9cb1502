"""The app when the disk misbehaves: read-only, full, a broken history, bad settings.

Each case builds the app the way ``isotimer run`` does (``commands.app``), runs
a session on a fake clock and checks three things: the app says what is wrong,
the session goes on, and nothing recorded before is lost. The read-only and
full disks are real: a tiny tmpfs mounted for the test (root only; skipped
where the machine does not allow it).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest

from isotimer.commands.launch import _open_history
from isotimer.core.clock import FakeClock
from isotimer.core.session.model import Level
from isotimer.paths import Paths
from isotimer.storage.history.store import HistoryStore
from isotimer.storage.settings import load_settings
from isotimer.ui.app import IsoTimerApp
from isotimer.ui.screens.confirm import ConfirmScreen
from isotimer.ui.screens.run import RunScreen
from isotimer.ui.screens.summary import SummaryScreen
from isotimer.ui.services import RunRequest
from tests.programs import cannot_run
from tests.ui.builders import TEST_SESSION, FakeAnnouncer, catalog
from tests.ui.notices import Notices
from tests.unit.history_factories import hold_record

LEAD_IN, FIRST_HOLD, REST = 5, 30, 20  # TEST_SESSION at beginner level
SIZE = (100, 30)


def build(data: Path, clock: FakeClock) -> IsoTimerApp:
    """The app as ``isotimer run test-holds`` builds it, over a fake clock."""
    paths = Paths(data)
    settings, settings_problems = load_settings(paths.settings_file)
    opened = _open_history(paths)
    history, problem, blocked = opened.store, opened.problem, opened.blocked
    return IsoTimerApp(
        catalog(),
        history,
        clock,
        settings,
        paths=paths,
        start=RunRequest(TEST_SESSION, Level.BEGINNER),
        history_problem=problem,
        history_blocked=blocked,
        settings_problems=settings_problems,
        announcer=FakeAnnouncer(),
    )


def earlier_history(data: Path) -> str:
    """A history holding one hold from an earlier day; returns that hold's id."""
    data.mkdir(parents=True, exist_ok=True)
    with HistoryStore.open(data / "history.sqlite3") as store:
        store.add_hold(hold_record(id="earlier", run_id="earlier-run"))
    return "earlier"


async def hold_through_the_first_hold(pilot, clock: FakeClock) -> RunScreen:
    screen = pilot.app.screen
    assert isinstance(screen, RunScreen)
    clock.advance(LEAD_IN + FIRST_HOLD + 1)
    screen.tick()
    await pilot.pause()
    assert isinstance(pilot.app.screen, RunScreen), "the session goes on"
    assert len(screen.recorder.records) == 1
    return screen


@contextmanager
def tmpfs(folder: Path, size: str = "64k") -> Iterator[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        cannot_run("mounting a tmpfs needs root")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(folder)],
        capture_output=True,
    )
    if mounted.returncode:
        cannot_run(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def remount(folder: Path, mode: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{mode}", str(folder)], check=True)


async def test_read_only_history_folder(tmp_path):
    clock = FakeClock()
    with tmpfs(tmp_path / "data", size="1m") as data:
        earlier = earlier_history(data)
        remount(data, "ro")
        app = build(data, clock)
        notices = Notices()
        async with app.run_test(size=SIZE, message_hook=notices.hook) as pilot:
            await pilot.pause()
            screen = await hold_through_the_first_hold(pilot, clock)
            assert "read-only" in notices.text()
            assert "will not be saved" in notices.text()
            assert screen.recorder.records[0].held_s == FIRST_HOLD
        remount(data, "rw")
        with HistoryStore.open(data / "history.sqlite3") as store:
            assert [hold.id for hold in store.holds()] == [earlier]


async def test_disk_full_mid_session_keeps_the_hold_and_saves_it_once_there_is_room(tmp_path):
    clock = FakeClock()
    with tmpfs(tmp_path / "data", size="256k") as data:
        earlier = earlier_history(data)
        app = build(data, clock)
        notices = Notices()
        async with app.run_test(size=SIZE, message_hook=notices.hook) as pilot:
            await pilot.pause()
            filler = fill(data)
            screen = await hold_through_the_first_hold(pilot, clock)
            assert "disk is full" in notices.text()
            assert len(screen.recorder.pending) == 1
            screen.engine.stop(clock.monotonic())
            screen.tick()
            await pilot.pause()
            assert isinstance(app.screen, SummaryScreen)
            filler.unlink()
            await pilot.press("r")  # retry saving, from the summary
            await pilot.pause()
            assert screen.recorder.pending == []
            app.history.close()
        with HistoryStore.open(data / "history.sqlite3") as store:
            assert sorted(hold.id for hold in store.holds()) == sorted(
                [earlier, screen.recorder.records[0].id]
            )


def fill(folder: Path) -> Path:
    """Take every free byte of ``folder``'s file system."""
    filler = folder / "filler"
    with suppress(OSError), open(filler, "wb", buffering=0) as file:
        while True:
            file.write(b"\0" * 4096)
    return filler


@pytest.mark.parametrize("broken", ["garbage", "folder"])
async def test_a_history_file_replaced_by_garbage_or_a_folder(tmp_path, broken):
    data = tmp_path / "data"
    data.mkdir()
    history = data / "history.sqlite3"
    if broken == "garbage":
        history.write_bytes(os.urandom(5000))
    else:
        history.mkdir()
        (history / "keep.txt").write_text("mine")
    before = snapshot(history)
    clock = FakeClock()
    app = build(data, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen), "the app says the file cannot be used"
        assert str(history) in app.screen.detail
        await pilot.press("n")  # keep it: run without a history
        await pilot.pause()
        screen = await hold_through_the_first_hold(pilot, clock)
        assert screen.recorder.store is None
    assert snapshot(history) == before, "nothing in the way was changed or deleted"


def snapshot(path: Path) -> object:
    if path.is_dir():
        return {child.name: child.read_bytes() for child in path.iterdir()}
    return path.read_bytes()


async def test_a_settings_file_with_bad_values(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.toml").write_text(
        'level = "expert"\nlead_in = "soon"\ncue_rotation_s = -3\nsound = "loud"\ntheme = 5\n'
    )
    earlier = earlier_history(data)
    clock = FakeClock()
    app = build(data, clock)
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices.hook) as pilot:
        await pilot.pause()
        said = notices.text()
        for key in ("level", "lead_in", "cue_rotation_s", "sound", "theme"):
            assert key in said
        assert "using the default" in said
        screen = await hold_through_the_first_hold(pilot, clock)
        saved = app.history.holds()
        assert {hold.id for hold in saved} == {earlier, screen.recorder.records[0].id}
