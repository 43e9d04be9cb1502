"""Text from files, the history and the user, ready to show exactly as written."""

from __future__ import annotations

from rich.text import Text

from isotimer.core.text.printable import printable


def literal(text: str, style: str = "", multiline: bool = False) -> Text:
    """A renderable that is never parsed as markup and never carries an escape sequence.

    A plain ``str`` given to a Static, a DataTable cell, a Rich table or a
    notification is parsed as markup: ``Squat [/]`` raises, ``Wall sit [easy]``
    loses its tail and ``[link=...]`` becomes a link. Control characters (an
    OSC 52 sequence would write the clipboard) are shown as pictures instead.
    """
    return Text(printable(text, multiline), style=style)
