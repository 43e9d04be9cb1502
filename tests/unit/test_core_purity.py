"""The core and storage never pull in the terminal toolkit; the CLI starts without it."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "modules",
    [
        "isotimer.core.engine, isotimer.core.plan, isotimer.core.clock, isotimer.core.model",
        "isotimer.storage.catalog, isotimer.storage.sessions.loader",
        "isotimer.storage.export.fit_files",
        "isotimer.cli",
    ],
)
def test_importing_does_not_load_textual_or_rich_in_core(modules):
    code = (
        f"import importlib; [importlib.import_module(m.strip()) for m in {modules!r}.split(',')]; "
        "import sys; print('textual' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_core_imports_no_third_party_package():
    code = (
        "import sys, pkgutil, importlib, isotimer.core as c\n"
        "for m in pkgutil.iter_modules(c.__path__):\n"
        "    importlib.import_module('isotimer.core.' + m.name)\n"
        "third = ('rich', 'textual', 'platformdirs', 'tomli_w', 'garmin_fit_sdk')\n"
        "print(sorted(k for k in third if k in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
