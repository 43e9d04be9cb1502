"""The picker's footer: the keys that apply now, drawn in the first frame, clickable.

It looks like Textual's Footer and reads the same ``screen.active_bindings``,
but draws them as one line of text. The Footer composes a widget per key, and
only one refresh after the screen's first frame; on the picker, the first
screen a user sees, that cost about 45 ms of start-up (benchmarks/README.md).
When the line is too narrow, the palette hint goes first, then whole keys from
the right: a key is never shown cut.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget

DIVIDER = "▏"


@dataclass(frozen=True)
class KeyHint:
    """One key as drawn: its key, what it does, whether it applies now, and its columns."""

    key: str
    key_display: str
    description: str
    enabled: bool
    start: int = 0
    end: int = 0


class KeyBar(Widget, can_focus=False):
    """One line of key hints at the bottom of a screen, kept in step with its bindings."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-bar--key",
        "key-bar--description",
        "key-bar--hover",
        "key-bar--divider",
    }
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        & > .key-bar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .key-bar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .key-bar--hover {
            background: $block-hover-background;
        }
        & > .key-bar--divider {
            color: $foreground 20%;
        }
    }
    """

    hovered: reactive[str | None] = reactive(None)

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if self.is_attached and screen is self.screen:
            self.refresh()

    def hints(self) -> list[KeyHint]:
        """The keys shown, left to right, with the columns each takes at the current width."""
        return self._layout(self.size.width)[0]

    def render(self) -> Text:
        shown, palette = self._layout(self.size.width)
        line = Text(no_wrap=True, overflow="crop", end="")
        for hint in shown:
            line.append_text(self._hint_text(hint))
        if palette is not None:
            line.pad_right(palette.start - 1 - line.cell_len)
            line.append(DIVIDER, self.get_component_rich_style("key-bar--divider", partial=True))
            line.append_text(self._hint_text(palette, padded=False))
        return line

    def on_mouse_down(self, event: events.MouseDown) -> None:
        hint = self._hint_at(event.x)
        if hint is None:
            return
        if hint.enabled:
            self.app.simulate_key(hint.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hint = self._hint_at(event.x)
        self.hovered = hint.key if hint is not None else None

    def on_leave(self) -> None:
        self.hovered = None

    def _hint_at(self, x: int) -> KeyHint | None:
        shown, palette = self._layout(self.size.width)
        extra = [palette] if palette is not None else []
        return next((hint for hint in [*shown, *extra] if hint.start <= x < hint.end), None)

    def _hint_text(self, hint: KeyHint, padded: bool = True) -> Text:
        key_style = self.get_component_rich_style("key-bar--key", partial=True)
        description_style = self.get_component_rich_style("key-bar--description", partial=True)
        if hint.key == self.hovered:
            hover = self.get_component_rich_style("key-bar--hover", partial=True)
            key_style, description_style = key_style + hover, description_style + hover
        if not hint.enabled:
            key_style, description_style = (
                style + Style(dim=True) for style in (key_style, description_style)
            )
        key = f" {hint.key_display} " if padded else f"{hint.key_display} "
        return Text.assemble((key, key_style), (f"{hint.description} ", description_style))

    def _layout(self, width: int) -> tuple[list[KeyHint], KeyHint | None]:
        """The key hints that fit ``width``, placed, and the palette hint if it fits too."""
        app = self.app
        bindings = self.screen.active_bindings
        by_action: dict[str, KeyHint] = {}
        for _node, binding, enabled, _tooltip in bindings.values():
            if binding.show and binding.action not in by_action:
                by_action[binding.action] = self._hint(binding, enabled)
        placed, column = [], 0
        for hint in by_action.values():
            end = column + _width(hint)
            if end > width:
                break
            placed.append(replace(hint, start=column, end=end))
            column = end
        palette = None
        active = bindings.get(app.COMMAND_PALETTE_BINDING)
        if app.ENABLE_COMMAND_PALETTE and active is not None:
            hint = self._hint(active.binding, active.enabled)
            start = width - _width(hint) + 1  # drawn without the key's left padding
            if start - len(DIVIDER) >= column:
                palette = replace(hint, start=start, end=width)
        return placed, palette

    def _hint(self, binding: Binding, enabled: bool) -> KeyHint:
        return KeyHint(binding.key, self.app.get_key_display(binding), binding.description, enabled)


def _width(hint: KeyHint) -> int:
    return cell_len(hint.key_display) + cell_len(hint.description) + 3
