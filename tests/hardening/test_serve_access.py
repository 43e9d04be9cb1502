"""``isotimer serve`` refuses a foreign Host or Origin, and off loopback any request sans token."""

from __future__ import annotations

import pytest
from aiohttp.test_utils import TestClient, TestServer

from isotimer.web.access import TOKEN_BYTES, Access, split_host
from isotimer.web.serve_server import IsoTimerServer

PORT = 8000
WS = {"Connection": "Upgrade", "Upgrade": "websocket", "Sec-WebSocket-Version": "13",
      "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ=="}  # fmt: skip


async def status(access: Access, path: str, headers: dict[str, str]) -> int:
    server = IsoTimerServer("true", access=access, port=PORT)
    client = TestClient(TestServer(await server._make_app()))
    await client.start_server()
    try:
        reply = await client.get(path, headers=headers, allow_redirects=False)
        return reply.status
    finally:
        await client.close()


LOCAL = Access.for_serve("127.0.0.1")
OWN = f"127.0.0.1:{PORT}"


@pytest.mark.parametrize(
    ("headers", "allowed"),
    [
        ({"Host": OWN}, True),
        ({"Host": f"localhost:{PORT}"}, True),
        ({"Host": f"[::1]:{PORT}"}, True),
        ({"Host": f"evil.example:{PORT}"}, False),  # DNS rebinding
        ({"Host": "127.0.0.1:9999"}, False),
        ({"Host": OWN, "Origin": f"http://{OWN}"}, True),
        ({"Host": OWN, "Origin": "http://evil.example"}, False),  # another site's page
        ({"Host": OWN, "Origin": "null"}, False),
    ],
)
async def test_the_page_is_served_only_to_its_own_host_and_origin(headers, allowed):
    assert (await status(LOCAL, "/", headers) == 200) is allowed


@pytest.mark.parametrize(
    ("origin", "refused"),
    [("http://evil.example", True), (None, True), (f"http://{OWN}", False)],
)
async def test_the_websocket_needs_the_pages_own_origin(origin, refused):
    headers = {"Host": OWN, **WS} | ({"Origin": origin} if origin else {})
    got = await status(LOCAL, "/ws", headers)
    assert (got == 403) is refused, got


async def test_off_loopback_every_request_without_the_token_is_refused():
    access = Access.for_serve("0.0.0.0")
    assert access.token and len(access.token) >= TOKEN_BYTES * 4 // 3
    assert Access.for_serve("0.0.0.0").token != access.token  # new each run
    host = {"Host": f"192.168.1.5:{PORT}"}
    assert await status(access, "/", host) == 403
    assert await status(access, "/static/css/xterm.css", host) == 403
    assert await status(access, "/ws", host | WS | {"Origin": "http://192.168.1.5:8000"}) == 403
    assert await status(access, "/?token=wrong", host) == 403
    assert await status(access, f"/?token={access.token}", host) == 200
    cookie = {"Cookie": f"isotimer_token={access.token}"}
    assert await status(access, "/static/css/xterm.css", host | cookie) != 403


async def test_the_token_sets_a_strict_cookie_for_the_pages_own_requests():
    access = Access.for_serve("10.0.0.2")
    server = IsoTimerServer("true", access=access, port=PORT)
    client = TestClient(TestServer(await server._make_app()))
    await client.start_server()
    try:
        reply = await client.get(f"/?token={access.token}", headers={"Host": f"10.0.0.2:{PORT}"})
        cookie = reply.headers["Set-Cookie"]
    finally:
        await client.close()
    assert access.token in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie


@pytest.mark.parametrize(
    ("header", "parts"),
    [("a:1", ("a", 1)), ("[::1]:8000", ("::1", 8000)), ("a", ("a", 80)), ("a:x", ("a", None))],
)
def test_host_headers_split_into_name_and_port(header, parts):
    assert split_host(header) == parts
