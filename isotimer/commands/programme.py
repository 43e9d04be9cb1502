"""``programme`` and ``due``: follow weeks of training from the shell.

``programme list | start ID [--on DATE] | status [--json] | stop | repeat |
resume | add RUN_ID... | calendar [-o FILE]``; ``due`` exits 0 with one line
when a session is due today and 1 when none is, for a shell prompt or cron.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

from isotimer.commands.context import Context
from isotimer.commands.output import Column, print_table
from isotimer.commands.parser import CommandParser, iso_date
from isotimer.core.clock import SystemClock
from isotimer.core.coach.progression import STOP_LOADING, in_plan_order
from isotimer.core.programme.phases import Programme
from isotimer.core.programme.planned import planned_sessions
from isotimer.core.programme.schedule import Repeat
from isotimer.core.programme.today import today_line
from isotimer.core.run.outcomes import plural
from isotimer.core.text.dates import day_text
from isotimer.storage.history.errors import HistoryError
from isotimer.storage.history.store import HistoryStore
from isotimer.storage.problems import ValidationError
from isotimer.storage.programmes.catalog import find_programme, load_programmes
from isotimer.storage.programmes.follow import Following, following
from isotimer.storage.programmes.offer import programme_dose
from isotimer.storage.programmes.state import ProgrammeState, clear_state, save_state

BAD_ARGUMENT = 2
PROGRAMME_COLUMNS = (
    Column("id"),
    Column("name", wrap=True),
    Column("weeks", justify="right"),
    Column("a week", justify="right"),
    Column("phases", wrap=True),
)


def register(sub: argparse._SubParsersAction[CommandParser]) -> None:
    """Add ``programme`` and its actions (list, start, status, stop, ...) to the parser."""
    programme = sub.add_parser("programme", help="follow a programme: weeks of sessions in phases")
    actions = programme.add_subparsers(title="actions", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="the programmes you can follow")
    listing.add_argument("--json", action="store_true", help="print them as JSON")
    listing.set_defaults(run=run_list)
    start = actions.add_parser("start", help="follow a programme from today or a date")
    start.add_argument("programme", metavar="ID", help="a programme id (see 'programme list')")
    start.add_argument("--on", metavar="YYYY-MM-DD", type=iso_date, help="its first day (today)")
    start.set_defaults(run=run_start)
    status = actions.add_parser("status", help="where you stand and what today holds")
    status.add_argument("--json", action="store_true", help="print the status as JSON")
    status.set_defaults(run=run_status)
    actions.add_parser("stop", help="stop following it (your history stays)").set_defaults(
        run=run_stop
    )
    actions.add_parser(
        "repeat", help="after two empty weeks: start the last phase's first week again"
    ).set_defaults(run=run_repeat)
    actions.add_parser(
        "resume", help="go on with a rehab programme a red flag paused (after a clinician's yes)"
    ).set_defaults(run=run_resume)
    add = actions.add_parser("add", help="count recorded runs (see 'history') for the programme")
    add.add_argument("run_ids", metavar="RUN_ID", nargs="+")
    add.set_defaults(run=run_add)
    calendar = actions.add_parser("calendar", help="write the planned sessions as iCalendar")
    calendar.add_argument("-o", "--output", metavar="FILE", type=Path, help="default: stdout")
    calendar.set_defaults(run=run_calendar)

    due = sub.add_parser("due", help="exit 0 and say which session is due today, 1 if none")
    due.set_defaults(run=run_due)


def _say(ctx: Context, message: str, code: int = 1) -> int:
    ctx.err.print(f"isotimer: {message}", markup=False, highlight=False, soft_wrap=True)
    return code


def _today() -> date:
    return SystemClock().now().date()


def _programmes(ctx: Context) -> dict[str, Programme]:
    programmes, problems = load_programmes(ctx.paths, ctx.catalog.sessions)
    for problem in problems:
        ctx.err.print(f"warning: {problem}", markup=False, highlight=False, soft_wrap=True)
    return programmes


def _following(ctx: Context) -> Following | None:
    """The programme followed today; raises what ``following`` raises."""
    path = ctx.paths.history_file
    store = HistoryStore.open(path) if path.exists() else None
    try:
        return following(ctx.paths, _programmes(ctx), _today(), store, ctx.catalog.sessions)
    finally:
        if store is not None:
            store.close()


def _next_targets(ctx: Context, found: Following) -> list[dict[str, object]]:
    """``next_targets``: the next session's holds exactly as ``targets --json`` lists them,
    at the phase's dose after the coach's rules; empty when nothing is next."""
    path = ctx.paths.history_file
    store = HistoryStore.open(path) if path.exists() else None
    try:
        dose = programme_dose(found, ctx.catalog, store, _today())
    finally:
        if store is not None:
            store.close()
    if dose is None:
        return []
    return [row.to_dict() for row in in_plan_order(dose.session, dose.targets)]


def _next_level(ctx: Context, found: Following) -> str | None:
    """The level the next session runs at: the phase's, else the session's own."""
    session = ctx.catalog.sessions.get(found.status.next_session or "")
    if session is None:
        return None
    phase = found.programme.phases[found.status.phase - 1]
    return (phase.level or session.level).value


def _current(ctx: Context) -> tuple[Following | None, int | None]:
    """The programme followed, or the exit code after saying why there is none."""
    try:
        found = _following(ctx)
    except (ValidationError, LookupError, HistoryError) as error:
        return None, _say(ctx, str(error).strip("'\""))
    if found is None:
        return None, _say(ctx, "you follow no programme; see 'isotimer programme list'")
    return found, None


def run_list(args: argparse.Namespace, ctx: Context) -> int:
    """``programme list``: the programmes on offer, as a table or with ``--json``."""
    programmes = _programmes(ctx)
    if args.json:
        rows = [
            {
                "id": p.id,
                "name": p.name,
                "per_week": p.per_week,
                "weeks": p.expected_weeks,
                "phases": [phase.name for phase in p.phases],
            }
            for p in programmes.values()
        ]
        ctx.console.out(json.dumps(rows, indent=2, ensure_ascii=False), highlight=False)
        return 0
    table = [
        (p.id, p.name, p.expected_weeks, p.per_week, " → ".join(phase.name for phase in p.phases))
        for p in programmes.values()
    ]
    print_table(ctx.console, PROGRAMME_COLUMNS, table, title="isotimer programmes")
    return 0


def run_start(args: argparse.Namespace, ctx: Context) -> int:
    """``programme start``: follow a programme from ``--on`` or today.

    Refused while another programme is still being followed; a damaged or stale
    state file is simply replaced.
    """
    try:
        programme = find_programme(_programmes(ctx), args.programme)
    except LookupError as error:
        return _say(ctx, error.args[0], BAD_ARGUMENT)
    state_file = ctx.paths.programme_state
    try:
        current = _following(ctx)
    except (ValidationError, LookupError, HistoryError):
        current = None  # a damaged or stale state is replaced by the new start
    if current is not None and not current.status.finished:
        name = current.programme.name
        return _say(ctx, f"you already follow {name}: 'isotimer programme stop' first")
    start = args.on or _today()
    save_state(state_file, ProgrammeState(programme.id, start))
    ctx.console.print(
        f"Following {programme.name} from {day_text(start, _today())}:"
        f" {plural(programme.per_week, 'session')} a week,"
        f" about {plural(programme.expected_weeks, 'week')}.",
        markup=False,
        highlight=False,
    )
    if programme.screening:
        ctx.console.print(
            f"Before you start: {programme.screening.strip()}",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
    return 0


def run_status(args: argparse.Namespace, ctx: Context) -> int:
    """``programme status``: where you stand and what today holds, or ``--json``."""
    found, code = _current(ctx)
    if found is None:
        return code or 1
    if args.json:
        document = found.status.to_dict()
        document["paused"] = _paused(found)
        try:
            document["next_targets"] = _next_targets(ctx, found)
            document["next_level"] = _next_level(ctx, found)
        except HistoryError as error:
            return _say(ctx, error.message)
        ctx.console.out(json.dumps(document, ensure_ascii=False), highlight=False)
        return 0
    for line in _status_lines(found, ctx):
        ctx.console.print(line, markup=False, highlight=False, soft_wrap=True)
    return 0


def _paused(found: Following) -> dict[str, object] | None:
    """``paused`` of ``status --json``: null, or why, with the red flag that paused it."""
    if found.paused is None:
        return None
    why = f"red flag: {found.paused.why}; {STOP_LOADING}"
    return {"why": why, "red_flag": found.paused.to_dict()}


def _status_lines(found: Following, ctx: Context) -> list[str]:
    now, programme = found.status, found.programme
    of = f" of {now.weeks_in_phase}" if now.weeks_in_phase else ""
    lines = [
        f"{programme.name}: week {now.week}, phase {now.phase} ({now.phase_name}),"
        f" week {now.week_in_phase}{of} of the phase",
    ]
    if found.paused is not None:
        lines.append(
            f"paused: red flag: {found.paused.why}. {STOP_LOADING.capitalize()};"
            " 'isotimer programme resume' goes on once they say you may"
        )
    lines += [
        f"this week: {now.done_this_week} of {plural(now.per_week, 'session')}",
        f"moves on: {'yes' if now.advance_met else 'not yet'}: {now.advance_why}",
    ]
    if now.next_session:
        name = _session_name(ctx, now.next_session)
        lines.append(f"{'due today' if now.due else 'next'}: {name} ({now.next_session})")
    today = _today()
    for week in now.weeks:
        lines.append(
            f"  week {week.week} ({day_text(week.start, today)})"
            f" · phase {week.phase} {week.phase_name} · {week.done} of {week.planned} done"
        )
    if now.repeat_offer:
        lines.append(
            f"two empty weeks: 'isotimer programme repeat' starts phase {now.repeat_offer} again"
        )
    return lines


def _session_name(ctx: Context, session_id: str) -> str:
    session = ctx.catalog.sessions.get(session_id)
    return session.name if session else session_id


def run_stop(args: argparse.Namespace, ctx: Context) -> int:
    """``programme stop``: forget the programme state; recorded runs stay in history."""
    if not clear_state(ctx.paths.programme_state):
        return _say(ctx, "you follow no programme")
    ctx.console.print("Stopped following the programme; your history stays.", highlight=False)
    return 0


def run_repeat(args: argparse.Namespace, ctx: Context) -> int:
    """``programme repeat``: take up the offer to start a phase again this week."""
    found, code = _current(ctx)
    if found is None:
        return code or 1
    offer = found.status.repeat_offer
    if offer is None:
        return _say(ctx, "nothing to repeat: the offer comes after two empty weeks")
    state = found.state
    repeats = (*state.repeats, Repeat(found.status.week, offer))
    save_state(ctx.paths.programme_state, replace(state, repeats=repeats))
    name = found.programme.phases[offer - 1].name
    ctx.console.print(f"This week starts phase {offer} ({name}) again.", highlight=False)
    return 0


def run_resume(args: argparse.Namespace, ctx: Context) -> int:
    """``programme resume``: go on after a red flag paused a rehab programme.

    The flags raised so far count as seen; the next session runs at the eased
    dose the rules give, and a new red flag pauses it again.
    """
    found, code = _current(ctx)
    if found is None:
        return code or 1
    if found.paused is None:
        return _say(ctx, "nothing to resume: the programme is not paused")
    state = ProgrammeState(
        found.state.programme,
        found.state.start,
        found.state.runs,
        found.state.repeats,
        SystemClock().now(),
    )
    save_state(ctx.paths.programme_state, state)
    ctx.console.print(
        f"Resumed {found.programme.name}. The next session runs at an eased dose"
        " ('isotimer programme status'); stop again if the pain comes back.",
        markup=False,
        highlight=False,
    )
    return 0


def run_add(args: argparse.Namespace, ctx: Context) -> int:
    """``programme add``: count recorded runs for the programme; every id must exist."""
    found, code = _current(ctx)
    if found is None:
        return code or 1
    path = ctx.paths.history_file
    try:
        with HistoryStore.open(path) as store:
            missing = [r for r in args.run_ids if store.run(r) is None]
    except HistoryError as error:
        return _say(ctx, error.message)
    if missing:
        return _say(ctx, f"no recorded run with id {missing[0]!r}", BAD_ARGUMENT)
    state = found.state
    for run_id in args.run_ids:
        state = state.with_run(run_id)
    save_state(ctx.paths.programme_state, state)
    ctx.console.print(f"{len(args.run_ids)} run(s) now count for the programme.", highlight=False)
    return 0


def run_calendar(args: argparse.Namespace, ctx: Context) -> int:
    """``programme calendar``: the planned sessions as iCalendar, to stdout or ``--output``."""
    from isotimer.storage.programmes.ical import programme_calendar
    from isotimer.storage.user_files import write_user_file

    found, code = _current(ctx)
    if found is None:
        return code or 1
    now = SystemClock().now()
    planned = planned_sessions(found.programme, found.state.start, found.status, now.date())
    names = {sid: s.name for sid, s in ctx.catalog.sessions.items()}
    data = programme_calendar(found.programme, planned, names, now)
    if args.output is None:
        sys.stdout.buffer.write(data)
        return 0
    try:
        write_user_file(args.output, data)
    except OSError as error:
        return _say(ctx, f"cannot write {args.output}: {error.strerror or error}")
    ctx.err.print(f"{len(planned)} sessions written to {args.output}", highlight=False)
    return 0


def run_due(args: argparse.Namespace, ctx: Context) -> int:
    """``programme due``: print today's line and exit 0 only if a session is due.

    Exits 1, silently, when nothing is due, so a shell prompt can test it; with no
    programme followed it also says so on stderr, since nothing ever will be due.
    """
    found, code = _current(ctx)
    if found is None:
        return code or 1
    if not found.status.due:
        return 1
    now = found.status
    name = _session_name(ctx, now.next_session or "")
    line = today_line(found.programme.name, now, name)
    ctx.console.print(line, markup=False, highlight=False)
    return 0
