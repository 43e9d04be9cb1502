"""A bar over the whole session with the time left in it."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from textual.app import ComposeResult
from textual.reactive import reactive
from textual.renderables.bar import Bar as BarRenderable
from textual.widget import Widget
from textual.widgets import Label

from isotimer.core.text.durations import clock, countdown_seconds


class SessionBar(Widget):
    """The bar alone, drawn like Textual's ``ProgressBar`` but with no timer of its own.

    ``ProgressBar`` wakes every second to update an ETA this screen never shows,
    which costs a frame a second out of step with the countdown. Here ``done``
    is rounded to the half cells the bar can draw, so setting it every tick
    redraws only when the bar visibly grows.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"bar--bar", "bar--complete"}
    DEFAULT_CSS = """
    SessionBar {
        width: 1fr;
        height: 1;
    }
    """

    done: reactive[float] = reactive(0.0)

    def validate_done(self, done: float) -> float:
        """Clamp to [0, 1] and round down to a half cell, so unseen growth redraws nothing."""
        half_cells = self.size.width * 2
        done = min(1.0, max(0.0, done))
        return int(done * half_cells) / half_cells if half_cells else done

    def render(self) -> BarRenderable:
        """The bar, in its complete style once ``done`` reaches 1."""
        style = self.get_component_rich_style("bar--bar" if self.done < 1 else "bar--complete")
        return BarRenderable(
            highlight_range=(0, self.size.width * self.done),
            highlight_style=Style.from_color(style.color),
            background_style=Style.from_color(style.bgcolor),
        )


class SessionProgress(Widget):
    """Progress through the session's planned time, and what is left of it.

    The label changes once a second; the bar only when it grows by half a cell.
    """

    DEFAULT_CSS = """
    SessionProgress {
        height: 1;
        layout: horizontal;
    }
    SessionProgress Label {
        width: auto;
        padding: 0 0 0 1;
    }
    """

    remaining_s: reactive[int] = reactive(0, init=False, repaint=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._laid_out_length = 0

    def compose(self) -> ComposeResult:
        yield SessionBar()
        yield Label("", id="left")

    def show(self, total_s: float, remaining_s: float) -> None:
        """Set the bar from planned total and remaining seconds."""
        self.remaining_s = countdown_seconds(remaining_s)
        total = max(1, round(total_s))
        self.query_one(SessionBar).done = max(0, total - self.remaining_s) / total

    def watch_remaining_s(self, remaining_s: int) -> None:
        # A full layout pass is most of a frame's cost: lay out again only when
        # the text changes length (9:59 after 10:00), not every second.
        text = f"{clock(remaining_s)} left"
        relayout = len(text) != self._laid_out_length
        self._laid_out_length = len(text)
        self.query_one("#left", Label).update(text, layout=relayout)
