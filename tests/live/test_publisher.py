"""One run at a time on the live page: a new token for each run, the state on each event."""

from __future__ import annotations

from isotimer.core.clock import FakeClock
from isotimer.core.run.engine import Engine
from isotimer.core.session.plan import build_plan
from isotimer.web.live_server import LiveServer
from isotimer.web.publisher import RunPublisher
from tests.unit.factories import hold, session


def started(clock: FakeClock) -> Engine:
    engine = Engine(build_plan(session(hold(seconds=30), lead_in=5)))
    engine.start(clock.monotonic())
    return engine


def test_every_run_after_the_first_gets_a_new_token_and_the_same_run_keeps_its_own():
    clock = FakeClock()
    server = LiveServer()
    publisher = RunPublisher(server, clock)
    first = started(clock)
    publisher.follow(first)
    url = server.url
    publisher.follow(first)
    assert server.url == url
    publisher.follow(started(clock))
    assert server.url != url and server.access.token not in url


def test_each_event_and_each_heartbeat_publishes_with_the_held_reason():
    clock = FakeClock()
    server = LiveServer()
    reason: list[str | None] = [None]
    publisher = RunPublisher(server, clock, held=lambda: reason[0])
    engine = started(clock)
    publisher.follow(engine)
    clock.advance(10)
    engine.pause(clock.monotonic())
    assert server._state["paused"] is True and server._state["held"] is None
    reason[0] = "the help is open"
    publisher.publish()
    assert server._state["held"] == "the help is open"
