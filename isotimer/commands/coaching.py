"""``targets`` and ``checkin``: today's targets of a session, and the morning after."""

from __future__ import annotations

import argparse
import json
import uuid
from typing import TYPE_CHECKING

from isotimer.commands.output import Column, print_table
from isotimer.commands.parser import CommandParser
from isotimer.core.clock import SystemClock
from isotimer.core.coach.progression import Suggestion, in_plan_order, red_flags
from isotimer.core.history.checkins import check_answer, checkin_sides, checkin_text
from isotimer.core.history.records import COMPARED, CheckIn
from isotimer.core.session.model import Level, Session
from isotimer.core.text.dates import moment_text
from isotimer.core.text.durations import short
from isotimer.storage.history.errors import HistoryError
from isotimer.storage.history.store import HistoryStore
from isotimer.storage.problems import ValidationError
from isotimer.storage.today import todays_suggestions

if TYPE_CHECKING:
    from isotimer.commands.context import Context

LEVEL_CHOICES = [level.value for level in Level]
TARGET_COLUMNS = (
    Column("hold", wrap=True),
    Column("side"),
    Column("session's"),
    Column("today"),
    Column("why", wrap=True),
)


def register(sub: argparse._SubParsersAction[CommandParser]) -> None:
    """Add ``targets`` and ``checkin`` to the parser."""
    targets = sub.add_parser("targets", help="today's target for every hold of a session")
    targets.add_argument("session", metavar="SESSION", help="a session id, name or .toml path")
    targets.add_argument("--level", choices=LEVEL_CHOICES, help="default: the session's own")
    targets.add_argument("--json", action="store_true", help="print the targets as JSON")
    targets.set_defaults(run=run_targets)

    checkin = sub.add_parser("checkin", help="record how a sore spot is the morning after")
    checkin.add_argument("--pain", metavar="N", type=_pain, required=True, help="0-10")
    checkin.add_argument("--compared", choices=COMPARED, help="than before that session")
    checkin.add_argument("--side", choices=("left", "right"), help="default: both, or none")
    # dest: ``run`` is where every subcommand keeps the function that runs it.
    checkin.add_argument(
        "--run", dest="run_id", metavar="RUN_ID", help="default: the latest session"
    )
    checkin.set_defaults(run=run_checkin)


def _pain(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"pain must be a whole number 0-10, not {text!r}"
        ) from None
    if not 0 <= value <= 10:
        raise argparse.ArgumentTypeError(f"pain must be 0-10, not {value}")
    return value


def _fail(ctx: Context, message: str) -> int:
    ctx.err.print(f"isotimer: {message}", markup=False, highlight=False, soft_wrap=True)
    return 1


def run_targets(args: argparse.Namespace, ctx: Context) -> int:
    """``targets``: today's target for every hold of a session, from its history."""
    try:
        session = ctx.catalog.find(args.session)
    except LookupError as error:
        return _fail(ctx, error.args[0])
    except ValidationError as error:
        ctx.err.print(str(error), markup=False, highlight=False, soft_wrap=True)
        return 1
    level = Level(args.level) if args.level else session.level
    path = ctx.paths.history_file
    try:
        store = HistoryStore.open(path) if path.exists() else None
    except HistoryError as error:
        return _fail(ctx, error.message)
    try:
        today = SystemClock().now().date()
        found = todays_suggestions(store, session, level, ctx.catalog.library, today=today)
    finally:
        if store is not None:
            store.close()
    rows = in_plan_order(session, found)
    flags = red_flags(found)
    if args.json:
        shape = {
            "session": session.id,
            "level": level.value,
            "progress": session.progress.value,
            "holds": [row.to_dict() for row in rows],
            "red_flag": flags[0].to_dict() if flags else None,
            "red_flags": [flag.to_dict() for flag in flags],
        }
        ctx.console.out(json.dumps(shape, indent=2, ensure_ascii=False), highlight=False)
        return 0
    print_table(
        ctx.console,
        TARGET_COLUMNS,
        _target_rows(session, rows),
        title=f"{session.name} ({level.value}) · progress: {session.progress.value}",
    )
    # A pipe gets records only; the red flags, not records, go beside them on stderr.
    out = ctx.console if ctx.console.is_terminal else ctx.err
    names = {hold.exercise: hold.name for hold in session.holds}
    for flag in flags:
        name = names.get(flag.exercise, flag.exercise)
        out.print(flag.sentence(name), markup=False, highlight=False)
    return 0


def _target_rows(session: Session, rows: list[Suggestion]) -> list[tuple[str, ...]]:
    names = {hold.exercise: hold.name for hold in session.holds}
    return [
        (
            names[row.exercise],
            "" if row.side == "none" else row.side,
            _amount(row.base_s, row.base_effort),
            _amount(row.target_s, row.effort),
            row.reason,
        )
        for row in rows
    ]


def _amount(seconds: float, effort: int | None) -> str:
    return short(seconds) + (f" at {effort}%" if effort is not None else "")


def run_checkin(args: argparse.Namespace, ctx: Context) -> int:
    """``checkin``: record the morning-after pain for a run, the latest by default."""
    path = ctx.paths.history_file
    if not path.exists():
        return _fail(ctx, "no sessions recorded yet, so there is nothing to check in about")
    try:
        with HistoryStore.open(path) as store:
            wanted = args.run_id
            run = store.run(wanted) if wanted else next(iter(store.sessions(limit=1)), None)
            if run is None:
                what = f"no run with id {wanted!r}" if wanted else "no sessions recorded yet"
                return _fail(ctx, what)
            sides = checkin_sides(store.run_holds(run.id))
            side = args.side or "none"
            if side != "none" and side not in sides:
                return _fail(ctx, f"{run.session_name} worked no side apart: leave out --side")
            check_answer(side, args.compared, args.pain)
            checkin = CheckIn(
                str(uuid.uuid4()), run.id, SystemClock().now(), side, args.compared, args.pain
            )
            store.add_checkins([checkin])
    except HistoryError as error:
        return _fail(ctx, error.message)
    when = moment_text(run.started_at, SystemClock().now().date())
    ctx.console.print(
        f"Saved for {run.session_name} ({when}): {checkin_text(checkin)}",
        markup=False,
        highlight=False,
    )
    return 0
