"""The command line's commands: which module registers each one, and the parser built from them."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType

from isotimer import __version__
from isotimer.commands.parser import CommandParser, GroupedHelpFormatter
from isotimer.paths import DATA_DIR_ENV

# Each command module by the subcommands it registers. Only the module that the
# command line names is imported (every one for help or a mistake), so that
# `isotimer list` never loads the history, the editor or the web server: the
# shell commands start faster than a plain terminal timer (benchmarks/README.md).
COMMANDS = {
    "isotimer.commands.sessions": ("list", "show", "validate"),
    "isotimer.commands.history": ("history", "stats", "export", "import"),
    "isotimer.commands.coaching": ("targets", "checkin"),
    "isotimer.commands.launch": ("run",),
    "isotimer.commands.builder": ("new", "edit"),
    "isotimer.commands.serve": ("serve",),
    "isotimer.commands.completion": ("completion",),
    "isotimer.commands.programme": ("programme", "due"),
    "isotimer.commands.hold_tests": ("tests",),
}
# How ``isotimer --help`` groups the commands; one not named here is listed under "more".
GROUPS = {
    "run a session": ("run",),
    "sessions": ("list", "show", "validate", "new", "edit"),
    "history": ("history", "stats", "tests", "export", "import"),
}
EXAMPLES = """\
examples:
  isotimer                                  open the session picker
  isotimer run recovery-day                 start Recovery day now
  isotimer run recovery-day --plain         the same, line by line, for any terminal
  isotimer list | grep -i wall              find sessions by name (one a line in a pipe)
  isotimer history --since 2026-01-01 --json | jq '.holds | length'
  isotimer stats --exercise wall-sit        bests, trend and balance of one hold
  isotimer completion bash > ~/.local/share/bash-completion/completions/isotimer"""
TAKES_VALUE = frozenset({"--data-dir", "--sessions", "--screenshot-dir"})
HELP = frozenset({"-h", "--help"})


def command_modules(argv: Sequence[str] | None, *, every: bool = False) -> list[ModuleType]:
    """The modules to register: the named command's own, none to open the picker, or all."""
    args = sys.argv[1:] if argv is None else argv
    word = _command_word(args)
    if word is None and not every and not HELP.intersection(args):
        return []  # plain `isotimer` opens the picker: every command module would slow it
    named = [] if every else [name for name, words in COMMANDS.items() if word in words]
    return [importlib.import_module(name) for name in named or COMMANDS]


def _command_word(argv: Sequence[str]) -> str | None:
    """The first argument that is neither a global option nor its value."""
    args = iter(argv)
    for arg in args:
        if arg in TAKES_VALUE:
            next(args, None)
        elif not arg.startswith("-"):
            return arg
    return None


def build_parser(
    argv: Sequence[str] | None = None, *, every_command: bool = False
) -> argparse.ArgumentParser:
    """The command line; ``argv`` decides which command modules load, unless ``every_command``."""
    parser = CommandParser(
        prog="isotimer",
        usage="isotimer [--data-dir DIR] [--sessions DIR] [--screenshot-dir DIR] [COMMAND ...]",
        description="A terminal coach for isometric strength sessions. "
        "With no command, opens the session picker.",
        formatter_class=GroupedHelpFormatter,
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
    parser.add_argument(
        "--screenshot-dir",
        metavar="DIR",
        help="where the palette's Screenshot saves (default: screenshots in the data folder)",
    )
    sub = parser.add_subparsers(metavar="COMMAND", prog="isotimer")
    for module in command_modules(argv, every=every_command):
        module.register(sub)
    parser.epilog = grouped_help(sub) + "\n\n" + EXAMPLES
    return parser


def grouped_help(sub: argparse._SubParsersAction[CommandParser]) -> str:
    """The commands under their group titles, each with its one-line help."""
    helps = {action.dest: action.help or "" for action in sub._choices_actions}
    grouped = [word for words in GROUPS.values() for word in words]
    groups = {**GROUPS, "more": tuple(word for word in helps if word not in grouped)}
    blocks = []
    for title, words in groups.items():
        lines = [f"  {word:<12} {helps[word]}" for word in words if word in helps]
        if lines:
            blocks.append("\n".join([f"{title}:", *lines]))
    return "\n\n".join(blocks)
