"""The end of a run: every hold as it went, time under tension, and how it felt."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Footer, Input, Label, Static

from isotimer.core.coach.body import RedFlag, pain_flag
from isotimer.core.history.bests import NewBest
from isotimer.core.history.checkins import checkin_sides
from isotimer.core.history.hold_tests import NewTestBest
from isotimer.core.history.ratings import parse_rating
from isotimer.core.run.outcomes import SessionResult, counted, describe_holds, session_result
from isotimer.core.text.durations import clock
from isotimer.core.text.printable import printable
from isotimer.storage.history.store import HistoryStore
from isotimer.storage.today import red_flags
from isotimer.ui.screens.form_keys import IN_ORDER_FOCUS
from isotimer.ui.screens.help import HelpScreen
from isotimer.ui.screens.run import RunResult
from isotimer.ui.screens.unsaved_holds import UnsavedHolds
from isotimer.ui.style.literal import literal
from isotimer.ui.widgets.holds_table import holds_table

# While the writer thread still has this run's writes, the saved line is refreshed this often.
SAVING_POLL_S = 0.25


class SummaryScreen(UnsavedHolds):
    """Shows the result; the rating is optional and never in the way of leaving.

    Nothing is focused at first, so ``q`` quits and Enter leaves straight
    away; Tab moves into the rating fields, where Enter saves the rating.
    Holds the history refused never go without a choice: leaving asks to
    retry (``reopen`` gives a fresh store), export them, or discard them.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "done", "Done"),
        Binding("escape", "done", "Done", show=False),
        Binding("q", "quit", "Quit"),
        Binding("h", "history", "History"),
        Binding("f", "save_fit", "Save as FIT"),
        # Priority, as in form_keys: a key typed straight after Tab meets the next field.
        Binding("tab", "rate", "Rate it", show=True, priority=True),
        IN_ORDER_FOCUS[1],
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
        reopen: Callable[[], HistoryStore] | None = None,
        bests: Sequence[NewBest | NewTestBest] = (),
    ) -> None:
        super().__init__()
        self.result = result
        self.recorder = result.recorder
        self.export_dirs = export_dirs or (Path.home(), Path.cwd())
        self.reopen = reopen
        self.bests = tuple(bests)
        self.rated = False
        self._rating_told = True  # until Enter saves a rating that then lands (or fails)
        self.let_go = False  # the unsaved holds were exported or knowingly discarded
        self._shown_saved: tuple[str, bool] | None = None
        self._flagged: set[tuple[str, str]] = set()  # (exercise, side) red flags said
        planned = len(result.plan.hold_steps)
        self.outcome = session_result(result.holds, planned, stopped=not result.completed)
        # A sore left Achilles must hold back only the left side: pain is rated per side.
        self.sides = checkin_sides(result.holds) if result.holds else ("none",)

    def compose(self) -> ComposeResult:
        plan = self.result.plan
        with VerticalScroll(id="summary"):
            title = f"{plan.session.name} · {plan.level.value} · {self.outcome.value}"
            yield Static(literal(title), id="summary-title")
            yield Static(self._totals(), id="totals")
            for best in self.bests:
                yield Static(f"★ {best.text()}", classes="new-best")
            # A set redone after ``b`` is listed once, as the history counts it.
            holds = counted(self.result.holds)
            yield Static(holds_table(holds) if holds else "", id="holds")
            yield Static(self._saved_text(), id="saved", markup=False)
            yield Label("How did it feel? (optional: Tab to rate, Enter to save)", id="rate-title")
            # One field a line when narrow (app.tcss), so "Pain right" is never cut off.
            with Horizontal(id="rating"):
                with Horizontal(classes="rating-field"):
                    yield Label("Effort 1-10")
                    yield _number_input("effort")
                for side in self.sides:
                    with Horizontal(classes="rating-field"):
                        yield Label("Pain 0-10" if side == "none" else f"Pain {side} 0-10")
                        yield _number_input(_pain_id(side))
            yield Input(
                placeholder="a note, e.g. left knee twinged on set 2", id="note", compact=True
            )
        yield Footer()

    def on_mount(self) -> None:
        self._show_saved()
        self.set_interval(SAVING_POLL_S, self._show_saved)

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

    def _saved_text(self) -> str:
        holds = self.recorder.pending
        if holds and self.recorder.last_error is None and self.recorder.behind:
            return "Saving…"
        if holds:
            reason = self.recorder.last_error or "the history could not be written"
            count = f"{len(holds)} hold{'s are' if len(holds) != 1 else ' is'}"
            return printable(f"⚠ {count} not saved: {reason} Press r to retry or e to export them.")
        return "Every hold is saved in your history." if self.recorder.store is not None else ""

    def _show_saved(self) -> None:
        # Also called from a timer and after keys: never assume the screen is still mounted.
        self._tell_rating()
        text, pending = self._saved_text(), bool(self.recorder.pending)
        if (text, pending) == self._shown_saved:
            return
        self._shown_saved = (text, pending)
        for saved in self.query("#saved").results(Static):
            saved.set_class(pending, "-warning")
            saved.update(text)
        if self.is_mounted:
            self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer export and retry only while holds are still waiting to be saved."""
        if action in ("export", "retry"):
            return bool(self.recorder.pending)
        return True

    # -- rating -----------------------------------------------------------------
    def action_rate(self) -> None:
        # set_focus, not focus(): focus() moves later, after the keys already read.
        if self.focused is None:
            self.set_focus(self.query_one("#effort", Input))
        else:
            self.focus_next()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        if self.save_rating(quiet=False):
            self.set_focus(None)

    def save_rating(self, *, quiet: bool = True) -> bool:
        """Attach effort, pain and note to the run; False when a number is out of range."""
        # A pasted escape sequence is kept as its visible picture, never stored raw.
        note = printable(self.query_one("#note", Input).value.strip())
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
        self._rating_told = quiet
        self._show_saved()
        self._say_red_flags(pains)
        return True

    def _say_red_flags(self, pains: dict[str, int | None]) -> None:
        """Pain 7 or more is a red flag (README, rule 4): say so plainly, once per hold."""
        flags: dict[tuple[str, str], tuple[str, RedFlag]] = {}
        worst = max((pain for pain in pains.values() if pain is not None), default=None)
        for hold in self.result.holds:
            pain = pains.get(hold.side, worst)
            flag = pain_flag(hold.exercise, hold.side, pain, hold.started_at, hold.run_id)
            if flag is not None:
                flags.setdefault((hold.exercise, hold.side), (hold.exercise_name, flag))
        for name, flag in flags.values():
            self._say_flag(name, flag)

    def _say_flag(self, name: str, flag: RedFlag) -> None:
        if (flag.exercise, flag.side) not in self._flagged:
            self._flagged.add((flag.exercise, flag.side))
            self.notify(flag.sentence(name), title="Red flag", severity="error", timeout=30)

    def _say_history_flags(self) -> None:
        """Once the rating is in the history, the flags it raises with the runs before it:
        pain rising over two sessions in a row shows only beside them (rule 4)."""
        store, holds = self.recorder.store, self.result.holds
        if store is None or not holds:
            return
        names = {hold.exercise: hold.exercise_name for hold in holds}
        today = holds[-1].started_at.date()
        for flag in red_flags(store, {(hold.exercise, hold.side) for hold in holds}, today):
            if flag.run_id == self.recorder.run_id:
                self._say_flag(names[flag.exercise], flag)

    def _tell_rating(self) -> None:
        """Once the rating Enter saved is in the history (or could not be), say so, once.

        The writer thread saves it a moment after Enter: saying "not yet saved"
        then would be wrong a moment later, so the notice waits for the write.
        """
        if self._rating_told:
            return
        if self.recorder.saved:
            self._rating_told = True
            self.notify("Rating saved in your history.")
            self._say_history_flags()
        elif self.recorder.last_error is not None:
            self._rating_told = True
            self.notify(f"Rating not saved: {self.recorder.last_error}", severity="warning")

    # -- leaving ------------------------------------------------------------------
    def action_done(self) -> None:
        if isinstance(self.focused, Input):
            self.set_focus(None)
            return
        self._save_quietly()
        self._leave(partial(self.dismiss, None))

    def action_quit(self) -> None:
        self._save_quietly()
        self._leave(partial(self.app.exit, return_code=0))

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


def _number_input(input_id: str) -> Input:
    """A two-digit field for a rating from 0 to 10."""
    return Input(placeholder="-", id=input_id, type="integer", max_length=2, compact=True)


def _pain_id(side: str) -> str:
    return "pain" if side == "none" else f"pain-{side}"
