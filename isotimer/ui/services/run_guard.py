"""What the app does so a hold survives however it ends: a stop, a signal, a crash, a quit."""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING, Any

from textual.app import App

from isotimer.ui.services.signals import TerminalSignals
from isotimer.ui.services.state import AppState

if TYPE_CHECKING:
    from isotimer.ui.screens.run import RunScreen
    from isotimer.ui.screens.summary import SummaryScreen

# How long an ending app waits for the writer thread: under the signal watchdog's 5 s.
FINAL_WRITE_S = 4.0


class RunGuard:
    """Ends the run in progress the right way for each way out of the app.

    The runner's own stop (``q``, Ctrl+Q) ends the run as stopped. A signal or a
    crash cuts it off instead: the hold in progress is saved, the run stays in
    progress, and the next start offers to resume it. Unsaved holds left on a
    summary are written to a file in the data folder when nobody can be asked.
    It finds the run and summary screens on ``app``'s screen stack.
    """

    def __init__(self, app: App[Any], state: AppState) -> None:
        self.app = app
        self.clock = state.clock
        self.paths = state.paths
        self.writer = state.writer
        self.signals = TerminalSignals(self.clock, self.ended_by_signal, self.pause_running)

    def install(self, headless: bool) -> None:
        """Catch a real terminal's signals (never in headless tests); ``remove`` undoes it."""
        if not headless:
            self.signals.install()

    def remove(self) -> None:
        """Put the signal handlers back as they were."""
        self.signals.remove()

    def run_screen(self) -> RunScreen | None:
        """The run screen, if a run is open (under any dialogs)."""
        from isotimer.ui.screens.run import RunScreen

        return next((s for s in self.app.screen_stack if isinstance(s, RunScreen)), None)

    def _summary_screen(self) -> SummaryScreen | None:
        from isotimer.ui.screens.summary import SummaryScreen

        return next((s for s in self.app.screen_stack if isinstance(s, SummaryScreen)), None)

    def running(self) -> bool:
        """Whether a session is live (its run screen is open and not finished)."""
        run = self.run_screen()
        return run is not None and not run.engine.finished

    def stop_running(self) -> None:
        """Stop the session in progress, if any, so its current hold is saved as stopped."""
        run = self.run_screen()
        if run is not None and not run.engine.finished:
            run.engine.stop(self.clock.monotonic())

    def cut_off_running(self) -> None:
        """Save the hold in progress but leave the run to be offered for resume."""
        run = self.run_screen()
        if run is not None and not run.engine.finished:
            run.recorder.cut_off()
            run.engine.stop(self.clock.monotonic())
        self.finish_writes()
        summary = self._summary_screen()
        if summary is not None:
            summary.keep_unsaved(self.paths.data_dir)

    def cut_off_after_crash(self) -> None:
        """``cut_off_running`` for a bug that is ending the app: a second failure while
        saving is swallowed so that the first one, the bug, is the one reported."""
        with suppress(Exception):
            self.cut_off_running()

    def finish_writes(self) -> None:
        """Give the writer thread a bounded time to put every queued write on disk."""
        if self.writer is not None:
            self.writer.wait(FINAL_WRITE_S)

    def pause_running(self, at: float) -> None:
        """Pause the session in progress as of ``at`` (the moment the process was suspended)."""
        run = self.run_screen()
        if run is not None and not run.engine.finished:
            run.engine.pause(at)
            run.tick()

    def quit(self) -> None:
        """Ctrl+Q: quit at once, but never lose the hold in progress nor unsaved holds."""
        self.stop_running()
        self.finish_writes()
        run, summary = self.run_screen(), self._summary_screen()
        keeper = run or summary
        if keeper is None or not keeper.recorder.pending:
            self.app.exit()
            return
        while self.app.screen is not keeper:
            self.app.pop_screen()
        if run is not None:
            run.tick()  # the run has ended: its summary asks what to do with them
        elif summary is not None:
            summary.action_quit()

    def ended_by_signal(self, signum: int) -> None:
        """A closed terminal or ``kill``: save the hold in progress, then exit as signalled."""
        self.cut_off_running()
        self.app.exit(return_code=128 + signum)
