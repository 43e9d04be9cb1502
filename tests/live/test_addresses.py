"""Where a phone can reach this computer: the default route's address first, never loopback."""

from __future__ import annotations

import pytest

from isotimer.web import addresses
from isotimer.web.addresses import default_gateway, reachable, usable

ROUTES = """\
Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0
wlan0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0
eth0\t00000000\t010012C6\t0003\t0\t0\t100\t00000000\t0\t0\t0
"""


def test_the_default_route_with_the_lowest_metric_wins(tmp_path):
    table = tmp_path / "route"
    table.write_text(ROUTES)
    assert default_gateway(table) == ("eth0", "198.18.0.1")


def test_no_table_or_no_default_route_is_none(tmp_path):
    assert default_gateway(tmp_path / "missing") is None
    table = tmp_path / "route"
    table.write_text(ROUTES.splitlines()[0] + "\n" + ROUTES.splitlines()[1] + "\n")
    assert default_gateway(table) is None


@pytest.mark.parametrize(
    ("address", "offered"),
    [
        ("192.168.1.20", True),
        ("198.18.0.2", True),
        ("127.0.0.1", False),
        ("127.0.1.1", False),  # Debian's /etc/hosts name for the machine
        ("169.254.3.4", False),  # link-local: no DHCP answered
        ("0.0.0.0", False),
        ("not an address", False),
    ],
)
def test_only_addresses_another_device_can_reach_are_offered(address, offered):
    assert usable(address) is offered


def test_the_default_routes_address_comes_first_and_none_twice(monkeypatch):
    monkeypatch.setattr(addresses, "default_gateway", lambda: ("wlan0", "192.168.1.1"))
    monkeypatch.setattr(addresses, "source_address", lambda towards: "192.168.1.20")
    monkeypatch.setattr(
        addresses, "interface_addresses", lambda: ["127.0.0.1", "172.17.0.1", "192.168.1.20"]
    )
    assert reachable("0.0.0.0") == ["192.168.1.20", "172.17.0.1"]
    assert reachable("::") == ["192.168.1.20", "172.17.0.1"]


def test_a_concrete_host_is_the_address_shown_and_nothing_found_is_loopback(monkeypatch):
    assert reachable("198.18.0.2") == ["198.18.0.2"]
    monkeypatch.setattr(addresses, "lan_addresses", lambda: [])
    assert reachable("0.0.0.0") == ["127.0.0.1"]


def test_the_source_address_towards_loopback_is_loopback_and_nothing_is_sent():
    assert addresses.source_address("127.0.0.1") == "127.0.0.1"
