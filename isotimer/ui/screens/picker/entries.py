"""The picker's rows as data: a session to run or a file that did not load, and the filter."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from isotimer.core.session.model import Session
from isotimer.core.session.plan import Plan
from isotimer.storage.problems import Problem

BROKEN = "broken:"


@dataclass(frozen=True)
class Entry:
    """One row: a session to run, or a file that failed to load."""

    key: str
    session: Session | None = None
    plan: Plan | None = None
    problems: tuple[Problem, ...] = ()
    number: int | None = None  # fixed by the catalog's order, whatever the filter shows

    def matches(self, words: list[str]) -> bool:
        """True if every word is in the session's id, name, tags or holds (a broken file: its key).

        The holds count because a runner looks for the exercise ("calf", "plank")
        as often as for the session that has it.
        """
        if self.session is None:
            return all(word in self.key.casefold() for word in words)
        session = self.session
        holds = (text for hold in session.holds for text in (hold.name, hold.exercise))
        haystack = " ".join((session.id, session.name, *session.tags, *holds)).casefold()
        return all(word in haystack for word in words)


def quick_start_hint(entries: Sequence[Entry], session_id: str = "recovery-day") -> str:
    """How to start a favourite in two presses: its number, then Enter."""
    for entry in entries:
        if entry.session is not None and entry.session.id == session_id and entry.number:
            return f"{entry.session.name} in two presses: {entry.number} then Enter."
    return "Any of the first nine sessions in two presses: its number, then Enter."
