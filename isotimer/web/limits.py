"""What keeps the live page's server up on a busy or hostile network, and the terminal clean.

Decisions:

* **A cap on connections.** A flood of half-open connections once made the
  server run out of file descriptors, and asyncio printed a traceback for
  each failed accept. Past ``MAX_CONNECTIONS`` the oldest connection that is
  not a page's stream is dropped to make room (a flood cannot lock a phone
  out); when every slot is a stream, the newcomer is.
* **A deadline for every request.** A connection that has not become a page's
  stream ``REQUEST_DEADLINE_S`` after it opened (a half-sent header, a slow
  body, an idle keep-alive) is closed; the page's own requests take
  milliseconds.
* **Size limits.** Header lines and fields of at most 4 kB, 32 headers, a
  command body of at most 1 kB: nothing the page sends comes near.
* **Errors go to a file.** The server's loop and aiohttp's loggers write to
  the data folder's ``live-page.log`` (owner-only, rotated at 256 kB), never to
  the terminal the runner is reading.
"""

from __future__ import annotations

import asyncio
import io
import logging
import logging.handlers
import os
from pathlib import Path
from typing import Any

from aiohttp import web

MAX_CONNECTIONS = 64
REQUEST_DEADLINE_S = 10.0
HANDLER_ARGS: dict[str, Any] = {
    "max_line_size": 4096,
    "max_field_size": 4096,
    "max_headers": 32,
    "keepalive_timeout": REQUEST_DEADLINE_S,
}
MAX_BODY_BYTES = 1024
LOG_BYTES = 256 * 1024
LOGGERS = ("aiohttp", "asyncio")


class _Counted(asyncio.Protocol):
    """aiohttp's protocol for one connection, seen by the cap as it opens and closes."""

    def __init__(self, inner: asyncio.Protocol, cap: CappedConnections) -> None:
        self.inner = inner
        self.cap = cap
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]
        self.inner.connection_made(transport)
        self.cap.opened(transport)

    def connection_lost(self, exc: Exception | None) -> None:
        self.cap.lost(self.transport)
        self.inner.connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        self.inner.data_received(data)

    def eof_received(self) -> bool | None:
        return self.inner.eof_received()

    def pause_writing(self) -> None:
        self.inner.pause_writing()

    def resume_writing(self) -> None:
        self.inner.resume_writing()


class CappedConnections:
    """aiohttp's protocol factory with a cap on connections and a deadline for requests."""

    def __init__(self, server: web.Server, loop: asyncio.AbstractEventLoop) -> None:
        self.server = server
        self.loop = loop
        self.streams: set[object] = set()  # transports that became a page's event stream
        self._open: dict[Any, None] = {}  # transports in the order they connected

    def __call__(self) -> asyncio.BaseProtocol:
        return _Counted(self.server(), self)

    @property
    def count(self) -> int:
        """Connections open now (the cap's count)."""
        return len(self._open)

    def opened(self, transport: Any) -> None:
        """Count ``transport`` in, making room or refusing it at the cap; start its deadline."""
        if len(self._open) >= MAX_CONNECTIONS:
            idle = next((t for t in self._open if t not in self.streams), None)
            if idle is None:
                transport.abort()
                return
            self.lost(idle)
            idle.abort()
        self._open[transport] = None
        self.loop.call_later(REQUEST_DEADLINE_S, self._deadline, transport)

    def lost(self, transport: Any) -> None:
        """``transport`` is closed: it no longer counts."""
        self._open.pop(transport, None)
        self.streams.discard(transport)

    def _deadline(self, transport: Any) -> None:
        if transport in self._open and transport not in self.streams:
            transport.abort()

    def streaming(self, transport: object) -> None:
        """``transport`` carries a page's stream now: it lives past the deadline."""
        self.streams.add(transport)

    def ended(self, transport: object) -> None:
        """The stream on ``transport`` is over."""
        self.streams.discard(transport)


class _OwnerOnlyFile(logging.handlers.RotatingFileHandler):
    """A rotating log file that only its owner can read: it holds the page's addresses."""

    def _open(self) -> io.TextIOWrapper:
        descriptor = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.chmod(self.baseFilename, 0o600)
        return os.fdopen(descriptor, "a", encoding=self.encoding or "utf-8")


def quiet_logging(log_file: Path | None) -> logging.Handler:
    """Send aiohttp's and asyncio's complaints to ``log_file`` (or nowhere), not the terminal."""
    handler: logging.Handler
    if log_file is None:
        handler = logging.NullHandler()
    else:
        try:
            log_file.parent.mkdir(parents=True, exist_ok=True)
            handler = _OwnerOnlyFile(log_file, maxBytes=LOG_BYTES, backupCount=1, delay=True)
        except OSError:
            handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    for name in LOGGERS:
        logger = logging.getLogger(name)
        logger.addHandler(handler)
        logger.propagate = False
    return handler


def loop_errors_to(handler: logging.Handler) -> Any:
    """An event loop exception handler that writes one line to ``handler``, no traceback."""
    logger = logging.getLogger("isotimer.web")
    logger.addHandler(handler)
    logger.propagate = False

    def report(_loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        error = context.get("exception")
        detail = f": {type(error).__name__}: {error}" if error else ""
        logger.warning("%s%s", context.get("message", "error"), detail)

    return report


def release_logging(handler: logging.Handler) -> None:
    """Undo ``quiet_logging`` and ``loop_errors_to`` for ``handler`` and close its file."""
    for name in (*LOGGERS, "isotimer.web"):
        logging.getLogger(name).removeHandler(handler)
    handler.close()
