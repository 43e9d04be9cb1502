"""The picker's rows at every size: fixed numbers, whose session it is, last done, cut text."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from isotimer.core.clock import FakeClock
from isotimer.core.history.records import Outcome, RunRecord
from isotimer.core.text.cut import ELLIPSIS
from isotimer.paths import Paths
from isotimer.storage.sessions.catalog import Origin, load_catalog
from isotimer.ui.screens.run import RunScreen
from isotimer.ui.widgets.key_bar import KeyBar
from isotimer.ui.widgets.session_table import SessionTable
from tests.unit.history_factories import hold_record

from .builders import catalog, make_app, session

NOW = datetime(2026, 12, 2, 18, 0, tzinfo=UTC)


def table_rows(app) -> list[list[str]]:
    table = app.screen.query_one(SessionTable)
    return [list(table.shown_cells(i).values()) for i in range(table.row_count)]


def column(app, key: str) -> list[str]:
    table = app.screen.query_one(SessionTable)
    return [table.shown_cells(i)[key] for i in range(table.row_count)]


def with_own_session(*names: str):
    """The test catalog as bundled sessions, plus the user's own sessions called ``names``."""
    base = catalog()
    for number, name in enumerate(names):
        own = session(f"own-{number}", name)
        base.sessions[own.id] = own
        base.origins[own.id] = Origin.OWN
    return base


async def test_a_session_the_user_adds_never_changes_a_bundled_number(tmp_path):
    app = make_app(tmp_path, catalog_=with_own_session("Aaa before all by name"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert [row[0] for row in table_rows(app)] == ["1", "2", "3", "4", "5"]
        assert column(app, "name")[2] == "Recovery day"
        assert column(app, "name")[4].startswith("Aaa")
        await pilot.press("3", "enter")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        screen = app.screen
        assert isinstance(screen, RunScreen) and screen.plan.session.id == "recovery-day"


async def test_numbers_stay_with_their_session_while_filtering(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"recovery", "escape")
        assert table_rows(app)[0][:2] == ["3", "Recovery day"]
        await pilot.press("3", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RunScreen) and screen.plan.session.id == "recovery-day"


async def test_the_users_own_and_edited_sessions_are_marked(tmp_path):
    base = with_own_session("Quick quads")
    base.origins["knee-tendon"] = Origin.EDITED
    app = make_app(tmp_path, catalog_=base)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        names = column(app, "name")
        assert "Knee tendon holds (edited)" in names
        assert "Quick quads (yours)" in names
        assert "Recovery day" in names


async def test_each_row_says_when_that_session_was_last_done(tmp_path):
    clock = FakeClock(wall=NOW)
    app = make_app(tmp_path, clock=clock)
    day_before = NOW - timedelta(days=1)
    assert app.history is not None
    app.history.begin_run(
        RunRecord(
            "r1", "recovery-day", "Recovery day", "beginner", day_before, outcome=Outcome.COMPLETED
        )
    )
    app.history.add_hold(hold_record(run_id="r1", session="recovery-day", at=day_before))
    # A run where nothing was held for a second is not a session done.
    assert app.history is not None
    app.history.begin_run(RunRecord("r2", "knee-tendon", "Knee tendon", "beginner", NOW))
    app.history.add_hold(hold_record(run_id="r2", session="knee-tendon", at=NOW, held_s=0.5))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        last = dict(zip(column(app, "name"), column(app, "last"), strict=True))
        assert last["Recovery day"] == "yesterday"
        assert last["Knee tendon holds"] == "never"


@pytest.mark.parametrize("size", [(80, 24), (40, 12)])
async def test_the_last_done_column_stays_at_80_by_24_and_40_by_12_the_day_after_a_run(
    tmp_path, size
):
    clock = FakeClock(wall=NOW)
    bundled = load_catalog(Paths(data_dir=tmp_path / "data"))  # the longest names we ship
    app = make_app(tmp_path, catalog_=bundled, clock=clock)
    day_before = NOW - timedelta(days=1)
    assert app.history is not None
    app.history.begin_run(
        RunRecord(
            "r1", "recovery-day", "Recovery day", "beginner", day_before, outcome=Outcome.COMPLETED
        )
    )
    app.history.add_hold(hold_record(run_id="r1", session="recovery-day", at=day_before))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert set(column(app, "last")) == {"yesterday", "never"}  # drawn whole, not cut


async def test_before_any_run_a_column_of_never_gives_way_to_the_names_at_40_by_12(tmp_path):
    """A first-time runner at 40x12: every Last cell would say "never", so the names keep
    the room (Full isometric circuit whole) rather than a column saying nothing."""
    bundled = load_catalog(Paths(data_dir=tmp_path / "data"))
    app = make_app(tmp_path, catalog_=bundled)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        names = column(app, "name")
        assert "last" not in app.screen.query_one(SessionTable).shown_cells(0)
        assert "Full isometric circuit" in names and "Hip stability holds" in names


async def test_start_help_and_quit_show_in_the_footer_at_80_by_24(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        assert bar.region.width == 80
        visible = {hint.description for hint in bar.hints() if hint.end <= 80}
        assert {"Start", "Help", "Quit"} <= visible


@pytest.mark.parametrize("size", [(80, 24), (40, 12), (60, 20)])
async def test_cut_text_ends_with_an_ellipsis_and_no_number_is_cut(tmp_path, size):
    long_name = "A very long session name about hip stability holds"
    base = with_own_session(long_name)
    app = make_app(tmp_path, catalog_=base)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        table = app.screen.query_one(SessionTable)
        widths = table.widths
        assert sum(widths.values()) + 2 * len(widths) <= table.size.width
        names = column(app, "name")
        assert any(name.startswith("A very") and ELLIPSIS in name for name in names)
        assert column(app, "time")[0] == "0:35"  # whole, never "0:3"
        for row in table_rows(app):
            for cell, key in zip(row, widths, strict=True):
                assert len(cell) <= widths[key]
