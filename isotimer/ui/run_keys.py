"""The run screen's keys: only those that apply now, named for what they do now.

Space is Pause while running and Resume while paused, ``m`` is Mute or
Unmute, ``d`` (end the hold) shows only in holds and ``+``/``-`` only in
rests: each is two bindings or one, and ``check_action`` hides those that do
not apply, which also makes the key do nothing. The help lists every key.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.binding import Binding, BindingType

from isotimer.core.session.plan import StepKind
from isotimer.ui.screens.confirm import ConfirmScreen
from isotimer.ui.screens.help import HelpScreen
from isotimer.ui.stop_message import stop_message

if TYPE_CHECKING:
    from isotimer.ui.screens.run import RunScreen

REST_KEYS = Binding.Group("Rest ±5 s", compact=True)
RUN_KEYS: list[BindingType] = [
    Binding("space", "pause", "Pause"),
    Binding("space", "resume", "Resume"),
    Binding("d", "end_hold", "End hold"),
    Binding("n", "skip", "Next"),
    Binding("b", "back", "Back"),
    Binding("plus,equals_sign", "rest(5)", "Rest +5 s", key_display="+", group=REST_KEYS),
    Binding("minus,underscore", "rest(-5)", "Rest -5 s", key_display="-", group=REST_KEYS),
    Binding("m", "mute", "Mute"),
    Binding("m", "unmute", "Unmute"),
    Binding("w", "app.share", "Share"),
    Binding("q,escape", "stop", "Stop"),
    Binding("question_mark", "help", "Help", key_display="?"),
]
HELP_KEYS = [
    Binding("space", "", "Pause / resume (the countdown freezes exactly)"),
    Binding("d", "", "End the hold now, form broke (in holds)"),
    Binding("n", "", "Next step"),
    Binding("b", "", "Back to the previous step"),
    Binding("+", "", "Add 5 s to the rest (in rests)"),
    Binding("-", "", "Take 5 s from the rest (in rests)"),
    Binding("m", "", "Mute / unmute tones, bell and voice"),
    Binding("w", "", "Share this run as a live page"),
    Binding("q,escape", "", "Stop, after a confirmation"),
    Binding("?", "", "This help (the session waits while it is open)"),
]
HELP_NOTES = "A screen opened over a session pauses it until it closes."


def key_applies(action: str, kind: StepKind | None, paused: bool, muted: bool | None) -> bool:
    """Whether the key for ``action`` does anything in this state (``muted`` None: no sound)."""
    if action == "pause":
        return not paused
    if action == "resume":
        return paused
    if action == "end_hold":
        return kind is StepKind.HOLD
    if action == "rest":
        return kind is StepKind.REST
    if action in ("mute", "unmute"):
        return muted is not None and muted == (action == "unmute")
    return True


class RunControls:
    """What the keys of the run screen do; mixed into ``RunScreen``."""

    def check_action(self: RunScreen, action: str, parameters: tuple[object, ...]) -> bool:
        """Offer a key only when it does something now: see ``key_applies``."""
        step = self.engine.current
        muted = None if self.announcer is None else bool(self.announcer.muted)
        return key_applies(action, step.kind if step else None, self.engine.paused, muted)

    def action_pause(self: RunScreen) -> None:
        self.engine.pause(self.clock.monotonic())
        self.tick()

    def action_resume(self: RunScreen) -> None:
        self.engine.resume(self.clock.monotonic())
        self.tick()

    def action_end_hold(self: RunScreen) -> None:
        self.engine.end_hold(self.clock.monotonic())
        self.tick()

    def action_skip(self: RunScreen) -> None:
        self.engine.skip(self.clock.monotonic())
        self.tick()

    def action_back(self: RunScreen) -> None:
        self.engine.back(self.clock.monotonic())
        self.tick()

    def action_rest(self: RunScreen, seconds: float) -> None:
        self.engine.adjust_rest(seconds, self.clock.monotonic())
        self.tick()

    def action_mute(self: RunScreen) -> None:
        self._set_muted(True)

    def action_unmute(self: RunScreen) -> None:
        self._set_muted(False)

    def action_help(self: RunScreen) -> None:
        self.pause_for_overlay()
        self.app.push_screen(HelpScreen("Running a session", HELP_KEYS, HELP_NOTES))

    def action_stop(self: RunScreen) -> None:
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

        def answered(stop: Any) -> None:
            if stop:
                self.engine.stop(self.clock.monotonic())
                self.tick()

        self.app.push_screen(ConfirmScreen(message, yes="Stop", no="Keep going"), answered)

    # -- overlays ---------------------------------------------------------------
    def pause_for_overlay(self: RunScreen) -> None:
        """Pause now for a screen about to open over this one, if running.

        Keys call this at the moment they are pressed; ``on_screen_suspend``
        calls it again for screens opened any other way (the palette).
        """
        if self.engine.current is not None and not self.engine.paused:
            self.engine.pause(self.clock.monotonic())
            self._paused_for_overlay = True
            self.tick()

    def on_screen_suspend(self: RunScreen) -> None:
        self.pause_for_overlay()

    def resume_after_overlay(self: RunScreen) -> None:
        """Carry on only if it was an overlay, not the runner, that paused the session."""
        if self._paused_for_overlay:
            self._paused_for_overlay = False
            self.engine.resume(self.clock.monotonic())
