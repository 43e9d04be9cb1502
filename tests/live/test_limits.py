"""The live server holds up: a cap on connections, limits on size, errors in a file only."""

from __future__ import annotations

import contextlib
import socket
import stat
import time
import urllib.error
import urllib.request

from isotimer.web import limits
from isotimer.web.live_server import LiveServer

HALF_OPEN = 200  # beyond the cap, well within a test's file descriptors


def get(url: str, headers: dict[str, str] | None = None) -> int:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=5):
            return 200
    except urllib.error.HTTPError as error:
        return error.code


def test_a_flood_of_half_open_connections_leaves_room_for_the_page(tmp_path, capfd):
    server = LiveServer(log_file=tmp_path / "live-page.log")
    server.start()
    flood = []
    try:
        for _ in range(HALF_OPEN):
            connection = socket.create_connection(("127.0.0.1", server.port), timeout=5)
            connection.sendall(b"GET / HTTP/1.1\r\nHost: x")  # and never the rest
            flood.append(connection)
        started = time.monotonic()
        assert get(server.url) == 200
        assert time.monotonic() - started < 2.0
        assert server._capped is not None and server._capped.count <= limits.MAX_CONNECTIONS
    finally:
        for connection in flood:
            connection.close()
        server.close()
    captured = capfd.readouterr()
    assert captured.out == captured.err == ""


def test_a_huge_header_is_refused_without_a_traceback(tmp_path, capfd):
    log = tmp_path / "data" / "live-page.log"
    server = LiveServer(log_file=log)
    server.start()
    try:
        assert get(server.url, {"X-Big": "a" * 100_000}) in (400, 431)
        body = b"x" * 10_000
        request = urllib.request.Request(server.url + "command/pause", data=body, method="POST")
        server.publish({"phase": "hold", "index": 1, "paused": False})
        with contextlib.suppress(urllib.error.HTTPError):
            urllib.request.urlopen(request, timeout=5)
        assert get(server.url) == 200
    finally:
        server.close()
    captured = capfd.readouterr()
    assert "Traceback" not in captured.err and captured.err == ""
    if log.exists():
        assert stat.S_IMODE(log.stat().st_mode) == 0o600


def test_a_connection_that_sends_nothing_is_closed_after_the_deadline(monkeypatch):
    monkeypatch.setattr(limits, "REQUEST_DEADLINE_S", 0.3)
    server = LiveServer()
    server.start()
    try:
        with socket.create_connection(("127.0.0.1", server.port), timeout=5) as idle:
            idle.settimeout(3)
            started = time.monotonic()
            assert idle.recv(1) == b""  # closed by the server
            assert time.monotonic() - started < 2.5
    finally:
        server.close()
