""" "Save as FIT" from the summary and the history's session detail."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from textual.app import App

from isotimer.storage.history.errors import HistoryError
from isotimer.storage.settings import Settings
from isotimer.ui.services.state import AppState

# The folder screen is imported when first needed, as the runs are (see ui/services/runs.py).


def suggested_folder(home: Path) -> Path:
    """Where a browser's upload page looks first: Downloads when there is one."""
    downloads = home / "Downloads"
    return downloads if downloads.is_dir() else home


class FitSaving:
    """Writes a run's FIT file to the folder chosen once, asked for the first time.

    A chosen folder is kept in the settings with ``save_settings``.
    """

    def __init__(
        self,
        app: App[Any],
        state: AppState,
        *,
        save_settings: Callable[[Settings | None], None],
    ) -> None:
        self.app = app
        self.state = state
        self.save_settings = save_settings

    def save_fit(self, run_id: str) -> None:
        """Write ``run_id`` as FIT, first asking for the folder if none was ever chosen."""
        if self.state.history is None:
            self.app.notify("No history to read the run from.", severity="error")
            return
        if self.state.settings.fit_folder:
            self._write_in_background(Path(self.state.settings.fit_folder), run_id)
            return
        from isotimer.ui.screens.fit_folder import FitFolderScreen

        screen = FitFolderScreen(suggested_folder(Path.home()))
        self.app.push_screen(screen, partial(self._folder_chosen, run_id))

    def _folder_chosen(self, run_id: str, folder: Path | None) -> None:
        if folder is None:
            return
        self.save_settings(replace(self.state.settings, fit_folder=str(folder)))
        self._write_in_background(folder, run_id)

    def _write_in_background(self, folder: Path, run_id: str) -> None:
        # Reading the history and writing the file are disk work: kept off the UI loop.
        work = partial(self._write, folder, run_id)
        self.app.run_worker(work, thread=True, group="fit", exit_on_error=False)

    def _write(self, folder: Path, run_id: str) -> None:
        from isotimer.storage.export.fit_files import fit_filename, write_fit

        history = self.state.history
        assert history is not None
        notify = partial(self.app.call_from_thread, self.app.notify)
        try:
            run = next((run for run in history.runs() if run.id == run_id), None)
            holds = history.run_holds(run_id) if run is not None else []
            if run is None or not holds:
                notify(
                    "Nothing to save: this run has no holds in your history.", severity="warning"
                )
                return
            path = write_fit(folder / fit_filename(run), run, holds)
        except HistoryError as error:
            notify(error.message, title="History", severity="error")
        except OSError as error:
            notify(f"Could not save the FIT file in {folder}: {error.strerror or error}",
                   severity="error", timeout=15)  # fmt: skip
        else:
            notify(f"Saved as FIT: {path}", title="Save as FIT", timeout=15)
