"""Every hold of a run as a table: what, which set, target, held and how it ended."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, ConsoleOptions, RenderResult
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
# A long word ("ended early") may take two lines; a name wraps rather than lose its
# side: "Side plank…" twice would hide which side was which.
OUTCOME_WORD_WIDTH = max(len(part) for word in OUTCOME_WORDS.values() for part in word.split())
GAP = 1  # the space between two columns


class HoldsTable:
    """The table, laid out for the width it is drawn at; every word in it stays whole."""

    def __init__(self, holds: Sequence[HoldRecord]) -> None:
        self.holds = tuple(holds)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield _table(self.holds, options.max_width)


def holds_table(holds: Sequence[HoldRecord]) -> HoldsTable:
    """One row per hold: what, where in the session, target, held and how it ended."""
    return HoldsTable(holds)


def _cells(hold: HoldRecord) -> tuple[str, str, str, str, str]:
    side = f" ({hold.side})" if hold.side != "none" else ""
    set_ = f"{hold.set}·{hold.round}" if hold.round > 1 else str(hold.set)
    return (
        f"{hold.exercise_name}{side}",
        set_,
        short(hold.target_s),
        short(hold.held_s),
        OUTCOME_WORDS[hold.outcome],
    )


def _table(holds: Sequence[HoldRecord], width: int) -> Table:
    """The names take what the other columns leave; outcomes wrap only when names would."""
    rows = [_cells(hold) for hold in holds]
    middle = [max(len(head), *(len(row[n]) for row in rows)) for n, head in _MIDDLE]
    outcome = max((len(row[4]) for row in rows), default=0)
    longest_name = max((len(row[0]) for row in rows), default=0)
    if longest_name + sum(middle) + outcome + GAP * 4 > width:
        outcome = OUTCOME_WORD_WIDTH
    table = Table(
        expand=True, box=None, header_style="bold", pad_edge=False, padding=(0, 0, 0, GAP)
    )
    table.add_column("Hold", ratio=1, overflow="fold")
    for _, head in _MIDDLE:
        table.add_column(head, justify="right", no_wrap=True)
    table.add_column("", min_width=outcome, max_width=outcome)
    for hold, row in zip(holds, rows, strict=True):
        style = "bold" if hold.completed else ""
        table.add_row(literal(row[0]), row[1], row[2], row[3], Text(row[4], style=style))
    return table


_MIDDLE = ((1, "Set"), (2, "Target"), (3, "Held"))
