"""The picker's session list as a widget: the highlight, scrolling under a fixed header, clicks."""

from __future__ import annotations

from textual.app import App, ComposeResult

from isotimer.ui.widgets.session_table import SessionRow, SessionTable

ROWS = [SessionRow(f"s{n}", str(n), f"Session {n}", time="1:00") for n in range(1, 21)]


class Host(App[None]):
    """The list alone, filling a small screen, recording what it posts."""

    def __init__(self, rows: list[SessionRow]) -> None:
        super().__init__()
        self.rows = rows
        self.posted: list[str] = []

    def compose(self) -> ComposeResult:
        yield SessionTable(id="sessions")

    def on_mount(self) -> None:
        table = self.query_one(SessionTable)
        table.styles.height = "1fr"
        table.show_rows(self.rows)
        table.focus()

    def on_session_table_highlighted(self) -> None:
        self.posted.append(f"highlighted {self.query_one(SessionTable).cursor_key}")

    def on_session_table_selected(self) -> None:
        self.posted.append(f"selected {self.query_one(SessionTable).cursor_key}")


def screen_lines(app: App) -> list[str]:
    table = app.query_one(SessionTable)
    return [table.render_line(y).text for y in range(table.size.height)]


async def test_moving_down_past_the_bottom_scrolls_and_the_header_stays():
    app = Host(ROWS)
    async with app.run_test(size=(40, 8)) as pilot:
        table = app.query_one(SessionTable)
        for _ in range(10):
            await pilot.press("down")
        assert table.cursor_key == "s11"
        lines = screen_lines(app)
        assert lines[0].split()[:3] == ["#", "Session", "Time"]
        assert "Session 11" in lines[-1]  # the highlight is the last line in view
        assert all("Session 1 " not in line for line in lines)  # the top rows scrolled away
        await pilot.press("home")
        assert table.cursor_key == "s1" and "Session 1 " in screen_lines(app)[1]
        await pilot.press("end")
        assert table.cursor_key == "s20" and "Session 20" in screen_lines(app)[-1]


async def test_page_keys_move_a_screenful_and_stop_at_the_ends():
    app = Host(ROWS)
    async with app.run_test(size=(40, 8)) as pilot:
        table = app.query_one(SessionTable)
        await pilot.press("pagedown")
        assert table.cursor_row == table.scrollable_content_region.height - 1
        for _ in range(5):
            await pilot.press("pagedown")
        assert table.cursor_key == "s20"
        for _ in range(6):
            await pilot.press("pageup")
        assert table.cursor_key == "s1"
        await pilot.press("up")
        assert table.cursor_key == "s1"


async def test_each_move_says_highlighted_and_enter_or_a_click_says_selected():
    app = Host(ROWS[:5])
    async with app.run_test(size=(40, 8)) as pilot:
        await pilot.press("down", "enter")
        await pilot.click(SessionTable, offset=(4, 4))  # the fourth row: under the header
        await pilot.pause()
        assert app.posted == ["highlighted s2", "selected s2", "highlighted s4", "selected s4"]
        await pilot.click(SessionTable, offset=(4, 0))  # the header selects nothing
        await pilot.pause()
        assert app.posted[-1] == "selected s4" and len(app.posted) == 4


async def test_new_rows_keep_the_highlight_on_the_same_session():
    app = Host(ROWS[:5])
    async with app.run_test(size=(40, 8)) as pilot:
        table = app.query_one(SessionTable)
        await pilot.press("down", "down")
        table.show_rows([ROWS[2], ROWS[4]])  # a filter that keeps session 3
        assert table.cursor_key == "s3" and table.cursor_row == 0
        table.show_rows([ROWS[4]])  # and one that hides it
        assert table.cursor_key == "s5"
        table.show_rows([])
        assert table.cursor_key is None and table.row_count == 0
        assert screen_lines(app)[1].strip() == ""


async def test_columns_are_fitted_to_the_width_each_line_is_drawn_at():
    app = Host(ROWS[:3])
    async with app.run_test(size=(60, 8)) as pilot:
        table = app.query_one(SessionTable)
        wide = dict(table.widths)
        await pilot.resize_terminal(24, 8)
        await pilot.pause()
        narrow = table.widths
        assert "tags" in wide and "tags" not in narrow  # the least needed column gave way
        assert sum(narrow.values()) + 2 * len(narrow) <= table.size.width
        assert all(len(line) <= 24 for line in screen_lines(app))


async def test_a_click_on_the_header_of_a_scrolled_list_selects_nothing():
    app = Host(ROWS)
    async with app.run_test(size=(40, 8)) as pilot:
        await pilot.press("end")
        app.posted.clear()
        await pilot.click(SessionTable, offset=(4, 0))
        await pilot.pause()
        assert app.posted == [] and app.query_one(SessionTable).cursor_key == "s20"
