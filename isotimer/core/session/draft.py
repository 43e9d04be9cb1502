"""An editable mirror of a session file: the keys as written, before any validation.

The editor keeps what the runner typed, right or wrong, so the storage layer
can validate it with exactly the rules ``isotimer validate`` applies to files.
A value of None means the key is left out of the file (its default applies).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any

from isotimer.core.session.model import DEFAULT_LEAD_IN_S, Level, Session
from isotimer.core.session.plan import build_plan

# The file keys in the order a saved file lists them.
SESSION_ORDER = (
    "name",
    "description",
    "tags",
    "level",
    "progress",
    "rounds",
    "lead_in",
    "rest_between_rounds",
    "breathing",
)
HOLD_ORDER = (
    "exercise",
    "name",
    "seconds",
    "sets",
    "rest",
    "sides",
    "switch",
    "effort",
    "breathing",
    "cues",
    "cap",
    "from_test",
)
BREATHING_ORDER = ("inhale", "hold", "exhale")
BLOCK_ORDER = ("name", "seconds", "cues")
BLOCK_LISTS = ("warm_up", "cool_down")


@dataclass(frozen=True)
class BreathingDraft:
    """A ``breathing = { inhale, hold, exhale }`` table, each part optional."""

    inhale: Any = None
    hold: Any = None
    exhale: Any = None

    @classmethod
    def from_toml(cls, data: Any) -> BreathingDraft | Any:
        """A draft of a well-formed table; anything else is kept so validation names it."""
        if not isinstance(data, dict) or set(data) - set(BREATHING_ORDER):
            return data
        return cls(**data)

    def to_toml(self) -> dict[str, Any]:
        """The set phases, in file order, for writing back as TOML."""
        return {
            key: getattr(self, key) for key in BREATHING_ORDER if getattr(self, key) is not None
        }


@dataclass(frozen=True)
class BlockDraft:
    """One ``[[warm_up]]`` or ``[[cool_down]]`` table, kept as written.

    The editor has no fields for blocks; it carries them through so that
    saving a session, or a copy of a bundled one, never drops its warm-up.
    """

    name: Any = None
    seconds: Any = None
    cues: tuple[str, ...] | Any = None

    @classmethod
    def from_toml(cls, data: Any) -> BlockDraft | Any:
        """A draft of a well-formed table; anything else is kept so validation names it."""
        if not isinstance(data, dict) or set(data) - set(BLOCK_ORDER):
            return data
        values = dict(data)
        if isinstance(values.get("cues"), list):
            values["cues"] = tuple(values["cues"])
        return cls(**values)

    def to_toml(self) -> dict[str, Any]:
        """The block as a TOML table in file order, unset keys left out."""
        table: dict[str, Any] = {}
        for key in BLOCK_ORDER:
            table.update(_entry(key, getattr(self, key)))
        return table


def _blocks_from_toml(data: Any) -> tuple[BlockDraft | Any, ...] | Any:
    return tuple(BlockDraft.from_toml(t) for t in data) if isinstance(data, list) else data


def _blocks_to_toml(blocks: Any) -> Any:
    if not isinstance(blocks, tuple):
        return blocks
    return [b.to_toml() if isinstance(b, BlockDraft) else b for b in blocks]


@dataclass(frozen=True)
class HoldDraft:
    """One ``[[hold]]`` table.

    ``beginner`` and ``advanced`` are the two halves of the file's ``seconds``
    key: equal values are written as one number, different ones as a table.
    """

    exercise: str | None = None
    name: Any = None
    beginner: Any = None
    advanced: Any = None
    sets: Any = None
    rest: Any = None
    sides: Any = None
    switch: Any = None
    effort: Any = None
    breathing: BreathingDraft | Any = None
    cues: tuple[str, ...] | Any = None
    cap: Any = None
    from_test: Any = None

    @classmethod
    def from_toml(cls, data: dict[str, Any]) -> HoldDraft:
        """A draft of a ``[[hold]]`` table; a single ``seconds`` sets both levels."""
        values = {key: data[key] for key in HOLD_ORDER if key in data and key != "seconds"}
        seconds = data.get("seconds")
        if isinstance(seconds, dict):
            values["beginner"] = seconds.get("beginner")
            values["advanced"] = seconds.get("advanced")
        elif seconds is not None:
            values["beginner"] = values["advanced"] = seconds
        if "breathing" in values:
            values["breathing"] = BreathingDraft.from_toml(values["breathing"])
        if isinstance(values.get("cues"), list):
            values["cues"] = tuple(values["cues"])
        return cls(**values)

    def to_toml(self) -> dict[str, Any]:
        """The hold as a TOML table; equal levels are written back as one ``seconds``."""
        table: dict[str, Any] = {}
        for key in HOLD_ORDER:
            value = self._seconds() if key == "seconds" else getattr(self, key)
            table.update(_entry(key, value))
        return table

    def _seconds(self) -> Any:
        if self.beginner is None and self.advanced is None:
            return None
        if self.beginner == self.advanced and type(self.beginner) is type(self.advanced):
            return self.beginner
        levels = {"beginner": self.beginner, "advanced": self.advanced}
        return {level: value for level, value in levels.items() if value is not None}


@dataclass(frozen=True)
class SessionDraft:
    """A whole session file as the editor holds it."""

    name: Any = ""
    description: Any = None
    tags: tuple[str, ...] | Any = None
    level: Any = None
    progress: Any = None
    rounds: Any = None
    lead_in: Any = None
    rest_between_rounds: Any = None
    breathing: BreathingDraft | Any = None
    holds: tuple[HoldDraft, ...] = ()
    warm_up: tuple[BlockDraft | Any, ...] | Any = None
    cool_down: tuple[BlockDraft | Any, ...] | Any = None

    @classmethod
    def from_toml(cls, data: dict[str, Any]) -> SessionDraft:
        """The draft of a parsed session file (for editing a saved session)."""
        values = {key: data[key] for key in SESSION_ORDER if key in data}
        values |= {key: _blocks_from_toml(data[key]) for key in BLOCK_LISTS if key in data}
        if "breathing" in values:
            values["breathing"] = BreathingDraft.from_toml(values["breathing"])
        if isinstance(values.get("tags"), list):
            values["tags"] = tuple(values["tags"])
        holds = data.get("hold", [])
        tables = holds if isinstance(holds, list) else []
        values["holds"] = tuple(HoldDraft.from_toml(t) for t in tables if isinstance(t, dict))
        return cls(**values)

    def to_toml(self) -> dict[str, Any]:
        """The file's data, keys in a fixed order so the same draft always writes the same text."""
        data: dict[str, Any] = {}
        for key in SESSION_ORDER:
            data.update(_entry(key, getattr(self, key)))
        if self.warm_up is not None:
            data["warm_up"] = _blocks_to_toml(self.warm_up)
        if self.holds:
            data["hold"] = [hold.to_toml() for hold in self.holds]
        if self.cool_down is not None:
            data["cool_down"] = _blocks_to_toml(self.cool_down)
        return data

    # -- edits the editor makes ---------------------------------------------------
    def with_hold(self, index: int, hold: HoldDraft) -> SessionDraft:
        """The draft with the hold at ``index`` replaced by ``hold``."""
        holds = list(self.holds)
        holds[index] = hold
        return replace(self, holds=tuple(holds))

    def add_hold(self, hold: HoldDraft, after: int | None = None) -> SessionDraft:
        """Insert ``hold`` after position ``after`` (at the end when None)."""
        at = len(self.holds) if after is None else after + 1
        return replace(self, holds=(*self.holds[:at], hold, *self.holds[at:]))

    def remove_hold(self, index: int) -> SessionDraft:
        """The draft without the hold at ``index``."""
        return replace(self, holds=self.holds[:index] + self.holds[index + 1 :])

    def move_hold(self, index: int, delta: int) -> SessionDraft:
        """Swap a hold with its neighbour; moving past either end changes nothing."""
        target = index + delta
        if not (0 <= index < len(self.holds) and 0 <= target < len(self.holds)):
            return self
        holds = list(self.holds)
        holds[index], holds[target] = holds[target], holds[index]
        return replace(self, holds=tuple(holds))


