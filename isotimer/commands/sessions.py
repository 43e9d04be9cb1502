"""``list``, ``show`` and ``validate``: the session library from the shell."""

from __future__ import annotations

import argparse
from pathlib import Path

from isotimer.commands.context import Context
from isotimer.commands.output import Column, print_json, print_table, say
from isotimer.commands.parser import CommandParser, existing_file, usage_error
from isotimer.core.session.model import Level, Side
from isotimer.core.session.plan import Plan, Step, StepKind, build_plan
from isotimer.core.text.durations import clock
from isotimer.storage.problems import Problem, ValidationError
from isotimer.storage.programmes.loader import is_programme, programme_from_source
from isotimer.storage.sessions.library import LIBRARY_FILE, load_library
from isotimer.storage.sessions.loader import session_from_source
from isotimer.storage.toml.source import read_toml

LEVEL_CHOICES = [level.value for level in Level]


def register(sub: argparse._SubParsersAction[CommandParser]) -> None:
    """Add ``list``, ``show`` and ``validate`` to the parser."""
    listing = sub.add_parser("list", help="list the sessions you can run")
    listing.add_argument("--json", action="store_true", help="print the sessions as JSON")
    listing.set_defaults(run=run_list)

    show = sub.add_parser("show", help="print every step of a session and its total time")
    show.add_argument("session", metavar="SESSION", help="a session id, name or .toml path")
    show.add_argument("--level", choices=LEVEL_CHOICES, help="default: the session's own")
    show.add_argument("--json", action="store_true", help="print the plan as JSON")
    show.set_defaults(run=run_show)

    validate = sub.add_parser(
        "validate", help="check session and programme files and report every problem"
    )
    validate.add_argument("files", metavar="FILE", nargs="+", type=existing_file)
    validate.add_argument("--json", action="store_true", help="print the problems as JSON")
    validate.set_defaults(run=run_validate)


LIST_COLUMNS = (
    Column("id"),
    Column("name", wrap=True),
    Column("holds", justify="right"),
    Column("duration", justify="right"),
    Column("tags", wrap=True),
)
PLAN_COLUMNS = (
    Column("#", justify="right"),
    Column("at", justify="right"),
    Column("step", wrap=True),
    Column("time", justify="right"),
)


def run_list(args: argparse.Namespace, ctx: Context) -> int:
    """``list``: every session with its holds, time and tags, or ``--json``."""
    plans = [build_plan(session) for session in ctx.catalog.ordered_sessions()]
    if args.json:
        print_json(ctx.console, {"sessions": [_session_entry(plan) for plan in plans]})
        return 0
    rows = [
        (
            plan.session.id,
            plan.session.name,
            len(plan.hold_steps),
            clock(plan.total_seconds),
            ", ".join(plan.session.tags),
        )
        for plan in plans
    ]
    print_table(ctx.console, LIST_COLUMNS, rows, title="isotimer sessions")
    return 0


def _session_entry(plan: Plan) -> dict[str, object]:
    """One session in ``list --json`` (schemas/list.schema.json)."""
    session = plan.session
    return {
        "id": session.id,
        "name": session.name,
        "description": session.description,
        "level": plan.level.value,
        "holds": len(plan.hold_steps),
        "total_seconds": plan.total_seconds,
        "time_under_tension_s": plan.time_under_tension_s,
        "tags": list(session.tags),
        "file": session.source or None,
    }


def run_show(args: argparse.Namespace, ctx: Context) -> int:
    """``show``: every step of a session's plan at a level, and its total time."""
    try:
        session = ctx.catalog.find(args.session)
    except LookupError as error:
        return usage_error(error.args[0])
    except ValidationError as error:
        say(ctx.err, str(error))
        return 1
    plan = build_plan(session, Level(args.level) if args.level else None)
    if args.json:
        # Extended, never renamed: plan.to_dict()'s keys stay as they were.
        document = {**plan.to_dict(), "time_under_tension_s": plan.time_under_tension_s}
        print_json(ctx.console, document)
        return 0
    print_table(ctx.console, PLAN_COLUMNS, _plan_rows(plan), title=_plan_title(plan))
    total = _totals(plan)
    # A pipe gets records only; the total goes beside them, on stderr.
    (ctx.console if ctx.console.is_terminal else ctx.err).print(total, highlight=False)
    return 0


def _plan_title(plan: Plan) -> str:
    return f"{plan.session.name} ({plan.level.value})"


def _plan_rows(plan: Plan) -> list[tuple[object, ...]]:
    return [
        (number, clock(step.start_s), _describe(step, plan.session.rounds), _time(step))
        for number, step in enumerate(plan.steps, start=1)
    ]


def _time(step: Step) -> str:
    """A step's time; a hold test has none set, only the cap it stops at."""
    return f"to failure (cap {step.seconds:g} s)" if step.is_test else clock(step.seconds)


def _totals(plan: Plan) -> str:
    """``total 12:35, warm-up 6:00, cool-down 3:00, time under tension 2:00``."""
    parts = [f"total {clock(plan.total_seconds)}"]
    for kind, label in ((StepKind.WARM_UP, "warm-up"), (StepKind.COOL_DOWN, "cool-down")):
        if seconds := plan.seconds_of(kind):
            parts.append(f"{label} {clock(seconds)}")
    parts.append(f"time under tension {clock(plan.time_under_tension_s)}")
    return ", ".join(parts)


def _describe(step: Step, rounds: int) -> str:
    if step.block is not None:
        label = "warm-up" if step.kind is StepKind.WARM_UP else "cool-down"
        return f"{label}: {step.block.name}"
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
    problems: list[Problem] = []
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
    if args.json:
        print_json(ctx.console, _validation_document(args.files, problems))
        return 1 if problems else 0
    for problem in problems:
        say(ctx.console, str(problem))
    if not problems:
        count = len(args.files)
        ctx.err.print(f"{count} file{'s' if count != 1 else ''} valid", highlight=False)
    return 1 if problems else 0


def _validation_document(files: list[Path], problems: list[Problem]) -> dict[str, object]:
    """``validate --json`` (schemas/validate.schema.json): every file, then every problem."""
    return {
        "valid": not problems,
        "files": [str(file) for file in files],
        "problems": [
            {"file": p.file, "line": p.line, "where": p.where, "message": p.what} for p in problems
        ],
    }
