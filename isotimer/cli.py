"""The ``isotimer`` command line: global options and subcommand dispatch."""

from __future__ import annotations

import argparse
import sys

from isotimer import __version__
from isotimer.commands import app, builder, history, serve, sessions
from isotimer.commands.context import Context
from isotimer.paths import DATA_DIR_ENV, Paths

COMMANDS = (sessions, history, app, builder, serve)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="isotimer",
        description="A terminal coach for isometric strength sessions. "
        "With no command, opens the session picker.",
    )
    parser.add_argument("--version", action="version", version=f"isotimer {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"where settings, your sessions and history live (also ${DATA_DIR_ENV})",
    )
    parser.add_argument(
        "--sessions",
        metavar="DIR",
        action="append",
        help="an extra folder of session files (may be given more than once)",
    )
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    for module in COMMANDS:
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    ctx = Context(Paths.from_options(args.data_dir, args.sessions))
    run = getattr(args, "run", None) or app.open_app
    try:
        return run(args, ctx)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
