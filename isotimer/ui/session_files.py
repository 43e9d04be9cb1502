"""The picker's new, edit, duplicate and delete keys, as the app answers them."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from isotimer.core.session.model import Session
from isotimer.storage.problems import ValidationError
from isotimer.ui.screens.confirm import ConfirmScreen
from isotimer.ui.screens.picker import PickerScreen

if TYPE_CHECKING:
    from isotimer.paths import Paths
    from isotimer.storage.sessions.catalog import Catalog
    from isotimer.storage.settings import Settings


class SessionFiles:
    """Mixed into the app: opens the editor and deletes files, then reloads the catalog.

    Kept apart so the app module stays about wiring screens together; it relies
    on the app's ``catalog``, ``paths``, ``settings``, ``notify``, ``push_screen``
    and ``_reload_catalog``.
    """

    catalog: Catalog
    paths: Paths
    settings: Settings

    def on_picker_screen_edit_requested(self, message: PickerScreen.EditRequested) -> None:
        from isotimer.ui.editing import editor_for

        try:
            screen = editor_for(
                message.action, message.session, self.catalog, self.paths, self.settings.lead_in
            )
        except ValidationError as error:
            self.notify(str(error), title="Cannot edit", severity="error", timeout=10)
            return
        self.push_screen(screen, self._edited)

    def _edited(self, session_id: str | None) -> None:
        if session_id is not None:
            self._reload_catalog()
            self.notify(f"Saved to {self.paths.user_sessions / (session_id + '.toml')}")

    def on_picker_screen_delete_requested(self, message: PickerScreen.DeleteRequested) -> None:
        from isotimer.storage.sessions.drafts import is_user_session

        session = message.session
        if not is_user_session(session, self.paths):
            self.notify(
                f"{session.name} came with isotimer or from --sessions; only your own "
                "sessions can be deleted here.",
                severity="warning",
            )
            return
        detail = f"{session.source} will be deleted. Your history of it is kept."
        screen = ConfirmScreen(detail, question=f"Delete {session.name}?", yes="Delete", no="Keep")
        self.push_screen(screen, partial(self._delete_answered, session))

    def _delete_answered(self, session: Session, delete: bool | None) -> None:
        from isotimer.storage.sessions.writer import delete_session

        if not delete:
            return
        try:
            delete_session(self.paths.user_sessions, session.id)
        except OSError as error:
            self.notify(f"Not deleted: {error.strerror or error}", severity="error")
            return
        self._reload_catalog()
        self.notify(f"Deleted {session.name}.")
