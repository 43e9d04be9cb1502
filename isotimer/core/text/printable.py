"""Text from files, imports and keys made safe to show: control characters become visible.

Bidi controls and zero-width characters count as control characters here: they are
refused by the loaders and replaced on display the same way.
"""

from __future__ import annotations

import re
import unicodedata

# C0 (except the two a multi-line text may hold), DEL, C1, and lone surrogates: none of
# them is ever written to a terminal, where ESC ] 52 could fill the clipboard.
CONTROLS = "\x00-\x1f\x7f-\x9f\ud800-\udfff"
# Bidi embeddings, overrides, isolates and marks, and zero-width characters: invisible,
# they make a shared name display as something other than what it is ("Trojan Source").
INVISIBLES = "\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b-\u200d\u2060\ufeff"
_CONTROL = re.compile(f"[{CONTROLS}{INVISIBLES}]")
_LINE_BREAKS = "\n\t"
PLACEHOLDER = "\ufffd"


def _picture(char: str) -> str:
    """The Unicode control picture (ESC shows as ␛, DEL as ␡) or the replacement mark (�)."""
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else PLACEHOLDER


def printable(text: str, multiline: bool = False) -> str:
    """``text`` with every control character replaced by a visible placeholder.

    ``multiline`` keeps newlines and tabs, for descriptions and notes shown over
    several lines. Pure and cheap, so every screen and command can call it on
    anything it did not write itself.
    """

    def replace(match: re.Match[str]) -> str:
        char = match.group()
        return char if multiline and char in _LINE_BREAKS else _picture(char)

    return _CONTROL.sub(replace, text)


def first_control(text: str, multiline: bool = False) -> tuple[int, str] | None:
    """The offset and name of the first character ``printable`` would replace, or None.

    Loaders use it to refuse such text with a precise reason instead of storing it.
    """
    match = _CONTROL.search(text)  # one C call for the text almost every field is
    while match is not None:
        char = match.group()
        if not (multiline and char in _LINE_BREAKS):
            return match.start(), control_name(char)
        match = _CONTROL.search(text, match.end())
    return None


def control_name(char: str) -> str:
    """A readable name such as ``ESC (U+001B)`` for an error message."""
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        return f"a lone surrogate (U+{code:04X})"
    name = _ABBREVIATIONS.get(code) or unicodedata.name(char, "control character")
    return f"{name} (U+{code:04X})"


_ABBREVIATIONS = {0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x09: "TAB", 0x0A: "LF", 0x0D: "CR",
                  0x1B: "ESC", 0x7F: "DEL", 0x9B: "CSI", 0x9D: "OSC"}  # fmt: skip
