"""Write session drafts as tidy, commented TOML, atomically; delete them; start new ones."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from pathlib import Path
from typing import Any

import tomli_w

from isotimer.core.session.draft import HoldDraft, SessionDraft
from isotimer.storage.folders import make_private_dir
from isotimer.storage.sessions.library import LIBRARY_FILE

HEADER = """\
# An isotimer session. Change it in the app (isotimer edit) or here; check a
# hand edit with `isotimer validate FILE`. Times are in seconds.
#
#   name, description, tags   how the session shows in the picker
#   progress                  what moves between runs: "time" (the default),
#                             "effort" (tendon rehab) or "none" (stays light)
#   rounds                    times through the whole list of holds
#   lead_in                   get-ready time before the first hold
#   rest_between_rounds       rest after each round but the last
#   breathing                 the pacer: { inhale, hold (optional), exhale }
#
# Each [[warm_up]] block runs before the first hold and each [[cool_down]]
# block after the last: a name, its seconds and optional cues. Blocks can be
# skipped with n and are never saved as holds.
#
# Each [[hold]] is one exercise, done in the order listed:
#   exercise                  an id from the exercise library (isotimer's
#                             exercises.toml, or your own in the data folder)
#   name                      a name of your own (required without 'exercise')
#   seconds                   one time, or { beginner = 30, advanced = 60 };
#                             left out, the library's times apply;
#                             "max" makes it a hold test, held to failure
#   cap                       a hold test's longest time (10-3600, default 300)
#   from_test                 0.2-1.0: hold that part of your latest test
#   sets, rest                how many times, and the rest after each set
#   sides, switch             "both" = left then right, 'switch' seconds apart
#   effort                    how hard to push, in percent of your maximum;
#                             one number, or { beginner = 50, advanced = 90 }
#   cues                      form reminders shown during the hold
"""
MAX_INLINE = 100
# Lists of tables written as [[key]] tables after the session's keys, in file order.
TABLE_LISTS = ("warm_up", "hold", "cool_down")
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def session_text(draft: SessionDraft) -> str:
    """The file for ``draft``: the same draft always gives the same text, byte for byte."""
    data = draft.to_toml()
    tables = {key: data.pop(key) for key in TABLE_LISTS if _all_tables(data.get(key))}
    parts = [HEADER, "\n", _lines(data)]
    for key in TABLE_LISTS:
        parts += [f"\n[[{key}]]\n" + _lines(table) for table in tables.get(key, [])]
    return "".join(parts)


def _all_tables(value: Any) -> bool:
    """A list that can be written as ``[[key]]`` tables; anything else is written inline."""
    return isinstance(value, list) and bool(value) and all(isinstance(t, dict) for t in value)


def _lines(table: dict[str, Any]) -> str:
    return "".join(_assignment(key, value) for key, value in table.items())


def _assignment(key: str, value: Any) -> str:
    """``key = value``, with a list split one item a line only when it would be too long."""
    line = f"{_key(key)} = {_inline(value)}"
    if isinstance(value, list) and value and len(line) > MAX_INLINE:
        items = "".join(f"    {_inline(item)},\n" for item in value)
        return f"{_key(key)} = [\n{items}]\n"
    return line + "\n"


def _inline(value: Any) -> str:
    if isinstance(value, dict):
        pairs = ", ".join(f"{_key(k)} = {_inline(v)}" for k, v in value.items())
        return f"{{ {pairs} }}" if pairs else "{}"
    if isinstance(value, list):
        return "[" + ", ".join(_inline(item) for item in value) + "]"
    # tomli-w formats every scalar, so strings are escaped exactly as TOML wants.
    return tomli_w.dumps({"v": value})[len("v = ") : -1]


def _key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else _inline(key)


def save_text(path: Path, text: str) -> bool:
    """Write ``text`` to ``path`` atomically; False (and no write) when it is already there.

    The text goes to a temporary file in the same folder, is flushed to disk,
    then renamed over ``path``: a crash leaves the old file or the new one,
    never half of one, and a reader never sees a partial file.
    """
    data = text.encode("utf-8")
    with contextlib.suppress(OSError):
        if path.read_bytes() == data:
            return False
    make_private_dir(path.parent)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(path.parent)
    return True


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every platform can open a folder."""
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def save_session(folder: Path, session_id: str, draft: SessionDraft) -> Path:
    """Write ``draft`` as ``folder/<session_id>.toml`` and return the file's path."""
    path = folder / f"{session_id}.toml"
    save_text(path, session_text(draft))
    return path


def delete_session(folder: Path, session_id: str) -> Path:
    """Remove ``folder/<session_id>.toml``. Raises FileNotFoundError when it is not there."""
    path = folder / f"{session_id}.toml"
    path.unlink()
    return path


def new_session_id(name: str, folders: tuple[Path, ...]) -> str:
    """A file name for a new session that no session in ``folders`` uses yet.

    Reusing an id would silently override (or be overridden by) a session in
    another folder, so ``-2``, ``-3``... is added until the id is free.
    """
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "session"
    taken = {Path(LIBRARY_FILE).stem}
    for folder in folders:
        if folder.is_dir():
            taken.update(file.stem for file in folder.glob("*.toml"))
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def starter_draft(name: str) -> SessionDraft:
    """A small, valid session to start from: two library holds with the usual keys shown."""
    return SessionDraft(
        name=name,
        description="What this session is for, in a sentence.",
        tags=("home",),
        rounds=1,
        lead_in=10,
        rest_between_rounds=60,
        breathing=None,
        holds=(
            HoldDraft(exercise="wall-sit", beginner=30, advanced=60, sets=2, rest=30),
            HoldDraft(exercise="side-plank", sets=1, rest=30, switch=5, effort=80),
        ),
    )


def starter_text(name: str) -> str:
    """The commented file ``isotimer new`` writes; it passes ``isotimer validate``."""
    return session_text(starter_draft(name))
