"""The session picker: what ``isotimer`` opens, and where a summary leads back to."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from typing import ClassVar, Protocol

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Static

from isotimer.core.coach.progression import Suggestion, plan_at_targets
from isotimer.core.coach.swaps import offered_swaps, swapped
from isotimer.core.session.model import Level, Session
from isotimer.core.session.plan import Plan, build_plan
from isotimer.core.text.durations import clock
from isotimer.core.text.printable import printable
from isotimer.storage.problems import Problem
from isotimer.storage.programmes.offer import TodayOffer
from isotimer.storage.sessions.catalog import Catalog, Origin
from isotimer.storage.settings import DEFAULTS, Settings
from isotimer.ui.palette.sessions import SessionCommands
from isotimer.ui.screens.help import HelpScreen
from isotimer.ui.screens.picker.entries import BROKEN, Entry, quick_start_hint
from isotimer.ui.screens.picker.freshness import CHECK_EVERY_S, CatalogSource, CatalogWatch
from isotimer.ui.screens.picker.keys import BINDINGS as KEY_BINDINGS
from isotimer.ui.screens.picker.keys import FILTERING, LIST_KEYS, WhileFiltering
from isotimer.ui.widgets.filter_line import FilterLine
from isotimer.ui.widgets.key_bar import KeyBar
from isotimer.ui.widgets.session_preview import (
    SessionPreview,
    plan_preview,
    problems_preview,
    swap_line,
)
from isotimer.ui.widgets.session_table import NEVER, SessionRow, SessionTable
from isotimer.ui.widgets.today_line import TodayLine

Today = Callable[[], TodayOffer | None]


class PastRuns(Protocol):
    """What the history says about each session, as the picker shows it."""

    def suggestions(self, session: Session, level: Level) -> Mapping[str, Suggestion]:
        """Today's targets for each hold and side of ``session``."""
        ...

    def last_done(self) -> Mapping[str, str]:
        """When each session was last done, in words, by session id."""
        ...

    def retest(self, session: Session) -> str | None:
        """A line saying a session's hold tests are due again, or None."""
        ...


MARKS = {Origin.EDITED: "edited", Origin.OWN: "yours"}
# The letters a name may start with that act on the list instead of filtering it.
LIST_LETTERS = ", ".join(sorted(char for char in LIST_KEYS if char.isalpha()))


