"""Domain records: exercises, holds and sessions, all immutable."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Level(StrEnum):
    """How hard a session is run; picks each hold's target time."""

    BEGINNER = "beginner"
    ADVANCED = "advanced"


class Sides(StrEnum):
    """Whether a hold is done once, or left then right."""

    BOTH = "both"
    NONE = "none"


class Progress(StrEnum):
    """What moves from one run of a session to the next (see core.coach.progression)."""

    TIME = "time"
    EFFORT = "effort"
    NONE = "none"


DEFAULT_MAX_S = 60.0  # the article keeps holds within 20-60 s
DEFAULT_TEST_CAP_S = 300.0  # a hold test ends by itself after five minutes
TEST_CAP_RANGE = (10, 3600)
FROM_TEST_RANGE = (0.2, 1.0)


class Side(StrEnum):
    """The side a single hold step works."""

    LEFT = "left"
    RIGHT = "right"
    NONE = "none"


@dataclass(frozen=True)
class Breathing:
    """A pacer pattern in seconds: breathe in, optionally pause, breathe out."""

    inhale: float
    exhale: float
    hold: float = 0.0

    @property
    def cycle_s(self) -> float:
        """Seconds of one breath: inhale, hold and exhale."""
        return self.inhale + self.hold + self.exhale


DEFAULT_BREATHING = Breathing(inhale=3.0, exhale=3.0)
REST_BREATHING = Breathing(inhale=4.0, exhale=6.0)


@dataclass(frozen=True)
class Exercise:
    """One entry of the exercise library.

    ``old_ids`` are ids the exercise was known by before a rename or split:
    session files and history that still use them resolve to this entry.
    """

    id: str
    name: str
    beginner_s: float
    advanced_s: float
    per_side: bool = False
    muscles: tuple[str, ...] = ()
    equipment: tuple[str, ...] = ()
    setup: str = ""
    cues: tuple[str, ...] = ()
    breathing: str = ""
    harder: str = ""
    old_ids: tuple[str, ...] = ()
    max_s: float = DEFAULT_MAX_S
    harder_id: str = ""

    def seconds_for(self, level: Level) -> float:
        """The exercise's default hold length at ``level``."""
        return self.advanced_s if level is Level.ADVANCED else self.beginner_s


@dataclass(frozen=True)
class Hold:
    """A hold as a session uses it, with library defaults already applied.

    ``exercise`` is the library id, or a slug of the name for an inline hold.
    ``breathing`` is the pacer pattern; ``breathing_advice`` is the library's
    words on how to breathe in this hold, shown in turn with the form cues.
    A hold ``test`` (``seconds = "max"``) is held to failure: its clock counts
    up, and both level times are its ``cap`` so that it ends by itself. A hold
    with ``from_test`` takes that fraction of the latest test as its time.
    """

    exercise: str
    name: str
    beginner_s: float
    advanced_s: float
    sets: int = 1
    rest: float = 30.0
    sides: Sides = Sides.NONE
    switch: float = 5.0
    cues: tuple[str, ...] = ()
    breathing: Breathing | None = None
    effort: int | None = None
    setup: str = ""
    equipment: tuple[str, ...] = ()
    harder: str = ""
    breathing_advice: str = ""
    advanced_effort: int | None = None
    max_s: float = DEFAULT_MAX_S
    harder_id: str = ""
    test: bool = False
    from_test: float | None = None

    def seconds_for(self, level: Level) -> float:
        """This hold's length at ``level``; a test's cap."""
        return self.advanced_s if level is Level.ADVANCED else self.beginner_s

    def effort_for(self, level: Level) -> int | None:
        """Percent of maximal effort; ``effort`` is the beginner's (and both when one is set)."""
        if level is Level.ADVANCED and self.advanced_effort is not None:
            return self.advanced_effort
        return self.effort


DEFAULT_LEAD_IN_S = 5.0


@dataclass(frozen=True)
class Block:
    """A timed warm-up or cool-down stretch (easy cardio, mobility, breathing).

    A block is not a hold: it is never saved to the history and never counts
    as time under tension, so it can be skipped without touching a target.
    """

    name: str
    seconds: float
    cues: tuple[str, ...] = ()


@dataclass(frozen=True)
class Session:
    """A whole session file, resolved against the exercise library.

    ``lead_in`` is None when the file does not set it, so the user's settings
    can choose the get-ready time for such sessions.
    """

    id: str
    name: str
    holds: tuple[Hold, ...]
    description: str = ""
    tags: tuple[str, ...] = ()
    rounds: int = 1
    lead_in: float | None = None
    rest_between_rounds: float = 60.0
    breathing: Breathing = DEFAULT_BREATHING
    level: Level = Level.BEGINNER
    warm_up: tuple[Block, ...] = ()
    cool_down: tuple[Block, ...] = ()
    progress: Progress = Progress.TIME
    source: str = field(default="", compare=False)

    @property
    def equipment(self) -> tuple[str, ...]:
        """Everything the session needs, in order of first use."""
        seen: dict[str, None] = {}
        for hold in self.holds:
            seen.update(dict.fromkeys(hold.equipment))
        return tuple(seen)
