"""isotimer's speed, CPU, timing and memory, each figure beside its reference from the same run.

    python benchmarks/run.py            # about four minutes; needs tmux
    python benchmarks/run.py --quick    # a one-minute smoke run with fewer repeats

Not a test: this machine is noisy, so every figure is a median over repeats
and every reference (a minimal Textual app, ``termdown``) is measured in the
same run, interleaved or side by side. ``termdown`` is installed on first use
into ``benchmarks/out/termdown-venv`` (``pip install termdown``). The table is
printed and written to ``benchmarks/out/results.md``; benchmarks/README.md
records it with the machine it came from.
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

if __package__ in (None, ""):  # run as a script from a checkout
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import textual

from benchmarks import history_data, timing
from benchmarks.tmux_cpu import (
    Tmux,
    busy_cpu,
    cpu_seconds,
    peak_rss_mib,
    running,
    sleep_until,
    wait_for,
)

OUT = Path(__file__).resolve().parent / "out"
PYTHON = sys.executable
ISOTIMER = [str(Path(PYTHON).with_name("isotimer"))]  # the installed entry point
TERMDOWN = OUT / "termdown-venv" / "bin" / "termdown"
COMMAND = "python benchmarks/run.py"
# The real run: lead-in, then holds and rests of STEP_S, so each holds a 20 s window.
REAL_RUN = """\
name = "Benchmark three minutes"
lead_in = {lead_in}
breathing = {{ inhale = 3, exhale = 3 }}

