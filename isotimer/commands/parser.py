"""The argument parser's manners: one-line errors with exit status 2, and checked values."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import NoReturn

from isotimer.storage.bounded import refusal
from isotimer.storage.history.decode import EARLIEST, LATEST
from isotimer.storage.problems import did_you_mean

USAGE_ERROR = 2
PORTS = (1, 65535)
# Dates a command accepts: those a history can hold, so that a programme started on one can
# still be written as a calendar weeks later.
FIRST_DAY, LAST_DAY = EARLIEST.date(), LATEST.date()


class CommandParser(argparse.ArgumentParser):
    """An ArgumentParser whose mistakes are one line on stderr, then exit status 2.

    argparse's own error prints the whole usage block first; a script's log or
    a person at the prompt needs only what was wrong and where to look.
    Subparsers inherit the class, so every subcommand behaves the same.
    """

    def error(self, message: str) -> NoReturn:
        """Exit with status 2 after one line naming the mistake and ``--help``."""
        self.exit(USAGE_ERROR, f"{self.prog}: {message} (see '{self.prog} --help')\n")

    def _check_value(self, action: argparse.Action, value: object) -> None:
        """A mistyped command or action gets the closest one named, as a mistyped session does.

        argparse's own message lists every choice and leaves the reader to spot
        the one meant; difflib finds it (``lsit`` -> ``list``).
        """
        choices = action.choices
        if not isinstance(action, argparse._SubParsersAction) or value in (choices or {}):
            super()._check_value(action, value)
            return
        words = [str(word) for word in choices or {}]
        hint = did_you_mean(str(value), words) or f" (choose from {', '.join(words)})"
        kind = action.metavar.lower() if isinstance(action.metavar, str) else "command"
        raise argparse.ArgumentError(None, f"no {kind} '{value}'{hint}")


class GroupedHelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Leaves out argparse's flat list of commands: the epilog lists them in groups.

    The commands stay in the parser (shtab reads them from there for completion);
    only their place in the help text changes.
    """

    def add_arguments(self, actions: Iterable[argparse.Action]) -> None:
        """Format every action but the subcommands' list."""
        keep = [action for action in actions if not isinstance(action, argparse._SubParsersAction)]
        super().add_arguments(keep)


def usage_error(message: str) -> int:
    """Say a bad argument found after parsing (an unknown id, a missing file); return 2."""
    sys.stderr.write(f"isotimer: {message}\n")
    return USAGE_ERROR


def positive_int(text: str) -> int:
    """A whole number of 1 or more, for ``--limit``."""
    try:
        value = int(text)
    except ValueError:
        message = f"{text!r} is not a whole number; give 1 or more"
        raise argparse.ArgumentTypeError(message) from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is below 1; give 1 or more")
    return value


def port(text: str) -> int:
    """A TCP port, 1 to 65535, for ``--port``; a bad one is a usage error, not an OverflowError."""
    low, high = PORTS
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port; give {low} to {high}") from None
    if not low <= value <= high:
        raise argparse.ArgumentTypeError(f"{value} is not a port; give {low} to {high}")
    return value


def iso_date(text: str) -> date:
    """A calendar date written YYYY-MM-DD, 1970 to 2200 as in a history, for ``--since``, ``--on``.

    A date near the end of the calendar (9999-12-31) parses but breaks any
    arithmetic done on it later (a programme's weeks, a calendar's events).
    """
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; write it as YYYY-MM-DD, e.g. {date(2026, 3, 1)}"
        ) from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise argparse.ArgumentTypeError(f"{text} is out of range; give {FIRST_DAY} to {LAST_DAY}")
    return day


def existing_file(text: str) -> Path:
    """A path that names a file, checked before any command reads it."""
    path = Path(text).expanduser()
    if not path.exists():
        raise argparse.ArgumentTypeError(f"no such file: {text}")
    if path.is_dir():
        raise argparse.ArgumentTypeError(f"{text} is a folder; give a file")
    # A FIFO or a device is refused by name here, before anything opens it.
    if (why := refusal(path)) is not None:
        raise argparse.ArgumentTypeError(f"{text} {why}")
    return path
