"""The history screen driven by the pilot over a real store built from fixed records."""

from __future__ import annotations

import asyncio
import io
import threading
from datetime import timedelta

import pytest
from rich.console import Console
from rich.style import Style
from textual.app import App
from textual.widgets import ContentSwitcher, Static, TabbedContent, TabPane

from isotimer.core.history.records import CheckIn
from isotimer.storage.history.errors import HistoryError
from isotimer.storage.history.store import HistoryStore
from isotimer.ui.screens.history import EMPTY, UNAVAILABLE, HistoryScreen
from isotimer.ui.screens.run_detail import RunDetailScreen
from isotimer.ui.widgets.balance_table import BalanceTable
from isotimer.ui.widgets.exercise_facts import ExerciseFacts
from isotimer.ui.widgets.exercise_list import ExerciseList
from isotimer.ui.widgets.hold_chart import HoldChart
from isotimer.ui.widgets.session_list import SessionList
from isotimer.ui.widgets.weekly_summary import WeeklySummary
from tests.ui.history_builders import LAST_NOTE, TODAY, review_holds
from tests.unit.history_factories import T0

SIZE = (100, 30)
UNSET = object()


class Host(App[None]):
    """Opens the history screen at once and keeps what it is dismissed with."""

    def __init__(self, store: HistoryStore | None) -> None:
        super().__init__()
        self.store = store
        self.result: object = UNSET
        self.populated = asyncio.Event()

    def on_mount(self) -> None:
        self.push_screen(HistoryScreen(self.store, TODAY), self.keep)

    def keep(self, result: None) -> None:
        self.result = result

    def on_history_screen_populated(self) -> None:
        self.populated.set()


@pytest.fixture
def review_history(store) -> None:
    """The shared ``store`` (tests/conftest.py) holding the history every test here reads."""
    store.import_holds(review_holds())


pytestmark = pytest.mark.usefixtures("review_history")


async def opened(pilot) -> HistoryScreen:
    """Wait until the screen has shown its figures and first chart."""
    await asyncio.wait_for(pilot.app.populated.wait(), timeout=10)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return pilot.app.screen


async def settle(pilot, *keys: str) -> None:
    """Press ``keys``, then let their messages land and the reads they start finish."""
    for key in keys:
        await pilot.press(key)
        for _ in range(3):
            await pilot.pause()
            await pilot.app.workers.wait_for_complete()


def text(widget: Static) -> str:
    return str(widget.render())


def plain(widget) -> str:
    """What a widget that draws Rich renderables shows, as lines of text."""
    console = Console(width=widget.size.width, file=io.StringIO())
    lines = console.render_lines(widget.render(), pad=False)
    return "\n".join("".join(segment.text for segment in line).rstrip() for line in lines)


def styles_of(widget, words: str) -> list[Style]:
    """The styles of the segments of ``widget``'s drawing whose text is ``words``."""
    console = Console(width=widget.size.width, file=io.StringIO())
    lines = console.render_lines(widget.render(), pad=False)
    return [segment.style for line in lines for segment in line if segment.text == words]


def row_text(table, key: str) -> list[str]:
    return [str(cell) for cell in table.get_row(key)]


async def test_the_list_shows_each_exercise_and_side_with_best_last_and_trend(store):
    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(pilot)
        table = screen.query_one(ExerciseList)
        assert [key.value for key in table.rows] == [
            "calf-raise-hold:left",
            "calf-raise-hold:right",
            "side-plank:left",
            "side-plank:right",
            "wall-sit:none",
        ]
        assert row_text(table, "side-plank:right") == [
            "Side plank (right)",
            "30 s",
            "27 s",
            "+0.0 s",
        ]
        assert row_text(table, "wall-sit:none") == ["Wall sit", "50 s", "50 s", "+2.1 s"]
        assert text(screen.query_one("#history-totals", Static)) == "114 holds · 23 sessions"
        assert table.has_focus


async def test_moving_down_the_list_charts_that_exercise_with_its_target(store):
    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(pilot)
        chart = screen.query_one(HoldChart)
        assert chart.series.target_s == 45.0
        await settle(pilot, "down", "down", "down", "down")
        assert chart.series.points == tuple(store.best_per_day("wall-sit", "none"))
        assert (chart.series.target_s, chart.series.best_s) == (50.0, 50.0)
        assert text(screen.query_one("#chart-title", Static)).startswith("Wall sit")
        assert text(screen.query_one("#legend-target", Static)) == "── target 50 s"
        facts = screen.query_one(ExerciseFacts)
        assert "Trend  +2.1 s/wk over 8 weeks" in text(facts.query_one("#fact-trend", Static))
        assert not facts.query_one("#fact-balance").display


