"""Checks one imported hold field by field, so a refusal names the field and the reason."""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta

from isotimer.core.history.records import COMPARED, CheckIn, HoldKind, HoldOutcome, HoldRecord
from isotimer.core.text.printable import first_control

SIDES = ("left", "right", "none")
OUTCOMES = tuple(outcome.value for outcome in HoldOutcome)
KINDS = tuple(kind.value for kind in HoldKind)
LEVELS = ("beginner", "advanced")
_TRUE = ("true", "yes", "1")
_FALSE = ("false", "no", "0")
# The ranges an imported hold must fall in (README, "Limits"): anything outside is refused
# before arithmetic or SQLite sees it, so a held_s of 1e308 can never reach a chart or a sum.
MAX_SECONDS = 86_400.0
MAX_ROUND = 100
EARLIEST = datetime(1970, 1, 2, tzinfo=UTC)
LATEST = datetime(2200, 1, 1, tzinfo=UTC)
_EARLIEST_NAIVE, _LATEST_NAIVE = EARLIEST.replace(tzinfo=None), LATEST.replace(tzinfo=None)
MAX_HOLD_SPAN = timedelta(days=1)
MAX_TEXT = 1_000
MAX_NOTE = 10_000

# One hold as read from a file: JSON and TOML give typed values, CSV gives text.
Raw = Mapping[str, object]


def record_from_mapping(raw: object) -> HoldRecord:
    """A HoldRecord from a parsed JSON/TOML table or a CSV row (where every value is text).

    Raises:
        ValueError: the first problem found, e.g. "side must be left, right or none".
    """
    if not isinstance(raw, Mapping):
        raise ValueError("not a table of fields")
    started = _moment(raw, "started_at")
    ended = _moment(raw, "ended_at")
    if ended < started:
        raise ValueError("ended_at is before started_at")
    if ended - started > MAX_HOLD_SPAN:
        raise ValueError("ended_at is more than a day after started_at")
    session = _text(raw, "session")
    side = _text(raw, "side")
    if side not in SIDES:
        raise ValueError(f"side must be left, right or none, not {side!r}")
    level = _text(raw, "level")
    if level not in LEVELS:
        raise ValueError(f"level must be beginner or advanced, not {level!r}")
    exercise = _text(raw, "exercise")
    target_s = _number(raw, "target_s", 0, MAX_SECONDS)
    if target_s <= 0:
        raise ValueError(f"target_s must be more than 0, not {target_s:g}")
    held_s = _number(raw, "held_s", 0, MAX_SECONDS)
    completed = _boolean(raw, "completed")
    outcome = _outcome(raw, completed)
    return HoldRecord(
        id=_text(raw, "id"),
        # Holds from elsewhere may have no run: one run per session and local day.
        run_id=_text(raw, "run_id", "") or f"import-{started.date().isoformat()}-{session}",
        started_at=started,
        ended_at=ended,
        session=session,
        session_name=_text(raw, "session_name", "") or session,
        exercise=exercise,
        exercise_name=_text(raw, "exercise_name", "") or exercise,
        side=side,
        round=_integer(raw, "round", 1, MAX_ROUND),
        set=_integer(raw, "set", 1, MAX_ROUND),
        level=level,
        target_s=target_s,
        held_s=held_s,
        completed=completed,
        outcome=outcome,
        effort=_optional_integer(raw, "effort", 1, 10),
        pain=_optional_integer(raw, "pain", 0, 10),
        note=_text(raw, "note", "", MAX_NOTE),
        target_effort=_optional_integer(raw, "target_effort", 1, 100),
        kind=_kind(raw),
    )


def checkin_from_mapping(raw: object) -> CheckIn:
    """A CheckIn from a parsed JSON table.

    Raises:
        ValueError: the first problem found, naming the field.
    """
    if not isinstance(raw, Mapping):
        raise ValueError("not a table of fields")
    side = _text(raw, "side", "none")
    if side not in SIDES:
        raise ValueError(f"side must be left, right or none, not {side!r}")
    compared = None if raw.get("compared") in (None, "") else _text(raw, "compared")
    if compared is not None and compared not in COMPARED:
        raise ValueError(f"compared must be better, same or worse, not {compared!r}")
    return CheckIn(
        id=_text(raw, "id"),
        run_id=_text(raw, "run_id"),
        at=_moment(raw, "at"),
        side=side,
        compared=compared,
        pain=_optional_integer(raw, "pain", 0, 10),
    )


