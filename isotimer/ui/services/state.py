"""What the app holds now, as its collaborators read it: each can change while the app runs."""

from __future__ import annotations

from typing import Protocol

from isotimer.core.clock import Clock
from isotimer.paths import Paths
from isotimer.storage.history.store import HistoryStore
from isotimer.storage.sessions.catalog import Catalog
from isotimer.storage.settings import Settings
from isotimer.ui.services.sound import Announcing


class AppState(Protocol):
    """The app's catalog, history, settings and announcer, read when needed, never copied.

    The catalog is reloaded after an edit, the history reopened or started
    afresh, the settings changed, the announcer rebuilt for new settings; the
    clock and the paths stay as they were given.
    """

    @property
    def clock(self) -> Clock:
        """The one source of time."""
        ...

    @property
    def paths(self) -> Paths:
        """Where the user's files live."""
        ...

    catalog: Catalog
    history: HistoryStore | None
    settings: Settings
    announcer: Announcing
