"""What the app told the user, read from its ``Notify`` messages (a public ``run_test`` hook).

Textual keeps shown notifications in a private set that also forgets expired
ones; the messages are public and every one is kept here, in order.
"""

from __future__ import annotations

from textual.message import Message
from textual.notifications import Notification, Notify


class Notices:
    """Pass ``message_hook=notices.hook`` to ``run_test``; read ``messages`` after."""

    def __init__(self) -> None:
        self.shown: list[Notification] = []

    def hook(self, message: Message) -> None:
        if isinstance(message, Notify):
            self.shown.append(message.notification)

    @property
    def messages(self) -> list[str]:
        return [notification.message for notification in self.shown]

    def text(self) -> str:
        """Every notice as ``title: message`` lines, for ``in`` checks and failure output."""
        return "\n".join(f"{n.title}: {n.message}" for n in self.shown)
