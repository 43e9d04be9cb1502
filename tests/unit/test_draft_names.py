"""The editor refuses a name another session already has."""

from __future__ import annotations

from dataclasses import replace

from isotimer.paths import Paths
from isotimer.storage.sessions.catalog import load_catalog
from isotimer.storage.sessions.draft_check import check_draft
from isotimer.storage.sessions.writer import starter_draft


def test_a_taken_name_is_a_problem_beside_the_name_field(tmp_path):
    catalog = load_catalog(Paths(tmp_path))
    draft = replace(starter_draft("x"), name="recovery day")
    check = check_draft(draft, catalog.library, "mine", catalog.names())
    assert not check.valid
    assert check.problems == {
        (None, "name"): ("another session is already called 'recovery day': choose another name",)
    }


def test_a_session_keeps_its_own_name_when_edited(tmp_path):
    catalog = load_catalog(Paths(tmp_path))
    draft = replace(starter_draft("x"), name="Recovery day")
    assert check_draft(
        draft, catalog.library, "recovery-day", catalog.names(besides="recovery-day")
    ).valid