def _entry(key: str, value: Any) -> dict[str, Any]:
    """The key and its value for the file, or nothing when the key is left out."""
    if isinstance(value, BreathingDraft):
        value = value.to_toml() or None
    if isinstance(value, tuple):
        value = list(value)
    return {} if value is None else {key: value}


def parse_number(text: str) -> int | float | str | None:
    """What a number field holds: blank is None, ``30.0`` is 30, a non-number stays text.

    Text is kept rather than dropped so validation reports it, with the same
    message ``isotimer validate`` would give for that value in a file.
    """
    text = text.strip()
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        pass
    try:
        number = float(text)
    except ValueError:
        return text
    return int(number) if math.isfinite(number) and number.is_integer() else number


def parse_list(text: str, separator: str) -> tuple[str, ...] | None:
    """Tags from ``a, b`` or cues from lines; blank is None (the default applies)."""
    items = tuple(part.strip() for part in text.split(separator) if part.strip())
    return items or None


def show_value(value: Any) -> str:
    """A value as a field shows it: blank for a key left out, ``30`` not ``30.0``."""
    if value is None:
        return ""
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return str(int(value))
    return f"{value:g}" if isinstance(value, float) else str(value)


def durations(session: Session, lead_in: float = DEFAULT_LEAD_IN_S) -> dict[Level, float]:
    """The whole session's time at each level, as the picker shows it.

    ``lead_in`` is the get-ready time the runner's settings give a session
    that sets none of its own.
    """
    return {level: build_plan(session, level, lead_in=lead_in).total_seconds for level in Level}
