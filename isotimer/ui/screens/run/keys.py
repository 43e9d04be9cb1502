"""The run screen's key tables: only the keys that apply now, named for what they do now.

Space is Pause while running and Resume while paused, ``m`` is Mute or
Unmute, ``d`` (end the hold) shows only in holds and ``+``/``-`` only in
rests: each is two bindings or one, and ``check_action`` hides those that do
not apply, which also makes the key do nothing. The help lists every key.
What each key does is the run screen's own (its ``action_*`` methods).
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

from isotimer.core.session.plan import StepKind

REST_KEYS = Binding.Group("Rest ±5 s", compact=True)
RUN_KEYS: list[BindingType] = [
    Binding("space", "pause", "Pause"),
    Binding("space", "resume", "Resume"),
    Binding("d", "end_hold", "End hold"),
    Binding("enter", "end_test", "That's my hold", key_display="Enter"),
    Binding("n", "skip", "Next"),
    Binding("b", "back", "Back"),
    Binding("plus,equals_sign", "rest(5)", "Rest +5 s", key_display="+", group=REST_KEYS),
    Binding("minus,underscore", "rest(-5)", "Rest -5 s", key_display="-", group=REST_KEYS),
    Binding("m", "mute", "Mute"),
    Binding("m", "unmute", "Unmute"),
    Binding("w", "share", "Share"),
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


def key_applies(
    action: str, kind: StepKind | None, paused: bool, muted: bool | None, test: bool = False
) -> bool:
    """Whether the key for ``action`` does anything in this state (``muted`` None: no sound).

    ``test`` is true in a hold test, where Enter ends the hold too ("that's my hold").
    """
    if action == "pause":
        return not paused
    if action == "resume":
        return paused
    if action == "end_hold":
        return kind is StepKind.HOLD
    if action == "end_test":
        return kind is StepKind.HOLD and test
    if action == "rest":
        return kind is StepKind.REST
    if action in ("mute", "unmute"):
        return muted is not None and muted == (action == "unmute")
    return True
