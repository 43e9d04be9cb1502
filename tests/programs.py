"""Tests that need a program (or root) on the machine: skipped without it, but never in CI.

CI (the ``CI`` variable set) installs every program the tests use, so a
missing one there is a broken set-up, and a skip would hide it as green.
"""

from __future__ import annotations

import os
import shutil

import pytest

MARK = "requires_program"


def requires_program(program: str) -> pytest.MarkDecorator:
    """Mark a test (or a module, in ``pytestmark``) as needing ``program`` (a name or a path)."""
    return getattr(pytest.mark, MARK)(program)


def in_ci() -> bool:
    return bool(os.environ.get("CI"))


def cannot_run(reason: str) -> None:
    """Skip the test for ``reason``; in CI, where everything it needs is set up, fail it."""
    if in_ci():
        pytest.fail(f"{reason}, and CI runs every test", pytrace=False)
    pytest.skip(reason)


def check_programs(item: pytest.Item) -> None:
    """Skip ``item`` when a program it needs is missing; fail it instead when in CI."""
    for mark in item.iter_markers(MARK):
        program = mark.args[0]
        if shutil.which(program) is not None:
            continue
        cannot_run(f"{program} is not installed (.ci/run installs it)")
