"""Today's target for each hold of a session, from that session's own recent runs."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta

from isotimer.core.coach.body import (
    SAFE_PAIN,
    Felt,
    RedFlag,
    felt_runs,
    last_completed,
    missing_data,
    red_flag,
    sore,
)
from isotimer.core.history.records import CheckIn, HoldKind, HoldOutcome, HoldRecord
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
EFFORT_GATE = 7  # an effort rating above it keeps a time hold where it is
LAYOFF_STEP_DAYS = 14  # this long without a completed hold: one step back
LAYOFF_RESET_DAYS = 28  # this long: back to the session's own dose
BALANCE_RATIO = 0.85  # the weaker side under this share of the stronger holds it back
STOP_LOADING = "stop loading it and see a physio or doctor"
RULES = (
    "base", "progress", "keep", "ease", "cap", "no_data", "red_flag", "layoff",
    "effort_gate", "asymmetry", "form",
)  # fmt: skip


@dataclass(frozen=True)
class PhaseDose:
    """What a programme phase adds to the rules.

    ``effort`` is the phase's effort: the most the rules raise a hold to.
    ``gated`` is a phase with ``advance`` criteria: no increase without the
    last run's pain rating and morning check-in, whatever the hold moves by.
    """

    effort: int | None = None
    gated: bool = False


@dataclass(frozen=True)
class Suggestion:
    """Today's target for one hold and side: what the file says, what to do, and why.

    ``harder`` names the next step at the time cap (``swap`` is its library id
    when it has one); ``runs`` is how many of the session's runs decided it;
    ``rule`` names the rule that set today's number (one of ``RULES``, or ``from_test``:
    the base is a hold test's) and ``flag`` is the exercise's red flag on this side, if any.
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
    rule: str = "base"
    flag: RedFlag | None = None

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
            "rule": self.rule,
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
    def effort_rating(self) -> int | None:
        """The highest effort rating (1-10) of the run's sets, None if unrated."""
        rated = [hold.effort for hold in self.holds if hold.effort is not None]
        return max(rated) if rated else None

    @property
    def least_held(self) -> float:
        """The shortest time held on a set that broke form (or any set, if none did)."""
        broke = [hold.held_s for hold in self.holds if failed(hold)] or [
            hold.held_s for hold in self.holds
        ]
        return min(broke)

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
        return done and at_target and at_effort and (self.pain or 0) <= SAFE_PAIN and not self.worse


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
    *,
    body: Iterable[HoldRecord] | None = None,
    today: date | None = None,
    phase: PhaseDose | None = None,
) -> Suggestion:
    """Today's target for ``hold`` on ``side`` from the runs of its own session.

    ``history`` holds this session's records of the hold at this level (others
    are ignored). ``body`` holds the exercise's records in every session (by
    default ``history``): pain, mornings, layoffs, the weekly effort limit and
    the balance of sides come from there. ``today`` is the local date of the
    run to come (None: no layoff is judged). ``"none"`` never moves;
    ``"effort"`` keeps the time and moves the effort; ``"time"`` moves the time
    up to the hold's cap, then names the ``harder`` variation instead.
    """
    checkins = list(checkins)
    history = list(history)
    records = [
        r
        for r in history
        if (r.exercise, r.side, r.level) == (hold.exercise, side, level)
        and r.kind is HoldKind.HOLD  # a test's cap is no target: tests never move one
    ]
    runs = recent_runs(records, checkins, side.value)
    everywhere = [r for r in (history if body is None else body) if r.exercise == hold.exercise]
    felt = felt_runs(everywhere, checkins, side.value)
    flag = red_flag(hold.exercise, side.value, felt)
    base = Suggestion(
        hold.exercise, side.value, hold.seconds_for(level), hold.seconds_for(level),
        hold.effort_for(level), hold.effort_for(level), "", runs=len(runs), flag=flag,
    )  # fmt: skip
    if progress is Progress.NONE:
        why = "this session stays as written"
        return _with(base, reason=f"Keep {short(base.base_s)}: {why}")
    facts = _Facts(runs, felt, flag, today, phase or PhaseDose(), side, _balance(everywhere, side))
    if progress is Progress.EFFORT:
        if base.base_effort is None:
            why = "this session moves the effort, and this hold sets none"
            return _with(base, reason=f"Keep {short(base.base_s)}: {why}")
        return _effort_step(base, facts)
    return _time_step(base, facts, hold, harder, level)


