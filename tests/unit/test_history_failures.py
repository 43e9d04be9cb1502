"""The history under failure: killed processes, read-only or full disks, foreign files, races."""

from __future__ import annotations

import errno
import json
import multiprocessing
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from isotimer.core.history.records import Outcome
from isotimer.storage.history import file as history_file
from isotimer.storage.history.errors import (
    ForeignHistoryFile,
    HistoryError,
    HistoryUnavailable,
    HistoryWriteError,
)
from isotimer.storage.history.file import move_aside
from isotimer.storage.history.store import HistoryStore
from tests.privileges import as_ordinary_user, folder_for_ordinary_user
from tests.unit.factories import hold, session
from tests.unit.history_factories import hold_record
from tests.unit.recorded_run import RecordedRun

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def path(isolated_data_dir):
    return isolated_data_dir / "history.sqlite3"


# -- a process killed mid-session ------------------------------------------
CHILD = """
import sys
from pathlib import Path
from isotimer.storage.history.store import HistoryStore
from tests.unit.history_factories import hold_record
store = HistoryStore.open(Path(sys.argv[1]))
for n in range(1_000_000):
    store.add_hold(hold_record(id=f"kill-{n}", run_id="killed"))
    print(f"kill-{n}", flush=True)
"""


def test_sigkill_mid_session_keeps_every_hold_that_had_ended(path):
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path)], cwd=REPO, stdout=subprocess.PIPE, text=True
    )
    confirmed = [child.stdout.readline().strip() for _ in range(200)]
    child.send_signal(signal.SIGKILL)
    child.wait()
    with HistoryStore.open(path) as store:
        stored = {hold.id for hold in store.run_holds("killed")}
    assert set(confirmed) <= stored
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


# -- writes failing: read-only, full, failing disk ---------------------------
class FaultyConnection:
    """Wraps the store's connection; while ``error`` is set, every write raises it."""

    WRITES = ("INSERT", "UPDATE", "COMMIT")

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.error: BaseException | None = None

    def execute(self, sql: str, *args):
        if self.error is not None and sql.lstrip().upper().startswith(self.WRITES):
            raise self.error
        return self.conn.execute(sql, *args)

    def executemany(self, sql: str, *args):
        if self.error is not None:
            raise self.error
        return self.conn.executemany(sql, *args)

    def __getattr__(self, name: str):
        return getattr(self.conn, name)


FAULTS = [
    pytest.param(
        sqlite3.OperationalError("attempt to write a readonly database"), "read-only", id="readonly"
    ),
    pytest.param(OSError(errno.EROFS, "Read-only file system"), "read-only", id="erofs"),
    pytest.param(sqlite3.OperationalError("database or disk is full"), "disk is full", id="full"),
    pytest.param(OSError(errno.ENOSPC, "No space left on device"), "disk is full", id="enospc"),
    pytest.param(sqlite3.OperationalError("disk I/O error"), "disk reported an error", id="eio"),
]


THREE_SETS = session(hold(seconds=30, sets=3, rest=10), lead_in=5)


def three_sets(store: HistoryStore | None) -> RecordedRun:
    """Three sets of one hold run on a fake clock with a recorder."""
    return RecordedRun(store, THREE_SETS)


@pytest.mark.parametrize(("fault", "message"), FAULTS)
def test_a_failing_write_keeps_holds_pending_until_retry_succeeds(path, fault, message):
    faulty = FaultyConnection(history_file.connect(path))
    store = HistoryStore(path, faulty)
    run = three_sets(store)
    run.wait(5 + 30)  # the first set is saved
    faulty.error = fault
    run.wait(10_000)  # the other two sets and the run's end fail
    assert len(run.recorder.pending) == 2
    assert message in run.recorder.last_error and str(path) in run.recorder.last_error
    assert store.count() == 1
    assert run.recorder.retry() is False  # still failing
    faulty.error = None
    assert run.recorder.retry() is True
    assert run.recorder.pending == [] and run.recorder.last_error is None
    assert store.run_holds(run.recorder.run_id) == run.recorder.records
    assert store.runs()[0].outcome is Outcome.COMPLETED
    store.close()


