"""The settings dialog: edit a Settings record and hand the new one back."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.validation import Number
from textual.widget import Widget
from textual.widgets import Button, Footer, Input, Label, Select, Static, Switch

from isotimer.core.run.tones import Sound
from isotimer.core.session.model import Level
from isotimer.sound.announcer import AUTO_PROGRAMS, find_program
from isotimer.storage.settings import CUE_ROTATION_RANGE, LEAD_IN_RANGE, VOLUME_RANGE, Settings
from isotimer.ui.screens.form_keys import IN_ORDER_FOCUS, after_typed_keys

PROGRAMS = ("auto", *AUTO_PROGRAMS)
SOUND_CHOICES = [
    ("Tones (bell without audio)", Sound.TONES),
    ("Terminal bell", Sound.BELL),
    ("Off", Sound.OFF),
]
SHARE_WORDS = {"off": "Off", "this-computer": "This computer", "my-network": "My network"}


def _number_input(
    value: float, bounds: tuple[float, float], widget_id: str, unit: str = "seconds"
) -> Input:
    low, high = bounds
    return Input(
        f"{value:g}",
        type="integer" if unit == "percent" else "number",
        validators=[Number(low, high, f"Enter {unit} from {low:g} to {high:g}")],
        validate_on=["changed", "submitted"],
        compact=True,
        id=widget_id,
    )


def _options(names: list[str], current: str) -> list[tuple[str, str]]:
    """Select options for ``names``, keeping ``current`` even when it is not among them."""
    known = list(dict.fromkeys([*names, current]))
    return [(name, name) for name in known]


def _switch(value: bool, widget_id: str) -> tuple[Switch, Label]:
    """A switch and the word for its state: the slider alone is easy to misread."""
    return (
        Switch(value, animate=False, id=widget_id),
        Label("on" if value else "off", classes="switch-state", id=f"{widget_id}-state"),
    )


class SettingsScreen(ModalScreen[Settings | None]):
    """Edits settings; dismisses with the new Settings on save, or None on cancel.

    The theme is previewed live as it is chosen and put back on cancel. The
    caller saves the result and applies it; this screen writes no files.
    """

    CSS_PATH = "../settings.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel"),
        *IN_ORDER_FOCUS,
    ]

    def __init__(self, settings: Settings, themes: list[str]) -> None:
        super().__init__()
        self.settings = settings
        self.themes = themes
        self._theme_before: str | None = None
        self._hints: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        s = self.settings
        with Vertical(id="dialog") as dialog:
            dialog.border_title = "Settings"
            yield self._field(
                "Default level",
                Select(
                    [(level.value.title(), level) for level in Level],
                    value=s.level,
                    allow_blank=False,
                    compact=True,
                    id="level",
                ),
            )
            yield self._field(
                "Lead-in (s)",
                _number_input(s.lead_in, LEAD_IN_RANGE, "lead-in"),
                note="for sessions that set no lead-in",
            )
            yield self._field(
                "Warm-ups", *_switch(s.warm_up, "warm-up"), note="off when a run warmed you up"
            )
            yield self._field(
                "Cue rotation (s)",
                _number_input(s.cue_rotation_s, CUE_ROTATION_RANGE, "cue-rotation"),
                note="how long each form cue stays up",
            )
            yield self._field(
                "Sound",
                Select(SOUND_CHOICES, value=s.sound, allow_blank=False, compact=True, id="sound"),
                gap=True,
            )
            yield self._field(
                "Volume (%)",
                _number_input(s.volume, VOLUME_RANGE, "volume", unit="percent"),
                note="of the tones",
            )
            yield self._field("Voice cues", *_switch(s.voice, "voice"))
            yield self._field(
                "Voice program",
                Select(
                    _options(list(PROGRAMS), s.voice_program),
                    value=s.voice_program,
                    allow_blank=False,
                    compact=True,
                    id="voice-program",
                ),
                note=" ",
            )
            yield self._field(
                "Theme",
                Select(
                    _options(self.themes, s.theme),
                    value=s.theme,
                    allow_blank=False,
                    compact=True,
                    id="theme",
                ),
                gap=True,
            )
            yield self._field(
                "Live page",
                Select(
                    [(words, key) for key, words in SHARE_WORDS.items()],
                    value=s.share,
                    allow_blank=False,
                    compact=True,
                    id="share",
                ),
                note="a phone follows each run (w in a run)",
            )
            with Horizontal(id="buttons"):
                yield Button("Save", variant="primary", compact=True, id="save")
                yield Button("Cancel", compact=True, id="cancel")
        yield Footer()

    def _field(
        self, label: str, control: Widget, *extra: Widget, note: str = "", gap: bool = False
    ) -> Vertical:
        """A labelled control with a line under it for a hint or the problem with its value."""
        row = Horizontal(Label(label, classes="field-label"), control, *extra, classes="field-row")
        self._hints[str(control.id)] = note
        hint = Static(note, classes="field-note", id=f"{control.id}-note")
        hint.display = bool(note)
        return Vertical(row, hint, classes="field -gap" if gap else "field")

    def on_mount(self) -> None:
        self._theme_before = self.app.theme
        self._show_program()

    # -- reacting to edits ---------------------------------------------------
    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        result = event.validation_result
        problem = "" if result is None or result.is_valid else result.failure_descriptions[0]
        self._set_problem(event.input, problem)

    @on(Switch.Changed)
    def _switch_changed(self, event: Switch.Changed) -> None:
        state = self.query_one(f"#{event.switch.id}-state", Label)
        state.update("on" if event.value else "off")

    @on(Switch.Changed, "#voice")
    @on(Select.Changed, "#voice-program")
    def _show_program(self) -> None:
        """Say whether the chosen speech program exists, before a run finds out."""
        voice = self.query_one("#voice", Switch).value
        choice = str(self.query_one("#voice-program", Select).value)
        self.query_one("#voice-program", Select).disabled = not voice
        program = find_program(choice)
        note = self.query_one("#voice-program-note", Static)
        if not voice:
            note.update("voice is off")
        elif program is None:
            note.update("not found: install espeak-ng")
        else:
            note.update(f"found: {program}")
        note.set_class(voice and program is None, "-warning")

    @on(Select.Changed, "#theme")
    def _preview_theme(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value in self.app.available_themes:
            self.app.theme = event.value

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    # -- actions --------------------------------------------------------------
    def action_save(self) -> None:
        """Dismiss with the edited settings, once the keys typed before Ctrl+S are in."""
        after_typed_keys(self, self._save)

    def _save(self) -> None:
        """Dismiss with the edited settings, unless a field is invalid."""
        invalid = [field for field in self.query(Input) if not self._check(field)]
        if invalid:
            invalid[0].focus()
            self.notify("Fix the highlighted field before saving", severity="error")
            return
        self.dismiss(self.edited())

    def action_cancel(self) -> None:
        if self._theme_before is not None:
            self.app.theme = self._theme_before
        self.dismiss(None)

    def edited(self) -> Settings:
        """The settings as the form shows them; call only when every input is valid."""
        return replace(
            self.settings,
            level=Level(str(self.query_one("#level", Select).value)),
            lead_in=float(self.query_one("#lead-in", Input).value),
            warm_up=self.query_one("#warm-up", Switch).value,
            cue_rotation_s=float(self.query_one("#cue-rotation", Input).value),
            sound=Sound(str(self.query_one("#sound", Select).value)),
            volume=int(self.query_one("#volume", Input).value),
            voice=self.query_one("#voice", Switch).value,
            voice_program=str(self.query_one("#voice-program", Select).value),
            theme=str(self.query_one("#theme", Select).value),
            share=str(self.query_one("#share", Select).value),
        )

    def _check(self, field: Input) -> bool:
        result = field.validate(field.value)
        problem = "" if result is None or result.is_valid else result.failure_descriptions[0]
        self._set_problem(field, problem)
        return not problem

    def _set_problem(self, field: Input, problem: str) -> None:
        """Show ``problem`` under ``field``, or its hint again once it is fixed."""
        note = self.query_one(f"#{field.id}-note", Static)
        note.update(problem or self._hints.get(str(field.id), ""))
        note.set_class(bool(problem), "-error")
        row = field.parent.parent if field.parent is not None else None
        if row is not None:
            row.set_class(bool(problem), "-invalid")
