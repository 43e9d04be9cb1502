"""Fixtures every test gets."""

from __future__ import annotations

import pytest

from isotimer.paths import DATA_DIR_ENV


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path, monkeypatch):
    """Point the data directory at a fresh temporary folder: tests never touch a real home."""
    data_dir = tmp_path / "data"
    monkeypatch.setenv(DATA_DIR_ENV, str(data_dir))
    return data_dir
