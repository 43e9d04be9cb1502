"""The second screen's web server: one page, a stream of states, and two commands.

It runs aiohttp on an event loop of its own in a daemon thread, so the
Textual app, ``run --plain`` and tests all use it the same way: ``publish``
from any thread, commands arrive through ``on_command`` on the server's thread.
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Callable
from importlib import resources

from aiohttp import web
from aiohttp.typedefs import Handler

from isotimer.web.access import Access

COMMANDS = frozenset({"pause", "end-hold"})
KEEP_ALIVE_S = 15.0


class LiveServer:
    """Serves the live page on ``host``:``port`` (0 picks a free port) behind a token."""

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        on_command: Callable[[str], None] = lambda name: None,
    ) -> None:
        self.host = host
        self.port = port
        self.on_command = on_command
        self.access = Access(host)
        self._state: dict[str, object] = {"phase": "ready", "words": "READY"}
        self._clients: set[asyncio.Queue[dict[str, object] | None]] = set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self._thread: threading.Thread | None = None
        self._seq = 0

    # -- life ---------------------------------------------------------------------
    def start(self, timeout_s: float = 10.0) -> str:
        """Start serving and return the page's URL; raise OSError if the port is taken."""
        started = threading.Event()
        failure: list[BaseException] = []

        def serve() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            try:
                loop.run_until_complete(self._open())
            except BaseException as error:  # handed to the caller of start()
                failure.append(error)
                started.set()
                return
            started.set()
            loop.run_forever()
            loop.run_until_complete(self._shut())
            loop.close()

        self._thread = threading.Thread(target=serve, name="isotimer-live", daemon=True)
        self._thread.start()
        if not started.wait(timeout_s):
            raise OSError(f"the live view did not start within {timeout_s:g} s")
        if failure:
            raise OSError(str(failure[0])) from failure[0]
        return self.url

    async def _open(self) -> None:
        app = web.Application(middlewares=[self._guard])
        app.router.add_get("/{token}/", self._page)
        app.router.add_get("/{token}/events", self._events)
        app.router.add_post("/{token}/command/{name}", self._command)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        self.port = self._runner.addresses[0][1]

    async def _shut(self) -> None:
        for queue in list(self._clients):
            queue.put_nowait(None)
        if self._runner is not None:
            await self._runner.cleanup()

    def close(self) -> None:
        """Stop serving; open pages lose their connection and say so."""
        if self._loop is not None and self._thread is not None and self._thread.is_alive():
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=10)

    @property
    def url(self) -> str:
        """The page's address, token included: what the QR code and the terminal show."""
        return self.access.url(self.port)

    # -- state --------------------------------------------------------------------
    def publish(self, state: dict[str, object]) -> None:
        """Send ``state`` to every open page (thread-safe; the newest wins for new pages)."""
        if self._loop is None:
            self._state = state
            return
        self._loop.call_soon_threadsafe(self._fan_out, state)

    def _fan_out(self, state: dict[str, object]) -> None:
        self._seq += 1
        self._state = {**state, "seq": self._seq}
        for queue in self._clients:
            queue.put_nowait(self._state)

    def drop_clients(self) -> None:
        """Close every page's stream (they reconnect and catch up): a dropped network."""
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._drop)

    def _drop(self) -> None:
        for queue in self._clients:
            queue.put_nowait(None)

    @property
    def clients(self) -> int:
        """How many pages are following now."""
        return len(self._clients)

    # -- requests -----------------------------------------------------------------
    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        refusal = self.access.refusal(
            request.headers.get("Host"),
            request.headers.get("Origin"),
            request.match_info.get("token"),
            self.port,
        )
        if refusal is not None:
            return web.Response(status=403, text=refusal + "\n")
        return await handler(request)

    async def _page(self, request: web.Request) -> web.Response:
        page = resources.files("isotimer.web").joinpath("page.html").read_text("utf-8")
        headers = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}
        return web.Response(text=page, content_type="text/html", headers=headers)

    async def _events(self, request: web.Request) -> web.StreamResponse:
        reply = web.StreamResponse(
            headers={"Content-Type": "text/event-stream", "Cache-Control": "no-store"}
        )
        await reply.prepare(request)
        queue: asyncio.Queue[dict[str, object] | None] = asyncio.Queue()
        queue.put_nowait(self._state)
        self._clients.add(queue)
        try:
            while True:
                try:
                    state = await asyncio.wait_for(queue.get(), KEEP_ALIVE_S)
                except TimeoutError:
                    await reply.write(b": still here\n\n")
                    continue
                if state is None:
                    break
                await reply.write(f"data: {json.dumps(state)}\n\n".encode())
        except (ConnectionResetError, asyncio.CancelledError):
            pass
        finally:
            self._clients.discard(queue)
        return reply

    async def _command(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if name not in COMMANDS:
            return web.Response(status=404, text=f"no command '{name}'\n")
        self.on_command(name)
        return web.Response(status=204)
