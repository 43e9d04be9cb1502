"""Training from a test: a hold with ``from_test = F`` is held for F times the latest test."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime

from isotimer.core.coach.progression import Suggestion, sides_of
from isotimer.core.history.hold_tests import is_result
from isotimer.core.history.records import HoldRecord
from isotimer.core.session.model import Hold, Session
from isotimer.core.session.plan import target_key
from isotimer.core.text.durations import short, whole_seconds

ROUND_TO_S = 5.0
LEAST_S = 5.0
RULE = "from_test"


@dataclass(frozen=True)
class BaseFromTest:
    """A hold's time worked out from a test: ``fraction`` of ``test_s``, done at ``tested_at``."""

    base_s: float
    test_s: float
    fraction: float
    tested_at: datetime


def base_from_test(hold: Hold, test_s: float) -> float:
    """``from_test`` times ``test_s``, rounded to 5 s, at least 5 s and at most the hold's cap."""
    fraction = hold.from_test or 1.0
    rounded = math.floor(fraction * test_s / ROUND_TO_S + 0.5) * ROUND_TO_S
    return min(max(rounded, LEAST_S), max(hold.max_s, LEAST_S))


def bases_from_tests(session: Session, tests: Iterable[HoldRecord]) -> dict[str, BaseFromTest]:
    """The test-based time of each ``from_test`` hold and side with a test, by target key.

    A hold without a test of its exercise and side is not listed: it keeps its ``seconds``.
    """
    latest: dict[tuple[str, str], HoldRecord] = {}
    for record in sorted(filter(is_result, tests), key=lambda record: record.started_at):
        latest[(record.exercise, record.side)] = record
    bases: dict[str, BaseFromTest] = {}
    for hold in session.holds:
        if hold.from_test is None:
            continue
        for side in sides_of(hold):
            test = latest.get((hold.exercise, side.value))
            if test is not None:
                base = base_from_test(hold, test.held_s)
                bases[target_key(hold.exercise, side)] = BaseFromTest(
                    base, test.held_s, hold.from_test, test.started_at
                )
    return bases


def with_test_base(
    suggestion: Suggestion, base: BaseFromTest, last_run: HoldRecord | None
) -> Suggestion:
    """Today's target once a test sets the base: the coach's rules stay on top.

    With no run of the hold yet the target is the base. A test newer than the
    last run raises the target to the base, unless the rules lowered it today
    (pain, worse mornings); a test never lowers a target by itself.
    """
    why = f"{base.fraction:g} x your latest test ({whole_seconds(base.test_s)} s)"
    moved = replace(suggestion, base_s=base.base_s, rule=RULE)
    if last_run is None:
        return replace(moved, target_s=base.base_s, reason=f"{short(base.base_s)}: {why}")
    newer = base.tested_at > last_run.started_at
    lowered = suggestion.target_s < last_run.target_s
    if newer and not lowered and base.base_s > suggestion.target_s:
        gain = base.base_s - suggestion.target_s
        return replace(moved, target_s=base.base_s, reason=f"+{gain:g} s: {why}, a new test")
    return moved


def apply_test_bases(
    suggestions: Mapping[str, Suggestion],
    bases: Mapping[str, BaseFromTest],
    last_runs: Mapping[str, HoldRecord],
) -> dict[str, Suggestion]:
    """``suggestions`` with each test-based hold's base and target (see ``with_test_base``)."""
    return {
        key: with_test_base(s, bases[key], last_runs.get(key)) if key in bases else s
        for key, s in suggestions.items()
    }
