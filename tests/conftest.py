"""Fixtures every test gets."""

from __future__ import annotations

import pytest
from hypothesis import settings

from isotimer.core.clock import FakeClock
from isotimer.paths import DATA_DIR_ENV
from isotimer.storage.history.store import HistoryStore
from tests.e2e.tmux import Terminal
from tests.programs import check_programs

# A failing property test prints the blob that replays it (@reproduce_failure).
settings.register_profile("isotimer", print_blob=True)
settings.load_profile("isotimer")


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
    with HistoryStore.open(isolated_data_dir / "history.sqlite3") as opened:
        yield opened
