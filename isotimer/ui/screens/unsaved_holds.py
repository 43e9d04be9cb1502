"""The summary's keys for holds the history refused: retry, export, and the way out."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.screen import Screen

from isotimer.storage.history.errors import HistoryError
from isotimer.ui.screens.confirm import ConfirmScreen
from isotimer.ui.screens.unsaved import UnsavedChoice, UnsavedScreen

if TYPE_CHECKING:
    from isotimer.storage.history.recorder import SessionRecorder
    from isotimer.storage.history.store import HistoryStore


class UnsavedHolds(Screen[None]):
    """The summary's base: holds stay until saved, exported, or knowingly discarded.

    Relies on the summary's ``recorder``, ``reopen``, ``export_dirs``,
    ``let_go`` and ``_show_saved``.
    """

    recorder: SessionRecorder
    reopen: Callable[[], HistoryStore] | None
    export_dirs: tuple[Path, ...]
    let_go: bool
    _show_saved: Callable[[], None]

    def _leave(self, go: Callable[[], object]) -> None:
        """Go, unless holds are unsaved and nobody has said what to do with them."""
        pending = self.recorder.pending
        if not pending or self.let_go:
            go()
            return
        reason = self.recorder.last_error or "They are still being written: the disk is busy."
        self.app.push_screen(UnsavedScreen(len(pending), reason), partial(self._chosen, go))

    def _chosen(self, go: Callable[[], object], choice: UnsavedChoice | None) -> None:
        if choice is UnsavedChoice.RETRY:
            self.action_retry()
            if not self.recorder.pending:
                go()
        elif choice is UnsavedChoice.EXPORT:
            if self.action_export() is not None:
                self.let_go = True
                go()
        elif choice is UnsavedChoice.DISCARD:
            count = len(self.recorder.pending)
            detail = f"{count} hold{'s' if count != 1 else ''} will be lost for good."
            ask = ConfirmScreen(
                detail, question="Discard the unsaved holds?", yes="Discard", no="Back"
            )
            self.app.push_screen(ask, partial(self._discard_answered, go))

    def _discard_answered(self, go: Callable[[], object], discard: bool | None) -> None:
        if discard:
            self.let_go = True
            go()

    def action_retry(self) -> None:
        """Reopen the history first: the old connection may never recover from a full disk."""
        if self.reopen is not None:
            try:
                self.recorder.store = self.reopen()
            except HistoryError as error:
                self.recorder.last_error = error.message
        if self.recorder.retry():
            self.notify("Saved: every hold is in your history now.")
        else:
            self.notify(self.recorder.last_error or "Still cannot save.", severity="warning")
        self._show_saved()

    def action_export(self) -> Path | None:
        """Write the unsaved holds to the first folder that takes them; None if none did."""
        path, problems = self._export_to(self.export_dirs)
        if path is not None:
            self.notify(f"Unsaved holds written to {path}", timeout=15)
        else:
            self.notify("Could not export: " + "; ".join(problems), severity="error", timeout=15)
        return path

    def keep_unsaved(self, data_dir: Path) -> Path | None:
        """The app is ending with nobody to ask (a signal, a crash): export what is unsaved."""
        if not self.recorder.pending or self.let_go:
            return None
        return self._export_to((data_dir, *self.export_dirs))[0]

    def _export_to(self, folders: tuple[Path, ...]) -> tuple[Path | None, list[str]]:
        name = self.recorder.unsaved_name
        problems: list[str] = []
        for folder in folders:
            try:
                return self.recorder.export_pending(folder / name), problems
            except OSError as error:
                problems.append(f"{folder}: {error.strerror or error}")
        return None, problems