[[hold]]
name = "Benchmark hold"
seconds = {step}
sets = {sets}
rest = {step}
cues = ["Knees over ankles", "Back flat on the wall", "Breathe low and slow"]
"""


@dataclass(frozen=True)
class Row:
    figure: str
    ours: str
    reference: str
    target: str
    met: bool | None  # None: not measured


@dataclass(frozen=True)
class Config:
    repeats: int  # start-up launches of each app
    cli_rounds: int  # interleaved rounds of the shell commands
    step_s: float  # hold and rest length in the real run
    sets: int
    window_s: float  # CPU window inside each hold and rest
    sizes: tuple[int, ...]


FULL = Config(
    repeats=7, cli_rounds=15, step_s=25, sets=4, window_s=20, sizes=(1000, 10_000, 100_000)
)
QUICK = Config(repeats=3, cli_rounds=5, step_s=8, sets=3, window_s=5, sizes=(1000, 10_000))


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


# -- set-up ---------------------------------------------------------------------------
def ensure_termdown() -> None:
    if TERMDOWN.exists():
        return
    print("Installing termdown into benchmarks/out/termdown-venv ...", flush=True)
    venv.create(OUT / "termdown-venv", with_pip=True)
    pip = OUT / "termdown-venv" / "bin" / "pip"
    subprocess.run([str(pip), "install", "--quiet", "termdown"], check=True)


def compile_bytecode() -> None:
    """Compile isotimer's bytecode, as pip does when it installs the wheel.

    An editable checkout compiles each module on first import, and under
    ``PYTHONDONTWRITEBYTECODE`` at every launch: about 90 ms of start-up that
    no installed copy pays, while Textual, installed by pip, starts compiled.
    """
    compileall.compile_dir(Path("isotimer"), quiet=1)


def history_dir(holds: int) -> Path:
    """A data folder holding ``holds`` synthetic holds, built once and kept in out/."""
    folder = OUT / f"history-{holds}"
    store = folder / "history.sqlite3"
    if not store.exists():
        folder.mkdir(parents=True, exist_ok=True)
        history_data.write_store(store, holds)
    return folder


def sessions_dir(config: Config) -> Path:
    folder = OUT / "sessions"
    folder.mkdir(parents=True, exist_ok=True)
    text = REAL_RUN.format(lead_in=config.step_s / 5, step=config.step_s, sets=config.sets)
    (folder / "bench-run.toml").write_text(text)
    return folder


# -- start-up -------------------------------------------------------------------------
def ready_after(argv: list[str], marker: Path) -> float:
    """Seconds from launching ``argv`` in tmux to its ready marker (ui/services/probes.py)."""
    marker.unlink(missing_ok=True)
    terminal = Tmux("start")
    launched = time.monotonic()
    terminal.start(argv, {"ISOTIMER_READY_FILE": str(marker)})
    pid = terminal.pid()
    try:
        text = wait_for(lambda: marker.exists() and marker.read_text().strip(), 30)
        if not text:
            raise RuntimeError(f"{argv} never got ready:\n{terminal.screen()}")
        return float(text) - launched
    finally:
        terminal.close()
        # The next launch waits for this one to be gone: an app whose terminal vanished
        # mid-start-up can take its exit watchdog's 5 s, and would share the CPU meanwhile.
        wait_for(lambda: not running(pid), 10, every_s=0.05)


def startup(config: Config, data: Path) -> Row:
    ours, minimal = [], []
    marker = OUT / "ready"
    picker = [*ISOTIMER, "--data-dir", str(data)]
    reference = [PYTHON, str(Path(__file__).with_name("minimal_app.py"))]
    for _ in range(config.repeats):
        ours.append(ready_after(picker, marker))
        minimal.append(ready_after(reference, marker))
    ratio = median(ours) / median(minimal)
    return Row(
        "Start-up to the picker, ready for keys (tmux)",
        f"{median(ours) * 1000:.0f} ms",
        f"{median(minimal) * 1000:.0f} ms minimal Textual app",
        f"ratio {ratio:.2f} ≤ 1.5",
        ratio <= 1.5,
    )


# -- shell commands -------------------------------------------------------------------
def shell_commands(config: Config, data: Path) -> list[Row]:
    """Median wall time of each command and of ``termdown --version``, interleaved."""
    base = [*ISOTIMER, "--data-dir", str(data)]
    commands = {
        "termdown": [str(TERMDOWN), "--version"],
        "list": [*base, "list"],
        "stats": [*base, "stats"],
        "show": [*base, "show", "recovery-day"],
        "validate": [*base, "validate", str(Path("sessions/recovery-day.toml").resolve())],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(config.cli_rounds):
        for name, argv in commands.items():
            began = time.perf_counter()
            subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            times[name].append(time.perf_counter() - began)
    reference = median(times.pop("termdown"))
    textual_free = no_textual(data)
    rows = []
    for name, values in times.items():
        ratio = median(values) / reference
        rows.append(
            Row(
                f"isotimer {name} (wall time{', no Textual' if textual_free else ''})",
                f"{median(values) * 1000:.0f} ms",
                f"{reference * 1000:.0f} ms termdown --version",
                f"ratio {ratio:.2f} ≤ 1.0",
                ratio <= 1.0 and textual_free,
            )
        )
    return rows


def no_textual(data: Path) -> bool:
    probe = (
        "import contextlib, io, sys; from isotimer.cli import main\n"
        "for argv in (['list'], ['stats'], ['show', 'recovery-day'],"
        " ['validate', 'sessions/recovery-day.toml']):\n"
        "    with contextlib.redirect_stdout(io.StringIO()):\n"
        "        main(['--data-dir', sys.argv[1], *argv])\n"
        "print('textual' in sys.modules)"
    )
    done = subprocess.run([PYTHON, "-c", probe, str(data)], capture_output=True, text=True)
    return done.stdout.strip().endswith("False")


# -- the real run: CPU against termdown, then timing, the last steps under load ---------
def real_run(config: Config, sessions: Path) -> list[Row]:
    data = OUT / "real-run"
    for name in ("history.sqlite3", "history.sqlite3-wal", "history.sqlite3-shm", "timing.log"):
        (data / name).unlink(missing_ok=True)
    data.mkdir(parents=True, exist_ok=True)
    log = data / "timing.log"
    app, reference = Tmux("app"), Tmux("termdown")
    argv = [*ISOTIMER, "--data-dir", str(data), "--sessions", str(sessions), "run", "bench-run"]
    app.start(argv, {"ISOTIMER_TIMING_LOG": str(log), **null_audio()})
    reference.start([str(TERMDOWN), "3600"])
    try:
        started = wait_for(lambda: log.exists() and log.read_text().strip(), 30)
        if not started:
            raise RuntimeError(f"the run never started:\n{app.screen()}")
        return _measure_run(config, app, reference, log, data)
    finally:
        app.close()
        reference.close()


def null_audio() -> dict[str, str]:
    """A HOME whose ALSA default device is the null one, so that aplay really plays the tones.

    Machines that run benchmarks have no sound card; the beep's lag is measured
    up to the moment its player starts, which a null device does not change.
    """
    home = OUT / "null-audio-home"
    home.mkdir(parents=True, exist_ok=True)
    (home / ".asoundrc").write_text("pcm.!default { type null }\n")
    return {"HOME": str(home)}


def _measure_run(config: Config, app: Tmux, reference: Tmux, log: Path, data: Path) -> list[Row]:
    import json

    t0 = json.loads(log.read_text().splitlines()[0])["at"]
    lead_in, step = config.step_s / 5, config.step_s
    margin = (step - config.window_s) / 2
    pids = {"ours": app.pid(), "termdown": reference.pid()}
    cpu: dict[tuple[str, str], list[float]] = {}
    # Unloaded: every hold and rest but the last rest and hold, which run under load.
    for k in range(2 * config.sets - 3):
        kind = "hold" if k % 2 == 0 else "rest"
        begin = t0 + lead_in + k * step + margin
        sleep_until(begin)
        before = {name: cpu_seconds(pid) for name, pid in pids.items()}
        sleep_until(begin + config.window_s)
        for name, pid in pids.items():
            share = (cpu_seconds(pid) - before[name]) / config.window_s * 100
            cpu.setdefault((name, kind), []).append(share)
    loaded_from = t0 + lead_in + (2 * config.sets - 3) * step
    total = lead_in + (2 * config.sets - 1) * step
    sleep_until(loaded_from)
    with busy_cpu():
        done = wait_for(lambda: '"event": "end"' in log.read_text(), total + 30, every_s=0.2)
    if not done:
        raise RuntimeError(f"the run never ended:\n{app.screen()}")
    rows = []
    for kind, bound in (("hold", 2.0), ("rest", 1.0)):
        ours, theirs = median(cpu[("ours", kind)]), median(cpu[("termdown", kind)])
        ratio = ours / theirs if theirs else float("inf")
        windows = len(cpu[("ours", kind)])
        rows.append(
            Row(
                f"CPU over {config.window_s:.0f} s of a {kind} (median of {windows})",
                f"{ours:.2f} %",
                f"{theirs:.2f} % termdown",
                f"ratio {ratio:.2f} ≤ {bound:.0f}",
                ratio <= bound,
            )
        )
    calm = timing.read_log(log, total, until=loaded_from)
    loaded = timing.read_log(log, total, since=loaded_from)
    recorded = recorded_hold_error_ms(data / "history.sqlite3")
    rows += [
        _beep_row("Real run", timing.read_tones(log, until=loaded_from)),
        _beep_row("Busy CPU", timing.read_tones(log, since=loaded_from)),
    ]
    rows += [
        _timing_row("Real run: holds as lived, worst error", calm.worst_hold_ms, 20, calm.holds),
        _timing_row("Real run: latest step change after its deadline", calm.worst_late_ms, 20),
        _timing_row("Real run: recorded holds (history DB), worst error", recorded, 20),
        _timing_row(
            "Busy CPU: holds as lived, worst error", loaded.worst_hold_ms, 20, loaded.holds
        ),
        _timing_row("Busy CPU: latest step change after its deadline", loaded.worst_late_ms, 20),
        _timing_row(
            f"Real run: the {total / 60:.1f} min session's end (busy CPU) vs plan",
            loaded.end_ms,
            50,
        ),
    ]
    return rows


def recorded_hold_error_ms(path: Path) -> float:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT started_at, ended_at, target_s FROM holds").fetchall()
    errors = [
        abs((datetime.fromisoformat(end) - datetime.fromisoformat(start)).total_seconds() - target)
        for start, end, target in rows
    ]
    return max(errors, default=0.0) * 1000


def _timing_row(figure: str, ms: float, bound: float, holds: int | None = None) -> Row:
    count = f" ({holds} holds)" if holds is not None else ""
    return Row(f"{figure}{count}", f"{ms:+.1f} ms", "the plan", f"|error| ≤ {bound:.0f} ms",
               abs(ms) <= bound)  # fmt: skip


def _beep_row(label: str, beeps: timing.Beeps) -> Row:
    """The 3-2-1 beeps: from each second's deadline (engine) to its player starting."""
    if not beeps.count:
        return Row(f"{label}: 3-2-1 beeps after their second", "not measured (no player)",
                   "the engine's deadline", "≤ 50 ms", None)  # fmt: skip
    return Row(
        f"{label}: 3-2-1 beeps after their second, worst of {beeps.count}",
        f"{beeps.worst_ms:+.1f} ms (median {beeps.median_ms:+.1f})",
        "the engine's deadline",
        "≤ 50 ms",
        beeps.worst_ms <= 50,
    )


