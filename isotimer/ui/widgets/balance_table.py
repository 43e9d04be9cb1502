"""Left against right for every per-side hold, flagging a side that lags by more than 10%."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.widget import Widget

from isotimer.core.history.review import Review, balance_text
from isotimer.core.history.stats import BALANCE_FLAG_PCT
from isotimer.core.text.durations import short
from isotimer.ui.style.literal import literal

EXPLAINED = (
    "Longest hold on each side in the latest session that worked both. "
    f"⚠ marks a side more than {BALANCE_FLAG_PCT:g}% behind the other."
)


class BalanceTable(Widget):
    """One row per per-side exercise; the stylesheet colours the flagged ones.

    A single widget drawing a table: the review opens with every tab filled,
    and a widget per cell would cost more to mount than the history to read.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "balance-table--header",
        "balance-table--flagged",
        "balance-table--note",
    }
    DEFAULT_CSS = """
    BalanceTable {
        height: auto;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.review: Review | None = None

    def show(self, review: Review) -> None:
        """Draw the balances of ``review``."""
        self.review = review
        self.refresh(layout=True)

    def render(self) -> RenderableType:
        """The left/right table and its note; nothing until ``show``."""
        review = self.review
        if review is None:
            return ""
        note = Text(EXPLAINED, style=self.get_component_rich_style("balance-table--note"))
        if not review.balances:
            return Group(Text("No left and right holds yet."), Text(), note)
        return Group(self._table(review), Text(), note)

    def _table(self, review: Review) -> Table:
        table = Table.grid(padding=(0, 3))
        table.add_column(min_width=24)
        table.add_column(justify="right")
        table.add_column(justify="right")
        table.add_column()
        header = self.get_component_rich_style("balance-table--header")
        table.add_row("Hold", "Left", "Right", "", style=header)
        flagged = self.get_component_rich_style("balance-table--flagged")
        for exercise, balance in sorted(review.balances.items()):
            table.add_row(
                literal(review.name_of(exercise)),
                short(balance.left_s),
                short(balance.right_s),
                Text(balance_text(balance), style=flagged if balance.flagged else ""),
            )
        return table
