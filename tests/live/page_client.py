"""What a phone's page does, done from a test: read the latest state, press a button."""

from __future__ import annotations

import json
import urllib.request


def first_state(url: str) -> dict:
    """The state a page opening ``url`` is sent first: the run as it stands now."""
    with urllib.request.urlopen(url + "events", timeout=5) as stream:
        for raw in stream:
            if raw.startswith(b"data: "):
                return json.loads(raw.removeprefix(b"data: "))
    raise AssertionError("the stream ended without a state")


def press_on_page(url: str, name: str) -> int:
    """Press the page's ``name`` button (``pause``, ``end-hold``); the reply's status."""
    request = urllib.request.Request(url + f"command/{name}", method="POST")
    with urllib.request.urlopen(request, timeout=5) as reply:
        return reply.status
