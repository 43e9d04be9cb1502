""" "Save as FIT" from the summary and the history's session detail, as the app answers it."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from isotimer.storage.history.errors import HistoryError

if TYPE_CHECKING:
    from isotimer.storage.history.store import HistoryStore
    from isotimer.storage.settings import Settings
    from isotimer.ui.screens.run_detail import RunDetailScreen
    from isotimer.ui.screens.summary import SummaryScreen

# The screens are imported when first needed, as the app does (see ui/app.py).


def suggested_folder(home: Path) -> Path:
    """Where a browser's upload page looks first: Downloads when there is one."""
    downloads = home / "Downloads"
    return downloads if downloads.is_dir() else home


class FitSaving:
    """Mixed into the app: writes a run's FIT file to the folder chosen once.

    It relies on the app's ``history``, ``settings``, ``notify``,
    ``push_screen``, ``run_worker``, ``call_from_thread`` and ``_settings_chosen``.
    """

    history: HistoryStore | None
    settings: Settings

    def on_summary_screen_save_fit_requested(self, message: SummaryScreen.SaveFitRequested) -> None:
        self.save_fit(message.run_id)

    def on_run_detail_screen_save_fit_requested(
        self, message: RunDetailScreen.SaveFitRequested
    ) -> None:
        self.save_fit(message.run_id)

    def save_fit(self, run_id: str) -> None:
        """Write ``run_id`` as FIT, first asking for the folder if none was ever chosen."""
        if self.history is None:
            self.notify("No history to read the run from.", severity="error")  # type: ignore[attr-defined]
            return
        if self.settings.fit_folder:
            self._write_in_background(Path(self.settings.fit_folder), run_id)
            return
        from isotimer.ui.screens.fit_folder import FitFolderScreen

        screen = FitFolderScreen(suggested_folder(Path.home()))
        self.push_screen(screen, partial(self._folder_chosen, run_id))  # type: ignore[attr-defined]

    def _folder_chosen(self, run_id: str, folder: Path | None) -> None:
        if folder is None:
            return
        self._settings_chosen(replace(self.settings, fit_folder=str(folder)))  # type: ignore[attr-defined]
        self._write_in_background(folder, run_id)

    def _write_in_background(self, folder: Path, run_id: str) -> None:
        # Reading the history and writing the file are disk work: kept off the UI loop.
        work = partial(self._write, folder, run_id)
        self.run_worker(work, thread=True, group="fit", exit_on_error=False)  # type: ignore[attr-defined]

    def _write(self, folder: Path, run_id: str) -> None:
        from isotimer.storage.export.fit_files import fit_filename, write_fit

        assert self.history is not None
        notify = partial(self.call_from_thread, self.notify)  # type: ignore[attr-defined]
        try:
            run = next((run for run in self.history.runs() if run.id == run_id), None)
            holds = self.history.run_holds(run_id) if run is not None else []
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
