"""The palette's Screenshot, saved where the user's files live and reported with its path."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from isotimer.paths import Paths


class Screenshots:
    """Mixed into an app that has ``paths``: screenshots go to ``paths.screenshot_dir``.

    Textual's own default is ~/Downloads, which may not exist, and its failure
    notice says neither why nor where. In a browser (``isotimer serve``) the
    screenshot is a download, so Textual's delivery is kept there.
    """

    paths: Paths

    def deliver_screenshot(
        self,
        filename: str | None = None,
        path: str | None = None,
        time_format: str | None = None,
    ) -> str | None:
        """Save an SVG of the screen and say where, or why it could not be saved."""
        if self.is_web:  # type: ignore[attr-defined]
            return super().deliver_screenshot(filename, path, time_format)  # type: ignore[misc]
        folder = Path(path).expanduser() if path else self.paths.screenshot_dir
        try:
            folder.mkdir(parents=True, exist_ok=True)
            saved = self.save_screenshot(filename, str(folder), time_format)  # type: ignore[attr-defined]
        except OSError as error:
            reason = error.strerror or str(error)
            self.notify(  # type: ignore[attr-defined]
                f"Screenshot not saved in {folder}: {reason}.",
                title="Screenshot",
                severity="error",
                markup=False,
            )
            return None
        self.notify(f"Saved {saved}", title="Screenshot", markup=False)  # type: ignore[attr-defined]
        return saved