def test_pending_holds_are_retried_before_the_next_write(path):
    faulty = FaultyConnection(history_file.connect(path))
    store = HistoryStore(path, faulty)
    run = three_sets(store)
    faulty.error = OSError(errno.ENOSPC, "No space left on device")
    run.wait(5 + 30)
    assert len(run.recorder.pending) == 1
    faulty.error = None
    run.wait(10 + 30)
    assert run.recorder.pending == [] and store.count() == 2
    store.close()


def test_a_rating_given_while_failing_is_kept_and_saved_later(path):
    faulty = FaultyConnection(history_file.connect(path))
    store = HistoryStore(path, faulty)
    run = three_sets(store)
    run.wait(5 + 30)
    faulty.error = sqlite3.OperationalError("database or disk is full")
    run.wait(10_000)
    run.recorder.rate(effort=8, pain=1, note="tired")
    assert {(h.effort, h.pain) for h in run.recorder.pending} == {(8, 1)}
    faulty.error = None
    assert run.recorder.retry()
    assert {(h.effort, h.pain, h.note) for h in store.holds()} == {(8, 1, "tired")}
    store.close()


def test_sqlite_refusing_writes_for_real_is_a_history_write_error(path):
    conn = history_file.connect(path)
    with HistoryStore(path, conn) as store:
        conn.execute("PRAGMA query_only = ON")
        with pytest.raises(HistoryWriteError, match="read-only"):
            store.add_hold(hold_record())
        conn.execute("PRAGMA query_only = OFF")
        assert store.add_hold(hold_record()) is True


def test_a_database_at_its_size_limit_is_a_full_disk_and_recovers(path):
    conn = history_file.connect(path)
    with HistoryStore(path, conn) as store:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(HistoryWriteError, match="disk is full"):
            for n in range(1000):
                store.add_hold(hold_record(id=f"fill-{n}", note="x" * 500))
        saved = store.count()
        conn.execute("PRAGMA max_page_count = 1073741823")
        store.add_hold(hold_record(id="after"))
        assert store.count() == saved + 1


READ_ONLY_CHILD = """
import json, sys
from pathlib import Path
from isotimer.storage.history.errors import HistoryWriteError
from isotimer.storage.history.store import HistoryStore
from tests.unit.history_factories import hold_record

folder = Path(sys.argv[1])
path = folder / "history.sqlite3"
with HistoryStore.open(path) as store:
    store.add_hold(hold_record(id="before"))
path.chmod(0o400)
folder.chmod(0o500)
seen = {"error": None}
try:
    with HistoryStore.open(path) as store:
        store.add_hold(hold_record(id="while-read-only"))
except HistoryWriteError as error:
    seen["error"] = str(error)
folder.chmod(0o700)
path.chmod(0o600)
with HistoryStore.open(path) as store:
    store.add_hold(hold_record(id="after"))
    seen["ids"] = sorted(hold.id for hold in store.holds())
print(json.dumps(seen))
"""


