"""The sessions a programme plans from today on, for a calendar or a look ahead.

Future phases are assumed to last their ``weeks`` (a phase with criteria its
expected length). Within a week the sessions are spread evenly from the week's
first day; in the current week, what is left is spread from today (or tomorrow,
when today's is done) to the week's end.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from isotimer.core.programme.phases import Programme
from isotimer.core.programme.schedule import WEEK, Status


@dataclass(frozen=True)
class Planned:
    """One planned session: its local date, session id and programme phase (1-based)."""

    day: date
    session: str
    phase: int
    phase_name: str
    week: int


def planned_sessions(programme: Programme, start: date, now: Status, today: date) -> list[Planned]:
    """Every session still planned, never more than ``per_week`` in a week nor two a day."""
    if now.finished:
        return []
    today = max(today, start)
    week, phase = now.week, now.phase - 1
    in_phase, turn = now.week_in_phase - 1, _turn(now, programme)
    plan: list[Planned] = []
    while phase < len(programme.phases):
        spec = programme.phases[phase]
        per_week = spec.per_week or programme.per_week
        begin = start + timedelta(days=(week - 1) * WEEK)
        if week == now.week:
            left = per_week - now.done_this_week
            first = today if now.due else today + timedelta(days=1)
            room = (begin + timedelta(days=WEEK) - first).days
            days = [first + timedelta(days=i * room // left) for i in range(min(left, room))]
        else:
            days = [begin + timedelta(days=i * WEEK // per_week) for i in range(per_week)]
        for day in days:
            session = spec.sessions[turn % len(spec.sessions)]
            plan.append(Planned(day, session, phase + 1, spec.name, week))
            turn += 1
        week, in_phase = week + 1, in_phase + 1
        if in_phase >= spec.weeks:
            phase, in_phase, turn = phase + 1, 0, 0
    return plan


def _turn(now: Status, programme: Programme) -> int:
    """The index of the next session in the current phase's order."""
    sessions = programme.phases[now.phase - 1].sessions
    return sessions.index(now.next_session) if now.next_session in sessions else 0
