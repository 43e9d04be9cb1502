"""Who may use ``isotimer serve``: the right Host, the page's own Origin, and off loopback a token.

Decisions:

* **Host.** A page on another site can make the browser resolve its own name
  to 127.0.0.1 (DNS rebinding) and then talk to the server as if it were that
  site. Such a request carries the attacker's name as Host, so only the names
  this server is known by pass: the address it listens on, on loopback also
  ``localhost``, 127.0.0.1 and ``[::1]``, and when listening on every address
  any IP literal or this computer's own name.
* **Origin.** A browser sends Origin with every WebSocket and every
  cross-site request: it must be this server's own page. A WebSocket without
  one did not come from a browser page, and is refused too.
* **Token.** Beyond loopback anyone on the network could connect, so each run
  makes a random token of 128 bits that the printed URL carries. The first
  request with it sets a cookie (HttpOnly, SameSite=Strict) that the page's
  own requests (its scripts, its WebSocket) then carry; any other gets 403.
"""

from __future__ import annotations

import ipaddress
import secrets
import socket
from collections.abc import Mapping
from dataclasses import dataclass, field

from isotimer.web.access import is_loopback

TOKEN_BYTES = 16  # 128 bits
TOKEN_PARAMETER = "token"
TOKEN_COOKIE = "isotimer_token"
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
WILDCARDS = ("0.0.0.0", "::", "")


def new_token() -> str:
    """A fresh random token of ``TOKEN_BYTES`` bytes, safe in a URL."""
    return secrets.token_urlsafe(TOKEN_BYTES)


@dataclass(frozen=True)
class Access:
    """The rule for one run of the server: where it listens, and its token if it needs one."""

    host: str
    port: int
    token: str | None = field(default=None, repr=False)

    @classmethod
    def for_server(cls, host: str, port: int) -> Access:
        """A token only beyond loopback, new for each run."""
        return cls(host, port, None if is_loopback(host) else new_token())

    def url(self, host: str | None = None) -> str:
        """The address to open, with the token when there is one."""
        name = host or self.host
        name = f"[{name}]" if ":" in name else name
        query = f"/?{TOKEN_PARAMETER}={self.token}" if self.token else ""
        return f"http://{name}:{self.port}{query}"

    def refusal(
        self,
        headers: Mapping[str, str],
        query: Mapping[str, str],
        cookies: Mapping[str, str],
        websocket: bool,
    ) -> str | None:
        """Why a request is refused (for the 403), or None when it may go on."""
        host = headers.get("Host", "")
        if not self._known_host(host):
            return f"unknown Host {host!r}"
        origin = headers.get("Origin")
        if origin is None and websocket:
            return "a WebSocket without an Origin"
        if origin is not None and origin not in (f"http://{host}", f"https://{host}"):
            return f"foreign Origin {origin!r}"
        if self.token is not None:
            given = query.get(TOKEN_PARAMETER) or cookies.get(TOKEN_COOKIE) or ""
            if not secrets.compare_digest(given.encode(), self.token.encode()):
                return "no valid token"
        return None

    def _known_host(self, header: str) -> bool:
        name, port = split_host(header)
        if port != self.port:
            return False
        if self.host in WILDCARDS:
            return _is_ip(name) or name.lower() in _own_names()
        if is_loopback(self.host):
            return name.lower() in LOOPBACK_NAMES
        return name.lower() == self.host.lower()


def split_host(header: str) -> tuple[str, int | None]:
    """``("::1", 8000)`` from ``[::1]:8000``; port 80 when there is none, None when it is bad."""
    if header.startswith("["):
        name, _, rest = header[1:].partition("]")
        port = rest[1:] if rest.startswith(":") else rest
    elif header.count(":") == 1:
        name, _, port = header.partition(":")
    else:
        name, port = header, ""
    if not port:
        return name, 80
    return name, int(port) if port.isdigit() else None


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def _own_names() -> set[str]:
    """This computer's name, as a phone on the same network may type it."""
    name = socket.gethostname().lower()
    return {name, f"{name}.local", "localhost"}