def accelerated() -> list[Row]:
    calm = timing.accelerated_run()
    with busy_cpu():
        loaded = timing.accelerated_run(seed=6)
    minutes = f"{calm.planned_s / 60:.0f} min"
    rows = []
    for label, run in (("", calm), ("busy CPU: ", loaded)):
        rows.append(_timing_row(f"Engine, {label}{minutes} on a fake clock: worst hold",
                                run.worst_hold_ms, 20, run.holds))  # fmt: skip
        rows.append(_timing_row(f"Engine, {label}{minutes}: session end vs plan", run.end_ms, 50))
    return rows


# -- history at scale -----------------------------------------------------------------
def history(config: Config) -> list[Row]:
    appends, stats_s, screen_s, sizes, checks = {}, {}, {}, {}, {}
    for count in config.sizes:
        folder = history_dir(count)
        store = folder / "history.sqlite3"
        appends[count] = append_ms(store)
        checks[count] = quick_check_ms(store)
        stats_s[count] = median(
            [wall([*ISOTIMER, "--data-dir", str(folder), "stats"]) for _ in range(3)]
        )
        screen_s[count] = history_screen_s(store)
        sizes[count] = sum(
            Path(f"{store}{suffix}").stat().st_size
            for suffix in ("", "-wal")
            if Path(f"{store}{suffix}").exists()
        )
    small, large = min(config.sizes), max(config.sizes)
    ratio = appends[large] / appends[small]
    rows = [
        Row(
            f"Append one hold at {large:,} holds (median of 30)",
            f"{appends[large]:.2f} ms",
            f"{appends[small]:.2f} ms at {small:,}; "
            + ", ".join(f"{appends[n]:.2f} ms at {n:,}" for n in config.sizes[1:-1]),
            f"ratio {ratio:.2f} ≤ 1.5",
            ratio <= 1.5,
        ),
        Row(
            f"isotimer stats at {large:,} holds",
            f"{stats_s[large]:.2f} s",
            ", ".join(f"{stats_s[n]:.2f} s at {n:,}" for n in config.sizes[:-1]),
            "≤ 0.5 s",
            stats_s[large] <= 0.5,
        ),
    ]
    rows.append(
        Row(
            f"Integrity check at open (PRAGMA quick_check) at {large:,} holds, median of 5",
            f"{checks[large][1]:.0f} ms CPU, {checks[large][0]:.0f} ms wall",
            ", ".join(f"{checks[n][1]:.0f} ms CPU at {n:,}" for n in config.sizes[:-1]),
            "≤ 250 ms CPU",
            checks[large][1] <= 250,
        )
    )
    screen = screen_s[large]
    rows.append(
        Row(
            f"History screen open, figures shown, at {large:,} holds",
            "not available" if screen is None else f"{screen:.2f} s",
            ", ".join(
                f"{screen_s[n]:.2f} s at {n:,}"
                for n in config.sizes[:-1]
                if screen_s[n] is not None
            ),
            "≤ 0.5 s",
            None if screen is None else screen <= 0.5,
        )
    )
    rows.append(
        Row(
            "History file size",
            f"{sizes[large] / 1e6:.1f} MB at {large:,}",
            ", ".join(f"{sizes[n] / 1e6:.2f} MB at {n:,}" for n in config.sizes[:-1]),
            "(recorded)",
            None,
        )
    )
    return rows


