"""How durations are written for people."""

from __future__ import annotations

import math
from datetime import date


def clock(seconds: float) -> str:
    """``M:SS`` (or ``H:MM:SS``), rounding partial seconds up as a countdown does."""
    whole = max(0, math.ceil(seconds - 1e-9))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def short(seconds: float) -> str:
    """``45 s`` or ``1 min 30 s``, for labels beside a hold."""
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    minutes, secs = divmod(whole, 60)
    return f"{minutes} min {secs} s" if secs else f"{minutes} min"


def ago(day: date, today: date) -> str:
    """When a session was last done, as a runner says it: "today", "3 d ago", "12 Nov"."""
    days = (today - day).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 7:
        return f"{days} d ago"
    if day.year == today.year or days < 180:
        return f"{day.day} {day:%b}"
    return f"{day:%b} {day.year}"
