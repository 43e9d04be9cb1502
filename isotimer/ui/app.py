"""The Textual app: wires the picker, run, summary and settings screens together."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual.app import App

from isotimer.announce import Announcer
from isotimer.core.clock import Clock
from isotimer.core.cues import cue_for
from isotimer.core.engine import Engine
from isotimer.core.events import Event
from isotimer.core.model import Level, Session
from isotimer.core.plan import build_plan
from isotimer.core.progression import Suggestion
from isotimer.paths import Paths
from isotimer.storage.catalog import Catalog
from isotimer.storage.history import HistoryStore
from isotimer.storage.history_errors import HistoryError
from isotimer.storage.history_file import move_aside
from isotimer.storage.recorder import SessionRecorder
from isotimer.storage.settings import Settings, save_settings
from isotimer.storage.targets import todays_suggestions
from isotimer.ui.screens.confirm import ConfirmScreen
from isotimer.ui.screens.picker import PickerScreen
from isotimer.ui.screens.run import RunResult, RunScreen
from isotimer.ui.screens.settings import SettingsScreen
from isotimer.ui.screens.summary import SummaryScreen


class IsoTimerApp(App[None]):
    """Holds what every screen needs and moves between screens on their results."""

    CSS_PATH: ClassVar = ["app.tcss", "run.tcss"]
    TITLE = "isotimer"
    HORIZONTAL_BREAKPOINTS: ClassVar = [(0, "-narrow"), (64, "-wide")]
    VERTICAL_BREAKPOINTS: ClassVar = [(0, "-short"), (20, "-tall")]

    def __init__(
        self,
        catalog: Catalog,
        history: HistoryStore | None,
        clock: Clock,
        settings: Settings,
        *,
        paths: Paths,
        start: tuple[Session, Level] | None = None,
        history_problem: str | None = None,
        history_blocked: Path | None = None,
        settings_problems: Sequence[str] = (),
        announcer: Announcer | None = None,
        voice: bool = False,
    ) -> None:
        super().__init__()
        self.catalog = catalog
        self.history = history
        self.clock = clock
        self.settings = settings
        self.paths = paths
        self.start = start
        self.history_problem = history_problem
        self.history_blocked = history_blocked
        self.settings_problems = list(settings_problems)
        self.voice = voice
        self._own_announcer = announcer is None
        self.announcer = announcer or self._make_announcer()
        self.picker = PickerScreen(
            catalog,
            settings.level,
            lead_in=settings.lead_in,
            suggest=self.suggestions,
            progression=settings.progression,
        )

    def _make_announcer(self) -> Announcer:
        return Announcer(
            bell=self.bell,
            notify=lambda message: self.call_from_thread(self.notify, message, severity="warning"),
            sound=self.settings.sound,
            voice=self.settings.voice or self.voice,
            voice_program=self.settings.voice_program,
        )

    def on_mount(self) -> None:
        self._apply_theme()
        self.push_screen(self.picker)
        for problem in self.settings_problems:
            self.notify(problem, title="Settings", severity="warning", timeout=10)
        if self.history_blocked is not None:
            self._offer_fresh_history(self.history_blocked)
            return
        if self.history_problem:
            self.notify(self.history_problem, title="History", severity="error", timeout=15)
        self._start_requested()

    def _start_requested(self) -> None:
        if self.start is not None:
            self.start_session(*self.start, from_picker=False)

    # -- an unusable history file ---------------------------------------------------
    def _offer_fresh_history(self, path: Path) -> None:
        """Never overwrite what sits at the history path: offer to move it aside instead."""
        detail = (
            f"{self.history_problem}\n\nMove it aside (renamed, nothing deleted) and start a "
            "new history? If you keep it, nothing you do now is saved."
        )
        question = "Your history file cannot be used"
        screen = ConfirmScreen(detail, question=question, yes="Move it aside", no="Keep it")
        self.push_screen(screen, partial(self._fresh_history_answered, path))

    def _fresh_history_answered(self, path: Path, move: bool | None) -> None:
        if move:
            try:
                moved = move_aside(path)
                self.history = HistoryStore.open(path)
            except HistoryError as error:
                self.notify(error.message, title="History", severity="error", timeout=15)
            else:
                self.notify(f"The old file is now {moved.name}; a new history has started.")
        self._start_requested()

    def on_unmount(self) -> None:
        self.announcer.close()

    def _apply_theme(self) -> None:
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme

    # -- running a session --------------------------------------------------------
    def suggestions(self, session: Session, level: Level) -> dict[str, Suggestion]:
        """Today's targets for ``session``, from the recent history of its holds."""
        return todays_suggestions(self.history, session, level)

    def start_session(self, session: Session, level: Level, *, from_picker: bool = True) -> None:
        """Build the plan, engine and recorder for one run and show the run screen."""
        targets = None
        if session.id in self.settings.progression:
            suggestions = self.suggestions(session, level)
            targets = {key: suggestion.target_s for key, suggestion in suggestions.items()}
        plan = build_plan(session, level, targets=targets, lead_in=self.settings.lead_in)
        engine = Engine(plan)
        recorder = SessionRecorder(self.history, self.clock, plan, level)
        engine.subscribe(recorder.on_event)
        engine.subscribe(self._announce)
        screen = RunScreen(
            engine,
            self.clock,
            recorder,
            announcer=self.announcer,
            cue_rotation_s=self.settings.cue_rotation_s,
        )
        self.push_screen(screen, partial(self._run_ended, from_picker))

    def _announce(self, event: Event) -> None:
        self.announcer.play(cue_for(event))

    def _run_ended(self, from_picker: bool, result: RunResult | None) -> None:
        if result is not None:
            self.push_screen(SummaryScreen(result), partial(self._summary_closed, from_picker))

    def _summary_closed(self, from_picker: bool, _: None) -> None:
        if not from_picker:
            self.exit(return_code=0)

    def on_picker_screen_session_chosen(self, message: PickerScreen.SessionChosen) -> None:
        self.start_session(message.session, message.level)

    # -- settings -----------------------------------------------------------------
    def on_picker_screen_settings_requested(self) -> None:
        screen = SettingsScreen(self.settings, sorted(self.available_themes))
        self.push_screen(screen, self._settings_chosen)

    def on_picker_screen_progression_toggled(
        self, message: PickerScreen.ProgressionToggled
    ) -> None:
        ids = set(self.settings.progression) ^ {message.session.id}
        self._settings_chosen(replace(self.settings, progression=tuple(sorted(ids))))
        state = "on: it runs at today's targets" if message.enabled else "off"
        self.notify(f"Progression for {message.session.name} is {state}.", timeout=4)

    def _settings_chosen(self, settings: Settings | None) -> None:
        if settings is None:
            return
        try:
            save_settings(self.paths.settings_file, settings)
        except OSError as error:
            self.notify(
                f"Settings not saved ({error.strerror or error}); used for now only.",
                severity="error",
            )
        self.settings = settings
        self._apply_theme()
        if self._own_announcer:
            muted = self.announcer.muted
            self.announcer.close()
            self.announcer = self._make_announcer()
            self.announcer.muted = muted
        self.picker.reload(self.catalog, settings.level, settings.lead_in, settings.progression)
