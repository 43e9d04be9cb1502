"""``isotimer`` with no command and ``isotimer run``: what is built before the app starts."""

from __future__ import annotations

import subprocess
import sys

import pytest

from isotimer import cli
from isotimer.commands import registry
from isotimer.core.session.model import Level


@pytest.fixture
def built(monkeypatch):
    """Capture the app instead of running it in the terminal."""
    from isotimer.ui.app import IsoTimerApp

    apps: list[IsoTimerApp] = []

    def run(self, *args, **kwargs):
        apps.append(self)
        self._return_code = 0

    monkeypatch.setattr(IsoTimerApp, "run", run)
    monkeypatch.setattr("isotimer.commands.launch.terminal_problem", lambda: None)
    return apps


def test_no_command_opens_the_picker(built, tmp_path):
    assert cli.main(["--data-dir", str(tmp_path)]) == 0
    [app] = built
    assert app.start is None
    assert app.history is not None and app.history_problem is None
    assert "recovery-day" in app.catalog.sessions


def test_run_starts_the_session_at_the_settings_level(built, tmp_path):
    (tmp_path / "settings.toml").write_text('level = "advanced"\n')
    assert cli.main(["--data-dir", str(tmp_path), "run", "Recovery day"]) == 0
    [app] = built
    assert (app.start.session.id, app.start.level) == ("recovery-day", Level.ADVANCED)


def test_run_level_and_voice_options(built, tmp_path):
    cli.main(["--data-dir", str(tmp_path), "run", "recovery-day", "--level", "beginner", "--voice"])
    [app] = built
    assert app.start.level is Level.BEGINNER
    assert app.voice is True


def test_unknown_session_is_a_plain_error(built, tmp_path, capsys):
    assert cli.main(["--data-dir", str(tmp_path), "run", "recovery-dya"]) == 2
    assert "no session 'recovery-dya' (did you mean 'recovery-day'?)" in capsys.readouterr().err
    assert built == []


def test_unusable_history_still_opens_with_a_notice(built, tmp_path):
    (tmp_path / "history.sqlite3").mkdir()
    cli.main(["--data-dir", str(tmp_path)])
    [app] = built
    assert app.history is None
    assert "history" in app.history_problem
    assert app.history_blocked == tmp_path / "history.sqlite3"


def test_settings_problems_reach_the_app(built, tmp_path):
    (tmp_path / "settings.toml").write_text('level = "expert"\n')
    cli.main(["--data-dir", str(tmp_path)])
    [app] = built
    assert len(app.settings_problems) == 1
    assert app.settings.level is Level.BEGINNER


def test_list_never_imports_textual(tmp_path):
    code = (
        "import sys; from isotimer.cli import main; main(['--data-dir', sys.argv[1], 'list']);"
        " print('textual' in sys.modules, file=sys.stderr)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True
    )
    assert result.stderr.strip().splitlines()[-1] == "False"


@pytest.mark.parametrize(
    ("argv", "loaded"),
    [
        (["--data-dir", "x"], set()),  # the picker: no command is registered
        (["--data-dir", "x", "list"], {"isotimer.commands.sessions"}),
        (["--help"], set(registry.COMMANDS)),  # help lists every command
        (["lsit"], set(registry.COMMANDS)),  # and so does the error for a mistyped one
    ],
)
def test_only_the_command_named_is_loaded(argv, loaded):
    code = (
        "import sys; from isotimer.commands.registry import command_modules;"
        " print(' '.join(m.__name__ for m in command_modules(sys.argv[1:])))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, *argv], capture_output=True, text=True, check=True
    )
    assert set(result.stdout.split()) == loaded