def import_row(config: Config) -> Row:
    """``isotimer import`` of a JSON export of the largest history into an empty one.

    Wall and CPU time and peak RSS as GNU time (``/usr/bin/time``) reports them: a
    child forked from this script would count this script's memory in its peak.
    """
    from isotimer.storage.history.transfer import export_holds

    holds = max(config.sizes)
    export = OUT / f"export-{holds}.json"
    if not export.exists():
        export.write_text(export_holds(list(history_data.synthetic_holds(holds)), "json"))
    with tempfile.TemporaryDirectory() as data:
        figures = Path(data) / "time.txt"
        argv = [*ISOTIMER, "--data-dir", data, "import", str(export)]
        done = subprocess.run(
            ["/usr/bin/time", "-o", str(figures), "-f", "%e %U %S %M", *argv],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        seconds, user, system, peak_kb = map(float, figures.read_text().split()[-4:])
    cpu, peak = user + system, peak_kb / 1024
    return Row(
        f"isotimer import of {holds:,} holds ({export.stat().st_size / 1e6:.0f} MB JSON)",
        f"{seconds:.1f} s wall, {cpu:.1f} s CPU, {peak:.0f} MiB peak RSS",
        "31 s and 429 MB at 100,000 before streaming (issue 27)",
        "≤ 5 s, ≤ 120 MiB",
        done.returncode == 0 and seconds <= 5 and peak <= 120,
    )


def append_ms(store: Path, count: int = 30) -> float:
    from isotimer.storage.history.store import HistoryStore

    timings = []
    with HistoryStore.open(store) as opened:
        for n, hold in enumerate(history_data.synthetic_holds(count, seed=99)):
            fresh = replace(hold, id=f"bench-{time.time_ns()}-{n}")
            began = time.perf_counter()
            opened.add_hold(fresh)
            timings.append(time.perf_counter() - began)
    return median(timings) * 1000


def quick_check_ms(store: Path, count: int = 5) -> tuple[float, float]:
    """What the history's check at every open costs (``file.check_intact``): wall and CPU ms.

    Both, because on a shared machine the wall time is mostly waiting for a core.
    """
    from isotimer.storage.history.file import check_intact

    walls, cpus = [], []
    with sqlite3.connect(store) as conn:
        for _ in range(count):
            began, cpu = time.perf_counter(), time.process_time()
            check_intact(conn, store)
            walls.append(time.perf_counter() - began)
            cpus.append(time.process_time() - cpu)
    return median(walls) * 1000, median(cpus) * 1000


def wall(argv: list[str]) -> float:
    began = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - began


def history_screen_s(store: Path) -> float | None:
    """Seconds from pushing the history screen to its figures on screen, headless."""
    try:
        from isotimer.ui.screens.history import HistoryScreen
    except ImportError:
        return None
    return median([asyncio.run(_open_history(HistoryScreen, store)) for _ in range(3)])


async def _open_history(screen_class: type, store_path: Path) -> float:
    from textual.app import App

    from isotimer.storage.history.store import HistoryStore

    shown: list[float] = []

    def hook(message: object) -> None:
        if isinstance(message, screen_class.Populated):
            shown.append(time.perf_counter())

    with HistoryStore.open(store_path) as store:
        async with App().run_test(size=(100, 30), message_hook=hook) as pilot:
            began = time.perf_counter()
            pilot.app.push_screen(screen_class(store, date(2026, 1, 5)))
            for _ in range(600):
                if shown:
                    break
                await pilot.pause(0.01)
    return shown[0] - began if shown else float("inf")


# -- memory ---------------------------------------------------------------------------
def memory(sessions: Path, data: Path) -> Row:
    """Peak RSS of the app a few seconds into a hold, with the large history open."""
    terminal = Tmux("memory")
    terminal.start(
        [*ISOTIMER, "--data-dir", str(data), "--sessions", str(sessions), "run", "bench-run"]
    )
    try:
        pid = terminal.pid()
        wait_for(lambda: "HOLD" in terminal.screen(), 30, every_s=0.2)
        time.sleep(2)
        peak = peak_rss_mib(pid)
    finally:
        terminal.close()
    holds = data.name.removeprefix("history-")
    return Row(f"Peak RSS (VmHWM) running a session, {int(holds):,} holds in history",
               f"{peak:.1f} MiB", "", "≤ 80 MiB", peak <= 80)  # fmt: skip


# -- the table --------------------------------------------------------------------------
def machine() -> str:
    model = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")),
        platform.processor() or "unknown CPU",
    )  # fmt: skip
    return (
        f"{os.cpu_count()} CPUs ({model}), Linux {platform.release()}, "
        f"Python {platform.python_version()}, Textual {textual.__version__}, {tmux_version()}"
    )


