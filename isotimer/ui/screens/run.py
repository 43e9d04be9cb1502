"""The run screen: one session live, with its countdown, breathing pacer and form cues."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Static

from isotimer.core.clock import Clock
from isotimer.core.engine import Engine, Snapshot
from isotimer.core.events import Event, HoldFinished, SessionFinished
from isotimer.core.frames import frame_elapsed, next_redraw_in, pacer_frame_s
from isotimer.core.pacer import breathing_for, cue_at, pacer_at
from isotimer.core.plan import Plan, StepKind
from isotimer.core.records import HoldRecord
from isotimer.storage.history.recorder import SessionRecorder
from isotimer.ui.screens.confirm import ConfirmScreen
from isotimer.ui.screens.help import HelpScreen
from isotimer.ui.stop_message import stop_message
from isotimer.ui.widgets.countdown import Countdown
from isotimer.ui.widgets.cue_rotator import CueRotator
from isotimer.ui.widgets.pacer import BreathPacer
from isotimer.ui.widgets.phase_banner import PhaseBanner, phase_words
from isotimer.ui.widgets.session_progress import SessionProgress
from isotimer.ui.widgets.step_heading import StepHeading
from isotimer.ui.widgets.up_next import UpNext, next_hold

REST_KEYS = Binding.Group("Rest ±5 s", compact=True)
FLASH_S = 0.6
STATE_CLASSES = {
    StepKind.LEAD_IN: "-lead-in",
    StepKind.HOLD: "-hold",
    StepKind.SWITCH: "-switch",
    StepKind.REST: "-rest",
}


@dataclass(frozen=True)
class RunResult:
    """How a run ended, handed to whoever pushed the run screen."""

    plan: Plan
    completed: bool
    holds: tuple[HoldRecord, ...]
    recorder: SessionRecorder


class RunScreen(Screen[RunResult]):
    """Follows the engine: every tick reads one snapshot and sets the widgets from it.

    The screen never keeps time itself. ``tick`` asks the engine what the
    injected clock's monotonic time means, so tests move a fake clock and call
    ``tick``; keys call the engine with the same clock, then ``tick``. Rather
    than polling, each tick sets a one-shot timer for the next moment the
    screen changes (``core.frames``): no frame is drawn that looks the same,
    and a step ends on its deadline. Paused, nothing is scheduled at all.
    """

    # Parsed when the first run opens, not at start-up (the picker does not need it).
    CSS_PATH = "../run.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "pause", "Pause"),
        Binding("d", "end_hold", "End hold"),
        Binding("n", "skip", "Next"),
        Binding("b", "back", "Back"),
        Binding("plus,equals_sign", "rest(5)", "Rest +5 s", key_display="+", group=REST_KEYS),
        Binding("minus,underscore", "rest(-5)", "Rest -5 s", key_display="-", group=REST_KEYS),
        Binding("m", "mute", "Mute"),
        Binding("w", "app.share", "Share"),
        Binding("q,escape", "stop", "Stop"),
        Binding("question_mark", "help", "Help", key_display="?"),
    ]

    def __init__(
        self,
        engine: Engine,
        clock: Clock,
        recorder: SessionRecorder,
        *,
        announcer: object | None = None,
        cue_rotation_s: float = 8.0,
    ) -> None:
        super().__init__()
        self.engine = engine
        self.clock = clock
        self.recorder = recorder
        self.announcer = announcer
        self.cue_rotation_s = cue_rotation_s
        self._timer: Timer | None = None
        self._shown_index: int | None = None
        self._result: RunResult | None = None
        self._completed = False
        self._left = False
        self._told_error: str | None = None
        engine.subscribe(self._on_engine_event)

    @property
    def plan(self) -> Plan:
        return self.engine.plan

    def compose(self) -> ComposeResult:
        with Vertical(id="run"):
            yield Static(self._title(), id="run-title")
            yield PhaseBanner(id="phase")
            yield StepHeading(id="heading")
            yield Countdown(id="countdown")
            yield BreathPacer(id="pacer")
            yield CueRotator(id="cue")
            yield UpNext(id="up-next")
            yield SessionProgress(id="progress")
        # The palette could only start another session or quit: keep the room for keys.
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.engine.start(self.clock.monotonic())
        self.tick()

    # -- ticking --------------------------------------------------------------
    def tick(self) -> None:
        """Advance the engine to the clock's time and redraw what changed."""
        if self._result is not None:
            return
        snapshot = self.engine.update(self.clock.monotonic())
        if snapshot.finished:
            self._finish()
        else:
            self._show(snapshot)
            self._schedule(snapshot)

    def _schedule(self, snapshot: Snapshot) -> None:
        """Wake for the next change on screen (see the class docstring)."""
        if self._timer is not None:
            self._timer.stop()
        step = snapshot.step
        assert step is not None
        pacer = breathing_for(step, self.plan.session.breathing) is not None
        cues = step.is_hold and len(step.hold.cues) > 1
        flash = FLASH_S if snapshot.index > 0 else 0.0
        wait = next_redraw_in(snapshot, pacer, self.cue_rotation_s if cues else None, flash)
        self._timer = None if wait is None else self.set_timer(wait, self.tick)

    def _show(self, snapshot: Snapshot) -> None:
        step = snapshot.step
        assert step is not None
        if snapshot.index != self._shown_index:
            self._shown_index = snapshot.index
            self._enter_step(snapshot)
        self.set_class(snapshot.paused, "-paused")
        # A browser cannot ring the bell: each new step also flashes its phase colour,
        # timed by the engine so that it is exact under a fake clock too.
        flashing = snapshot.index > 0 and snapshot.elapsed_s < FLASH_S and not snapshot.paused
        self.set_class(flashing, "-flash")
        self.query_one(PhaseBanner).words = phase_words(step.kind, snapshot.paused)
        self.query_one(Countdown).seconds = math.ceil(snapshot.remaining_s - 1e-9)
        pattern = breathing_for(step, self.plan.session.breathing)
        # Whole pacer frames only, so a key press or a late tick never draws an extra frame.
        elapsed = frame_elapsed(snapshot.elapsed_s, pacer_frame_s(step.kind))
        pacer = pacer_at(pattern, elapsed) if pattern else None
        self.query_one(BreathPacer).show(pacer)
        cue = cue_at(step.hold.cues, snapshot.elapsed_s, self.cue_rotation_s)
        self.query_one(CueRotator).cue = (cue or "") if step.is_hold else ""
        progress = self.query_one(SessionProgress)
        progress.show(snapshot.session_total_s, snapshot.session_remaining_s)

    def _enter_step(self, snapshot: Snapshot) -> None:
        """Once per step: the heading, the set-up text and the state classes."""
        step = snapshot.step
        assert step is not None
        for kind, name in STATE_CLASSES.items():
            self.set_class(step.kind is kind, name)
        self.query_one(StepHeading).show(step, self.plan)
        coming = None if step.is_hold else next_hold(self.plan, snapshot.index)
        self.query_one(UpNext).show(coming)

    def _finish(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        records = tuple(self.recorder.records)
        self._result = RunResult(self.plan, self._completed, records, self.recorder)
        self._leave()

    def _leave(self) -> None:
        """Dismiss once, and only from the top: the end may come under a dialog."""
        if self._result is not None and not self._left and self.is_active:
            self._left = True
            self.dismiss(self._result)

    def _on_engine_event(self, event: Event) -> None:
        if isinstance(event, SessionFinished):
            self._completed = event.completed
        elif isinstance(event, HoldFinished):
            self._tell_unsaved()

    def _tell_unsaved(self) -> None:
        """Say once per new problem that holds are not reaching the history.

        The recorder has already tried to write the hold (it subscribed first);
        the session goes on and the holds wait in memory for the summary.
        """
        error = self.recorder.last_error
        if error and error != self._told_error and self.recorder.store is not None:
            self._told_error = error
            message = f"{error} Your holds are kept and the summary offers to save them."
            self.notify(message, title="Not saved", severity="error", timeout=10)

    def on_screen_resume(self) -> None:
        # The session may have ended under the help screen; leave once it closes.
        if self._result is not None:
            self._leave()
        else:
            self.tick()

    def _title(self) -> str:
        return f"{self.plan.session.name} · {self.plan.level.value}"

    # -- keys -------------------------------------------------------------------
    def action_pause(self) -> None:
        self.engine.toggle_pause(self.clock.monotonic())
        self.tick()

    def action_end_hold(self) -> None:
        if not self.engine.end_hold(self.clock.monotonic()):
            self.notify("Not holding: d ends a hold early when form breaks.", timeout=3)
        self.tick()

    def action_skip(self) -> None:
        self.engine.skip(self.clock.monotonic())
        self.tick()

    def action_back(self) -> None:
        self.engine.back(self.clock.monotonic())
        self.tick()

    def action_rest(self, seconds: float) -> None:
        if not self.engine.adjust_rest(seconds, self.clock.monotonic()):
            self.notify("+ and - change the time of a rest.", timeout=3)
        self.tick()

    def action_mute(self) -> None:
        if self.announcer is None:
            return
        muted = self.announcer.toggle_mute()
        self.set_class(muted, "-muted")
        self.query_one("#run-title", Static).update(self._title())
        self.notify("Sound muted" if muted else "Sound on", timeout=2)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen("Running a session", self.BINDINGS))

    def action_stop(self) -> None:
        """Pause while asking, so the hold in progress keeps the time it had."""
        at = self.clock.monotonic()
        was_paused = self.engine.paused
        self.engine.pause(at)
        self.tick()
        if self._result is not None:
            return
        snapshot = self.engine.snapshot(at)
        message = stop_message(
            holds=self.recorder.records,
            current=snapshot.step,
            held_s=snapshot.elapsed_s,
            saving=self.recorder.store is not None,
        )

        def answered(stop: bool | None) -> None:
            now = self.clock.monotonic()
            if stop:
                self.engine.stop(now)
            elif not was_paused:
                self.engine.resume(now)
            self.tick()

        self.app.push_screen(ConfirmScreen(message, yes="Stop", no="Keep going"), answered)
