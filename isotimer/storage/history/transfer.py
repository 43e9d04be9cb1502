"""Export holds as JSON, CSV or TOML, and read them back with a reason for every refusal."""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import fields
from datetime import datetime
from itertools import chain
from pathlib import Path
from typing import Any

import tomli_w

from isotimer.core.history.records import CheckIn, HoldRecord
from isotimer.storage.bounded import FileRefused, describe_size, open_bounded
from isotimer.storage.history.cells import guard_cell, unguard_cell
from isotimer.storage.history.decode import checkin_from_mapping, record_from_mapping
from isotimer.storage.history.json_stream import JsonStreamError, json_entries
from isotimer.storage.nesting import MAX_DEPTH, nested_deeper, too_deep
from isotimer.storage.user_files import write_user_file

FORMATS = ("json", "csv", "toml")
FIELDS = tuple(field.name for field in fields(HoldRecord))
CHECKIN_FIELDS = tuple(field.name for field in fields(CheckIn))
# Room for about 250,000 holds as JSON; parsing more would take gigabytes of memory.
MAX_IMPORT_BYTES = 100_000_000

Rejected = list[tuple[int, str]]


class TransferError(ValueError):
    """A whole file cannot be read (bad syntax, unknown format); the message says why."""


def guess_format(filename: str | os.PathLike[str]) -> str:
    """The format a file name's suffix names, e.g. ``holds.csv`` is CSV."""
    suffix = Path(filename).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise TransferError(f"cannot tell the format of {filename}: use .json, .csv or .toml")
    return suffix


def export_holds(holds: Iterable[HoldRecord], fmt: str, checkins: Iterable[CheckIn] = ()) -> str:
    """Holds as text; field names are exactly those of HoldRecord, timestamps with offsets.

    JSON also carries the morning check-ins, as a ``checkins`` list beside ``holds``.
    """
    # Not dataclasses.asdict: its deep copy is 20x slower at 100,000 holds.
    rows = [{name: getattr(hold, name) for name in FIELDS} for hold in holds]
    for row in rows:
        row["outcome"] = row["outcome"].value
        row["kind"] = row["kind"].value
    if fmt == "json":
        for row in rows:
            row["started_at"] = row["started_at"].isoformat()
            row["ended_at"] = row["ended_at"].isoformat()
        mornings = [
            {name: getattr(checkin, name) for name in CHECKIN_FIELDS} for checkin in checkins
        ]
        for row in mornings:
            row["at"] = row["at"].isoformat()
        return f'{{"holds": {_json_lines(rows)},\n"checkins": {_json_lines(mornings)}}}\n'
    if fmt == "toml":
        # TOML has no null: an unrated effort or pain is simply left out.
        tables = [{key: value for key, value in row.items() if value is not None} for row in rows]
        return tomli_w.dumps({"hold": tables})
    if fmt == "csv":
        out = io.StringIO()
        # RFC 4180 line ends: the writer then quotes any field holding \r or \n.
        writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows({key: _csv_cell(value) for key, value in row.items()} for row in rows)
        return out.getvalue()
    raise TransferError(f"unknown format {fmt!r}: use json, csv or toml")


def _json_lines(rows: list[dict[str, object]]) -> str:
    # One record a line: readable and diffable, and json's C encoder (indent= is not).
    lines = ",\n".join(json.dumps(row, ensure_ascii=False) for row in rows)
    return f"[\n{lines}\n]" if rows else "[]"


def _csv_cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, str):
        return guard_cell(value)
    return value


def write_export(
    path: Path,
    holds: Iterable[HoldRecord],
    fmt: str | None = None,
    checkins: Iterable[CheckIn] = (),
) -> Path:
    """Write an export readable by its owner only (it holds pain ratings and notes).

    Raises:
        OSError: the file cannot be written, or ``path`` is a link (see write_user_file).
    """
    text = export_holds(holds, fmt or guess_format(path), checkins)
    return write_user_file(path, text.encode("utf-8"))


def parse_import(
    data: str | bytes, fmt: str | None = None, filename: str | None = None
) -> tuple[list[HoldRecord], Rejected]:
    """Read holds, keeping the valid ones and a reason for each one refused.

    JSON may be a list of records or ``{"holds": [...]}``; TOML uses ``[[hold]]``
    tables; CSV needs a header row. The format is ``fmt``, else the suffix of
    ``filename``, else guessed from the text. Rejected entries are ``(index, reason)`` with
    the index counting records from 1. A missing ``run_id`` becomes
    ``import-<date>-<session>``, one run per session and local day.

    Raises:
        TransferError: the text as a whole cannot be read in that format.
    """
    reading = ImportReading()
    text = _decode(data)
    records = reading.records([text], _format(text, fmt, filename))
    return [r for r in records if isinstance(r, HoldRecord)], reading.rejected


def parse_checkins(
    data: str | bytes, fmt: str | None = None, filename: str | None = None
) -> tuple[list[CheckIn], Rejected]:
    """The morning check-ins of a JSON export (its ``checkins`` list), like ``parse_import``.

    CSV and TOML exports carry holds only, so they have none.

    Raises:
        TransferError: the text as a whole cannot be read in that format.
    """
    reading = ImportReading()
    text = _decode(data)
    records = reading.records([text], _format(text, fmt, filename))
    return [r for r in records if isinstance(r, CheckIn)], reading.bad_checkins


