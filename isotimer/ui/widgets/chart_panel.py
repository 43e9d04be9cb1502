"""The chart of one exercise and side with its title and a legend for its colours."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Label, Static

from isotimer.core.history.chart import ChartSeries
from isotimer.core.history.review import ExerciseReview
from isotimer.core.text.durations import short, whole_seconds
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
            yield Label(id="legend-test", classes="legend-test")

    def show(
        self,
        row: ExerciseReview,
        points: list[tuple[date, float]],
        tests: Sequence[tuple[date, float]] = (),
    ) -> None:
        """Chart ``points`` (best training hold per day) against the last target and the best,
        with the hold test results marked apart."""
        figures = row.stats
        series = ChartSeries(tuple(points), figures.last_target_s, figures.best_s, tuple(tests))
        self.query_one(HoldChart).series = series
        title = Content.assemble((printable(row.label), "bold"), ("  best hold each day", "dim"))
        self.query_one("#chart-title", Static).update(title)
        self.query_one("#legend-target", Label).update(f"── target {short(series.target_s)}")
        self.query_one("#legend-best", Label).update(f"● best {short(series.best_s)}")
        legend = f"◆ hold test, last {whole_seconds(tests[-1][1])} s" if tests else ""
        self.query_one("#legend-test", Label).update(legend)
