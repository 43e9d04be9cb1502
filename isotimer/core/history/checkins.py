"""The morning after: which run to ask about, on which sides, and how answers read."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from isotimer.core.history.records import COMPARED, CheckIn, HoldRecord, RunRecord

SIDES = ("left", "right", "none")


def checkin_sides(holds: Iterable[HoldRecord]) -> tuple[str, ...]:
    """``left`` and ``right`` when the run worked sides apart, else one answer for all."""
    return ("left", "right") if any(hold.side != "none" for hold in holds) else ("none",)


def wants_checkin(
    run: RunRecord,
    holds: Sequence[HoldRecord],
    moves_effort: bool,
    answered: Iterable[CheckIn],
    today: date,
) -> bool:
    """Ask about ``run`` this morning: done on an earlier day, never asked about yet.

    Only a run with a pain rating, or of a session that moves its effort (the
    tendon sessions, whose next step depends on the morning after), is asked
    about. A skipped question counts as asked: it comes once.
    """
    if run.started_at.date() >= today or any(c.run_id == run.id for c in answered):
        return False
    rated = run.pain is not None or any(hold.pain is not None for hold in holds)
    return rated or moves_effort


def check_answer(side: str, compared: str | None, pain: int | None) -> None:
    """The values a check-in accepts.

    Raises:
        ValueError: naming the field and what it takes.
    """
    if side not in SIDES:
        raise ValueError(f"side must be left, right or none, not {side!r}")
    if compared is not None and compared not in COMPARED:
        raise ValueError(f"compared must be better, same or worse, not {compared!r}")
    if pain is not None and not 0 <= pain <= 10:
        raise ValueError(f"pain must be 0-10, not {pain}")


def checkin_text(checkin: CheckIn) -> str:
    """``left side: worse, pain 4/10``, or ``skipped``."""
    where = "" if checkin.side == "none" else f"{checkin.side} side: "
    if checkin.skipped:
        return f"{where}skipped"
    parts = [checkin.compared] if checkin.compared else []
    if checkin.pain is not None:
        parts.append(f"pain {checkin.pain}/10")
    return where + ", ".join(parts)


def mornings_text(checkins: Iterable[CheckIn]) -> str:
    """Every check-in of a run on one line, or empty when there is none."""
    return "; ".join(checkin_text(checkin) for checkin in checkins)
