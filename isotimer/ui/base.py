"""What both isotimer apps share: notices shown literally, screenshots kept in the data folder."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar, TypeVar

from textual._files import generate_datetime_filename
from textual.app import App
from textual.binding import Binding
from textual.command import CommandPalette
from textual.notifications import SeverityLevel
from textual.theme import ThemeProvider

from isotimer.core.text.printable import printable
from isotimer.paths import Paths
from isotimer.storage.user_files import write_new_file
from isotimer.ui.palette.guarded import GuardedPalette
from isotimer.ui.style.readable import readable_variables

ResultT = TypeVar("ResultT")


class BaseApp(App[ResultT]):
    """The picker's app and ``isotimer edit``'s editor app both start from this one.

    Every theme gets ``$readable-*`` colours (``ui/style/readable.py``).

    Notices carry session names, file paths and error text; Textual parses them
    as markup by default, so ``Legs [/] day`` in a toast would raise: every
    ``notify`` (screens and widgets call the app's) is plain text here, except
    Textual's own Ctrl+C hint, whose markup is its own. The palette survives
    any key (``ui/palette/guarded.py``).
    Textual's screenshots go to ~/Downloads, which may not exist, and its
    failure notice says neither why nor where: here they go to
    ``paths.screenshot_dir``. In a browser (``isotimer serve``) the screenshot
    is a download, so Textual's delivery is kept there. Ctrl+Z suspends either
    app back to the shell, as it does any terminal program.
    """

    BINDINGS: ClassVar = [Binding("ctrl+z", "suspend_process", "Suspend", show=False)]

    def __init__(self, paths: Paths) -> None:
        super().__init__()
        self.paths = paths
        self._textual_speaks = False  # True while Textual's own notice, with its markup, is sent

    def action_command_palette(self) -> None:
        """Textual's palette, guarded against a page key before its list is laid out."""
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(GuardedPalette(id="--command-palette"))

    def search_themes(self) -> None:
        """The palette's theme search (its Theme command), guarded the same way."""
        self.push_screen(
            GuardedPalette(providers=[ThemeProvider], placeholder="Search for themes…")
        )

    def action_help_quit(self) -> None:
        """Ctrl+C's hint, ``Press [b]q[/b] to quit the app``, is Textual's text: keep its markup."""
        self._textual_speaks = True
        try:
            super().action_help_quit()
        finally:
            self._textual_speaks = False

    def get_css_variables(self) -> dict[str, str]:
        """The theme's variables, plus its colours made readable."""
        variables = super().get_css_variables()
        return variables | readable_variables(variables)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Show a toast with ``message`` and ``title`` as plain text, never parsed as markup."""
        if self._textual_speaks:
            super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)
            return
        super().notify(
            printable(message, multiline=True),
            title=printable(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def deliver_screenshot(
        self,
        filename: str | None = None,
        path: str | None = None,
        time_format: str | None = None,
    ) -> str | None:
        """Save an SVG of the screen and say where, or why it could not be saved."""
        if self.is_web:
            return super().deliver_screenshot(filename, path, time_format)
        folder = Path(path).expanduser() if path else self.paths.screenshot_dir
        try:
            folder.mkdir(parents=True, exist_ok=True)
            # Not Textual's save_screenshot: like every file isotimer writes, owner-only and new.
            name = filename or generate_datetime_filename(self.title, ".svg", time_format)
            data = self.export_screenshot().encode("utf-8")
            saved = str(write_new_file(folder, name, data))
        except OSError as error:
            reason = error.strerror or str(error)
            self.notify(
                f"Screenshot not saved in {folder}: {reason}.",
                title="Screenshot",
                severity="error",
                markup=False,
            )
            return None
        self.notify(f"Saved {saved}", title="Screenshot", markup=False)
        return saved
