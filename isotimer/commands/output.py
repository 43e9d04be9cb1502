"""Print text from files and the history literally: never as Rich markup, never as escapes."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from isotimer.core.text import printable


def literal(text: str, style: str = "") -> Text:
    """A table cell or title shown exactly as written, control characters made visible.

    Rich parses a plain ``str`` cell as markup: ``Legs [/] day`` would raise and
    ``[link=...]`` would become a link.
    """
    return Text(printable(text), style=style)


def say(console: Console, message: str) -> None:
    """One message (a problem, an error, a count) printed as plain, safe text."""
    console.print(printable(message), markup=False, highlight=False, soft_wrap=True, emoji=False)
