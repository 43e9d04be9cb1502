"""Textual's own Ctrl+C hint keeps its markup: only user text is shown literally."""

from __future__ import annotations

import re

from tests.ui.builders import make_app


async def test_ctrl_c_says_how_to_quit_in_bold_not_in_brackets(tmp_path):
    """The escaping of user text caught Textual's ``Press [b]ctrl+q[/b] to quit`` (issue 27)."""
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+c")
        await pilot.pause()
        [hint] = list(app._notifications)
        assert hint.markup and re.fullmatch(r"Press \[b\]\S+\[/b\] to quit the app", hint.message)
        assert hint.title == "Do you want to quit?"
        app.notify("Legs [/] day [b]x")
        await pilot.pause()
        said = list(app._notifications)[-1]
        assert not said.markup and said.message == "Legs [/] day [b]x"