def tmux_version() -> str:
    return subprocess.run(["tmux", "-V"], capture_output=True, text=True).stdout.strip()


def table(rows: list[Row]) -> str:
    lines = ["| Figure | isotimer | Reference | Target | Met |", "|---|---|---|---|---|"]
    for row in rows:
        met = {True: "yes", False: "**no**", None: "-"}[row.met]
        lines.append(f"| {row.figure} | {row.ours} | {row.reference} | {row.target} | {met} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats, a short run")
    parser.add_argument(
        "--only", metavar="STEP", help="measure one step, e.g. 'start-up' (default: all)"
    )
    args = parser.parse_args()
    config = QUICK if args.quick else FULL
    os.chdir(Path(__file__).resolve().parent.parent)
    began = time.monotonic()
    OUT.mkdir(exist_ok=True)
    ensure_termdown()
    compile_bytecode()
    small, large = history_dir(min(config.sizes)), history_dir(max(config.sizes))
    sessions = sessions_dir(config)
    steps = [
        ("start-up", lambda: [startup(config, small)]),
        ("shell commands", lambda: shell_commands(config, small)),
        ("engine timing", accelerated),
        ("real run in tmux (CPU, timing)", lambda: real_run(config, sessions)),
        ("history at scale", lambda: history(config)),
        ("import", lambda: [import_row(config)]),
        ("memory", lambda: [memory(sessions, large)]),
    ]
    if args.only:
        steps = [step for step in steps if step[0].startswith(args.only)]
        if not steps:
            parser.error(f"no step called {args.only!r}")
    rows: list[Row] = []
    for name, measure in steps:
        print(f"measuring {name} ...", flush=True)
        rows += measure()
    elapsed = time.monotonic() - began
    report = (
        f"{datetime.now().astimezone():%Y-%m-%d %H:%M %Z} · {machine()}\n\n{table(rows)}\n\n"
        f"`{COMMAND}{' --quick' if args.quick else ''}` took {elapsed:.0f} s."
    )
    (OUT / "results.md").write_text(report + "\n")
    print()
    print(report)


if __name__ == "__main__":
    main()
