"""What the history keeps: one record per hold, grouped by a run of a session."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

# A run in which no hold lasted this long was a false start (stopped in the
# get-ready, or every hold skipped at once): it is no session anywhere (run.outcomes).
MIN_SESSION_HOLD_S = 1.0


class Outcome(StrEnum):
    """How a run of a session ended."""

    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    STOPPED = "stopped"
    INTERRUPTED = "interrupted"


class HoldKind(StrEnum):
    """A training hold, or a hold test held to failure (``seconds = "max"``)."""

    HOLD = "hold"
    TEST = "test"


class HoldOutcome(StrEnum):
    """How one hold ended, which decides what it counts for (see core.run.outcomes)."""

    COMPLETED = "completed"
    ENDED_EARLY = "ended_early"
    STOPPED = "stopped"
    SKIPPED = "skipped"


def recorded_outcome(outcome: str | None, completed: bool) -> HoldOutcome:
    """A stored outcome; an empty one, from before outcomes were kept, follows ``completed``."""
    if not outcome:
        return HoldOutcome.COMPLETED if completed else HoldOutcome.ENDED_EARLY
    return HoldOutcome(outcome)


@dataclass(frozen=True)
class HoldRecord:
    """One hold as it was done; field names are the export contract.

    ``outcome`` left empty is derived from ``completed``, as older exports and
    history files knew only that: a hold not completed counted as ended early.
    ``completed`` is true exactly when ``outcome`` is ``completed``.
    ``target_effort`` is the percent of maximal effort the hold was done at.
    ``kind`` tells a hold test (``target_s`` its cap, ``held_s`` its result)
    from a training hold; records from before tests existed are holds.
    """

    id: str
    run_id: str
    started_at: datetime
    ended_at: datetime
    session: str
    session_name: str
    exercise: str
    exercise_name: str
    side: str
    round: int
    set: int
    level: str
    target_s: float
    held_s: float
    completed: bool
    # Optional when building a record, never once built: __post_init__ fills it in.
    outcome: HoldOutcome = field(default=None)  # type: ignore[assignment]
    effort: int | None = None
    pain: int | None = None
    note: str = ""
    target_effort: int | None = None
    kind: HoldKind = HoldKind.HOLD

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", HoldKind(self.kind or HoldKind.HOLD))
        object.__setattr__(self, "outcome", recorded_outcome(self.outcome, self.completed))
        if self.completed != (self.outcome is HoldOutcome.COMPLETED):
            raise ValueError(f"completed is {self.completed} but outcome is {self.outcome}")


@dataclass(frozen=True)
class CheckIn:
    """How a sore spot felt the morning after a run, on one side (or ``none``).

    ``compared`` is better, same or worse than before that run. A check-in with
    neither a comparison nor a pain rating records that the question was skipped,
    so the app asks only once.
    """

    id: str
    run_id: str
    at: datetime
    side: str = "none"
    compared: str | None = None
    pain: int | None = None

    @property
    def skipped(self) -> bool:
        """True when the check-in was answered with neither a comparison nor a pain rating."""
        return self.compared is None and self.pain is None


COMPARED = ("better", "same", "worse")


@dataclass(frozen=True)
class RunRecord:
    """One run of a session: when it started and ended, how, and how it felt."""

    id: str
    session: str
    session_name: str
    level: str
    started_at: datetime
    ended_at: datetime | None = None
    outcome: Outcome = Outcome.IN_PROGRESS
    effort: int | None = None
    pain: int | None = None
    note: str = ""
