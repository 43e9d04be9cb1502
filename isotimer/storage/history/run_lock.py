"""A lock held while a run is live, so another isotimer never offers to resume it.

A run marked in progress in the history is either live in some process or was
interrupted. Each live run holds an exclusive ``flock`` on its own file beside
the history (``history.sqlite3.live/RUN_ID.lock``). The kernel drops the lock
when the process dies, however it dies, so "nobody holds it" means interrupted.
Everything here is best effort: a folder that cannot be written leaves a run
unlocked, which only means it could be offered for resuming while it runs.
"""

from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path

from isotimer.storage.folders import make_private_dir

try:
    import fcntl

    _FLOCK = True
except ImportError:  # Windows: no flock, so every in-progress run counts as interrupted
    _FLOCK = False


def lock_path(history_file: Path, run_id: str) -> Path:
    """The lock file of run ``run_id``, in a ``.live`` folder beside the history file."""
    return Path(history_file).with_name(f"{Path(history_file).name}.live") / f"{run_id}.lock"


class RunLock:
    """Held from a run's start to its end (see the module docstring)."""

    def __init__(self, history_file: Path, run_id: str) -> None:
        self.path = lock_path(history_file, run_id)
        self._fd: int | None = None

    def acquire(self) -> bool:
        """Take the lock; False when it could not be taken (the run then just goes unlocked)."""
        if not _FLOCK or self._fd is not None:
            return self._fd is not None
        fd = None
        try:
            make_private_dir(self.path.parent)
            fd = os.open(self.path, os.O_CREAT | os.O_RDWR, 0o600)
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            if fd is not None:
                os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        """Delete the lock file and let the lock go; a no-op when not held."""
        if self._fd is None:
            return
        with suppress(OSError):
            self.path.unlink()
        os.close(self._fd)
        self._fd = None


def is_live(history_file: Path, run_id: str) -> bool:
    """Whether some process (this one included) holds the lock of ``run_id``."""
    if not _FLOCK:
        return False
    try:
        fd = os.open(lock_path(history_file, run_id), os.O_RDONLY)
    except OSError:
        return False
    try:
        # flock belongs to an open file: a second open, even in the locking process, is refused.
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        os.close(fd)
    return False


def forget(history_file: Path, run_id: str) -> None:
    """Remove the lock file a dead run left behind."""
    with suppress(OSError):
        lock_path(history_file, run_id).unlink()
