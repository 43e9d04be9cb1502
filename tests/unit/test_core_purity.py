"""The core and storage never pull in Textual or Rich; the CLI starts without Textual.

The same rules are stated statically as import contracts in pyproject.toml (lint-imports).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

TOOLKITS = ("textual", "rich")


def loaded_after(code: str, names: tuple[str, ...] = TOOLKITS) -> list[str]:
    """Which of ``names`` a fresh interpreter has loaded once it has run ``code``."""
    report = f"import json, sys\nprint(json.dumps([n for n in {names!r} if n in sys.modules]))"
    script = f"{code}\n{report}"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def every_module_of(package: str) -> str:
    """Code that imports ``package`` and every module below it, however deep."""
    return (
        "import importlib, pkgutil\n"
        f"root = importlib.import_module({package!r})\n"
        "for found in pkgutil.walk_packages(root.__path__, root.__name__ + '.'):\n"
        "    importlib.import_module(found.name)"
    )


@pytest.mark.parametrize("package", ["isotimer.core", "isotimer.storage"])
def test_no_module_of_core_or_storage_loads_textual_or_rich(package):
    assert loaded_after(every_module_of(package)) == []


def test_the_core_imports_no_third_party_package():
    third_party = ("platformdirs", "tomli_w", "garmin_fit_sdk")
    assert loaded_after(every_module_of("isotimer.core"), third_party) == []


@pytest.mark.parametrize("module", ["isotimer.web.state", "isotimer.web.access"])
def test_the_phone_pages_state_and_access_check_load_no_server_or_toolkit(module):
    # Both run on the app's side every tick or request; the servers load aiohttp themselves.
    assert loaded_after(f"import {module}", (*TOOLKITS, "aiohttp", "textual_serve")) == []


def test_the_cli_starts_without_textual():
    assert loaded_after("import isotimer.cli", ("textual",)) == []
