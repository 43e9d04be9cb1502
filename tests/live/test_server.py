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
    server.publish({"phase": "hold", "index": 2, "paused": False})
    assert status(server.url + "command/pause", "POST") == 204
    server.publish({"phase": "hold", "index": 2, "paused": True})
    assert status(server.url + "command/resume", "POST") == 204
    server.publish({"phase": "hold", "index": 2, "paused": False})
    assert status(server.url + "command/end-hold?step=2", "POST") == 204
    assert status(server.url + "command/delete-history", "POST") == 404
    assert status(server.url + "command/pause") == 403  # a link cannot press a button
    assert commands == ["pause", "resume", "end-hold"]


def test_a_second_pause_or_resume_changes_nothing(served):
    server, commands = served
    server.publish({"phase": "hold", "index": 2, "paused": True})
    assert status(server.url + "command/pause", "POST") == 204
    server.publish({"phase": "hold", "index": 2, "paused": False})
    assert status(server.url + "command/resume", "POST") == 204
    assert commands == []


def test_a_command_for_a_state_that_is_gone_is_refused(served):
    server, commands = served
    server.publish({"phase": "rest", "index": 3, "paused": False})
    assert status(server.url + "command/end-hold?step=2", "POST") == 409
    server.publish({"phase": "hold", "index": 4, "paused": False})
    assert status(server.url + "command/end-hold?step=2", "POST") == 409
    server.publish({"phase": "hold", "index": 4, "paused": True, "held": "a dialog is open"})
    assert status(server.url + "command/resume", "POST") == 409
    server.publish({"phase": "done", "index": 9, "paused": False, "finished": True})
    assert status(server.url + "command/pause", "POST") == 409
    assert commands == []


def test_every_message_carries_the_servers_clock_and_beats_come_between_states():
    now = [100.0]
    server = LiveServer(clock=lambda: now[0])
    server.start()
    try:
        server.publish({"phase": "hold", "at_s": 99.0})
        with urllib.request.urlopen(server.url + "events", timeout=5) as stream:
            first = json.loads(stream.readline().removeprefix(b"data: "))
            assert first["now_s"] == 100.0 and first["at_s"] == 99.0
            now[0] = 101.5
            lines = [stream.readline() for _ in range(3)]
    finally:
        server.close()
    assert lines[1] == b"event: beat\n"
    assert json.loads(lines[2].removeprefix(b"data: ")) == {"now_s": 101.5}


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
