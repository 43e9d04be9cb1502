"""A JSON export read one entry at a time: neither its whole text nor its parsed tree is held.

``json.loads`` of a 65 MB export of 100,000 holds held the bytes, the text and every
parsed dict at once (over 400 MB). Here the text arrives in chunks and each hold or
check-in is parsed by the C decoder (``raw_decode``) as it comes, then handed on; only
the top level (a list of holds, or ``{"holds": [...], "checkins": [...]}``) is walked
by hand. Any syntax error, wherever it is, raises ``JsonStreamError``: the caller
imports inside one transaction, so a file that cannot be read whole imports nothing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator

from isotimer.storage.nesting import MAX_DEPTH, nested_deeper

CHUNK_CHARS = 1 << 20
_NOT_SPACE = re.compile(r"[^ \t\n\r]")
_DECODER = json.JSONDecoder()
LISTS = {"holds": "hold", "checkins": "checkin"}
NOT_HOLDS = 'JSON must be a list of holds or {"holds": [...]}'
TOO_DEEP = f"lists or tables nested more than {MAX_DEPTH} deep"


class JsonStreamError(ValueError):
    """The text is not a JSON export as a whole; the message says why and, where known, where."""


class _Text:
    """The text read so far past what has been parsed, and where that is in the whole file."""

    def __init__(self, chunks: Iterable[str]) -> None:
        self._chunks = iter(chunks)
        self.buf = ""
        self.pos = 0
        self.eof = False
        self._lines = 0  # line breaks before ``buf``
        self._column = 0  # characters between the last of them and ``buf``

    def more(self) -> bool:
        """Read on, at least as much as is buffered (a huge value costs linear time)."""
        if self.eof:
            return False
        done = self.buf[: self.pos]
        breaks = done.count("\n")
        self._lines += breaks
        self._column = len(done) - done.rfind("\n") - 1 if breaks else self._column + len(done)
        pieces, size, want = [self.buf[self.pos :]], 0, max(CHUNK_CHARS, len(self.buf))
        while size < want:
            piece = next(self._chunks, None)
            if piece is None:
                self.eof = True
                break
            pieces.append(piece)
            size += len(piece)
        self.buf, self.pos = "".join(pieces), 0
        return size > 0

    def peek(self) -> str:
        """The next character that is not white space, or "" at the end of the text."""
        while True:
            found = _NOT_SPACE.search(self.buf, self.pos)
            self.pos = found.start() if found else len(self.buf)
            if found or not self.more():
                return self.buf[self.pos : self.pos + 1]

    def value(self) -> object:
        """The next JSON value, parsed whole by the C decoder."""
        self.peek()
        while True:
            try:
                value, end = _DECODER.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as error:
                if self.more():
                    continue
                raise self.error(error.msg, error.pos) from None
            except RecursionError:
                raise JsonStreamError(TOO_DEEP) from None
            except ValueError:  # an integer of thousands of digits
                raise JsonStreamError("not valid JSON: a number with thousands of digits") from None
            # A number cut at the buffer's end parses as a shorter number: read on first.
            if end == len(self.buf) and self.more():
                continue
            self.pos = end
            return value

    def take(self, char: str, what: str) -> None:
        if self.peek() != char:
            raise self.error(what, self.pos)
        self.pos += 1

    def error(self, message: str, at: int) -> JsonStreamError:
        before = self.buf.count("\n", 0, at)
        line = self._lines + before + 1
        last = self.buf.rfind("\n", 0, at)
        column = at - last if before else self._column + at + 1
        return JsonStreamError(f"not valid JSON: {message}: line {line} column {column}")


def json_entries(chunks: Iterable[str]) -> Iterator[tuple[str, object]]:
    """``("hold", entry)`` and ``("checkin", entry)`` in file order, each entry parsed.

    Raises:
        JsonStreamError: the text is not JSON, or not an export's shape; possibly after
            entries were already yielded, so the caller must be able to undo them.
    """
    text = _Text(chunks)
    first = text.peek()
    if first == "[":
        yield from _array(text, "hold")
    elif first == "{":
        yield from _document(text)
    elif first:
        text.value()  # raises the decoder's own message for anything else
        raise JsonStreamError(NOT_HOLDS)
    else:
        raise text.error("Expecting value", text.pos)
    if text.peek():
        raise text.error("Extra data", text.pos)


def _document(text: _Text) -> Iterator[tuple[str, object]]:
    """``{"holds": [...], "checkins": [...]}``; other keys are read and left aside."""
    text.take("{", "Expecting '{'")
    seen: set[str] = set()
    while text.peek() != "}" or seen:
        key = text.value()
        if not isinstance(key, str):
            raise text.error("Expecting property name enclosed in double quotes", text.pos)
        text.take(":", "Expecting ':' delimiter")
        if key in LISTS:
            if key in seen:
                raise JsonStreamError(f'"{key}" appears twice')
            seen.add(key)
            if text.peek() != "[":
                raise JsonStreamError(NOT_HOLDS if key == "holds" else f'"{key}" must be a list')
            yield from _array(text, LISTS[key])
        else:
            seen.add(key)
            if nested_deeper(text.value()):
                raise JsonStreamError(TOO_DEEP)
        if text.peek() != ",":
            break
        text.pos += 1
    text.take("}", "Expecting ',' delimiter")
    if "holds" not in seen:
        raise JsonStreamError(NOT_HOLDS)


def _nests(entry: object) -> bool:
    """Whether ``entry`` holds a list or table at all: a hold's fields are scalars, so few do."""
    if isinstance(entry, dict):
        return any(isinstance(value, dict | list) for value in entry.values())
    return isinstance(entry, list)


def _array(text: _Text, kind: str) -> Iterator[tuple[str, object]]:
    text.take("[", "Expecting '['")
    if text.peek() == "]":
        text.pos += 1
        return
    while True:
        entry = text.value()
        if _nests(entry) and nested_deeper(entry):
            raise JsonStreamError(TOO_DEEP)
        yield kind, entry
        if text.peek() != ",":
            break
        text.pos += 1
    text.take("]", "Expecting ',' delimiter")
