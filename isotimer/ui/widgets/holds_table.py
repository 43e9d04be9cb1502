"""Every hold of a run as a table: what, which set, target, held and how it ended."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from isotimer.core.history.records import HoldOutcome, HoldRecord
from isotimer.core.text.durations import short
from isotimer.ui.style.literal import literal

OUTCOME_WORDS = {
    HoldOutcome.COMPLETED: "✓ done",
    HoldOutcome.ENDED_EARLY: "ended early",
    HoldOutcome.SKIPPED: "skipped",
    HoldOutcome.STOPPED: "stopped",
}


def holds_table(holds: list[HoldRecord] | tuple[HoldRecord, ...]) -> Table:
    """One row per hold: what, where in the session, target, held and how it ended."""
    table = Table(expand=True, box=None, header_style="bold", pad_edge=False)
    table.add_column("Hold", ratio=3, no_wrap=True, overflow="ellipsis")
    table.add_column("Set", justify="right")
    table.add_column("Target", justify="right")
    table.add_column("Held", justify="right")
    table.add_column("", ratio=1, no_wrap=True)
    for hold in holds:
        side = f" ({hold.side})" if hold.side != "none" else ""
        outcome = Text(OUTCOME_WORDS[hold.outcome], style="bold" if hold.completed else "")
        table.add_row(
            literal(f"{hold.exercise_name}{side}"),
            f"{hold.set}·{hold.round}" if hold.round > 1 else str(hold.set),
            short(hold.target_s),
            short(hold.held_s),
            outcome,
        )
    return table
