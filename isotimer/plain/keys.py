"""Single key presses from the terminal, with its mode put back on every way out."""

from __future__ import annotations

import contextlib
import os
import select
import sys
import termios
import time
import tty
from collections.abc import Iterator
from typing import Any, Protocol, TextIO


class Keys(Protocol):
    """Where plain mode's keys come from; ``read`` waits at most ``timeout`` seconds."""

    def read(self, timeout: float | None) -> str:
        """The keys pressed, or "" when the time ran out first (None: wait for a key)."""
        ...


class TerminalKeys:
    """Keys from a terminal in cbreak mode: each key at once, unechoed, Ctrl+C still works.

    Use as a context manager: the terminal's settings are restored on the way
    out, whether the run ends, fails, or is interrupted.
    """

    def __init__(self, stream: TextIO) -> None:
        self._fd = stream.fileno()
        self._saved: list[Any] | None = None  # termios.tcgetattr: flags, speeds, and a list

    def __enter__(self) -> TerminalKeys:
        self._saved = termios.tcgetattr(self._fd)
        tty.setcbreak(self._fd)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._saved is not None:
            termios.tcsetattr(self._fd, termios.TCSADRAIN, self._saved)
            self._saved = None

    def fileno(self) -> int:
        """The terminal's descriptor, for a wait that watches other things too."""
        return self._fd

    def read(self, timeout: float | None) -> str:
        """Keys pressed within ``timeout`` seconds, or "" if none.

        Raises:
            EOFError: the terminal hung up.
        """
        ready, _, _ = select.select([self._fd], [], [], timeout)
        if not ready:
            return ""
        data = os.read(self._fd, 64)
        if not data:
            # The terminal hung up: nothing will ever be pressed again.
            raise EOFError
        return data.decode(errors="replace")


class NoKeys:
    """No terminal to read: the session runs on its own, to the end or to Ctrl+C."""

    def read(self, timeout: float | None) -> str:
        # Blocking without a timeout would wait forever: nothing can resume a pause here,
        # and nothing pauses without keys, so a timeout is always given.
        """Wait ``timeout`` seconds (1 when None) and return "": nothing is ever pressed."""
        time.sleep(timeout if timeout is not None else 1.0)
        return ""


@contextlib.contextmanager
def keys_for(stream: TextIO | None = None) -> Iterator[Keys]:
    """Terminal keys when ``stream`` (default stdin) is a terminal, else none."""
    stream = stream if stream is not None else sys.stdin
    if stream is not None and stream.isatty():
        with TerminalKeys(stream) as keys:
            yield keys
    else:
        yield NoKeys()
