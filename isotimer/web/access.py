"""Who may use the live page: a per-run token in its address, and only our own Host and Origin.

The token (128 random bits, new for every run) keeps out anyone on the network
who has not scanned the code; the Host check refuses a page that reached us
through a rebound domain name, and the Origin check a page of another site
that tries to pause or end a hold from the runner's own browser.
"""

from __future__ import annotations

import ipaddress
import secrets
import socket
from urllib.parse import urlsplit

LOOPBACK = ("127.0.0.1", "::1", "localhost")


def is_loopback(host: str) -> bool:
    """True for an address only this computer can reach."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _literal(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return name == "localhost"
    return True


def who_can_see(local_only: bool) -> str:
    """The sentence under the code: the privacy of the page in words."""
    if local_only:
        return (
            "Only this computer can open it (127.0.0.1). To follow on a phone, run with "
            '--share --host 0.0.0.0 or choose "my network" for sharing in settings.'
        )
    return (
        "Anyone on your network who has this address can see the session and pause it or "
        "end a hold; the key in it is new for every run. It cannot read your history."
    )


class Access:
    """The token of one run and the checks every request passes."""

    def __init__(self, host: str, token: str | None = None) -> None:
        self.host = host
        self.token = token or secrets.token_urlsafe(16)

    @property
    def local_only(self) -> bool:
        """Whether only this computer can open the page."""
        return is_loopback(self.host)

    def url(self, port: int) -> str:
        """The address to open, with the token: on a network, one a phone can reach."""
        host = self.host if self.local_only else self.reachable_host()
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}/{self.token}/"

    def reachable_host(self) -> str:
        """This computer's address on the network when listening on all of them."""
        if self.host not in ("0.0.0.0", "::", ""):
            return self.host
        try:
            found = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
        except OSError:
            found = []
        for *_, address in found:
            if not ipaddress.ip_address(address[0]).is_loopback:
                return str(address[0])
        return "127.0.0.1"

    def refusal(
        self, host_header: str | None, origin: str | None, token: str | None, port: int
    ) -> str | None:
        """Why a request is refused (403), or None when it may go ahead."""
        if not token or not secrets.compare_digest(token, self.token):
            return "this page needs the address with its token, as isotimer shows it"
        parsed = urlsplit(f"//{host_header or ''}")
        try:
            host_port = parsed.port
        except ValueError:
            return "a Host that is not an address"
        name = parsed.hostname or ""
        if host_port != port or not _literal(name):
            return "a Host this server does not answer to"
        if self.local_only and not is_loopback(name):
            return "this session is shared with this computer only"
        if origin is not None and origin != f"http://{host_header}":
            return "a request from another site's page"
        return None
