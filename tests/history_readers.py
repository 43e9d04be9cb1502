"""Read a history file straight from SQLite, the way another program would (and close it after)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

HISTORY_FILE = "history.sqlite3"


def query(path: Path, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every row ``sql`` gives on the SQLite file at ``path``, on a connection closed after.

    ``with sqlite3.connect(...)`` only commits: the connection stays open, and
    an open handle keeps the file (and its WAL) busy for the rest of the test.
    """
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(sql, params).fetchall()


def pragma(path: Path, name: str) -> Any:
    """The value of ``PRAGMA name`` as a fresh connection to ``path`` sees it."""
    return query(path, f"PRAGMA {name}")[0][0]


def history_rows(data_dir: Path, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Rows from the history file in the data folder ``data_dir``."""
    return query(data_dir / HISTORY_FILE, sql, params)
