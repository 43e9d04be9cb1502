"""The second screen's web server: one page, a stream of states, and three commands.

It runs aiohttp on an event loop of its own in a daemon thread, so the
Textual app, ``run --plain`` and tests all use it the same way: ``publish``
from any thread, commands arrive through ``on_command`` on the server's thread.

Every message on the stream carries the server's clock (``now_s``, the same
monotonic clock as a state's ``at_s``), and a beat is sent every second
between states, so a page knows how old a state is however late it opened
and knows within two seconds when the link is gone.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from aiohttp import web
from aiohttp.typedefs import Handler

from isotimer.web.access import Access, http_url
from isotimer.web.addresses import WILDCARDS, reachable
from isotimer.web.limits import (
    HANDLER_ARGS,
    MAX_BODY_BYTES,
    CappedConnections,
    loop_errors_to,
    quiet_logging,
    release_logging,
)

COMMANDS = frozenset({"pause", "resume", "end-hold"})
BEAT_S = 1.0
ASSETS = frozenset({"nosleep.js"})


class LiveServer:
    """Serves the live page on ``host``:``port`` (0 picks a free port) behind a token.

    Args:
        host: the address to listen on; ``0.0.0.0`` or ``::`` for every one.
        port: the port, 0 for any free one.
        on_command: called with ``pause``, ``resume`` or ``end-hold`` when a
            page's button would change the run as it stands.
        clock: the monotonic clock the published states' ``at_s`` come from.
        log_file: where network errors go (never the terminal); None drops them.
    """

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        on_command: Callable[[str], None] = lambda name: None,
        clock: Callable[[], float] = time.monotonic,
        log_file: Path | None = None,
    ) -> None:
        self.host = host
        self.port = port
        self.on_command = on_command
        self.clock = clock
        self.log_file = log_file
        self.access = Access(host)
        self.addresses = reachable(host)
        self._state: dict[str, object] = {"phase": "ready", "words": "READY"}
        self._clients: set[asyncio.Queue[dict[str, object] | None]] = set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.AbstractServer | None = None
        self._runner: web.AppRunner | None = None
        self._capped: CappedConnections | None = None
        self._thread: threading.Thread | None = None
        self._seq = 0

    # -- life ---------------------------------------------------------------------
    def start(self, timeout_s: float = 10.0) -> str:
        """Start serving and return the page's URL; raise OSError if the port is taken."""
        started = threading.Event()
        failure: list[BaseException] = []
        handler = quiet_logging(self.log_file)

        def serve() -> None:
            loop = asyncio.new_event_loop()
            loop.set_exception_handler(loop_errors_to(handler))
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
            release_logging(handler)

        self._thread = threading.Thread(target=serve, name="isotimer-live", daemon=True)
        self._thread.start()
        if not started.wait(timeout_s):
            raise OSError(f"the live view did not start within {timeout_s:g} s")
        if failure:
            release_logging(handler)
            raise OSError(str(failure[0])) from failure[0]
        return self.url

    async def _open(self) -> None:
        app = web.Application(client_max_size=MAX_BODY_BYTES, middlewares=[self._guard])
        app.router.add_get("/{token}/", self._page)
        app.router.add_get("/{token}/events", self._events)
        app.router.add_get("/{token}/{asset}", self._asset)
        app.router.add_post("/{token}/command/{name}", self._command)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False, **HANDLER_ARGS)
        await self._runner.setup()
        loop = asyncio.get_running_loop()
        assert self._runner.server is not None
        self._capped = CappedConnections(self._runner.server, loop)
        # "::" means every address of both families; 0.0.0.0 every IPv4 one.
        bind = None if self.host in WILDCARDS and ":" in self.host else self.host
        self._server = await loop.create_server(
            self._capped, bind, self.port, reuse_address=True, backlog=128
        )
        self.port = int(self._server.sockets[0].getsockname()[1])

    async def _shut(self) -> None:
        for queue in list(self._clients):
            queue.put_nowait(None)
        if self._server is not None:
            self._server.close()
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
        return self.url_at(self.addresses[0])

    def url_at(self, address: str) -> str:
        """The page's address through ``address``, one of ``addresses``."""
        return http_url(address, self.port, f"/{self.access.token}/")

    def renew(self) -> str:
        """A new token for a new run: old addresses stop working, open pages are let go."""
        self.access = Access(self.host)
        self.drop_clients()
        return self.url

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
    def published_index(self) -> int | None:
        """The step index of the state pages see now (None before a run starts)."""
        index = self._state.get("index")
        return index if isinstance(index, int) else None

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

    async def _asset(self, request: web.Request) -> web.Response:
        name = request.match_info["asset"]
        if name not in ASSETS:
            raise web.HTTPNotFound()
        text = resources.files("isotimer.web").joinpath(name).read_text("utf-8")
        return web.Response(text=text, content_type="text/javascript")

    async def _events(self, request: web.Request) -> web.StreamResponse:
        reply = web.StreamResponse(
            headers={"Content-Type": "text/event-stream", "Cache-Control": "no-store"}
        )
        await reply.prepare(request)
        transport = request.transport
        if self._capped is not None:
            self._capped.streaming(transport)
        queue: asyncio.Queue[dict[str, object] | None] = asyncio.Queue()
        queue.put_nowait(self._state)
        self._clients.add(queue)
        try:
            while True:
                try:
                    state = await asyncio.wait_for(queue.get(), BEAT_S)
                except TimeoutError:
                    beat = json.dumps({"now_s": round(self.clock(), 3)})
                    await reply.write(f"event: beat\ndata: {beat}\n\n".encode())
                    continue
                if state is None:
                    break
                sent = {**state, "now_s": round(self.clock(), 3)}
                await reply.write(f"data: {json.dumps(sent)}\n\n".encode())
        except (ConnectionResetError, asyncio.CancelledError):
            pass
        finally:
            self._clients.discard(queue)
            if self._capped is not None:
                self._capped.ended(transport)
        return reply

    async def _command(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if name not in COMMANDS:
            return web.Response(status=404, text=f"no command '{name}'\n")
        why_not = self._refusal(name, request.query.get("step"))
        if why_not is not None:
            return web.Response(status=409, text=why_not + "\n")
        if self._needed(name):
            self.on_command(name)
        return web.Response(status=204)

    def _refusal(self, name: str, step: str | None) -> str | None:
        """Why ``name`` cannot act on the run as it stands, or None."""
        state = self._state
        if state.get("finished"):
            return "the session is over"
        if name == "resume" and state.get("paused") and state.get("held"):
            return str(state["held"])
        if name == "end-hold":
            if state.get("phase") != "hold" or state.get("paused"):
                return "not holding now"
            if step is not None and step != str(state.get("index")):
                return "that hold is over"
        return None

    def _needed(self, name: str) -> bool:
        """False for a pause of a paused run or a resume of a running one: nothing to do."""
        paused = bool(self._state.get("paused"))
        return not ((name == "pause" and paused) or (name == "resume" and not paused))