@pytest.fixture
def user_folder():
    folder = folder_for_ordinary_user()
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_a_read_only_data_folder_for_real(user_folder):
    """Real permissions, as an ordinary user (``setpriv`` drops root, which ignores them)."""
    argv = as_ordinary_user([sys.executable, "-c", READ_ONLY_CHILD, str(user_folder)])
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(argv, cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    path = user_folder / "history.sqlite3"
    assert (
        seen["error"] == f"Cannot write the history at {path}: the file or its folder is read-only."
    )
    assert seen["ids"] == ["after", "before"], "nothing was written while read-only, nothing lost"


def test_a_folder_that_cannot_be_created_is_a_history_write_error(tmp_path):
    (tmp_path / "file").write_text("")
    with pytest.raises(HistoryWriteError, match="Cannot write the history"):
        HistoryStore.open(tmp_path / "file" / "history.sqlite3")


def test_a_read_only_file_system_at_open_is_a_history_write_error(path, monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(history_file.os, "open", refuse)
    with pytest.raises(HistoryWriteError, match="read-only"):
        HistoryStore.open(path)


# -- something else at the history path --------------------------------------
def random_bytes(path: Path) -> None:
    path.write_bytes(os.urandom(4096))


def other_apps_database(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        conn.execute("INSERT INTO notes (body) VALUES ('keep me')")
    conn.close()


def lookalike_database(path: Path) -> None:
    """Tables named like ours, but not made by isotimer (no application id)."""
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE holds (id TEXT)")
        conn.execute("CREATE TABLE runs (id TEXT)")
    conn.close()


def damaged_history(path: Path) -> None:
    with HistoryStore.open(path) as store:
        store.import_holds(hold_record(id=f"h{n}", note="x" * 200) for n in range(300))
    data = bytearray(path.read_bytes())
    data[4096 * 2 : 4096 * 6] = os.urandom(4096 * 4)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    "make", [random_bytes, other_apps_database, lookalike_database], ids=lambda f: f.__name__
)
def test_a_foreign_file_is_refused_untouched_and_can_be_moved_aside(path, make):
    path.parent.mkdir()
    make(path)
    before = path.read_bytes()
    with pytest.raises(ForeignHistoryFile, match="not an isotimer history"):
        HistoryStore.open(path)
    assert path.read_bytes() == before
    moved = move_aside(path)
    assert moved.name.startswith("history.sqlite3.broken-") and moved.read_bytes() == before
    with HistoryStore.open(path) as store:
        assert store.count() == 0


def test_a_folder_at_the_history_path_is_refused_untouched(path):
    path.mkdir(parents=True)
    (path / "inside.txt").write_text("mine")
    with pytest.raises(HistoryUnavailable, match="is a folder"):
        HistoryStore.open(path)
    assert (path / "inside.txt").read_text() == "mine"
    assert (move_aside(path) / "inside.txt").read_text() == "mine"


def test_a_damaged_history_is_an_error_not_a_traceback_and_stays_untouched(path):
    path.parent.mkdir()
    damaged_history(path)
    before = path.read_bytes()
    with pytest.raises(HistoryUnavailable, match="damaged"), HistoryStore.open(path) as store:
        store.holds()
    assert path.read_bytes() == before


# -- two isotimers at once ----------------------------------------------------
def append_holds(path: str, prefix: str, count: int, start) -> None:
    start.wait(timeout=60)  # both open and write at the same moment
    with HistoryStore.open(Path(path)) as store:
        for n in range(count):
            store.add_hold(hold_record(id=f"{prefix}-{n}", run_id=prefix))


@pytest.mark.parametrize("existing", [True, False], ids=["existing_file", "fresh_file"])
def test_two_processes_appending_at_once_lose_nothing(path, existing):
    if existing:
        HistoryStore.open(path).close()
    else:
        path.parent.mkdir(mode=0o700)
    spawn = multiprocessing.get_context("spawn")
    start = spawn.Barrier(2)
    workers = [spawn.Process(target=append_holds, args=(str(path), p, 500, start)) for p in "ab"]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    assert [worker.exitcode for worker in workers] == [0, 0]
    with HistoryStore.open(path) as store:
        assert store.count() == 1000
        assert {len(store.run_holds(p)) for p in "ab"} == {500}


# -- a torn write at the end of the write-ahead log ---------------------------
def test_garbage_after_the_last_commit_in_the_wal_loses_no_committed_hold(path, tmp_path):
    crashed = tmp_path / "crashed" / "history.sqlite3"
    crashed.parent.mkdir()
    with HistoryStore.open(path) as store:
        for n in range(10):
            store.add_hold(hold_record(id=f"t{n}"))
        # The files as a crash would leave them: WAL not yet checkpointed, no -shm.
        shutil.copy(path, crashed)
        shutil.copy(f"{path}-wal", f"{crashed}-wal")
    with open(f"{crashed}-wal", "ab") as wal:
        wal.write(os.urandom(3000))  # a frame half written when the power went
    with HistoryStore.open(crashed) as store:
        assert store.count() == 10


def test_every_failure_is_a_history_error():
    for error in (HistoryUnavailable, ForeignHistoryFile, HistoryWriteError):
        assert issubclass(error, HistoryError)
