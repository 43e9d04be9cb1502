"""Today's target for a hold, from how the last sessions that included it went."""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass

from isotimer.core.model import Level, Session, Side, Sides
from isotimer.core.plan import target_key
from isotimer.core.records import HoldRecord

STEP_S = 5.0
FLOOR_S = 5.0
EASY_PAIN = 3  # at or below: fine to add time
SORE_PAIN = 5  # at or above last time: take time off


@dataclass(frozen=True)
class Suggestion:
    """A target in seconds, the change from the last target, and one line saying why."""

    target_s: float
    delta_s: float
    reason: str


@dataclass(frozen=True)
class _Run:
    """The holds of one exercise and side within one run, in time order."""

    holds: tuple[HoldRecord, ...]

    @property
    def target_s(self) -> float:
        return self.holds[-1].target_s

    @property
    def all_completed(self) -> bool:
        return all(hold.completed for hold in self.holds)

    @property
    def pain(self) -> int | None:
        rated = [hold.pain for hold in self.holds if hold.pain is not None]
        return max(rated) if rated else None


def suggest(
    history: Iterable[HoldRecord],
    exercise: str,
    side: str,
    base_target_s: float,
    cap_s: float,
    harder: str = "",
) -> Suggestion:
    """The next target for ``exercise`` on ``side``.

    Rules, first match wins, over the runs that included this hold (by time):
    pain of 5/10 or more last time, or sets ended early in each of the last two
    runs: 5 s less (never below 5 s). Every set completed in the last two runs,
    both at the current target, with pain (where rated) at most 3: 5 s more, up
    to ``cap_s``; at the cap, suggest ``harder`` instead. Otherwise keep. Both
    runs must be at the current target so a +5 s needs two sessions of its own.
    """
    runs = _last_runs(history, exercise, side)
    if not runs:
        return Suggestion(base_target_s, 0.0, f"Keep {base_target_s:g} s: no history yet")
    current = runs[-1].target_s
    last_two = runs[-2:]
    if runs[-1].pain is not None and runs[-1].pain >= SORE_PAIN:
        return _ease(current, f"pain was {runs[-1].pain}/10 last time")
    if len(last_two) == 2 and not any(run.all_completed for run in last_two):
        return _ease(current, "you ended sets early in your last two sessions")
    ready = len(last_two) == 2 and all(
        run.all_completed and run.target_s >= current and (run.pain or 0) <= EASY_PAIN
        for run in last_two
    )
    if ready:
        return _progress(current, cap_s, harder)
    return Suggestion(current, 0.0, f"Keep {current:g} s: {_why_keep(last_two, current)}")


def _last_runs(
    history: Iterable[HoldRecord], exercise: str, side: str, count: int = 2
) -> list[_Run]:
    """The last ``count`` runs with this hold, oldest first; a run is as late as its start."""
    by_run: dict[str, list[HoldRecord]] = {}
    for hold in history:
        if hold.exercise == exercise and hold.side == side:
            by_run.setdefault(hold.run_id, []).append(hold)
    starts = {run_id: min(hold.started_at for hold in holds) for run_id, holds in by_run.items()}
    latest = heapq.nlargest(count, starts, key=starts.__getitem__)
    return [
        _Run(tuple(sorted(by_run[run_id], key=lambda hold: hold.started_at)))
        for run_id in reversed(latest)
    ]


def _ease(current: float, why: str) -> Suggestion:
    target = max(FLOOR_S, current - STEP_S)
    if target >= current:
        return Suggestion(current, 0.0, f"Keep {current:g} s: {why}; {FLOOR_S:g} s is the least")
    return Suggestion(target, target - current, f"-{current - target:g} s: {why}")


def _progress(current: float, cap_s: float, harder: str) -> Suggestion:
    if current >= cap_s:
        instead = f"try {harder}" if harder else "make the hold harder"
        return Suggestion(current, 0.0, f"At the cap ({cap_s:g} s): {instead} instead of more time")
    target = min(cap_s, current + STEP_S)
    why = f"you held {current:g} s on every set in your last two sessions"
    return Suggestion(target, target - current, f"+{target - current:g} s: {why}")


def _why_keep(last_two: list[_Run], current: float) -> str:
    if len(last_two) < 2:
        return "hold every set in two sessions in a row to add time"
    pains = [run.pain for run in last_two if run.pain is not None and run.pain > EASY_PAIN]
    if pains and all(run.all_completed for run in last_two):
        return f"pain was {pains[-1]}/10; time goes up when it stays at {EASY_PAIN} or less"
    if all(run.all_completed for run in last_two):
        return f"hold {current:g} s on every set once more to add time"
    return "hold every set in two sessions in a row to add time"


def suggestions_for(
    history: Iterable[HoldRecord], session: Session, level: Level
) -> dict[str, Suggestion]:
    """Today's suggestion for each hold and side of ``session``, keyed by ``plan.target_key``.

    Only holds with history at this level get an entry: a first session, or a
    first time at a new level, runs at the session's own times. The cap is
    twice the advanced time.
    """
    by_side: dict[tuple[str, str], list[HoldRecord]] = {}
    for record in history:
        if record.level == level.value:
            by_side.setdefault((record.exercise, record.side), []).append(record)
    found: dict[str, Suggestion] = {}
    for hold in session.holds:
        sides = (Side.LEFT, Side.RIGHT) if hold.sides is Sides.BOTH else (Side.NONE,)
        for side in sides:
            records = by_side.get((hold.exercise, side.value))
            if not records:
                continue
            base, cap = hold.seconds_for(level), 2 * hold.advanced_s
            suggestion = suggest(records, hold.exercise, side.value, base, cap, hold.harder)
            found[target_key(hold.exercise, side)] = suggestion
    return found


def targets_for(history: Iterable[HoldRecord], session: Session, level: Level) -> dict[str, float]:
    """Targets for ``build_plan(session, level, targets=...)``: the suggestions' times."""
    suggestions = suggestions_for(history, session, level)
    return {key: suggestion.target_s for key, suggestion in suggestions.items()}
