"""The session editor driven by the pilot: build, reorder, break, fix and save a session."""

from __future__ import annotations

from textual.app import App
from textual.widgets import Input, Static, TextArea
from textual.worker import Worker, WorkerState

from isotimer.core.session.draft import HoldDraft, SessionDraft
from isotimer.paths import Paths, bundled_sessions_dir
from isotimer.storage.sessions.drafts import draft_from_file
from isotimer.storage.sessions.library import load_library
from isotimer.storage.sessions.loader import load_session, session_from_text
from isotimer.storage.sessions.writer import save_session
from isotimer.ui.screens.confirm import ConfirmScreen
from isotimer.ui.screens.editor import EditorScreen
from isotimer.ui.screens.exercise_chooser import ExerciseChooser
from isotimer.ui.widgets.field_row import FieldRow
from isotimer.ui.widgets.hold_list import HoldList
from tests.ui.notices import Notices

SIZE = (100, 40)
UNSET = object()
LIBRARY, _ = load_library([bundled_sessions_dir() / "exercises.toml"])


class Host(App[None]):
    """Opens the editor at once and keeps whatever it is dismissed with."""

    def __init__(self, editor: EditorScreen) -> None:
        super().__init__()
        self.editor = editor
        self.result: object = UNSET

    def on_mount(self) -> None:
        self.push_screen(self.editor, self.keep)

    def keep(self, result: str | None) -> None:
        self.result = result


def editor(tmp_path, draft: SessionDraft | None = None, session_id: str | None = None):
    paths = Paths(tmp_path / "data")
    screen = EditorScreen(draft or SessionDraft(), LIBRARY, paths, session_id)
    return Host(screen), paths


async def type_into(pilot, selector: str, text: str) -> None:
    """Replace an input's text the way a person would: focus, clear, type."""
    field = pilot.app.screen.query_one(selector, Input)
    field.focus()
    keys = ["space" if char == " " else char for char in text]
    await pilot.press("end", *["backspace"] * len(field.value), *keys)
    await pilot.pause()


async def add_hold(pilot, search: str) -> None:
    """Open the chooser from the hold list, search, and take the first match."""
    pilot.app.screen.query_one(HoldList).focus()
    await pilot.press("a")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ExerciseChooser)
    await type_into(pilot, "#search", search)
    await pilot.press("enter")
    await pilot.pause()


def row(screen, scope: str, key: str) -> FieldRow:
    return next(r for r in screen.query_one(scope).query(FieldRow) if r.key == key)


def exercises(screen: EditorScreen) -> list[str | None]:
    return [hold.exercise for hold in screen.draft.holds]


