"""Today's target for each hold of a session, from that session's own recent runs."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from isotimer.core.history.records import CheckIn, HoldOutcome, HoldRecord
from isotimer.core.run.outcomes import counted, failed
from isotimer.core.session.model import (
    DEFAULT_LEAD_IN_S,
    Exercise,
    Hold,
    Level,
    Progress,
    Session,
    Side,
    Sides,
)
from isotimer.core.session.plan import Plan, build_plan, target_key
from isotimer.core.text.durations import short

STEP_S = 5.0
FLOOR_S = 5.0
EFFORT_STEP = 10
EFFORT_MAX = 90
EFFORT_FLOOR = 10
EASY_PAIN = 3  # at or below in both runs: ready to move on
SORE_PAIN = 5  # above it last time: ease off


@dataclass(frozen=True)
class Suggestion:
    """Today's target for one hold and side: what the file says, what to do, and why.

    ``harder`` names the next step at the time cap (``swap`` is its library id
    when it has one); ``runs`` is how many of the session's runs decided it.
    """

    exercise: str
    side: str
    base_s: float
    target_s: float
    base_effort: int | None
    effort: int | None
    reason: str
    harder: str | None = None
    swap: str | None = None
    runs: int = 0

    def to_dict(self) -> dict[str, object]:
        """One entry of ``isotimer targets --json``."""
        return {
            "exercise": self.exercise,
            "side": self.side,
            "base_s": self.base_s,
            "target_s": self.target_s,
            "base_effort": self.base_effort,
            "effort": self.effort,
            "harder": self.harder,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class _Run:
    """The counted sets of one hold and side within one run, in time order."""

    holds: tuple[HoldRecord, ...]
    worse: bool  # a worse morning after it, on this side

    @property
    def target_s(self) -> float:
        """The target of the run's latest set: the one the next target builds on."""
        return self.holds[-1].target_s

    @property
    def effort(self) -> int | None:
        """The effort percent the latest set was done at, if it named one."""
        return self.holds[-1].target_effort

    @property
    def pain(self) -> int | None:
        """The worst pain rated on any set of the run, None if none was rated."""
        rated = [hold.pain for hold in self.holds if hold.pain is not None]
        return max(rated) if rated else None

    @property
    def ended_early(self) -> bool:
        """True if any set broke form before its time was up."""
        return any(failed(hold) for hold in self.holds)

    def clean(self, target_s: float, effort: int | None) -> bool:
        """Every set completed at today's target, pain at most 3, no worse morning."""
        at_target = all(hold.target_s >= target_s for hold in self.holds)
        at_effort = effort is None or all((h.target_effort or 0) >= effort for h in self.holds)
        done = all(hold.outcome is HoldOutcome.COMPLETED for hold in self.holds)
        return done and at_target and at_effort and (self.pain or 0) <= EASY_PAIN and not self.worse


def recent_runs(
    holds: Iterable[HoldRecord], checkins: Iterable[CheckIn], side: str, count: int = 2
) -> list[_Run]:
    """The last ``count`` runs that held this hold, oldest first.

    Skipped sets count for nothing, and a run whose every set was skipped is
    not one of them: a skip can never lower (or hold back) a target.
    """
    worse = {c.run_id for c in checkins if c.compared == "worse" and c.side in (side, "none")}
    by_run: dict[str, list[HoldRecord]] = {}
    for hold in counted(holds):
        if hold.outcome is not HoldOutcome.SKIPPED:
            by_run.setdefault(hold.run_id, []).append(hold)
    order = sorted(by_run, key=lambda run_id: by_run[run_id][0].started_at)
    return [_Run(tuple(by_run[run_id]), run_id in worse) for run_id in order[-count:]]


def suggest(
    hold: Hold,
    side: Side,
    level: Level,
    progress: Progress,
    history: Iterable[HoldRecord],
    checkins: Iterable[CheckIn] = (),
    harder: Exercise | None = None,
) -> Suggestion:
    """Today's target for ``hold`` on ``side`` from the runs of its own session.

    ``history`` holds this session's records of the hold at this level (others
    are ignored). ``"none"`` never moves; ``"effort"`` keeps the time and moves
    the effort; ``"time"`` moves the time up to the hold's cap, then names the
    ``harder`` variation instead of adding more.
    """
    records = [r for r in history if (r.exercise, r.side, r.level) == (hold.exercise, side, level)]
    runs = recent_runs(records, checkins, side.value)
    base = Suggestion(
        hold.exercise, side.value, hold.seconds_for(level), hold.seconds_for(level),
        hold.effort_for(level), hold.effort_for(level), "", runs=len(runs),
    )  # fmt: skip
    if progress is Progress.NONE:
        why = "this session stays as written"
        return _with(base, reason=f"Keep {short(base.base_s)}: {why}")
    if not runs:
        return _with(base, reason=f"Keep {short(base.base_s)}: no runs of this session yet")
    if progress is Progress.EFFORT:
        return _effort_step(base, runs, side)
    return _time_step(base, runs, side, hold, harder, level)


