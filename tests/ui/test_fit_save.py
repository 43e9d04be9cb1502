"""Save as FIT from the summary and the session detail: the folder asked once, then used."""

from __future__ import annotations

from textual.widgets import Input

from isotimer.core.session.model import Level
from isotimer.storage.export.fit_files import fit_filename
from isotimer.storage.settings import Settings, load_settings
from isotimer.ui.screens.fit_folder import FitFolderScreen
from isotimer.ui.screens.run_detail import RunDetailScreen
from tests.ui.notices import Notices
from tests.unit.fit_decoding import decode

from .builders import TEST_SESSION, make_app
from .test_summary import SIZE, finish_run


async def saved(pilot, notices: Notices) -> list[str]:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return notices.messages


async def test_the_summary_asks_for_a_folder_once_then_saves_there(tmp_path, clock):
    folder = tmp_path / "fit files"
    app = make_app(tmp_path, clock=clock, start=(TEST_SESSION, Level.BEGINNER))
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices.hook) as pilot:
        await finish_run(pilot, clock)
        await pilot.press("tab", "8", "escape", "f")  # an effort typed but not yet saved
        await pilot.pause()
        assert isinstance(app.screen, FitFolderScreen)
        app.screen.query_one("#folder", Input).value = str(folder)
        await pilot.press("enter")
        messages = await saved(pilot, notices)
        run = app.history.runs()[0]
        path = folder / fit_filename(run)
        assert f"Saved as FIT: {path}" in messages
        assert app.settings.fit_folder == str(folder)
        assert load_settings(app.paths.settings_file)[0].fit_folder == str(folder)
        decoded = decode(path)
        assert decoded.rpe == 80
        assert len([s for s in decoded.sets if s.kind == "active"]) == app.history.count()
        first = path.read_bytes()
        await pilot.press("f")  # the second time, no question: straight to the folder
        await saved(pilot, notices)
        assert not isinstance(app.screen, FitFolderScreen)
        assert path.read_bytes() == first


async def test_escape_on_the_folder_question_saves_nothing(tmp_path, clock):
    app = make_app(tmp_path, clock=clock, start=(TEST_SESSION, Level.BEGINNER))
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices.hook) as pilot:
        await finish_run(pilot, clock)
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.settings.fit_folder == ""
        assert not app.paths.settings_file.exists()


async def test_the_session_detail_saves_to_the_remembered_folder(tmp_path, clock):
    folder = tmp_path / "exports"
    settings = Settings(fit_folder=str(folder))
    app = make_app(tmp_path, clock=clock, settings=settings, start=(TEST_SESSION, Level.BEGINNER))
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices.hook) as pilot:
        await pilot.pause()
        app.screen.engine.skip(clock.monotonic())  # past the lead-in
        clock.advance(12)
        await pilot.press("d")  # the wall sit ended early...
        clock.advance(5)
        await pilot.press("q", "y")  # ...and the run was stopped in the rest after it
        await pilot.pause()
        run = app.history.runs()[0]
        app.push_screen(RunDetailScreen(run, app.history.run_holds(run.id)))
        await pilot.pause()
        await pilot.press("f")
        messages = await saved(pilot, notices)
        path = folder / fit_filename(run)
        assert f"Saved as FIT: {path}" in messages
        decoded = decode(path)
        assert (decoded.run_outcome, run.outcome.value) == ("stopped", "stopped")
        assert [s.outcome for s in decoded.sets] == ["ended_early"]


async def test_a_folder_that_cannot_be_written_says_so_and_the_app_goes_on(tmp_path, clock):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    settings = Settings(fit_folder=str(blocker))
    app = make_app(tmp_path, clock=clock, settings=settings, start=(TEST_SESSION, Level.BEGINNER))
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices.hook) as pilot:
        await finish_run(pilot, clock)
        await pilot.press("f")
        messages = await saved(pilot, notices)
        assert any(m.startswith(f"Could not save the FIT file in {blocker}") for m in messages)
        await pilot.press("q")
    assert app.return_code == 0
