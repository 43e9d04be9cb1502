"""Notifications that show their text literally, whichever screen or widget sends them."""

from __future__ import annotations

from textual.app import App
from textual.notifications import SeverityLevel

from isotimer.core.text.printable import printable


class LiteralNotify(App):
    """Mixed into each app: every ``notify`` (screens and widgets call the app's) is plain text.

    Messages carry session names, file paths and error text; Textual parses them
    as markup by default, so ``Legs [/] day`` in a toast would raise.
    """

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
        super().notify(
            printable(message, multiline=True),
            title=printable(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )
