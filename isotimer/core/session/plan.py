"""Expand a session into the flat list of timed steps a run follows."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TypedDict

from isotimer.core.session.model import DEFAULT_LEAD_IN_S, Block, Hold, Level, Session, Side, Sides


class StepKind(StrEnum):
    """What the runner does during a step."""

    WARM_UP = "warm_up"
    LEAD_IN = "lead_in"
    HOLD = "hold"
    SWITCH = "switch"
    REST = "rest"
    COOL_DOWN = "cool_down"


BLOCK_KINDS = frozenset({StepKind.WARM_UP, StepKind.COOL_DOWN})


class _Place(TypedDict):
    """Where a step sits in the session, as ``Step`` keywords shared by a set's steps."""

    hold_index: int
    set: int
    round: int


@dataclass(frozen=True)
class Step:
    """One timed stretch of a session.

    For a hold step, ``hold`` is the hold being done; for warm-up, lead-in,
    switch and rest steps it is the hold that comes next, so a screen can say
    what to get ready for, and for a cool-down step the session's last hold.
    ``block`` is the warm-up or cool-down block of those two kinds, None for
    the others. ``start_s`` is the offset from the start of the session.
    """

    kind: StepKind
    seconds: float
    start_s: float
    hold: Hold
    hold_index: int
    side: Side = Side.NONE
    set: int = 1
    round: int = 1
    block: Block | None = None
    effort: int | None = None

    @property
    def end_s(self) -> float:
        """Seconds from the start of the plan to the end of this step."""
        return self.start_s + self.seconds

    @property
    def is_hold(self) -> bool:
        """True for a hold step, the only kind the history records."""
        return self.kind is StepKind.HOLD

    @property
    def is_test(self) -> bool:
        """A hold test: its clock counts up to failure, ``seconds`` is only its cap."""
        return self.kind is StepKind.HOLD and self.hold.test

    @property
    def is_block(self) -> bool:
        """A warm-up or cool-down block: timed, skippable, never a hold."""
        return self.kind in BLOCK_KINDS

    def to_dict(self) -> dict[str, object]:
        """The JSON shape printed by ``isotimer show --json``.

        A block step has the same keys, with no exercise or hold index (it is
        not a hold) and its own ``cues`` added. A hold test adds ``"test": true``
        and its ``seconds`` are its cap.
        """
        if self.block is not None:
            return {
                "kind": self.kind.value,
                "seconds": self.seconds,
                "start_s": self.start_s,
                "exercise": None,
                "name": self.block.name,
                "side": Side.NONE.value,
                "set": 1,
                "round": 1,
                "hold_index": None,
                "cues": list(self.block.cues),
            }
        entry: dict[str, object] = {
            "kind": self.kind.value,
            "seconds": self.seconds,
            "start_s": self.start_s,
            "exercise": self.hold.exercise,
            "name": self.hold.name,
            "side": self.side.value,
            "set": self.set,
            "round": self.round,
            "hold_index": self.hold_index,
        }
        if self.is_test:
            entry["test"] = True
        return entry


@dataclass(frozen=True)
class Plan:
    """A session expanded at one level."""

    session: Session
    level: Level
    steps: tuple[Step, ...]

    @property
    def total_seconds(self) -> float:
        """The plan's length in seconds, warm-up and cool-down included."""
        return self.steps[-1].end_s if self.steps else 0.0

    @property
    def hold_steps(self) -> tuple[Step, ...]:
        """The hold steps in order, without lead-ins, switches, rests or blocks."""
        return tuple(step for step in self.steps if step.is_hold)

    @property
    def time_under_tension_s(self) -> float:
        """The planned seconds of holding, the figure a session is sized by."""
        return sum(step.seconds for step in self.hold_steps)

    def seconds_of(self, kind: StepKind) -> float:
        """The time all steps of one kind take (the warm-up's total, say)."""
        return sum(step.seconds for step in self.steps if step.kind is kind)

    def to_dict(self) -> dict[str, object]:
        """The plan as JSON-ready data, for ``isotimer plan --json`` and its tests."""
        return {
            "session": self.session.id,
            "name": self.session.name,
            "level": self.level.value,
            "steps": [step.to_dict() for step in self.steps],
            "total_seconds": self.total_seconds,
            "warm_up_seconds": self.seconds_of(StepKind.WARM_UP),
            "cool_down_seconds": self.seconds_of(StepKind.COOL_DOWN),
        }


