"""Fixtures for the unit tests that run programs."""

from __future__ import annotations

from pathlib import Path

import pytest

from isotimer.sound.announcer import SPEECH_FILE_ENV


@pytest.fixture
def bin_dir(tmp_path, monkeypatch) -> Path:
    """An empty folder that is the whole PATH, so only fakes put in it are found."""
    folder = tmp_path / "bin"
    folder.mkdir()
    monkeypatch.setenv("PATH", str(folder))
    monkeypatch.delenv(SPEECH_FILE_ENV, raising=False)
    return folder
