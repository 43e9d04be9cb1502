"""textual-serve's server, with the page pointing its websocket back where the browser came from."""

from __future__ import annotations

from aiohttp import web
from textual_serve.server import Server


class IsoTimerServer(Server):
    """Serves isotimer; each browser tab gets its own isotimer process.

    textual-serve writes one fixed public URL into the page as the websocket
    address. Listening on ``0.0.0.0`` that would be ``ws://0.0.0.0:8000``,
    which a phone cannot reach; the address the browser loaded the page from
    is one it can, so the page is built from that.
    """

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        # No await happens between setting the URL and the page using it, so
        # requests from two browsers cannot mix their addresses up.
        self.public_url = f"{request.scheme}://{request.host}"
        return await super().handle_index(request)
