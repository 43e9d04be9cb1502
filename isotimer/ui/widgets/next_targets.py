"""What to aim for next: each exercise and side's suggested target and the reason for it."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from isotimer.core.review import ExerciseReview, change_text, why_text
from isotimer.core.text import printable

NAME_WIDTH = 28


class NextTargets(Widget):
    """Two lines per exercise and side: the change, coloured up or down, then why.

    One widget drawing a table, like BalanceTable, so opening the review stays quick.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "next-targets--name",
        "next-targets--up",
        "next-targets--down",
        "next-targets--reason",
    }
    DEFAULT_CSS = """
    NextTargets {
        height: auto;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: tuple[ExerciseReview, ...] = ()

    def show(self, rows: tuple[ExerciseReview, ...]) -> None:
        self.rows = rows
        self.refresh(layout=True)

    def render(self) -> RenderableType:
        name = self.get_component_rich_style("next-targets--name")
        reason = self.get_component_rich_style("next-targets--reason")
        entries: list[RenderableType] = []
        for row in self.rows:
            head = Text(no_wrap=True, overflow="ellipsis")
            head.append(printable(row.label).ljust(NAME_WIDTH), name)
            head.append(change_text(row), self._change(row))
            entries += [head, Padding(Text(why_text(row.next), reason), (0, 0, 1, 2))]
        return Group(*entries)

    def _change(self, row: ExerciseReview) -> Style:
        if row.next.delta_s > 0:
            return self.get_component_rich_style("next-targets--up")
        if row.next.delta_s < 0:
            return self.get_component_rich_style("next-targets--down")
        return Style()
