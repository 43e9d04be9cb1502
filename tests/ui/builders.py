"""Apps built with fakes for pilot and snapshot tests: a fixed catalog, a fake clock."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from textual.app import App

from isotimer.core.clock import FakeClock
from isotimer.core.run.cues import Cue
from isotimer.core.run.tones import Tone
from isotimer.core.session.model import Breathing, Hold, Level, Session, Sides
from isotimer.paths import Paths
from isotimer.storage.history.store import HistoryStore
from isotimer.storage.problems import Problem
from isotimer.storage.sessions.catalog import Catalog, Origin
from isotimer.storage.settings import Settings
from isotimer.ui.app import IsoTimerApp
from isotimer.ui.services import RunRequest

WALL_SIT = Hold(
    exercise="wall-sit",
    name="Wall sit",
    beginner_s=30,
    advanced_s=60,
    sets=2,
    rest=20,
    cues=("Thighs level, knees at 90 degrees", "Weight into the heels", "Hands off your thighs"),
    effort=70,
    setup="Back flat on the wall, feet a shoulder-width apart, knees over the ankles.",
    equipment=("wall",),
)
SIDE_PLANK = Hold(
    exercise="side-plank",
    name="Side plank",
    beginner_s=20,
    advanced_s=40,
    rest=15,
    sides=Sides.BOTH,
    switch=5,
    cues=("Hips high, body in a straight line",),
    breathing=Breathing(inhale=3, exhale=4, hold=1),
    setup="Lie on one side, elbow under the shoulder, feet stacked.",
    equipment=("mat",),
)
CALF = Hold(exercise="calf-raise-hold", name="Calf raise hold", beginner_s=30, advanced_s=45)


def session(session_id: str, name: str, *holds: Hold, **fields: object) -> Session:
    return Session(id=session_id, name=name, holds=holds or (CALF,), **fields)  # type: ignore[arg-type]


TEST_SESSION = session(
    "test-holds",
    "Test holds",
    WALL_SIT,
    SIDE_PLANK,
    description="Two holds for the tests.",
    tags=("test", "home"),
    lead_in=5,
)


def catalog(*sessions: Session, problems: list[Problem] | None = None) -> Catalog:
    """A catalog of ``sessions``, or a small fixed one: the tests never read the bundled files."""
    found = sessions or (
        TEST_SESSION,
        session("recovery-day", "Recovery day", CALF, tags=("recovery", "home"), lead_in=5),
        session("knee-tendon", "Knee tendon holds", CALF, tags=("rehab", "knee"), lead_in=5),
        session("achilles", "Achilles holds", CALF, tags=("rehab",), lead_in=5),
    )
    return Catalog(
        library={},
        sessions={s.id: s for s in found},
        problems=problems or [],
        origins={s.id: Origin.BUNDLED for s in found},
        bundled=[s.id for s in sorted(found, key=lambda s: s.name)],
    )


class FakeAnnouncer:
    """Records the cues and tones it is given instead of sounding them."""

    def __init__(self) -> None:
        self.played: list[Cue] = []
        self.tones: list[tuple[Tone, float]] = []
        self.muted = False
        self.closed = False
        self.prepared = False

    def prepare(self) -> None:
        self.prepared = True

    def play(self, cue: Cue | None, tone: Tone | None = None, due: float = 0.0) -> None:
        if self.muted:
            return
        if cue is not None:
            self.played.append(cue)
        if tone is not None:
            self.tones.append((tone, due))

    def close(self) -> None:
        self.closed = True


def make_app(
    tmp_path: Path,
    *,
    catalog_: Catalog | None = None,
    clock: FakeClock | None = None,
    settings: Settings | None = None,
    start: tuple[Session, Level] | None = None,
    history: bool = True,
    **options: object,
) -> IsoTimerApp:
    """The app over fakes; its history is a real store in ``tmp_path`` unless ``history=False``.

    ``start`` is the session and level ``isotimer run`` would ask for.
    """
    paths = Paths(data_dir=tmp_path / "data")
    store = HistoryStore.open(paths.history_file) if history else None
    return IsoTimerApp(
        catalog_ or catalog(),
        store,
        clock or FakeClock(),
        settings or Settings(),
        paths=paths,
        start=RunRequest(*start) if start else None,
        announcer=FakeAnnouncer(),
        **options,  # type: ignore[arg-type]
    )


@dataclass(frozen=True)
class Notice:
    """One notification as it reached Textual's ``App.notify``."""

    message: str
    title: str
    severity: str
    markup: bool


def sent_notices(monkeypatch: pytest.MonkeyPatch) -> list[Notice]:
    """Every notification any app hands to Textual from now on (and still shows).

    Spies on Textual's public ``App.notify``, beneath the app's own ``notify``,
    so a test sees exactly what the toast will say.
    """
    sent: list[Notice] = []
    original = App.notify

    def spy(app, message, *, title="", severity="information", timeout=None, markup=True):
        sent.append(Notice(str(message), title, severity, markup))
        return original(
            app, message, title=title, severity=severity, timeout=timeout, markup=markup
        )

    monkeypatch.setattr(App, "notify", spy)
    return sent
