"""What can go wrong with the history file, as messages a runner can act on."""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class HistoryError(Exception):
    """A history problem; ``str(error)`` is a one-line message for the user."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path


class HistoryUnavailable(HistoryError):
    """The file at the history path cannot be used; it is left exactly as found."""


class ForeignHistoryFile(HistoryUnavailable):
    """Something that is not an isotimer history sits at the history path."""


class HistoryWriteError(HistoryError):
    """The history could not be written: read-only, full, or failing disk."""


# Matched on SQLite's message because sqlite3 on Python 3.11 exposes no error codes.
_SQLITE_REASONS = (
    ("readonly", "the file or its folder is read-only"),
    ("disk is full", "the disk is full"),
    ("disk i/o error", "the disk reported an error"),
    ("unable to open", "the file cannot be opened"),
    ("locked", "another isotimer kept it busy for too long"),
)
_OS_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission was denied",
    errno.EPERM: "permission was denied",
    errno.EIO: "the disk reported an error",
}


def translate(exc: BaseException, path: Path) -> HistoryError | None:
    """The HistoryError to raise for a low-level failure, or None to let it through."""
    if isinstance(exc, sqlite3.ProgrammingError | sqlite3.InterfaceError):
        return None  # a bug in isotimer, not a problem with the user's disk
    if isinstance(exc, sqlite3.OperationalError):
        text = str(exc).lower()
        for needle, reason in _SQLITE_REASONS:
            if needle in text:
                if needle == "unable to open" and _read_only(path):
                    reason = "the file system is read-only"
                return HistoryWriteError(f"Cannot write the history at {path}: {reason}.", path)
        return HistoryError(f"The history at {path} failed: {exc}.", path)
    if isinstance(exc, sqlite3.IntegrityError):
        return HistoryError(f"The history at {path} refused a record: {exc}.", path)
    if isinstance(exc, sqlite3.DatabaseError):
        return HistoryUnavailable(
            f"The history file {path} is damaged ({exc}); it was left untouched.", path
        )
    if isinstance(exc, OSError):
        reason = _OS_REASONS.get(exc.errno or 0, exc.strerror or str(exc))
        return HistoryWriteError(f"Cannot write the history at {path}: {reason}.", path)
    return None


def _read_only(path: Path) -> bool:
    """Whether the folder of ``path`` is on a read-only file system (SQLite: "unable to open")."""
    try:
        return bool(os.statvfs(Path(path).parent).f_flag & os.ST_RDONLY)
    except OSError:
        return False


@contextmanager
def translated(path: Path) -> Iterator[None]:
    """Turn sqlite3 and OS failures into HistoryError so no raw traceback reaches a user."""
    try:
        yield
    except (sqlite3.Error, OSError) as exc:
        error = translate(exc, path)
        if error is None:
            raise
        raise error from exc
