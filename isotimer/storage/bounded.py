"""Read a file only if it is a regular file under a size cap, checked before any byte is read."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class FileRefused(OSError):
    """The path is not a regular file, or is over the cap; ``reason`` says which in words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of ``path``, refusing anything that is not a regular file of at most ``limit``.

    The kind and size are checked by name first, so a FIFO or a device is never
    opened for a blocking read; the file is then opened non-blocking and checked
    again (it may have been swapped meanwhile), and at most ``limit + 1`` bytes
    are ever read, so a file that grows while being read is refused too.

    Raises:
        FileRefused: not a regular file, or over ``limit`` bytes.
        OSError: missing, unreadable.
    """
    with open_bounded(path, limit) as file:
        data = file.read(limit + 1)
    if len(data) > limit:
        raise FileRefused(f"is over {describe_size(limit)}")
    return data


def open_bounded(path: Path, limit: int) -> BinaryIO:
    """``path`` opened for reading once it is known to be a regular file of at most ``limit``.

    Checked as ``read_bounded`` checks, for a reader that takes the file in pieces
    (and so must count what it reads against ``limit`` itself).

    Raises:
        FileRefused: not a regular file, or over ``limit`` bytes.
        OSError: missing, unreadable.
    """
    _check(os.stat(path).st_mode, os.stat(path).st_size, limit)
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    try:
        info = os.fstat(fd)
        _check(info.st_mode, info.st_size, limit)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb", buffering=0)


def _check(mode: int, size: int, limit: int) -> None:
    for test, kind in _KINDS:
        if test(mode):
            raise FileRefused(f"is {kind}, not a regular file")
    if not stat.S_ISREG(mode):
        raise FileRefused("is not a regular file")
    if size > limit:
        raise FileRefused(f"is over {describe_size(limit)} ({describe_size(size)})")


def refusal(path: Path) -> str | None:
    """Why ``path`` is not a regular file (``is a FIFO (named pipe), ...``), by name; or None."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    for test, kind in _KINDS:
        if test(mode):
            return f"is {kind}, not a regular file"
    return None if stat.S_ISREG(mode) else "is not a regular file"


def describe_size(size: int) -> str:
    """``1 MB``, ``64 MB`` or ``512 bytes``: sizes as the README states the caps."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:g} MB"
    return f"{size:,} bytes"
