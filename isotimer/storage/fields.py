"""Typed, range-checked reads of TOML values that record problems instead of raising."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from isotimer.core.text.printable import first_control
from isotimer.storage.problems import Problem, did_you_mean
from isotimer.storage.toml.lines import KeyLines, Path
from isotimer.storage.toml.source import Table

MAX_SECONDS = 3600
_MISSING = object()


def number_text(value: float) -> str:
    """A number for an error message: ``1e+300``, ``-5``, or ``a number of 401 digits``."""
    if isinstance(value, int) and abs(value) >= 10**15:
        # Formatting a 400-digit int as a float overflows; its length is what matters.
        return f"a number of {len(str(abs(value)))} digits"
    return f"{value:g}"


def _describe(value: Any) -> str:
    """A short, readable rendering of a wrong value for an error message."""
    if isinstance(value, int) and not isinstance(value, bool):
        return number_text(value)
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _kind(value: Any) -> str:
    names = {bool: "true/false", str: "text", list: "a list", dict: "a table"}
    return names.get(type(value), type(value).__name__)


class FieldReader:
    """Reads fields of one file's tables, collecting a Problem per mistake."""

    def __init__(self, file: str, lines: KeyLines) -> None:
        self.file = file
        self.lines = lines
        self.problems: list[Problem] = []

    def report(self, path: Path, where: str, what: str) -> None:
        """Record a problem at the source line of the key at ``path``."""
        self.problems.append(Problem(self.file, self.lines.line(path), where, what))

    def unknown_keys(self, table: Table, allowed: Iterable[str], path: Path, where: str) -> None:
        """Report each key of ``table`` not in ``allowed``, with a did-you-mean hint."""
        allowed = list(allowed)
        for key in table:
            if key not in allowed:
                hint = did_you_mean(key, allowed)
                self.report((*path, key), where, f"unknown key '{key}'{hint}")

    def text(
        self,
        table: Table,
        key: str,
        path: Path,
        where: str,
        required: bool = False,
        multiline: bool = False,
    ) -> Any:
        """Text, refused when it holds a control character (``multiline`` allows newlines, tabs)."""
        value = table.get(key, _MISSING)
        if value is _MISSING:
            if required:
                self.report(path, where, f"missing required key '{key}'")
            return None
        if not isinstance(value, str) or (required and not value.strip()):
            expected = "non-empty text" if required else "text"
            self.report((*path, key), where, f"'{key}' must be {expected}, got {_describe(value)}")
            return None
        return value if self._printable(value, (*path, key), where, key, multiline) else None

    def _printable(self, value: str, path: Path, where: str, label: str, multiline: bool) -> bool:
        """False (and a problem) when ``value`` holds a character never to reach a terminal."""
        found = first_control(value, multiline)
        if found is None:
            return True
        offset, name = found
        self.report(
            path, where, f"'{label}' contains {name} at character {offset + 1}: not allowed in text"
        )
        return False

    def texts(self, table: Table, key: str, path: Path, where: str) -> tuple[str, ...] | None:
        """A list of non-empty printable texts at ``key``, None if absent or reported."""
        value = table.get(key, _MISSING)
        if value is _MISSING:
            return None
        ok = isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)
        if not ok:
            self.report((*path, key), where, f"'{key}' must be a list of non-empty texts")
            return None
        if not all(self._printable(v, (*path, key), where, key, False) for v in value):
            return None
        return tuple(value)

    def number(
        self,
        table: Table,
        key: str,
        path: Path,
        where: str,
        low: float,
        high: float = MAX_SECONDS,
        whole: bool = False,
    ) -> Any:
        """A finite number in ``[low, high]``; None (and a problem) otherwise."""
        value = table.get(key, _MISSING)
        if value is _MISSING:
            return None
        return self.check_number(value, (*path, key), where, key, low, high, whole)

    def check_number(
        self,
        value: Any,
        path: Path,
        where: str,
        label: str,
        low: float,
        high: float = MAX_SECONDS,
        whole: bool = False,
    ) -> Any:
        """``value`` if it is a finite number in ``[low, high]``, else report and return None.

        Booleans are refused though Python counts them as ints; ``whole`` demands an int.
        """
        kind = "a whole number" if whole else "a number"
        allowed = int if whole else (int, float)
        if isinstance(value, bool) or not isinstance(value, allowed):
            self.report(path, where, f"'{label}' must be {kind}, got {_kind(value)}")
            return None
        # Compared before any conversion: float(10**400) raises, and int-float comparison is exact.
        if isinstance(value, float) and not math.isfinite(value):
            self.report(path, where, f"'{label}' must be a finite number, got {value}")
            return None
        if value < low:
            got = number_text(value)
            self.report(path, where, f"'{label}' must be at least {low:g}, got {got}")
            return None
        if value > high:
            limit = "an hour (3600 s)" if high == MAX_SECONDS else f"{high:g}"
            self.report(path, where, f"'{label}' must be at most {limit}, got {number_text(value)}")
            return None
        return value

    def choice(
        self, table: Table, key: str, path: Path, where: str, choices: list[str]
    ) -> str | None:
        """The text at ``key`` if it is one of ``choices``, None if absent or reported."""
        value = table.get(key, _MISSING)
        if value is _MISSING:
            return None
        if not isinstance(value, str) or value not in choices:
            options = " or ".join(f"'{c}'" for c in choices)
            hint = did_you_mean(value, choices) if isinstance(value, str) else ""
            self.report(
                (*path, key), where, f"'{key}' must be {options}, got {_describe(value)}{hint}"
            )
            return None
        return value

    def table(self, parent: Table, key: str, path: Path, where: str) -> Table | None:
        """The sub-table at ``key``, None if absent or reported as not a table."""
        value = parent.get(key, _MISSING)
        if value is _MISSING:
            return None
        if not isinstance(value, dict):
            self.report((*path, key), where, f"'{key}' must be a table, got {_kind(value)}")
            return None
        return value
