"""Print text from files and the history literally: never as Rich markup, never as escapes."""

from __future__ import annotations

from rich.console import Console

from isotimer.core.text import printable
from isotimer.ui.literal import literal

__all__ = ["literal", "say"]


def say(console: Console, message: str) -> None:
    """One message (a problem, an error, a count) printed as plain, safe text."""
    console.print(printable(message), markup=False, highlight=False, soft_wrap=True, emoji=False)
