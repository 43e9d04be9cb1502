"""How a day and a moment are written for people, in every command and screen alike.

One style: ``Mon 7 Dec``, the weekday and month abbreviated and the day without
a leading zero; ``Mon 7 Dec 2025`` when the year is not this one (or when no
today is known); ``Mon 7 Dec 21:41`` for a moment. Pipes and files get ISO
dates instead, which sort as text.
"""

from __future__ import annotations

from datetime import date, datetime


def day_text(day: date, today: date | None = None) -> str:
    """``Mon 7 Dec``, or ``Mon 7 Dec 2025`` when ``day`` is not in ``today``'s year."""
    year = "" if today is not None and day.year == today.year else f" {day.year}"
    return f"{day:%a} {day.day} {day:%b}{year}"


def moment_text(moment: datetime, today: date | None = None) -> str:
    """``Mon 7 Dec 21:41``: ``day_text`` and the time of day."""
    return f"{day_text(moment.date(), today)} {moment:%H:%M}"
