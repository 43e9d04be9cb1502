"""Snapshots hold text cursors still, so a picture never depends on how fast the machine is."""

from __future__ import annotations

import inspect

import pytest


@pytest.fixture
def snap_compare(snap_compare):
    """The plugin's ``snap_compare``, with every text cursor's blinking stopped before the shot.

    The plugin runs the app for real (not ``run_test``), so an Input's cursor
    blinks every half second: on a loaded machine the picture is taken in the
    other half of the blink and differs (the editor snapshot failed that way in
    a full run and passed alone). A cursor that stops blinking is hidden.
    """

    def compare(app, *args, run_before=None, **kwargs):
        async def then_steady(pilot) -> None:
            if run_before is not None and inspect.isawaitable(result := run_before(pilot)):
                await result
            for cursor in pilot.app.screen.query("Input, TextArea"):
                cursor.cursor_blink = False

        return snap_compare(app, *args, run_before=then_steady, **kwargs)

    return compare
