"""Whether a full-screen app can run here, and the one line that says why not."""

from __future__ import annotations

import os
import sys

from isotimer.commands.parser import usage_error

# Set by whoever chose a driver other than the terminal's: textual-serve (``isotimer
# serve``) runs each browser tab's app with its web driver over pipes, not a terminal.
DRIVER_ENV = "TEXTUAL_DRIVER"


def terminal_problem() -> str | None:
    """Why a full-screen app cannot run here, or None when stdin and stdout are terminals."""
    if os.environ.get(DRIVER_ENV):
        return None
    for name, stream in (("standard input", sys.stdin), ("standard output", sys.stdout)):
        if stream is None or not stream.isatty():
            return f"{name} is not a terminal"
    return None


def refuse_without_terminal(
    problem: str, session: str = "SESSION", what: str = "the full-screen app"
) -> int:
    """Exit status 2 and the way to do it without a terminal: escape codes never reach a pipe."""
    return usage_error(
        f"{what} needs a terminal, and {problem}; "
        f"use 'isotimer run {session} --plain' to run a session as lines of text"
    )
