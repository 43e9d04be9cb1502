"""``list``, ``show`` and ``validate``: the session library from the shell."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from rich.table import Table

from isotimer.commands.context import Context
from isotimer.core.model import Level, Side
from isotimer.core.plan import Plan, Step, StepKind, build_plan
from isotimer.core.timefmt import clock
from isotimer.storage.library import LIBRARY_FILE, load_library
from isotimer.storage.problems import ValidationError
from isotimer.storage.programmes.loader import is_programme, programme_from_source
from isotimer.storage.sessions.loader import session_from_source
from isotimer.storage.toml.source import read_toml

LEVEL_CHOICES = [level.value for level in Level]


def register(sub: argparse._SubParsersAction) -> None:
    listing = sub.add_parser("list", help="list the sessions you can run")
    listing.set_defaults(run=run_list)

    show = sub.add_parser("show", help="print every step of a session and its total time")
    show.add_argument("session", metavar="SESSION", help="a session id, name or .toml path")
    show.add_argument("--level", choices=LEVEL_CHOICES, help="default: the session's own")
    show.add_argument("--json", action="store_true", help="print the plan as JSON")
    show.set_defaults(run=run_show)

    validate = sub.add_parser(
        "validate", help="check session and programme files and report every problem"
    )
    validate.add_argument("files", metavar="FILE", nargs="+", type=Path)
    validate.set_defaults(run=run_validate)


def run_list(args: argparse.Namespace, ctx: Context) -> int:
    table = Table(title="isotimer sessions")
    table.add_column("id", no_wrap=True)
    table.add_column("name")
    table.add_column("holds", justify="right")
    table.add_column("duration", justify="right")
    table.add_column("tags")
    for session in ctx.catalog.ordered_sessions():
        plan = build_plan(session)
        table.add_row(
            session.id,
            session.name,
            str(len(plan.hold_steps)),
            clock(plan.total_seconds),
            ", ".join(session.tags),
        )
    ctx.console.print(table)
    return 0


def run_show(args: argparse.Namespace, ctx: Context) -> int:
    try:
        session = ctx.catalog.find(args.session)
    except LookupError as error:
        ctx.err.print(f"isotimer: {error.args[0]}", markup=False, highlight=False, soft_wrap=True)
        return 1
    except ValidationError as error:
        ctx.err.print(str(error), markup=False, highlight=False, soft_wrap=True)
        return 1
    plan = build_plan(session, Level(args.level) if args.level else None)
    if args.json:
        ctx.console.out(json.dumps(plan.to_dict(), indent=2), highlight=False)
    else:
        ctx.console.print(_plan_table(plan))
    return 0


def _plan_table(plan: Plan) -> Table:
    session = plan.session
    table = Table(
        "#",
        "at",
        "step",
        "time",
        title=f"{session.name} ({plan.level.value})",
        caption=f"total {clock(plan.total_seconds)}, "
        f"time under tension {clock(plan.time_under_tension_s)}",
    )
    for number, step in enumerate(plan.steps, start=1):
        row = (
            str(number),
            clock(step.start_s),
            _describe(step, session.rounds),
            clock(step.seconds),
        )
        table.add_row(*row)
    return table


def _describe(step: Step, rounds: int) -> str:
    hold = step.hold
    side = f", {step.side.value}" if step.side is not Side.NONE else ""
    parts = [f"set {step.set}/{hold.sets}"] if hold.sets > 1 else []
    parts += [f"round {step.round}/{rounds}"] if rounds > 1 else []
    if step.kind is StepKind.HOLD and step.effort:
        parts.append(f"{step.effort}% effort")
    where = f" ({', '.join(parts)})" if parts else ""
    if step.kind is StepKind.HOLD:
        return f"{hold.name}{side}{where}"
    if step.kind is StepKind.SWITCH:
        return f"switch sides: {hold.name}{side} next"
    if step.kind is StepKind.LEAD_IN:
        return f"get ready: {hold.name}{side}"
    return f"rest, then {hold.name}{side}{where}"


def run_validate(args: argparse.Namespace, ctx: Context) -> int:
    """Check each file; an ``exercises.toml`` is checked as a library file, and a file
    with ``[[phase]]`` tables as a programme (its sessions against the catalog's ids)."""
    library = ctx.catalog.library
    problems = []
    for file in args.files:
        if file.name == LIBRARY_FILE:
            problems.extend(load_library([file], require_file=True)[1])
            continue
        try:
            source = read_toml(file)
            if is_programme(source.data):
                programme_from_source(source, file.stem, ctx.catalog.sessions)
            else:
                session_from_source(source, file.stem, library, str(file))
        except ValidationError as error:
            problems.extend(error.problems)
    for problem in problems:
        ctx.console.print(str(problem), markup=False, highlight=False, soft_wrap=True)
    if not problems:
        count = len(args.files)
        ctx.err.print(f"{count} file{'s' if count != 1 else ''} valid", highlight=False)
    return 1 if problems else 0
