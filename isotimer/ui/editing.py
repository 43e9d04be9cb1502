"""Which editor to open for the picker's new, edit and duplicate keys."""

from __future__ import annotations

from isotimer.core.session.model import Session
from isotimer.paths import Paths
from isotimer.storage.sessions.catalog import Catalog
from isotimer.storage.sessions.drafts import duplicate_target, edit_target
from isotimer.storage.sessions.writer import starter_draft
from isotimer.ui.screens.editor import EditorScreen

NEW_NAME = "My session"


def editor_for(
    action: str, session: Session | None, catalog: Catalog, paths: Paths, lead_in: float
) -> EditorScreen:
    """An editor on a starter draft, on ``session`` itself, or on a copy of it.

    Raises:
        ValidationError: the session's file no longer reads as a session.
    """
    if action == "new" or session is None:
        draft = starter_draft(catalog.free_name(NEW_NAME))
        return EditorScreen(
            draft,
            catalog.library,
            paths,
            title="New session",
            lead_in=lead_in,
            taken=catalog.names(),
        )
    if action == "edit":
        target = edit_target(session, paths)
        title = f"Edit {session.name}" + (" (as your own copy)" if target.copy else "")
        # A copy saved under the bundled id replaces the bundled session, name and all.
        taken = catalog.names(besides=session.id if target.session_id == session.id else None)
    else:
        target = duplicate_target(session, catalog.free_name(f"{session.name} (copy)"))
        title = f"Duplicate of {session.name}"
        taken = catalog.names()
    return EditorScreen(
        target.draft,
        catalog.library,
        paths,
        target.session_id,
        title=title,
        lead_in=lead_in,
        taken=taken,
    )
