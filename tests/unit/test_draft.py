"""Session drafts: file keys in and out, the editor's edits, and what typed text becomes."""

from __future__ import annotations

import math

import pytest

from isotimer.core.session.draft import (
    BreathingDraft,
    HoldDraft,
    SessionDraft,
    durations,
    parse_list,
    parse_number,
    show_value,
)
from isotimer.core.session.model import Level
from tests.unit.factories import hold, session

FILE = {
    "name": "Knees",
    "description": "Tendon day",
    "tags": ["rehab", "knee"],
    "rounds": 2,
    "lead_in": 10,
    "breathing": {"inhale": 4, "exhale": 4},
    "hold": [
        {"exercise": "spanish-squat", "seconds": 45, "sets": 5, "rest": 120, "effort": 70},
        {"name": "Wall press", "seconds": {"beginner": 20, "advanced": 40}, "cues": ["Push"]},
    ],
}


def test_a_file_read_into_a_draft_writes_back_the_same_data():
    assert SessionDraft.from_toml(FILE).to_toml() == FILE


def test_keys_left_out_of_the_file_stay_out():
    draft = SessionDraft.from_toml({"name": "X", "hold": [{"exercise": "wall-sit"}]})
    assert draft.to_toml() == {"name": "X", "hold": [{"exercise": "wall-sit"}]}
    assert draft.holds[0].beginner is None and draft.rounds is None


def test_keys_are_written_in_the_order_a_person_reads_them():
    draft = SessionDraft(
        name="X",
        breathing=BreathingDraft(exhale=4, inhale=3),
        rounds=2,
        tags=("a",),
        holds=(HoldDraft(cues=("c",), rest=10, exercise="e", beginner=5, advanced=5),),
    )
    data = draft.to_toml()
    assert list(data) == ["name", "tags", "rounds", "breathing", "hold"]
    assert list(data["breathing"]) == ["inhale", "exhale"]
    assert list(data["hold"][0]) == ["exercise", "seconds", "rest", "cues"]


@pytest.mark.parametrize(
    ("beginner", "advanced", "seconds"),
    [
        (30, 30, 30),
        (30, 60, {"beginner": 30, "advanced": 60}),
        (30, None, {"beginner": 30}),
        (None, 60, {"advanced": 60}),
        (30, 30.0, {"beginner": 30, "advanced": 30.0}),
        ("x", "x", "x"),
    ],
)
def test_equal_levels_are_written_as_one_number_and_different_ones_as_a_table(
    beginner, advanced, seconds
):
    table = HoldDraft(exercise="e", beginner=beginner, advanced=advanced).to_toml()
    assert table["seconds"] == seconds
    assert HoldDraft.from_toml(table) == HoldDraft("e", beginner=beginner, advanced=advanced)


def test_a_breathing_table_with_no_parts_is_left_out():
    assert "breathing" not in SessionDraft(name="X", breathing=BreathingDraft()).to_toml()


def test_a_malformed_value_is_kept_so_validation_can_name_it():
    draft = SessionDraft.from_toml({"name": "X", "breathing": "slow", "tags": "a"})
    assert draft.to_toml() == {"name": "X", "tags": "a", "breathing": "slow"}


HOLDS = (HoldDraft("a"), HoldDraft("b"), HoldDraft("c"))


@pytest.mark.parametrize(
    ("index", "delta", "order"),
    [(0, 1, "bac"), (2, -1, "acb"), (1, 1, "acb"), (0, -1, "abc"), (2, 1, "abc")],
)
def test_moving_a_hold_swaps_it_with_its_neighbour_and_stops_at_the_ends(index, delta, order):
    moved = SessionDraft(name="X", holds=HOLDS).move_hold(index, delta)
    assert "".join(h.exercise for h in moved.holds) == order


@pytest.mark.parametrize(("after", "order"), [(None, "abcd"), (0, "adbc"), (2, "abcd")])
def test_a_new_hold_goes_after_the_highlighted_one(after, order):
    added = SessionDraft(name="X", holds=HOLDS).add_hold(HoldDraft("d"), after=after)
    assert "".join(h.exercise for h in added.holds) == order


def test_removing_and_replacing_holds_leave_the_others_alone():
    draft = SessionDraft(name="X", holds=HOLDS)
    assert [h.exercise for h in draft.remove_hold(1).holds] == ["a", "c"]
    assert draft.with_hold(1, HoldDraft("z")).holds[1] == HoldDraft("z")
    assert draft.holds == HOLDS


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("", None),
        ("  ", None),
        ("30", 30),
        (" 45 ", 45),
        ("30.0", 30),
        ("2.5", 2.5),
        ("abc", "abc"),
        ("-", "-"),
        ("0", 0),
    ],
)
def test_number_fields_keep_what_was_typed_as_the_file_would(text, value):
    parsed = parse_number(text)
    assert parsed == value and type(parsed) is type(value)


def test_infinity_stays_a_float_for_validation_to_reject():
    assert math.isinf(parse_number("inf"))


@pytest.mark.parametrize(
    ("text", "separator", "items"),
    [
        ("rehab, knee ,", ",", ("rehab", "knee")),
        ("", ",", None),
        ("Knees out\n\n  Back flat \n", "\n", ("Knees out", "Back flat")),
    ],
)
def test_lists_drop_blank_items_and_blank_means_the_default(text, separator, items):
    assert parse_list(text, separator) == items


@pytest.mark.parametrize(
    ("value", "shown"), [(None, ""), (30, "30"), (30.0, "30"), (2.5, "2.5"), ("x", "x")]
)
def test_values_show_as_a_person_would_type_them(value, shown):
    assert show_value(value) == shown


def test_durations_give_the_total_at_each_level_with_the_settings_lead_in():
    draft_session = session(hold(seconds=30, advanced=60), lead_in=None)
    assert durations(draft_session, lead_in=10) == {Level.BEGINNER: 40, Level.ADVANCED: 70}
