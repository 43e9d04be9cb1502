"""Pure pieces of the interface: the stop question, the block digits, the summary's numbers."""

from __future__ import annotations

import pytest

from isotimer.core.history.ratings import parse_rating
from isotimer.core.history.records import HoldOutcome
from isotimer.core.session.plan import StepKind, build_plan
from isotimer.ui.screens.run.stop_message import stop_message
from isotimer.ui.widgets.big_digits import fit_scale, render_lines, size_at
from isotimer.ui.widgets.phase_banner import phase_words
from tests.unit.history_factories import hold_record

from .builders import TEST_SESSION

PLAN = build_plan(TEST_SESSION)
HOLD = PLAN.hold_steps[0]
REST = next(step for step in PLAN.steps if step.kind is StepKind.REST)


DONE, EARLY = HoldOutcome.COMPLETED, HoldOutcome.ENDED_EARLY


def saved(*outcomes):
    return [
        hold_record(set=n, outcome=o, held_s=45 if o is DONE else 9)
        for n, o in enumerate(outcomes, start=1)
    ]


@pytest.mark.parametrize(
    ("holds", "current", "held", "saving", "expected"),
    [
        pytest.param(
            saved(DONE, EARLY), HOLD, 23, True,
            "Saved so far: 1 hold held to the end, 1 ended early. "
            "The wall sit in progress (23 s) will be saved as stopped.",
            id="counts_by_outcome_and_the_hold_in_progress",
        ),
        pytest.param(
            saved(EARLY, EARLY), REST, 0, True, "Saved so far: 2 holds ended early.",
            id="two_ended_early_are_never_called_finished",
        ),
        pytest.param(
            saved(DONE), REST, 0, True, "Saved so far: 1 hold held to the end.", id="singular"
        ),
        pytest.param(
            [], HOLD, 5, True, "The wall sit in progress (5 s) will be saved as stopped.",
            id="only_the_hold_in_progress",
        ),
        pytest.param(
            [], None, 0, True, "Nothing has been held yet, so there is nothing to save.",
            id="nothing",
        ),
        pytest.param(
            saved(DONE, DONE), REST, 0, False,
            "Kept for the summary (history is unavailable): 2 holds held to the end.",
            id="no_history",
        ),
    ],
)  # fmt: skip
def test_stop_message_says_what_is_kept(holds, current, held, saving, expected):
    assert stop_message(holds, current, held, saving) == expected


@pytest.mark.parametrize(
    ("kind", "paused", "words"),
    [
        (StepKind.LEAD_IN, False, "GET READY"),
        (StepKind.HOLD, False, "HOLD"),
        (StepKind.SWITCH, False, "SWITCH SIDES"),
        (StepKind.REST, False, "REST"),
        (StepKind.HOLD, True, "PAUSED"),
    ],
)
def test_phase_words(kind, paused, words):
    assert phase_words(kind, paused) == words


@pytest.mark.parametrize(
    ("text", "scale", "picture"),
    [
        ("1", 1, ["▄█ ", " █ ", "▀▀▀"]),
        ("1", 2, ["  ██  ", "████  ", "  ██  ", "  ██  ", "██████"]),
        ("0:5", 1, ["█▀█ ▄ █▀▀", "█ █ ▄ ▀▀█", "▀▀▀   ▀▀▀"]),
    ],
)
def test_block_digits_draw_each_glyph_in_half_rows(text, scale, picture):
    """Drawn by hand: two pixel rows per terminal row, a pixel of space between glyphs."""
    assert render_lines(text, scale) == picture


@pytest.mark.parametrize(
    ("text", "scale", "size"), [("0:05", 1, (13, 3)), ("0:05", 2, (26, 5)), ("10:00", 3, (51, 8))]
)
def test_block_digits_size_is_the_glyphs_and_gaps_times_the_scale(text, scale, size):
    assert size_at(text, scale) == size
    lines = render_lines(text, scale)
    assert (len(lines[0]), len(lines)) == size


@pytest.mark.parametrize(
    ("width", "height", "scale"), [(96, 12, 4), (80, 8, 3), (30, 5, 2), (20, 3, 1), (5, 5, 0)]
)
def test_block_digits_take_the_largest_scale_that_fits(width, height, scale):
    assert fit_scale("0:29", width, height) == scale


@pytest.mark.parametrize(
    ("text", "low", "high", "value"), [("", 1, 10, None), (" 7 ", 1, 10, 7), ("0", 0, 10, 0)]
)
def test_rating_parses_whole_numbers_in_range(text, low, high, value):
    assert parse_rating(text, low, high) == value


@pytest.mark.parametrize("text", ["11", "0", "x"])
def test_rating_out_of_range_is_refused(text):
    with pytest.raises(ValueError):
        parse_rating(text, 1, 10)
