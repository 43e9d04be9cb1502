"""The start-up reference: a Textual app with one Static, ready the way isotimer is.

It writes the same marker as isotimer (``ISOTIMER_READY_FILE``, see
``isotimer/ui/services/probes.py``): the monotonic time once the first frame is drawn,
so both apps are timed from launch to ready by one mechanism in one terminal.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Static

READY_FILE_ENV = "ISOTIMER_READY_FILE"


class MinimalApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("ready")

    def on_ready(self) -> None:
        self.call_after_refresh(self._mark_ready)

    def _mark_ready(self) -> None:
        path = os.environ.get(READY_FILE_ENV)
        if path:
            Path(path).write_text(f"{time.monotonic()!r}\n")


if __name__ == "__main__":
    MinimalApp().run()
