"""Command palette entries that start a session by name, from the picker."""

from __future__ import annotations

from functools import partial
from typing import Protocol, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.markup import escape

from isotimer.core.session.model import Session
from isotimer.core.text.printable import printable
from isotimer.storage.sessions.catalog import Catalog


class SessionSource(Protocol):
    """What the palette needs of the screen it is opened on (the picker)."""

    catalog: Catalog

    def choose(self, session: Session) -> None:
        """Start ``session``, as picking it from the list would."""
        ...


def markup(text: str) -> str:
    """``text`` as markup that shows it literally: the palette parses prompts and help."""
    return escape(printable(text))


class SessionCommands(Provider):
    """``Start Recovery day`` and the like; runs at the level chosen in the picker.

    Scoped to the picker screen (its ``COMMANDS``), so the palette can never
    start a second session in the middle of one.
    """

    @property
    def _picker(self) -> SessionSource:
        return cast(SessionSource, self.screen)

    def _sessions(self) -> list[Session]:
        return self._picker.catalog.ordered_sessions()

    def _start(self, session: Session) -> None:
        self._picker.choose(session)

    async def discover(self) -> Hits:
        """Every session; the palette parses hits as markup, so names are escaped."""
        for session in self._sessions():
            yield DiscoveryHit(
                markup(f"Start {session.name}"),
                partial(self._start, session),
                help=markup(session.description),
            )

    async def search(self, query: str) -> Hits:
        """A "Start <name>" hit for each session whose name or id matches ``query``."""
        matcher = self.matcher(query)
        for session in self._sessions():
            text = f"Start {session.name}"
            score = max(matcher.match(text), matcher.match(session.id))
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(markup(text)),
                    partial(self._start, session),
                    text=printable(text),
                    help=markup(session.description),
                )
