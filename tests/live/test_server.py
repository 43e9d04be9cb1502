"""The live server for real on loopback: the page, the stream of states, the buttons."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from isotimer.web.live_server import LiveServer


@pytest.fixture
def served() -> Iterator[tuple[LiveServer, list[str]]]:
    commands: list[str] = []
    done = threading.Event()

    def command(name: str) -> None:
        commands.append(name)
        done.set()

    server = LiveServer(on_command=command)
    server.start()
    yield server, commands
    server.close()


def status(url: str, method: str = "GET", headers: dict[str, str] | None = None) -> int:
    request = urllib.request.Request(url, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=5) as reply:
            return reply.status
    except urllib.error.HTTPError as error:
        return error.code


def events(url: str, count: int) -> Iterator[dict]:
    """The first ``count`` states of the stream (each a ``data:`` line)."""
    with urllib.request.urlopen(url + "events", timeout=5) as stream:
        seen = 0
        for raw in stream:
            line = raw.decode().strip()
            if line.startswith("data: "):
                yield json.loads(line.removeprefix("data: "))
                seen += 1
                if seen == count:
                    return


def test_the_page_needs_its_token(served):
    server, _ = served
    assert status(server.url) == 200
    root = server.url.rsplit("/", 2)[0] + "/"
    assert status(root) == 403
    assert status(root + "not-the-token/") == 403
    assert status(root + "not-the-token/events") == 403


def test_a_foreign_host_or_origin_is_refused(served):
    server, _ = served
    assert status(server.url, headers={"Host": f"evil.example:{server.port}"}) == 403
    post = server.url + "command/pause"
    assert status(post, "POST", {"Origin": "http://evil.example"}) == 403


def test_a_new_page_gets_the_latest_state_then_every_change(served):
    server, _ = served
    server.publish({"phase": "hold", "remaining_s": 20})
    stream = events(server.url, 2)
    first = next(stream)
    assert first["phase"] == "hold" and first["remaining_s"] == 20
    server.publish({"phase": "rest", "remaining_s": 30})
    assert next(stream)["phase"] == "rest"


def test_the_buttons_reach_the_app_and_nothing_else_does(served):
    server, commands = served
    assert status(server.url + "command/pause", "POST") == 204
    assert status(server.url + "command/end-hold", "POST") == 204
    assert status(server.url + "command/delete-history", "POST") == 404
    assert status(server.url + "command/pause") == 403  # a link cannot press a button
    assert commands == ["pause", "end-hold"]


def test_a_dropped_stream_ends_and_a_new_one_catches_up(served):
    server, _ = served
    server.publish({"phase": "hold", "remaining_s": 20})
    with urllib.request.urlopen(server.url + "events", timeout=5) as stream:
        assert stream.readline().startswith(b"data: ")
        server.drop_clients()
        rest = stream.read()  # ends: the server closed it
    assert b"data:" not in rest
    server.publish({"phase": "rest", "remaining_s": 12})
    assert next(events(server.url, 1))["phase"] == "rest"


def test_a_port_in_use_is_a_clear_error(served):
    server, _ = served
    with pytest.raises(OSError):
        LiveServer(port=server.port).start()
