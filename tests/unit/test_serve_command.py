"""``isotimer serve`` without a browser: the command it runs, what it says, the page it sends."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer

from isotimer.commands.serve import app_command, is_loopback, notice
from isotimer.paths import Paths
from isotimer.web.access import Access
from isotimer.web.serve_server import IsoTimerServer


def test_the_served_command_carries_the_data_folder_and_session_folders(tmp_path):
    paths = Paths(tmp_path / "my data", (tmp_path / "extra's sessions", tmp_path / "more"))
    words = shlex.split(app_command(paths))
    assert words == [
        sys.executable,
        "-m",
        "isotimer",
        "--data-dir",
        str((tmp_path / "my data").resolve()),
        "--sessions",
        str((tmp_path / "extra's sessions").resolve()),
        "--sessions",
        str((tmp_path / "more").resolve()),
    ]


def test_a_relative_data_folder_is_made_absolute_for_the_served_process(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    words = shlex.split(app_command(Paths(Path("data"))))
    assert words[-1] == str(tmp_path.resolve() / "data")


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("0.0.0.0", False),
        ("10.0.0.2", False),
    ],
)
def test_loopback_addresses_are_recognised(host, loopback):
    assert is_loopback(host) is loopback


def test_the_notice_says_who_can_reach_the_app():
    local = "\n".join(notice(Access.for_serve("127.0.0.1"), 8000))
    assert "open http://127.0.0.1:8000 in a browser" in local
    assert "Every program and every user account on this computer can reach it" in local
    access = Access.for_serve("0.0.0.0")
    everywhere = "\n".join(notice(access, 8123))
    assert "every network address" in everywhere
    assert f":8123/?token={access.token}" in everywhere
    assert "with its token" in everywhere and "this computer can reach" not in everywhere


async def test_the_page_points_its_websocket_at_the_address_the_browser_used():
    access = Access("0.0.0.0", token=None)
    server = IsoTimerServer("true", access=access, port=8000)
    client = TestClient(TestServer(await server._make_app()))
    await client.start_server()
    try:
        reply = await client.get("/", headers={"Host": "192.168.1.5:8000"})
        page = await reply.text()
    finally:
        await client.close()
    assert 'data-session-websocket-url="ws://192.168.1.5:8000/ws"' in page
    assert "0.0.0.0" not in page