class PickerScreen(Screen[None]):
    """Lists sessions with a live filter, a preview and the level to run at.

    Starting a session or asking for settings posts a message to the app,
    which owns the screens that follow.
    """

    BINDINGS: ClassVar[list[BindingType]] = list(KEY_BINDINGS)  # from the one table of keys

    COMMANDS: ClassVar = {SessionCommands}

    level: reactive[Level] = reactive(Level.BEGINNER, init=False)

    class SessionChosen(Message):
        """The runner chose a session and a level."""

        def __init__(self, session: Session, level: Level) -> None:
            super().__init__()
            self.session = session
            self.level = level

    class ProgrammeChosen(Message):
        """The runner chose today's programme session, already at the phase's settings."""

        def __init__(self, session: Session, level: Level) -> None:
            super().__init__()
            self.session = session
            self.level = level

    class SettingsRequested(Message):
        """The runner pressed ``s``."""

    class HistoryRequested(Message):
        """The runner pressed ``h``."""

    class EditRequested(Message):
        """Open the editor: ``action`` is "new", "edit" or "duplicate"."""

        def __init__(self, action: str, session: Session | None) -> None:
            super().__init__()
            self.action = action
            self.session = session

    class DeleteRequested(Message):
        """The runner asked to delete one of their own sessions."""

        def __init__(self, session: Session) -> None:
            super().__init__()
            self.session = session

    class CatalogReloaded(Message):
        """A session file changed on disk and the picker read the catalog again."""

        def __init__(self, catalog: Catalog) -> None:
            super().__init__()
            self.catalog = catalog

    class ProgressionToggled(Message):
        """The runner turned progression on or off for one session."""

        def __init__(self, session: Session, enabled: bool) -> None:
            super().__init__()
            self.session = session
            self.enabled = enabled

    def __init__(
        self,
        catalog: Catalog,
        settings: Settings = DEFAULTS,
        *,
        past: PastRuns | None = None,
        today: Today | None = None,
        sessions: CatalogSource | None = None,
    ) -> None:
        """The level, lead-in, warm-ups and progression come from ``settings``; ``past``
        gives targets, when each session was last done and re-tests due (none without a
        history); ``sessions``, when given, is read again whenever a file changes on disk."""
        super().__init__()
        self.past = past
        self.sessions = sessions
        self._watch: CatalogWatch | None = None
        self.today_offer = today
        self.catalog = catalog
        self.lead_in = settings.lead_in
        self.warm_up = settings.warm_up
        self._last_done: Mapping[str, str] = {}
        self.progression = frozenset(settings.progression)
        self.swapped_today: set[str] = set()  # sessions run with their harder swap today
        self._suggestions: dict[tuple[str, Level], Mapping[str, Suggestion]] = {}
        self.set_reactive(PickerScreen.level, settings.level)
        self._entries: list[Entry] = []
        self._shown: list[Entry] = []
        self._drawn = False  # the preview waits for the list's first frame

    def compose(self) -> ComposeResult:
        with Horizontal(id="picker-top"):
            yield Static("Choose a session", id="picker-title")
            yield Static(self._level_text(), id="level")
        # A row of its own, wrapped rather than cut: what is due ends the line, and at
        # 80x24 beside the level it was cut before the session's name.
        yield TodayLine(id="picker-today")
        with Horizontal(id="picker-body"):
            with Vertical(id="picker-list"):
                yield FilterLine(id="filter")
                yield SessionTable(id="sessions")
                yield Static(id="problems")
            with VerticalScroll(id="preview-scroll"):
                yield SessionPreview(id="preview")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(SessionTable)
        self._last_done = self.past.last_done() if self.past else {}
        self._entries = self._build_entries()
        self._fill()
        self._show_today()
        self._show_problems()
        table.focus()
        if self.sessions is not None:
            self._watch = CatalogWatch(self.sessions)
            self.set_interval(CHECK_EVERY_S, self._check_in_view)

    def _show_problems(self) -> None:
        broken = sum(1 for entry in self._entries if entry.session is None)
        self.query_one("#problems", Static).update(
            Text(
                f"⚠ {broken} session file{'s' if broken > 1 else ''} did not load: see the "
                "rows marked ⚠"
            )
            if broken
            else ""
        )

    def first_frame_drawn(self) -> None:
        """Show the preview now that the list is on screen and taking keys.

        The app calls this after its first frame: the preview reads today's
        targets from the history and is the most text to lay out, so start-up
        does not wait for it.
        """
        self._drawn = True
        self._preview()

    def on_screen_resume(self) -> None:
        # Back from a run or a dialog: keys go to the list, so q quits and numbers pick.
        self.set_focus(self.query_one(SessionTable))
        self._set_filtering(False)
        self._take_changed_catalog()
        # A run may have changed the history that today's targets come from.
        self._suggestions.clear()
        self._last_done = self.past.last_done() if self.past else {}
        self._entries = self._build_entries()
        self._fill()
        self._show_today()
        self._show_problems()

    def refresh_sessions(self) -> bool:
        """Read the catalog again if a session file changed on disk; True if one did.

        A session made with ``isotimer new`` shows up, and one edited shows
        (and runs) as it is now. The filter and the highlight stay.
        """
        if not self._take_changed_catalog():
            return False
        self._entries = self._build_entries()
        self._fill()
        self._show_problems()
        return True

    def _take_changed_catalog(self) -> bool:
        catalog = self._watch.changed() if self._watch is not None else None
        if catalog is None:
            return False
        self.catalog = catalog
        self._suggestions.clear()  # targets are per hold, and the holds may have changed
        self.post_message(self.CatalogReloaded(catalog))
        return True

    def _check_in_view(self) -> None:
        if self.is_current:
            self.refresh_sessions()

    def _show_today(self) -> None:
        """The top line says what today holds in the programme, if one runs."""
        self.query_one(TodayLine).show_offer(self.today_offer() if self.today_offer else None)

    def suggestions(self, session: Session) -> Mapping[str, Suggestion]:
        """Today's targets for ``session`` at the chosen level, read once until the next run."""
        if self.past is None:
            return {}
        key = (session.id, self.level)
        if key not in self._suggestions:
            self._suggestions[key] = self.past.suggestions(session, self.level)
        return self._suggestions[key]

    def plan_for(self, session: Session) -> Plan:
        """The plan a start would run: at today's targets when progression is on."""
        today = self.today(session)
        if session.id in self.progression:
            suggestions = self.suggestions(session)
            return plan_at_targets(today, self.level, suggestions, self.lead_in, self.warm_up)
        return build_plan(today, self.level, lead_in=self.lead_in, warm_up=self.warm_up)

    def swaps(self, session: Session) -> dict[str, str]:
        """The harder variations on offer today for holds of ``session`` at their cap."""
        return offered_swaps(session, self.suggestions(session))

    def today(self, session: Session) -> Session:
        """``session`` as it runs today: with its harder swap when the runner took it."""
        if session.id not in self.swapped_today:
            return session
        return swapped(session, self.swaps(session), self.catalog.library)

    # -- rows -------------------------------------------------------------------
    def _build_entries(self) -> list[Entry]:
        entries = [
            Entry(s.id, s, self.plan_for(s), number=number)
            for number, s in enumerate(self.catalog.ordered_sessions(), start=1)
        ]
        by_file: dict[str, list[Problem]] = defaultdict(list)
        for problem in self.catalog.problems:
            by_file[problem.file].append(problem)
        entries += [Entry(BROKEN + file, problems=tuple(found)) for file, found in by_file.items()]
        return entries

    def _fill(self) -> None:
        """Show the entries matching the filter, keeping the highlight if it stays."""
        words = self.query_one(FilterLine).value.casefold().split()
        self._shown = [entry for entry in self._entries if entry.matches(words)]
        self.query_one(SessionTable).show_rows([self._row(entry) for entry in self._shown])
        self._preview()

    def _row(self, entry: Entry) -> SessionRow:
        if entry.session is None or entry.plan is None:
            name = entry.key.removeprefix(BROKEN).rsplit("/", 1)[-1]
            return SessionRow(entry.key, "⚠", printable(f"{name}: did not load"), broken=True)
        session = entry.session
        number = entry.number
        return SessionRow(
            entry.key,
            str(number) if number is not None and number <= 9 else "",
            printable(session.name),
            mark=MARKS.get(self.catalog.origin(session.id), ""),
            time=clock(entry.plan.total_seconds),
            last=self._last_done.get(session.id, NEVER),
            holds=str(len(entry.plan.hold_steps)),
            tags=printable(", ".join(session.tags)),
        )

    @property
    def shown(self) -> tuple[Entry, ...]:
        """The entries the filter leaves, in list order: the numbers typed count these."""
        return tuple(self._shown)

    @property
    def selected(self) -> Entry | None:
        """The highlighted entry, or None when the filter matches nothing."""
        row = self.query_one(SessionTable).cursor_row
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def _preview(self) -> None:
        if not self._drawn:
            return
        entry = self.selected
        preview = self.query_one(SessionPreview)
        if entry is None:
            preview.show(Text("No session matches the filter.", style="italic"))
        elif entry.plan is not None and entry.session is not None:
            session = entry.session
            on = session.id in self.progression
            taken = session.id in self.swapped_today
            swap = swap_line(session, self.swaps(session), self.catalog.library, taken)
            retest = self.past.retest(session) if self.past else None
            swap = "\n".join(line for line in (swap, retest) if line)
            preview.show(
                plan_preview(entry.plan, self.suggestions(session), progression=on, swap=swap)
            )
        else:
            preview.show(problems_preview(entry.key.removeprefix(BROKEN), list(entry.problems)))

    @on(SessionTable.Highlighted)
    def _highlighted(self) -> None:
        self._preview()

    @on(SessionTable.Selected)
    def _enter_pressed(self) -> None:
        self.action_start()

    # -- typing goes to the filter ------------------------------------------------
    def on_key(self, event: events.Key) -> None:
        """A letter typed on the list starts filtering with that letter; ``/`` starts it empty.

        While filtering, every printable key types, Backspace, Ctrl+W and
        Ctrl+U delete, and Escape is done. All of it happens here, as each key
        reaches the screen, so the keys of a burst apply in the order typed and
        a number, Escape or Enter typed straight after a filter meets the list
        that filter leaves.
        """
        if self.focused is not self.query_one(SessionTable):
            return
        line = self.query_one(FilterLine)
        handled = self._edit(line, event) if line.filtering else self._start(event)
        if handled:
            event.stop()
            event.prevent_default()

    def _start(self, event: events.Key) -> bool:
        if event.key == "escape":
            return self._escape()
        char = event.character if event.is_printable else None
        if char == "/":
            self._set_filtering(True)
            return True
        if char is None or char in LIST_KEYS or not (char.isalnum() or char in "-' "):
            return False
        self._type(char)
        return True

    def _edit(self, line: FilterLine, event: events.Key) -> bool:
        if event.key == "escape":
            return self._escape()
        character = event.character if event.is_printable else None
        if not line.edit(event.key, character):
            return False
        self._fill()  # at once, so the key after this one meets the list this filter leaves
        return True

    def on_paste(self, event: events.Paste) -> None:
        """Pasted text filters, on one line, whether or not filtering had started."""
        text = " ".join(event.text.split())
        if not text or self.focused is not self.query_one(SessionTable):
            return
        event.stop()
        self._type(text)

    def _type(self, text: str) -> None:
        """Start filtering, if not started, with ``text`` typed, and show what it leaves."""
        self._set_filtering(True)
        self.query_one(FilterLine).type(text)
        self._fill()

    def _escape(self) -> bool:
        """Escape leaves the filter, keeping its text; a second Escape empties it."""
        line = self.query_one(FilterLine)
        if line.filtering:
            self._set_filtering(False)
        elif line.value:
            line.clear()
            self._fill()
        else:
            return False
        return True

    def _set_filtering(self, filtering: bool) -> None:
        self.query_one(FilterLine).filtering = filtering
        self.refresh_bindings()  # the footer's letters type while filtering

    @on(FilterLine.Clicked)
    def _filter_clicked(self) -> None:
        self.set_focus(self.query_one(SessionTable))
        self._set_filtering(True)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        # Keys go elsewhere (the top line, a dialog): the filter is done.
        if isinstance(event.widget, SessionTable):
            self._set_filtering(False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While filtering, the keys of letters and numbers type and Delete does nothing."""
        filtering = self.is_mounted and self.query_one(FilterLine).filtering
        rule = FILTERING.get(action, WhileFiltering.SAME)
        if rule is WhileFiltering.ONLY:
            return filtering
        return not (filtering and rule is WhileFiltering.TYPES)

    # -- actions ------------------------------------------------------------------
    def watch_level(self) -> None:
        self.query_one("#level", Static).update(self._level_text())
        self._entries = self._build_entries()
        self._fill()

    def _level_text(self) -> Text:
        text = Text("Level: ")
        for level in Level:
            chosen = level is self.level
            text.append(f" {level.value} ", style="reverse bold" if chosen else "dim")
            text.append(" ")
        text.append("(l)", style="dim")
        return text

    def action_toggle_progression(self) -> None:
        """Run the highlighted session at today's targets from now on, or stop doing so."""
        entry = self.selected
        if entry is None or entry.session is None:
            return
        enabled = entry.session.id not in self.progression
        self.progression = self.progression ^ {entry.session.id}
        self._entries = self._build_entries()
        self._fill()
        self.post_message(self.ProgressionToggled(entry.session, enabled))

    def action_swap(self) -> None:
        """Take today's harder swap for the highlighted session, or put it back."""
        entry = self.selected
        if entry is None or entry.session is None:
            return
        if not self.swaps(entry.session):
            self.notify("No harder variation is on offer for this session today.", timeout=4)
            return
        self.swapped_today ^= {entry.session.id}
        self._entries = self._build_entries()
        self._fill()

    def action_edit(self, action: str) -> None:
        """New needs no session; edit and duplicate work on the highlighted one."""
        entry = self.selected
        session = entry.session if entry is not None else None
        if action != "new" and session is None:
            self.notify("Highlight a session first.", severity="warning")
            return
        self.post_message(self.EditRequested(action, session))

    def action_delete(self) -> None:
        entry = self.selected
        if entry is not None and entry.session is not None:
            self.post_message(self.DeleteRequested(entry.session))

    def action_toggle_level(self) -> None:
        self.level = Level.ADVANCED if self.level is Level.BEGINNER else Level.BEGINNER

    def action_filter(self) -> None:
        """Start filtering (``/``; a key bar click or the help screen's list lead here)."""
        self._set_filtering(True)

    def action_leave_filter(self) -> None:
        self._escape()

    def action_cursor(self, delta: int) -> None:
        table = self.query_one(SessionTable)
        table.move_cursor(row=max(0, table.cursor_row + delta))

    def action_pick(self, number: int) -> None:
        """Highlight the session numbered ``number``; Enter then starts it."""
        for row, entry in enumerate(self._shown):
            if entry.number == number and entry.session is not None:
                self.query_one(SessionTable).move_cursor(row=row)
                return
        if any(entry.number == number for entry in self._entries):
            self.notify(f"Session {number} is hidden by the filter.", severity="warning")

    def action_start(self) -> None:
        """Start the highlighted session as its file is now, read again if it changed."""
        entry = self.selected
        if entry is not None and self.refresh_sessions():
            fresh = self.selected
            if fresh is None or fresh.key != entry.key:
                name = entry.session.name if entry.session else "That file"
                self.notify(
                    f"{name} was deleted or no longer loads: nothing started.", severity="warning"
                )
                return
            entry = fresh
        if entry is None:
            self.notify("No session matches the filter.", severity="warning")
        elif entry.session is None:
            self.notify("This file did not load; fix it first.", severity="warning")
        else:
            self.choose(entry.session)

    def choose(self, session: Session) -> None:
        """Start ``session`` at the chosen level (the command palette calls this too)."""
        self.post_message(self.SessionChosen(self.today(session), self.level))

    @on(TodayLine.Chosen)
    def action_today(self) -> None:
        """Start today's programme session at the phase's settings."""
        offer = self.query_one(TodayLine).offer
        if offer is None or offer.session is None:
            self.notify("No programme session is due today.", timeout=4)
            return
        self.post_message(self.ProgrammeChosen(offer.session, offer.level or self.level))

    def action_settings(self) -> None:
        self.post_message(self.SettingsRequested())

    def action_history(self) -> None:
        self.post_message(self.HistoryRequested())

    def action_help(self) -> None:
        notes = (
            "Type any letter to filter by name, tag or hold (or press /, or click the filter line)."
            " While filtering, every letter and number types; Backspace, Ctrl+W and Ctrl+U"
            " delete a letter, a word, the lot; Enter starts the highlighted session."
            " Escape is done filtering and keeps the filter; a second Escape empties it.\n"
            f"A name that starts with a key used here ({LIST_LETTERS}) is filtered with /"
            " first.\n"
            "x takes today's swap when a hold at its time cap has a harder variation.\n"
            "t (or Enter on the top line) starts today's programme session, when one is due.\n"
            "Up and Down move; a number picks that session; Enter starts it.\n"
            + quick_start_hint(self._shown)
            + "\nCtrl+P opens the command palette: type a session's name to start it."
            + "\nCtrl+N makes a new session, Ctrl+E edits the highlighted one (a bundled"
            " session is edited as your own copy), Ctrl+D duplicates it and Delete removes"
            " one of your own."
        )
        self.app.push_screen(HelpScreen("Choosing a session", self.BINDINGS, notes))

    async def action_quit(self) -> None:
        self.app.exit(return_code=0)

    def reload(self, catalog: Catalog, settings: Settings) -> None:
        """Take new settings: the level, lead-in, warm-ups and progression change the totals."""
        self.catalog = catalog
        self.lead_in = settings.lead_in
        self.warm_up = settings.warm_up
        self.progression = frozenset(settings.progression)
        if settings.level is not self.level:
            self.level = settings.level
        else:
            self._entries = self._build_entries()
            self._fill()
