"""Read a TOML file defensively: empty, binary, non-UTF-8 and malformed files become problems."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from isotimer.storage.bounded import FileRefused, describe_size, read_bounded
from isotimer.storage.nesting import MAX_DEPTH, nested_deeper, too_deep
from isotimer.storage.problems import Problem, ValidationError
from isotimer.storage.toml.lines import KeyLines

MAX_FILE_BYTES = 1_000_000
_AT_LINE = re.compile(r"\(at line (\d+), column \d+\)")
_AT_END = "(at end of document)"
_LONG_NUMBER = re.compile(r"[0-9_]{4000,}")

# A parsed TOML table: its values are whatever the file holds until FieldReader checks them.
Table = dict[str, Any]


@dataclass(frozen=True)
class TomlSource:
    """A parsed file with what is needed to point errors at its lines."""

    name: str
    data: Table
    lines: KeyLines


def read_toml(path: Path, name: str | None = None) -> TomlSource:
    """Read and parse ``path``; raise ValidationError with one clear problem if it can't be."""
    name = name or str(path)
    try:
        raw = read_bounded(path, MAX_FILE_BYTES)
    except FileRefused as error:
        raise _fail(name, 1, "file", f"{error.reason}: not a session or library file") from None
    except OSError as error:
        raise _fail(name, 1, "file", f"cannot be read: {error.strerror or error}") from None
    return parse_toml(raw, name)


def parse_toml(raw: bytes, name: str) -> TomlSource:
    """Parse bytes already in memory (the session editor validates unsaved text this way)."""
    if len(raw) > MAX_FILE_BYTES:
        limit = describe_size(MAX_FILE_BYTES)
        raise _fail(name, 1, "file", f"is over {limit}: not a session or library file")
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise _fail(name, line, "file", "contains binary data, not TOML text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise _fail(
            name, line, "file", f"is not UTF-8 text (bad byte at offset {error.start})"
        ) from None
    if not text.strip():
        raise _fail(name, 1, "file", "is empty")
    deep = too_deep(text)
    if deep is not None:
        what = f"arrays, tables or dotted keys nested more than {MAX_DEPTH} deep"
        raise _fail(name, deep, "syntax", what)
    try:
        data = tomllib.loads(text.removeprefix("\ufeff"))
    except tomllib.TOMLDecodeError as error:
        match = _AT_LINE.search(str(error))
        line = int(match.group(1)) if match else max(1, len(text.splitlines()))
        message = _AT_LINE.sub("", str(error)).replace(_AT_END, "at the end of the file").strip()
        raise _fail(name, line, "syntax", message) from None
    except ValueError:
        # Python refuses to turn a number of over 4,300 digits into an int.
        match = _LONG_NUMBER.search(text)
        line = text.count("\n", 0, match.start()) + 1 if match else 1
        raise _fail(name, line, "syntax", "a number with thousands of digits") from None
    if nested_deeper(data):
        raise _fail(name, 1, "syntax", f"keys nested more than {MAX_DEPTH} deep")
    return TomlSource(name, data, KeyLines(text))


def _fail(name: str, line: int, where: str, what: str) -> ValidationError:
    return ValidationError([Problem(name, line, where, what)])
