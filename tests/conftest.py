"""Fixtures every test gets."""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

from isotimer.core.clock import FakeClock
from isotimer.paths import DATA_DIR_ENV, Paths
from isotimer.storage.history.store import HistoryStore
from tests.e2e.tmux import Terminal
from tests.programs import check_programs

if TYPE_CHECKING:
    from textual.app import App
    from textual.pilot import Pilot

# A failing property test prints the blob that replays it (@reproduce_failure). In CI every
# property test and fuzzer runs the same cases each time: a fixed budget, and a red run that
# a rerun reproduces (locally they keep exploring).
settings.register_profile("isotimer", print_blob=True)
settings.register_profile("ci", parent=settings.get_profile("isotimer"), derandomize=True,
                          database=None)  # fmt: skip
settings.load_profile("ci" if os.environ.get("CI") else "isotimer")


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path, monkeypatch):
    """Point the data directory at a fresh temporary folder: tests never touch a real home."""
    data_dir = tmp_path / "data"
    monkeypatch.setenv(DATA_DIR_ENV, str(data_dir))
    return data_dir


def pytest_runtest_setup(item):
    """A test marked ``requires_program`` is skipped without its program, and fails in CI."""
    check_programs(item)


@pytest.fixture
def terminal(request):
    """A tmux session on a server of this test's own, gone (socket and all) after the test."""
    term = Terminal(request.node.name.replace("_", "-")[:30])
    yield term
    term.close()


@pytest.fixture
def clock() -> FakeClock:
    """A fake clock the test moves by hand: no test sleeps through a countdown."""
    return FakeClock()


@pytest.fixture
def store(isolated_data_dir):
    """An empty history in the test's data folder, closed after the test."""
    with HistoryStore.open(Paths(isolated_data_dir).history_file) as opened:
        yield opened


@pytest.fixture
def run_app(tmp_path, clock: FakeClock) -> Callable[..., App]:
    """Builds the app started straight into the test session at beginner level, on ``clock``.

    Options (``settings=...``) go to ``tests.ui.builders.make_app``; Textual is imported only
    by the tests that ask for this.
    """
    from isotimer.core.session.model import Level
    from tests.ui.builders import TEST_SESSION, make_app

    def build(**options: object) -> App:
        return make_app(tmp_path, clock=clock, start=(TEST_SESSION, Level.BEGINNER), **options)

    return build


@pytest.fixture
def driver(clock: FakeClock) -> Callable[..., Callable[[Pilot], Awaitable[None]]]:
    """Makes a snapshot's ``run_before``: move ``clock``, tick the run screen, press keys."""

    def make(seconds: float, *keys: str) -> Callable[[Pilot], Awaitable[None]]:
        async def drive(pilot: Pilot) -> None:
            await pilot.pause()
            clock.advance(seconds)
            pilot.app.screen.tick()
            await pilot.pause()
            await pilot.press(*keys)
            await pilot.pause()

        return drive

    return make
