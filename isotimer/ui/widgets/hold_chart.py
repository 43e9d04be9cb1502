"""A line chart of the best hold per day against the target, drawn by plotext."""

from __future__ import annotations

from typing import ClassVar

from textual.app import RenderResult
from textual.reactive import reactive
from textual_plotext import PlotextPlot

from isotimer.core.history.chart import ChartSeries, day_ticks, second_ticks

ROWS_PER_SECOND_TICK = 3  # a label every third row or more, so the axis stays readable
AXIS_CELLS = 8  # the seconds labels and the frame: what the plot area leaves of the width


class HoldChart(PlotextPlot):
    """Plots a ChartSeries: the daily best as a line, the target flat across, the best marked.

    The canvas takes the widget's own background and text colour (plotext's
    "clear" theme), and the three data colours come from component classes, so
    the stylesheet's theme variables decide every colour in light and dark themes.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "hold-chart--series",
        "hold-chart--target",
        "hold-chart--best",
        "hold-chart--test",
    }
    DEFAULT_CSS = """
    HoldChart {
        height: 1fr;
        min-height: 6;
    }
    """

    series: reactive[ChartSeries | None] = reactive(None)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.set_reactive(PlotextPlot.theme, "clear")

    def render(self) -> RenderResult:
        """The chart of ``series``, or nothing while there are no points."""
        self.plt.clear_figure()
        if self.series is None or not self.series.points:
            return ""
        self._draw(self.series)
        return super().render()

    def _draw(self, series: ChartSeries) -> None:
        plt = self.plt
        first, last = series.x_range
        # The target first and thin, so days held above it draw over it rather than vanish.
        plt.plot([first, last], [series.target_s] * 2, marker="─", color=self._colour("target"))
        plt.plot(series.days, series.seconds, marker="hd", color=self._colour("series"))
        plt.scatter([series.best_day], [series.best_s], marker="●", color=self._colour("best"))
        if series.tests:  # hold tests apart from the training line: a mark of their own
            tested_on = [day.toordinal() for day, _ in series.tests]
            tested_s = [seconds for _, seconds in series.tests]
            plt.scatter(tested_on, tested_s, marker="◆", color=self._colour("test"))
        plt.xlim(first, last)
        plt.ylim(0, series.top_s)
        (first_day, _), (last_day, _) = series.points[0], series.points[-1]
        days = day_ticks(first_day, last_day, self.size.width - AXIS_CELLS, series.x_range)
        plt.xticks([tick for tick, _ in days], [label for _, label in days])
        seconds = second_ticks(series.top_s, max(2, self.size.height // ROWS_PER_SECOND_TICK))
        plt.yticks([tick for tick, _ in seconds], [label for _, label in seconds])

    def _colour(self, part: str) -> tuple[int, int, int] | str:
        """The colour the stylesheet gives ``hold-chart--{part}``, as plotext takes it."""
        colour = self.get_component_rich_style(f"hold-chart--{part}").color
        if colour is None:
            return "default"
        red, green, blue = colour.get_truecolor()
        return (red, green, blue)
