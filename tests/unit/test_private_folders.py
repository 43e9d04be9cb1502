"""Every folder isotimer creates is its owner's only (0700), whatever the umask."""

from __future__ import annotations

import os
import stat

import pytest

from isotimer.cli import main
from isotimer.storage.folders import make_private_dir
from isotimer.storage.history.store import HistoryStore
from isotimer.storage.settings import Settings, save_settings


@pytest.fixture(autouse=True)
def open_umask():
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_isotimer_new_makes_the_data_folder_and_its_parents_0700(tmp_path, capsys):
    data = tmp_path / "home" / "isotimer"
    assert main(["--data-dir", str(data), "new", "Morning holds"]) == 0
    for folder in (tmp_path / "home", data, data / "sessions"):
        assert mode(folder) == 0o700, folder


@pytest.mark.parametrize(
    "create",
    [
        lambda data: HistoryStore.open(data / "history.sqlite3").close(),
        lambda data: save_settings(data / "settings.toml", Settings()),
    ],
    ids=["history", "settings"],
)
def test_the_history_and_settings_make_their_folder_0700(tmp_path, create):
    create(tmp_path / "a" / "data")
    assert mode(tmp_path / "a") == 0o700 and mode(tmp_path / "a" / "data") == 0o700


def test_a_folder_already_there_is_left_as_it_was(tmp_path):
    (tmp_path / "shared").mkdir(mode=0o755)
    make_private_dir(tmp_path / "shared" / "mine")
    assert mode(tmp_path / "shared") == 0o755 and mode(tmp_path / "shared" / "mine") == 0o700