@dataclass(frozen=True)
class _Facts:
    """Everything a rule reads beyond the hold itself."""

    runs: list[_Run]
    felt: list[Felt]
    flag: RedFlag | None
    today: date | None
    phase: PhaseDose
    side: Side
    balance: tuple[float, float] | None  # (this side's, the other side's) last completed hold

    @property
    def last(self) -> Felt | None:
        return self.felt[-1] if self.felt else None

    def layoff_days(self) -> int:
        """Days since the exercise's last completed hold on this side; 0 when unknown."""
        done = last_completed(self.felt)
        return (self.today - done).days if self.today and done else 0


def _balance(records: list[HoldRecord], side: Side) -> tuple[float, float] | None:
    """This side's and the other side's latest completed hold, anywhere; None unless both."""
    if side is Side.NONE:
        return None
    latest: dict[str, HoldRecord] = {}
    for record in records:
        if record.outcome is HoldOutcome.COMPLETED:
            seen = latest.get(record.side)
            if seen is None or record.started_at >= seen.started_at:
                latest[record.side] = record
    other = "left" if side is Side.RIGHT else "right"
    if side.value not in latest or other not in latest:
        return None
    return latest[side.value].held_s, latest[other].held_s


def _time_step(
    base: Suggestion, facts: _Facts, hold: Hold, harder: Exercise | None, level: Level
) -> Suggestion:
    runs = facts.runs
    current = runs[-1].target_s if runs else base.base_s
    now = _with(base, target_s=current)

    def ease(why: str, rule: str) -> Suggestion:
        target = max(FLOOR_S, current - STEP_S)
        if target >= current:
            least = f"{short(FLOOR_S)} is the least"
            return _with(now, reason=f"Keep {short(current)}: {why}; {least}", rule=rule)
        return _with(now, target_s=target, reason=f"-{current - target:g} s: {why}", rule=rule)

    if facts.flag is not None:
        return ease(f"red flag: {facts.flag.why}; {STOP_LOADING}", "red_flag")
    if not runs:
        return _with(now, reason=f"Keep {short(current)}: no runs of this session yet")
    days = facts.layoff_days()
    if days >= LAYOFF_RESET_DAYS:
        why = f"{days} days since you last held it: back to the session's {short(base.base_s)}"
        return _with(base, reason=f"Back to {short(base.base_s)}: {why}", rule="layoff")
    if days >= LAYOFF_STEP_DAYS:
        return ease(f"{days} days since you last held it, one step back", "layoff")
    sore_now = sore(facts.last, facts.side.value) if facts.last else None
    if sore_now is not None:
        return ease(sore_now, "ease")
    if len(runs) == 2 and all(run.ended_early for run in runs):
        held = _round_down(runs[-1].least_held)
        why = "you ended sets early in both of your last two runs"
        if held >= current:
            return ease(why, "form")
        reason = f"Down to {short(held)}, what you held: {why}; it stays there until a clean run"
        return _with(now, target_s=held, reason=reason, rule="form")
    kept = _kept(now, facts, short(current), "time")
    if kept is not None:
        return kept
    rating = runs[-1].effort_rating
    if rating is not None and rating > EFFORT_GATE:
        why = f"you rated the effort {rating}/10; the time goes up at {EFFORT_GATE} or less"
        return _with(now, reason=f"Keep {short(current)}: {why}", rule="effort_gate")
    if rating is None and facts.phase.gated:
        why = f"in a rehab phase the time goes up once you rate the effort {EFFORT_GATE} or less"
        return _with(now, reason=f"Keep {short(current)}: {why}", rule="effort_gate")
    if facts.balance is not None:
        mine, other = facts.balance
        if other < mine * BALANCE_RATIO:
            weaker = "left" if facts.side is Side.RIGHT else "right"
            why = (
                f"your {weaker} side held {short(other)} against {short(mine)}:"
                f" this side waits until the gap is under {100 - round(BALANCE_RATIO * 100)}%"
            )
            return _with(now, reason=f"Keep {short(current)}: {why}", rule="asymmetry")
    cap = max(hold.max_s, base.base_s)
    if current >= cap:
        return _at_cap(now, cap, hold, harder, level)
    target = min(cap, current + STEP_S)
    why = f"you held {short(current)} on every set in your last two runs"
    return _with(now, target_s=target, reason=f"+{target - current:g} s: {why}", rule="progress")


