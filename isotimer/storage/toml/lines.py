"""Find the line a TOML key was written on, so errors can point at it.

``tomllib`` parses without positions, so this scans the text for table
headers and ``key =`` lines. It understands what session and library files
use (tables, arrays of tables, dotted keys, one-line inline tables) and
skips multi-line strings; anything it cannot place falls back to the nearest
enclosing table's line.
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
        for number, line in enumerate(text.splitlines(), start=1):
            if in_string:
                if line.count(in_string) % 2 == 1:
                    in_string = None
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
