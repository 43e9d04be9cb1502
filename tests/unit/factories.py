"""Small builders for sessions used across unit tests."""

from __future__ import annotations

from isotimer.core.session.model import Block, Hold, Session, Sides


def hold(
    name: str = "Wall sit",
    seconds: float = 30,
    advanced: float | None = None,
    sets: int = 1,
    rest: float = 30,
    sides: Sides = Sides.NONE,
    switch: float = 5,
) -> Hold:
    return Hold(
        exercise=name.lower().replace(" ", "-"),
        name=name,
        beginner_s=seconds,
        advanced_s=advanced if advanced is not None else seconds * 2,
        sets=sets,
        rest=rest,
        sides=sides,
        switch=switch,
    )


def block(name: str = "Easy bike", seconds: float = 300, *cues: str) -> Block:
    return Block(name=name, seconds=seconds, cues=cues)


def session(
    *holds: Hold,
    rounds: int = 1,
    lead_in: float = 5,
    between: float = 60,
    warm_up: tuple[Block, ...] = (),
    cool_down: tuple[Block, ...] = (),
) -> Session:
    return Session(
        id="test",
        name="Test",
        holds=holds or (hold(),),
        rounds=rounds,
        lead_in=lead_in,
        rest_between_rounds=between,
        warm_up=warm_up,
        cool_down=cool_down,
    )
