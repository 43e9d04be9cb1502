"""The session editor: a draft's fields and holds, validated as you type, saved as TOML."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, OptionList, Static
from textual.worker import Worker, WorkerState

from isotimer.core.session.draft import HoldDraft, SessionDraft, durations
from isotimer.core.session.model import DEFAULT_LEAD_IN_S, Exercise
from isotimer.core.text.durations import clock
from isotimer.paths import Paths
from isotimer.storage.sessions.draft_check import DraftCheck, FieldRef, check_draft
from isotimer.storage.sessions.library import Library
from isotimer.storage.sessions.writer import new_session_id, save_session
from isotimer.ui.screens.confirm import ConfirmScreen
from isotimer.ui.screens.exercise_chooser import ExerciseChooser
from isotimer.ui.screens.form_keys import IN_ORDER_FOCUS, after_typed_keys
from isotimer.ui.widgets.field_row import FieldRow
from isotimer.ui.widgets.hold_form import HoldForm
from isotimer.ui.widgets.hold_list import HoldList, hold_line
from isotimer.ui.widgets.session_form import SessionForm

UNSAVED_ID = "new-session"
SAVE_GROUP = "save"


class EditorScreen(Screen[str | None]):
    """Edits ``draft`` and saves it to the user's sessions folder.

    Every change runs the draft's file text through the loader that
    ``isotimer validate`` uses, and each problem is shown beside its field;
    an invalid draft is never saved. Dismisses with the id the session was
    saved under (``session_id``, or a new one made from the name when it is
    None), or None when the runner cancels.
    """

    CSS_PATH = "../editor.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (76, "-wide")]  # noqa: RUF012 (Textual's type)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel"),
        *IN_ORDER_FOCUS,
    ]

    def __init__(
        self,
        draft: SessionDraft,
        library: Library,
        paths: Paths,
        session_id: str | None = None,
        *,
        title: str | None = None,
        lead_in: float = DEFAULT_LEAD_IN_S,
        taken: Collection[str] = (),
    ) -> None:
        super().__init__()
        self.taken = frozenset(taken)
        self.draft = self.original = draft
        self.library = library
        self.paths = paths
        self.session_id = session_id
        self.title_text = title or ("Edit session" if session_id else "New session")
        self.lead_in = lead_in
        self.current: int | None = 0 if draft.holds else None
        self.check: DraftCheck = self._checked()

    def compose(self) -> ComposeResult:
        with Horizontal(id="editor-top"):
            yield Static(self.title_text, id="editor-title", markup=False)
            yield Static(id="editor-total")
        with VerticalScroll(id="editor-body"), Horizontal(id="editor-columns"):
            with Vertical(id="editor-left"):
                yield Static("Session", classes="section")
                yield SessionForm(id="session-form")
                yield Static("Holds", classes="section")
                yield HoldList(id="holds")
                with Horizontal(id="hold-buttons"):
                    yield Button("Add", compact=True, id="add-hold")
                    yield Button("Up", compact=True, id="move-up")
                    yield Button("Down", compact=True, id="move-down")
                    yield Button("Remove", compact=True, id="remove-hold")
                yield Static(id="holds-problems", markup=False)
            with Vertical(id="editor-right"):
                yield HoldForm(id="hold-form")
        with Horizontal(id="editor-buttons"):
            yield Static(id="editor-status")
            yield Button("Save", variant="primary", compact=True, id="save")
            yield Button("Cancel", compact=True, id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(SessionForm).load(self.draft)
        self._show_holds()
        self.query_one("#session-name").focus()

    # -- edits --------------------------------------------------------------------
    @on(SessionForm.Changed)
    def _session_changed(self, message: SessionForm.Changed) -> None:
        self.draft = replace(self.draft, **message.edits)
        self._recheck()

    @on(HoldForm.Changed)
    def _hold_changed(self, message: HoldForm.Changed) -> None:
        if self.current is not None:
            hold = replace(self.draft.holds[self.current], **message.edits)
            self.draft = self.draft.with_hold(self.current, hold)
            self._recheck()

    @on(OptionList.OptionHighlighted, "#holds")
    def _hold_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.current = event.option_index
        self._load_hold()
        self._show_problems()

    @on(HoldList.AddRequested)
    @on(Button.Pressed, "#add-hold")
    def action_add_hold(self) -> None:
        self.app.push_screen(ExerciseChooser(self.library), self._add_chosen)

    def _add_chosen(self, exercise_id: str | None) -> None:
        if exercise_id is None:
            return
        self.draft = self.draft.add_hold(HoldDraft(exercise=exercise_id), after=self.current)
        self.current = 0 if self.current is None else self.current + 1
        self._show_holds()
        self.query_one(HoldList).focus()

    @on(HoldList.MoveRequested)
    def _move_requested(self, message: HoldList.MoveRequested) -> None:
        self.move_hold(message.delta)

    @on(Button.Pressed, "#move-up, #move-down")
    def _move_pressed(self, event: Button.Pressed) -> None:
        self.move_hold(-1 if event.button.id == "move-up" else 1)

    def move_hold(self, delta: int) -> None:
        """Move the highlighted hold ``delta`` places, and keep it highlighted."""
        if self.current is None:
            return
        moved = self.draft.move_hold(self.current, delta)
        if moved is not self.draft:
            self.draft = moved
            self.current += delta
            self._show_holds()

    @on(HoldList.RemoveRequested)
    @on(Button.Pressed, "#remove-hold")
    def remove_hold(self) -> None:
        """Remove the highlighted hold; the one after it (or before, at the end) is shown."""
        if self.current is None:
            return
        self.draft = self.draft.remove_hold(self.current)
        count = len(self.draft.holds)
        self.current = min(self.current, count - 1) if count else None
        self._show_holds()

    # -- showing the draft ----------------------------------------------------------
    def _show_holds(self) -> None:
        """Redraw the list after holds were added, moved or removed."""
        self._recheck(relabel=False)
        lines = [self._hold_line(index) for index in range(len(self.draft.holds))]
        self.query_one(HoldList).show(lines, self.current)
        self._load_hold()

    def _load_hold(self) -> None:
        form = self.query_one(HoldForm)
        if self.current is None:
            form.load(None, None, "No holds yet: press Add (or a) to choose one.")
            return
        hold = self.draft.holds[self.current]
        heading = f"Hold {self.current + 1} of {len(self.draft.holds)}"
        form.load(hold, self._exercise(hold), heading)

    def _exercise(self, hold: HoldDraft) -> Exercise | None:
        return self.library.get(hold.exercise) if isinstance(hold.exercise, str) else None

    def _hold_line(self, index: int) -> Content:
        hold = self.draft.holds[index]
        flagged = any(ref[0] == index for ref in self.check.problems)
        return hold_line(index + 1, hold, self._exercise(hold), flagged)

    def _recheck(self, relabel: bool = True) -> None:
        self.check = self._checked()
        if relabel:
            holds = self.query_one(HoldList)
            for index in range(len(self.draft.holds)):
                holds.relabel(index, self._hold_line(index))
        self._show_problems()
        self._show_total()

    def _checked(self) -> DraftCheck:
        return check_draft(self.draft, self.library, self.session_id or UNSAVED_ID, self.taken)

    def _show_problems(self) -> None:
        problems = self.check.problems
        session = {key: whats for (hold, key), whats in problems.items() if hold is None}
        self.query_one(SessionForm).show_problems(session)
        notes = [*session.get("hold", ()), *session.get("", ())]
        notes += [
            f"Hold {hold + 1}: {whats[0]}"
            for (hold, _), whats in problems.items()
            if hold is not None and hold != self.current
        ]
        holds_note = self.query_one("#holds-problems", Static)
        holds_note.update("\n".join(notes))
        holds_note.display = bool(notes)
        if self.current is not None:
            mine = {key: whats for (hold, key), whats in problems.items() if hold == self.current}
            self.query_one(HoldForm).show_problems(mine)
        count = sum(len(whats) for whats in problems.values())
        status = self.query_one("#editor-status", Static)
        status.update(f"⚠ {count} problem{'s' if count != 1 else ''}" if count else "")
        status.set_class(bool(count), "-error")

    def _show_total(self) -> None:
        total = self.query_one("#editor-total", Static)
        if self.check.session is None:
            total.update("Total: --")
            return
        beginner, advanced = durations(self.check.session, self.lead_in).values()
        total.update(f"Total {clock(beginner)} beginner · {clock(advanced)} advanced")

    # -- saving -------------------------------------------------------------------
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        """Save once the keys typed before Ctrl+S are in their field (``form_keys``)."""
        after_typed_keys(self, self._save_valid)

    def _take_fields(self) -> None:
        """The draft as the fields read now: keys typed just before Ctrl+S may have reached
        a field while its ``Changed`` message is still on its way to this screen."""
        self.draft = replace(self.draft, **self.query_one(SessionForm).edits())
        if self.current is not None:
            hold = replace(self.draft.holds[self.current], **self.query_one(HoldForm).edits())
            self.draft = self.draft.with_hold(self.current, hold)
        self._recheck()

    def _save_valid(self) -> None:
        """Save a valid draft; an invalid one is not saved and its first problem is focused."""
        self._take_fields()
        if not self.check.valid:
            count = sum(len(whats) for whats in self.check.problems.values())
            plural = "s" if count != 1 else ""
            self.notify(f"Not saved: fix the {count} problem{plural} shown.", severity="error")
            self._focus_problem(next(iter(self.check.problems)))
            return
        name = str(self.draft.name)
        session_id = self.session_id or new_session_id(name, self.paths.session_dirs())
        self._save(session_id, self.draft)

    @work(thread=True, exclusive=True, group=SAVE_GROUP, exit_on_error=False)
    def _save(self, session_id: str, draft: SessionDraft) -> str:
        """Write the file off the UI thread (it is fsynced); the id it was saved under.

        The worker only writes: leaving the screen from inside it would unmount
        the screen, which cancels its workers, this one included, before it ends.
        """
        save_session(self.paths.user_sessions, session_id, draft)
        return session_id

    @on(Worker.StateChanged)
    def _save_ended(self, event: Worker.StateChanged) -> None:
        """Leave with the saved id once the save worker has ended; say why when it failed."""
        worker = event.worker
        if worker.group != SAVE_GROUP:
            return
        if event.state is WorkerState.SUCCESS:
            self.dismiss(worker.result)
        elif event.state is WorkerState.ERROR:
            error = worker.error
            assert error is not None  # a worker in the ERROR state holds its error
            if not isinstance(error, OSError):
                raise error
            self.notify(f"Not saved: {error.strerror or error}", severity="error")

    def _focus_problem(self, ref: FieldRef) -> None:
        hold, key = ref
        if hold is not None and hold != self.current:
            self.current = hold
            self._show_holds()
        scope = self.query_one(SessionForm if hold is None else HoldForm)
        rows = [row for row in scope.query(FieldRow) if row.key == key]
        if rows:
            rows[0].focus_control()
            rows[0].scroll_visible()
        elif hold is not None:
            self.query_one(HoldList).focus()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Leave; ask first when there are edits that would be lost."""
        if self.draft == self.original:
            self.dismiss(None)
            return
        confirm = ConfirmScreen(
            "Your changes to this session will be lost.",
            question="Discard your changes?",
            yes="Discard",
            no="Keep editing",
        )
        self.app.push_screen(confirm, self._discard_answered)

    def _discard_answered(self, discard: bool | None) -> None:
        if discard:
            self.dismiss(None)
