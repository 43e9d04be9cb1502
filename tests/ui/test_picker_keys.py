"""The picker's one table of keys: its bindings, footer and filter all follow it."""

from __future__ import annotations

import pytest
from textual.binding import Binding

from isotimer.ui.screens.picker import KEYS, PickerKey, PickerScreen, WhileFiltering
from isotimer.ui.screens.picker.keys import LIST_KEYS, filtering_rules
from isotimer.ui.widgets.filter_line import FilterLine
from isotimer.ui.widgets.key_bar import KeyBar

from .builders import make_app

SIZE = (120, 30)  # wide enough for every footer key
TYPED = [key for key in KEYS if key.filtering is WhileFiltering.TYPES and key.character]


def footer(picker: PickerScreen) -> list[str]:
    return [hint.description for hint in picker.query_one(KeyBar).hints()]


def test_each_key_is_bound_once_as_the_table_says():
    bindings = list(Binding.make_bindings(PickerScreen.BINDINGS))
    assert [(b.action, b.description) for b in bindings] == [
        (key.action, key.description) for key in KEYS
    ]
    assert len({b.key for b in bindings}) == len(bindings)


def test_two_keys_of_one_action_must_agree_while_filtering():
    keys = (
        PickerKey("a", "go", filtering=WhileFiltering.TYPES),
        PickerKey("ctrl+g", "go"),
    )
    with pytest.raises(ValueError, match="'go'"):
        filtering_rules(keys)


async def test_the_footer_shows_the_table_s_footer_keys_on_the_list_and_while_filtering(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        listed = [key.description for key in KEYS if key.footer]
        on_list = [d for d in listed if d != "Done filtering"]
        assert footer(picker) == ["Start", *on_list]  # Start is the list's own Enter
        await pilot.press("slash")
        assert footer(picker) == ["Start", "Done filtering"]


@pytest.mark.parametrize("key", TYPED, ids=[key.key for key in TYPED])
async def test_a_list_key_acts_on_the_list_but_types_while_filtering(tmp_path, key):
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        line = picker.query_one(FilterLine)
        assert key.character in LIST_KEYS
        await pilot.press("slash", key.key)
        assert line.value == key.character
        assert line.filtering and app.screen is picker and app.is_running


async def test_while_filtering_only_the_keys_the_table_keeps_apply(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        for filtering in (False, True):
            picker.query_one(FilterLine).filtering = filtering
            applies = {key.key: picker.check_action(key.action_name, ()) for key in KEYS}
            assert applies == {
                key.key: {
                    WhileFiltering.SAME: True,
                    WhileFiltering.TYPES: not filtering,
                    WhileFiltering.ONLY: filtering,
                }[key.filtering]
                for key in KEYS
            }
        assert applies["delete"] is False and applies["enter"] is True
