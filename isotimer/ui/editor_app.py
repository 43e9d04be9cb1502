"""A small app around the session editor alone, for ``isotimer edit`` from the shell."""

from __future__ import annotations

from collections.abc import Collection
from typing import ClassVar

from isotimer.core.session.draft import SessionDraft
from isotimer.paths import Paths
from isotimer.storage.sessions.library import Library
from isotimer.ui.base import BaseApp
from isotimer.ui.screens.editor import EditorScreen


class EditorApp(BaseApp[str | None]):
    """Opens one draft in the editor and exits with the saved session id, or None."""

    # The shared stylesheet styles the confirm dialog the editor asks before discarding.
    CSS_PATH: ClassVar = ["app.tcss"]
    TITLE = "isotimer: edit session"

    def __init__(
        self,
        draft: SessionDraft,
        library: Library,
        paths: Paths,
        session_id: str | None,
        *,
        title: str | None = None,
        lead_in: float = 5.0,
        theme: str | None = None,
        taken: Collection[str] = (),
    ) -> None:
        super().__init__(paths)
        self.editor = EditorScreen(
            draft, library, paths, session_id, title=title, lead_in=lead_in, taken=taken
        )
        self._theme_name = theme

    def on_mount(self) -> None:
        if self._theme_name in self.available_themes:
            self.theme = self._theme_name
        self.push_screen(self.editor, self.exit)
