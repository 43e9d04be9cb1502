"""Textual's command palette, made to survive its own paging of a list not laid out yet."""

from __future__ import annotations

from textual.command import CommandList, CommandPalette


class GuardedPalette(CommandPalette):
    """The palette, paging only a command list that has a size.

    Textual 8.2.8's OptionList pages by its laid-out lines; a list that already
    holds a highlighted command but is not shown (yet) has none, and PageDown
    raised ``KeyError: 0`` and ended the app (issue 27). No newer release
    fixes it, so until one does, such a page key does nothing.
    """

    def _action_command_list(self, action: str) -> None:
        listed = self.query_one(CommandList)
        if action.startswith("page_") and not listed.scrollable_content_region:
            return
        super()._action_command_list(action)
