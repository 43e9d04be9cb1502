"""The picker's keys, one declaration each: the bindings, footer and filter all read this table.

Before this table the picker kept three lists that had to agree (its bindings,
the letters that keep their meaning on the list, and the actions a filter
types over), and a key added to one but not the others was a bug.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from textual.binding import Binding


class WhileFiltering(Enum):
    """What a key does while the runner is typing a filter."""

    SAME = "same"  # Enter, arrows, Ctrl keys: they do what they do on the list
    TYPES = "types"  # a printable key types into the filter (Delete does nothing)
    ONLY = "only"  # it applies only while filtering (Escape: done filtering)


@dataclass(frozen=True)
class PickerKey:
    """One key of the picker.

    ``key`` is what the runner presses: a printable character as itself ("?",
    "/", "q"), other keys by Textual's name ("enter", "ctrl+e"). ``footer``
    puts it in the key bar; a key with a description and no footer is listed
    by the help screen only.
    """

    key: str
    action: str
    description: str = ""
    footer: bool = False
    filtering: WhileFiltering = WhileFiltering.SAME
    display: str | None = None

    @property
    def character(self) -> str | None:
        """The character the key types, or None for Enter, arrows and Ctrl keys."""
        return self.key if len(self.key) == 1 else None

    @property
    def action_name(self) -> str:
        """The action without its arguments, as ``check_action`` is asked about it."""
        return self.action.split("(", 1)[0]

    def binding(self) -> Binding:
        """The Textual binding: Textual turns a one-character key into its name."""
        return Binding(
            self.key, self.action, self.description, show=self.footer, key_display=self.display
        )


TYPES, ONLY = WhileFiltering.TYPES, WhileFiltering.ONLY

# In footer order: a narrow footer cuts from the right, so Help and Quit come straight
# after the list's own Start. Enter is not a priority binding: it must queue behind the
# keys typed just before it (7 then Enter picks session 7 however fast it is typed), so
# the list's and the filter's own Enter messages start the session instead.
KEYS: tuple[PickerKey, ...] = (
    PickerKey("enter", "start", "Start"),
    PickerKey("?", "help", "Help", footer=True, filtering=TYPES, display="?"),
    PickerKey("q", "quit", "Quit", footer=True, filtering=TYPES),
    PickerKey("l", "toggle_level", "Level", footer=True, filtering=TYPES),
    # Left out of the footer so Start, Help and Quit fit at 80 columns; help lists them.
    PickerKey("p", "toggle_progression", "Progression", filtering=TYPES),
    PickerKey("x", "swap", "Swap harder", filtering=TYPES),
    PickerKey("t", "today", "Today's programme session", filtering=TYPES),
    PickerKey("ctrl+e", "edit('edit')", "Edit"),
    PickerKey("ctrl+n", "edit('new')", "New"),
    PickerKey("ctrl+d", "edit('duplicate')", "Duplicate"),
    PickerKey("delete", "delete", "Delete", filtering=TYPES),
    PickerKey("h", "history", "History", footer=True, filtering=TYPES),
    PickerKey("/", "filter", "Filter", filtering=TYPES, display="/"),
    PickerKey("s", "settings", "Settings", footer=True, filtering=TYPES),
    # In the footer only while filtering, when the footer's letters would type instead;
    # on the list the screen takes Escape itself (it empties the filter), as it takes letters.
    PickerKey(
        "escape", "leave_filter", "Done filtering", footer=True, filtering=ONLY, display="Esc"
    ),
    PickerKey("down", "cursor(1)"),
    PickerKey("up", "cursor(-1)"),
    *(PickerKey(str(n), f"pick({n})", filtering=TYPES) for n in range(1, 10)),
)


def filtering_rules(keys: tuple[PickerKey, ...]) -> dict[str, WhileFiltering]:
    """Each action's rule while filtering; ``check_action`` sees actions, not keys.

    Raises:
        ValueError: two keys of one action disagree, which ``check_action`` could not honour.
    """
    rules: dict[str, WhileFiltering] = {}
    for key in keys:
        if rules.setdefault(key.action_name, key.filtering) is not key.filtering:
            raise ValueError(f"the keys of {key.action_name!r} disagree while filtering")
    return rules


BINDINGS = [key.binding() for key in KEYS]
# The characters that keep their meaning on the list; any other letter starts the filter.
LIST_KEYS = frozenset(key.character for key in KEYS if key.character is not None)
FILTERING = filtering_rules(KEYS)