def _kept(now: Suggestion, facts: _Facts, amount: str, moves: str) -> Suggestion | None:
    """Pain 4-5, missing rehab data or fewer than two clean runs keep the dose; else None."""
    last = facts.last
    if last is not None and last.pain is not None and last.pain > SAFE_PAIN:
        why = f"pain was {last.pain}/10; the {moves} goes up when it stays at {SAFE_PAIN} or less"
        return _with(now, reason=f"Keep {amount}: {why}", rule="keep")
    needs_data = moves == "effort" or facts.phase.gated
    missing = missing_data(last) if last is not None and needs_data else None
    if missing is not None:
        why = f"no data, no increase: the last run needs {missing}"
        return _with(now, reason=f"Keep {amount}: {why}", rule="no_data")
    effort = now.effort if moves == "effort" else None
    runs, at_s = facts.runs, now.base_s if effort else now.target_s
    if len(runs) < 2 or not all(run.clean(at_s, effort) for run in runs):
        return _with(now, reason=f"Keep {amount}: {_why_keep(runs, moves)}", rule="keep")
    return None


def _at_cap(
    now: Suggestion, cap: float, hold: Hold, harder: Exercise | None, level: Level
) -> Suggestion:
    """Two clean runs at the cap: the next step is a harder variation, never more time."""
    if harder is not None:
        step = f"{harder.name} at {short(harder.seconds_for(level))}"
        why = f"next step is {step}, offered as today's swap"
        reason = f"At the {cap:g} s cap: {why}"
        return _with(now, harder=step, swap=harder.id, reason=reason, rule="cap")
    step = hold.harder or "a harder variation of this hold"
    reason = f"At the {cap:g} s cap: next step is {_lower(step)}"
    return _with(now, harder=step, reason=reason, rule="cap")


def _effort_step(base: Suggestion, facts: _Facts) -> Suggestion:
    runs = facts.runs
    ceiling = facts.phase.effort or EFFORT_MAX
    last_effort = runs[-1].effort if runs else None
    current = min(last_effort or base.base_effort or 0, ceiling)
    now = _with(base, effort=current)

    def ease(why: str, rule: str) -> Suggestion:
        effort = max(EFFORT_FLOOR, current - EFFORT_STEP)
        reason = f"-{current - effort} points of effort: {why}"
        return _with(now, effort=effort, reason=reason, rule=rule)

    if facts.flag is not None:
        return ease(f"red flag: {facts.flag.why}; {STOP_LOADING}", "red_flag")
    if not runs:
        return _first_effort(now, facts)
    days = facts.layoff_days()
    if days >= LAYOFF_RESET_DAYS:
        why = f"{days} days since you last held it: back to the session's {base.base_effort}%"
        return _with(base, reason=f"Back to {base.base_effort}% effort: {why}", rule="layoff")
    if days >= LAYOFF_STEP_DAYS:
        return ease(f"{days} days since you last held it, one step back", "layoff")
    sore_now = sore(facts.last, facts.side.value) if facts.last else None
    if sore_now is not None:
        return ease(sore_now, "ease")
    if len(runs) == 2 and all(run.ended_early for run in runs):
        return ease("you ended sets early in both of your last two runs", "form")
    if last_effort is not None and last_effort > ceiling:
        why = f"the programme's phase runs at {ceiling}%"
        return _with(now, reason=f"Keep {current}% effort: {why}", rule="cap")
    kept = _kept(now, facts, f"{current}% effort", "effort")
    if kept is not None:
        return kept
    if current >= ceiling:
        why = (
            f"{EFFORT_MAX}% is as hard as it goes"
            if ceiling == EFFORT_MAX
            else f"the programme's phase runs at {ceiling}%"
        )
        return _with(now, reason=f"Keep {current}% effort: {why}", rule="cap")
    week_ago = _effort_a_week_ago(facts.felt, facts.today)
    effort = min(ceiling, current + EFFORT_STEP)
    if week_ago is not None and effort > week_ago + EFFORT_STEP:
        effort = max(current, week_ago + EFFORT_STEP)
    if effort <= current:
        why = f"effort rises at most {EFFORT_STEP} points a week (it was {week_ago}% a week ago)"
        return _with(now, reason=f"Keep {current}% effort: {why}", rule="cap")
    why = f"you held every set at {current}% in your last two runs"
    reason = f"+{effort - current} points of effort: {why}"
    return _with(now, effort=effort, reason=reason, rule="progress")


def _first_effort(now: Suggestion, facts: _Facts) -> Suggestion:
    """The session's effort on its first run, held to +10 points on what the exercise did
    a week ago in any session (rule 7)."""
    current = now.effort or 0
    week_ago = _effort_a_week_ago(facts.felt, facts.today)
    if week_ago is not None and current > week_ago + EFFORT_STEP:
        limit = week_ago + EFFORT_STEP
        why = f"effort rises at most {EFFORT_STEP} points a week (it was {week_ago}% a week ago)"
        return _with(now, effort=limit, reason=f"{limit}% effort: {why}", rule="cap")
    return _with(now, reason=f"Keep {short(now.base_s)}: no runs of this session yet")


def _effort_a_week_ago(felt: list[Felt], today: date | None) -> int | None:
    """The effort of the latest run at least a week before ``today``, else the lowest since.

    Without ``today`` the run to come is taken to be the day after the latest.
    """
    efforts = [(f.at.date(), f.target_effort) for f in felt if f.target_effort is not None]
    if not efforts:
        return None
    day = today or efforts[-1][0] + timedelta(days=1)
    before = [effort for when, effort in efforts if when <= day - timedelta(days=7)]
    return before[-1] if before else min(effort for _, effort in efforts)


def _round_down(seconds: float) -> float:
    """To the 5 s below, never under the 5 s floor."""
    return max(FLOOR_S, math.floor(seconds / STEP_S) * STEP_S)


def _why_keep(runs: list[_Run], moves: str) -> str:
    pains = [run.pain for run in runs if run.pain is not None and run.pain > SAFE_PAIN]
    if pains:
        return f"pain was {pains[-1]}/10; the {moves} goes up when it stays at {SAFE_PAIN} or less"
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
    *,
    today: date | None = None,
    phase: PhaseDose | None = None,
) -> dict[str, Suggestion]:
    """Today's target for every hold and side of ``session``, in plan order.

    Keyed by ``plan.target_key``. Only this session's records set the dose a
    hold builds on: a light session never inherits the targets of a harder
    one. Every record in ``history`` speaks for the body, though: pain, the
    mornings after, layoffs and the balance of sides follow the exercise into
    every session. A hold used twice in a session is worked out once.
    """
    history = list(history)
    own = [record for record in history if record.session == session.id]
    checkins = list(checkins)
    library = library or {}
    found: dict[str, Suggestion] = {}

    def work_out(hold: Hold, side: Side, harder: Exercise | None) -> Suggestion:
        return suggest(
            hold, side, level, session.progress, own, checkins, harder,
            body=history, today=today, phase=phase,
        )  # fmt: skip

    for hold in session.holds:
        harder = library.get(hold.harder_id) if hold.harder_id else None
        for side in sides_of(hold):
            key = target_key(hold.exercise, side)
            if key in found:
                continue
            found[key] = work_out(hold, side, harder)
            if harder is not None and _taken(own, hold.exercise, harder.id):
                # Rule 9: a swap taken has its own targets, by the same rules, and stays on
                # offer while it is the one being done.
                stronger = as_harder(hold, harder)
                for its_side in sides_of(stronger):
                    found[target_key(harder.id, its_side)] = work_out(stronger, its_side, None)
                why = f"you are doing {harder.name} instead: today's swap, at its own target"
                found[key] = replace(
                    found[key], swap=harder.id, harder=harder.name, reason=why, rule="cap"
                )
    return found


def _taken(own: list[HoldRecord], exercise: str, harder_id: str) -> bool:
    """True when this session did the harder variation after its own hold's last run."""
    mine = [r.started_at for r in own if r.exercise == exercise]
    swaps = [r.started_at for r in own if r.exercise == harder_id]
    return bool(swaps) and (not mine or max(swaps) > max(mine))


def as_harder(hold: Hold, harder: Exercise) -> Hold:
    """``hold`` done as its harder library variation: its own times, cues and cap; the
    session's sets, rests and effort."""
    return replace(
        hold,
        exercise=harder.id,
        name=harder.name,
        beginner_s=harder.beginner_s,
        advanced_s=harder.advanced_s,
        sides=Sides.BOTH if harder.per_side else Sides.NONE,
        cues=harder.cues,
        setup=harder.setup,
        equipment=harder.equipment,
        harder=harder.harder,
        max_s=harder.max_s,
        harder_id=harder.harder_id,
    )


def in_plan_order(session: Session, found: Mapping[str, Suggestion]) -> list[Suggestion]:
    """One suggestion per hold and side as the session lists them, a repeated hold each time:
    the ``holds`` list of ``targets --json``."""
    return [
        found[target_key(hold.exercise, side)] for hold in session.holds for side in sides_of(hold)
    ]


def red_flags(suggestions: Mapping[str, Suggestion]) -> list[RedFlag]:
    """The red flags among ``suggestions``, the worst pain first, each exercise and side once."""
    flags = {(s.flag.exercise, s.flag.side): s.flag for s in suggestions.values() if s.flag}
    return sorted(flags.values(), key=lambda flag: -(flag.pain or 0))


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
