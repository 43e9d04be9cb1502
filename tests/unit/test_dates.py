"""One date style for people in every command and screen: ``Mon 7 Dec``, a year if not this one."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime

import pytest
from rich.console import Console

from isotimer.commands.context import Context
from isotimer.commands.registry import build_parser
from isotimer.core.history.bests import NewBest
from isotimer.core.text.dates import day_text, moment_text
from isotimer.paths import Paths
from tests.unit.cli_helpers import fill_history


@pytest.mark.parametrize(
    ("day", "today", "shown"),
    [
        (date(2026, 12, 7), date(2026, 12, 8), "Mon 7 Dec"),
        (date(2026, 12, 6), date(2026, 12, 8), "Sun 6 Dec"),
        (date(2025, 3, 9), date(2026, 12, 2), "Sun 9 Mar 2025"),
        (date(2026, 1, 5), None, "Mon 5 Jan 2026"),
    ],
)
def test_a_day_is_weekday_day_month_and_the_year_only_when_not_this_one(day, today, shown):
    assert day_text(day, today) == shown


@pytest.mark.parametrize(
    ("moment", "today", "shown"),
    [
        (datetime(2026, 12, 1, 21, 41), date(2026, 12, 2), "Tue 1 Dec 21:41"),
        (datetime(2025, 3, 9, 7, 5), date(2026, 12, 2), "Sun 9 Mar 2025 07:05"),
        (datetime(2026, 1, 5, 7, 0, tzinfo=UTC), None, "Mon 5 Jan 2026 07:00"),
    ],
)
def test_a_moment_is_the_day_and_the_time(moment, today, shown):
    assert moment_text(moment, today) == shown


def _stats(width: int) -> str:
    console = Console(file=io.StringIO(), force_terminal=True, width=width, color_system=None)
    args = build_parser(["stats"]).parse_args(["stats"])
    assert args.run(args, Context(Paths.from_options(None, None), console=console)) == 0
    return console.file.getvalue()


def test_stats_writes_days_in_the_one_style_and_counts_in_words(isolated_data_dir):
    fill_history(isolated_data_dir)
    text = _stats(80)
    assert re.search(r"\((Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2}\)", text)
    assert not re.search(r"\(\d\d [A-Z][a-z]{2}\)", text), "a zero-padded day"
    week = " ".join(text[text.index("This week") :].split())
    assert re.fullmatch(
        r"This week: \d+ sessions? \(goal: 2\), \d+:\d\d under tension; "
        r"streak: \d+ weeks? at 2 or more\.",
        week,
    )
    assert "(s)" not in text and "/2 sessions" not in text


@pytest.mark.parametrize("width", [80, 100])
def test_stats_headers_are_never_cut(isolated_data_dir, width):
    fill_history(isolated_data_dir)
    header = _stats(width).splitlines()[0].split()
    assert header[:5] == ["hold", "side", "best", "last", "trend"]


def test_a_new_best_names_the_hold_as_the_session_spells_it():
    best = NewBest("Wall sit", "left", 45.2, 40)
    assert best.text() == "New best: Wall sit (left) 45 s, up from 40 s"
