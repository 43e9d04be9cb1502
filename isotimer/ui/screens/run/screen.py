"""The run screen: one session live, with its countdown, breathing pacer and form cues."""

from __future__ import annotations

import contextlib
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar, Protocol

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Center, Vertical
from textual.css.query import NoMatches
from textual.events import Resize
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Static
from textual.widgets._toast import ToastRack

from isotimer.core.clock import Clock
from isotimer.core.history.records import HoldRecord
from isotimer.core.run.engine import Engine, Snapshot
from isotimer.core.run.events import Event, HoldFinished, SessionFinished
from isotimer.core.run.frames import frame_elapsed, next_redraw_in, pacer_frame_s
from isotimer.core.run.pacer import breathing_for, cue_at, pacer_at, reminders_for
from isotimer.core.session.plan import Plan, StepKind
from isotimer.core.text.durations import clock, countdown_seconds
from isotimer.storage.history.recorder import SessionRecorder
from isotimer.ui.screens.confirm import ConfirmScreen
from isotimer.ui.screens.help import HelpScreen
from isotimer.ui.screens.run.keys import HELP_KEYS, HELP_NOTES, RUN_KEYS, key_applies
from isotimer.ui.screens.run.layout import PARTS, RunLayout, plan_layout
from isotimer.ui.screens.run.stop_message import left_hold_text, stop_message
from isotimer.ui.style.literal import literal
from isotimer.ui.widgets.countdown import Countdown
from isotimer.ui.widgets.cue_rotator import CueRotator
from isotimer.ui.widgets.pacer import BreathPacer
from isotimer.ui.widgets.phase_banner import PhaseBanner, phase_words
from isotimer.ui.widgets.save_status import SaveStatus
from isotimer.ui.widgets.session_progress import SessionProgress
from isotimer.ui.widgets.step_heading import StepHeading
from isotimer.ui.widgets.up_next import UpNext, next_hold

FLASH_S = 0.6
# How often the save line looks at the writer thread's progress (real time; cheap).
SAVE_POLL_S = 0.5
STATE_CLASSES = {
    StepKind.WARM_UP: "-warm-up",
    StepKind.LEAD_IN: "-lead-in",
    StepKind.HOLD: "-hold",
    StepKind.SWITCH: "-switch",
    StepKind.REST: "-rest",
    StepKind.COOL_DOWN: "-cool-down",
}


class Muting(Protocol):
    """What the run screen needs of the announcer: ``m`` mutes and unmutes it."""

    muted: bool


