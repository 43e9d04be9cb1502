"""The user's settings file: read forgivingly, written atomically."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

import tomli_w

from isotimer.core.run.tones import Sound
from isotimer.core.session.model import Level
from isotimer.storage.bounded import FileRefused, read_bounded
from isotimer.storage.fields import FieldReader
from isotimer.storage.folders import make_private_dir
from isotimer.storage.problems import Problem, ValidationError
from isotimer.storage.toml.source import MAX_FILE_BYTES, parse_toml

LEAD_IN_RANGE = (0.0, 600.0)
CUE_ROTATION_RANGE = (2.0, 120.0)
VOLUME_RANGE = (0, 100)
LEVELS = [level.value for level in Level]
SOUNDS = [sound.value for sound in Sound]
SHARE_CHOICES = ["off", "this-computer", "my-network"]
AUTO = "auto"
# The speech programs isotimer knows, in the order "auto" tries them. A settings file may name
# only these, found on PATH: it is read as untrusted, and any other program would run per cue.
AUTO_PROGRAMS = ("espeak-ng", "espeak", "spd-say", "say")
VOICE_PROGRAMS = [AUTO, *AUTO_PROGRAMS]
WHERE = "settings"
HEADER = "# isotimer settings: edit here or from the settings screen (press s in the picker).\n"


@dataclass(frozen=True)
class Settings:
    """How the user likes to run sessions.

    ``lead_in`` is the get-ready time for sessions whose file does not set
    one; ``cue_rotation_s`` is how long each form cue stays on screen.
    ``theme`` is any Textual theme name: only the app knows which exist.
    ``progression`` lists the ids of sessions that run at today's targets.
    ``sound`` is off, the terminal bell, or tones through the computer's
    audio (the bell where there is none), at ``volume`` percent.
    ``warm_up`` off leaves sessions' warm-ups out, for a runner warm from a run.
    ``share`` publishes every run as a live page: off, on this computer only,
    or on the user's network (behind a per-run key).
    ``voice_program`` is ``auto`` or one of ``AUTO_PROGRAMS``, never a path.
    ``fit_folder`` is where "Save as FIT" puts files; empty until first asked.
    """

    level: Level = Level.BEGINNER
    lead_in: float = 5.0
    warm_up: bool = True
    sound: Sound = Sound.TONES
    volume: int = 70
    voice: bool = False
    voice_program: str = AUTO
    cue_rotation_s: float = 8.0
    theme: str = "textual-dark"
    progression: tuple[str, ...] = ()
    share: str = "off"
    fit_folder: str = ""


DEFAULTS = Settings()
KEYS = [f.name for f in fields(Settings)]


def load_settings(path: Path) -> tuple[Settings, list[str]]:
    """Read ``path``; every bad value becomes a one-line problem and falls back to its default.

    Never raises: a missing or empty file means the defaults, and a file that
    cannot be read or parsed means the defaults plus one problem.
    """
    name = path.name
    try:
        raw = read_bounded(path, MAX_FILE_BYTES)
    except FileNotFoundError:
        return DEFAULTS, []
    except FileRefused as error:
        return DEFAULTS, [f"{name}: cannot be read ({error.reason}); using the defaults"]
    except OSError as error:
        return DEFAULTS, [f"{name}: cannot be read ({error.strerror or error}); using the defaults"]
    if not raw.strip():
        return DEFAULTS, []
    try:
        source = parse_toml(raw, name)
    except ValidationError as error:
        return DEFAULTS, [f"{_file_line(p)}; using the defaults" for p in error.problems]
    return _from_data(source.data, FieldReader(name, source.lines))


def save_settings(path: Path, settings: Settings) -> None:
    """Write ``settings`` so that a crash mid-write never leaves a torn file.

    The text goes to a temporary file beside ``path`` that then replaces it in
    one step. Raises OSError when the folder cannot be written.
    """
    make_private_dir(path.parent)
    data = asdict(settings) | {
        "level": settings.level.value,
        "sound": settings.sound.value,
        "progression": list(settings.progression),
    }
    text = HEADER + tomli_w.dumps(data)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".settings-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _from_data(data: dict[str, Any], reader: FieldReader) -> tuple[Settings, list[str]]:
    """Read each field in turn so that every problem can name the default it falls back to."""
    checks: dict[str, Callable[[], Any]] = {
        "level": lambda: reader.choice(data, "level", (), WHERE, LEVELS),
        "lead_in": lambda: reader.number(data, "lead_in", (), WHERE, *LEAD_IN_RANGE),
        "warm_up": lambda: _flag(reader, data, "warm_up"),
        "sound": lambda: _sound(reader, data),
        "volume": lambda: reader.number(data, "volume", (), WHERE, *VOLUME_RANGE, whole=True),
        "voice": lambda: _flag(reader, data, "voice"),
        "voice_program": lambda: reader.choice(data, "voice_program", (), WHERE, VOICE_PROGRAMS),
        "cue_rotation_s": lambda: reader.number(
            data, "cue_rotation_s", (), WHERE, *CUE_ROTATION_RANGE
        ),
        "theme": lambda: _name(reader, data, "theme"),
        "progression": lambda: reader.texts(data, "progression", (), WHERE),
        "share": lambda: reader.choice(data, "share", (), WHERE, SHARE_CHOICES),
        "fit_folder": lambda: reader.text(data, "fit_folder", (), WHERE),
    }
    values: dict[str, Any] = {}
    messages: list[str] = []
    for key, check in checks.items():
        reader.problems.clear()
        value = check()
        default = getattr(DEFAULTS, key)
        messages += [f"{_line(p)}; using the default ({_show(default)})" for p in reader.problems]
        values[key] = default if value is None else value
    reader.problems.clear()
    reader.unknown_keys(data, KEYS, (), WHERE)
    messages += [f"{_line(p)}; ignored" for p in reader.problems]
    values["level"] = Level(values["level"])
    values["sound"] = Sound(values["sound"])
    values["volume"] = round(values["volume"])
    values["lead_in"] = float(values["lead_in"])
    values["cue_rotation_s"] = float(values["cue_rotation_s"])
    return Settings(**values), messages


def _flag(reader: FieldReader, data: dict[str, Any], key: str) -> bool | None:
    """A true/false value; FieldReader has no boolean reader because sessions need none."""
    value = data.get(key)
    if value is None or isinstance(value, bool):
        return value
    reader.report((key,), WHERE, f"'{key}' must be true or false, got {value!r}")
    return None


def _sound(reader: FieldReader, data: dict[str, Any]) -> str | None:
    """off, bell or tones; true and false, from before there were tones, mean tones and off."""
    value = data.get("sound")
    if isinstance(value, bool):
        return Sound.TONES.value if value else Sound.OFF.value
    return reader.choice(data, "sound", (), WHERE, SOUNDS)


def _name(reader: FieldReader, data: dict[str, Any], key: str) -> str | None:
    """Non-empty text, for a theme name."""
    value: str | None = reader.text(data, key, (), WHERE)
    if value is not None and not value.strip():
        reader.report((key,), WHERE, f"'{key}' must not be empty")
        return None
    return value


def _line(problem: Problem) -> str:
    return f"{problem.file}:{problem.line}: {problem.what}"


def _file_line(problem: Problem) -> str:
    """A problem with the whole file, such as a TOML syntax error."""
    what = f"syntax error: {problem.what}" if problem.where == "syntax" else problem.what
    return f"{problem.file}:{problem.line}: {what}"


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)
