"""Who may use a page isotimer serves: the live page and ``isotimer serve`` alike.

Decisions:

* **Token.** Beyond loopback anyone on the network could connect, so a run
  makes a random token of 128 bits, new every time, that the address carries.
  The live page always has one; ``serve`` on loopback has none (every program
  of this computer could read it from the terminal anyway).
* **Host.** A page on another site can make the browser resolve its own name
  to our address (DNS rebinding) and then talk to the server as that site.
  Such a request carries the attacker's name as Host, so only the names this
  server is known by pass: on loopback ``localhost``, 127.0.0.1 and ``[::1]``;
  listening everywhere, any IP literal and this computer's own name; on one
  address, that address.
* **Origin.** A browser sends Origin with every WebSocket and cross-site
  request: it must be the server's own page, so another site's page cannot
  press a button in the runner's browser. A WebSocket without one did not come
  from a browser page and is refused too.
"""

from __future__ import annotations

import ipaddress
import secrets
import socket
from dataclasses import dataclass, field

from isotimer.web.addresses import WILDCARDS

TOKEN_BYTES = 16  # 128 bits
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


def new_token() -> str:
    """A fresh random token of ``TOKEN_BYTES`` bytes, safe in a URL."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def is_loopback(host: str) -> bool:
    """True for an address only this computer can reach."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def http_url(address: str, port: int, rest: str = "/") -> str:
    """``http://address:port/rest``, an IPv6 address in brackets."""
    shown = f"[{address}]" if ":" in address else address
    return f"http://{shown}:{port}{rest}"


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


def who_can_see(local_only: bool) -> str:
    """The sentence under the live page's code: its privacy in words."""
    if local_only:
        return (
            "Only this computer can open it (127.0.0.1). To follow on a phone, run with "
            '--share --host 0.0.0.0 or choose "my network" for sharing in settings.'
        )
    return (
        "Anyone on your network who has this address can see the session and pause it or "
        "end a hold; the key in it is new for every run. It cannot read your history."
    )


@dataclass(frozen=True)
class Access:
    """Where one server listens, its token if it needs one, and the check every request passes."""

    host: str
    token: str | None = field(default_factory=new_token, repr=False)

    @classmethod
    def for_serve(cls, host: str) -> Access:
        """``isotimer serve``'s rule: a token only beyond loopback, new for each run."""
        return cls(host, None if is_loopback(host) else new_token())

    @property
    def local_only(self) -> bool:
        """Whether only this computer can open the page."""
        return is_loopback(self.host)

    def refusal(
        self,
        host_header: str | None,
        origin: str | None,
        token: str | None,
        port: int,
        *,
        websocket: bool = False,
    ) -> str | None:
        """Why a request is refused (for the 403), or None when it may go ahead."""
        if self.token is not None and not secrets.compare_digest(
            (token or "").encode(), self.token.encode()
        ):
            return "this page needs the address with its token, as isotimer shows it"
        host = host_header or ""
        if not self._known_host(host, port):
            return f"a Host this server does not answer to ({host!r})"
        if origin is None and websocket:
            return "a WebSocket without an Origin"
        if origin is not None and origin not in (f"http://{host}", f"https://{host}"):
            return f"a request from another site's page ({origin!r})"
        return None

    def _known_host(self, header: str, port: int) -> bool:
        name, given_port = split_host(header)
        name = name.lower()
        if given_port != port:
            return False
        if self.host in WILDCARDS:
            return _is_ip(name) or name in _own_names()
        if self.local_only:
            return name in LOOPBACK_NAMES or (_is_ip(name) and is_loopback(name))
        return name == self.host.lower()


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
