"""Open the app: the picker with no command, or ``isotimer run SESSION`` straight into a run."""

from __future__ import annotations

import argparse
import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from isotimer.commands.collection import collect_from_now
from isotimer.commands.context import Context
from isotimer.commands.output import say
from isotimer.commands.parser import CommandParser, port, usage_error
from isotimer.commands.terminal import refuse_without_terminal, terminal_problem
from isotimer.core.session.model import Level, Session
from isotimer.paths import Paths
from isotimer.storage.problems import ValidationError

if TYPE_CHECKING:
    from isotimer.storage.history.store import HistoryStore

LEVEL_CHOICES = [level.value for level in Level]
FINAL_WRITE_S = 5.0  # a locked history gets its busy timeout once more before the app exits


@dataclass(frozen=True)
class OpenedHistory:
    """The history as the app opens it: the store, or why there is none.

    ``blocked`` is the path of an unusable file (damaged, foreign, a folder),
    which the app offers to move aside; a disk that cannot be written has none.
    """

    store: HistoryStore | None
    problem: str | None = None
    blocked: Path | None = None


def register(sub: argparse._SubParsersAction[CommandParser]) -> None:
    """Add ``run`` to the parser: a session straight away, with its level, voice and sharing."""
    run = sub.add_parser("run", help="run a session now, without the picker")
    run.add_argument("session", metavar="SESSION", help="a session id, name or .toml path")
    run.add_argument("--level", choices=LEVEL_CHOICES, help="default: the level in your settings")
    run.add_argument("--voice", action="store_true", help="speak the cues for this run")
    run.add_argument(
        "--plain",
        action="store_true",
        help="no full screen: a line per step, for any terminal, a screen reader or a pipe",
    )
    share = run.add_argument_group("a second screen: follow the run on a phone or tablet")
    share.add_argument(
        "--share", action="store_true", help="publish the run as a live web page (shows a QR code)"
    )
    share.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on: 0.0.0.0 lets a phone on your network open it (default: "
        "127.0.0.1, this computer only)",
    )
    share.add_argument("--port", type=port, default=0, help="1-65535 (default: any free one)")
    run.set_defaults(run=run_session)


def run_session(args: argparse.Namespace, ctx: Context) -> int:
    """Check the session before any screen opens, so a typo is a plain error message."""
    try:
        session = ctx.catalog.find(args.session)
    except LookupError as error:
        return usage_error(error.args[0])
    except ValidationError as error:
        say(ctx.err, str(error))
        return 1
    level = Level(args.level) if args.level else None
    share = (args.host, args.port) if args.share else None
    if args.plain:
        from isotimer.commands.plain import run_plain

        collect_from_now()
        return run_plain(ctx, session, level, args.voice, share=share)
    if problem := terminal_problem():
        return refuse_without_terminal(problem, shlex.quote(args.session))
    return open_app(args, ctx, session=session, level=level, voice=args.voice, share=share)


def open_app(
    args: argparse.Namespace,
    ctx: Context,
    *,
    session: Session | None = None,
    level: Level | None = None,
    voice: bool = False,
    share: tuple[str, int] | None = None,
) -> int:
    """Build the real clock, catalog, history and settings, then run the app to its end.

    With ``session``, the app opens straight into its run, at ``level`` or the
    settings' level.
    """
    if problem := terminal_problem():
        return refuse_without_terminal(problem)
    # Textual is imported here only, so the other commands start fast without it.
    from isotimer.core.clock import SystemClock
    from isotimer.storage.history.write_thread import HistoryWriter
    from isotimer.storage.sessions.catalog import load_catalog
    from isotimer.storage.settings import load_settings
    from isotimer.ui.app import IsoTimerApp
    from isotimer.ui.services import RunRequest

    settings, settings_problems = load_settings(ctx.paths.settings_file)
    history = _open_history(ctx.paths)
    start = RunRequest(session, level or settings.level) if session is not None else None
    app = IsoTimerApp(
        ctx.catalog if start is not None else load_catalog(ctx.paths),
        history.store,
        SystemClock(),
        settings,
        paths=ctx.paths,
        start=start,
        history_problem=history.problem,
        history_blocked=history.blocked,
        settings_problems=settings_problems,
        voice=voice or getattr(args, "voice", False),
        share=share,
        writer=(writer := HistoryWriter()),
    )
    collect_from_now()
    try:
        app.run()
    finally:
        writer.close(timeout=FINAL_WRITE_S)
        if app.history is not None:
            app.history.close()
    return app.return_code or 0


def _open_history(paths: Paths) -> OpenedHistory:
    """The history store, or a message saying why not, and the path when it is unusable.

    An unusable file (damaged, foreign, a folder) is reported with its path so
    the app can offer to move it aside; a disk that cannot be written is not.
    """
    from isotimer.storage.history.errors import HistoryError, HistoryUnavailable
    from isotimer.storage.history.store import HistoryStore

    try:
        return OpenedHistory(HistoryStore.open(paths.history_file))
    except HistoryUnavailable as error:
        return OpenedHistory(None, error.message, paths.history_file)
    except HistoryError as error:
        message = f"{error.message} This session will not be saved to your history."
        return OpenedHistory(None, message)
