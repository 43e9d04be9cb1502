"""The filter line: what it reads and shows as the picker types into it."""

from __future__ import annotations

from textual.app import App, ComposeResult

from isotimer.ui.widgets.filter_line import MAX_LENGTH, PLACEHOLDER, FilterLine


class LineApp(App[None]):
    CSS = "FilterLine { width: 10; }"

    def compose(self) -> ComposeResult:
        yield FilterLine()


def shown(line: FilterLine) -> str:
    return line.render().plain


async def test_a_long_filter_keeps_its_end_in_sight_with_the_cursor_after_it():
    app = LineApp()
    async with app.run_test() as pilot:
        line = app.query_one(FilterLine)
        line.filtering = True
        line.type("knee tendon holds")
        await pilot.pause()
        assert shown(line) == "don holds "  # nine letters and the cursor, in ten columns
        line.filtering = False
        assert shown(line) == "ndon holds"


async def test_the_placeholder_shows_while_empty_behind_the_cursor_when_filtering():
    app = LineApp()
    async with app.run_test() as pilot:
        line = app.query_one(FilterLine)
        await pilot.pause()
        assert shown(line) == PLACEHOLDER
        line.filtering = True
        assert shown(line) == " " + PLACEHOLDER and line.has_class("-filtering")


async def test_edit_keys_delete_and_other_keys_are_left_to_the_screen():
    app = LineApp()
    async with app.run_test():
        line = app.query_one(FilterLine)
        for key, character in [("k", "k"), ("n", "n"), ("space", " "), ("backspace", None)]:
            assert line.edit(key, character)
        assert line.value == "kn"
        assert not line.edit("tab", None) and not line.edit("down", None)
        line.type("ee  tendon  ")
        assert line.edit("ctrl+w", None) and line.value == "knee  "
        assert line.edit("ctrl+u", None) and line.value == ""
        assert line.edit("ctrl+w", None) and line.value == ""  # nothing left to take


async def test_wide_letters_fit_the_line_and_a_huge_paste_stops_at_the_cap():
    app = LineApp()
    async with app.run_test():
        line = app.query_one(FilterLine)
        line.type("ランナー")  # two columns each: four letters, eight columns
        line.type("日本")
        assert shown(line) == "ンナー日本"  # ten columns of the twelve, from the end
        line.clear()
        line.type("wall sit " * 100_000)
        assert len(line.value) == MAX_LENGTH and shown(line) == line.value[-10:]
