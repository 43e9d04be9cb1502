"""Where a runner stands in a programme: a pure function of its runs and today.

Decisions (README, "Programmes"):
- Weeks are 7-day blocks from the start date; ``week`` is the 1-based block
  today falls in, so it never goes backwards.
- At most one programme session counts a day and at most ``per_week`` a week:
  missed sessions are never stacked. A week with fewer simply ends.
- A fixed phase lasts ``weeks`` weeks with a session in each (a week with
  none never moves a phase on) and holds while its last run was bad. A phase
  with ``advance`` criteria is judged at each week's end and moves on once
  they are met, counting only runs with a pain rating and a morning answer.
- Two bad runs in a row (pain above 5 or a bad morning) drop back a phase;
  four empty weeks start a gated phase's first week again.
- A rehab programme's sessions are at least two days (48 h) apart.
- After two empty weeks in a row the status offers to repeat the first week
  of the phase last trained in; ``repeats`` are the programme weeks at which
  the runner took that offer.
- The session due is the phase's next one in turn; it is due when today has no
  programme session yet and the week has fewer than ``per_week``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from isotimer.core.programme.phases import NOT_WORSE, Advance, Phase, Programme

WEEK = 7
EMPTY_WEEKS_OFFER = 2
LAYOFF_WEEKS = 4  # this many empty weeks: a gated phase starts its first week again
REHAB_GAP_DAYS = 2  # a rehab programme's sessions are at least 48 h apart
BAD_PAIN = 5  # pain above it, during or the morning after, makes a run bad


@dataclass(frozen=True)
class ProgrammeRun:
    """One programme session as the schedule needs it: its local date and how it felt.

    ``pain`` is the highest pain rated in the run; ``morning`` is the worst
    morning-after comparison (``better``, ``same``, ``worse``), if any, and
    ``morning_pain`` the highest pain the morning after.
    """

    day: date
    pain: int | None = None
    morning: str | None = None
    morning_pain: int | None = None

    @property
    def rated(self) -> bool:
        """Rule 1: the run has its pain rating and an answered morning check-in."""
        return self.pain is not None and (self.morning is not None or self.morning_pain is not None)

    @property
    def bad(self) -> bool:
        """Pain above 5 during or the morning after, or a worse morning."""
        pains = [p for p in (self.pain, self.morning_pain) if p is not None]
        return self.morning == "worse" or any(p > BAD_PAIN for p in pains)


@dataclass(frozen=True)
class Repeat:
    """The take-up of an offer: from programme ``week``, phase ``phase`` (1-based) starts over."""

    week: int
    phase: int


@dataclass(frozen=True)
class WeekRecord:
    """One programme week: which phase ran it and sessions done against planned."""

    week: int
    start: date
    phase: int
    phase_name: str
    done: int
    planned: int


@dataclass(frozen=True)
class Status:
    """Today in a programme; ``to_dict`` is the ``status --json`` contract."""

    programme: str
    phase: int
    phase_name: str
    week: int
    weeks_in_phase: int | None
    done_this_week: int
    per_week: int
    next_session: str | None
    due: bool
    advance_met: bool
    advance_why: str
    finished: bool = False
    started: bool = True
    week_in_phase: int = 1
    session_in_week: int = 1
    repeat_offer: int | None = None
    weeks: tuple[WeekRecord, ...] = field(default=(), compare=False)

    def to_dict(self) -> dict[str, object]:
        """The contract keys, then extras: ``finished`` and ``repeat_offer`` (a phase or null)."""
        return {
            "programme": self.programme,
            "phase": self.phase,
            "phase_name": self.phase_name,
            "week": self.week,
            "weeks_in_phase": self.weeks_in_phase,
            "done_this_week": self.done_this_week,
            "per_week": self.per_week,
            "next_session": self.next_session,
            "due": self.due,
            "advance": {"met": self.advance_met, "why": self.advance_why},
            "finished": self.finished,
            "week_in_phase": self.week_in_phase,
            "repeat_offer": self.repeat_offer,
        }


def counted_runs(
    runs: Iterable[ProgrammeRun], start: date, per_week: int, gap_days: int = 1
) -> list[ProgrammeRun]:
    """The runs that count: from ``start``, one a day (the worst of it), ``per_week`` a week,
    each at least ``gap_days`` after the one before."""
    by_day: dict[date, ProgrammeRun] = {}
    for run in runs:
        if run.day < start:
            continue
        seen = by_day.get(run.day)
        by_day[run.day] = run if seen is None else _worse_of(seen, run)
    kept: list[ProgrammeRun] = []
    per_block: dict[int, int] = {}
    for day in sorted(by_day):
        block = (day - start).days // WEEK
        if kept and (day - kept[-1].day).days < gap_days:
            continue
        if per_block.get(block, 0) < per_week:
            per_block[block] = per_block.get(block, 0) + 1
            kept.append(by_day[day])
    return kept


def _worse_of(a: ProgrammeRun, b: ProgrammeRun) -> ProgrammeRun:
    pains = [p for p in (a.pain, b.pain) if p is not None]
    morning = "worse" if "worse" in (a.morning, b.morning) else a.morning or b.morning
    mornings = [p for p in (a.morning_pain, b.morning_pain) if p is not None]
    return ProgrammeRun(
        a.day, max(pains) if pains else None, morning, max(mornings) if mornings else None
    )


def judge(
    phase: Phase, phase_runs: Sequence[ProgrammeRun], week_runs: Sequence[ProgrammeRun]
) -> tuple[bool, str]:
    """Whether ``phase`` may move on now, and why, in words for the status line.

    Pain and mornings hold it back from any recent run; only rated runs (a
    pain rating and a morning answer) count toward moving on.
    """
    if phase.advance is None:
        return False, ""
    rule = phase.advance
    window = list(phase_runs[-rule.sessions :] if rule.sessions else week_runs)
    if rule.sessions and len(phase_runs) < rule.sessions:
        return False, f"{len(phase_runs)} of {rule.sessions} sessions done in this phase"
    if not window:
        return False, "no session done this week"
    rated = [r for r in (phase_runs if rule.sessions else week_runs) if r.rated]
    judged = rated[-rule.sessions :] if rule.sessions else rated
    held = _held_back(rule, window + judged)
    if held:
        return False, held
    wanted = rule.sessions or 1
    if len(judged) < wanted:
        return False, (
            f"no data, no increase: {len(judged)} of {wanted} sessions have their pain rating"
            " and morning check-in"
        )
    return True, "criteria met: moves on at the end of this week"


def _held_back(rule: Advance, runs: list[ProgrammeRun]) -> str:
    if rule.max_pain is not None:
        over = [r for r in runs if r.pain is not None and r.pain > rule.max_pain]
        if over:
            return f"pain {over[-1].pain} on {over[-1].day} is above {rule.max_pain}"
    if rule.morning == NOT_WORSE:
        worse = [r for r in runs if r.morning == "worse"]
        if worse:
            return f"held back: the morning after {worse[-1].day} was worse"
    return ""


def status(
    programme: Programme,
    start: date,
    runs: Iterable[ProgrammeRun],
    today: date,
    repeats: Sequence[Repeat] = (),
) -> Status:
    """Walk the programme week by week from ``start`` to ``today``."""
    per_week = programme.per_week
    gap = REHAB_GAP_DAYS if programme.rehab else 1
    kept = counted_runs((r for r in runs if r.day <= today), start, per_week, gap)
    if today < start:
        first = programme.phases[0]
        why = f"starts on {start.isoformat()}"
        return Status(
            programme.id, 1, first.name, 1, _fixed(first), 0, per_week,
            first.sessions[0], False, False, why, started=False,
        )  # fmt: skip
    current = (today - start).days // WEEK
    taken = {r.week - 1: r.phase - 1 for r in repeats}
    phase_runs: list[ProgrammeRun] = []
    phase, in_phase, empty, last_trained, bad_streak = 0, 0, 0, 0, 0
    weeks: list[WeekRecord] = []
    for block in range(current + 1):
        if block in taken and taken[block] < len(programme.phases):
            phase, in_phase, phase_runs, empty = taken[block], 0, [], 0
        begin = start + timedelta(days=block * WEEK)
        week_runs = [r for r in kept if begin <= r.day < begin + timedelta(days=WEEK)]
        if phase >= len(programme.phases):
            return _finished(programme, current + 1, weeks)
        spec = programme.phases[phase]
        if week_runs and empty >= LAYOFF_WEEKS and spec.advance is not None:
            in_phase, phase_runs = 0, []  # back after a layoff: the phase's first week again
        planned = spec.per_week or per_week
        week_runs = week_runs[:planned]
        weeks.append(WeekRecord(block + 1, begin, phase + 1, spec.name, len(week_runs), planned))
        phase_runs = phase_runs + week_runs
        dropped = False
        for run in week_runs:
            bad_streak = bad_streak + 1 if run.bad else 0
            if bad_streak >= 2:
                dropped, bad_streak = True, 0
        if dropped and phase > 0:
            phase, in_phase, phase_runs = phase - 1, 0, []
            spec = programme.phases[phase]
        if block == current:
            break
        empty = 0 if week_runs else empty + 1
        last_trained = phase if week_runs else last_trained
        if not week_runs or dropped:
            continue  # an empty week never moves a phase on, nor counts toward its length
        if _moves_on(spec, in_phase, phase_runs, week_runs):
            phase, in_phase, phase_runs = phase + 1, 0, []
        else:
            in_phase += 1
    # The loop ends on the current week, with ``spec`` and ``week_runs`` its own.
    done_today = any(r.day == today for r in week_runs)
    rested = not kept or (today - kept[-1].day).days >= gap
    met, why = _outlook(spec, in_phase, phase_runs, week_runs)
    return Status(
        programme.id,
        phase + 1,
        spec.name,
        current + 1,
        _fixed(spec),
        len(week_runs),
        spec.per_week or per_week,
        spec.sessions[len(phase_runs) % len(spec.sessions)],
        not done_today and len(week_runs) < (spec.per_week or per_week) and rested,
        met,
        why,
        week_in_phase=in_phase + 1,
        session_in_week=min(len(week_runs) + 1, spec.per_week or per_week),
        repeat_offer=last_trained + 1 if empty >= EMPTY_WEEKS_OFFER and not week_runs else None,
        weeks=tuple(weeks),
    )


def _fixed(phase: Phase) -> int | None:
    return None if phase.advance else phase.weeks


def _moves_on(
    phase: Phase,
    in_phase: int,
    phase_runs: Sequence[ProgrammeRun],
    week_runs: Sequence[ProgrammeRun],
) -> bool:
    if phase.advance is None:
        return in_phase + 1 >= phase.weeks and not (phase_runs and phase_runs[-1].bad)
    return judge(phase, phase_runs, week_runs)[0]


def _outlook(
    phase: Phase,
    in_phase: int,
    phase_runs: Sequence[ProgrammeRun],
    week_runs: Sequence[ProgrammeRun],
) -> tuple[bool, str]:
    """Whether the phase moves on at this week's end if nothing changes, and why."""
    if phase.advance is not None:
        return judge(phase, phase_runs, week_runs)
    left = phase.weeks - in_phase - 1
    if left == 0 and not week_runs:
        return False, "last week of the phase: it moves on once a session is done this week"
    if left == 0 and phase_runs and phase_runs[-1].bad:
        return False, f"held back: the session on {phase_runs[-1].day} hurt (pain above 5)"
    if left == 0:
        return True, f"last week of {phase.weeks}: the next phase starts next week"
    return False, f"fixed length: {left} more week{'s' if left != 1 else ''} after this one"


def _finished(programme: Programme, week: int, weeks: list[WeekRecord]) -> Status:
    last = programme.phases[-1]
    return Status(
        programme.id,
        len(programme.phases),
        last.name,
        week,
        _fixed(last),
        0,
        programme.per_week,
        None,
        False,
        True,
        "programme finished: every phase is done",
        finished=True,
        weeks=tuple(weeks),
    )
