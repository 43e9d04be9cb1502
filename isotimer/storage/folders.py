"""Folders isotimer makes are its owner's only: they hold pain ratings, notes and history."""

from __future__ import annotations

import os
from pathlib import Path

PRIVATE_MODE = 0o700


def make_private_dir(path: Path) -> Path:
    """Create ``path`` and any missing parents as 0700; folders already there are left as found.

    ``Path.mkdir(parents=True, mode=...)`` gives only the last folder that mode and
    the umask can still widen or narrow it, so each new level is made and then
    set explicitly.

    Raises:
        OSError: a folder cannot be created.
    """
    path = Path(path)
    missing = []
    for folder in (path, *path.parents):
        if folder.exists():
            break
        missing.append(folder)
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=PRIVATE_MODE)
        except FileExistsError:
            continue  # made by another isotimer a moment ago
        os.chmod(folder, PRIVATE_MODE)
    return path
