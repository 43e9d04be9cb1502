"""``isotimer run SESSION --plain``: the same engine, recorder and sound, as lines of text."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from isotimer.commands.context import Context
from isotimer.core.clock import Clock, SystemClock
from isotimer.core.history.records import HoldOutcome
from isotimer.core.run.cues import cue_for
from isotimer.core.run.engine import Engine
from isotimer.core.run.tones import due_of, tone_for
from isotimer.core.session.model import Level, Session
from isotimer.plain.keys import TerminalKeys, keys_for
from isotimer.plain.live_page import PlainShare, ShareUnavailable
from isotimer.plain.narration import KEYS_LINE, pain_questions, summary_lines
from isotimer.plain.runner import Interrupted, PlainRun, interrupted_by_signals
from isotimer.sound.announcer import Announcer, announcer_for
from isotimer.storage.history.errors import HistoryError
from isotimer.storage.history.recorder import SessionRecorder
from isotimer.storage.history.store import HistoryStore
from isotimer.storage.settings import load_settings
from isotimer.storage.today import todays_plan

EXIT_BY_SIGNAL = {"SIGTERM": 143, "SIGHUP": 129}
# The same two ratings the app's summary asks for, saved on the run and its holds.
EFFORT_QUESTION = "How hard was it?"


class LineWriter:
    """Prints whole lines and flushes each, so a slow link or a reader sees it at once."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def __call__(self, line: str) -> None:
        self.stream.write(line + "\n")
        self.stream.flush()

    def bell(self) -> None:
        """The terminal bell; a pipe or a file gets no control characters."""
        if self.stream.isatty():
            self.stream.write("\a")
            self.stream.flush()


def run_plain(
    ctx: Context,
    session: Session,
    level: Level | None,
    voice: bool,
    clock: Clock | None = None,
    share: tuple[str, int] | None = None,
) -> int:
    """Run ``session`` line by line; every hold is saved the moment it ends.

    With ``share`` (host, port) the run is also published as the live page.
    """
    clock = clock or SystemClock()
    settings, problems = load_settings(ctx.paths.settings_file)
    write = LineWriter(sys.stdout)
    for problem in problems:
        _warn(ctx, problem)
    store = _open_store(ctx)
    level = level or settings.level
    plan = todays_plan(store, session, level, settings, ctx.catalog.library)
    recorder = SessionRecorder(store, clock, plan, level)
    engine = Engine(plan)
    engine.subscribe(recorder.on_event)
    announcer = announcer_for(
        settings, clock, bell=write.bell, notify=lambda message: _warn(ctx, message), voice=voice
    )
    announcer.prepare()  # the player found and the tones made before the lead-in
    engine.subscribe(lambda event: announcer.play(cue_for(event), tone_for(event), due_of(event)))
    code = 0
    try:
        with (
            keys_for() as terminal,
            interrupted_by_signals(),
            _sharing(share, write, ctx.paths.live_page_log) as live,
        ):
            keys = terminal
            if live is not None:
                keys = live.keys(terminal)
                live.follow(engine, clock, lambda: announcer.muted)
            write(f"{plan.session.name} ({plan.level.value})")
            if isinstance(terminal, TerminalKeys):
                write(KEYS_LINE)
            run = PlainRun(engine, clock, keys, write, _toggle_mute(announcer))
            if live is not None:
                live.run = run  # its stop question holds the pause against the page
            run.run()
    except KeyboardInterrupt:
        code = 130
    except EOFError:
        code = 129
    except Interrupted as interrupted:
        code = EXIT_BY_SIGNAL.get(str(interrupted), 1)
    except ShareUnavailable as error:
        _warn(ctx, str(error))
        if store is not None:
            store.close()
        return 1
    finally:
        announcer.close()
    stopped = code != 0 or any(h.outcome is HoldOutcome.STOPPED for h in recorder.records)
    for line in summary_lines(plan, recorder.records, stopped):
        write(line)
    if code == 0 and recorder.records and sys.stdin is not None and sys.stdin.isatty():
        effort = ask_rating(EFFORT_QUESTION, 1, 10)
        pains = {side: ask_rating(ask, 0, 10) for side, ask in pain_questions(recorder.records)}
        if set(pains) == {"none"}:
            recorder.rate(effort, pains["none"])
        else:
            recorder.rate(effort, None, side_pain=pains)
    _keep_everything(ctx, recorder)
    if store is not None:
        store.close()
    return code


def _sharing(
    share: tuple[str, int] | None, write: LineWriter, log_file: Path
) -> contextlib.AbstractContextManager[PlainShare | None]:
    """The live page's server for the run when asked for, else nothing."""
    if share is None:
        return contextlib.nullcontext()
    return PlainShare(*share, write, log_file=log_file)


def ask_rating(question: str, low: int, high: int) -> int | None:
    """A whole number from ``low`` to ``high`` typed at the prompt, or None for Enter."""
    while True:
        try:
            text = input(f"{question} ({low}-{high}, Enter to skip): ").strip()
        except EOFError:
            return None
        if not text:
            return None
        if text.isdigit() and low <= int(text) <= high:
            return int(text)
        print(f"Give a whole number from {low} to {high}, or press Enter to skip.")


def _warn(ctx: Context, message: str) -> None:
    ctx.err.print(f"isotimer: {message}", markup=False, highlight=False, soft_wrap=True)


def _open_store(ctx: Context) -> HistoryStore | None:
    """The history, or None with a warning: the run goes on and its holds are kept."""
    try:
        return HistoryStore.open(ctx.paths.history_file)
    except HistoryError as error:
        _warn(ctx, f"{error.message} This session's holds are kept and written to a file.")
        return None


def _toggle_mute(announcer: Announcer) -> Callable[[], bool]:
    """The ``m`` key: flip the sound, returning True when it is now muted."""

    def toggle() -> bool:
        announcer.muted = not announcer.muted
        return announcer.muted

    return toggle


def _keep_everything(ctx: Context, recorder: SessionRecorder) -> None:
    """Retry what the history refused; write what is still unsaved to a file that import takes."""
    if recorder.retry():
        return
    if not recorder.pending:
        _warn(ctx, f"the end of this run was not saved: {recorder.last_error}")
        return
    try:
        # Where the app's summary puts them (README), under the same per-run name.
        path = recorder.export_pending(Path.home() / recorder.unsaved_name)
    except OSError as error:
        reason = f"{error.strerror or error}: {error.filename}"
        _warn(ctx, f"{len(recorder.pending)} hold(s) not saved, nor written ({reason})")
        return
    count = len(recorder.pending)
    _warn(ctx, f"{count} hold(s) not saved ({recorder.last_error}); written to {path}:")
    _warn(ctx, f"add them later with 'isotimer import {path}'")
