"""``completion``: a shell completion script, generated from the parser itself by shtab."""

from __future__ import annotations

import argparse

from isotimer.commands.context import Context
from isotimer.commands.parser import CommandParser

SHELLS = ("bash", "zsh", "fish")


def register(sub: argparse._SubParsersAction[CommandParser]) -> None:
    """Add ``completion`` to the parser: a shell's completion script."""
    completion = sub.add_parser(
        "completion",
        help="print a completion script for bash, zsh or fish",
        description="Print a completion script. Install it with, for example: "
        "isotimer completion bash > ~/.local/share/bash-completion/completions/isotimer",
    )
    completion.add_argument("shell", choices=SHELLS)
    completion.set_defaults(run=run_completion)


def run_completion(args: argparse.Namespace, ctx: Context) -> int:
    """Walk the whole parser, every subcommand registered, so the script knows them all."""
    import shtab

    from isotimer.commands.registry import build_parser

    script = shtab.complete(build_parser(every_command=True), shell=args.shell)
    ctx.console.file.write(script if script.endswith("\n") else script + "\n")
    return 0
