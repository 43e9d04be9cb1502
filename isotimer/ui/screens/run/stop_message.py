"""What stopping a session now would keep, and how a hold left early was saved, in words."""

from __future__ import annotations

from collections.abc import Sequence

from isotimer.core.history.records import HoldOutcome, HoldRecord
from isotimer.core.run.outcomes import describe_holds
from isotimer.core.session.plan import Step
from isotimer.core.text.durations import short


def stop_message(
    holds: Sequence[HoldRecord], current: Step | None, held_s: float, saving: bool
) -> str:
    """Say what is kept: the holds so far, counted by outcome, and the one in progress.

    Args:
        holds: the holds already ended (and recorded) in this run.
        current: the step running now.
        held_s: seconds held of ``current`` when it is a hold.
        saving: whether a history store is there to save to.
    """
    kept = "Saved so far" if saving else "Kept for the summary (history is unavailable)"
    sentences = [f"{kept}: {describe_holds(holds)}."] if holds else []
    if current is not None and current.is_hold:
        name = current.hold.name
        what = f"The {name[:1].lower()}{name[1:]} in progress ({short(held_s)})"
        sentences.append(f"{what} will be {'saved' if saving else 'listed'} as stopped.")
    if not sentences:
        return "Nothing has been held yet, so there is nothing to save."
    return " ".join(sentences)


# How a hold left with d or n was saved, in the summary's and the history's words.
LEFT_WORDS = {
    HoldOutcome.COMPLETED: "held to the end",
    HoldOutcome.ENDED_EARLY: "ended early",
    HoldOutcome.SKIPPED: "skipped",
    HoldOutcome.STOPPED: "stopped",
}


def left_hold_text(hold: HoldRecord) -> str:
    """``Wall sit: ended early at 10 s``: the short notice after ``d`` or ``n``."""
    side = "" if hold.side == "none" else f" ({hold.side})"
    return f"{hold.exercise_name}{side}: {LEFT_WORDS[hold.outcome]} at {short(hold.held_s)}"
