"""Run part of a test as an ordinary user, so file permissions bite even when tests run as root.

Root writes into a read-only folder anyway (CAP_DAC_OVERRIDE), while mounting a
tmpfs needs root: with this, both kinds of test run in one environment.
"""

from __future__ import annotations

import os
import pwd
import shutil
import tempfile
from pathlib import Path

from tests.programs import cannot_run

USER = "nobody"


def as_ordinary_user(argv: list[str]) -> list[str]:
    """``argv``, run by ``setpriv`` as ``nobody`` when this process is root."""
    if os.geteuid() != 0:
        return argv
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        cannot_run("setpriv is not installed (util-linux), needed to drop root for this test")
    user = pwd.getpwnam(USER)
    return [
        setpriv, f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--clear-groups", *argv,
    ]  # fmt: skip


def folder_for_ordinary_user() -> Path:
    """A new empty folder the ordinary user owns (pytest's own are root's, mode 0700)."""
    folder = Path(tempfile.mkdtemp(prefix="isotimer-user-"))
    if os.geteuid() == 0:
        user = pwd.getpwnam(USER)
        os.chown(folder, user.pw_uid, user.pw_gid)
    return folder
