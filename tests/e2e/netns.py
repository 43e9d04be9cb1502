"""A network namespace joined to this one by a veth pair: a second machine on a tiny LAN.

Only addresses of the benchmarking range 198.18.0.0/15 are used, each pair its own /30,
and everything made is removed again. Creating one needs root (CI runs as root); without
the permission a test skips, except in CI where it fails.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from tests.programs import cannot_run


@dataclass(frozen=True)
class Namespace:
    """A namespace ``name`` whose only address is ``inside``, reached from here at ``outside``."""

    name: str
    inside: str
    outside: str

    def command(self, *argv: str) -> list[str]:
        """``argv`` run inside the namespace."""
        return ["ip", "netns", "exec", self.name, *argv]


def _ip(*args: str) -> None:
    subprocess.run(["ip", *args], check=True, capture_output=True, timeout=10)


@contextmanager
def lan_namespace() -> Iterator[Namespace]:
    """A namespace with one veth address and a default route through this side's end."""
    tag = os.getpid() % 16000
    name, here, there = f"isotimer-{tag}", f"itv{tag}h", f"itv{tag}n"
    third, fourth = divmod(tag * 4, 256)
    outside, inside = f"198.18.{third}.{fourth + 1}", f"198.18.{third}.{fourth + 2}"
    try:
        _ip("netns", "add", name)
    except (OSError, subprocess.CalledProcessError) as error:
        cannot_run(f"cannot make a network namespace here ({error})")
    try:
        _ip("link", "add", here, "type", "veth", "peer", "name", there)
        _ip("link", "set", there, "netns", name)
        _ip("addr", "add", f"{outside}/30", "dev", here)
        _ip("link", "set", here, "up")
        inner = ("netns", "exec", name, "ip")
        _ip(*inner, "addr", "add", f"{inside}/30", "dev", there)
        _ip(*inner, "link", "set", there, "up")
        _ip(*inner, "link", "set", "lo", "up")
        _ip(*inner, "route", "add", "default", "via", outside)
        yield Namespace(name, inside, outside)
    finally:
        subprocess.run(["ip", "link", "del", here], capture_output=True, timeout=10)
        subprocess.run(["ip", "netns", "del", name], capture_output=True, timeout=10)
