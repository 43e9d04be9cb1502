"""``new`` and ``edit``: start a session file, or change one in the session editor."""

from __future__ import annotations

import argparse

from isotimer.commands.collection import collect_from_now
from isotimer.commands.context import Context
from isotimer.commands.output import say
from isotimer.commands.parser import CommandParser, usage_error
from isotimer.commands.terminal import refuse_without_terminal, terminal_problem
from isotimer.storage.problems import ValidationError
from isotimer.storage.sessions.drafts import edit_target
from isotimer.storage.sessions.writer import new_session_id, save_text, starter_text

DEFAULT_NAME = "My session"


def register(sub: argparse._SubParsersAction[CommandParser]) -> None:
    """Add ``new`` and ``edit`` to the parser."""
    new = sub.add_parser("new", help="write a commented starter session file and print its path")
    new.add_argument("name", metavar="NAME", nargs="?", default=DEFAULT_NAME)
    new.set_defaults(run=run_new)

    edit = sub.add_parser("edit", help="change a session in the editor (a bundled one as a copy)")
    edit.add_argument("session", metavar="SESSION", help="a session id, name or .toml path")
    edit.set_defaults(run=run_edit)


def _say(ctx: Context, message: str) -> None:
    say(ctx.err, message)


def run_new(args: argparse.Namespace, ctx: Context) -> int:
    """Write the starter to the user's folder; only its path goes to stdout, for scripts."""
    asked = args.name.strip()
    if not asked:
        _say(ctx, "isotimer: the session needs a name")
        return 2
    name = ctx.catalog.free_name(asked)
    session_id = new_session_id(name, ctx.paths.session_dirs())
    path = ctx.paths.user_sessions / f"{session_id}.toml"
    try:
        save_text(path, starter_text(name))
    except OSError as error:
        _say(ctx, f"isotimer: cannot write {path}: {error.strerror or error}")
        return 1
    ctx.console.out(str(path), highlight=False)
    if name != asked:
        _say(ctx, f"A session is already called '{asked}', so this one is '{name}'.")
    _say(ctx, f"Change it with 'isotimer edit {session_id}' or any text editor;")
    _say(ctx, f"run it with 'isotimer run {session_id}'.")
    return 0


def run_edit(args: argparse.Namespace, ctx: Context) -> int:
    """Open the editor; a bundled session is saved as the user's own copy."""
    try:
        session = ctx.catalog.find(args.session)
        target = edit_target(session, ctx.paths)
    except LookupError as error:
        return usage_error(error.args[0])
    except ValidationError as error:
        _say(ctx, str(error))
        return 1
    if problem := terminal_problem():
        return refuse_without_terminal(problem, what="the session editor")
    # Textual is imported here only, so the other commands start fast without it.
    from isotimer.storage.settings import load_settings
    from isotimer.ui.editor_app import EditorApp

    settings, _ = load_settings(ctx.paths.settings_file)
    title = f"Edit a copy of {session.name}" if target.copy else f"Edit {session.name}"
    app = EditorApp(
        target.draft,
        ctx.catalog.library,
        ctx.paths,
        target.session_id,
        title=title,
        lead_in=settings.lead_in,
        theme=settings.theme,
        taken=ctx.catalog.names(besides=session.id if target.session_id == session.id else None),
    )
    collect_from_now()
    saved = app.run()
    if saved is None:
        _say(ctx, "Not saved.")
        return 0
    ctx.console.out(str(ctx.paths.user_sessions / f"{saved}.toml"), highlight=False)
    if target.copy:
        _say(ctx, f"Saved as your own copy; the original of '{session.name}' is unchanged.")
    return 0