def _outcome(raw: Raw, completed: bool) -> HoldOutcome:
    """The hold's outcome; an export from before outcomes derives it from ``completed``."""
    if raw.get("outcome") in (None, ""):
        return HoldOutcome.COMPLETED if completed else HoldOutcome.ENDED_EARLY
    value = _text(raw, "outcome")
    if value not in OUTCOMES:
        raise ValueError(f"outcome must be {', '.join(OUTCOMES)}, not {value!r}")
    outcome = HoldOutcome(value)
    if completed != (outcome is HoldOutcome.COMPLETED):
        raise ValueError(f"completed is {str(completed).lower()} but outcome is {value}")
    return outcome


def _kind(raw: Raw) -> HoldKind:
    """``hold`` or ``test``; an export from before hold tests has only holds."""
    value = _text(raw, "kind", HoldKind.HOLD.value)
    if value not in KINDS:
        raise ValueError(f"kind must be {' or '.join(KINDS)}, not {value!r}")
    return HoldKind(value)


def _present(raw: Raw, key: str) -> object:
    value = raw.get(key)
    if value is None or value == "":
        raise ValueError(f"{key} is missing")
    return value


def _text(raw: Raw, key: str, default: str | None = None, longest: int = MAX_TEXT) -> str:
    # Called ten times a hold: _present is inlined (an import of 100,000 holds felt it).
    value = raw.get(key)
    if value is None or value == "":
        if default is not None:
            return default
        raise ValueError(f"{key} is missing")
    if not isinstance(value, str):
        raise ValueError(f"{key} must be text, not {_show(value)}")
    if len(value) > longest:
        raise ValueError(f"{key} is over {longest:,} characters")
    found = first_control(value, multiline=key == "note")
    if found is not None:
        offset, name = found
        raise ValueError(f"{key} contains {name} at character {offset + 1}")
    return value


def _moment(raw: Raw, key: str) -> datetime:
    value = _present(raw, key)
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{key} is not an ISO 8601 time: {_show(raw[key])}") from None
    if not isinstance(value, datetime):
        raise ValueError(f"{key} must be a date and time, not {_show(value)}")
    if value.tzinfo is None:
        raise ValueError(f"{key} needs a UTC offset, e.g. 2026-01-05T07:00:00+01:00")
    # Compared as naive UTC: a time near year 1 or 9999 overflows when converted.
    naive = value.replace(tzinfo=None)
    offset = value.utcoffset() or timedelta(0)
    if not _EARLIEST_NAIVE + offset <= naive <= _LATEST_NAIVE + offset:
        raise ValueError(f"{key} must be between 1970 and 2200, not {value.isoformat()}")
    return value


def _number(raw: Raw, key: str, low: float, high: float) -> float:
    """A finite number in ``[low, high]``, checked before it is ever turned into a float."""
    value = raw.get(key)
    if value is None or value == "":
        raise ValueError(f"{key} is missing")
    if isinstance(value, str):
        try:
            value = float(value) if len(value) <= 40 else math.nan
        except ValueError:
            raise ValueError(f"{key} must be a number, not {_show(raw[key])}") from None
    if isinstance(value, bool) or not isinstance(value, int | float) or not value == value:
        raise ValueError(f"{key} must be a number, not {_show(value)}")
    if not low <= value <= high:
        raise ValueError(f"{key} must be {low:g}-{high:g}, not {_show(value)}")
    return float(value)


def _integer(raw: Raw, key: str, low: int, high: int) -> int:
    value = _number(raw, key, low, high)
    if not value.is_integer():
        raise ValueError(f"{key} must be a whole number, not {value:g}")
    return int(value)


def _optional_integer(raw: Raw, key: str, low: int, high: int) -> int | None:
    return None if raw.get(key) in (None, "") else _integer(raw, key, low, high)


def _boolean(raw: Raw, key: str) -> bool:
    value = _present(raw, key)
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower() if isinstance(value, str | int) else ""
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(f"{key} must be true or false, not {_show(value)}")


def _show(value: object) -> str:
    """A wrong value, short and printable, for a refusal reason."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**15:
        return f"a number of {len(str(abs(value)))} digits"
    if isinstance(value, list | dict):
        return "a list" if isinstance(value, list) else "a table"
    text = ascii(value)
    return text if len(text) <= 40 else text[:37] + "..."
