"""Just enough of a terminal to read what a Textual app drew, from the bytes it sent.

The browser draws the terminal on a canvas, so its text cannot be read from
the page; the bytes the page receives can. Textual moves the cursor with
``CSI row;col H`` and writes styled runs of text, so placing text at the
cursor and skipping every other escape sequence rebuilds the screen.
"""

from __future__ import annotations

import codecs
import re

from rich.cells import get_character_cell_size

_SEQUENCE = re.compile(
    r"\x1b\[([0-9;?<>=]*)[ -/]*([@-~])"  # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC, ended by BEL or ST
    r"|\x1b[PX^_][^\x1b]*\x1b\\"  # DCS and friends
    r"|\x1b[()*+][0-9A-Za-z]"  # charset selection
    r"|\x1b[^\[\]PX^_()*+]"  # two-byte escapes
)


class TerminalScreen:
    """A grid of characters fed with raw terminal output."""

    def __init__(self, width: int = 80, height: int = 24) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._pending = ""
        self.resize(width, height)

    def resize(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.rows = [[" "] * width for _ in range(height)]
        self.row = self.col = 0

    def feed(self, data: bytes) -> None:
        text = self._pending + self._decoder.decode(data)
        position = 0
        for match in _SEQUENCE.finditer(text):
            self._write(text[position : match.start()])
            self._control(match)
            position = match.end()
        tail = text[position:]
        # An escape sequence cut in two by the transport waits for its second half.
        escape = tail.find("\x1b")
        if escape >= 0 and len(tail) - escape < 64:
            self._write(tail[:escape])
            self._pending = tail[escape:]
        else:
            self._write(tail)
            self._pending = ""

    def _control(self, match: re.Match[str]) -> None:
        final = match.group(2)
        params = match.group(1) or ""
        if final is None or params.startswith("?"):
            return
        numbers = [int(p) if p.isdigit() else 0 for p in params.split(";")] if params else []
        if final in "Hf":
            row, col = [*numbers, 1, 1][:2]
            self.row, self.col = max(row, 1) - 1, max(col, 1) - 1
        elif final == "G":
            self.col = max((numbers or [1])[0], 1) - 1
        elif final == "C":
            self.col += max((numbers or [1])[0], 1)
        elif final == "J" and (numbers or [0])[0] in (2, 3):
            self.resize(self.width, self.height)
        elif final == "K" and 0 <= self.row < self.height:
            for col in range(self.col, self.width):
                self.rows[self.row][col] = " "

    def _write(self, text: str) -> None:
        for char in text:
            if char == "\r":
                self.col = 0
            elif char == "\n":
                self.row += 1
            elif char >= " ":
                size = get_character_cell_size(char)
                if 0 <= self.row < self.height and 0 <= self.col < self.width:
                    self.rows[self.row][self.col] = char
                    if size == 2 and self.col + 1 < self.width:
                        self.rows[self.row][self.col + 1] = ""
                self.col += size

    def text(self) -> str:
        return "\n".join("".join(row).rstrip() for row in self.rows)
