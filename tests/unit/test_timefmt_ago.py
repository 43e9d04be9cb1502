"""When a session was last done, in the words a runner uses."""

from __future__ import annotations

from datetime import date

import pytest

from isotimer.core.text.durations import ago

TODAY = date(2026, 12, 2)
NEW_YEAR = date(2027, 1, 2)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 12, 2), "today"),
        (date(2026, 12, 1), "yesterday"),
        (date(2026, 11, 28), "4 d ago"),
        (date(2026, 11, 25), "25 Nov"),
        (date(2026, 1, 3), "3 Jan"),
        (date(2026, 6, 20), "20 Jun"),
        (date(2025, 11, 3), "Nov 2025"),
        (date(2025, 3, 9), "Mar 2025"),
        (date(2026, 12, 3), "today"),
    ],
)
def test_last_done_reads_as_a_runner_would_say_it(day, expected):
    assert ago(day, TODAY) == expected


def test_a_few_weeks_back_across_new_year_keeps_the_day():
    assert ago(date(2026, 12, 20), NEW_YEAR) == "20 Dec"
