"""An import read a piece at a time: the same entries as a whole read, and all or nothing."""

from __future__ import annotations

import json

import pytest

from isotimer.cli import main
from isotimer.paths import Paths
from isotimer.storage.history.json_stream import JsonStreamError, json_entries
from isotimer.storage.history.store import HistoryStore
from isotimer.storage.history.transfer import export_holds
from tests.unit.history_factories import hold_record

DOCUMENT = {
    "version": [1, {"nested": True}],
    "holds": [
        {"id": "a", "held_s": 12.25, "note": 'quote " and \\ and é 🦵', "effort": None},
        {"id": "b", "held_s": 1234567, "round": 1, "ok": True},
        [],
        "text",
    ],
    "checkins": [{"id": "c", "pain": 3}],
    "extra": "ignored",
}


def pieces(text: str, size: int) -> list[str]:
    return [text[at : at + size] for at in range(0, len(text), size)]


def entries(text: str, size: int) -> list[tuple[str, object]]:
    return list(json_entries(pieces(text, size)))


@pytest.mark.parametrize("size", [1, 2, 3, 7, 64, 10_000])
@pytest.mark.parametrize("indent", [None, 2])
def test_any_cut_into_pieces_gives_what_a_whole_read_gives(size, indent):
    """A number or string cut at a piece's end must not be read short."""
    text = json.dumps(DOCUMENT, indent=indent, ensure_ascii=False)
    expected = [("hold", hold) for hold in DOCUMENT["holds"]]
    assert entries(text, size) == [*expected, ("checkin", {"id": "c", "pain": 3})]


@pytest.mark.parametrize("size", [1, 5, 10_000])
def test_a_bare_list_is_holds(size):
    assert entries(' [ {"id": 1} , {"id": 22} ] \n', size) == [
        ("hold", {"id": 1}),
        ("hold", {"id": 22}),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"holds": [{"id": 1},]}', "not valid JSON: Expecting value: line 1 column 22"),
        ('{"holds": [{"id": 1}] junk', "not valid JSON: Expecting ',' delimiter"),
        ('[{"id": 1}]\n\n  x', "not valid JSON: Extra data: line 3 column 3"),
        ('{"holds": [{"id": 1}', "not valid JSON: Expecting ',' delimiter"),
        ('{"holds": [{"id": 1', "not valid JSON"),
        ("", "not valid JSON: Expecting value: line 1 column 1"),
        ("{}", 'JSON must be a list of holds or {"holds": [...]}'),
        ('{"checkins": []}', 'JSON must be a list of holds or {"holds": [...]}'),
        ('{"holds": 3}', 'JSON must be a list of holds or {"holds": [...]}'),
        ("3", 'JSON must be a list of holds or {"holds": [...]}'),
        ('{"holds": [], "holds": []}', '"holds" appears twice'),
        ('{"holds": [], "checkins": {}}', '"checkins" must be a list'),
        ('{"holds": [' + "[" * 40 + "]" * 40 + "]}", "nested more than 32 deep"),
        ('{"holds": [' + "[" * 100_000 + "]" * 100_000 + "]}", "nested more than 32 deep"),
        ('{"holds": [' + "9" * 5000 + "]}", "a number with thousands of digits"),
    ],
)
@pytest.mark.parametrize("size", [3, 10_000])
def test_a_document_that_is_not_an_export_is_refused_whole(text, message, size):
    with pytest.raises(JsonStreamError, match=None) as refused:
        entries(text, size)
    assert message in str(refused.value)


def test_a_fault_after_many_holds_imports_none_of_them(capsys, tmp_path, isolated_data_dir):
    """Streamed into one transaction: holds stored before the fault are rolled back."""
    text = export_holds([hold_record(id=f"h{n}") for n in range(3000)], "json")
    path = tmp_path / "holds.json"
    path.write_text(text.rstrip().removesuffix("}") + ', "x": }')
    assert main(["import", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("isotimer: not valid JSON: Expecting value: line 3003 column 22")
    with HistoryStore.open(Paths(isolated_data_dir).history_file) as store:
        assert store.holds() == [] and store.runs() == []


def test_a_streamed_import_counts_holds_check_ins_and_duplicates(capsys, tmp_path):
    holds = [hold_record(id=f"h{n}", run_id=f"r{n // 3}") for n in range(1200)]
    holds.append(holds[0])  # the same id twice in one file
    path = tmp_path / "holds.json"
    document = json.loads(export_holds(holds, "json"))
    document["checkins"] = [
        {"id": "c1", "run_id": "r1", "at": "2026-01-06T07:00:00+01:00", "pain": 2}
    ]
    path.write_text(json.dumps(document))
    assert main(["import", str(path)]) == 0
    assert main(["import", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "1200 new, 1 duplicate, 0 rejected",
        "check-ins: 1 new, 0 duplicate, 0 rejected",
        "0 new, 1201 duplicate, 0 rejected",
        "check-ins: 0 new, 1 duplicate, 0 rejected",
    ]
    with HistoryStore.open(Paths(tmp_path / "data").history_file) as store:
        assert len(store.runs()) == 400
