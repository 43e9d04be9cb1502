"""Writing a file for the user (an export, a FIT file, a calendar, unsaved holds) safely.

Every such file holds the user's history (pain ratings, notes, when they train), so it
is created owner-only (0600) whatever the umask, never written through a symbolic link
isotimer did not make (one planted in a shared folder would send the data elsewhere),
and a failed write leaves nothing behind: no torn file, no empty one that ``import``
would then refuse. One helper for every writer, so no exporter can forget a rule.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import TextIO

PRIVATE = 0o600
# Numbered names tried for a new file before giving up: name.json, name-2.json, ...
MAX_NEW_NAMES = 100
_NEW_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC


def write_user_file(path: Path, data: bytes) -> Path:
    """Write ``data`` at ``path``, a file the user named: whole, owner-only, or not at all.

    The bytes go to a private temporary file beside ``path`` that then replaces it in
    one step, so an existing file ends 0600 too (it was asked for by name) and a failure
    keeps the old file as it was. A symbolic link or anything but a regular file at
    ``path`` is refused rather than replaced or written through.

    Raises:
        OSError: the folder cannot be written, or ``path`` is a link, folder or device.
    """
    _refuse_unless_regular(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".isotimer-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        _refuse_unless_regular(path)  # checked again: the folder may be shared
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def write_new_file(folder: Path, name: str, data: bytes) -> Path:
    """Write ``data`` to a file of its own in ``folder``: ``name``, or ``name`` numbered.

    For files nobody named (unsaved holds): created with ``O_EXCL`` and ``O_NOFOLLOW``,
    so no existing file or link is ever opened, and removed again if writing fails.

    Raises:
        OSError: the folder cannot be written, or every numbered name is taken.
    """
    stem, suffix = os.path.splitext(name)
    for number in range(1, MAX_NEW_NAMES + 1):
        path = folder / (name if number == 1 else f"{stem}-{number}{suffix}")
        try:
            handle = os.open(path, _NEW_FLAGS, PRIVATE)
        except FileExistsError:
            continue
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        return path
    raise FileExistsError(errno.EEXIST, f"{MAX_NEW_NAMES} files named like this exist", name)


_NEW_FLAGS = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
)


def open_log(path: Path) -> TextIO:
    """``path`` opened to append lines to (a log), owner-only when new, never through a link.

    Raises:
        OSError: the file cannot be opened, or ``path`` is a symbolic link.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW | os.O_CLOEXEC
    return os.fdopen(os.open(path, flags, PRIVATE), "a", encoding="utf-8")


def _refuse_unless_regular(path: Path) -> None:
    """Raise OSError when ``path`` exists as anything but a regular file (a link above all)."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    if stat.S_ISLNK(mode):
        raise OSError(errno.ELOOP, "is a symbolic link: not written through it", str(path))
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
    if not stat.S_ISREG(mode):
        raise OSError(errno.EINVAL, "is not a regular file", str(path))
