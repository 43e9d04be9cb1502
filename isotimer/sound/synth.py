"""Render tones as 16-bit mono WAV data with the standard library (``math`` and ``wave``).

Generating the few short sine tones isotimer needs takes a millisecond each,
so no audio library is worth its install: any system player plays a WAV.
Every note gets a 5 ms fade in and out, without which a sine cut off mid-wave
clicks.
"""

from __future__ import annotations

import io
import math
import struct
import wave

from isotimer.core.tones import NOTES, Note, Tone

RATE_HZ = 22_050
FADE_S = 0.005
FULL_SCALE = 32_767


def samples(note: Note, volume: float, rate_hz: int = RATE_HZ) -> list[int]:
    """The note as signed 16-bit samples at ``volume`` (0.0 to 1.0)."""
    count = round(note.seconds * rate_hz)
    fade = max(1, round(FADE_S * rate_hz))
    peak = FULL_SCALE * max(0.0, min(1.0, volume))
    out = []
    for n in range(count):
        t = n / rate_hz
        envelope = min(1.0, n / fade, (count - 1 - n) / fade) * math.exp(-note.decay * t)
        out.append(round(peak * envelope * math.sin(2 * math.pi * note.frequency_hz * t)))
    return out


def render(tone: Tone, volume: float, rate_hz: int = RATE_HZ) -> bytes:
    """``tone`` as the bytes of a WAV file, its notes one after another."""
    frames = [sample for note in NOTES[tone] for sample in samples(note, volume, rate_hz)]
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate_hz)
        out.writeframes(struct.pack(f"<{len(frames)}h", *frames))
    return buffer.getvalue()
