"""What the history keeps: one record per hold, grouped by a run of a session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Outcome(StrEnum):
    """How a run of a session ended."""

    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    STOPPED = "stopped"
    INTERRUPTED = "interrupted"


@dataclass(frozen=True)
class HoldRecord:
    """One hold as it was done; field names are the export contract."""

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
    effort: int | None = None
    pain: int | None = None
    note: str = ""


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
