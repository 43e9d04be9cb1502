"""The session picker: the screen, its rows and its one table of keys."""

from isotimer.ui.screens.picker.entries import BROKEN, Entry, quick_start_hint
from isotimer.ui.screens.picker.keys import KEYS, PickerKey, WhileFiltering
from isotimer.ui.screens.picker.screen import PickerScreen

__all__ = [
    "BROKEN",
    "KEYS",
    "Entry",
    "PickerKey",
    "PickerScreen",
    "WhileFiltering",
    "quick_start_hint",
]
