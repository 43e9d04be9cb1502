"""The Textual app: holds what every screen needs; ``ui/services`` hold the flows across screens."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on

from isotimer.core.clock import Clock
from isotimer.paths import Paths
from isotimer.storage.history.store import HistoryStore
from isotimer.storage.history.write_thread import HistoryWriter
from isotimer.storage.sessions.catalog import Catalog, SessionFolders
from isotimer.storage.settings import Settings
from isotimer.ui import services
from isotimer.ui.base import BaseApp
from isotimer.ui.screens.picker import PickerScreen

if TYPE_CHECKING:
    from isotimer.ui.screens.summary import SummaryScreen
    from isotimer.ui.services.live_link import PageCommand


class IsoTimerApp(BaseApp[None]):
    """Holds the state the services read (``services.AppState``) and routes the screens' asks."""

    CSS_PATH: ClassVar = ["app.tcss"]
    TITLE = "isotimer"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (64, "-wide")]  # noqa: RUF012 (Textual's type)
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]  # noqa: RUF012

    def __init__(
        self,
        catalog: Catalog,
        history: HistoryStore | None,
        clock: Clock,
        settings: Settings,
        *,
        paths: Paths,
        start: services.RunRequest | None = None,
        history_problem: str | None = None,
        history_blocked: Path | None = None,
        settings_problems: Sequence[str] = (),
        announcer: services.Announcing | None = None,
        voice: bool = False,
        share: tuple[str, int] | None = None,
        writer: HistoryWriter | None = None,
    ) -> None:
        super().__init__(paths)
        self.catalog, self.history, self.clock, self.settings = catalog, history, clock, settings
        self.start, self.voice, self.settings_problems = start, voice, list(settings_problems)
        self.history_problem, self.history_blocked = history_problem, history_blocked
        self.writer, self.timing_log = writer, services.TimingLog.from_env(clock)
        self.preferences = services.SettingsKeeper(
            self, self, own_announcer=announcer is None, changed=self._reload_picker
        )
        self.announcer: services.Announcing = announcer or self.preferences.make_announcer()
        self.guard = services.RunGuard(self, self)
        self.sharing = services.LiveSharing(self, self, share=share, guard=self.guard)
        self.programme = services.ProgrammeToday(self, self)
        self.histories = services.HistoryKeeper(self, self, self.programme)
        self.runs = services.Runs(self, self, histories=self.histories, sharing=self.sharing)
        self.fit = services.FitSaving(self, self, save_settings=self.preferences.chosen)
        self.files = services.SessionFiles(self, self, reload=self._reload_picker)
        morning = services.MorningCheckin(self, self)
        self.startup = services.Startup(
            self, self, runs=self.runs, morning=morning, histories=self.histories
        )
        self.picker = PickerScreen(
            catalog,
            settings,
            past=self.runs,
            today=self.programme.todays_offer,
            sessions=SessionFolders(paths),
        )

    def on_mount(self) -> None:
        self.guard.install(self.is_headless)
        self.preferences.apply_theme()
        self.push_screen(self.picker)
        self.startup.opened()

    def on_ready(self) -> None:
        self.startup.ready(self.picker)

    def on_unmount(self) -> None:
        self.sharing.close()
        self.guard.remove()
        self.announcer.close()
        if self.timing_log is not None:
            self.timing_log.close()

    def _reload_picker(self) -> None:
        self.picker.reload(self.catalog, self.settings)

    def on_picker_screen_catalog_reloaded(self, message: PickerScreen.CatalogReloaded) -> None:
        self.catalog = message.catalog

    # What the screens ask for (messages up), each answered by a service.
    def on_picker_screen_session_chosen(self, message: PickerScreen.SessionChosen) -> None:
        self.runs.start(message.session, message.level)

    def on_picker_screen_programme_chosen(self, message: PickerScreen.ProgrammeChosen) -> None:
        self.programme.count_run(self.runs.start(message.session, message.level))

    def on_picker_screen_edit_requested(self, message: PickerScreen.EditRequested) -> None:
        self.files.edit(message.action, message.session)

    def on_picker_screen_delete_requested(self, message: PickerScreen.DeleteRequested) -> None:
        self.files.delete(message.session)

    def on_picker_screen_settings_requested(self) -> None:
        self.preferences.ask()

    @on(PickerScreen.ProgressionToggled)
    def _toggle_progression(self, message: PickerScreen.ProgressionToggled) -> None:
        self.preferences.toggle_progression(message.session, message.enabled)

    def on_picker_screen_history_requested(self) -> None:
        self.histories.show()

    on_summary_screen_history_requested = on_picker_screen_history_requested

    def on_summary_screen_save_fit_requested(self, message: SummaryScreen.SaveFitRequested) -> None:
        self.fit.save_fit(message.run_id)

    on_run_detail_screen_save_fit_requested = on_summary_screen_save_fit_requested

    def on_page_command(self, message: PageCommand) -> None:
        self.sharing.page_command(message.name)

    # Every way out keeps the hold in progress (services/run_guard.py); the palette never
    # opens over a live run; saving a run a bug cut off never hides the bug.
    async def action_quit(self) -> None:
        self.guard.quit()

    def action_command_palette(self) -> None:
        if not self.guard.running():
            super().action_command_palette()

    def on_exit_app(self) -> None:
        self.guard.cut_off_running()

    def _handle_exception(self, error: Exception) -> None:
        self.guard.cut_off_after_crash()
        super()._handle_exception(error)
