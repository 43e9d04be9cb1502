"""Keys sent in one burst (a fast typist, an SSH link) apply in order on every form."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from isotimer.core.clock import FakeClock
from isotimer.core.session.model import Level
from isotimer.paths import bundled_sessions_dir
from isotimer.storage.sessions.drafts import draft_from_file
from isotimer.storage.settings import Settings
from tests.ui import test_editor, test_settings_screen
from tests.ui.builders import TEST_SESSION, make_app

NAMES = {"\t": "tab", "\x7f": "backspace", "\x13": "ctrl+s"}


async def burst(pilot, *keys: str) -> None:
    """Post every key at once, as a terminal reads a burst, then let them all land."""
    for key in keys:
        pilot.app.post_message(events.Key(NAMES.get(key, key), key))
    for _ in range(4):
        await pilot.pause()


def values(screen) -> dict[str, str]:
    return {field.id: field.value for field in screen.query(Input)}


async def test_on_the_summary_7_tab_4_rates_effort_7_and_the_first_pain_4(tmp_path):
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock, start=(TEST_SESSION, Level.BEGINNER))
    async with app.run_test(size=(100, 30)) as pilot:
        clock.advance(1000)
        app.screen.tick()
        await pilot.pause()
        await pilot.pause()
        summary = app.screen
        await burst(pilot, "\t", "7", "\t", "4", "\t", "3")
        assert values(summary) == {"effort": "7", "pain-left": "4", "pain-right": "3", "note": ""}


async def test_in_settings_tab_and_ctrl_s_meet_the_fields_as_typed():
    app = test_settings_screen.Host(Settings())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        screen.set_focus(screen.query_one("#lead-in", Input))
        await pilot.pause()
        # lead-in 5.0 -> 8, past the warm-up switch, cue rotation 8.0 -> 3, save.
        await burst(pilot, "end", *"\x7f" * 3, "8", "\t", "\t", "end", *"\x7f" * 3, "3", "\x13")
        assert app.result == Settings(lead_in=8.0, cue_rotation_s=3.0)


async def test_in_the_editor_a_key_after_tab_lands_in_the_next_field(tmp_path):
    app, _paths = test_editor.editor(tmp_path)
    async with app.run_test(size=test_editor.SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        await burst(pilot, *"Hips", "\t", *"Side", "\t", *"core")
        found = values(screen)
        assert found["session-name"] == "Hips"
        assert found["session-description"] == "Side"
        assert found["session-tags"] == "core"


async def test_in_the_editor_ctrl_s_saves_the_name_typed_just_before_it(tmp_path):
    """ "Hips" and Ctrl+S in one burst: the file is saved as Hips, not as the name before."""
    draft = draft_from_file(bundled_sessions_dir() / "knee-tendon.toml")  # valid: it has holds
    app, paths = test_editor.editor(tmp_path, draft)
    async with app.run_test(size=test_editor.SIZE) as pilot:
        await pilot.pause()
        await test_editor.type_into(pilot, "#session-name", "Calm")
        await burst(pilot, *"Hips", "\x13")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.result == "calmhips"
    assert 'name = "CalmHips"' in (paths.user_sessions / "calmhips.toml").read_text()
