"""The picker's key bar: the keys that apply now, whole or not at all, and clickable."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from isotimer.ui.screens.help import HelpScreen
from isotimer.ui.widgets.key_bar import KeyBar

from .builders import make_app


class BarApp(App[None]):
    """A key bar under some text, with a key that applies, one that does not, one hidden."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("g", "go", "Go"),
        Binding("o", "off", "Off for now"),
        Binding("h", "hidden", "Hidden", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.went = 0
        self.bells = 0

    def compose(self) -> ComposeResult:
        yield Static("body")
        yield KeyBar()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "off" else True

    def action_go(self) -> None:
        self.went += 1

    def bell(self) -> None:
        self.bells += 1


def drawn(bar: KeyBar) -> str:
    """The bar's line as it is drawn now (its render cache, so a missed refresh shows)."""
    return bar.render_line(0).text


async def test_shown_keys_are_drawn_left_to_right_and_the_palette_on_the_right():
    app = BarApp()
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.pause()
        bar = app.query_one(KeyBar)
        hints = bar.hints()
        assert [(hint.key_display, hint.description, hint.enabled) for hint in hints] == [
            ("g", "Go", True),
            ("o", "Off for now", False),
        ]
        assert [(hint.start, hint.end) for hint in hints] == [(0, 6), (6, 21)]
        line = drawn(bar)
        assert line.startswith(" g Go  o Off for now ")
        assert line.endswith("▏^p palette ") and len(line) == 60
        assert "Hidden" not in line


async def test_clicking_a_key_presses_it_and_a_key_that_does_not_apply_only_rings():
    app = BarApp()
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.pause()
        await pilot.click(KeyBar, offset=(3, 0))
        await pilot.click(KeyBar, offset=(10, 0))
        await pilot.click(KeyBar, offset=(30, 0))  # between the keys and the palette: nothing
        await pilot.pause()
        assert (app.went, app.bells) == (1, 1)


async def test_hovering_a_key_marks_it_until_the_pointer_leaves():
    app = BarApp()
    async with app.run_test(size=(60, 5)) as pilot:
        bar = app.query_one(KeyBar)
        await pilot.hover(KeyBar, offset=(8, 0))
        assert bar.hovered == "o"
        await pilot.hover(Static)
        assert bar.hovered is None


async def test_a_narrow_bar_drops_the_palette_first_then_whole_keys():
    app = BarApp()
    async with app.run_test(size=(25, 5)) as pilot:
        await pilot.pause()
        bar = app.query_one(KeyBar)
        assert [hint.description for hint in bar.hints()] == ["Go", "Off for now"]
        assert "palette" not in drawn(bar)
        await pilot.resize_terminal(15, 5)
        await pilot.pause()
        assert [hint.description for hint in bar.hints()] == ["Go"]
        assert drawn(bar).rstrip() == " g Go"
        await pilot.resize_terminal(4, 5)
        await pilot.pause()
        assert bar.hints() == [] and drawn(bar).strip() == ""


async def test_the_bar_follows_the_focus(tmp_path):
    """On the picker, the filter takes the letter keys: the bar is redrawn without them."""
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        assert drawn(bar).startswith(" ⏎ Start  ? Help  q Quit ")
        await pilot.press("slash")
        await pilot.pause()
        assert "Quit" not in drawn(bar) and "palette" in drawn(bar)
        await pilot.press("escape")
        await pilot.pause()
        assert drawn(bar).startswith(" ⏎ Start  ? Help  q Quit ")


async def test_clicking_help_on_the_picker_opens_the_help(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        help_hint = next(h for h in app.screen.query_one(KeyBar).hints() if h.description == "Help")
        await pilot.click(KeyBar, offset=(help_hint.start + 1, 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
