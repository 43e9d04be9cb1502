"""Validation problems, reported as ``FILE:LINE: where: what``."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file."""

    file: str
    line: int
    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.where}: {self.what}"


class ValidationError(Exception):
    """A file could not be turned into a session or library; carries every problem."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ``(did you mean 'x'?)`` suffix, or nothing when no choice is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
