"""Tests that need a program on the machine: skipped without it, but never in CI.

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


def check_programs(item: pytest.Item) -> None:
    """Skip ``item`` when a program it needs is missing; fail it instead when in CI."""
    for mark in item.iter_markers(MARK):
        program = mark.args[0]
        if shutil.which(program) is not None:
            continue
        reason = f"{program} is not installed"
        if in_ci():
            pytest.fail(f"{reason}, and CI runs every test (.ci/run installs it)", pytrace=False)
        pytest.skip(reason)
