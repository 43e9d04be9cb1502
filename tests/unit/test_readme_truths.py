"""What the README says of settings, set-up and the licence is what the code and package do."""

from __future__ import annotations

import re
import tomllib
from dataclasses import fields
from pathlib import Path

import pytest

from isotimer.storage.settings import DEFAULTS, Settings

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
ROW = re.compile(r"^\| `(\w+)` \| `([^`]*)` \|", re.MULTILINE)


def _settings_table() -> dict[str, str]:
    start = README.index("| key in `settings.toml` | default | what |")
    return dict(ROW.findall(README[start : README.index("\n\n", start)]))


def _toml(value: object) -> str:
    """A default as settings.toml writes it."""
    shown = getattr(value, "value", value)
    if isinstance(shown, bool):
        return "true" if shown else "false"
    if isinstance(shown, str):
        return f'"{shown}"'
    if isinstance(shown, tuple):
        return "[]" if not shown else repr(list(shown))
    return f"{shown:g}" if isinstance(shown, float) else str(shown)


@pytest.mark.parametrize("key", [field.name for field in fields(Settings)])
def test_the_settings_table_gives_every_key_its_real_default(key):
    table = _settings_table()
    assert key in table, f"{key} is missing from the README's settings table"
    assert table[key] == _toml(getattr(DEFAULTS, key))


def test_the_set_up_says_how_to_get_isotimer_on_the_path():
    set_up = README[README.index("## Set-up") : README.index("## Using it")]
    assert ". .venv/bin/activate" in set_up and "pipx install ." in set_up


def test_the_licence_the_package_declares_ships_with_it():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert project["project"]["license"] == "MIT"
    assert project["project"]["license-files"] == ["LICENSE"]
    assert "LICENSE" in project["tool"]["hatch"]["build"]["targets"]["sdist"]["include"]
    text = (ROOT / "LICENSE").read_text()
    assert text.startswith("MIT License\n\nCopyright (c) 2026 isotimer developers\n")
