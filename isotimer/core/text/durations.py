"""How durations are written for people, with one rounding rule for the app and the CLI.

An amount of time (held, planned, under tension) is rounded to the nearest
whole second, halves up, so a 14.7 s hold reads "15 s" on the summary screen,
in ``isotimer history`` and in ``isotimer stats`` alike. A countdown is the one
exception, by what it means: it shows the seconds still to go, so a step with
0.3 s left still reads 1 (``countdown_seconds``).
"""

from __future__ import annotations

import math
from datetime import date


def whole_seconds(seconds: float) -> int:
    """``seconds`` rounded to the nearest whole second, halves up (never banker's rounding)."""
    return max(0, math.floor(seconds + 0.5))


def countdown_seconds(remaining_s: float) -> int:
    """The whole seconds a countdown shows with ``remaining_s`` to go: partial seconds count."""
    return max(0, math.ceil(remaining_s - 1e-9))


def clock(seconds: float) -> str:
    """``M:SS`` (or ``H:MM:SS``) of ``seconds`` rounded by the shared rule."""
    hours, rest = divmod(whole_seconds(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def short(seconds: float) -> str:
    """``45 s`` or ``1 min 30 s``, for labels beside a hold."""
    whole = whole_seconds(seconds)
    if whole < 60:
        return f"{whole} s"
    minutes, secs = divmod(whole, 60)
    return f"{minutes} min {secs} s" if secs else f"{minutes} min"


def held(held_s: float, target_s: float) -> str:
    """``15/30 s``: what was held of the target, both by the shared rule."""
    return f"{whole_seconds(held_s)}/{whole_seconds(target_s)} s"


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
