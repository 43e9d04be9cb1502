"""This computer's addresses on its networks, the one a phone most likely shares first.

Decisions:

* **No name lookup.** ``getaddrinfo(gethostname())`` gives only loopback on a
  stock Debian or Ubuntu ``/etc/hosts`` (``127.0.1.1 host``), so the addresses
  come from the interfaces themselves.
* **The default route first.** The home Wi-Fi is where the default route
  goes; a UDP socket ``connect()``-ed towards its gateway learns the source
  address the kernel would use without sending a packet. The gateway is read
  from ``/proc/net/route``; elsewhere a documentation address (192.0.2.1,
  never routed to anyone) stands in for it.
* **Every other interface** from ``socket.if_nameindex`` and the
  ``SIOCGIFADDR`` ioctl (Linux), IPv4 only: what a phone types or scans.
  Loopback and link-local (169.254/16) addresses are never offered; no
  program is run to find them.
"""

from __future__ import annotations

import ipaddress
import socket
import struct
from pathlib import Path

ROUTES = Path("/proc/net/route")
STAND_IN_GATEWAY = "192.0.2.1"  # TEST-NET-1: connect() to it only picks a source address
SIOCGIFADDR = 0x8915
RTF_UP = 0x1
WILDCARDS = ("0.0.0.0", "::", "")


def default_gateway(routes: Path = ROUTES) -> tuple[str, str] | None:
    """``(interface, gateway)`` of the IPv4 default route, from the kernel's table."""
    try:
        lines = routes.read_text().splitlines()[1:]
    except OSError:
        return None
    best: tuple[int, str, str] | None = None
    for line in lines:
        fields = line.split()
        if len(fields) < 7 or fields[1] != "00000000" or not int(fields[3], 16) & RTF_UP:
            continue
        gateway = socket.inet_ntoa(struct.pack("<I", int(fields[2], 16)))
        metric = int(fields[6])
        if best is None or metric < best[0]:
            best = (metric, fields[0], gateway)
    return None if best is None else (best[1], best[2])


def source_address(towards: str) -> str | None:
    """The address this computer would send from to reach ``towards`` (nothing is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect((towards, 9))
        except OSError:
            return None
        return str(probe.getsockname()[0])


def interface_addresses() -> list[str]:
    """The IPv4 address of each interface that has one (Linux; empty elsewhere)."""
    try:
        import fcntl
    except ImportError:
        return []
    found = []
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        for _index, name in socket.if_nameindex():
            request = struct.pack("256s", name.encode()[:15])
            try:
                reply = fcntl.ioctl(probe.fileno(), SIOCGIFADDR, request)
            except OSError:
                continue  # down, or no IPv4 address
            found.append(socket.inet_ntoa(reply[20:24]))
    return found


def usable(address: str) -> bool:
    """An address another device could reach: not loopback, link-local or unspecified."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return not (ip.is_loopback or ip.is_link_local or ip.is_unspecified or ip.is_multicast)


def lan_addresses() -> list[str]:
    """This computer's network addresses, the default route's first; may be empty."""
    route = default_gateway()
    first = source_address(route[1] if route else STAND_IN_GATEWAY)
    ordered = [first] if first else []
    ordered += interface_addresses()
    return [address for address in dict.fromkeys(ordered) if usable(address)]


def reachable(host: str) -> list[str]:
    """Where a phone can open a server listening on ``host``, the best first.

    A concrete address is itself; every address (``0.0.0.0``, ``::``) is the
    network addresses found, or loopback when there are none.
    """
    if host not in WILDCARDS:
        return [host]
    return lan_addresses() or ["127.0.0.1"]
