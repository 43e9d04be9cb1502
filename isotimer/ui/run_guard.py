"""What the app does so a hold survives however it ends: a stop, a signal, a crash, a quit."""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING

from isotimer.storage.history.write_thread import HistoryWriter

if TYPE_CHECKING:
    from isotimer.core.clock import Clock
    from isotimer.paths import Paths
    from isotimer.ui.screens.run import RunScreen
    from isotimer.ui.screens.summary import SummaryScreen

# How long an ending app waits for the writer thread: under the signal watchdog's 5 s.
FINAL_WRITE_S = 4.0


class RunGuard:
    """Mixed into the app: ends the run in progress the right way for each way out.

    The runner's own stop (``q``, Ctrl+Q) ends the run as stopped. A signal or a
    crash cuts it off instead: the hold in progress is saved, the run stays in
    progress, and the next start offers to resume it. Unsaved holds left on a
    summary are written to a file in the data folder when nobody can be asked.
    Relies on the app's ``clock``, ``paths``, ``writer``, ``screen_stack``, ``exit``.
    """

    clock: Clock
    paths: Paths
    writer: HistoryWriter | None

    def _run_screen(self) -> RunScreen | None:
        from isotimer.ui.screens.run import RunScreen

        return next((s for s in self.screen_stack if isinstance(s, RunScreen)), None)  # type: ignore[attr-defined]

    def _summary_screen(self) -> SummaryScreen | None:
        from isotimer.ui.screens.summary import SummaryScreen

        return next((s for s in self.screen_stack if isinstance(s, SummaryScreen)), None)  # type: ignore[attr-defined]

    def running(self) -> bool:
        """Whether a session is live (its run screen is open and not finished)."""
        run = self._run_screen()
        return run is not None and not run.engine.finished

    def stop_running(self) -> None:
        """Stop the session in progress, if any, so its current hold is saved as stopped."""
        run = self._run_screen()
        if run is not None and not run.engine.finished:
            run.engine.stop(self.clock.monotonic())

    def cut_off_running(self) -> None:
        """Save the hold in progress but leave the run to be offered for resume."""
        run = self._run_screen()
        if run is not None and not run.engine.finished:
            run.recorder.cut_off()
            run.engine.stop(self.clock.monotonic())
        self.finish_writes()
        summary = self._summary_screen()
        if summary is not None:
            summary.keep_unsaved(self.paths.data_dir)

    def finish_writes(self) -> None:
        """Give the writer thread a bounded time to put every queued write on disk."""
        if self.writer is not None:
            self.writer.wait(FINAL_WRITE_S)

    def pause_running(self, at: float) -> None:
        """Pause the session in progress as of ``at`` (the moment the process was suspended)."""
        run = self._run_screen()
        if run is not None and not run.engine.finished:
            run.engine.pause(at)
            run.tick()

    async def action_quit(self) -> None:
        """Ctrl+Q: quit at once, but never lose the hold in progress nor unsaved holds."""
        self.stop_running()
        self.finish_writes()
        run = self._run_screen()
        keeper = run or self._summary_screen()
        if keeper is None or not keeper.recorder.pending:
            self.exit()  # type: ignore[attr-defined]
            return
        while self.screen is not keeper:  # type: ignore[attr-defined]
            self.pop_screen()  # type: ignore[attr-defined]
        if keeper is run:
            run.tick()  # the run has ended: its summary asks what to do with them
        else:
            keeper.action_quit()

    def action_command_palette(self) -> None:
        """The palette only starts sessions and quits: never over a live run."""
        if not self.running():
            super().action_command_palette()  # type: ignore[misc]

    def _ended_by_signal(self, signum: int) -> None:
        self.cut_off_running()
        self.exit(return_code=128 + signum)  # type: ignore[attr-defined]

    def on_exit_app(self) -> None:
        """Any other way out (the web page's quit, a lost connection) cuts the run off too."""
        self.cut_off_running()

    def _handle_exception(self, error: Exception) -> None:
        """A bug anywhere in the UI: save the hold in progress first, then show the error.

        Textual ends the app on any unhandled exception; this is its one hook.
        Saving must never hide the error itself, so its own failure is ignored.
        """
        with suppress(Exception):
            self.cut_off_running()
        super()._handle_exception(error)  # type: ignore[misc]
