"""The Textual app: wires the picker, run, summary and settings screens together."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import Binding

from isotimer.core.clock import Clock
from isotimer.core.coach.progression import Suggestion
from isotimer.core.run.cues import cue_for
from isotimer.core.run.events import Event
from isotimer.core.run.tones import due_of, tone_for
from isotimer.core.session.model import Level, Session
from isotimer.core.session.plan import Plan
from isotimer.core.text.durations import ago
from isotimer.paths import Paths
from isotimer.sound.announcer import Announcer
from isotimer.sound.player import TonePlayer
from isotimer.storage.history.errors import HistoryError
from isotimer.storage.history.file import move_aside
from isotimer.storage.history.store import HistoryStore
from isotimer.storage.history.write_thread import HistoryWriter
from isotimer.storage.sessions.catalog import Catalog, load_catalog
from isotimer.storage.settings import Settings, save_settings
from isotimer.storage.today import todays_plan, todays_suggestions
from isotimer.ui.fit_saving import FitSaving
from isotimer.ui.literal_notify import LiteralNotify
from isotimer.ui.morning import MorningCheckin
from isotimer.ui.probes import TimingLog, mark_ready
from isotimer.ui.programme_today import ProgrammeToday
from isotimer.ui.readable import readable_variables
from isotimer.ui.run_guard import RunGuard
from isotimer.ui.screens.confirm import ConfirmScreen
from isotimer.ui.screens.picker import PickerScreen
from isotimer.ui.screenshots import Screenshots
from isotimer.ui.session_files import SessionFiles
from isotimer.ui.sharing import LiveSharing
from isotimer.ui.signals import TerminalSignals

if TYPE_CHECKING:
    from isotimer.core.history.bests import NewBest
    from isotimer.storage.history.interrupted import Resumable
    from isotimer.ui.screens.run import RunResult

# What comes after the picker is imported when first needed, not here: the run screen,
# engine and recorder, the history's charts, the editor, the check-in and the resume
# offer would otherwise add half again to start-up time (benchmarks/README.md).


class IsoTimerApp(
    RunGuard,
    SessionFiles,
    LiveSharing,
    FitSaving,
    Screenshots,
    MorningCheckin,
    ProgrammeToday,
    LiteralNotify,
    App[None],
):
    """Holds what every screen needs and moves between screens on their results."""

    CSS_PATH: ClassVar = ["app.tcss"]
    TITLE = "isotimer"
    HORIZONTAL_BREAKPOINTS: ClassVar = [(0, "-narrow"), (64, "-wide")]
    VERTICAL_BREAKPOINTS: ClassVar = [(0, "-short"), (20, "-tall")]
    BINDINGS: ClassVar = [Binding("ctrl+z", "suspend_process", "Suspend", show=False)]

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
        share: tuple[str, int] | None = None,
        writer: HistoryWriter | None = None,
    ) -> None:
        super().__init__()
        self.writer = writer  # None: history writes happen on the UI thread (tests)
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
        self.timing_log = TimingLog.from_env(clock)
        self.share = share
        self.live = None
        self._own_announcer = announcer is None
        self.announcer = announcer or self._make_announcer()
        self._signals = TerminalSignals(clock, self._ended_by_signal, self.pause_running)
        self.picker = PickerScreen(
            catalog,
            settings.level,
            lead_in=settings.lead_in,
            warm_up=settings.warm_up,
            suggest=self.suggestions,
            last_done=self.last_done,
            progression=settings.progression,
            today=self.todays_offer,
        )

    def _make_announcer(self) -> Announcer:
        def notify(message: str) -> None:
            self.call_from_thread(self.notify, message, severity="warning", timeout=8)

        tones = TonePlayer(
            volume=self.settings.volume / 100,
            clock=self.clock,
            on_failure=notify,
            on_played=self.timing_log.tone if self.timing_log else None,
        )
        return Announcer(
            bell=self.bell,
            notify=notify,
            sound=self.settings.sound,
            tones=tones,
            voice=self.settings.voice or self.voice,
            voice_program=self.settings.voice_program,
        )

    def on_mount(self) -> None:
        if not self.is_headless:
            self._signals.install()
        self._apply_theme()
        self.push_screen(self.picker)
        for problem in self.settings_problems:
            self.notify(problem, title="Settings", severity="warning", timeout=10)
        if self.history_blocked is not None:
            self._offer_fresh_history(self.history_blocked)
            return
        if self.history_problem:
            self.notify(self.history_problem, title="History", severity="error", timeout=15)
        if self.start is not None:
            self._start_requested()

    def on_ready(self) -> None:
        # The first frame is on screen: what start-up did not wait for comes now.
        self.call_after_refresh(mark_ready, self.clock)
        self.call_after_refresh(self.picker.first_frame_drawn)
        self.call_after_refresh(self.announcer.prepare)  # the tones, before the first run
        if self.start is None and self.history_blocked is None:
            self.call_after_refresh(self._offer_waiting)

    def _start_requested(self) -> None:
        if self.start is not None:
            self.start_session(*self.start, from_picker=False)
        else:
            self._offer_waiting()

    def _offer_waiting(self) -> None:
        """Offer a cut-off run to resume, then, on top, the morning question; both read history."""
        self._offer_resume()
        self.offer_checkin()

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
        self.close_live()
        self._signals.remove()
        self.announcer.close()
        if self.timing_log is not None:
            self.timing_log.close()

    def get_css_variables(self) -> dict[str, str]:
        """The theme's variables, plus its colours made readable (``ui/readable.py``)."""
        variables = super().get_css_variables()
        return variables | readable_variables(variables)

    def _apply_theme(self) -> None:
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme

    # -- running a session --------------------------------------------------------
    def suggestions(self, session: Session, level: Level) -> dict[str, Suggestion]:
        """Today's targets for ``session``, from the recent history of its holds."""
        return todays_suggestions(self.history, session, level, self.catalog.library)

    def last_done(self) -> dict[str, str]:
        """When each session was last done, in words ("yesterday"), for the picker."""
        if self.history is None:
            return {}
        today = self.clock.now().date()
        try:
            days = self.history.last_done()
        except HistoryError:
            return {}
        return {session: ago(day, today) for session, day in days.items()}

    def plan_for(self, session: Session, level: Level) -> Plan:
        """The plan a run of ``session`` follows today, with today's targets if asked for."""
        return todays_plan(self.history, session, level, self.settings, self.catalog.library)

    def start_session(
        self,
        session: Session,
        level: Level,
        *,
        from_picker: bool = True,
        resume: Resumable | None = None,
    ) -> str:
        """Build the plan, engine and recorder for one run and show the run screen.

        A resumed run keeps its id and plan, and its engine starts at the step
        after the last hold it recorded, before the run screen mounts. Returns
        the run's id.
        """
        from isotimer.core.run.engine import Engine
        from isotimer.storage.history.recorder import SessionRecorder
        from isotimer.ui.screens.run import RunScreen

        plan = resume.plan if resume else self.plan_for(session, level)
        engine = Engine(plan)
        run_id = resume.run.id if resume else None
        earlier = resume.holds if resume else ()
        recorder = SessionRecorder(
            self.history,
            self.clock,
            plan,
            level,
            run_id=run_id,
            earlier=earlier,
            writer=self.writer,
        )
        engine.subscribe(recorder.on_event)
        engine.subscribe(self._announce)
        if self.timing_log is not None:
            engine.subscribe(self.timing_log)
        if resume:
            engine.start(self.clock.monotonic(), index=resume.point.index)
        screen = RunScreen(
            engine,
            self.clock,
            recorder,
            announcer=self.announcer,
            cue_rotation_s=self.settings.cue_rotation_s,
        )
        self.push_screen(screen, partial(self._run_ended, from_picker))
        if self.follow_live(engine) and self.share is not None and not from_picker:
            self.action_share()  # started with --share: show the code to scan first
        return recorder.run_id

    def _announce(self, event: Event) -> None:
        self.announcer.play(cue_for(event), tone_for(event), due_of(event))

    def _run_ended(self, from_picker: bool, result: RunResult | None) -> None:
        from isotimer.ui.screens.summary import SummaryScreen

        if result is not None:
            screen = SummaryScreen(
                result, reopen=self.reopen_history, bests=self._new_bests(result)
            )
            self.push_screen(screen, partial(self._summary_closed, from_picker))

    def reopen_history(self) -> HistoryStore:
        """A fresh connection to the history (the summary's retry), or the error saying why.

        Raises:
            HistoryError: the history still cannot be opened.
        """
        if self.history is None:
            self.history = HistoryStore.open(self.paths.history_file)
        else:
            self.history.reopen()
        return self.history

    def _new_bests(self, result: RunResult) -> list[NewBest]:
        from isotimer.core.history.bests import best_keys, new_bests

        if self.history is None or not result.holds:
            return []
        try:
            before = self.history.bests_before(best_keys(result.holds), result.recorder.run_id)
        except HistoryError:
            return []  # a best not celebrated is no loss; the summary says what was saved
        return new_bests(result.holds, before)

    def _summary_closed(self, from_picker: bool, _: None) -> None:
        if not from_picker:
            self.exit(return_code=0)

    def on_picker_screen_session_chosen(self, message: PickerScreen.SessionChosen) -> None:
        self.start_session(message.session, message.level)

    # -- a run cut off last time, and a run cut off now ----------------------------
    def _offer_resume(self) -> None:
        from isotimer.storage.history.interrupted import find_resumable
        from isotimer.ui.screens.resume import ResumeScreen

        if self.history is None:
            return
        try:
            found = find_resumable(
                self.history, self.catalog.sessions, self.plan_for, self.clock.now()
            )
        except HistoryError:
            return  # the history says why on the first write; no offer is no loss
        if found is not None:
            self.push_screen(ResumeScreen(found), partial(self._resume_answered, found))

    def _resume_answered(self, found: Resumable, resume: bool | None) -> None:
        from isotimer.storage.history.interrupted import close_interrupted

        if resume:
            session = self.catalog.sessions[found.run.session]
            self.start_session(session, found.plan.level, resume=found)
            return
        try:
            close_interrupted(self.history, found.run, found.holds)
        except HistoryError as error:
            self.notify(error.message, title="History", severity="error", timeout=15)

    # -- history ------------------------------------------------------------------
    def show_history(self) -> None:
        """Open the history review as of today, with the programme's weeks if one is followed."""
        from isotimer.ui.screens.history import HistoryScreen

        today = self.clock.now().date()
        self.push_screen(HistoryScreen(self.history, today, self.programme_weeks()))

    def on_picker_screen_history_requested(self) -> None:
        self.show_history()

    def on_summary_screen_history_requested(self) -> None:
        self.show_history()

    def _reload_catalog(self) -> None:
        self.catalog = load_catalog(self.paths)
        settings = self.settings
        self.picker.reload(
            self.catalog,
            settings.level,
            settings.lead_in,
            settings.progression,
            warm_up=settings.warm_up,
        )

    # -- settings -----------------------------------------------------------------
    def on_picker_screen_settings_requested(self) -> None:
        from isotimer.ui.screens.settings import SettingsScreen

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
            self.announcer.prepare()
        self.picker.reload(
            self.catalog,
            settings.level,
            settings.lead_in,
            settings.progression,
            warm_up=settings.warm_up,
        )
