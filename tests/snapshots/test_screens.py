"""Pictures of each screen, reviewed by eye before they were accepted.

Every run is driven by a fake clock, so each picture is the same on every machine.
"""

from __future__ import annotations

from tests.ui.builders import make_app

WIDE = (100, 30)
NARROW = (40, 12)
LEAD_IN = 5


def test_picker(snap_compare, tmp_path):
    app = make_app(tmp_path)
    assert snap_compare(app, press=["4"], terminal_size=WIDE)


def test_summary_after_a_stop(snap_compare, run_app, driver):
    app = run_app()
    run_before = driver(LEAD_IN + 30 + 20 + 23, "q", "y")
    assert snap_compare(app, terminal_size=WIDE, run_before=run_before)


def test_hold_in_a_narrow_terminal(snap_compare, run_app, driver):
    app = run_app()
    assert snap_compare(app, terminal_size=NARROW, run_before=driver(LEAD_IN + 1.5))


def test_picker_in_a_narrow_terminal(snap_compare, tmp_path):
    app = make_app(tmp_path)
    assert snap_compare(app, terminal_size=NARROW)
