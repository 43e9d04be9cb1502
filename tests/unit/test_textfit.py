"""Text cut to a width: whole words where possible, always an ellipsis."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from isotimer.core.text.cut import ELLIPSIS, ellipsize


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("Recovery day", 20, "Recovery day"),
        ("Recovery day", 12, "Recovery day"),
        ("recovery, home, easy", 16, "recovery, home…"),
        ("race week, taper", 14, "race week…"),
        ("Achilles heel-raise holds", 10, "Achilles…"),
        ("Supercalifragilistic", 8, "Superca…"),
        ("abc", 1, "…"),
        ("abc", 0, ""),
    ],
)
def test_a_cut_ends_with_an_ellipsis_after_a_whole_word(text, width, expected):
    assert ellipsize(text, width) == expected


@given(st.text(alphabet="ab ,", max_size=40), st.integers(min_value=0, max_value=45))
def test_the_result_always_fits_and_says_when_it_was_cut(text, width):
    fitted = ellipsize(text, width)
    assert len(fitted) <= width
    if fitted != text:
        assert fitted.endswith(ELLIPSIS) or width == 0
