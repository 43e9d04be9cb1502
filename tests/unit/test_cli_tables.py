"""Tables piped (a header and one tab-separated record a line) and in a terminal (fitted)."""

from __future__ import annotations

import io
import re
from datetime import datetime

import pytest
from rich.console import Console

from isotimer.cli import main
from isotimer.commands.context import Context
from isotimer.commands.registry import build_parser
from isotimer.paths import Paths, bundled_sessions_dir
from tests.unit.cli_helpers import fill_history

HEADERS = {
    "list": "id\tname\tholds\tduration\ttags",
    "history": "when\tsession\thold\tside\tset\theld\tstatus\teffort\tpain",
    "stats": "hold\tside\tbest\tlast\ttrend\tL/R gap",
    "show recovery-day": "#\tat\tstep\ttime",
    "programme list": "id\tname\tweeks\ta week\tphases",
    "targets wall-sit-finisher": "hold\tside\tsession's\ttoday\twhy",
}


@pytest.mark.parametrize("command", list(HEADERS))
def test_piped_tables_are_a_header_then_one_record_a_line(capsys, isolated_data_dir, command):
    fill_history(isolated_data_dir)
    assert main(command.split()) == 0
    header, *records = capsys.readouterr().out.splitlines()
    assert header == HEADERS[command]
    assert records
    width = header.count("\t")
    assert all(record.count("\t") == width for record in records)


def test_piped_list_greps_to_whole_records(capsys):
    main(["list"])
    lines = [line for line in capsys.readouterr().out.splitlines() if "wall" in line.lower()]
    assert lines
    for line in lines:
        _id, _name, holds, duration, _tags = line.split("\t")
        assert holds.isdigit() and re.fullmatch(r"\d+:\d\d", duration)
    assert any(line.startswith("wall-sit-finisher\tPost-run wall-sit finisher\t") for line in lines)


def test_piped_history_keeps_every_field_whole(capsys, isolated_data_dir):
    fill_history(isolated_data_dir)
    main(["history"])
    records = [line.split("\t") for line in capsys.readouterr().out.splitlines()[1:]]
    assert len(records) == 6
    oldest = records[-1]
    # A tab and a line break inside a name become spaces: the record stays one line.
    assert oldest[1] == "Legs And Hips"
    assert datetime.fromisoformat(oldest[0]).tzinfo is not None
    assert [record[5] for record in records[:3]] == ["23/30 s", "15/30 s", "30/30 s"]
    assert records[1][6] == "ended_early" and records[2][6] == "completed"


def terminal_output(width: int, *argv: str) -> str:
    console = Console(
        file=io.StringIO(), force_terminal=True, width=width, color_system=None, emoji=False
    )
    ctx = Context(Paths.from_options(None, None), console=console)
    args = build_parser(list(argv)).parse_args(list(argv))
    assert args.run(args, ctx) == 0
    return console.file.getvalue()


def test_history_at_80_columns_shows_whole_dates_and_a_status_header(isolated_data_dir):
    fill_history(isolated_data_dir)
    text = terminal_output(80, "history")
    lines = text.splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert "status" in lines[0] and "when" in lines[0]
    dates = re.findall(r"^(\w{3} \d{1,2} \w{3} \d\d:\d\d)\s", text, re.MULTILINE)
    assert len(dates) == 6
    assert "…" not in text


SESSION_IDS = [p.stem for p in bundled_sessions_dir().glob("*.toml") if p.stem != "exercises"]


@pytest.mark.parametrize("width", [40, 60, 80, 120])
def test_a_terminal_table_fits_and_cuts_a_word_only_with_an_ellipsis(width):
    text = terminal_output(width, "list")
    assert all(len(line) <= width for line in text.splitlines())
    lines = text.splitlines()
    if any(line.startswith("id: ") for line in lines):
        # Too narrow for the columns: each record as "header: value" lines.
        first_cells = [line.removeprefix("id: ") for line in lines if line.startswith("id: ")]
    else:
        first_cells = [line.split()[0] for line in lines[3:] if line[:1].isalpha()]
    assert len(first_cells) == len(SESSION_IDS)
    for cell in first_cells:
        whole = cell in SESSION_IDS
        cut = cell.endswith("…") and any(i.startswith(cell[:-1]) for i in SESSION_IDS)
        assert whole or cut, cell


@pytest.mark.parametrize("command", ["programme list", "targets full-circuit", "list", "stats"])
def test_every_table_command_draws_the_same_light_rules_in_a_terminal(isolated_data_dir, command):
    fill_history(isolated_data_dir)
    text = terminal_output(80, *command.split())
    lines = text.splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert not set(text) & set("┏┃━│┌┡╇╭"), "a boxed table"
    assert any(set(line) == {"─"} for line in lines), "the rule under the header"


MARKUP_SESSION = """\
name = "Legs [/] day [bold]x"

[[hold]]
exercise = "plank"
seconds = 30
"""
MARKUP_PROGRAMME = """\
name = "Base [/] weeks"
per_week = 2

[[phase]]
name = "Phase [red]one"
sessions = ["legs-markup"]
weeks = 2
"""


@pytest.mark.parametrize(
    ("argv", "shown"),
    [
        (["show", "legs-markup"], "Legs [/] day [bold]x"),
        (["targets", "legs-markup"], "Legs [/] day [bold]x"),
        (["list"], "Legs [/] day [bold]x"),
        (["programme", "list"], "Base [/] weeks"),
        (["programme", "list"], "Phase [red]one"),
    ],
)
def test_a_terminal_table_shows_a_title_and_cells_with_markup_as_written(
    isolated_data_dir, argv, shown
):
    """``Legs [/] day`` raised MarkupError from ``show``'s title in a terminal; piped it worked."""
    (isolated_data_dir / "sessions").mkdir(parents=True)
    (isolated_data_dir / "sessions" / "legs-markup.toml").write_text(MARKUP_SESSION)
    (isolated_data_dir / "programmes").mkdir()
    (isolated_data_dir / "programmes" / "markup-base.toml").write_text(MARKUP_PROGRAMME)
    text = terminal_output(200, *argv)
    assert shown in text
