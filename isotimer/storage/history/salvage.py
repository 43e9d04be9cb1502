"""Reading what can still be read from a damaged history, for ``isotimer export``."""

from __future__ import annotations

from isotimer.core.history.records import HoldRecord
from isotimer.storage.history import schema
from isotimer.storage.history.errors import HistoryUnavailable
from isotimer.storage.history.queries import Read

_ALL = f"SELECT rowid, {schema.HOLD_COLUMNS} FROM holds ORDER BY started_ts, rowid"
_ONE = f"SELECT rowid, {schema.HOLD_COLUMNS} FROM holds WHERE rowid = ?"


def readable_holds(read: Read) -> tuple[list[HoldRecord], list[str]]:
    """Every hold oldest first that can be decoded, and a reason for each one that cannot.

    One damaged row, or one damaged page, must not keep the rest of a history
    from being taken out. When the fast scan hits a damaged page the rows are
    read one at a time by rowid, so only what sits on that page is lost.
    """
    try:
        rows, skipped = read(_ALL, ()), list[str]()
    except HistoryUnavailable:
        rows, skipped = _one_by_one(read)
    holds: list[HoldRecord] = []
    for row in rows:
        try:
            holds.append(schema.hold_from_row(row[1:]))
        except (ValueError, TypeError) as error:
            skipped.append(f"hold {row[1]!r} (row {row[0]}): {error}")
    holds.sort(key=lambda hold: hold.started_at.timestamp())
    return holds, skipped


def _one_by_one(read: Read) -> tuple[list[schema.Row], list[str]]:
    last = read("SELECT max(rowid) FROM holds", ())[0][0] or 0
    rows: list[schema.Row] = []
    skipped: list[str] = []
    for rowid in range(1, last + 1):
        try:
            rows += read(_ONE, (rowid,))
        except HistoryUnavailable as error:
            skipped.append(f"row {rowid}: {error.message}")
    return rows, skipped
