"""textual-serve behind the one ``Access``, its websocket aimed where the page came from."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiohttp import hdrs, web
from textual_serve.server import Server

from isotimer.web.access import Access

TOKEN_PARAMETER = "token"
TOKEN_COOKIE = "isotimer_token"
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class IsoTimerServer(Server):
    """Serves isotimer; each browser tab gets its own isotimer process.

    textual-serve writes one fixed public URL into the page as the websocket
    address. Listening on ``0.0.0.0`` that would be ``ws://0.0.0.0:8000``,
    which a phone cannot reach; the address the browser loaded the page from
    is one it can, so the page is built from that. Every request, the
    WebSocket's included, first passes :class:`~isotimer.web.access.Access`;
    off loopback the token comes in the address's query, then in a cookie
    (HttpOnly, SameSite=Strict) that the page's own requests carry.
    """

    def __init__(self, command: str, *, access: Access, port: int, title: str = "isotimer") -> None:
        super().__init__(command, host=access.host, port=port, title=title)
        self.access = access

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self._guard)
        return app

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        websocket = request.headers.get(hdrs.UPGRADE, "").lower() == "websocket"
        token = request.query.get(TOKEN_PARAMETER) or request.cookies.get(TOKEN_COOKIE)
        reason = self.access.refusal(
            request.headers.get(hdrs.HOST),
            request.headers.get(hdrs.ORIGIN),
            token,
            self.port,
            websocket=websocket,
        )
        if reason is not None:
            return web.Response(status=403, text=f"isotimer serve refused this request: {reason}.")
        response = await handler(request)
        if self.access.token and request.query.get(TOKEN_PARAMETER) and not websocket:
            response.set_cookie(
                TOKEN_COOKIE, self.access.token, httponly=True, samesite="Strict", path="/"
            )
        return response

    async def on_startup(self, app: web.Application) -> None:
        """Say nothing: ``isotimer serve`` has printed the address, token and all."""

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        # No await happens between setting the URL and the page using it, so
        # requests from two browsers cannot mix their addresses up.
        """Serve the page, noting the address this browser reached the server by."""
        self.public_url = f"{request.scheme}://{request.host}"
        return await super().handle_index(request)