async def test_a_side_lagging_by_more_than_ten_percent_is_flagged(store):
    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(pilot)
        await settle(pilot, "b")
        assert screen.query_one(TabbedContent).active == "balance"
        table = screen.query_one(BalanceTable)
        flagged = table.get_component_rich_style("balance-table--flagged")
        assert styles_of(table, "⚠ right lags by 22.9%") == [flagged]
        assert "Calf raise hold            45 s    45 s   even" in plain(table)
        await settle(pilot, "p", "down", "down", "down")
        balance = screen.query_one("#fact-balance", Static)
        assert balance.display and balance.has_class("-flagged")


async def test_weeks_show_sessions_against_the_goal_and_the_streak(store):
    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(pilot)
        await settle(pilot, "w")
        lines = plain(screen.query_one(WeeklySummary)).splitlines()
        assert lines[0] == "Streak: 10 weeks in a row with 2 or more sessions."
        assert lines[1] == "This week: 1 session (goal: 2), 1 to go · 2:42 under tension."
        weeks = [line for line in lines if "●" in line or "○" in line]
        assert weeks[0].startswith("Mon 26 Jan  ●● 2               5:57")
        assert [line.endswith("✓ goal") for line in weeks] == [True] * 7 + [False]


async def test_the_review_has_no_targets_of_its_own(store):
    """Targets belong to a session (the picker, the run, ``isotimer targets``)."""
    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(pilot)
        assert [pane.id for pane in screen.query(TabPane)] == [
            "progress", "balance", "weeks", "sessions"
        ]  # fmt: skip
        assert not screen.query("#fact-next")


async def test_enter_on_a_past_session_shows_its_holds_ratings_and_note(store):
    store.add_checkins([CheckIn("c1", "run-22", T0 + timedelta(days=80), "left", "worse", 4)])
    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(pilot)
        await settle(pilot, "s")
        assert screen.query_one(SessionList).has_focus
        await settle(pilot, "enter")
        detail = app.screen
        assert isinstance(detail, RunDetailScreen)
        assert detail.run.id == "run-22"
        assert [hold.id for hold in detail.holds] == [f"run-22-{n}" for n in range(4)]
        assert text(detail.query_one("#run-rating", Static)) == "Effort 7/10 · Pain 4/10"
        assert text(detail.query_one("#run-note", Static)) == f"Note: {LAST_NOTE}"
        morning = text(detail.query_one("#run-morning", Static))
        assert morning == "Morning after: left side: worse, pain 4/10"
        await settle(pilot, "escape")
        assert app.screen is screen


async def test_an_empty_history_says_how_to_fill_it(tmp_path):
    with HistoryStore.open(tmp_path / "history.sqlite3") as empty:
        app = Host(empty)
        async with app.run_test(size=SIZE) as pilot:
            screen = await opened(pilot)
            assert screen.query_one(ContentSwitcher).current == "history-message"
            assert text(screen.query_one("#history-message", Static)) == EMPTY
            assert screen.query(HoldChart).first().series is None
            await settle(pilot, "s")
            assert screen.query_one(ContentSwitcher).current == "history-message"


async def test_without_a_history_it_says_so():
    app = Host(None)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(pilot)
        assert text(screen.query_one("#history-message", Static)) == UNAVAILABLE
        assert screen.query_one(ContentSwitcher).current == "history-message"


async def test_a_history_that_fails_to_read_says_why(store, monkeypatch):
    def broken(today):
        raise HistoryError("disk on fire")

    monkeypatch.setattr(store, "side_stats", broken)
    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(pilot)
        message = text(screen.query_one("#history-message", Static))
        assert message == "The history could not be read: disk on fire"


async def test_the_history_is_read_off_the_ui_thread(store, monkeypatch):
    threads = []
    for name in ("side_stats", "best_per_day"):
        method = getattr(store, name)

        def spy(*args, method=method):
            threads.append(threading.current_thread())
            return method(*args)

        monkeypatch.setattr(store, name, spy)
    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
    assert len(threads) == 2
    assert threading.main_thread() not in threads


@pytest.mark.parametrize("key", ["escape", "q"])
async def test_escape_or_q_goes_back(store, key):
    app = Host(store)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await settle(pilot, key)
        assert app.result is None
        assert not isinstance(app.screen, HistoryScreen)
