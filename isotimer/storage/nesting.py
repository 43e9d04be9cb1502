"""Refuse deeply nested TOML or JSON before a recursive parser can hit Python's recursion limit."""

from __future__ import annotations

import re

MAX_DEPTH = 32
# Strings and comments are skipped whole so that brackets inside them do not count. An
# unterminated string runs to the end of its line (or of the text), so no start is scanned twice.
_TOKENS = re.compile(
    r'"""(?:[^\\]|\\.?)*?(?:"""|\Z)'
    r"|'''.*?(?:'''|\Z)"
    r'|"(?:[^"\\\n]|\\.?)*+(?:"|(?=\n)|\Z)'
    r"|'[^'\n]*+(?:'|(?=\n)|\Z)"
    r"|#[^\n]*"
    r"|[\[\]{}.=,\n]",
    re.DOTALL,
)
_OPEN = frozenset("[{")
_CLOSE = frozenset("]}")
_KEY_ENDS = frozenset("[]{}=,\n")


def too_deep(text: str, limit: int = MAX_DEPTH) -> int | None:
    """The 1-based line where brackets or a dotted key first nest deeper than ``limit``, or None.

    Counts ``[`` and ``{`` outside strings and comments, and the dots of each key
    (``a.b.c``: tomllib takes quadratic time over a key of many parts), in one
    linear pass; an odd file only ever over-counts, so the check errs on refusing.
    """
    depth = dots = 0
    for match in _TOKENS.finditer(text):
        token = match.group()
        if token == ".":
            dots += 1
            if dots > limit:
                return text.count("\n", 0, match.start()) + 1
            continue
        if token in _KEY_ENDS:
            dots = 0
        if token in _OPEN:
            depth += 1
            if depth > limit:
                return text.count("\n", 0, match.start()) + 1
        elif token in _CLOSE:
            depth = max(0, depth - 1)
    return None


def nested_deeper(value: object, limit: int = MAX_DEPTH) -> bool:
    """Whether parsed ``value`` nests lists and tables deeper than ``limit``.

    Dotted keys (``a.b.c = 1``) nest tables with no bracket at all, so parsed data
    is checked too, without recursion, before anything walks it recursively.
    """
    stack: list[tuple[object, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(item, dict):
            stack.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)
    return False
