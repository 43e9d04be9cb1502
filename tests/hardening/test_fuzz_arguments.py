"""Ports and dates on the command line: accepted and used, or one line and exit 2 (issue 27).

``serve --port 99999`` raised OverflowError, and ``programme start --on 9999-12-31`` was
taken, then ``programme calendar`` died of it. A fixed budget (about 300 cases, a few
seconds): the corpus as explicit examples, then random text and every date there is.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from isotimer.cli import build_parser, main
from isotimer.paths import DATA_DIR_ENV
from tests.hardening import corpus

BUDGET = settings(
    max_examples=150,
    deadline=None,
    database=None,  # the same cases every run: a fixed budget
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
PORT_COMMANDS = (["serve", "--port"], ["run", "recovery-day", "--plain", "--share", "--port"])


def parsed_or_exit_2(argv: list[str], capsys) -> object | None:
    """The parsed arguments, or None after checking the refusal was one line and exit 2."""
    try:
        return build_parser(argv).parse_args(argv)
    except SystemExit as stop:
        assert stop.code == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "Traceback" not in err, err
        return None


@pytest.mark.parametrize("command", PORT_COMMANDS, ids=["serve", "run-share"])
@BUDGET
@given(text=st.sampled_from(corpus.PORTS) | st.integers(-(2**70), 2**70).map(str) | st.text())
@example(text="65535")
@example(text="1")
def test_a_port_is_1_to_65535_or_one_line_and_exit_2(capsys, command, text):
    args = parsed_or_exit_2([*command, text], capsys)
    if args is not None:
        assert 1 <= args.port <= 65535


def programme_start_then_calendar(day: str, capsys) -> None:
    with tempfile.TemporaryDirectory() as data, pytest.MonkeyPatch.context() as patch:
        patch.setenv(DATA_DIR_ENV, data)
        argv = ["programme", "start", "runners-base", "--on", day]
        if parsed_or_exit_2(argv, capsys) is None:
            return
        assert main(argv) == 0
        assert main(["programme", "calendar", "-o", str(Path(data) / "plan.ics")]) == 0
        assert main(["programme", "status"]) == 0
        capsys.readouterr()


@BUDGET
@given(day=st.sampled_from(corpus.FAR_DATES) | st.dates().map(date.isoformat))
@example(day="2200-01-01")
@example(day="1970-01-02")
def test_a_date_accepted_for_a_programme_can_still_be_written_as_a_calendar(capsys, day):
    programme_start_then_calendar(day, capsys)
