"""Render tones as 16-bit mono WAV data with the standard library (``math``, ``array``, ``wave``).

Any system player plays a WAV, and the few short sine tones isotimer needs
take a couple of milliseconds to make, so no audio library is worth its
install. The sample rate is one that every note's pitch divides, so a note is
one period of its sine repeated (done in C by ``bytes`` repetition, not a
Python loop per sample that would hold the interpreter while a session
starts) and ends on a zero crossing. A fading note repeats its period at
stepped loudness. Each note fades in and out over 5 ms, without which a sine
cut off mid-wave clicks.
"""

from __future__ import annotations

import io
import math
import sys
import wave
from array import array

from isotimer.core.run.tones import NOTES, Note, Tone

RATE_HZ = 26_400  # 440, 660, 880 and 1320 Hz all divide it
FADE_S = 0.005
FULL_SCALE = 32_767
LOUDNESS_STEPS = 64  # of a fading note: fine enough that the steps are not heard


def period(frequency_hz: float, peak: float) -> array[int]:
    """One period of a sine at ``peak`` amplitude, in whole samples."""
    samples = RATE_HZ / frequency_hz
    if samples != int(samples):
        raise ValueError(f"{frequency_hz:g} Hz does not divide the {RATE_HZ} Hz sample rate")
    count = int(samples)
    return array("h", (round(peak * math.sin(2 * math.pi * k / count)) for k in range(count)))


def note_samples(note: Note, volume: float) -> array[int]:
    """The note as signed 16-bit samples at ``volume`` (0.0 to 1.0)."""
    peak = FULL_SCALE * max(0.0, min(1.0, volume))
    periods = max(1, round(note.seconds * note.frequency_hz))
    if note.decay:
        levels: dict[int, bytes] = {}
        chunks = []
        for n in range(periods):
            level = round(math.exp(-note.decay * n / note.frequency_hz) * LOUDNESS_STEPS)
            if level not in levels:
                levels[level] = period(note.frequency_hz, peak * level / LOUDNESS_STEPS).tobytes()
            chunks.append(levels[level])
        body = b"".join(chunks)
    else:
        body = period(note.frequency_hz, peak).tobytes() * periods
    samples = array("h")
    samples.frombytes(body)
    _fade(samples)
    return samples


def _fade(samples: array[int]) -> None:
    """Ramp the first and last 5 ms in place."""
    fade = min(len(samples) // 2, round(FADE_S * RATE_HZ))
    for n in range(fade):
        share = n / fade
        samples[n] = round(samples[n] * share)
        samples[-1 - n] = round(samples[-1 - n] * share)


def render(tone: Tone, volume: float) -> bytes:
    """``tone`` as the bytes of a WAV file, its notes one after another."""
    frames = array("h")
    for note in NOTES[tone]:
        frames.extend(note_samples(note, volume))
    if sys.byteorder == "big":
        frames.byteswap()  # WAV is little-endian
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE_HZ)
        out.writeframes(frames.tobytes())
    return buffer.getvalue()
