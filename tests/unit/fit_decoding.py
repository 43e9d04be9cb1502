"""Read a FIT file back with two decoders that share no code with isotimer's encoding.

``fitdecode`` is independent of Garmin's SDK altogether; the SDK's own Decoder
checks the file the way Garmin's tools will. Both must agree on every figure
the tests compare, so a file only one of them reads as intended fails.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import fitdecode
from garmin_fit_sdk import CrcCalculator, Decoder, Stream


@dataclass(frozen=True)
class DecodedSet:
    kind: str
    start: datetime
    end: datetime
    duration_s: float
    category: str | None
    outcome: str | None


@dataclass(frozen=True)
class Decoded:
    """The parts of a FIT activity file the tests check, as one decoder read them."""

    file_type: str
    sport: str
    sub_sport: str
    sets: tuple[DecodedSet, ...]
    laps: int
    start: datetime
    end: datetime
    elapsed_s: float
    timer_s: float
    rpe: int | None
    run_outcome: str | None
    product_name: str
    device_descriptor: str
    titles: tuple[str, ...]


def check_header_and_crc(data: bytes) -> None:
    """The 14-byte header (size, ``.FIT``, data size, its own CRC) and the file's CRC."""
    size, _protocol, _profile, data_size, magic, header_crc = struct.unpack("<BBHI4sH", data[:14])
    assert (size, magic) == (14, b".FIT")
    assert data_size == len(data) - 14 - 2
    assert header_crc == CrcCalculator.calculate_crc(data, 0, 12)
    (file_crc,) = struct.unpack("<H", data[-2:])
    assert file_crc == CrcCalculator.calculate_crc(data, 0, len(data) - 2)


def decode_with_sdk(data: bytes) -> Decoded:
    decoder = Decoder(Stream.from_byte_array(bytearray(data)))
    assert decoder.is_fit() and decoder.check_integrity()
    messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read()
    assert errors == []
    sets = tuple(
        DecodedSet(
            kind=s["set_type"],
            start=s["start_time"],
            end=s["timestamp"],
            duration_s=s["duration"],
            category=s.get("category"),
            outcome=s.get("developer_fields", {}).get(0),
        )
        for s in messages["set_mesgs"]
    )
    (session,) = messages["session_mesgs"]
    return Decoded(
        file_type=messages["file_id_mesgs"][0]["type"],
        sport=session["sport"],
        sub_sport=session["sub_sport"],
        sets=sets,
        laps=len(messages["lap_mesgs"]),
        start=session["start_time"],
        end=session["timestamp"],
        elapsed_s=session["total_elapsed_time"],
        timer_s=session["total_timer_time"],
        rpe=session.get("workout_rpe"),
        run_outcome=session.get("developer_fields", {}).get(1),
        product_name=messages["device_info_mesgs"][0]["product_name"],
        device_descriptor=messages["device_info_mesgs"][0]["descriptor"],
        titles=tuple(t["wkt_step_name"] for t in messages["exercise_title_mesgs"]),
    )


def decode_with_fitdecode(path: Path) -> Decoded:
    frames: dict[str, list[dict]] = {}
    with fitdecode.FitReader(
        path, check_crc=fitdecode.CrcCheck.RAISE, error_handling=fitdecode.ErrorHandling.RAISE
    ) as reader:
        for frame in reader:
            if isinstance(frame, fitdecode.FitDataMessage):
                fields = {field.name: field.value for field in frame.fields}
                frames.setdefault(frame.name, []).append(fields)
    sets = tuple(
        DecodedSet(
            kind=s["set_type"],
            start=s["start_time"],
            end=s["timestamp"],
            duration_s=s["duration"],
            category=s.get("category"),
            outcome=s.get("outcome"),
        )
        for s in frames["set"]
    )
    (session,) = frames["session"]
    return Decoded(
        file_type=frames["file_id"][0]["type"],
        sport=session["sport"],
        sub_sport=session["sub_sport"],
        sets=sets,
        laps=len(frames["lap"]),
        start=session["start_time"],
        end=session["timestamp"],
        elapsed_s=session["total_elapsed_time"],
        timer_s=session["total_timer_time"],
        rpe=session.get("workout_rpe"),
        run_outcome=session.get("run_outcome"),
        product_name=frames["device_info"][0]["product_name"],
        device_descriptor=frames["device_info"][0]["descriptor"],
        titles=tuple(t["wkt_step_name"] for t in frames["exercise_title"]),
    )


def decode(path: Path) -> Decoded:
    """Check the file's header and CRCs and decode it twice; both decoders must agree."""
    data = path.read_bytes()
    check_header_and_crc(data)
    by_sdk = decode_with_sdk(data)
    assert decode_with_fitdecode(path) == by_sdk
    return by_sdk