async def test_a_session_made_from_scratch_is_saved_and_loads_back(tmp_path):
    app, paths = editor(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.editor
        await type_into(pilot, "#session-name", "Morning holds")
        for search in ("wall sit", "glute-bridge-hold", "plank glutes"):
            await add_hold(pilot, search)
        assert exercises(screen) == ["wall-sit", "glute-bridge-hold", "plank"]

        await pilot.press("shift+up")  # plank, the newest, moves above the bridge
        assert exercises(screen) == ["wall-sit", "plank", "glute-bridge-hold"]
        assert screen.current == 1
        await pilot.press("x")  # and is removed again
        assert exercises(screen) == ["wall-sit", "glute-bridge-hold"]
        assert screen.current == 1

        await type_into(pilot, "#hold-beginner", "0")
        seconds = row(screen, "#hold-form", "seconds")
        assert seconds.problems == ("'seconds.beginner' must be at least 1, got 0",)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is screen and app.result is UNSET
        assert not paths.user_sessions.exists()

        await type_into(pilot, "#hold-beginner", "40")
        assert seconds.problems == ()
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.result == "morning-holds"
    saved = load_session(paths.user_sessions / "morning-holds.toml", LIBRARY)
    expected = session_from_text(
        'name = "Morning holds"\n'
        '[[hold]]\nexercise = "wall-sit"\n'
        '[[hold]]\nexercise = "glute-bridge-hold"\nseconds = { beginner = 40 }\n',
        "morning-holds",
        LIBRARY,
        "expected",
    )
    assert saved == expected
    assert (saved.holds[1].beginner_s, saved.holds[1].advanced_s) == (40, 60)


async def test_editing_a_saved_session_keeps_its_file_and_updates_the_total(tmp_path):
    paths = Paths(tmp_path / "data")
    draft = draft_from_file(bundled_sessions_dir() / "knee-tendon.toml")
    path = save_session(paths.user_sessions, "knee-tendon", draft)
    app, _ = editor(tmp_path, draft_from_file(path), "knee-tendon")
    async with app.run_test(size=SIZE) as pilot:
        total = app.editor.query_one("#editor-total", Static)
        assert "17:55 beginner" in str(total.render())  # with its 4:00 warm-up, 2:00 cool-down
        await type_into(pilot, "#hold-sets", "2")
        assert "9:40 beginner" in str(total.render())  # 240 + 10 + 45 + 120 + 45 + 120
        await type_into(pilot, "#hold-sets", "")
        assert "Total: --" not in str(total.render())
        await type_into(pilot, "#session-rounds", "0")
        assert "Total: --" in str(total.render())
        assert row(app.editor, "#session-form", "rounds").problems == (
            "'rounds' must be at least 1, got 0",
        )
        await type_into(pilot, "#session-rounds", "2")
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.result == "knee-tendon"
    assert load_session(path, LIBRARY).rounds == 2
    assert sorted(p.name for p in paths.user_sessions.iterdir()) == ["knee-tendon.toml"]


async def test_a_problem_in_another_hold_is_listed_and_save_takes_you_to_it(tmp_path):
    draft = SessionDraft(
        name="Two",
        holds=(HoldDraft("wall-sit"), HoldDraft("plank", sides="sideways")),
    )
    app, _ = editor(tmp_path, draft)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.editor
        note = screen.query_one("#holds-problems", Static)
        assert "Hold 2: 'sides' must be 'both' or 'none'" in str(note.render())
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.current == 1
        assert row(screen, "#hold-form", "sides").problems
        assert app.result is UNSET


async def test_breathing_and_cues_are_edited_and_checked_like_the_file(tmp_path):
    app, paths = editor(tmp_path, SessionDraft(name="Calm", holds=(HoldDraft("wall-sit"),)))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.editor
        await type_into(pilot, "#session-inhale", "0")
        breathing = row(screen, "#session-form", "breathing")
        assert breathing.problems == (
            "'breathing.inhale' must be at least 0.5, got 0",
            "missing 'exhale' seconds",
        )
        await type_into(pilot, "#session-inhale", "4")
        await type_into(pilot, "#session-exhale", "6")
        assert breathing.problems == ()
        screen.query_one("#hold-cues", TextArea).text = "Knees out\nBack flat"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
    saved = load_session(paths.user_sessions / "calm.toml", LIBRARY)
    assert (saved.breathing.inhale, saved.breathing.exhale) == (4, 6)
    assert saved.holds[0].cues == ("Knees out", "Back flat")


async def test_leaving_with_changes_asks_first(tmp_path):
    app, paths = editor(tmp_path, SessionDraft(name="Keep", holds=(HoldDraft("wall-sit"),)))
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "#session-name", "Changed")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is app.editor
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert app.result is None
    assert not paths.user_sessions.exists()


async def test_leaving_untouched_does_not_ask(tmp_path):
    app, _ = editor(tmp_path, SessionDraft(name="Keep", holds=(HoldDraft("wall-sit"),)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        await pilot.pause()
    assert app.result is None


async def test_the_chooser_shows_set_up_cues_and_times_and_filters_as_you_type(tmp_path):
    app, _ = editor(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.editor.query_one(HoldList).focus()
        await pilot.press("a")
        await pilot.pause()
        chooser = app.screen
        assert isinstance(chooser, ExerciseChooser)
        await type_into(pilot, "#search", "hang")
        detail = str(chooser.query_one("#detail", Static).render())
        assert [e.id for e in chooser.shown] == ["dead-hang"]
        hang = LIBRARY["dead-hang"]
        assert hang.setup in detail and hang.cues[0] in detail
        assert "beginner" in detail and "advanced" in detail
        await type_into(pilot, "#search", "no such thing")
        await pilot.press("enter")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.editor
        assert app.editor.draft.holds == ()


async def test_a_save_that_cannot_write_says_why_and_keeps_the_editor_open(tmp_path):
    app, paths = editor(tmp_path, SessionDraft(name="Calm", holds=(HoldDraft("wall-sit"),)))
    paths.user_sessions.parent.mkdir(parents=True)
    paths.user_sessions.write_text("a file where the sessions folder should be")
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices.hook) as pilot:
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is app.editor and app.result is UNSET
        assert [m for m in notices.messages if m.startswith("Not saved: ")], notices.text()


async def test_the_save_worker_ends_before_the_editor_goes(tmp_path):
    """Leaving from inside the worker unmounted the screen, which cancelled the worker."""
    app, _ = editor(tmp_path, SessionDraft(name="Calm", holds=(HoldDraft("wall-sit"),)))
    states: list[WorkerState] = []

    def hook(message) -> None:
        if isinstance(message, Worker.StateChanged) and message.worker.group == "save":
            states.append(message.state)

    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.result == "calm"
    assert states[-1] is WorkerState.SUCCESS and WorkerState.CANCELLED not in states
