"""Saving a session never drops its warm-up or cool-down: drafts, text and copies keep them."""

from __future__ import annotations

import tomllib

from hypothesis import given
from hypothesis import strategies as st

from isotimer.core.session.draft import BlockDraft, HoldDraft, SessionDraft
from isotimer.core.session.model import Block
from isotimer.paths import Paths, bundled_sessions_dir
from isotimer.storage.sessions.draft_check import check_draft
from isotimer.storage.sessions.drafts import draft_from_file, duplicate_target, edit_target
from isotimer.storage.sessions.loader import load_session
from isotimer.storage.sessions.writer import save_session, session_text
from tests.unit.test_session_writer import DRAFTS, LIBRARY, NUMBER, TEXT

DRAFT = SessionDraft(
    name="Warm",
    warm_up=(BlockDraft("Easy bike", 300, ("Easy pace",)), BlockDraft("Leg swings", 60)),
    holds=(HoldDraft(exercise="wall-sit"),),
    cool_down=(BlockDraft("Belly breathing", 120),),
)


def test_blocks_are_written_as_tables_around_the_holds():
    text = session_text(DRAFT)
    body = text[text.index('name = "Warm"') :]
    assert body == (
        'name = "Warm"\n'
        '\n[[warm_up]]\nname = "Easy bike"\nseconds = 300\ncues = ["Easy pace"]\n'
        '\n[[warm_up]]\nname = "Leg swings"\nseconds = 60\n'
        '\n[[hold]]\nexercise = "wall-sit"\n'
        '\n[[cool_down]]\nname = "Belly breathing"\nseconds = 120\n'
    )


def test_a_draft_with_blocks_validates_to_a_session_with_them():
    check = check_draft(DRAFT, LIBRARY, "warm")
    assert check.valid, check.problems
    assert check.session.warm_up == (
        Block("Easy bike", 300, ("Easy pace",)),
        Block("Leg swings", 60),
    )
    assert check.session.cool_down == (Block("Belly breathing", 120),)


def test_a_malformed_block_is_kept_so_validation_names_it():
    data = {"name": "X", "warm_up": [{"name": "Bike", "secs": 5}, 7], "hold": [{"exercise": "e"}]}
    draft = SessionDraft.from_toml(data)
    assert draft.to_toml() == data
    check = check_draft(draft, LIBRARY, "x")
    assert not check.valid


BLOCK = st.builds(
    BlockDraft,
    name=st.none() | TEXT,
    seconds=st.none() | NUMBER,
    cues=st.none() | st.lists(TEXT, max_size=3).map(tuple),
)
BLOCKS = st.none() | st.lists(BLOCK, min_size=1, max_size=3).map(tuple)


@given(DRAFTS, BLOCKS, BLOCKS)
def test_any_draft_with_blocks_reads_back_from_its_text(draft, warm_up, cool_down):
    draft = SessionDraft(**{**draft.__dict__, "warm_up": warm_up, "cool_down": cool_down})
    text = session_text(draft)
    again = SessionDraft.from_toml(tomllib.loads(text))
    assert again == draft
    assert session_text(again) == text


def test_a_bundled_session_edited_as_a_copy_keeps_its_warm_up(tmp_path):
    paths = Paths(tmp_path / "data")
    bundled = load_session(bundled_sessions_dir() / "recovery-day.toml", LIBRARY)
    assert bundled.warm_up and bundled.cool_down
    for target in (edit_target(bundled, paths), duplicate_target(bundled)):
        path = save_session(paths.user_sessions, "copy", target.draft)
        saved = load_session(path, LIBRARY)
        assert (saved.warm_up, saved.cool_down) == (bundled.warm_up, bundled.cool_down)
        assert draft_from_file(path) == target.draft
