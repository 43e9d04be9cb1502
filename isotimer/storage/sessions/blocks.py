"""Read a session's warm-up and cool-down blocks: timed, named, with optional cues."""

from __future__ import annotations

from typing import Any

from isotimer.core.session.model import Block
from isotimer.storage.fields import FieldReader
from isotimer.storage.toml.lines import Path as KeyPath
from isotimer.storage.toml.source import Table

BLOCK_KEYS = ("name", "seconds", "cues")


def read_blocks(reader: FieldReader, data: Table, key: str) -> tuple[Block, ...]:
    """The ``warm_up`` or ``cool_down`` list of a session file, problems reported to ``reader``.

    Either TOML form is taken: ``[[warm_up]]`` tables or a list of inline
    tables. A bad block is left out and the rest still load, so one run of
    ``isotimer validate`` lists every problem.
    """
    tables = data.get(key)
    if tables is None:
        return ()
    if not isinstance(tables, list):
        what = f"'{key}' must be a list of {{ name, seconds, cues }} blocks"
        reader.report((key,), "session", what)
        return ()
    blocks = (_block(reader, (key, index), table) for index, table in enumerate(tables))
    return tuple(block for block in blocks if block is not None)


def _block(reader: FieldReader, path: KeyPath, table: Any) -> Block | None:
    """One timed block: a name, its seconds and optional cues, nothing else."""
    where = f"{path[0]} {int(path[1]) + 1}"
    if not isinstance(table, dict):
        reader.report(path, where, 'must be a table such as { name = "Easy bike", seconds = 300 }')
        return None
    before = len(reader.problems)
    reader.unknown_keys(table, BLOCK_KEYS, path, where)
    name = reader.text(table, "name", path, where, required=True)
    if "seconds" not in table:
        reader.report(path, where, "missing required key 'seconds'")
    seconds = reader.number(table, "seconds", path, where, low=1)
    cues = reader.texts(table, "cues", path, where)
    if len(reader.problems) > before:
        return None
    return Block(name=name, seconds=seconds, cues=cues or ())
