"""The picker's new, edit, duplicate and delete keys: the editor or a question, then a reload."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.app import App

from isotimer.core.session.model import Session
from isotimer.storage.problems import ValidationError
from isotimer.ui.screens.confirm import ConfirmScreen
from isotimer.ui.services.state import AppState

if TYPE_CHECKING:
    from isotimer.ui.screens.editor import EditorScreen

NEW_NAME = "My session"


class SessionFiles:
    """Opens the editor and deletes the user's session files, then has the catalog reloaded.

    After a change the session folders are read again; ``reload`` then
    refreshes the picker.
    """

    def __init__(
        self,
        app: App[Any],
        state: AppState,
        *,
        reload: Callable[[], None],
    ) -> None:
        self.app = app
        self.state = state
        self.paths = state.paths
        self.reload = reload

    def edit(self, action: str, session: Session | None) -> None:
        """Open the editor for ``action`` (new, edit, duplicate) on ``session``."""
        try:
            screen = self._editor_for(action, session)
        except ValidationError as error:
            self.app.notify(str(error), title="Cannot edit", severity="error", timeout=10)
            return
        self.app.push_screen(screen, self._edited)

    def _editor_for(self, action: str, session: Session | None) -> EditorScreen:
        """An editor on a starter draft, on ``session`` itself, or on a copy of it.

        Raises:
            ValidationError: the session's file no longer reads as a session.
        """
        from isotimer.storage.sessions.drafts import duplicate_target, edit_target
        from isotimer.storage.sessions.writer import starter_draft
        from isotimer.ui.screens.editor import EditorScreen

        catalog, paths, lead_in = self.state.catalog, self.paths, self.state.settings.lead_in
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

    def _edited(self, session_id: str | None) -> None:
        if session_id is not None:
            self._reload()
            self.app.notify(f"Saved to {self.paths.user_sessions / (session_id + '.toml')}")

    def _reload(self) -> None:
        from isotimer.storage.sessions.catalog import load_catalog

        self.state.catalog = load_catalog(self.paths)
        self.reload()

    def delete(self, session: Session) -> None:
        """Ask, then delete ``session``'s file; only the user's own sessions can go."""
        from isotimer.storage.sessions.drafts import is_user_session

        if not is_user_session(session, self.paths):
            self.app.notify(
                f"{session.name} came with isotimer or from --sessions; only your own "
                "sessions can be deleted here.",
                severity="warning",
            )
            return
        detail = f"{session.source} will be deleted. Your history of it is kept."
        question = f"Delete {session.name}?"
        screen = ConfirmScreen(detail, question=question, yes="Delete", no="Keep")
        self.app.push_screen(screen, partial(self._delete_answered, session))

    def _delete_answered(self, session: Session, delete: bool | None) -> None:
        from isotimer.storage.sessions.writer import delete_session

        if not delete:
            return
        try:
            delete_session(self.paths.user_sessions, session.id)
        except OSError as error:
            self.app.notify(f"Not deleted: {error.strerror or error}", severity="error")
            return
        self._reload()
        self.app.notify(f"Deleted {session.name}.")
