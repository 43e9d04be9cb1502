"""The settings file: each bad value is reported on its line and falls back to its default."""

from __future__ import annotations

import os

import pytest

from isotimer.core.run.tones import Sound
from isotimer.core.session.model import Level
from isotimer.storage.settings import Settings, load_settings, save_settings


def load_text(tmp_path, text: str | bytes):
    path = tmp_path / "settings.toml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return load_settings(path)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            'level = "pro"',
            "settings.toml:1: 'level' must be 'beginner' or 'advanced', got 'pro'; "
            "using the default (beginner)",
        ),
        (
            'sound = true\nvoice = false\nlead_in = "5"',
            "settings.toml:3: 'lead_in' must be a number, got text; using the default (5)",
        ),
        (
            "lead_in = -1",
            "settings.toml:1: 'lead_in' must be at least 0, got -1; using the default (5)",
        ),
        (
            "lead_in = 601",
            "settings.toml:1: 'lead_in' must be at most 600, got 601; using the default (5)",
        ),
        (
            "lead_in = nan",
            "settings.toml:1: 'lead_in' must be a finite number, got nan; using the default (5)",
        ),
        (
            "cue_rotation_s = 1",
            "settings.toml:1: 'cue_rotation_s' must be at least 2, got 1; using the default (8)",
        ),
        (
            "cue_rotation_s = 121.5",
            "settings.toml:1: 'cue_rotation_s' must be at most 120, got 121.5; "
            "using the default (8)",
        ),
        (
            "\n\nsound = 1",
            "settings.toml:3: 'sound' must be 'off' or 'bell' or 'tones', got 1; "
            "using the default (tones)",
        ),
        (
            'voice = "yes"',
            "settings.toml:1: 'voice' must be true or false, got 'yes'; using the default (false)",
        ),
        (
            "voice_program = 3",
            "settings.toml:1: 'voice_program' must be 'auto' or 'espeak-ng' or 'espeak' or "
            "'spd-say' or 'say', got 3; using the default (auto)",
        ),
        (
            'voice_program = "  "',
            "settings.toml:1: 'voice_program' must be 'auto' or 'espeak-ng' or 'espeak' or "
            "'spd-say' or 'say', got '  '; using the default (auto)",
        ),
        (
            'voice_program = "/tmp/evil.sh"',
            "settings.toml:1: 'voice_program' must be 'auto' or 'espeak-ng' or 'espeak' or "
            "'spd-say' or 'say', got '/tmp/evil.sh'; using the default (auto)",
        ),
        (
            'voice_program = "/usr/bin/espeak-ng"',
            "settings.toml:1: 'voice_program' must be 'auto' or 'espeak-ng' or 'espeak' or "
            "'spd-say' or 'say', got '/usr/bin/espeak-ng' (did you mean 'espeak-ng'?); "
            "using the default (auto)",
        ),
        (
            'voice_program = "python3"',
            "settings.toml:1: 'voice_program' must be 'auto' or 'espeak-ng' or 'espeak' or "
            "'spd-say' or 'say', got 'python3'; using the default (auto)",
        ),
        (
            'theme = ""',
            "settings.toml:1: 'theme' must not be empty; using the default (textual-dark)",
        ),
        (
            "theme = [1]",
            "settings.toml:1: 'theme' must be text, got [1]; using the default (textual-dark)",
        ),
        (
            "sound = true\nvoise = true",
            "settings.toml:2: unknown key 'voise' (did you mean 'voice'?); ignored",
        ),
        (
            "sound = \n",
            "settings.toml:1: syntax error: Invalid value; using the defaults",
        ),
        (
            b"sound = true\n\x00\x01",
            "settings.toml:2: contains binary data, not TOML text; using the defaults",
        ),
        (
            b"theme = '\xff'",
            "settings.toml:1: is not UTF-8 text (bad byte at offset 9); using the defaults",
        ),
    ],
)
def test_a_bad_value_is_one_problem_and_the_default(tmp_path, text, problem):
    settings, problems = load_text(tmp_path, text)
    assert problems == [problem]
    assert settings == Settings()


