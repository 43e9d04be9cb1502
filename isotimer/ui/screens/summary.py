"""The end of a run: every hold as it went, time under tension, and how it felt."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, Static

from isotimer.core.bests import NewBest
from isotimer.core.checkins import checkin_sides
from isotimer.core.outcomes import SessionResult, describe_holds, session_result
from isotimer.core.timefmt import clock
from isotimer.ui.screens.help import HelpScreen
from isotimer.ui.screens.run import RunResult
from isotimer.ui.widgets.holds_table import holds_table


def parse_rating(text: str, low: int, high: int) -> int | None:
    """A whole number from ``low`` to ``high``, or None when left empty.

    Raises:
        ValueError: the text is not such a number.
    """
    text = text.strip()
    if not text:
        return None
    value = int(text)
    if not low <= value <= high:
        raise ValueError(f"must be {low} to {high}")
    return value


class SummaryScreen(Screen[None]):
    """Shows the result; the rating is optional and never in the way of leaving.

    Nothing is focused at first, so ``q`` quits and Enter leaves straight
    away; Tab moves into the rating fields, where Enter saves the rating.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "done", "Done"),
        Binding("escape", "done", "Done", show=False),
        Binding("q", "quit", "Quit"),
        Binding("h", "history", "History"),
        Binding("f", "save_fit", "Save as FIT"),
        Binding("tab", "rate", "Rate it", show=True),
        Binding("e", "export", "Export unsaved"),
        Binding("r", "retry", "Retry saving"),
        Binding("question_mark", "help", "Help", key_display="?"),
    ]
    AUTO_FOCUS = None

    def __init__(
        self,
        result: RunResult,
        *,
        export_dirs: tuple[Path, ...] = (),
        bests: Sequence[NewBest] = (),
    ) -> None:
        super().__init__()
        self.result = result
        self.recorder = result.recorder
        self.export_dirs = export_dirs or (Path.home(), Path.cwd())
        self.bests = tuple(bests)
        self.rated = False
        planned = len(result.plan.hold_steps)
        self.outcome = session_result(result.holds, planned, stopped=not result.completed)
        # A sore left Achilles must hold back only the left side: pain is rated per side.
        self.sides = checkin_sides(result.holds) if result.holds else ("none",)

    def compose(self) -> ComposeResult:
        plan = self.result.plan
        with VerticalScroll(id="summary"):
            yield Static(
                f"{plan.session.name} · {plan.level.value} · {self.outcome.value}",
                id="summary-title",
            )
            yield Static(self._totals(), id="totals")
            for best in self.bests:
                yield Static(f"★ {best.text()}", classes="new-best")
            yield Static(holds_table(self.result.holds) if self.result.holds else "", id="holds")
            yield Static(id="saved")
            yield Label("How did it feel? (optional: Tab to rate, Enter to save)", id="rate-title")
            with Horizontal(id="rating"):
                yield Label("Effort 1-10")
                yield Input(placeholder="-", id="effort", **_NUMBER)
                for side in self.sides:
                    yield Label("Pain 0-10" if side == "none" else f"Pain {side} 0-10")
                    yield Input(placeholder="-", id=_pain_id(side), **_NUMBER)
            yield Input(
                placeholder="a note, e.g. left knee twinged on set 2", id="note", compact=True
            )
        yield Footer()

    def on_mount(self) -> None:
        self._show_saved()

    def _totals(self) -> Text:
        holds = self.result.holds
        if self.outcome is SessionResult.NOT_A_SESSION:
            return Text(
                "No hold lasted a second, so this run does not count as a session "
                "(not in your sessions, the weekly count or the streak)."
            )
        held = sum(hold.held_s for hold in holds)
        planned = self.result.plan.time_under_tension_s
        text = Text()
        text.append(f"{clock(held)}", style="bold")
        text.append(f" under tension of {clock(planned)} planned · ")
        text.append(describe_holds(holds), style="bold")
        return text

    def _show_saved(self) -> None:
        pending = self.recorder.pending
        holds = [h for h in pending if h is not None]
        saved = self.query_one("#saved", Static)
        saved.set_class(bool(holds), "-warning")
        if holds:
            reason = self.recorder.last_error or "the history could not be written"
            count = f"{len(holds)} hold{'s are' if len(holds) != 1 else ' is'}"
            saved.update(f"⚠ {count} not saved: {reason} Press e to export them to a file.")
        elif self.recorder.store is not None:
            saved.update("Every hold is saved in your history.")
        else:
            saved.update("")
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("export", "retry"):
            return bool(self.recorder.pending)
        return True

    # -- rating -----------------------------------------------------------------
    def action_rate(self) -> None:
        if self.focused is None:
            self.query_one("#effort", Input).focus()
        else:
            self.focus_next()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        if self.save_rating(quiet=False):
            self.set_focus(None)

    def save_rating(self, *, quiet: bool = True) -> bool:
        """Attach effort, pain and note to the run; False when a number is out of range."""
        note = self.query_one("#note", Input).value.strip()
        try:
            effort = parse_rating(self.query_one("#effort", Input).value, 1, 10)
            pains = {
                side: parse_rating(self.query_one(f"#{_pain_id(side)}", Input).value, 0, 10)
                for side in self.sides
            }
        except ValueError:
            if not quiet:
                self.notify("Effort is 1 to 10 and pain 0 to 10.", severity="error")
            return False
        rated = [pain for pain in pains.values() if pain is not None]
        if effort is None and not rated and not note:
            return True
        if "none" in pains:
            self.recorder.rate(effort, pains["none"], note)
        else:
            self.recorder.rate(effort, max(rated, default=None), note, side_pain=pains)
        self.rated = True
        if not quiet:
            self.notify("Rating saved." if self.recorder.saved else "Rating kept; not yet saved.")
        self._show_saved()
        return True

    # -- leaving ------------------------------------------------------------------
    def action_done(self) -> None:
        if isinstance(self.focused, Input):
            self.set_focus(None)
            return
        self._save_quietly()
        self.dismiss(None)

    def action_quit(self) -> None:
        self._save_quietly()
        self.app.exit(return_code=0)

    class HistoryRequested(Message):
        """The runner pressed ``h``: the rating typed so far is saved first."""

    def action_history(self) -> None:
        self._save_quietly()
        self.post_message(self.HistoryRequested())

    class SaveFitRequested(Message):
        """The runner pressed ``f``: write this run as a FIT file (rating saved first)."""

        def __init__(self, run_id: str) -> None:
            super().__init__()
            self.run_id = run_id

    def action_save_fit(self) -> None:
        self._save_quietly()
        if self.recorder.pending:
            self.notify("Save the holds first (r): a FIT file is made from your history.")
            return
        self.post_message(self.SaveFitRequested(self.recorder.run_id))

    def _save_quietly(self) -> None:
        # A rating that cannot be saved is never a reason to stay on this screen.
        with contextlib.suppress(Exception):
            self.save_rating()

    def action_help(self) -> None:
        notes = (
            "Rating is optional. Tab moves into effort, pain and the note; "
            "Enter saves them; Escape leaves the fields, so q quits again."
        )
        self.app.push_screen(HelpScreen("The summary", self.BINDINGS, notes))

    # -- unsaved holds ------------------------------------------------------------
    def action_retry(self) -> None:
        if self.recorder.retry():
            self.notify("Saved: every hold is in your history now.")
        else:
            self.notify(self.recorder.last_error or "Still cannot save.", severity="warning")
        self._show_saved()

    def action_export(self) -> None:
        name = f"isotimer-unsaved-{self.recorder.run_id[:8]}.json"
        problems = []
        for folder in self.export_dirs:
            try:
                path = self.recorder.export_pending(folder / name)
            except OSError as error:
                problems.append(f"{folder}: {error.strerror or error}")
                continue
            self.notify(f"Unsaved holds written to {path}", timeout=15)
            return
        self.notify("Could not export: " + "; ".join(problems), severity="error", timeout=15)


_NUMBER = {"type": "integer", "max_length": 2, "compact": True}


def _pain_id(side: str) -> str:
    return "pain" if side == "none" else f"pain-{side}"
