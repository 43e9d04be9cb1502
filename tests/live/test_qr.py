"""The QR code in the terminal is exactly segno's code, two modules a character."""

from __future__ import annotations

import segno

from isotimer.web.qr import QUIET, qr_lines

URL = "http://192.168.1.20:8765/abcdefghijklmnopqrstuv/"
HALVES = {"█": (0, 0), "▀": (0, 1), "▄": (1, 0), " ": (1, 1)}


def test_the_drawing_reads_back_as_the_encoded_matrix_with_its_quiet_zone():
    lines = qr_lines(URL)
    grid: list[list[int]] = []
    for line in lines:
        top = [HALVES[char][0] for char in line]
        bottom = [HALVES[char][1] for char in line]
        grid += [top, bottom]
    matrix = [list(row) for row in segno.make(URL, error="m", boost_error=False).matrix]
    size = len(matrix)
    inner = [row[QUIET : QUIET + size] for row in grid[QUIET : QUIET + size]]
    assert inner == [[int(bit) for bit in row] for row in matrix]
    assert all(bit == 0 for row in grid[:QUIET] + grid[QUIET + size :] for bit in row)
    assert len({len(line) for line in lines}) == 1
