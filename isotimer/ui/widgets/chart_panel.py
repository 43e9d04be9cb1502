"""The chart of one exercise and side with its title and a legend for its colours."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Label, Static

from isotimer.core.history.chart import ChartSeries
from isotimer.core.history.review import ExerciseReview
from isotimer.core.text.durations import short
from isotimer.core.text.printable import printable
from isotimer.ui.widgets.hold_chart import HoldChart


class ChartPanel(Vertical):
    """Title, HoldChart and legend; the legend's classes share the chart's theme colours."""

    def compose(self) -> ComposeResult:
        yield Static(id="chart-title")
        yield HoldChart(id="chart")
        with Horizontal(id="chart-legend"):
            yield Label(id="legend-target", classes="legend-target")
            yield Label(id="legend-best", classes="legend-best")

    def show(self, row: ExerciseReview, points: list[tuple[date, float]]) -> None:
        """Chart ``points`` (best hold per day) against the last target and the best."""
        figures = row.stats
        series = ChartSeries(tuple(points), figures.last_target_s, figures.best_s)
        self.query_one(HoldChart).series = series
        title = Content.assemble((printable(row.label), "bold"), ("  best hold each day", "dim"))
        self.query_one("#chart-title", Static).update(title)
        self.query_one("#legend-target", Label).update(f"── target {short(series.target_s)}")
        self.query_one("#legend-best", Label).update(f"● best {short(series.best_s)}")
