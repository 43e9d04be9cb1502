"""A run from start to summary: today's plan, the engine and recorder, the run screen, the
summary after it, and the offer to resume a run cut off last time."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.app import App

from isotimer.core.coach.progression import Suggestion
from isotimer.core.run.cues import cue_for
from isotimer.core.run.events import Event
from isotimer.core.run.tones import due_of, tone_for
from isotimer.core.session.model import Level, Session
from isotimer.core.session.plan import Plan
from isotimer.core.text.durations import ago
from isotimer.storage.history.errors import HistoryError
from isotimer.storage.today import todays_plan, todays_suggestions
from isotimer.ui.services.history import HistoryKeeper
from isotimer.ui.services.sharing import LiveSharing
from isotimer.ui.services.state import AppState

if TYPE_CHECKING:
    from isotimer.core.history.bests import NewBest
    from isotimer.core.history.hold_tests import NewTestBest
    from isotimer.storage.history.interrupted import Resumable
    from isotimer.ui.screens.run import RunResult

# The run screen, engine, recorder, summary and resume offer are imported when first
# needed: they would add half again to start-up time (benchmarks/README.md).


@dataclass(frozen=True)
class RunRequest:
    """A session to run at a level: ``isotimer run`` asks for one as the app opens."""

    session: Session
    level: Level


class Runs:
    """Starts runs, shows each one's summary, and offers a cut-off run back.

    ``histories`` gives the summary a fresh history store to retry with.
    """

    def __init__(
        self,
        app: App[Any],
        state: AppState,
        *,
        histories: HistoryKeeper,
        sharing: LiveSharing,
    ) -> None:
        self.app = app
        self.state = state
        self.clock = state.clock
        self.reopen = histories.reopen
        self.sharing = sharing
        self.writer = state.writer
        self.timing_log = state.timing_log

    def suggestions(self, session: Session, level: Level) -> dict[str, Suggestion]:
        """Today's targets for ``session``, from the recent history of its holds."""
        today = self.clock.now().date()  # layoffs and the weekly effort limit count from it
        library = self.state.catalog.library
        return todays_suggestions(self.state.history, session, level, library, today=today)

    def last_done(self) -> dict[str, str]:
        """When each session was last done, in words ("yesterday"), for the picker."""
        history = self.state.history
        if history is None:
            return {}
        today = self.clock.now().date()
        try:
            days = history.last_done()
        except HistoryError:
            return {}
        return {session: ago(day, today) for session, day in days.items()}

    def retest(self, session: Session) -> str | None:
        """The picker's line for a session of hold tests when a re-test is due (four weeks)."""
        from isotimer.core.coach.progression import sides_of
        from isotimer.core.history.hold_tests import retest_text

        keys = {(h.exercise, side.value) for h in session.holds if h.test for side in sides_of(h)}
        history = self.state.history
        if history is None or not keys:
            return None  # no I/O for the sessions without tests
        try:
            last = history.last_tests(keys)
        except HistoryError:
            return None
        days = [test.started_at.date() for test in last.values()]
        return retest_text(min(days) if days else None, self.clock.now().date())

    def plan_for(self, session: Session, level: Level) -> Plan:
        """The plan a run of ``session`` follows today, with today's targets if asked for."""
        state, today = self.state, self.clock.now().date()
        library = state.catalog.library
        return todays_plan(state.history, session, level, state.settings, library, today)

    def start(
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
        recorder = SessionRecorder(
            self.state.history,
            self.clock,
            plan,
            level,
            run_id=resume.run.id if resume else None,
            earlier=resume.holds if resume else (),
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
            announcer=self.state.announcer,
            sharing=self.sharing,
            cue_rotation_s=self.state.settings.cue_rotation_s,
            to_beat=self._to_beat(plan),
        )
        self.app.push_screen(screen, partial(self._ended, from_picker))
        if self.sharing.follow(engine) and self.sharing.share_at is not None and not from_picker:
            self.sharing.share(engine)  # started with --share: show the code to scan first
        return recorder.run_id

    def _to_beat(self, plan: Plan) -> dict[tuple[str, str], float]:
        """The last test of each exercise and side the plan's hold tests try to beat."""
        keys = {(step.hold.exercise, step.side.value) for step in plan.hold_steps if step.is_test}
        history = self.state.history
        if history is None or not keys:
            return {}
        try:
            return {key: test.held_s for key, test in history.last_tests(keys).items()}
        except HistoryError:
            return {}  # nothing to beat shown; the test runs all the same

    def _announce(self, event: Event) -> None:
        self.state.announcer.play(cue_for(event), tone_for(event), due_of(event))

    def _ended(self, from_picker: bool, result: RunResult | None) -> None:
        from isotimer.ui.screens.summary import SummaryScreen

        if result is not None:
            screen = SummaryScreen(result, reopen=self.reopen, bests=self._new_bests(result))
            self.app.push_screen(screen, partial(self._summary_closed, from_picker))

    def _new_bests(self, result: RunResult) -> list[NewBest | NewTestBest]:
        from isotimer.core.history.bests import best_keys, new_bests
        from isotimer.core.history.hold_tests import new_test_bests

        history = self.state.history
        if history is None or not result.holds:
            return []
        keys, run_id = best_keys(result.holds), result.recorder.run_id
        try:
            before = history.bests_before(keys, run_id)
            tests_before = history.test_bests_before(keys, run_id)
        except HistoryError:
            return []  # a best not celebrated is no loss; the summary says what was saved
        return [*new_bests(result.holds, before), *new_test_bests(result.holds, tests_before)]

    def _summary_closed(self, from_picker: bool, _: None) -> None:
        if not from_picker:
            self.app.exit(return_code=0)

    def offer_resume(self) -> None:
        """Offer to resume a run cut off last time, if there is one."""
        from isotimer.storage.history.interrupted import find_resumable
        from isotimer.ui.screens.resume import ResumeScreen

        history = self.state.history
        if history is None:
            return
        try:
            found = find_resumable(
                history, self.state.catalog.sessions, self.plan_for, self.clock.now()
            )
        except HistoryError:
            return  # the history says why on the first write; no offer is no loss
        if found is not None:
            self.app.push_screen(ResumeScreen(found), partial(self._resume_answered, found))

    def _resume_answered(self, found: Resumable, resume: bool | None) -> None:
        from isotimer.storage.history.interrupted import close_interrupted

        if resume:
            session = self.state.catalog.sessions[found.run.session]
            self.start(session, found.plan.level, resume=found)
            return
        history = self.state.history
        if history is None:
            return  # the offer only comes from a history; a moved-aside one has no run to close
        try:
            close_interrupted(history, found.run, found.holds)
        except HistoryError as error:
            self.app.notify(error.message, title="History", severity="error", timeout=15)
