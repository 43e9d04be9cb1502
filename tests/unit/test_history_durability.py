"""The durability the history relies on: WAL, synchronous=FULL, and synced folders."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from isotimer.core.session.draft import HoldDraft, SessionDraft
from isotimer.storage.history.store import HistoryStore
from isotimer.storage.sessions.writer import save_session
from tests.history_readers import pragma
from tests.unit.history_factories import hold_record

SYNCHRONOUS_FULL = 2


@pytest.fixture
def path(isolated_data_dir) -> Path:
    return isolated_data_dir / "history.sqlite3"


@pytest.fixture
def connections(monkeypatch) -> list[sqlite3.Connection]:
    """Every read-write connection the code under test opens, in order."""
    opened: list[sqlite3.Connection] = []
    real_connect = sqlite3.connect

    def connect(database, *args, **kwargs):
        conn = real_connect(database, *args, **kwargs)
        if not kwargs.get("uri"):  # read-only probes are opened as URIs
            opened.append(conn)
        return conn

    monkeypatch.setattr(sqlite3, "connect", connect)
    return opened


@pytest.fixture
def synced(monkeypatch) -> list[tuple[str, bool]]:
    """Each ``os.fsync``: the path of what was synced, and whether it is a folder."""
    calls: list[tuple[str, bool]] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        target = os.readlink(f"/proc/self/fd/{fd}")
        calls.append((target, os.path.isdir(target)))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    return calls


def test_the_history_file_is_in_wal_mode(path):
    with HistoryStore.open(path) as store:
        store.add_hold(hold_record())
        assert pragma(path, "journal_mode") == "wal"


def test_the_store_commits_with_synchronous_full(path, connections):
    """FULL syncs the WAL at every commit: a hold survives a power cut, not just a crash."""
    with HistoryStore.open(path) as store:
        store.add_hold(hold_record())
        assert connections, "the store opened no connection through sqlite3.connect"
        levels = [conn.execute("PRAGMA synchronous").fetchone()[0] for conn in connections]
        assert levels == [SYNCHRONOUS_FULL] * len(connections)


def test_a_new_history_file_has_its_folder_synced_after_it_is_made(path, synced):
    path.parent.mkdir(mode=0o700)
    HistoryStore.open(path).close()
    assert (str(path.parent), True) in synced


def test_a_new_data_folder_is_synced_into_its_parent(path, synced):
    HistoryStore.open(path).close()
    assert (str(path.parent.parent), True) in synced
    assert (str(path.parent), True) in synced


def test_a_saved_session_file_and_then_its_folder_are_synced(tmp_path, synced):
    draft = SessionDraft(name="Calm", holds=(HoldDraft("wall-sit"),))
    saved = save_session(tmp_path / "sessions", "calm", draft)
    folders = [index for index, (target, is_dir) in enumerate(synced) if is_dir]
    files = [index for index, (target, is_dir) in enumerate(synced) if not is_dir]
    assert files and folders, synced
    assert synced[folders[-1]][0] == str(saved.parent)
    assert files[0] < folders[-1], "the folder is synced after the file's contents"
