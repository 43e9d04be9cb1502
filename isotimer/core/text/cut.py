"""Text cut to a width the way people expect: at a word where possible, always with "…"."""

from __future__ import annotations

ELLIPSIS = "…"


def ellipsize(text: str, width: int) -> str:
    """``text`` in at most ``width`` characters; a cut ends with an ellipsis.

    The cut falls after the last whole word that fits when that keeps at least
    half the room, so "race week, taper" becomes "race week, …" rather than
    "race week, ta…"; a single long word is cut inside it.
    """
    if len(text) <= width:
        return text
    if width <= 1:
        return ELLIPSIS[:width]
    room = width - 1
    head = text[:room]
    cut = max(head.rfind(" "), head.rfind(","))
    if cut >= room // 2:
        head = head[: cut + 1]
    return head.rstrip(" ,") + ELLIPSIS
