"""Pick an exercise from the library to add as a hold: a searchable list with its details."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from isotimer.core.session.model import Exercise
from isotimer.core.text.durations import short
from isotimer.storage.sessions.library import Library, current_exercises


def matches(exercise: Exercise, words: list[str]) -> bool:
    """Every typed word appears in the id, name, muscles or equipment."""
    haystack = " ".join((exercise.id, exercise.name, *exercise.muscles, *exercise.equipment))
    return all(word in haystack.casefold() for word in words)


def times(exercise: Exercise) -> str:
    """``30 s / 60 s each side``: the beginner and advanced targets."""
    side = " each side" if exercise.per_side else ""
    return f"{short(exercise.beginner_s)} / {short(exercise.advanced_s)}{side}"


def exercise_detail(exercise: Exercise) -> Text:
    """What a runner needs to choose: times, set-up and the form cues."""
    parts: list[Text] = [
        Text(exercise.name, style="bold"),
        Text(f"beginner {short(exercise.beginner_s)} · advanced {short(exercise.advanced_s)}")
        + Text(" · each side" if exercise.per_side else ""),
    ]
    if exercise.muscles:
        parts.append(Text(f"Works: {', '.join(exercise.muscles)}", style="dim"))
    if exercise.equipment:
        parts.append(Text(f"Needs: {', '.join(exercise.equipment)}", style="dim"))
    if exercise.setup:
        parts += [Text(""), Text("Set-up", style="bold"), Text(exercise.setup)]
    if exercise.cues:
        parts += [Text(""), Text("Cues", style="bold")]
        parts += [Text(f"• {cue}") for cue in exercise.cues]
    if exercise.harder:
        parts += [Text(""), Text("Harder: ", style="bold") + Text(exercise.harder)]
    return Text("\n").join(parts)


class ExerciseChooser(ModalScreen[str | None]):
    """Dismisses with the chosen exercise id, or None when the runner backs out."""

    CSS_PATH = "../editor.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (76, "-wide")]  # noqa: RUF012 (Textual's type)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose", "Add"),
        Binding("escape", "cancel", "Cancel"),
        Binding("down", "cursor(1)", show=False),
        Binding("up", "cursor(-1)", show=False),
    ]

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self._shown: list[Exercise] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="chooser"):
            yield Static("Add a hold from the library", id="chooser-title")
            yield Input(
                placeholder="search name, muscle, equipment; Enter adds", compact=True, id="search"
            )
            with Horizontal(id="chooser-body"):
                yield OptionList(id="exercises")
                with VerticalScroll(id="exercise-detail"):
                    yield Static(id="detail")
        yield Footer()

    def on_mount(self) -> None:
        self._fill()
        self.query_one("#search", Input).focus()

    def _fill(self) -> None:
        words = self.query_one("#search", Input).value.casefold().split()
        ordered = sorted(current_exercises(self.library), key=lambda e: e.name.casefold())
        self._shown = [exercise for exercise in ordered if matches(exercise, words)]
        options = self.query_one("#exercises", OptionList)
        options.set_options(
            Option(Text(e.name) + Text(f"  {times(e)}", style="dim"), id=e.id) for e in self._shown
        )
        if self._shown:
            options.highlighted = 0
        self._show_detail()

    @property
    def shown(self) -> tuple[Exercise, ...]:
        """The exercises the search leaves, in list order."""
        return tuple(self._shown)

    @property
    def highlighted(self) -> Exercise | None:
        """The exercise under the list's cursor, or None when the search leaves none."""
        index = self.query_one("#exercises", OptionList).highlighted
        return self._shown[index] if index is not None and index < len(self._shown) else None

    def _show_detail(self) -> None:
        exercise = self.highlighted
        detail = self.query_one("#detail", Static)
        detail.update(exercise_detail(exercise) if exercise else Text("No exercise matches."))

    @on(Input.Changed, "#search")
    def _search(self) -> None:
        self._fill()

    @on(OptionList.OptionHighlighted)
    def _highlighted(self) -> None:
        self._show_detail()

    @on(Input.Submitted, "#search")
    @on(OptionList.OptionSelected)
    def action_choose(self) -> None:
        exercise = self.highlighted
        if exercise is None:
            self.notify("No exercise matches the search.", severity="warning")
        else:
            self.dismiss(exercise.id)

    def action_cursor(self, delta: int) -> None:
        options = self.query_one("#exercises", OptionList)
        if self._shown:
            current = options.highlighted or 0
            options.highlighted = max(0, min(len(self._shown) - 1, current + delta))

    def action_cancel(self) -> None:
        self.dismiss(None)
