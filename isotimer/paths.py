"""Every path isotimer reads or writes, in one place."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DATA_DIR_ENV = "ISOTIMER_DATA_DIR"


def bundled_sessions_dir() -> Path:
    """The sessions shipped with isotimer.

    A wheel carries them inside the package; a source checkout (editable
    install) has them at the top of the repository.
    """
    # The package's own folder, as importlib.resources would give it for an installed
    # wheel, without importing importlib.resources: every shell command pays for it.
    package = Path(__file__).resolve().parent
    packaged = package / "sessions"
    if packaged.is_dir():
        return packaged
    return package.parent / "sessions"


def bundled_programmes_dir() -> Path:
    """The programmes shipped with isotimer, found the same way as its sessions."""
    package = Path(__file__).resolve().parent
    packaged = package / "programmes"
    return packaged if packaged.is_dir() else package.parent / "programmes"


def default_data_dir() -> Path:
    """The data folder: ``$ISOTIMER_DATA_DIR`` if set, else the platform's user data folder."""
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir  # only when needed: it costs start-up time

    return Path(user_data_dir("isotimer", appauthor=False))


@dataclass(frozen=True)
class Paths:
    """Where the user's own files live, plus extra session folders from ``--sessions``."""

    data_dir: Path
    extra_sessions: tuple[Path, ...] = ()
    screenshots: Path | None = None

    @classmethod
    def from_options(
        cls, data_dir: str | None, sessions: list[str] | None, screenshots: str | None = None
    ) -> Paths:
        """Paths from the command-line options; unset ones fall back to their defaults."""
        base = Path(data_dir).expanduser() if data_dir else default_data_dir()
        shots = Path(screenshots).expanduser() if screenshots else None
        return cls(base, tuple(Path(s).expanduser() for s in sessions or ()), shots)

    @property
    def bundled_sessions(self) -> Path:
        """The sessions shipped with isotimer."""
        return bundled_sessions_dir()

    @property
    def bundled_library(self) -> Path:
        """The exercise library shipped with isotimer."""
        return self.bundled_sessions / "exercises.toml"

    @property
    def user_sessions(self) -> Path:
        """The folder of the user's own session files."""
        return self.data_dir / "sessions"

    @property
    def user_library(self) -> Path:
        """The user's exercise library, read after the bundled one."""
        return self.data_dir / "exercises.toml"

    @property
    def history_file(self) -> Path:
        """The SQLite history of runs and holds."""
        return self.data_dir / "history.sqlite3"

    @property
    def settings_file(self) -> Path:
        """The user's saved settings."""
        return self.data_dir / "settings.toml"

    @property
    def live_page_log(self) -> Path:
        """Where the live page's server writes network errors, never the terminal."""
        return self.data_dir / "live-page.log"

    @property
    def screenshot_dir(self) -> Path:
        """Where the palette's Screenshot saves: ``--screenshot-dir``, else the data folder's."""
        return self.screenshots or self.data_dir / "screenshots"

    @property
    def user_programmes(self) -> Path:
        """The user's own programme files; one wins over a bundled one with the same id."""
        return self.data_dir / "programmes"

    @property
    def programme_state(self) -> Path:
        """Which programme runs, since when, and which recorded runs are its own."""
        return self.data_dir / "programme.toml"

    def programme_dirs(self) -> tuple[Path, ...]:
        """Bundled programmes, then the user's: a user file wins for the same id."""
        return (bundled_programmes_dir(), self.user_programmes)

    def session_dirs(self) -> tuple[Path, ...]:
        """Folders in override order: later ones win for the same session id."""
        return (self.bundled_sessions, self.user_sessions, *self.extra_sessions)