def build_plan(
    session: Session,
    level: Level | None = None,
    targets: dict[str, float] | None = None,
    lead_in: float = DEFAULT_LEAD_IN_S,
    warm_up: bool = True,
    efforts: dict[str, int] | None = None,
) -> Plan:
    """Expand ``session`` into steps.

    Order: the warm-up blocks, the lead-in, then per round, per hold, per set:
    the hold (left, switch, right when per side) and its rest. The rest after
    a round's last set is the rest between rounds; the session's last set is
    followed by the cool-down blocks only. Steps of zero seconds (a lead-in or
    rest of 0) are left out.

    Args:
        session: the session to expand.
        level: the level to run at; the session's own level when None.
        targets: per-hold overrides of the target seconds, keyed by
            ``"exercise"`` or ``"exercise:side"`` (progression's "today's target").
        lead_in: get-ready seconds for a session whose file does not set them.
        warm_up: False leaves the warm-up out, for a runner already warm from a run.
        efforts: per-hold overrides of the percent effort, keyed as ``targets``.
    """
    level = level or session.level
    steps: list[Step] = []
    offset = 0.0
    if session.lead_in is not None:
        lead_in = session.lead_in
    everything = (
        *(_warm_up(session) if warm_up else ()),
        *_steps(session, level, targets or {}, lead_in),
        *_cool_down(session),
    )
    for step in everything:
        if step.seconds <= 0:
            continue
        effort = _effort(step, level, efforts or {}) if step.is_hold else None
        steps.append(replace(step, start_s=offset, effort=effort))
        offset += step.seconds
    return Plan(session=session, level=level, steps=tuple(steps))


def target_key(exercise: str, side: Side) -> str:
    """How a per-hold target is keyed: ``"wall-sit"`` or ``"side-plank:left"``."""
    return exercise if side is Side.NONE else f"{exercise}:{side.value}"


def _target(hold: Hold, level: Level, side: Side, targets: dict[str, float]) -> float:
    if hold.test:
        return hold.seconds_for(level)  # a test's cap: no target ever moves it
    key = target_key(hold.exercise, side)
    return targets.get(key, targets.get(hold.exercise, hold.seconds_for(level)))


def _effort(step: Step, level: Level, efforts: dict[str, int]) -> int | None:
    key = target_key(step.hold.exercise, step.side)
    return efforts.get(key, efforts.get(step.hold.exercise, step.hold.effort_for(level)))


def _steps(
    session: Session, level: Level, targets: dict[str, float], lead_in: float
) -> Iterator[Step]:
    first = session.holds[0]
    yield Step(StepKind.LEAD_IN, lead_in, 0.0, first, 0, _first_side(first))
    for round_no in range(1, session.rounds + 1):
        for index, hold in enumerate(session.holds):
            for set_no in range(1, hold.sets + 1):
                where = _Place(hold_index=index, set=set_no, round=round_no)
                if hold.sides is Sides.BOTH:
                    left = _target(hold, level, Side.LEFT, targets)
                    right = _target(hold, level, Side.RIGHT, targets)
                    yield Step(StepKind.HOLD, left, 0.0, hold, side=Side.LEFT, **where)
                    yield Step(StepKind.SWITCH, hold.switch, 0.0, hold, side=Side.RIGHT, **where)
                    yield Step(StepKind.HOLD, right, 0.0, hold, side=Side.RIGHT, **where)
                else:
                    target = _target(hold, level, Side.NONE, targets)
                    yield Step(StepKind.HOLD, target, 0.0, hold, **where)
                rest = _rest_after(session, round_no, index, set_no)
                if rest is not None:
                    yield rest


def _warm_up(session: Session) -> Iterator[Step]:
    first = session.holds[0]
    for block in session.warm_up:
        yield Step(StepKind.WARM_UP, block.seconds, 0.0, first, 0, _first_side(first), block=block)


def _cool_down(session: Session) -> Iterator[Step]:
    index = len(session.holds) - 1
    last = session.holds[index]
    where = _Place(hold_index=index, set=last.sets, round=session.rounds)
    for block in session.cool_down:
        yield Step(StepKind.COOL_DOWN, block.seconds, 0.0, last, block=block, **where)


def _first_side(hold: Hold) -> Side:
    return Side.LEFT if hold.sides is Sides.BOTH else Side.NONE


def _rest_after(session: Session, round_no: int, index: int, set_no: int) -> Step | None:
    """The rest after a set, describing the set that comes next."""
    hold = session.holds[index]
    if set_no < hold.sets:
        return Step(
            StepKind.REST, hold.rest, 0.0, hold, index, _first_side(hold), set_no + 1, round_no
        )
    if index + 1 < len(session.holds):
        upcoming = session.holds[index + 1]
        return Step(
            StepKind.REST, hold.rest, 0.0, upcoming, index + 1, _first_side(upcoming), 1, round_no
        )
    if round_no < session.rounds:
        first = session.holds[0]
        seconds = session.rest_between_rounds
        return Step(StepKind.REST, seconds, 0.0, first, 0, _first_side(first), 1, round_no + 1)
    return None
