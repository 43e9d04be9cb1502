"""Who may open the live page: the token, our own Host, our own Origin."""

from __future__ import annotations

import pytest

from isotimer.web.access import Access, http_url

PORT = 18700
TOKEN = "t" * 22


@pytest.mark.parametrize(
    ("bound", "host", "origin", "token", "allowed"),
    [
        ("127.0.0.1", f"127.0.0.1:{PORT}", None, TOKEN, True),
        ("127.0.0.1", f"localhost:{PORT}", None, TOKEN, True),
        ("127.0.0.1", f"127.0.0.1:{PORT}", f"http://127.0.0.1:{PORT}", TOKEN, True),
        ("127.0.0.1", f"127.0.0.1:{PORT}", None, None, False),  # no token
        ("127.0.0.1", f"127.0.0.1:{PORT}", None, "x" * 22, False),  # another run's
        ("127.0.0.1", f"evil.example:{PORT}", None, TOKEN, False),  # DNS rebinding
        ("127.0.0.1", f"127.0.0.1:{PORT + 1}", None, TOKEN, False),
        ("127.0.0.1", f"192.168.1.20:{PORT}", None, TOKEN, False),  # local only
        ("127.0.0.1", f"127.0.0.1:{PORT}", "http://evil.example", TOKEN, False),  # CSRF
        ("127.0.0.1", None, None, TOKEN, False),
        ("0.0.0.0", f"192.168.1.20:{PORT}", None, TOKEN, True),
        ("0.0.0.0", f"192.168.1.20:{PORT}", f"http://192.168.1.20:{PORT}", TOKEN, True),
        ("0.0.0.0", f"phone.evil:{PORT}", None, TOKEN, False),
        ("0.0.0.0", f"192.168.1.20:{PORT}", "http://192.168.1.20:9", TOKEN, False),
        ("0.0.0.0", f"[::1]:{PORT}", None, TOKEN, True),
    ],
)
def test_a_request_needs_the_token_our_host_and_our_origin(bound, host, origin, token, allowed):
    access = Access(bound, token=TOKEN)
    assert (access.refusal(host, origin, token, PORT) is None) is allowed


def test_every_run_gets_a_new_token_of_at_least_128_bits():
    tokens = {Access("127.0.0.1").token for _ in range(50)}
    assert len(tokens) == 50
    assert all(len(token) >= 22 for token in tokens)  # 22 base64 characters carry 128+ bits


def test_the_live_page_and_serve_share_one_check_and_serve_needs_no_token_on_loopback():
    assert Access.for_serve("127.0.0.1").token is None
    serve = Access.for_serve("0.0.0.0")
    assert serve.token is not None and serve.token != Access.for_serve("0.0.0.0").token
    assert serve.refusal(f"10.0.0.2:{PORT}", None, serve.token, PORT) is None
    assert serve.refusal(f"10.0.0.2:{PORT}", None, "wrong", PORT) is not None


@pytest.mark.parametrize(
    ("origin", "websocket", "allowed"),
    [(None, True, False), (f"http://127.0.0.1:{PORT}", True, True), ("null", False, False)],
)
def test_a_websocket_needs_the_pages_own_origin(origin, websocket, allowed):
    access = Access("127.0.0.1", token=None)
    got = access.refusal(f"127.0.0.1:{PORT}", origin, None, PORT, websocket=websocket)
    assert (got is None) is allowed


def test_an_address_in_brackets_when_it_is_ipv6():
    assert http_url("198.18.0.2", PORT, f"/{TOKEN}/") == f"http://198.18.0.2:{PORT}/{TOKEN}/"
    assert http_url("::1", PORT) == f"http://[::1]:{PORT}/"
