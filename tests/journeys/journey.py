"""A runner following a programme week by week through the public commands only.

Each session day the runner asks ``programme status --json``, does the next
session at exactly its ``next_targets`` (an export of the run's holds,
brought in with ``isotimer import`` and counted with ``programme add``),
and answers the morning after with ``isotimer checkin`` as the script says.
Dates come from a patched wall clock: nothing sleeps.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from isotimer.cli import main
from isotimer.commands import programme as programme_command
from isotimer.core.clock import SystemClock

CET = timezone(timedelta(hours=1))
START = date(2026, 3, 2)  # a Monday


@dataclass(frozen=True)
class Felt:
    """How one session went: pain during (None: unrated), the morning after, sets ended early."""

    pain: int | None = None
    compared: str | None = None
    morning: int | None = None
    early: bool = False
    rating: int | None = None  # effort 1-10
    skip: bool = False  # the runner did not train that day
    resume: bool = False  # a clinician said go on: 'programme resume' first, if paused


FINE = Felt(pain=1, compared="same", morning=1)
UNRATED = Felt()
OFF = Felt(skip=True)


@dataclass
class Row:
    """One session day of a journey, as the weekly table shows it."""

    week: int
    day: date
    phase: int
    phase_name: str
    session: str | None
    dose: str
    rule: str
    due: bool
    paused: bool
    red_flag: str | None = None


@dataclass
class Journey:
    """Drives ``isotimer`` in-process; ``capsys`` reads what each command printed."""

    capsys: object
    monkeypatch: object
    tmp: Path
    rows: list[Row] = field(default_factory=list)
    _steps: dict[str, list[int]] = field(default_factory=dict)
    _count: int = 0

    def at(self, day: date, hour: int = 8) -> None:
        """Make ``day`` at ``hour`` the wall time every command sees."""
        now = datetime(day.year, day.month, day.day, hour, tzinfo=CET)
        self.monkeypatch.setattr(SystemClock, "now", lambda self: now)
        self.monkeypatch.setattr(programme_command, "_today", lambda: day)

    def run(self, *argv: str) -> str:
        """``isotimer ARGV``, which must succeed; its standard output."""
        code = main(list(argv))
        out = self.capsys.readouterr()
        assert code == 0, (argv, out.err)
        return out.out

    def json(self, *argv: str) -> dict:
        return json.loads(self.run(*argv))

    def start(self, programme: str) -> str:
        self.at(START)
        return self.run("programme", "start", programme, "--on", START.isoformat())

    def targets(self, session: str) -> dict:
        """``targets SESSION --json`` as the runner would read it now."""
        return self.json("targets", session, "--json")

    def follow(
        self, weeks: int, days: tuple[int, ...], script: Callable[[int, int], Felt]
    ) -> list[Row]:
        """``weeks`` weeks, training on ``days`` of each when due, as ``script(week, n)`` says."""
        for week in range(1, weeks + 1):
            for n, offset in enumerate(days):
                day = START + timedelta(days=7 * (week - 1) + offset)
                self.session_day(week, day, script(week, n))
        return self.rows

    def session_day(self, week: int, day: date, felt: Felt) -> None:
        self.at(day)
        now = self.json("programme", "status", "--json")
        if felt.resume and now["paused"] is not None:
            self.run("programme", "resume")
            now = self.json("programme", "status", "--json")
        holds = now["next_targets"]
        first = holds[0] if holds else None
        row = Row(
            now["week"], day, now["phase"], now["phase_name"], now["next_session"],
            _dose(first), first["rule"] if first else "", now["due"], now["paused"] is not None,
            now["paused"]["red_flag"]["why"] if now["paused"] else None,
        )  # fmt: skip
        self.rows.append(row)
        if not now["due"] or felt.skip or not holds:
            return
        run_id = self._do(day, now["next_session"], now["next_level"], holds, felt)
        self.run("programme", "add", run_id)
        if felt.compared is not None or felt.morning is not None:
            self.at(day + timedelta(days=1), hour=7)
            argv = ["checkin", "--run", run_id, "--pain", str(felt.morning or 0)]
            if felt.compared:
                argv += ["--compared", felt.compared]
            self.run(*argv)

    def _do(self, day: date, session: str, level: str, holds: list[dict], felt: Felt) -> str:
        """Import a run of ``session`` at exactly the targets given; its run id."""
        self._count += 1
        run_id = f"journey-{self._count}"
        at = datetime(day.year, day.month, day.day, 18, tzinfo=CET)
        records = []
        for n, (hold, number) in enumerate(self._sets(session, level, holds)):
            early = felt.early and number == 1
            held = hold["target_s"] / 2 if early else hold["target_s"]
            begin = at + timedelta(minutes=2 * n)
            records.append(
                {
                    "id": f"{run_id}-{n}", "run_id": run_id,
                    "started_at": begin.isoformat(),
                    "ended_at": (begin + timedelta(seconds=held)).isoformat(),
                    "session": session, "session_name": session,
                    "exercise": hold["exercise"], "exercise_name": hold["exercise"],
                    "side": hold["side"], "round": 1, "set": number,
                    "level": level, "target_s": hold["target_s"], "held_s": held,
                    "completed": not early, "outcome": "ended_early" if early else "completed",
                    "effort": felt.rating, "pain": felt.pain, "note": "",
                    "target_effort": hold["effort"],
                }
            )  # fmt: skip
        path = self.tmp / f"{run_id}.json"
        path.write_text(json.dumps({"holds": records, "checkins": []}))
        self.at(day, hour=19)
        self.run("import", str(path))
        return run_id

    def _sets(self, session: str, level: str, holds: list[dict]) -> list[tuple[dict, int]]:
        """Every set of the run: each target as many times as the session has sets of it.

        ``show`` gives the session's own sets per hold; the targets may name a
        harder variation, so they are matched to holds by their order.
        """
        key = f"{session}@{level}"
        if key not in self._steps:
            shown = self.json("show", session, "--level", level, "--json")
            sets: dict[int, int] = {}
            for step in shown["steps"]:
                if step["kind"] == "hold":
                    sets[step["hold_index"]] = max(sets.get(step["hold_index"], 0), step["set"])
            self._steps[key] = [sets[index] for index in sorted(sets)]
        found, index, previous = [], -1, None
        for hold in holds:
            if hold["exercise"] != previous:
                index, previous = index + 1, hold["exercise"]
            count = self._steps[key][min(index, len(self._steps[key]) - 1)]
            found += [(hold, number) for number in range(1, count + 1)]
        return found


def _dose(hold: dict | None) -> str:
    if hold is None:
        return "-"
    effort = f" at {hold['effort']}%" if hold["effort"] is not None else ""
    return f"{hold['target_s']:g} s{effort}"


def table(rows: list[Row]) -> str:
    """The weekly table for the issue note: week, phase, dose and rule of each session day."""
    lines = ["| week | day | phase | session | dose | rule | note |", "| --- " * 7 + "|"]
    for row in rows:
        note = "paused: " + (row.red_flag or "") if row.paused else ("" if row.due else "not due")
        lines.append(
            f"| {row.week} | {row.day:%a %d %b} | {row.phase} {row.phase_name} | {row.session}"
            f" | {row.dose} | {row.rule} | {note} |"
        )
    return "\n".join(lines)
