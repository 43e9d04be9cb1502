"""Read the pixels of a PNG screenshot (8-bit RGB or RGBA, as Chromium writes them), stdlib only."""

from __future__ import annotations

import struct
import zlib
from collections import Counter
from pathlib import Path

_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_CHANNELS = {2: 3, 6: 4}  # colour type: RGB, RGBA


def pixels(path: Path) -> tuple[int, int, list[tuple[int, int, int]]]:
    """Width, height and every pixel's RGB, row by row."""
    data = path.read_bytes()
    if not data.startswith(_SIGNATURE):
        raise ValueError(f"{path} is not a PNG")
    position, idat, header = len(_SIGNATURE), b"", None
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
    assert header is not None, f"{path} has no IHDR"
    width, height, depth, colour, *_ = header
    if depth != 8 or colour not in _CHANNELS:
        raise ValueError(f"{path}: only 8-bit RGB or RGBA is read here")
    channels = _CHANNELS[colour]
    rows = _unfilter(zlib.decompress(idat), width * channels, height, channels)
    found = [(row[x], row[x + 1], row[x + 2]) for row in rows for x in range(0, len(row), channels)]
    return width, height, found


def _unfilter(raw: bytes, stride: int, height: int, bpp: int) -> list[bytes]:
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for x in range(stride):
            left = line[x - bpp] if x >= bpp else 0
            up = previous[x]
            corner = previous[x - bpp] if x >= bpp else 0
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                line[x] = (line[x] + _paeth(left, up, corner)) & 0xFF
        rows.append(bytes(line))
        previous = line
    return rows


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def share_of(found: list[tuple[int, int, int]], colour: str, tolerance: int = 6) -> float:
    """The fraction of pixels within ``tolerance`` of ``colour`` (``#RRGGBB``) on each channel."""
    want = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    near = sum(
        1
        for pixel in found
        if all(abs(p - w) <= tolerance for p, w in zip(pixel, want, strict=True))
    )
    return near / len(found)


def dominant_share(found: list[tuple[int, int, int]]) -> float:
    """The fraction of pixels in the most common colour: near 1 for a blank page."""
    return Counter(found).most_common(1)[0][1] / len(found)
