"""``isotimer programme`` and ``isotimer due`` over a history built from a crafted export."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import pytest
import recurring_ical_events
from icalendar import Calendar

from isotimer.cli import main
from isotimer.commands import programme as command

MONTH = Path(__file__).parent.parent / "data" / "programme-month.json"
KNEE_RUNS = [f"knee-{n}" for n in range(1, 13)]


@pytest.fixture
def today(monkeypatch):
    """Set the user's local date the commands see."""

    def set_today(day: date) -> None:
        monkeypatch.setattr(command, "_today", lambda: day)
        monkeypatch.setattr(
            command.SystemClock, "now", lambda self: datetime(day.year, day.month, day.day, 8)
        )

    return set_today


@pytest.fixture
def knee_month(capsys, today):
    """The knee programme from Mon 2 Nov 2026 with a month of its runs, and one run outside it."""
    assert main(["import", str(MONTH)]) == 0
    today(date(2026, 11, 2))
    assert main(["programme", "start", "knee-tendon-rehab", "--on", "2026-11-02"]) == 0
    assert main(["programme", "add", *KNEE_RUNS]) == 0
    capsys.readouterr()


def status_json(capsys) -> dict:
    assert main(["programme", "status", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_status_json_has_exactly_the_contract_shape_on_the_start_day(capsys, today):
    today(date(2026, 3, 2))
    assert main(["programme", "start", "runners-base"]) == 0
    capsys.readouterr()
    found = status_json(capsys)
    next_targets = found.pop("next_targets")
    assert main(["targets", "runner-setup", "--json"]) == 0
    assert next_targets == json.loads(capsys.readouterr().out)["holds"]
    assert found == {
        "programme": "runners-base",
        "phase": 1,
        "phase_name": "Foundation",
        "week": 1,
        "weeks_in_phase": 3,
        "done_this_week": 0,
        "per_week": 2,
        "next_session": "runner-setup",
        "due": True,
        "advance": {"met": False, "why": "fixed length: 2 more weeks after this one"},
        "finished": False,
        "week_in_phase": 1,
        "repeat_offer": None,
        "paused": None,
        "next_level": "beginner",
    }


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 11, 2), {"week": 1, "phase": 1, "done_this_week": 1, "due": False}),
        # a rehab programme's sessions are 48 h apart: not the day after the 9th's
        (date(2026, 11, 10), {"week": 2, "done_this_week": 1, "due": False}),
        (date(2026, 11, 16), {"week": 3, "phase": 1, "advance": {
            "met": False, "why": "held back: the morning after 2026-11-13 was worse"}}),
        (date(2026, 11, 30), {"week": 5, "phase": 2, "phase_name": "Firmer effort",
                              "done_this_week": 0, "due": True}),
        (date(2026, 12, 1), {"week": 5, "phase": 2, "done_this_week": 1, "due": False}),
    ],
)  # fmt: skip
def test_status_across_the_month(knee_month, capsys, today, day, expected):
    today(day)
    found = status_json(capsys)
    assert {key: found[key] for key in expected} == expected


def test_a_run_outside_the_programme_does_not_count_for_its_week(knee_month, capsys, today):
    today(date(2026, 11, 10))  # the wall-sit finisher of the 10th is not the programme's
    assert status_json(capsys)["done_this_week"] == 1


def test_due_exits_0_with_one_line_when_due_and_1_when_not(knee_month, capsys, today):
    today(date(2026, 11, 30))
    assert main(["due"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Knee tendon rehab · week 5 · session 1 of 3 · Knee tendon holds"
    ]
    today(date(2026, 12, 1))
    assert main(["due"]) == 1
    assert capsys.readouterr() == ("", "")


def test_due_exits_1_when_no_programme_runs_and_says_what_to_run(capsys):
    assert main(["due"]) == 1
    said = capsys.readouterr()
    assert said.out == ""
    assert said.err == "isotimer: you follow no programme; see 'isotimer programme list'\n"


def test_an_unknown_programme_exits_2_with_did_you_mean(capsys):
    assert main(["programme", "start", "runers-base"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "isotimer: no programme 'runers-base' (did you mean 'runners-base'?);"
        " see 'isotimer programme list'"
    ]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["programme", "start", "runners-base", "--on", "2026-02-30"], "is not a date"),
        (["programme", "bogus"], "no action 'bogus' (choose from list, start, status,"),
    ],
)
def test_bad_arguments_exit_2(capsys, argv, message):
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    assert message in capsys.readouterr().err


def test_only_one_programme_at_a_time_and_stop_keeps_the_history(knee_month, capsys, today):
    today(date(2026, 11, 30))
    assert main(["programme", "start", "runners-base"]) == 1
    assert "already follow Knee tendon rehab" in capsys.readouterr().err
    assert main(["programme", "stop"]) == 0
    assert main(["programme", "status"]) == 1
    assert main(["programme", "start", "runners-base"]) == 0
    assert main(["import", str(MONTH)]) == 0  # every run is still there: all duplicates
    assert "0 new, 62 duplicate" in capsys.readouterr().out


def test_the_calendar_parses_back_with_a_reminder_on_every_session(knee_month, tmp_path, today):
    today(date(2026, 12, 1))  # one done today, in week 5 of the programme
    out = tmp_path / "knee.ics"
    assert main(["programme", "calendar", "-o", str(out)]) == 0
    calendar = Calendar.from_ical(out.read_bytes())
    events = recurring_ical_events.of(calendar).between(date(2026, 11, 1), date(2027, 6, 1))
    days = sorted(e["DTSTART"].dt.date() for e in events)
    assert days[:2] == [date(2026, 12, 2), date(2026, 12, 4)]  # week 5: two left
    assert len(days) == len(set(days))
    per_week = Counter((day - date(2026, 11, 2)).days // 7 for day in days)
    assert max(per_week.values()) == 3
    assert all(any(c.name == "VALARM" for c in e.subcomponents) for e in events)
    assert "Knee tendon holds" in str(events[0]["SUMMARY"])
