"""The session editor and exercise chooser as pictures: a terminal, a problem, a phone."""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from isotimer.paths import Paths, bundled_sessions_dir
from isotimer.storage.sessions.drafts import draft_from_file
from isotimer.storage.sessions.library import load_library
from isotimer.ui.screens.editor import EditorScreen
from isotimer.ui.widgets.hold_list import HoldList

SMALLEST = (80, 24)
PHONE = (40, 30)
LIBRARY, _ = load_library([bundled_sessions_dir() / "exercises.toml"])


class EditorHost(App[None]):
    """The editor on a bundled session; nothing is saved in these tests."""

    def __init__(self, data: Path) -> None:
        super().__init__()
        self.data = data

    def on_mount(self) -> None:
        draft = draft_from_file(bundled_sessions_dir() / "knee-tendon.toml")
        screen = EditorScreen(draft, LIBRARY, Paths(self.data), "knee-tendon")
        self.push_screen(screen)


async def break_the_seconds(pilot) -> None:
    field = pilot.app.screen.query_one("#hold-beginner")
    field.focus()
    await pilot.press("end", "backspace", "backspace", "0")
    await pilot.pause()


async def open_the_chooser(pilot) -> None:
    pilot.app.screen.query_one(HoldList).focus()
    await pilot.press("a")
    await pilot.pause()
    await pilot.press("w", "a", "l", "l")
    await pilot.pause()


def test_editor(snap_compare, tmp_path):
    assert snap_compare(EditorHost(tmp_path), terminal_size=SMALLEST)


def test_editor_with_a_problem_beside_its_field(snap_compare, tmp_path):
    app = EditorHost(tmp_path)
    assert snap_compare(app, terminal_size=SMALLEST, run_before=break_the_seconds)


def test_editor_at_phone_width(snap_compare, tmp_path):
    assert snap_compare(EditorHost(tmp_path), terminal_size=PHONE)


def test_exercise_chooser(snap_compare, tmp_path):
    app = EditorHost(tmp_path)
    assert snap_compare(app, terminal_size=SMALLEST, run_before=open_the_chooser)


def test_exercise_chooser_at_phone_width(snap_compare, tmp_path):
    app = EditorHost(tmp_path)
    assert snap_compare(app, terminal_size=PHONE, run_before=open_the_chooser)
