"""Validate a draft exactly as a file is validated, and say which field each problem is about."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field

from isotimer.core.session.draft import HOLD_ORDER, SESSION_ORDER, SessionDraft
from isotimer.core.session.model import Session
from isotimer.storage.problems import Problem, ValidationError
from isotimer.storage.sessions.library import Library
from isotimer.storage.sessions.loader import session_from_text
from isotimer.storage.sessions.writer import session_text

# (hold index or None for the session, file key or "" when no one key is meant)
FieldRef = tuple[int | None, str]
_WHERE = re.compile(r"^(session|hold (\d+))(: (\w+))?$")
_QUOTED = re.compile(r"'([^']*)'")
_SESSION_KEYS = frozenset((*SESSION_ORDER, "hold"))
_HOLD_KEYS = frozenset(HOLD_ORDER)


@dataclass(frozen=True)
class DraftCheck:
    """The text a draft would be saved as, and the session it makes or why it can't."""

    text: str
    session: Session | None
    problems: dict[FieldRef, tuple[str, ...]] = field(default_factory=dict)

    @property
    def valid(self) -> bool:
        """True when the text makes a session; otherwise ``problems`` says why not."""
        return self.session is not None


def check_draft(
    draft: SessionDraft, library: Library, session_id: str, taken: Collection[str] = ()
) -> DraftCheck:
    """Run the draft's own file text through the loader ``isotimer validate`` uses.

    ``taken`` holds the other sessions' names (folded): two sessions of one name
    could not be told apart in the picker or by ``isotimer show NAME``.
    """
    text = session_text(draft)
    name = str(draft.name).strip()
    if name.casefold() in taken:
        taken_name = f"another session is already called '{name}': choose another name"
        return DraftCheck(text, None, {(None, "name"): (taken_name,)})
    try:
        session = session_from_text(text, session_id, library, f"{session_id}.toml")
    except ValidationError as error:
        found: dict[FieldRef, list[str]] = defaultdict(list)
        for problem in error.problems:
            found[field_for(problem)].append(problem.what)
        return DraftCheck(text, None, {ref: tuple(whats) for ref, whats in found.items()})
    return DraftCheck(text, session)


def field_for(problem: Problem) -> FieldRef:
    """The field a problem belongs beside, from its ``where`` and the key its message names.

    ``hold 2: breathing`` is hold index 1's breathing; otherwise the first
    quoted word that is a key of that table (``'seconds.beginner'`` is the
    seconds field). "unknown exercise 'x'" names a value, not a key.
    """
    match = _WHERE.match(problem.where)
    if match is None:
        return (None, "")
    hold = int(match.group(2)) - 1 if match.group(2) else None
    if match.group(4):
        return (hold, match.group(4))
    if problem.what.startswith("unknown exercise"):
        return (hold, "exercise")
    if problem.what.startswith("unknown key"):
        return (hold, "")
    keys = _HOLD_KEYS if hold is not None else _SESSION_KEYS
    for quoted in _QUOTED.findall(problem.what):
        key = quoted.split(".")[0]
        if key in keys:
            return (hold, key)
    if hold is None and problem.what.startswith("no holds"):
        return (None, "hold")
    return (hold, "")
