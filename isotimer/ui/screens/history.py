"""The history review: progress per hold, balance, weeks and past sessions."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import date
from typing import ClassVar, NamedTuple

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, Static, TabbedContent, TabPane

from isotimer.core.history.review import ExerciseReview, Review, RunSummary, build_review
from isotimer.core.programme.schedule import WeekRecord
from isotimer.storage.history.errors import HistoryError
from isotimer.storage.history.store import HistoryStore
from isotimer.ui.screens.help import HelpScreen
from isotimer.ui.screens.run_detail import RunDetailScreen, ending_word
from isotimer.ui.style.literal import literal
from isotimer.ui.widgets.balance_table import BalanceTable
from isotimer.ui.widgets.chart_panel import ChartPanel
from isotimer.ui.widgets.exercise_facts import ExerciseFacts
from isotimer.ui.widgets.exercise_list import ExerciseList
from isotimer.ui.widgets.programme_weeks import ProgrammeWeeks
from isotimer.ui.widgets.session_list import SessionList
from isotimer.ui.widgets.weekly_summary import WeeklySummary

LOADING = "Reading your history…"
EMPTY = "No holds yet: finish a session and it shows up here."
UNAVAILABLE = (
    "Your history is unavailable, so there is nothing to review. "
    "isotimer said why when it started; sessions still run."
)
HELP_NOTES = (
    "Up and Down choose the hold to chart against its target.\n"
    "Balance flags a side more than 10% behind the other.\n"
    "Weeks counts sessions against the goal of two a week, and a programme's weeks.\n"
    "On Sessions, Enter shows a session's holds, ratings and note."
)
RUNS_SHOWN = 200  # the latest sessions; a runner scrolls back months, not decades
TABS = ("progress", "balance", "weeks", "sessions")


class _Loaded(NamedTuple):
    """What the screen opens with, from one read of the history."""

    review: Review
    run_count: int
    points: list[tuple[date, float]]
    tests: list[tuple[date, float]]


class HistoryScreen(Screen[None]):
    """Reviews the history without loading it: figures come from SQL aggregates.

    Every read runs in a thread (``asyncio.to_thread`` inside a worker), so the
    screen answers keys while a large history is read, and results land on the
    UI loop with no call_from_thread. The chart of a highlighted exercise is
    read when it is highlighted, the session list when its tab is first shown.
    Escape or q dismisses with None.
    """

    CSS_PATH = "../history.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("q", "back", "Back", show=False),
        *(Binding(tab[0], f"show_tab('{tab}')", tab.title()) for tab in TABS),
        Binding("question_mark", "help", "Help", key_display="?", show=False),
    ]

    class Populated(Message):
        """The figures and the first chart are on screen (or a message instead)."""

    def __init__(
        self,
        store: HistoryStore | None,
        today: date,
        programme: tuple[str, Sequence[WeekRecord]] | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.today = today
        self.programme = programme  # the name and weeks of the programme followed
        self.review: Review | None = None
        self.runs: list[RunSummary] = []
        self.run_count = 0
        self._runs_read = False
        self._populated = False
        self._charted: str | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="history-top"):
            yield Static("History", id="history-title")
            yield Static(id="history-totals")
        with ContentSwitcher(initial="history-message", id="history-body"):
            yield Static(LOADING, id="history-message")
            with TabbedContent(id="history-tabs"):
                with TabPane("Progress", id="progress"), Horizontal(id="progress-body"):
                    with Vertical(id="progress-left"):
                        yield ExerciseList(id="exercises")
                        yield ExerciseFacts(id="facts")
                    yield ChartPanel(id="progress-right")
                with TabPane("Balance", id="balance"), VerticalScroll(classes="tab-scroll"):
                    yield BalanceTable(id="balance-table")
                with TabPane("Weeks", id="weeks"), VerticalScroll(classes="tab-scroll"):
                    yield ProgrammeWeeks(id="programme-weeks")
                    yield WeeklySummary(id="weekly")
                with TabPane("Sessions", id="sessions"):
                    yield Static(id="sessions-title")
                    yield SessionList(id="session-list")
        yield Footer()

    def on_mount(self) -> None:
        name, weeks = self.programme or (None, ())
        self.query_one(ProgrammeWeeks).show_weeks(name, weeks)
        if self.store is None:
            self._say(UNAVAILABLE)
        else:
            self._load()

    # -- reading --------------------------------------------------------------------
    @work(exclusive=True, group="review")
    async def _load(self) -> None:
        store = self.store
        assert store is not None
        try:
            loaded = await asyncio.to_thread(self._read, store)
        except HistoryError as error:
            self._say(f"The history could not be read: {error.message}")
            return
        self.review, self.run_count = loaded.review, loaded.run_count
        if loaded.review.empty:
            self._say(EMPTY)
        else:
            self._show(loaded)

    def _read(self, store: HistoryStore) -> _Loaded:
        """Everything the screen opens with, the first chart too, in one go on a thread."""
        review = build_review(store, self.today)
        first = review.exercises[0].stats if review.exercises else None
        points = store.best_per_day(first.exercise, first.side) if first else []
        tests = store.test_points(first.exercise, first.side) if first else []
        return _Loaded(review, store.run_count(), points, tests)

    @work(exclusive=True, group="chart")
    async def _load_chart(self, row: ExerciseReview) -> None:
        assert self.store is not None
        figures = row.stats
        try:
            points = await asyncio.to_thread(
                self.store.best_per_day, figures.exercise, figures.side
            )
            tests = await asyncio.to_thread(self.store.test_points, figures.exercise, figures.side)
        except HistoryError as error:
            self.notify(f"The chart could not be read: {error.message}", severity="error")
            return
        self._show_exercise(row, points, tests)

    # -- showing ----------------------------------------------------------------------
    def _say(self, message: str) -> None:
        """Show ``message`` in place of the review: empty, unavailable, or unreadable."""
        self.query_one("#history-message", Static).update(literal(message))
        self.query_one("#history-message", Static).set_class(message != LOADING, "-final")
        self.query_one(ContentSwitcher).current = "history-message"
        self.refresh_bindings()
        self._announce()

    def _show(self, loaded: _Loaded) -> None:
        review = loaded.review
        sessions = "session" if loaded.run_count == 1 else "sessions"
        self.query_one("#history-totals", Static).update(
            f"{review.holds:,} holds · {loaded.run_count:,} {sessions}"
        )
        self.query_one(ExerciseList).show(review.exercises)
        self.query_one(BalanceTable).show(review)
        self.query_one(WeeklySummary).show(review.weeks, review.streak)
        self.query_one(ContentSwitcher).current = "history-tabs"
        self.refresh_bindings()
        self.query_one(ExerciseList).focus()
        first = review.exercises[0]
        self._charted = first.key  # filling the list highlights it too: chart it once
        self._show_exercise(first, loaded.points, loaded.tests)

    def _show_exercise(
        self,
        row: ExerciseReview,
        points: list[tuple[date, float]],
        tests: Sequence[tuple[date, float]] = (),
    ) -> None:
        assert self.review is not None
        self.query_one(ExerciseFacts).show(row, self.review.balances.get(row.stats.exercise))
        self.query_one(ChartPanel).show(row, points, tests)
        self._announce()

    def _announce(self) -> None:
        if not self._populated:
            self._populated = True
            self.post_message(self.Populated())

    @on(ExerciseList.ExerciseHighlighted)
    def _exercise_highlighted(self, event: ExerciseList.ExerciseHighlighted) -> None:
        row = self.review.find(event.key) if self.review else None
        if row is not None and event.key != self._charted:
            self._charted = event.key
            self._load_chart(row)

    @work(exclusive=True, group="runs")
    async def _load_runs(self) -> None:
        """The session list, read the first time its tab is shown."""
        assert self.store is not None
        try:
            self.runs, endings = await asyncio.to_thread(self._read_runs, self.store)
        except HistoryError as error:
            self.notify(f"The sessions could not be read: {error.message}", severity="error")
            return
        count, shown = self.run_count, len(self.runs)
        which = f"The latest {shown} of {count:,}" if count > shown else "All"
        self.query_one("#sessions-title", Static).update(
            f"{which} sessions, newest first. Enter shows a session's holds, ratings and note."
        )
        self.query_one(SessionList).show(self.runs, endings, self.today)

    @staticmethod
    def _read_runs(store: HistoryStore) -> tuple[list[RunSummary], dict[str, str]]:
        """The latest runs and each one's ending in the detail screen's word, on a thread."""
        runs = store.run_summaries(RUNS_SHOWN)
        return runs, {s.run.id: ending_word(s.run, store.run_holds(s.run.id)) for s in runs}

    @on(SessionList.RunChosen)
    def _run_chosen(self, event: SessionList.RunChosen) -> None:
        self._open_run(event.run_id)

    @work(exclusive=True, group="run")
    async def _open_run(self, run_id: str) -> None:
        summary = next((summary for summary in self.runs if summary.run.id == run_id), None)
        if summary is None or self.store is None:
            return
        try:
            holds = await asyncio.to_thread(self.store.run_holds, run_id)
            checkins = await asyncio.to_thread(self.store.checkins, [run_id])
        except HistoryError as error:
            self.notify(f"That session could not be read: {error.message}", severity="error")
            return
        self.app.push_screen(RunDetailScreen(summary.run, holds, checkins))

    # -- actions ----------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide the tab keys while there is no review to switch between."""
        if action == "show_tab":
            return self.review is not None and not self.review.empty
        return True

    def action_show_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab

    @on(TabbedContent.TabActivated)
    def _tab_shown(self, event: TabbedContent.TabActivated) -> None:
        """Keys go to the tab's list, so Enter opens a session and arrows move at once."""
        lists = {"progress": ExerciseList, "sessions": SessionList}
        kind = lists.get(str(event.pane.id))
        if kind is not None:
            self.query_one(kind).focus()
        if kind is SessionList and not self._runs_read:
            self._runs_read = True
            self._load_runs()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen("Your history", self.BINDINGS, HELP_NOTES))

    def action_back(self) -> None:
        self.dismiss(None)
