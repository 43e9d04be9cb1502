"""The figures of the exercise being charted: best, last, trend and balance."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from isotimer.core.history.review import ExerciseReview, balance_text, trend_text
from isotimer.core.history.stats import TREND_WEEKS, Balance
from isotimer.core.text.dates import day_text
from isotimer.core.text.durations import short


class ExerciseFacts(Vertical):
    """A line per figure; the balance line is ``-flagged`` when one side lags by over 10%."""

    def compose(self) -> ComposeResult:
        for name in ("best", "last", "trend", "balance"):
            yield Static(id=f"fact-{name}", classes="fact")

    def show(self, row: ExerciseReview, balance: Balance | None) -> None:
        """Fill the facts for ``row``; the L/R line shows only for a per-side exercise."""
        figures = row.stats
        trend = trend_text(figures.trend_s_per_week)
        self._set("best", f"Best   {short(figures.best_s)} on {day_text(figures.best_on)}")
        self._set(
            "last",
            f"Last   {short(figures.last_s)} on {day_text(figures.last_on)}"
            f" (target {short(figures.last_target_s)})",
        )
        self._set(
            "trend",
            f"Trend  {trend} over {TREND_WEEKS} weeks"
            if trend
            else f"Trend  too few days in the last {TREND_WEEKS} weeks",
        )
        shown = balance is not None and figures.side != "none"
        self._set("balance", f"L/R    {balance_text(balance)}" if shown and balance else "")
        self.query_one("#fact-balance").display = shown
        self.query_one("#fact-balance").set_class(bool(balance and balance.flagged), "-flagged")

    def _set(self, name: str, text: str) -> None:
        self.query_one(f"#fact-{name}", Static).update(text)
