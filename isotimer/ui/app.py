"""The Textual app: holds what every screen needs and moves between screens on their results.

Flows that belong to one screen live in that screen; flows that span screens
are the collaborators in ``ui/services``, built here and handed down.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding

from isotimer.core.clock import Clock
from isotimer.paths import Paths
from isotimer.storage.history.store import HistoryStore
from isotimer.storage.history.write_thread import HistoryWriter
from isotimer.storage.sessions.catalog import Catalog, load_catalog
from isotimer.storage.settings import Settings
from isotimer.ui import services
from isotimer.ui.base import BaseApp
from isotimer.ui.screens.picker import PickerScreen

if TYPE_CHECKING:
    from isotimer.ui.screens.run_detail import RunDetailScreen
    from isotimer.ui.screens.summary import SummaryScreen
    from isotimer.ui.services.live_link import PageCommand


class IsoTimerApp(BaseApp[None]):
    """Holds the catalog, history, settings and announcer that the services read (AppState)."""

    CSS_PATH: ClassVar = ["app.tcss"]
    TITLE = "isotimer"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (64, "-wide")]  # noqa: RUF012 (Textual's type)
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]  # noqa: RUF012
    BINDINGS: ClassVar = [Binding("ctrl+z", "suspend_process", "Suspend", show=False)]

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
        self.timing_log = log = services.TimingLog.from_env(clock)
        self.preferences = services.SettingsKeeper(self, clock, paths, state=self, voice=voice,
            own_announcer=announcer is None, timing_log=log, changed=self._reload_picker)  # fmt: skip
        self.announcer: services.Announcing = announcer or self.preferences.make_announcer()
        self.guard = services.RunGuard(self, clock, paths, writer)
        self.sharing = services.LiveSharing(self, clock, state=self, share=share,
            run_screen=self.guard.run_screen)  # fmt: skip
        self.programme = services.ProgrammeToday(self, clock, paths, state=self)
        self.histories = services.HistoryKeeper(self, clock, paths, state=self,
            programme=self.programme)  # fmt: skip
        self.runs = services.Runs(self, clock, state=self, reopen=self.histories.reopen,
            sharing=self.sharing, writer=writer, timing_log=log)  # fmt: skip
        self.fit = services.FitSaving(self, state=self, save_settings=self.preferences.chosen)
        self.files = services.SessionFiles(self, paths, state=self, reload=self._reload_catalog)
        self.startup = services.Startup(self, start=start, history_problem=history_problem,
            history_blocked=history_blocked, settings_problems=self.settings_problems,
            runs=self.runs, morning=services.MorningCheckin(self, clock, state=self),
            histories=self.histories)  # fmt: skip
        self.picker = PickerScreen(catalog, settings.level, lead_in=settings.lead_in,
            warm_up=settings.warm_up, suggest=self.runs.suggestions,
            last_done=self.runs.last_done, progression=settings.progression,
            today=self.programme.todays_offer)  # fmt: skip

    def on_mount(self) -> None:
        if not self.is_headless:
            self.guard.signals.install()
        self.preferences.apply_theme()
        self.push_screen(self.picker)
        self.startup.opened()

    def on_ready(self) -> None:
        # The first frame is on screen: what start-up did not wait for comes now.
        self.call_after_refresh(services.mark_ready, self.clock)
        self.call_after_refresh(self.picker.first_frame_drawn)
        self.call_after_refresh(self.announcer.prepare)  # the tones, before the first run
        if self.startup.waits_for_first_frame:
            self.call_after_refresh(self.startup.begin)

    def on_unmount(self) -> None:
        self.sharing.close()
        self.guard.signals.remove()
        self.announcer.close()
        if self.timing_log is not None:
            self.timing_log.close()

    def _reload_catalog(self) -> None:
        self.catalog = load_catalog(self.paths)
        self._reload_picker()

    def _reload_picker(self) -> None:
        level, lead_in, progression = (s := self.settings).level, s.lead_in, s.progression
        self.picker.reload(self.catalog, level, lead_in, progression, warm_up=s.warm_up)

    # -- what the screens ask for (messages up), answered by a service ----------------
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

    def on_picker_screen_progression_toggled(self, message: PickerScreen.ProgressionToggled) -> None:  # fmt: skip
        self.preferences.toggle_progression(message.session, message.enabled)

    def on_picker_screen_history_requested(self) -> None:
        self.histories.show()

    def on_summary_screen_history_requested(self) -> None:
        self.histories.show()

    def on_summary_screen_save_fit_requested(self, message: SummaryScreen.SaveFitRequested) -> None:
        self.fit.save_fit(message.run_id)

    def on_run_detail_screen_save_fit_requested(self, message: RunDetailScreen.SaveFitRequested) -> None:  # fmt: skip
        self.fit.save_fit(message.run_id)

    def on_page_command(self, message: PageCommand) -> None:
        self.sharing.page_command(message.name)

    # -- every way out keeps the hold in progress (services/run_guard.py) --------------
    async def action_quit(self) -> None:
        """Ctrl+Q: quit at once, but never lose the hold in progress nor unsaved holds."""
        self.guard.quit()

    def action_command_palette(self) -> None:
        """The palette only starts sessions and quits: never over a live run."""
        if not self.guard.running():
            super().action_command_palette()

    def on_exit_app(self) -> None:
        """Any other way out (the web page's quit, a lost connection) cuts the run off too."""
        self.guard.cut_off_running()

    def _handle_exception(self, error: Exception) -> None:
        """A bug in the UI: save the hold in progress (never hiding the error), then show it."""
        with suppress(Exception):
            self.guard.cut_off_running()
        super()._handle_exception(error)
