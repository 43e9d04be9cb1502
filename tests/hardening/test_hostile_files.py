"""Issue 15's files, one test each: a line-precise error, and everything else keeps working."""

from __future__ import annotations

import json
import os
import re
import threading
import unicodedata

import pytest

from isotimer.cli import main
from isotimer.storage.sessions.library import load_library
from isotimer.storage.settings import DEFAULTS, load_settings
from tests.hardening.corpus import (
    ESCAPES,
    INVISIBLES,
    LIBRARY_FILES,
    OSC_2,
    OSC_52,
    SESSION_FILES,
    SETTINGS_FILES,
    session,
)

PROBLEM = re.compile(r"^\S+\.toml:\d+: [^:]+: .+$")
REFUSED = set(SESSION_FILES) - {"markup-name"}


def sessions_folder(isolated_data_dir, files: dict[str, str]):
    folder = isolated_data_dir / "sessions"
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / f"{name}.toml").write_text(text, encoding="utf-8", errors="surrogatepass")
    return folder


def no_escapes(text: str) -> None:
    assert "Traceback" not in text
    for char in ("\x1b", "\x07", "\x9b", "\x9d", "\x00", *INVISIBLES):
        assert char not in text, repr(text[:200])


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_validate_names_the_file_and_line_of_each_bad_session(capsys, isolated_data_dir, case):
    path = sessions_folder(isolated_data_dir, {case: SESSION_FILES[case]}) / f"{case}.toml"
    assert main(["validate", str(path)]) == 1
    out, err = capsys.readouterr()
    no_escapes(out + err)
    assert out.strip() and all(PROBLEM.match(line) for line in out.splitlines()), out


def test_one_bad_file_of_each_kind_never_hides_the_other_sessions(capsys, isolated_data_dir):
    sessions_folder(isolated_data_dir, SESSION_FILES)
    assert main(["list"]) == 0
    out, err = capsys.readouterr()
    no_escapes(out + err)
    assert "recovery-day" in out and "Legs [/] day" in out
    assert sum(line.startswith("warning: ") for line in err.splitlines()) >= len(REFUSED)
    assert main(["show", "recovery-day"]) == 0
    assert main(["show", "markup-name"]) == 0


@pytest.mark.parametrize("name", ["Wall sit [easy]", "[link=https://x.test]Go[/link]", "Squat [/]"])
def test_list_and_show_print_a_name_exactly_as_written(
    capsys, isolated_data_dir, monkeypatch, name
):
    monkeypatch.setenv("COLUMNS", "200")  # no wrapping inside the name
    sessions_folder(isolated_data_dir, {"mine": session(name=name)})
    assert main(["list"]) == 0
    assert main(["show", "mine"]) == 0
    out = capsys.readouterr().out
    assert name in out
    assert "\x1b]8;" not in out  # no hyperlink escape


@pytest.mark.parametrize("escape", ESCAPES)
def test_a_control_character_in_a_name_is_refused_at_its_line(capsys, isolated_data_dir, escape):
    text = 'description = "fine"\n' + session(name=f"Legs{escape}day")
    path = sessions_folder(isolated_data_dir, {"esc": text}) / "esc.toml"
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    no_escapes(out)
    assert re.match(r"^\S+esc\.toml:2: session: 'name' contains .+ at character 5", out), out


@pytest.mark.parametrize("invisible", INVISIBLES, ids=[f"U+{ord(c):04X}" for c in INVISIBLES])
def test_a_bidi_or_zero_width_character_in_a_name_is_refused_at_its_line(
    capsys, isolated_data_dir, invisible
):
    """``Legs \u202eyad`` displays as ``Legs day``: a shared session could pass for another."""
    text = 'description = "fine"\n' + session(name=f"Legs{invisible}day")
    path = sessions_folder(isolated_data_dir, {"bidi": text}) / "bidi.toml"
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    name = f"{unicodedata.name(invisible)} (U+{ord(invisible):04X})"
    assert out.endswith(f"bidi.toml:2: session: 'name' contains {name} at character 5: "
                        "not allowed in text\n"), out  # fmt: skip
    assert invisible not in out


def test_a_zero_width_character_in_a_cue_is_refused(capsys, isolated_data_dir):
    path = sessions_folder(isolated_data_dir, SESSION_FILES) / "zero-width-cue.toml"
    assert main(["validate", str(path)]) == 1
    assert ":5: hold 1: 'cues' contains ZERO WIDTH SPACE (U+200B)" in capsys.readouterr().out


