"""Tables for people and for pipes, and JSON documents for scripts.

In a terminal a table fits the width it has: columns that may wrap, wrap at
words; a word too long for its column ends in an ellipsis, never cut bare.
Anywhere else (a pipe, a file) the same rows are printed as ``gh`` prints
them: a header line, then one record a line, fields separated by tabs, never
wrapped or shortened, so ``grep``, ``cut`` and ``sort`` see whole records.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

# Tabs and line breaks would split a record; other control characters would
# reach the terminal reading the pipe. Each becomes one space.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Column:
    """One column: its header, and how it may give way when the terminal is narrow.

    ``wrap`` columns (names, reasons) break between words; the others stay on
    one line and lose their end to an ellipsis only when nothing else can give.
    """

    header: str
    justify: Literal["left", "right"] = "left"
    wrap: bool = False
    min_width: int | None = None


def field(value: object) -> str:
    """A cell as one safe line of text: control characters, tabs and breaks become spaces."""
    return _UNSAFE.sub(" ", "" if value is None else str(value))


def print_table(
    console: Console,
    columns: Sequence[Column],
    rows: Iterable[Sequence[object]],
    *,
    title: str | None = None,
) -> None:
    """Print ``rows`` under ``columns``: fitted to a terminal, tab-separated elsewhere."""
    if not console.is_terminal:
        write_tsv(console, [column.header for column in columns], rows)
        return
    table = Table(
        title=field(title) if title else None,
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        padding=(0, 1),
        collapse_padding=True,
    )
    for column in columns:
        table.add_column(
            column.header,
            justify=column.justify,
            no_wrap=not column.wrap,
            overflow="ellipsis",
            min_width=column.min_width,
        )
    for row in rows:
        table.add_row(*(Text(field(cell)) for cell in row))
    console.print(table)


def write_tsv(console: Console, headers: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """A header line and one tab-separated line per record, written as is (no markup)."""
    out = console.file
    out.write("\t".join(headers) + "\n")
    for row in rows:
        out.write("\t".join(field(cell) for cell in row) + "\n")
    out.flush()


def print_json(console: Console, document: object) -> None:
    """One JSON document on stdout, UTF-8 as typed, with a final newline."""
    out = console.file
    out.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    out.flush()
