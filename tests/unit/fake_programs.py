"""Fake programs on PATH (speech programs, audio players) that log how they were called."""

from __future__ import annotations

import json
import stat
import sys
from pathlib import Path


def fake_program(folder: Path, name: str, exit_code: int = 0, then: str = "") -> Path:
    """An executable that appends its arguments, as JSON, to ``<name>.log`` beside it.

    ``then`` is Python run after logging, before exiting with ``exit_code``.
    """
    program = folder / name
    log = folder / f"{name}.log"
    program.write_text(
        f"#!{sys.executable}\n"
        "import json, sys\n"
        f"with open({str(log)!r}, 'a') as log:\n"
        "    log.write(json.dumps(sys.argv[1:]) + '\\n')\n"
        f"{then}\n"
        f"sys.exit({exit_code})\n"
    )
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return program


def calls(folder: Path, name: str) -> list[list[str]]:
    log = folder / f"{name}.log"
    return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []
