"""What the app holds now, as its collaborators read it: each can change while the app runs."""

from __future__ import annotations

from typing import Protocol

from isotimer.core.clock import Clock
from isotimer.paths import Paths
from isotimer.storage.history.store import HistoryStore
from isotimer.storage.history.write_thread import HistoryWriter
from isotimer.storage.sessions.catalog import Catalog
from isotimer.storage.settings import Settings
from isotimer.ui.services.probes import TimingLog
from isotimer.ui.services.sound import Announcing


class AppState(Protocol):
    """The app's catalog, history, settings and announcer, read when needed, never copied.

    The catalog is reloaded after an edit, the history reopened or started
    afresh, the settings changed, the announcer rebuilt for new settings; the
    clock, paths, writer, timing log and ``--voice`` stay as they were given.
    """

    @property
    def clock(self) -> Clock:
        """The one source of time."""
        ...

    @property
    def paths(self) -> Paths:
        """Where the user's files live."""
        ...

    @property
    def writer(self) -> HistoryWriter | None:
        """The thread that makes history writes; None: they happen on the UI thread (tests)."""
        ...

    @property
    def timing_log(self) -> TimingLog | None:
        """The opt-in measuring hooks (``services.probes``), when asked for."""
        ...

    @property
    def voice(self) -> bool:
        """``--voice``: speak even when the settings do not."""
        ...

    catalog: Catalog
    history: HistoryStore | None
    settings: Settings
    announcer: Announcing
