"""Export and import: exact round trips, and a reason for every record refused."""

from __future__ import annotations

import csv
import io
import json
import tomllib
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from isotimer.core.history.records import HoldRecord
from isotimer.storage.history.store import HistoryStore
from isotimer.storage.history.transfer import (
    FIELDS,
    TransferError,
    export_holds,
    guess_format,
    parse_import,
    write_export,
)
from tests.unit.history_factories import T0, hold_record

FORMATS = ["json", "csv", "toml"]


def sample() -> list[HoldRecord]:
    return [
        hold_record(id="a", effort=6, pain=2, note='tight calves, "left"\nnext line'),
        hold_record(id="b", side="left", held_s=12.3, at=T0 + timedelta(minutes=3)),
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_then_import_gives_the_same_records(fmt):
    records, rejected = parse_import(export_holds(sample(), fmt), fmt)
    assert (records, rejected) == (sample(), [])


def test_json_export_is_an_object_of_holds_with_exactly_the_record_fields():
    data = json.loads(export_holds(sample(), "json"))
    assert [list(hold) for hold in data["holds"]] == [list(FIELDS)] * 2
    assert data["holds"][0]["started_at"] == "2026-01-05T07:00:00+01:00"
    assert data["holds"][1]["effort"] is None


def test_toml_export_uses_hold_tables_and_leaves_out_missing_ratings():
    data = tomllib.loads(export_holds(sample(), "toml"))
    assert data["hold"][0]["pain"] == 2
    assert "pain" not in data["hold"][1]


def test_csv_export_has_a_header_row():
    rows = list(csv.reader(io.StringIO(export_holds(sample(), "csv"))))
    assert rows[0] == list(FIELDS) and len(rows) == 3


def test_json_import_also_takes_a_bare_list():
    text = json.dumps(json.loads(export_holds(sample(), "json"))["holds"])
    assert parse_import(text, "json") == (sample(), [])


def test_import_without_a_run_id_groups_holds_by_session_and_day():
    data = json.loads(export_holds(sample(), "json"))["holds"]
    for hold in data:
        del hold["run_id"]
    records, _ = parse_import(json.dumps(data), "json")
    assert {record.run_id for record in records} == {"import-2026-01-05-legs"}


def good() -> dict:
    return json.loads(export_holds([hold_record(id="x")], "json"))["holds"][0]


REJECTIONS = [
    ("side", "middle", "side must be left, right or none"),
    ("held_s", -1, "held_s must be 0-86400"),
    ("held_s", "long", "held_s must be a number"),
    ("target_s", 0, "target_s must be more than 0"),
    ("effort", 11, "effort must be 1-10"),
    ("effort", 0, "effort must be 1-10"),
    ("pain", -1, "pain must be 0-10"),
    ("pain", 2.5, "pain must be a whole number"),
    ("round", 0, "round must be 1-100"),
    ("started_at", "2026-01-05T07:00:00", "started_at needs a UTC offset"),
    ("started_at", "yesterday", "started_at is not an ISO 8601 time"),
    ("ended_at", "2026-01-05T06:00:00+01:00", "ended_at is before started_at"),
    ("id", "", "id is missing"),
    ("id", 7, "id must be text"),
    ("completed", "maybe", "completed must be true or false"),
    ("level", "expert", "level must be beginner or advanced"),
]


@pytest.mark.parametrize(
    ("field", "value", "reason"), REJECTIONS, ids=[f"{f}_{v}" for f, v, _ in REJECTIONS]
)
def test_a_bad_field_rejects_its_record_with_a_reason(field, value, reason):
    bad = {**good(), field: value, "id": value if field == "id" else "bad"}
    records, rejected = parse_import(json.dumps([good(), bad]), "json")
    assert [record.id for record in records] == ["x"]
    assert len(rejected) == 1 and rejected[0][0] == 2
    assert rejected[0][1].startswith(reason)


def test_a_record_that_is_not_a_table_is_rejected():
    assert parse_import("[5]", "json") == ([], [(1, "not a table of fields")])


def test_csv_cells_are_read_as_their_types():
    text = export_holds([hold_record(effort=None, pain=0)], "csv")
    (record,), _ = parse_import(text, "csv")
    assert (record.effort, record.pain, record.completed, record.round) == (None, 0, True, 1)


@pytest.mark.parametrize(
    ("text", "fmt", "message"),
    [
        pytest.param("{not json", "json", "not valid JSON", id="broken_json"),
        pytest.param('{"runs": []}', "json", "JSON must be a list", id="json_without_holds"),
        pytest.param("x = 1", "toml", "TOML must hold", id="toml_without_hold_tables"),
        pytest.param("x = [", "toml", "not valid TOML", id="broken_toml"),
        pytest.param("a,b,c\n1,2,3\n", "csv", "the CSV header lacks", id="csv_without_fields"),
        pytest.param("hello", None, "cannot tell the format", id="unknown_text"),
        pytest.param(b"\xff\xfe\x00", "json", "not UTF-8", id="not_utf8"),
    ],
)
def test_a_file_that_cannot_be_read_as_a_whole_raises_transfer_error(text, fmt, message):
    with pytest.raises(TransferError, match=message):
        parse_import(text, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_format_is_guessed_from_the_name_or_else_the_text(fmt):
    text = export_holds(sample(), fmt)
    assert guess_format(f"backup.{fmt.upper()}") == fmt
    assert parse_import(text, filename=f"backup.{fmt}") == (sample(), [])
    assert parse_import(text, filename="backup.txt") == (sample(), [])


def test_importing_twice_into_a_store_adds_nothing_the_second_time(isolated_data_dir):
    records, _ = parse_import(export_holds(sample(), "json"), "json")
    with HistoryStore.open(isolated_data_dir / "history.sqlite3") as store:
        assert store.import_holds(records) == (2, 0)
        assert store.import_holds(records) == (0, 2)
        assert store.holds(newest_first=False) == sample()


def test_write_export_is_owner_only(tmp_path):
    path = write_export(tmp_path / "holds.csv", sample())
    assert path.stat().st_mode & 0o777 == 0o600
    assert parse_import(path.read_bytes(), filename=path.name) == (sample(), [])


offsets = st.integers(-12 * 60, 14 * 60).map(lambda minutes: timezone(timedelta(minutes=minutes)))
moments = st.builds(
    lambda naive, tz: naive.replace(tzinfo=tz),
    st.datetimes(datetime(2000, 1, 1), datetime(2100, 1, 1)),
    offsets,
)
# No control characters: import refuses them (issue 15).
printable = st.characters(exclude_categories=("Cc", "Cs"))
names = st.text(printable, min_size=1, max_size=20).filter(
    lambda text: text.strip() == text and text
)
records = st.builds(
    lambda start, length, **fields: HoldRecord(
        started_at=start, ended_at=start + timedelta(seconds=length), **fields
    ),
    start=moments,
    length=st.floats(0, 3600),
    id=names,
    run_id=names,
    session=names,
    session_name=names,
    exercise=names,
    exercise_name=names,
    side=st.sampled_from(["left", "right", "none"]),
    round=st.integers(1, 5),
    set=st.integers(1, 10),
    level=st.sampled_from(["beginner", "advanced"]),
    target_s=st.floats(0.1, 600),
    held_s=st.floats(0, 600),
    completed=st.booleans(),
    effort=st.none() | st.integers(1, 10),
    pain=st.none() | st.integers(0, 10),
    note=st.text(printable, max_size=40),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(records, max_size=4), st.sampled_from(FORMATS))
def test_any_valid_records_survive_a_round_trip(holds, fmt):
    assert parse_import(export_holds(holds, fmt), fmt) == (holds, [])


def test_records_keep_their_offsets_through_every_format():
    summer = replace(sample()[0], started_at=T0.astimezone(timezone(timedelta(hours=2))))
    for fmt in FORMATS:
        (record,), _ = parse_import(export_holds([summer], fmt), fmt)
        assert record.started_at.utcoffset() == timedelta(hours=2)
