"""Ratings typed by the runner (effort 1-10, pain 0-10), read the same on every screen."""

from __future__ import annotations


def parse_rating(text: str, low: int, high: int) -> int | None:
    """A whole number from ``low`` to ``high``, or None when left empty.

    Raises:
        ValueError: the text is not such a number.
    """
    text = text.strip()
    if not text:
        return None
    value = int(text)
    if not low <= value <= high:
        raise ValueError(f"must be {low} to {high}")
    return value
