"""What a hold counts for, and what a run adds up to, from how each hold ended."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import StrEnum

from isotimer.core.history.records import MIN_SESSION_HOLD_S, HoldOutcome, HoldRecord
from isotimer.core.run.events import EndReason

_FAILED = frozenset({HoldOutcome.ENDED_EARLY})


class SessionResult(StrEnum):
    """How a run went as a whole: what its summary and history call it."""

    COMPLETE = "complete"
    PARTIAL = "partial"
    STOPPED = "stopped"
    NOT_A_SESSION = "not a session"


def hold_outcome(
    reason: EndReason, held_s: float, target_s: float, test: bool = False
) -> HoldOutcome:
    """The outcome of a hold the engine ended for ``reason``.

    Reaching the target is ``completed`` however the hold was left; below it,
    ``d`` is form breaking (``ended_early``), ``n`` and ``b`` leave the hold
    (``skipped``) and a stop, a closed terminal or an ended process cut it
    short (``stopped``). A hold ``test`` ended by the runner (``d``) or by its
    cap is ``completed``: held to failure is what a test asks for.
    """
    if held_s >= target_s or (test and reason is EndReason.EARLY):
        return HoldOutcome.COMPLETED
    return {
        EndReason.EARLY: HoldOutcome.ENDED_EARLY,
        EndReason.SKIP: HoldOutcome.SKIPPED,
        EndReason.BACK: HoldOutcome.SKIPPED,
        EndReason.STOP: HoldOutcome.STOPPED,
    }.get(reason, HoldOutcome.COMPLETED)


def counted(holds: Iterable[HoldRecord]) -> list[HoldRecord]:
    """One attempt per set of each run, in time order: the one that counts.

    Going back and redoing a set leaves its earlier attempts in the history
    (the time was held) but only the redo counts. A skip is not a redo: a set
    left with ``n`` after a real attempt keeps the real attempt.
    """
    chosen: dict[tuple[str, str, str, int, int], HoldRecord] = {}
    for hold in sorted(holds, key=lambda record: record.started_at):
        key = (hold.run_id, hold.exercise, hold.side, hold.round, hold.set)
        kept = chosen.get(key)
        skip = HoldOutcome.SKIPPED
        if kept is not None and hold.outcome is skip and kept.outcome is not skip:
            continue  # a skip after a real attempt is not a redo
        chosen[key] = hold
    return sorted(chosen.values(), key=lambda record: record.started_at)


def is_session(holds: Iterable[HoldRecord]) -> bool:
    """True when some hold of the run was held for at least a second."""
    return any(hold.held_s >= MIN_SESSION_HOLD_S for hold in holds)


def session_result(holds: Sequence[HoldRecord], planned: int, stopped: bool) -> SessionResult:
    """``complete`` only when each of the ``planned`` holds was completed.

    ``stopped`` when the run was stopped (or cut off), ``partial`` when it ran to
    the end with sets ended early or skipped; a run without one hold of a
    second or more is not a session whatever else happened.
    """
    if not is_session(holds):
        return SessionResult.NOT_A_SESSION
    if stopped:
        return SessionResult.STOPPED
    done = [hold for hold in counted(holds) if hold.outcome is HoldOutcome.COMPLETED]
    return SessionResult.COMPLETE if len(done) >= planned else SessionResult.PARTIAL


def failed(hold: HoldRecord) -> bool:
    """A set that counts against the target: form broke before the time was up."""
    return hold.outcome in _FAILED


# -- words ---------------------------------------------------------------------------

_PHRASES = {
    HoldOutcome.COMPLETED: "held to the end",
    HoldOutcome.ENDED_EARLY: "ended early",
    HoldOutcome.SKIPPED: "skipped",
    HoldOutcome.STOPPED: "stopped",
}


def plural(count: int, noun: str) -> str:
    """``1 hold``, ``2 holds``, ``0 holds``."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def outcome_counts(holds: Iterable[HoldRecord]) -> dict[HoldOutcome, int]:
    """How many counted holds ended each way, in the order a sentence lists them."""
    tally = dict.fromkeys(HoldOutcome, 0)
    for hold in counted(holds):
        tally[hold.outcome] += 1
    return {outcome: count for outcome, count in tally.items() if count}


def counts_text(counts: dict[HoldOutcome, int]) -> str:
    """``1 hold held to the end, 1 ended early``: the first count names the noun.

    Empty when there is nothing to count.
    """
    parts: list[str] = []
    for outcome, count in counts.items():
        parts.append(f"{plural(count, 'hold') if not parts else count} {_PHRASES[outcome]}")
    return ", ".join(parts)


def describe_holds(holds: Iterable[HoldRecord]) -> str:
    """``counts_text`` of ``holds``, or ``no holds`` when there are none."""
    return counts_text(outcome_counts(holds)) or "no holds"