class ImportReading:
    """Decodes an import entry by entry, counting each refusal, for a store to take as they come.

    ``records`` yields valid holds and check-ins in file order and keeps the reason
    for every one refused; a problem with the file as a whole raises TransferError
    mid-way, so the store must take them in one transaction (``import_records``).
    """

    def __init__(self) -> None:
        self.rejected: Rejected = []
        self.bad_checkins: Rejected = []

    def records(self, chunks: Iterable[str], fmt: str) -> Iterator[HoldRecord | CheckIn]:
        """The valid records of the text in ``chunks``, read in format ``fmt``."""
        counts = {"hold": 0, "checkin": 0}
        for kind, raw in _entries(chunks, fmt):
            counts[kind] += 1
            try:
                if kind == "hold":
                    yield record_from_mapping(raw)
                else:
                    yield checkin_from_mapping(raw)
            except ValueError as error:
                refused = self.rejected if kind == "hold" else self.bad_checkins
                refused.append((counts[kind], str(error)))

    def read_file(self, path: Path, fmt: str | None = None) -> Iterator[HoldRecord | CheckIn]:
        """``records`` of the file at ``path``, read in chunks once it is known to be a file.

        The file is opened, and refused by name if it is a FIFO, a device or over the
        cap, when this is called; it is read as the records are taken.

        Raises:
            TransferError: not a regular file, too big, or not UTF-8.
            OSError: missing or unreadable.
        """
        chunks = _file_chunks(path)
        first = next(chunks, "")
        return self.records(chain([first], chunks), _format(first, fmt, str(path)))


def _file_chunks(path: Path) -> Iterator[str]:
    """The text of an import a megabyte at a time, never more than ``MAX_IMPORT_BYTES`` of it."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    offset = 0
    try:
        with open_bounded(path, MAX_IMPORT_BYTES) as file:
            while chunk := file.read(1 << 20):
                offset += len(chunk)
                if offset > MAX_IMPORT_BYTES:
                    raise FileRefused(f"is over {describe_size(MAX_IMPORT_BYTES)}")
                yield decoder.decode(chunk)
            yield decoder.decode(b"", final=True)
    except FileRefused as error:
        limit = describe_size(MAX_IMPORT_BYTES)
        raise TransferError(f"{path} {error.reason} (imports are at most {limit})") from None
    except UnicodeDecodeError as error:
        where = offset - len(error.object) + error.start
        raise TransferError(f"not UTF-8 text ({error.reason} at byte {where})") from error


def _decode(data: str | bytes) -> str:
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TransferError(f"not UTF-8 text ({error.reason} at byte {error.start})") from error


def _format(text: str, fmt: str | None, filename: str | None) -> str:
    """``fmt``, else the suffix of ``filename``, else guessed from the text."""
    if fmt is not None:
        return fmt
    suffix = Path(filename or "").suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else _sniff(text)


def _sniff(text: str) -> str:
    start = text.lstrip()
    if start.startswith("[[hold]]") or start.startswith("hold ="):
        return "toml"
    if start[:1] in ("{", "["):
        return "json"
    if start.split("\n", 1)[0].count(",") >= 2:
        return "csv"
    raise TransferError("cannot tell the format: name it with --format or a file suffix")


def _toml(text: str) -> dict[str, Any]:
    """TOML text as data (JSON is streamed); every way it can be hostile is refused by name."""
    if (line := too_deep(text)) is not None:
        raise TransferError(f"line {line}: lists or tables nested more than {MAX_DEPTH} deep")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise TransferError(f"not valid TOML: {error}") from error
    except ValueError:
        raise TransferError("not valid TOML: a number with thousands of digits") from None
    if nested_deeper(data):
        raise TransferError(f"lists or tables nested more than {MAX_DEPTH} deep")
    return data


def _entries(chunks: Iterable[str], fmt: str) -> Iterator[tuple[str, object]]:
    """``("hold", raw)`` and ``("checkin", raw)`` as parsed, before any field is checked."""
    if fmt == "json":
        try:
            yield from json_entries(chunks)
        except JsonStreamError as error:
            raise TransferError(str(error)) from None
    elif fmt == "toml":
        data = _toml("".join(chunks))
        if not isinstance(data.get("hold"), list):
            raise TransferError("TOML must hold its records as [[hold]] tables")
        yield from (("hold", raw) for raw in data["hold"])
    elif fmt == "csv":
        yield from (("hold", raw) for raw in _csv_records(chunks))
    else:
        raise TransferError(f"unknown format {fmt!r}: use json, csv or toml")


def _csv_records(chunks: Iterable[str]) -> Iterator[dict[str, object]]:
    """Rows as mappings, with the quote ``guard_cell`` put before formula-like text removed."""
    reader = csv.DictReader(_lines(chunks))
    try:
        header = reader.fieldnames or []
        missing = [name for name in ("id", "started_at", "exercise") if name not in header]
        if missing:
            raise TransferError(f"the CSV header lacks {', '.join(missing)}")
        for row in reader:
            yield {key: unguard_cell(value) if isinstance(value, str) else value
                   for key, value in row.items()}  # fmt: skip
    except csv.Error as error:
        raise TransferError(f"not valid CSV: {error}") from error


def _lines(chunks: Iterable[str]) -> Iterator[str]:
    """Lines ending at each ``\\n`` (as ``io.StringIO`` gives them), across chunk ends."""
    rest = ""
    for chunk in chunks:
        *whole, rest = (rest + chunk).split("\n")
        yield from (line + "\n" for line in whole)
    if rest:
        yield rest
