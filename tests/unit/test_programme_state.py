"""The programme state file: written atomically, read back, a damaged one reported by line."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from isotimer.cli import main
from isotimer.core.programme.schedule import ProgrammeRun, Repeat
from isotimer.storage.problems import ValidationError
from isotimer.storage.programmes.follow import programme_runs
from isotimer.storage.programmes.state import ProgrammeState, clear_state, load_state, save_state
from tests.unit.history_factories import hold_record


def test_a_state_round_trips_and_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "programme.toml"
    state = ProgrammeState("runners-base", date(2026, 3, 2), ("a", "b"), (Repeat(4, 1),))
    save_state(path, state)
    assert load_state(path) == state
    assert [p.name for p in tmp_path.iterdir()] == ["programme.toml"]
    assert state.with_run("a") is state
    assert state.with_run("c").runs == ("a", "b", "c")
    assert clear_state(path) and not clear_state(path)
    assert load_state(path) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('programme = "x"\nstart = "monday"\n', ":2: programme state: 'start' must be a date"),
        ("start = 2026-03-02\n", ":1: programme state: 'programme' must be a programme id"),
        ('programme = "x"\nstart = 2026-03-02\nruns = [1]\n', ":3: programme state: 'runs'"),
        ("programme = [\n", ":1: syntax:"),
    ],
)
def test_a_damaged_state_names_its_line(tmp_path, text, expected):
    path = tmp_path / "programme.toml"
    path.write_text(text)
    with pytest.raises(ValidationError) as caught:
        load_state(path)
    assert expected in str(caught.value)


def test_status_over_a_damaged_state_says_so_and_start_replaces_it(isolated_data_dir, capsys):
    isolated_data_dir.mkdir(parents=True)
    (isolated_data_dir / "programme.toml").write_text("programme = [\n")
    assert main(["programme", "status"]) == 1
    assert "programme.toml:1: syntax:" in capsys.readouterr().err
    assert main(["programme", "start", "race-build", "--on", "2026-03-02"]) == 0
    assert load_state(isolated_data_dir / "programme.toml").programme == "race-build"


@pytest.mark.parametrize(
    ("hour", "offset", "day"),
    [
        (20, -5, date(2026, 3, 2)),  # 01:00 UTC on the 3rd: still the 2nd where it was run
        (0, -5, date(2026, 3, 2)),
        (0, 13, date(2026, 3, 2)),  # 11:00 UTC on the 1st
        (23, 0, date(2026, 3, 2)),
    ],
)
def test_a_programme_runs_day_is_the_local_day_it_was_run(store, hour, offset, day):
    """Mutation (issue 27): the run's day taken in UTC (``started_at.astimezone(UTC).date()``)
    in ``storage/programmes/follow.py``: 20:00 at -05:00 is already tomorrow in UTC."""
    at = datetime(day.year, day.month, day.day, hour, tzinfo=timezone(timedelta(hours=offset)))
    store.import_holds([hold_record(id="h", run_id="evening", at=at, pain=2)])
    assert programme_runs(store, ["evening"]) == [ProgrammeRun(day, 2, None)]