def test_a_control_character_in_cues_tags_and_descriptions_is_refused(capsys, isolated_data_dir):
    text = session(extra=f'cues = ["ok", {json.dumps(OSC_2)}]\n')
    text = 'tags = ["a\\u0007"]\ndescription = "x\\u001b"\n' + text
    path = sessions_folder(isolated_data_dir, {"esc": text}) / "esc.toml"
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert ":1: session: 'tags' contains BEL" in out
    assert ":2: session: 'description' contains ESC" in out
    assert ":7: hold 1: 'cues' contains ESC" in out


def test_a_multi_line_description_is_still_valid(capsys, isolated_data_dir):
    text = 'description = """Two\nlines\twith a tab"""\n' + session()
    path = sessions_folder(isolated_data_dir, {"ok": text}) / "ok.toml"
    assert main(["validate", str(path)]) == 0


@pytest.mark.parametrize("case", sorted(LIBRARY_FILES))
def test_a_bad_library_entry_is_a_problem_not_a_crash(tmp_path, case):
    path = tmp_path / "exercises.toml"
    path.write_text(LIBRARY_FILES[case])
    _, problems = load_library([path])
    assert problems and all(PROBLEM.match(str(p)) for p in problems)
    assert all("\x1b" not in str(p) for p in problems)


@pytest.mark.parametrize("case", sorted(SETTINGS_FILES))
def test_bad_settings_fall_back_to_the_defaults_with_a_message(tmp_path, case):
    path = tmp_path / "settings.toml"
    path.write_text(SETTINGS_FILES[case])
    settings, messages = load_settings(path)
    assert messages and "settings.toml:" in messages[0]
    assert all("\x1b" not in message for message in messages)
    assert settings.lead_in == DEFAULTS.lead_in and settings.theme == DEFAULTS.theme
    assert settings.voice_program == DEFAULTS.voice_program


def test_huge_numbers_are_reported_by_their_length(capsys, isolated_data_dir):
    path = sessions_folder(isolated_data_dir, SESSION_FILES) / "huge-int.toml"
    main(["validate", str(path)])
    out = capsys.readouterr().out
    assert "huge-int.toml:4: hold 1: 'seconds' must be at most an hour (3600 s)" in out
    assert "a number of 401 digits" in out


def test_deep_nesting_is_refused_at_its_line(capsys, isolated_data_dir):
    path = sessions_folder(isolated_data_dir, SESSION_FILES) / "deep-array.toml"
    main(["validate", str(path)])
    assert "deep-array.toml:5: syntax: arrays, tables or dotted keys nested more than 32 deep" in (
        capsys.readouterr().out
    )


def test_validate_refuses_a_device_by_name_without_reading_it(capsys, tmp_path):
    with pytest.raises(SystemExit) as exit_:
        main(["validate", "/dev/zero"])
    assert exit_.value.code == 2  # refused with the arguments, before any file is opened
    assert "/dev/zero is a character device, not a regular file" in capsys.readouterr().err


def test_a_fifo_among_the_sessions_is_refused_and_never_blocks(capsys, isolated_data_dir):
    folder = sessions_folder(isolated_data_dir, {})
    os.mkfifo(folder / "pipe.toml")
    # Without the fix, opening the FIFO blocks for ever: run in a thread with a deadline.
    result: list[int] = []
    worker = threading.Thread(target=lambda: result.append(main(["list"])), daemon=True)
    worker.start()
    worker.join(timeout=10)
    if worker.is_alive():
        with open(folder / "pipe.toml", "w"):  # unblock the reader so the thread ends
            pass
        pytest.fail("isotimer list blocked on a FIFO")
    assert result == [0]
    out, err = capsys.readouterr()
    assert "pipe.toml:1: file: is a FIFO (named pipe), not a regular file" in err
    assert "recovery-day" in out


def test_a_file_over_the_cap_is_refused_before_it_is_read(capsys, tmp_path):
    path = tmp_path / "big.toml"
    with open(path, "wb") as file:
        file.truncate(50_000_000)  # sparse: no disk used, but read_bytes would take 50 MB
    assert main(["validate", str(path)]) == 1
    assert "is over 1 MB (50 MB)" in capsys.readouterr().out


def test_run_of_a_bundled_session_still_finds_it_beside_bad_files(isolated_data_dir):
    from isotimer.paths import Paths
    from isotimer.storage.sessions.catalog import load_catalog

    sessions_folder(isolated_data_dir, SESSION_FILES)
    catalog = load_catalog(Paths(isolated_data_dir))  # what `isotimer run` looks in
    assert catalog.find("recovery-day").id == "recovery-day"


def test_osc_52_never_reaches_the_terminal_from_a_file_name(capsys, isolated_data_dir):
    folder = sessions_folder(isolated_data_dir, {})
    (folder / f"x{OSC_52}.toml").write_text("name = 1\n")
    assert main(["list"]) == 0
    out, err = capsys.readouterr()
    no_escapes(out + err)
    assert "x␛]52;c;" in err
