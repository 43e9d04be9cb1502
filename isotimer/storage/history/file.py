"""The history file itself: created owner-only, checked before use, moved aside if broken."""

from __future__ import annotations

import os
import sqlite3
import time
from contextlib import suppress
from datetime import datetime
from pathlib import Path

from isotimer.core.clock import SystemClock
from isotimer.storage.folders import make_private_dir
from isotimer.storage.history import schema
from isotimer.storage.history.errors import ForeignHistoryFile, HistoryUnavailable, translated

BUSY_TIMEOUT_S = 5.0
WAL_RETRIES = 100


def connect(path: Path) -> sqlite3.Connection:
    """A connection to the history at ``path``, created, checked and migrated.

    WAL with ``synchronous=FULL``: a commit survives a killed process or a power
    cut, and a second isotimer waits up to the busy timeout instead of failing.
    """
    create_owner_only(path)
    with translated(path):
        version = check_ours(path)
        conn = sqlite3.connect(
            path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
        )
    try:
        with translated(path):
            check_intact(conn, path)
            _enable_wal(conn)
            conn.execute("PRAGMA synchronous = FULL")
            if version < schema.SCHEMA_VERSION:
                _migrate(conn, path)
    except BaseException:
        conn.close()
        raise
    for suffix in ("-wal", "-shm"):
        with suppress(OSError):
            os.chmod(f"{path}{suffix}", 0o600)
    return conn


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that can only read, for ``history``, ``stats`` and ``export``.

    ``mode=ro`` works in a folder the user may read but not write (a backup, a
    read-only mount), where a normal open fails on the -wal and -shm files.
    """
    with translated(path):
        version = check_ours(path)
        if version != schema.SCHEMA_VERSION:
            raise HistoryUnavailable(
                f"The history {path} needs upgrading: open isotimer once where it can be written.",
                path,
            )
        return _read_only_connection(path)


def _read_only_connection(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(
        f"{path.absolute().as_uri()}?mode=ro",
        uri=True,
        timeout=BUSY_TIMEOUT_S,
        isolation_level=None,
        check_same_thread=False,
    )
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
        # A WAL file needs its -shm beside it, which a read-only folder cannot take.
        # With no -wal left over, every commit is in the main file, which SQLite can
        # then read as immutable; with one, reading it so would miss those holds.
        if Path(f"{path}-wal").exists():
            raise
    return sqlite3.connect(
        f"{path.absolute().as_uri()}?mode=ro&immutable=1",
        uri=True,
        isolation_level=None,
        check_same_thread=False,
    )


def check_intact(conn: sqlite3.Connection, path: Path) -> None:
    """Run SQLite's ``quick_check`` so damage is found at open, not at the first write.

    Left to the first write, a bit flip past the first page made every hold of
    the session fail to save; found here, the app offers to move the file aside.
    It reads every page once (benchmarks/run.py measures it at 100,000 holds).

    Raises:
        HistoryUnavailable: the check found damage.
    """
    problems = [row[0] for row in conn.execute("PRAGMA quick_check(3)")]
    if problems != ["ok"]:
        raise HistoryUnavailable(
            f"The history file {path} is damaged ({'; '.join(problems)}); it was left untouched.",
            path,
        )


def _enable_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL, retrying while another process switches the same new file.

    Two connections converting a fresh file at once can deadlock, and SQLite
    then answers "locked" at once instead of waiting out the busy timeout.
    """
    for _ in range(WAL_RETRIES):
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error):
                raise
            time.sleep(BUSY_TIMEOUT_S / WAL_RETRIES)
    conn.execute("PRAGMA journal_mode = WAL")


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Re-read under the write lock: another process may have migrated first.
        app_id, version, tables = schema.describe(conn)
        if version == 0 and (app_id or tables):
            raise ForeignHistoryFile(foreign_message(path), path)
        schema.migrate(conn, version)
        conn.execute("COMMIT")
    except BaseException:
        with suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        raise


def create_owner_only(path: Path) -> None:
    """Create the data folder (0o700) and an empty file (0o600) before SQLite sees it.

    SQLite gives its -wal and -shm files the main file's mode, so the whole
    history stays readable by its owner only. A new file's folder is synced:
    SQLite syncs the file's contents, but the name in the folder is only as
    durable as the folder, and a power cut could otherwise take the file away.
    """
    if path.is_dir():
        raise ForeignHistoryFile(f"The history path {path} is a folder, not a file.", path)
    with translated(path):
        created = not path.parent.exists()
        make_private_dir(path.parent)
        if created:
            sync_folder(path.parent.parent)
        # O_EXCL: an existing file is SQLite's to open, never truncated or re-moded here.
        try:
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        except FileExistsError:
            return
        sync_folder(path.parent)


def sync_folder(folder: Path) -> None:
    """Make the names in ``folder`` durable (not every platform can open a folder)."""
    with suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def check_ours(path: Path) -> int:
    """The file's schema version (0 when blank); raises when it is not ours to use."""
    if path.stat().st_size == 0:
        return 0
    if not schema.has_sqlite_header(path):
        raise ForeignHistoryFile(foreign_message(path), path)
    # Read-only, so inspecting another app's database cannot change a byte of it.
    probe = _read_only_connection(path)
    try:
        app_id, version, tables = schema.describe(probe)
    finally:
        probe.close()
    if app_id == 0 and version == 0 and not tables:
        return 0
    if app_id != schema.APPLICATION_ID:
        raise ForeignHistoryFile(foreign_message(path), path)
    if version > schema.SCHEMA_VERSION:
        raise HistoryUnavailable(
            f"The history {path} was written by a newer isotimer; update isotimer to use it.",
            path,
        )
    return version


def foreign_message(path: Path) -> str:
    """The message for a file at the history's path that is not an isotimer history."""
    return f"{path} is not an isotimer history; it was left untouched."


def move_aside(path: Path, now: datetime | None = None) -> Path:
    """Rename an unusable history (and its -wal/-shm) so a fresh one can start.

    Returns the new path, ``history.sqlite3.broken-YYYYmmddTHHMMSS``; nothing is deleted.
    """
    path = Path(path)
    stamp = (now or SystemClock().now()).strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.broken-{stamp}")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.name}.broken-{stamp}-{counter}")
        counter += 1
    with translated(path):
        path.rename(target)
        for suffix in ("-wal", "-shm"):
            side = Path(f"{path}{suffix}")
            if side.exists():
                side.rename(f"{target}{suffix}")
    return target
