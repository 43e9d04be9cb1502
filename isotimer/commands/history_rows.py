"""One hold as a row of ``isotimer history``: short words for a terminal, exact ones for a pipe."""

from __future__ import annotations

from datetime import datetime

from isotimer.commands.output import Column
from isotimer.core.history.records import HoldOutcome, HoldRecord
from isotimer.core.text.dates import moment_text
from isotimer.core.text.durations import held

# How each hold ended, in a terminal's narrow status column; a pipe gets the exact
# ``outcome`` value (``ended_early``...), the same word as the exports.
OUTCOME_WORDS = {
    HoldOutcome.COMPLETED: "done",
    HoldOutcome.ENDED_EARLY: "early",
    HoldOutcome.SKIPPED: "skipped",
    HoldOutcome.STOPPED: "stopped",
}

HISTORY_COLUMNS = (
    # "Tue 1 Dec 21:41" is 15 characters: the date never gives way to the names.
    Column("when", min_width=15),
    Column("session", wrap=True),
    Column("hold", wrap=True),
    Column("side"),
    Column("set", wrap=True),
    Column("held", justify="right"),
    Column("status"),
    Column("effort", justify="right"),
    Column("pain", justify="right"),
)


def history_row(hold: HoldRecord, terminal: bool, today: datetime | None = None) -> tuple[str, ...]:
    """The cells for ``hold``: a pipe gets the ISO time, which sorts as text."""
    when = moment_text(hold.started_at, today) if terminal else hold.started_at.isoformat()
    return (
        when,
        hold.session_name,
        hold.exercise_name,
        "" if hold.side == "none" else hold.side,
        f"{hold.set} (round {hold.round})" if hold.round > 1 else str(hold.set),
        held(hold.held_s, hold.target_s),
        OUTCOME_WORDS[hold.outcome] if terminal else hold.outcome.value,
        "" if hold.effort is None else str(hold.effort),
        "" if hold.pain is None else str(hold.pain),
    )
