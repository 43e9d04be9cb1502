"""A QR code drawn with half-block characters, so a phone's camera can open the live page."""

from __future__ import annotations

import segno

QUIET = 2  # modules of blank border; phone cameras need some


def qr_lines(text: str) -> list[str]:
    """The code for ``text`` as lines of ``█▀▄`` and spaces, two modules per line.

    Dark modules are drawn as spaces and light ones as blocks, so the code
    reads light-on-dark terminals the way a printed code reads on paper.
    """
    matrix = [list(row) for row in segno.make(text, error="m", boost_error=False).matrix]
    size = len(matrix) + 2 * QUIET
    rows = [[0] * size for _ in range(QUIET)]
    rows += [[0] * QUIET + [int(bit) for bit in row] + [0] * QUIET for row in matrix]
    rows += [[0] * size for _ in range(QUIET + (size % 2))]
    chars = {(0, 0): "█", (0, 1): "▀", (1, 0): "▄", (1, 1): " "}
    return [
        "".join(chars[(top, bottom)] for top, bottom in zip(rows[y], rows[y + 1], strict=True))
        for y in range(0, len(rows), 2)
    ]
