"""Find the line a TOML key was written on, so errors can point at it.

``tomllib`` parses without positions, so this scans the text for table
headers and ``key =`` lines. It understands what session and library files
use (tables, arrays of tables, dotted keys, inline tables, and arrays of
inline tables written one table a line) and skips multi-line strings;
anything it cannot place falls back to the nearest enclosing table's line.
"""

from __future__ import annotations

import re

_BARE = r"[A-Za-z0-9_\-]+"
_KEY = rf"(?:{_BARE}|\"[^\"]*\"|'[^']*')"
_DOTTED = rf"{_KEY}(?:\s*\.\s*{_KEY})*"
_ARRAY_HEADER = re.compile(rf"^\s*\[\[\s*({_DOTTED})\s*\]\]")
_TABLE_HEADER = re.compile(rf"^\s*\[\s*({_DOTTED})\s*\]")
_KEY_LINE = re.compile(rf"^\s*({_DOTTED})\s*=")
_INLINE_KEY = re.compile(rf"[{{,]\s*({_KEY})\s*=")

Path = tuple[str | int, ...]


def _structure(text: str) -> list[str]:
    """The brackets and braces of ``text`` outside strings and comments, in order."""
    found, quote, escaped = [], "", False
    for char in text:
        if quote:
            if escaped:
                escaped = False
            elif quote == '"' and char == "\\":
                escaped = True
            elif char == quote:
                quote = ""
            continue
        if char in "\"'":
            quote = char
        elif char == "#":
            break
        elif char in "[]{}":
            found.append(char)
    return found


def _parts(dotted: str) -> tuple[str, ...]:
    keys = re.findall(_KEY, dotted)
    return tuple(k[1:-1] if k[:1] in "\"'" else k for k in keys)


class KeyLines:
    """Maps key paths such as ``("hold", 0, "seconds")`` to 1-based line numbers."""

    def __init__(self, text: str) -> None:
        self._lines: dict[Path, int] = {}
        self._scan(text)

    def _scan(self, text: str) -> None:
        prefix: Path = ()
        counts: dict[tuple[str, ...], int] = {}
        in_string: str | None = None
        array: _OpenArray | None = None
        for number, line in enumerate(text.splitlines(), start=1):
            if in_string:
                if line.count(in_string) % 2 == 1:
                    in_string = None
                continue
            if array is not None:
                array = array.feed(line, number, self._lines)
                continue
            if match := _ARRAY_HEADER.match(line):
                name = _parts(match.group(1))
                counts[name] = counts.get(name, 0) + 1
                prefix = (*name, counts[name] - 1)
                self._lines.setdefault(prefix, number)
            elif match := _TABLE_HEADER.match(line):
                prefix = _parts(match.group(1))
                self._lines.setdefault(prefix, number)
            elif match := _KEY_LINE.match(line):
                path = (*prefix, *_parts(match.group(1)))
                self._lines.setdefault(path, number)
                for inner in _INLINE_KEY.finditer(line):
                    self._lines.setdefault((*path, *_parts(inner.group(1))), number)
                array = _OpenArray.start(path, line[match.end() :])
            for quote in ('"""', "'''"):
                if line.count(quote) % 2 == 1:
                    in_string = quote

    def line(self, path: Path) -> int:
        """The line of ``path`` or of its nearest known parent; 1 when none is known."""
        for end in range(len(path), 0, -1):
            found = self._lines.get(path[:end])
            if found is not None:
                return found
        return 1


class _OpenArray:
    """A ``key = [`` value running over several lines: each ``{`` a line starts is an item.

    Item ``n`` of ``warm_up`` gets the path ``("warm_up", n)`` and its keys
    ``("warm_up", n, "seconds")``, as ``[[warm_up]]`` tables would.
    """

    def __init__(self, path: Path, depth: int, items: int) -> None:
        self.path = path
        self.depth = depth
        self.items = items

    @classmethod
    def start(cls, path: Path, value: str) -> _OpenArray | None:
        """An open array when ``value`` begins one that this line does not close."""
        if not value.lstrip().startswith("["):
            return None
        array = cls(path, 0, 0)
        array._walk(value)
        return array if array.depth > 0 else None

    def feed(self, line: str, number: int, lines: dict[Path, int]) -> _OpenArray | None:
        """Place the item this line starts, if any; None once the array has closed."""
        first = self._walk(line)
        if first is not None:
            item = (*self.path, first)
            lines.setdefault(item, number)
            for inner in _INLINE_KEY.finditer(line):
                lines.setdefault((*item, *_parts(inner.group(1))), number)
        return self if self.depth > 0 else None

    def _walk(self, text: str) -> int | None:
        """Follow the nesting through ``text``; the index of the first item it starts."""
        first = None
        for char in _structure(text):
            if char == "{" and self.depth == 1:
                first = self.items if first is None else first
                self.items += 1
            self.depth += 1 if char in "[{" else -1
        return first