class Sharing(Protocol):
    """What the run screen's ``w`` needs: the live page started and shown for this run."""

    def share(self, engine: Engine) -> None:
        """Publish ``engine``'s run and show the page's address and code."""
        ...


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

    The footer offers only the keys that apply now (``keys``), and any
    screen opened over this one (help, the stop question, the command
    palette) pauses the session until it closes, if it was running.
    """

    # Parsed when the first run opens, not at start-up (the picker does not need it).
    CSS_PATH = "../../run.tcss"
    BINDINGS: ClassVar[list[BindingType]] = RUN_KEYS

    def __init__(
        self,
        engine: Engine,
        clock: Clock,
        recorder: SessionRecorder,
        *,
        announcer: Muting | None = None,
        sharing: Sharing | None = None,
        cue_rotation_s: float = 8.0,
        to_beat: Mapping[tuple[str, str], float] | None = None,
    ) -> None:
        super().__init__()
        # The last test of each (exercise, side) a hold test of this run has to beat.
        self.to_beat = dict(to_beat or {})
        self.engine = engine
        self.clock = clock
        self.recorder = recorder
        self.announcer = announcer
        self.sharing = sharing
        self.cue_rotation_s = cue_rotation_s
        self._timer: Timer | None = None
        self._shown_index: int | None = None
        self._result: RunResult | None = None
        self._completed = False
        self._left = False
        self._told_error: str | None = None
        self._paused_for_overlay = False
        self._keys_state: tuple[object, ...] | None = None
        self.layout_plan: RunLayout | None = None
        engine.subscribe(self._on_engine_event)

    @property
    def plan(self) -> Plan:
        """The plan the engine runs."""
        return self.engine.plan

    def compose(self) -> ComposeResult:
        with Vertical(id="run"):
            yield Static(literal(self._title()), id="run-title")
            with Center(id="phase-row"):
                yield PhaseBanner(id="phase")
            yield StepHeading(id="heading")
            yield Countdown(id="countdown")
            with Center(id="pacer-row"):
                yield BreathPacer(id="pacer")
            yield CueRotator(id="cue")
            yield UpNext(id="up-next")
            yield SessionProgress(id="progress")
            yield SaveStatus(id="save-status")
        # The palette could only start another session or quit: keep the room for keys.
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.engine.start(self.clock.monotonic())
        self._apply_layout()
        self.tick()
        # Again once the first frame is drawn: a Textual timer counts from when its task
        # first runs, so the wake set above starts only after that frame, and the first
        # beep of a short lead-in came 60-70 ms late (benchmarks/run.py).
        self.call_after_refresh(self.tick)
        self.set_interval(SAVE_POLL_S, self.show_saving)

    def on_resize(self, event: Resize) -> None:
        self._apply_layout()

    def _apply_layout(self) -> None:
        """Size the countdown for the whole session at this terminal size (``layout``)."""
        width, height = self.size
        widest = clock(max((step.seconds for step in self.plan.steps), default=0))
        plan = plan_layout(width, height, widest)
        self.layout_plan = plan
        self.query_one(Countdown).scale = plan.scale
        for name, _ in PARTS:
            self.set_class(name not in plan.shown, f"-no-{name}")
        for band in (self.query_one(PhaseBanner), self.query_one(BreathPacer)):
            band.styles.width = plan.band_columns
        # Notices go over the pacer's slot: never over the phase, the next step, the
        # countdown, the cue or what comes next, at any size (``RunLayout.notice_rows``).
        with contextlib.suppress(NoMatches):
            rack = self.get_child_by_type(ToastRack)
            top, rows = plan.notice_rows
            rack.styles.margin = (top, 0, 0, 0)
            rack.styles.max_height = rows

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
        cues = len(reminders_for(step)) > 1
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
        keys_state = (snapshot.index, snapshot.paused)
        if keys_state != self._keys_state:
            self._keys_state = keys_state
            self.refresh_bindings()
        # A browser cannot ring the bell: each new step also flashes its phase colour,
        # timed by the engine so that it is exact under a fake clock too.
        flashing = snapshot.index > 0 and snapshot.elapsed_s < FLASH_S and not snapshot.paused
        self.set_class(flashing, "-flash")
        self.query_one(PhaseBanner).words = phase_words(step.kind, snapshot.paused)
        # A hold test counts up: the time held so far, in whole seconds.
        up = snapshot.counting_up
        seconds = math.floor(snapshot.elapsed_s) if up else countdown_seconds(snapshot.remaining_s)
        self.query_one(Countdown).seconds = seconds
        pattern = breathing_for(step, self.plan.session.breathing)
        # Whole pacer frames only, so a key press or a late tick never draws an extra frame.
        elapsed = frame_elapsed(snapshot.elapsed_s, pacer_frame_s(step.kind))
        pacer = pacer_at(pattern, elapsed) if pattern else None
        self.query_one(BreathPacer).show(pacer, snapshot.paused)
        cue = cue_at(reminders_for(step), snapshot.elapsed_s, self.cue_rotation_s)
        self.query_one(CueRotator).cue = cue or ""
        progress = self.query_one(SessionProgress)
        progress.show(snapshot.session_total_s, snapshot.session_remaining_s)

    def _enter_step(self, snapshot: Snapshot) -> None:
        """Once per step: the heading, the set-up text and the state classes."""
        step = snapshot.step
        assert step is not None
        for kind, name in STATE_CLASSES.items():
            self.set_class(step.kind is kind, name)
        to_beat = self.to_beat.get((step.hold.exercise, step.side.value)) if step.is_test else None
        self.query_one(StepHeading).show(step, self.plan, to_beat)
        # A block has cues of its own to show; the set-up waits for the lead-in.
        coming = None if step.is_hold or step.is_block else next_hold(self.plan, snapshot.index)
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
            self.show_saving()

    def show_saving(self) -> None:
        """Say when holds are not yet in the history, and once per new problem why.

        The recorder has handed the hold to its writer (or tried it already);
        the session goes on and the holds wait in memory for the summary.
        """
        for status in self.query(SaveStatus):  # none once the screen is gone (a signal)
            status.waiting = len(self.recorder.pending) if self.recorder.behind else 0
            status.refused = self.recorder.last_error is not None
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
            self.resume_after_overlay()
            self.tick()

    def _title(self) -> str:
        # Muted is said in words, not only by colour: NO_COLOR and screen readers see it too.
        muted = " · sound muted" if self.announcer is not None and self.announcer.muted else ""
        return f"{self.plan.session.name} · {self.plan.level.value}{muted}"

    def _set_muted(self, muted: bool) -> None:
        """Mute or unmute the sound; the marker beside the countdown says so while it lasts."""
        if self.announcer is None:
            return
        self.announcer.muted = muted
        self.set_class(muted, "-muted")
        self.query_one(Countdown).muted = muted
        self.query_one("#run-title", Static).update(literal(self._title()))
        self.refresh_bindings()

    # -- keys (the tables and when each applies: ``keys``) --------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer a key only when it does something now: see ``key_applies``."""
        step = self.engine.current
        muted = None if self.announcer is None else bool(self.announcer.muted)
        test = step is not None and step.is_test
        return key_applies(action, step.kind if step else None, self.engine.paused, muted, test)

    def action_pause(self) -> None:
        self.engine.pause(self.clock.monotonic())
        self.tick()

    def action_resume(self) -> None:
        self.engine.resume(self.clock.monotonic())
        self.tick()

    def action_end_hold(self) -> None:
        held = len(self.recorder.records)
        self.engine.end_hold(self.clock.monotonic())
        self._tell_left(held)
        self.tick()

    def action_end_test(self) -> None:
        """Enter in a hold test: "that's my hold", the same as ``d``."""
        self.action_end_hold()

    def action_skip(self) -> None:
        step, held = self.engine.current, len(self.recorder.records)
        self.engine.skip(self.clock.monotonic())
        if not self._tell_left(held) and step is not None:
            self.notify(f"{phase_words(step.kind, False).capitalize()} skipped", timeout=3)
        self.tick()

    def _tell_left(self, held_before: int) -> bool:
        """Say how the hold ``d`` or ``n`` just left was saved; False when none was."""
        records = self.recorder.records
        if len(records) == held_before:
            return False
        self.notify(left_hold_text(records[-1]), timeout=3)
        return True

    def action_back(self) -> None:
        self.engine.back(self.clock.monotonic())
        self.tick()

    def action_rest(self, seconds: float) -> None:
        self.engine.adjust_rest(seconds, self.clock.monotonic())
        self.tick()

    def action_mute(self) -> None:
        self._set_muted(True)

    def action_unmute(self) -> None:
        self._set_muted(False)

    def action_share(self) -> None:
        """``w``: show the live page's address and code; the screen over this one pauses."""
        if self.sharing is not None:
            self.sharing.share(self.engine)

    def action_help(self) -> None:
        self.pause_for_overlay()
        self.app.push_screen(HelpScreen("Running a session", HELP_KEYS, HELP_NOTES))

    def action_stop(self) -> None:
        """Ask first; the question pauses the session, so the hold keeps the time it had."""
        at = self.clock.monotonic()
        self.pause_for_overlay()
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
            if stop:
                self.engine.stop(self.clock.monotonic())
                self.tick()

        self.app.push_screen(ConfirmScreen(message, yes="Stop", no="Keep going"), answered)

    # -- overlays ---------------------------------------------------------------
    def pause_for_overlay(self) -> None:
        """Pause now for a screen about to open over this one, if running.

        Keys call this at the moment they are pressed; ``on_screen_suspend``
        calls it again for screens opened any other way (the palette).
        """
        if self.engine.current is not None and not self.engine.paused:
            self.engine.pause(self.clock.monotonic())
            self._paused_for_overlay = True
            self.tick()

    def on_screen_suspend(self) -> None:
        self.pause_for_overlay()

    def resume_after_overlay(self) -> None:
        """Carry on only if it was an overlay, not the runner, that paused the session."""
        if self._paused_for_overlay:
            self._paused_for_overlay = False
            self.engine.resume(self.clock.monotonic())
