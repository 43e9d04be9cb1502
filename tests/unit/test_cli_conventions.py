"""``--version``, completion scripts from the parser, grouped help, and one rounding rule."""

from __future__ import annotations

import pytest

from isotimer import __version__
from isotimer.cli import main
from isotimer.core.text.durations import clock, countdown_seconds, held, short, whole_seconds


def test_version(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out == f"isotimer {__version__}\n"


@pytest.mark.parametrize(
    ("shell", "marker", "option"),
    [
        ("bash", "complete -o", "--{}"),
        ("zsh", "#compdef isotimer", "--{}"),
        ("fish", "complete -c isotimer", "-l {}"),
    ],
)
def test_completion_scripts_know_every_command_and_option(capsys, shell, marker, option):
    assert main(["completion", shell]) == 0
    script = capsys.readouterr().out
    assert marker in script
    for word in ("history", "stats", "validate", "completion", "serve"):
        assert word in script, word
    for name in ("plain", "json", "since", "screenshot-dir"):
        assert option.format(name) in script, name


def test_help_groups_the_commands_and_gives_examples(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    groups = ["run a session:", "sessions:", "history:", "more:", "examples:"]
    positions = [text.index(group) for group in groups]
    assert positions == sorted(positions)
    assert "isotimer run recovery-day --plain" in text
    assert "  stats " in text[text.index("history:") : text.index("more:")]


@pytest.mark.parametrize(
    ("seconds", "whole", "clock_text", "short_text"),
    [
        (0, 0, "0:00", "0 s"),
        (14.2, 14, "0:14", "14 s"),
        (14.5, 15, "0:15", "15 s"),  # halves up, never to even
        (14.7, 15, "0:15", "15 s"),
        (42.0, 42, "0:42", "42 s"),  # stats once said "0.7 min"
        (89.5, 90, "1:30", "1 min 30 s"),
        (3600, 3600, "1:00:00", "60 min"),
        (-2, 0, "0:00", "0 s"),
    ],
)
def test_one_rounding_rule_for_amounts(seconds, whole, clock_text, short_text):
    assert whole_seconds(seconds) == whole
    assert clock(seconds) == clock_text
    assert short(seconds) == short_text


@pytest.mark.parametrize(("remaining", "shown"), [(0, 0), (0.3, 1), (2.0, 2), (2.0001, 3)])
def test_a_countdown_shows_the_seconds_still_to_go(remaining, shown):
    assert countdown_seconds(remaining) == shown


def test_held_reads_as_the_app_does():
    assert held(14.7, 30) == "15/30 s"
