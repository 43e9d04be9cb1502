"""The picker's catalog kept as the files are: re-read when a session file changed on disk."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Protocol

from isotimer.storage.sessions.catalog import Catalog

CHECK_EVERY_S = 2.0  # while the picker is in view; a stat per file, nothing parsed


class CatalogSource(Protocol):
    """Where a catalog is read from (``SessionFolders`` in the app)."""

    def stamp(self) -> Hashable:
        """Something equal for as long as the files are unchanged."""
        ...

    def load(self) -> Catalog:
        """The catalog as the files are now."""
        ...


class CatalogWatch:
    """Reads the catalog again only when the source's stamp moved since the last read."""

    def __init__(self, source: CatalogSource) -> None:
        self.source = source
        self._stamp = source.stamp()

    def changed(self) -> Catalog | None:
        """The catalog read again if a file changed since the last look, else None."""
        stamp = self.source.stamp()
        if stamp == self._stamp:
            return None
        self._stamp = stamp  # taken before the read: a change during it is seen next time
        return self.source.load()
