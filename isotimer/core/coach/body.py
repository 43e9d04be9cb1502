"""How an exercise felt on one side, in every session: pain belongs to the body, not a session.

Rules 2-4 and 10 of "How the coach decides" (README) read these: the pain
rated during a run and the morning after it apply to that exercise and side
wherever it is done next, and a red flag says stop loading it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from isotimer.core.history.records import CheckIn, HoldOutcome, HoldRecord
from isotimer.core.run.outcomes import counted

SAFE_PAIN = 3  # 0-3 during: safe, may progress
SORE_PAIN = 5  # 4-5 during: acceptable, keep; above: ease
MORNING_SORE = 5  # morning pain above it eases, whatever the comparison
RED_PAIN = 7  # during or the morning after, at or above it: a red flag


@dataclass(frozen=True)
class Felt:
    """One run of an exercise on one side, in any session: when, how hard and how it felt.

    ``pain`` is the worst rated during the run; ``compared`` and
    ``morning_pain`` come from its morning-after check-ins on that side (or
    for both sides); ``answered`` is True once a check-in said anything.
    """

    run_id: str
    session: str
    at: datetime
    pain: int | None
    compared: str | None
    morning_pain: int | None
    answered: bool
    morning_at: datetime | None
    effort_rating: int | None
    target_effort: int | None
    completed_at: datetime | None


@dataclass(frozen=True)
class RedFlag:
    """Stop loading ``exercise`` on ``side`` and see a physio or doctor, and why.

    ``at`` is when it was raised (the run, or the check-in that raised it),
    so a programme resumed after it knows the flag was seen.
    """

    exercise: str
    side: str
    pain: int | None
    why: str
    at: datetime
    run_id: str

    def sentence(self, name: str) -> str:
        """What the summary, the picker and ``targets`` say, with the exercise's ``name``."""
        return f"Red flag: {name}: {self.why}. Stop loading it and see a physio or doctor."

    def to_dict(self) -> dict[str, object]:
        """The ``red_flag`` object of ``targets --json`` and ``programme status --json``."""
        return {
            "exercise": self.exercise,
            "side": self.side,
            "pain": self.pain,
            "why": self.why,
            "run_id": self.run_id,
            "at": self.at.isoformat(),
        }


def felt_runs(holds: Iterable[HoldRecord], checkins: Iterable[CheckIn], side: str) -> list[Felt]:
    """Each run of ``holds`` (one exercise and side, any session), oldest first.

    Skipped sets count for nothing, so a run of skips is no run here.
    """
    by_run: dict[str, list[HoldRecord]] = {}
    for hold in counted(holds):
        if hold.side == side and hold.outcome is not HoldOutcome.SKIPPED:
            by_run.setdefault(hold.run_id, []).append(hold)
    mornings: dict[str, list[CheckIn]] = {}
    for checkin in checkins:
        if checkin.side in (side, "none") and checkin.run_id in by_run:
            mornings.setdefault(checkin.run_id, []).append(checkin)
    found = [_felt(run, mornings.get(run[0].run_id, [])) for run in by_run.values()]
    return sorted(found, key=lambda felt: felt.at)


def _felt(run: list[HoldRecord], mornings: list[CheckIn]) -> Felt:
    pains = [hold.pain for hold in run if hold.pain is not None]
    ratings = [hold.effort for hold in run if hold.effort is not None]
    done = [hold.ended_at for hold in run if hold.outcome is HoldOutcome.COMPLETED]
    said = [c.compared for c in mornings if c.compared]
    morning_pains = [c.pain for c in mornings if c.pain is not None]
    compared = next((word for word in ("worse", "same", "better") if word in said), None)
    answered = [c for c in mornings if not c.skipped]
    return Felt(
        run_id=run[0].run_id,
        session=run[0].session,
        at=run[0].started_at,
        pain=max(pains, default=None),
        compared=compared,
        morning_pain=max(morning_pains, default=None),
        answered=bool(answered),
        morning_at=answered[-1].at if answered else None,
        effort_rating=max(ratings, default=None),
        target_effort=run[-1].target_effort,
        completed_at=max(done, default=None),
    )


def pain_flag(
    exercise: str, side: str, pain: int | None, at: datetime, run_id: str
) -> RedFlag | None:
    """The red flag a pain rating raises on its own (7 or more), as soon as it is given."""
    if pain is None or pain < RED_PAIN:
        return None
    where = "" if side == "none" else f" ({side} side)"
    return RedFlag(exercise, side, pain, f"pain {pain}/10 during this session{where}", at, run_id)


def red_flag(exercise: str, side: str, felt: Sequence[Felt]) -> RedFlag | None:
    """A red flag from the latest runs, or None.

    Pain 7 or more during the latest run or the morning after it; pain rising
    over two sessions in a row (three rated runs, each higher); or the last two
    mornings both worse.
    """
    if not felt:
        return None
    last = felt[-1]
    where = "" if side == "none" else f" ({side} side)"
    if last.pain is not None and last.pain >= RED_PAIN:
        why = f"pain {last.pain}/10 during the session on {last.at.date()}{where}"
        return RedFlag(exercise, side, last.pain, why, last.at, last.run_id)
    if last.morning_pain is not None and last.morning_pain >= RED_PAIN:
        why = f"pain {last.morning_pain}/10 the morning after {last.at.date()}{where}"
        at = last.morning_at or last.at
        return RedFlag(exercise, side, last.morning_pain, why, at, last.run_id)
    pains = [f.pain for f in felt[-3:] if f.pain is not None]
    if len(pains) == 3 and pains[0] < pains[1] < pains[2]:
        rise = " → ".join(str(p) for p in pains)
        why = f"pain rose two sessions in a row ({rise}){where}"
        return RedFlag(exercise, side, last.pain, why, last.at, last.run_id)
    if len(felt) >= 2 and felt[-2].compared == felt[-1].compared == "worse":
        why = f"two mornings after in a row were worse{where}"
        at = last.morning_at or last.at
        return RedFlag(exercise, side, last.morning_pain or last.pain, why, at, last.run_id)
    return None


def sore(felt: Felt, side: str) -> str | None:
    """Why the latest run says ease off: pain above 5 during, or a bad morning after."""
    where = "it was" if side == "none" else f"your {side} side was"
    if felt.pain is not None and felt.pain > SORE_PAIN:
        return f"pain was {felt.pain}/10 last time"
    if felt.compared == "worse":
        return f"{where} worse the morning after"
    if felt.morning_pain is not None and felt.morning_pain > MORNING_SORE:
        return f"{where} at {felt.morning_pain}/10 the morning after"
    return None


def missing_data(felt: Felt) -> str | None:
    """What a rehab increase still needs from the latest run: its pain rating and morning."""
    wanted = []
    if felt.pain is None:
        wanted.append("a pain rating")
    if not felt.answered:
        wanted.append("a morning check-in (isotimer checkin)")
    return " and ".join(wanted) if wanted else None


def last_completed(felt: Sequence[Felt]) -> date | None:
    """The local date of the latest completed hold of this exercise and side, anywhere."""
    done = [f.completed_at for f in felt if f.completed_at is not None]
    return max(done).date() if done else None
