"""Issue 15's imports and history rows: refused with a reason, never a traceback or a loop."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from isotimer.cli import main
from isotimer.paths import Paths
from isotimer.storage.history.store import HistoryStore
from isotimer.storage.history.transfer import export_holds, parse_import
from tests.hardening.corpus import IMPORT_FILES, OSC_52, good_hold
from tests.unit.history_factories import hold_record

ACCEPTED = {"markup-name"}
REFUSED_WHOLE = {"held-5000-digits", "deep"}


def stored_holds(data_dir) -> list:
    path = Paths(data_dir).history_file
    if not path.exists():
        return []
    with HistoryStore.open(path) as store:
        return store.holds()


@pytest.mark.parametrize("case", sorted(set(IMPORT_FILES) - ACCEPTED))
def test_a_hostile_import_is_refused_with_a_reason_and_writes_nothing(
    capsys, tmp_path, isolated_data_dir, case
):
    path = tmp_path / "holds.json"
    path.write_text(IMPORT_FILES[case], encoding="utf-8")
    assert main(["import", str(path)]) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "\x1b" not in out + err
    if case in REFUSED_WHOLE:
        assert err.startswith("isotimer: ") and err.count("\n") == 1
    else:
        assert out.strip() == "0 new, 0 duplicate, 1 rejected"
        assert re.match(r"  hold 1: \w+ ", err), err
    assert stored_holds(isolated_data_dir) == []


def test_held_s_1e308_never_gets_in(capsys, tmp_path, isolated_data_dir):
    path = tmp_path / "holds.json"
    path.write_text(IMPORT_FILES["held-1e308"])
    main(["import", str(path)])
    assert "held_s must be 0-86400, not 1e+308" in capsys.readouterr().err


def test_good_records_beside_bad_ones_are_kept_with_a_count_and_the_first_reasons(
    capsys, tmp_path, isolated_data_dir
):
    holds = [good_hold(id="good")] + [good_hold(id=f"bad{n}", round=0) for n in range(8)]
    path = tmp_path / "holds.json"
    path.write_text(json.dumps({"holds": holds}))
    assert main(["import", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out.strip() == "1 new, 0 duplicate, 8 rejected"
    assert err.splitlines() == [
        *(f"  hold {n}: round must be 1-100, not 0" for n in range(2, 7)),
        "  ... and 3 more",
    ]
    assert [hold.id for hold in stored_holds(isolated_data_dir)] == ["good"]


@pytest.mark.parametrize("fmt", ["json", "toml", "csv"])
def test_every_format_refuses_a_control_character_in_a_note(fmt):
    hold = hold_record(id="x", note="fine")
    text = export_holds([hold], fmt).replace("fine", "\\u001b]52" if fmt != "csv" else OSC_52)
    records, rejected = parse_import(text, fmt)
    assert records == [] and "note contains ESC (U+001B)" in rejected[0][1]


def test_an_import_that_is_a_fifo_is_refused_by_name(capsys, tmp_path):
    import os

    os.mkfifo(tmp_path / "holds.json")
    with pytest.raises(SystemExit):
        main(["import", str(tmp_path / "holds.json")])
    assert "is a FIFO (named pipe), not a regular file" in capsys.readouterr().err


def test_a_markup_name_imports_and_prints_literally(
    capsys, tmp_path, isolated_data_dir, monkeypatch
):
    monkeypatch.setenv("COLUMNS", "200")
    path = tmp_path / "holds.json"
    path.write_text(IMPORT_FILES["markup-name"])
    assert main(["import", str(path)]) == 0
    assert main(["history"]) == 0
    assert main(["stats"]) == 0
    out = capsys.readouterr().out
    assert out.count("Squat [/]") == 2


# -- CSV formulas -------------------------------------------------------------------------
FORMULAS = ['=HYPERLINK("http://x.test","x")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]


@pytest.mark.parametrize("formula", FORMULAS)
def test_csv_export_neutralises_a_cell_that_starts_a_formula(formula):
    text = export_holds([hold_record(id="x", note=formula.replace("\r", "\n"))], "csv")
    if formula.startswith("\r"):
        formula = "\nx"  # a note may hold a newline, not a CR; "\n" starts no formula
        assert next(csv.DictReader(io.StringIO(text)))["note"] == formula
        return
    row = next(csv.DictReader(io.StringIO(text)))
    assert row["note"] == "'" + formula
    assert parse_import(text, "csv")[0][0].note == formula  # the quote comes off on import


def test_csv_numbers_are_never_quoted_and_negative_text_is():
    text = export_holds([hold_record(id="-1", held_s=12.5, note="'quoted")], "csv")
    row = next(csv.DictReader(io.StringIO(text)))
    assert (row["held_s"], row["id"], row["note"]) == ("12.5", "'-1", "''quoted")
    assert parse_import(text, "csv")[0][0].id == "-1"


# -- a bad row already in a history --------------------------------------------------------
@pytest.fixture
def bad_row(isolated_data_dir):
    """A history written before imports were checked: one hold of 1e308 seconds."""
    path = Paths(isolated_data_dir).history_file
    now = datetime.now(UTC)  # this week, so the week's time under tension counts it
    with HistoryStore.open(path) as store:
        store.import_holds([hold_record(id="ok", held_s=40, at=now - timedelta(minutes=5)),
                            hold_record(id="huge", held_s=1, at=now)])  # fmt: skip
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE holds SET held_s = 1e308 WHERE id = 'huge'")
    return path


def test_stats_and_history_stay_readable_over_a_bad_row(capsys, bad_row):
    assert main(["stats"]) == 0
    assert main(["stats", "--exercise", "wall-sit"]) == 0
    assert main(["history"]) == 0
    out = capsys.readouterr().out
    assert not re.search(r"\d{7,}|e\+|inf", out), out  # no 300-digit "min under tension"
    assert "1440 min" in out and "86400/45 s" in out  # the bad hold read as a day


# -- an invisible character already in a history (issue 27) ---------------------------------
@pytest.mark.parametrize("invisible", ["\u202e", "\u2066", "\u200b", "\ufeff"])
def test_a_bidi_or_zero_width_name_already_stored_is_neutralised_on_display(
    capsys, isolated_data_dir, monkeypatch, invisible
):
    """Stored before imports refused them: shown as a space (tables) or � (a terminal)."""
    monkeypatch.setenv("COLUMNS", "200")
    path = Paths(isolated_data_dir).history_file
    with HistoryStore.open(path) as store:
        store.import_holds([hold_record(id="x", at=datetime.now(UTC))])
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE holds SET session_name = ?", (f"Legs{invisible}yad",))
        conn.execute("UPDATE runs SET session_name = ?", (f"Legs{invisible}yad",))
    assert main(["history"]) == 0
    assert main(["stats"]) == 0
    out = capsys.readouterr().out
    assert invisible not in out and "Legs yad" in out
