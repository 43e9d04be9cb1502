"""Keys typed in one burst apply in order on a form: Tab moves on before the next key lands.

Textual hands each key to the widget focused when the key is read, and a
field's queue takes the keys in order; Tab, though, moves the focus only
once it has bubbled up from the field, by when the keys after it are
already in that field's queue. Typed in one go (a fast typist, an SSH link,
a paste), ``7``, Tab, ``4`` all reach the first field: Effort 74. As
priority bindings, run as each key is read, Tab and Shift+Tab move the focus
before the next key is handed on. A priority key that reads the fields (Save)
waits until the focused field has taken the keys handed to it before.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.binding import Binding
from textual.screen import Screen

IN_ORDER_FOCUS = [
    Binding("tab", "app.focus_next", "Next field", show=False, priority=True),
    Binding("shift+tab", "app.focus_previous", "Previous field", show=False, priority=True),
]


def after_typed_keys(screen: Screen, callback: Callable[[], object]) -> None:
    """Run ``callback`` once the focused field has applied every key handed to it so far."""
    (screen.focused or screen).call_later(callback)
