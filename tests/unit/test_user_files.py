"""Files written for the user: owner-only, never through a link, whole or not at all."""

from __future__ import annotations

import io
import os
import stat

import pytest
from rich.console import Console

from isotimer.cli import main
from isotimer.commands.context import Context
from isotimer.commands.plain import _keep_everything
from isotimer.paths import Paths
from isotimer.storage.history.transfer import parse_import
from isotimer.storage.user_files import open_log, write_new_file, write_user_file
from tests.unit.cli_helpers import fill_history
from tests.unit.test_plain_mode import run_plain


def mode(path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


@pytest.fixture(autouse=True)
def permissive_umask():
    """The umask most desktops have: a file made without care would be 0644."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_a_new_file_is_owner_only(tmp_path):
    path = write_user_file(tmp_path / "out.json", b"{}")
    assert mode(path) == 0o600 and path.read_bytes() == b"{}"


def test_an_existing_world_readable_file_asked_for_ends_owner_only(tmp_path):
    path = tmp_path / "out.json"
    path.write_text("old")
    path.chmod(0o644)
    write_user_file(path, b"new")
    assert mode(path) == 0o600 and path.read_bytes() == b"new"


def test_a_symlink_is_refused_and_its_target_untouched(tmp_path):
    target = tmp_path / "elsewhere.txt"
    target.write_text("theirs")
    link = tmp_path / "out.json"
    link.symlink_to(target)
    with pytest.raises(OSError, match="symbolic link"):
        write_user_file(link, b"mine")
    assert target.read_text() == "theirs" and link.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["elsewhere.txt", "out.json"]


@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_anything_but_a_regular_file_is_refused(tmp_path, kind):
    path = tmp_path / "out"
    path.mkdir() if kind == "folder" else os.mkfifo(path)
    with pytest.raises(OSError):
        write_user_file(path, b"x")


def full_disk(*args):
    raise OSError(28, "No space left on device")


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "out.json"
    path.write_text("old")
    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError):
        write_user_file(path, b"new")
    assert os.listdir(tmp_path) == ["out.json"] and path.read_text() == "old"


def test_a_new_file_never_opens_an_existing_file_or_link(tmp_path):
    (tmp_path / "holds.json").write_text("someone's")
    (tmp_path / "holds-2.json").symlink_to(tmp_path / "target")
    path = write_new_file(tmp_path, "holds.json", b"[]")
    assert path.name == "holds-3.json" and mode(path) == 0o600
    assert (tmp_path / "holds.json").read_text() == "someone's"
    assert not (tmp_path / "target").exists()


def test_a_log_is_appended_to_owner_only_and_never_through_a_link(tmp_path):
    path = tmp_path / "timing.log"
    for line in ("one\n", "two\n"):
        with open_log(path) as log:
            log.write(line)
    assert path.read_text() == "one\ntwo\n" and mode(path) == 0o600
    link = tmp_path / "link.log"
    link.symlink_to(path)
    with pytest.raises(OSError):
        open_log(link)
    assert path.read_text() == "one\ntwo\n"


def test_a_failed_new_file_leaves_nothing_behind(tmp_path, monkeypatch):
    """A full disk left a 0-byte file in the data folder that import then refused."""
    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError):
        write_new_file(tmp_path, "holds.json", b"[]")
    assert os.listdir(tmp_path) == []


EXPORTS = {
    "json": ["export", "-o", "{out}.json"],
    "csv": ["export", "-o", "{out}.csv"],
    "fit": ["export", "--format", "fit", "-o", "{out}.fit"],
    "ics": ["programme", "calendar", "-o", "{out}.ics"],
}


@pytest.fixture
def exportable(isolated_data_dir, capsys):
    fill_history(isolated_data_dir)
    assert main(["programme", "start", "runners-base", "--on", "2026-03-02"]) == 0
    capsys.readouterr()


def export_argv(name: str, out) -> list[str]:
    argv = [part.format(out=out) for part in EXPORTS[name]]
    if name == "fit":
        argv += ["--session", "run-1"]
    return argv


@pytest.mark.parametrize("name", list(EXPORTS))
def test_every_export_onto_a_0644_file_ends_0600(exportable, tmp_path, name):
    """FIT and .ics files were world-readable, and -o kept an existing file's 0644."""
    out = tmp_path / "out"
    argv = export_argv(name, out)
    target = tmp_path / argv[-1 if name != "fit" else -3].rsplit("/", 1)[-1]
    target.write_text("old")
    target.chmod(0o644)
    assert main(argv) == 0
    assert mode(target) == 0o600 and target.read_bytes() != b"old"


@pytest.mark.parametrize("name", list(EXPORTS))
def test_every_export_refuses_to_write_through_a_symlink(exportable, tmp_path, capsys, name):
    out = tmp_path / "out"
    argv = export_argv(name, out)
    link = tmp_path / argv[-1 if name != "fit" else -3].rsplit("/", 1)[-1]
    secret = tmp_path / "authorized_keys"
    secret.write_text("theirs")
    link.symlink_to(secret)
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "symbolic link" in err, err
    assert secret.read_text() == "theirs" and link.is_symlink()


def test_plain_mode_writes_unsaved_holds_to_the_home_folder_as_the_app_does(
    tmp_path, monkeypatch, isolated_data_dir
):
    """It wrote unsaved-holds-DATE.json to the data folder, then the working folder."""
    home, elsewhere = tmp_path / "home", tmp_path / "cwd"
    home.mkdir(), elsewhere.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(elsewhere)
    _, recorder, _ = run_plain()
    err = io.StringIO()
    ctx = Context(Paths(isolated_data_dir), err=Console(file=err, width=200))
    _keep_everything(ctx, recorder)
    [written] = home.iterdir()
    assert written.name == recorder.unsaved_name == f"isotimer-unsaved-{recorder.run_id[:8]}.json"
    assert mode(written) == 0o600
    assert parse_import(written.read_bytes(), filename=written.name) == (recorder.pending, [])
    assert list(elsewhere.iterdir()) == [] and not isolated_data_dir.exists()
    assert f"add them later with 'isotimer import {written}'" in err.getvalue()


def test_plain_mode_with_no_home_to_write_says_so_and_leaves_nothing(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setattr(os, "fsync", full_disk)
    _, recorder, _ = run_plain()
    err = io.StringIO()
    _keep_everything(Context(Paths(tmp_path / "data"), err=Console(file=err, width=200)), recorder)
    assert list(home.iterdir()) == []
    assert "hold(s) not saved, nor written (No space left on device" in err.getvalue()
