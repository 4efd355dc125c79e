"""A tiny PNG reader for tests: how many distinct colours an image has.

Handles what browsers write for screenshots: 8-bit RGB or RGBA, not
interlaced. Enough to tell a rendered page from a blank one without Pillow.
"""

from __future__ import annotations

import struct
import zlib


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) of a PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG file"
    return struct.unpack(">II", data[16:24])


def distinct_colours(data: bytes, *, step: int = 7) -> int:
    """Count the distinct pixel colours in a PNG, sampling every ``step``-th row."""
    width, height = png_size(data)
    pos, idat = 8, b""
    bit_depth = colour_type = interlace = None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            _, _, bit_depth, colour_type, _, _, interlace = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    assert bit_depth == 8 and colour_type in (2, 6) and interlace == 0, "unsupported PNG layout"
    channels = 3 if colour_type == 2 else 4
    stride = width * channels
    raw = zlib.decompress(idat)
    previous = bytearray(stride)
    colours = set()
    for row in range(height):
        start = row * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            up_left = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                line[i] = (line[i] + _paeth(left, up, up_left)) & 0xFF
        if row % step == 0:
            colours.update(bytes(line[i : i + 3]) for i in range(0, stride, channels))
        previous = line
    return len(colours)