def test_good_values_survive_next_to_bad_ones(tmp_path):
    settings, problems = load_text(
        tmp_path,
        'level = "advanced"\nlead_in = 10\nsound = "no"\ntheme = "nord"\ncue_rotation_s = 0\n',
    )
    assert settings == Settings(level=Level.ADVANCED, lead_in=10.0, theme="nord")
    assert [p.split(":")[1] for p in problems] == ["3", "5"]


@pytest.mark.parametrize("text", [None, "", "  \n\n", "# only a comment\n"])
def test_a_missing_or_empty_file_means_the_defaults_quietly(tmp_path, text):
    if text is None:
        assert load_settings(tmp_path / "nope.toml") == (Settings(), [])
    else:
        assert load_text(tmp_path, text) == (Settings(), [])


def test_an_unreadable_path_is_a_problem_not_a_crash(tmp_path):
    folder = tmp_path / "settings.toml"
    folder.mkdir()
    settings, problems = load_settings(folder)
    assert settings == Settings()
    assert len(problems) == 1
    assert problems[0].startswith("settings.toml: cannot be read")


@pytest.mark.parametrize(
    ("text", "sound"),
    [
        ('sound = "tones"', Sound.TONES),
        ('sound = "bell"', Sound.BELL),
        ('sound = "off"', Sound.OFF),
        ("sound = true", Sound.TONES),  # a file from before there were tones
        ("sound = false", Sound.OFF),
    ],
)
def test_sound_is_off_bell_or_tones(tmp_path, text, sound):
    assert load_text(tmp_path, text) == (Settings(sound=sound), [])


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("volume = 101", "settings.toml:1: 'volume' must be at most 100"),
        ("volume = 50.5", "settings.toml:1: 'volume' must be a whole number"),
        ('volume = "loud"', "settings.toml:1: 'volume' must be a whole number, got text"),
    ],
)
def test_a_bad_volume_falls_back_to_its_default(tmp_path, text, problem):
    settings, problems = load_text(tmp_path, text)
    assert settings.volume == Settings().volume
    [said] = problems
    assert said.startswith(problem) and said.endswith("using the default (70)")


def test_whole_numbers_load_as_floats(tmp_path):
    settings, _ = load_text(tmp_path, "lead_in = 0\ncue_rotation_s = 2")
    assert settings.lead_in == 0.0
    assert isinstance(settings.lead_in, float)
    assert settings.cue_rotation_s == 2.0


@pytest.mark.parametrize(
    "settings",
    [
        Settings(),
        Settings(
            level=Level.ADVANCED,
            lead_in=12.5,
            sound=Sound.BELL,
            volume=35,
            voice=True,
            voice_program="spd-say",
            cue_rotation_s=120.0,
            theme="gruvbox",
        ),
    ],
)
def test_save_then_load_round_trips(tmp_path, settings):
    path = tmp_path / "deep" / "er" / "settings.toml"
    save_settings(path, settings)
    assert load_settings(path) == (settings, [])


def test_save_replaces_atomically_and_leaves_no_temporary_files(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text("garbage = [")
    save_settings(path, Settings(voice=True))
    save_settings(path, Settings(voice=False, sound=Sound.OFF))
    assert os.listdir(tmp_path) == ["settings.toml"]
    assert load_settings(path) == (Settings(sound=Sound.OFF), [])
    assert path.read_text().startswith("# isotimer settings")


def test_a_failed_save_keeps_the_old_file_and_cleans_up(tmp_path, monkeypatch):
    path = tmp_path / "settings.toml"
    save_settings(path, Settings(theme="nord"))

    def refuse(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError):
        save_settings(path, Settings(theme="dracula"))
    monkeypatch.undo()
    assert os.listdir(tmp_path) == ["settings.toml"]
    assert load_settings(path)[0].theme == "nord"
