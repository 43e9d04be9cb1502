"""``isotimer export --format fit``, called as the CLI calls it."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from isotimer.core.history.records import Outcome
from isotimer.storage.history.store import HistoryStore
from tests.unit.fit_decoding import decode
from tests.unit.history_factories import T0, hold_record, run_record
from tests.unit.test_history_commands import ctx, err, out, run  # noqa: F401 (fixture)

RUNS = (("aaaa1111", 0), ("bbbb2222", 2))


@pytest.fixture
def filled(ctx):  # noqa: F811 (the fixture imported above)
    with HistoryStore.open(ctx.paths.history_file) as store:
        for run_id, day in RUNS:
            start = T0 + timedelta(days=day)
            store.begin_run(replace(run_record(run_id, start), session="recovery-day"))
            for n in range(3):
                store.add_hold(hold_record(run_id=run_id, at=start + timedelta(seconds=5 + 60 * n)))
            store.end_run(run_id, start + timedelta(seconds=200), Outcome.STOPPED)
    return ctx


def test_every_run_into_a_folder(filled, tmp_path):
    assert run(filled, "export", "--format", "fit", "-o", str(tmp_path / "fit")) == 0
    files = sorted((tmp_path / "fit").iterdir())
    assert [path.name[-12:] for path in files] == ["aaaa1111.fit", "bbbb2222.fit"]
    assert out(filled).split() == [str(path) for path in files]
    assert "Wrote 2 FIT files" in err(filled)
    assert all(decode(path).run_outcome == "stopped" for path in files)


def test_one_run_by_id_to_a_file_named_fit(filled, tmp_path):
    target = tmp_path / "mine.fit"
    assert run(filled, "export", "--session", "bbbb", "-o", str(target)) == 0
    assert len([s for s in decode(target).sets if s.kind == "active"]) == 3


def test_since_picks_the_runs_from_that_day(filled, tmp_path):
    since = (T0 + timedelta(days=1)).date().isoformat()
    assert run(filled, "export", "--format", "fit", "--since", since, "-o", str(tmp_path)) == 0
    assert [path.name[-12:] for path in tmp_path.glob("*.fit")] == ["bbbb2222.fit"]


def test_twice_gives_identical_files(filled, tmp_path):
    for folder in ("one", "two"):
        assert run(filled, "export", "--format", "fit", "-o", str(tmp_path / folder)) == 0
    for path in (tmp_path / "one").iterdir():
        assert path.read_bytes() == (tmp_path / "two" / path.name).read_bytes()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--format", "fit"], "needs -o FILE.fit or -o FOLDER"),
        (["--format", "fit", "--session", "zz", "-o", "x"], "no run with id 'zz'"),
        (["--format", "fit", "-o", "all.fit"], "2 runs to export but all.fit is one file"),
        (["--format", "json", "--session", "aaaa"], "--session and --since go with --format fit"),
    ],
)
def test_mistakes_exit_1_and_say_why(filled, argv, message, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    assert run(filled, "export", *argv) == 1
    assert message in err(filled)


def test_no_history_yet(ctx, tmp_path):  # noqa: F811
    assert run(ctx, "export", "--format", "fit", "-o", str(tmp_path)) == 1
    assert "no history yet" in err(ctx)