def _time_step(
    base: Suggestion,
    runs: list[_Run],
    side: Side,
    hold: Hold,
    harder: Exercise | None,
    level: Level,
) -> Suggestion:
    current = runs[-1].target_s
    now = _with(base, target_s=current)
    sore = _sore(runs[-1], side)
    if sore is None and len(runs) == 2 and all(run.ended_early for run in runs):
        sore = "you ended sets early in both of your last two runs"
    if sore is not None:
        target = max(FLOOR_S, current - STEP_S)
        if target >= current:
            least = f"{short(FLOOR_S)} is the least"
            return _with(now, reason=f"Keep {short(current)}: {sore}; {least}")
        return _with(now, target_s=target, reason=f"-{current - target:g} s: {sore}")
    if len(runs) < 2 or not all(run.clean(current, None) for run in runs):
        return _with(now, reason=f"Keep {short(current)}: {_why_keep(runs, 'time')}")
    cap = max(hold.max_s, base.base_s)
    if current >= cap:
        return _at_cap(now, cap, hold, harder, level)
    target = min(cap, current + STEP_S)
    why = f"you held {short(current)} on every set in your last two runs"
    return _with(now, target_s=target, reason=f"+{target - current:g} s: {why}")


def _at_cap(
    now: Suggestion, cap: float, hold: Hold, harder: Exercise | None, level: Level
) -> Suggestion:
    """Two clean runs at the cap: the next step is a harder variation, never more time."""
    if harder is not None:
        step = f"{harder.name} at {short(harder.seconds_for(level))}"
        why = f"next step is {step}, offered as today's swap"
        return _with(now, harder=step, swap=harder.id, reason=f"At the {cap:g} s cap: {why}")
    step = hold.harder or "a harder variation of this hold"
    return _with(now, harder=step, reason=f"At the {cap:g} s cap: next step is {_lower(step)}")


def _effort_step(base: Suggestion, runs: list[_Run], side: Side) -> Suggestion:
    if base.base_effort is None:
        why = "this session moves the effort, and this hold sets none"
        return _with(base, reason=f"Keep {short(base.base_s)}: {why}")
    current = runs[-1].effort or base.base_effort
    now = _with(base, effort=current)
    sore = _sore(runs[-1], side)
    if sore is not None:
        effort = max(EFFORT_FLOOR, current - EFFORT_STEP)
        return _with(now, effort=effort, reason=f"-{current - effort} points of effort: {sore}")
    if len(runs) < 2 or not all(run.clean(base.base_s, current) for run in runs):
        return _with(now, reason=f"Keep {current}% effort: {_why_keep(runs, 'effort')}")
    if current >= EFFORT_MAX:
        return _with(now, reason=f"Keep {current}% effort: {EFFORT_MAX}% is as hard as it goes")
    effort = min(EFFORT_MAX, current + EFFORT_STEP)
    why = f"you held every set at {current}% in your last two runs"
    return _with(now, effort=effort, reason=f"+{effort - current} points of effort: {why}")


def _sore(run: _Run, side: Side) -> str | None:
    """Why the last run says ease off: pain above 5, or a worse morning after."""
    if run.pain is not None and run.pain > SORE_PAIN:
        return f"pain was {run.pain}/10 last time"
    if run.worse:
        where = "it was" if side is Side.NONE else f"your {side.value} side was"
        return f"{where} worse the morning after"
    return None


def _why_keep(runs: list[_Run], moves: str) -> str:
    pains = [run.pain for run in runs if run.pain is not None and run.pain > EASY_PAIN]
    if pains:
        return f"pain was {pains[-1]}/10; the {moves} goes up when it stays at {EASY_PAIN} or less"
    return f"hold every set in two runs in a row to raise the {moves}"


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:]


def _with(suggestion: Suggestion, **changes: object) -> Suggestion:
    return replace(suggestion, **changes)  # type: ignore[arg-type]


def sides_of(hold: Hold) -> tuple[Side, ...]:
    """The sides a hold is done on, in plan order."""
    return (Side.LEFT, Side.RIGHT) if hold.sides is Sides.BOTH else (Side.NONE,)


def suggestions_for(
    history: Iterable[HoldRecord],
    session: Session,
    level: Level,
    checkins: Iterable[CheckIn] = (),
    library: Mapping[str, Exercise] | None = None,
) -> dict[str, Suggestion]:
    """Today's target for every hold and side of ``session``, in plan order.

    Keyed by ``plan.target_key``. Only this session's records count: a light
    session never inherits the targets of a harder one. A hold used twice in a
    session is worked out once, from its first use.
    """
    own = [record for record in history if record.session == session.id]
    checkins = list(checkins)
    library = library or {}
    found: dict[str, Suggestion] = {}
    for hold in session.holds:
        harder = library.get(hold.harder_id) if hold.harder_id else None
        for side in sides_of(hold):
            key = target_key(hold.exercise, side)
            if key not in found:
                found[key] = suggest(hold, side, level, session.progress, own, checkins, harder)
    return found


def plan_at_targets(
    session: Session,
    level: Level,
    suggestions: Mapping[str, Suggestion],
    lead_in: float = DEFAULT_LEAD_IN_S,
    warm_up: bool = True,
) -> Plan:
    """The plan at today's targets: times and efforts from ``suggestions``."""
    targets = {key: s.target_s for key, s in suggestions.items()}
    efforts = {key: s.effort for key, s in suggestions.items() if s.effort is not None}
    return build_plan(
        session, level, targets=targets, lead_in=lead_in, efforts=efforts, warm_up=warm_up
    )
