"""Tables for people and for pipes, and JSON documents for scripts.

In a terminal a table fits the width it has: columns that may wrap, wrap at
words; a word too long for its column ends in an ellipsis, never cut bare;
a terminal too narrow for every column gets each record as lines instead.
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
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from isotimer.core.text.printable import CONTROLS, INVISIBLES, printable
from isotimer.ui.style.literal import literal

__all__ = ["Column", "field", "literal", "print_json", "print_table", "say"]

# Tabs and line breaks would split a record; other control characters would reach the
# terminal reading the pipe, and bidi and zero-width ones would disguise a name. Each
# becomes one space.
_UNSAFE = re.compile(f"[{CONTROLS}{INVISIBLES}]")
MIN_WRAP_WIDTH = 6


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
    headers = [column.header for column in columns]
    if not console.is_terminal:
        write_tsv(console, headers, rows)
        return
    cells = [[field(cell) for cell in row] for row in rows]
    widths = minimum_widths(columns, cells)
    if sum(widths) + 2 * (len(widths) - 1) > console.width:
        print_records(console, headers, cells)
        return
    table = Table(
        # A title is a name like any cell: a str here would be parsed as markup.
        title=Text(field(title)) if title else None,
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        padding=(0, 1),
        collapse_padding=True,
    )
    for column, width in zip(columns, widths, strict=True):
        table.add_column(
            Text(column.header),
            justify=column.justify,
            no_wrap=not column.wrap,
            overflow="ellipsis",
            min_width=width,
        )
    for row in cells:
        table.add_row(*(Text(cell) for cell in row))
    console.print(table)


def minimum_widths(columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> list[int]:
    """How narrow each column may get: unwrapped cells stay whole, no column is squeezed away.

    A wrapping column keeps at least ``MIN_WRAP_WIDTH`` (or its content, when
    shorter), so a narrow terminal gets more lines, never a column of nothing.
    """
    widths = []
    for index, column in enumerate(columns):
        longest = max((cell_len(row[index]) for row in rows), default=0)
        header = cell_len(column.header)
        least = max(header, longest)
        if column.wrap:
            least = min(MIN_WRAP_WIDTH, least)
        widths.append(max(least, column.min_width or 0))
    return widths


def print_records(console: Console, headers: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    """A terminal too narrow for the columns: each record as ``header: value`` lines."""
    for number, row in enumerate(rows):
        if number:
            console.print()
        for header, cell in zip(headers, row, strict=True):
            if cell:
                console.print(Text(f"{header}: {cell}", overflow="ellipsis"))


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


def say(console: Console, message: str) -> None:
    """One message (a problem, an error, a count) printed as plain, safe text."""
    console.print(printable(message), markup=False, highlight=False, soft_wrap=True, emoji=False)
