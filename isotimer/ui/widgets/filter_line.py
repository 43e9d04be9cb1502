"""The picker's filter line: typed into by the picker, never focused itself.

The list keeps the focus while the runner filters, and the picker puts each
key into this line as it reaches the screen. Had the line taken the focus, a
burst of keys (a paste, a fast typist, tmux send-keys, a phone keyboard)
would be split: those already sent to the list would reach the line after
those sent to it straight away, and the filter would read ``ntiy`` for
``tiny``. One route for every key keeps them in the order typed.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

PLACEHOLDER = "type to filter"
MAX_LENGTH = 200  # far more than any name and tags; a stray paste of a whole file stops here


class FilterLine(Widget, can_focus=False):
    """One line of filter text with a cursor at its end while the runner is filtering."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"filter-line--cursor", "filter-line--placeholder"}
    # The look of a compact Input, which this replaced: focused while filtering.
    DEFAULT_CSS = """
    FilterLine {
        height: 1;
        background: $surface;
        color: $foreground;
        pointer: text;
        &.-filtering { background-tint: $foreground 5%; }
        & > .filter-line--cursor {
            background: $input-cursor-background;
            color: $input-cursor-foreground;
            text-style: $input-cursor-text-style;
        }
        & > .filter-line--placeholder { color: $text-disabled; }
        &:ansi > .filter-line--cursor {
            background: ansi_white;
            color: ansi_black;
        }
    }
    """

    value: reactive[str] = reactive("", init=False)
    filtering: reactive[bool] = reactive(False, init=False)

    class Clicked(Message):
        """The runner clicked the line: they mean to type a filter."""

    def watch_filtering(self, filtering: bool) -> None:
        self.set_class(filtering, "-filtering")

    def edit(self, key: str, character: str | None) -> bool:
        """Apply a key typed while filtering; False if it is not one the line takes."""
        edits = {"backspace": self.delete_left, "ctrl+w": self.delete_word, "ctrl+u": self.clear}
        if key in edits:
            edits[key]()
        elif character is not None and character.isprintable():
            self.type(character)
        else:
            return False
        return True

    def type(self, text: str) -> None:
        """Add ``text`` at the end, where the cursor is, up to ``MAX_LENGTH`` characters."""
        self.value = (self.value + text)[:MAX_LENGTH]

    def delete_left(self) -> None:
        """Take off the last character (Backspace)."""
        self.value = self.value[:-1]

    def delete_word(self) -> None:
        """Take off the last word and the spaces after it (Ctrl+W)."""
        kept = self.value.rstrip()
        self.value = kept[: len(kept) - len(kept.split()[-1])] if kept else ""

    def clear(self) -> None:
        """Empty the line (Ctrl+U, or Escape once filtering is done)."""
        self.value = ""

    def render(self) -> Text:
        cursor = self.get_component_rich_style("filter-line--cursor")
        placeholder = self.get_component_rich_style("filter-line--placeholder")
        line = Text(no_wrap=True, overflow="crop", end="")
        if not self.value:
            if self.filtering:
                line.append(" ", cursor)
            line.append(PLACEHOLDER, placeholder)
            return line
        # The end of a long filter stays in sight, as it does in an Input.
        room = max(1, self.size.width - (1 if self.filtering else 0))
        shown = self.value[-room:]  # a character takes a column or more
        while cell_len(shown) > room:
            shown = shown[1:]
        line.append(shown)
        if self.filtering:
            line.append(" ", cursor)
        return line

    def on_click(self) -> None:
        self.post_message(self.Clicked())
