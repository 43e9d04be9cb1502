"""Who may open the live page: the token, our own Host, our own Origin."""

from __future__ import annotations

import pytest

from isotimer.web.access import Access

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


def test_the_url_carries_the_token_and_a_reachable_address():
    local = Access("127.0.0.1", token=TOKEN)
    assert local.url(PORT) == f"http://127.0.0.1:{PORT}/{TOKEN}/"
    assert local.local_only
    network = Access("0.0.0.0", token=TOKEN)
    assert not network.local_only
    assert "0.0.0.0" not in network.url(PORT)
