"""Which file a draft comes from and which id it is saved under: edit, copy or duplicate."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from isotimer.core.session.draft import SessionDraft
from isotimer.core.session.model import Session
from isotimer.paths import Paths
from isotimer.storage.sessions.writer import new_session_id
from isotimer.storage.toml.source import read_toml


@dataclass(frozen=True)
class EditTarget:
    """A draft to open in the editor and the id it will be saved under.

    ``session_id`` None means "a new file": the editor picks a free id from
    the name when the runner saves. ``copy`` says the original file is left
    alone (a bundled session, or one in a ``--sessions`` folder).
    """

    draft: SessionDraft
    session_id: str | None
    copy: bool = False


def draft_from_file(path: Path) -> SessionDraft:
    """The draft of a session file as written (library defaults not filled in).

    Raises:
        ValidationError: the file cannot be read or is not TOML.
    """
    return SessionDraft.from_toml(read_toml(path).data)


def _folder(session: Session) -> Path | None:
    return Path(session.source).resolve().parent if session.source else None


def is_user_session(session: Session, paths: Paths) -> bool:
    """True when the session's file is in the user's own folder, so it may be deleted."""
    return _folder(session) == paths.user_sessions.resolve()


def edit_target(session: Session, paths: Paths) -> EditTarget:
    """How to edit ``session``: in place when it is the user's own, else as a copy.

    A bundled session keeps its id: the copy in the user's folder overrides the
    bundled one (the user's folder comes later), so "edit" feels like editing,
    and deleting the copy brings the original back. A session from a
    ``--sessions`` folder would override the copy instead, so it gets a new id.
    """
    draft = draft_from_file(Path(session.source))
    folder = _folder(session)
    if folder == paths.user_sessions.resolve():
        return EditTarget(draft, session.id)
    if folder == paths.bundled_sessions.resolve():
        return EditTarget(draft, session.id, copy=True)
    return EditTarget(draft, new_session_id(session.name, paths.session_dirs()), copy=True)


def duplicate_target(session: Session, name: str | None = None) -> EditTarget:
    """A copy that is saved as a new file, named ``name`` (default "... (copy)")."""
    draft = draft_from_file(Path(session.source))
    return EditTarget(replace(draft, name=name or f"{session.name} (copy)"), None, copy=True)
