"""Who made a FIT file: its file id, the device (isotimer at its version), developer fields."""

from __future__ import annotations

import hashlib
import uuid
from typing import TYPE_CHECKING

from garmin_fit_sdk import BASE_TYPE, Profile

from isotimer import __version__
from isotimer.core.fit.activity import FitActivity

if TYPE_CHECKING:  # the SDK's message types exist only in its stubs
    from garmin_fit_sdk.encoder import FieldDescription
    from garmin_fit_sdk.mesgs import DeveloperDataIdMesg, FieldDescriptionMesg

MESG = Profile["mesg_num"]
PRODUCT = "isotimer"
# isotimer's developer data: a fixed id, so every file names the same application.
APPLICATION_ID: list[int | None] = list(uuid.uuid5(uuid.NAMESPACE_URL, "isotimer/fit-export").bytes)
OUTCOME_FIELD, RUN_OUTCOME_FIELD = 0, 1

DEVELOPER_ID: DeveloperDataIdMesg = {
    "mesg_num": MESG["DEVELOPER_DATA_ID"],
    "developer_data_index": 0,
    "application_id": APPLICATION_ID,
    "application_version": 0,
}
FIELD_DESCRIPTIONS: dict[int, FieldDescriptionMesg] = {
    key: {
        "mesg_num": MESG["FIELD_DESCRIPTION"],
        "developer_data_index": 0,
        "field_definition_number": key,
        "fit_base_type_id": BASE_TYPE["STRING"],
        "field_name": name,
        "native_mesg_num": MESG[native],
    }
    for key, name, native in (
        (OUTCOME_FIELD, "outcome", "SET"),
        (RUN_OUTCOME_FIELD, "run_outcome", "SESSION"),
    )
}


def developer_fields() -> dict[int, FieldDescription]:
    """The encoder's view of isotimer's developer fields, by key."""
    return {
        key: {"developer_data_id_mesg": DEVELOPER_ID, "field_description_mesg": description}
        for key, description in FIELD_DESCRIPTIONS.items()
    }


def identity_messages(activity: FitActivity) -> list[dict[str, object]]:
    """The messages a FIT activity file opens with, before anything happens in it."""
    descriptions = [dict(description) for description in FIELD_DESCRIPTIONS.values()]
    return [_file_id(activity), dict(DEVELOPER_ID), *descriptions, _device_info(activity)]


def _file_id(activity: FitActivity) -> dict[str, object]:
    return {
        "mesg_num": MESG["FILE_ID"],
        "type": "activity",
        "manufacturer": "development",
        "product": 0,
        "serial_number": serial_number(activity.run.id),
        "time_created": activity.start,
        "product_name": PRODUCT,
    }


def serial_number(run_id: str) -> int:
    """A stable, non-zero 32-bit number for a run (FIT's ``uint32z`` reads 0 as unset)."""
    value = int.from_bytes(hashlib.sha256(run_id.encode()).digest()[:4], "big")
    return value or 1


def _device_info(activity: FitActivity) -> dict[str, object]:
    return {
        "mesg_num": MESG["DEVICE_INFO"],
        "timestamp": activity.start,
        "device_index": "creator",
        "manufacturer": "development",
        "product": 0,
        "product_name": PRODUCT,
        "descriptor": f"{PRODUCT} {__version__}",
        "software_version": software_version(__version__),
        "serial_number": serial_number(activity.run.id),
    }


def software_version(version: str) -> float:
    """``0.1.0`` as FIT's ``software_version`` (major.minor, two decimals): 0.1."""
    numbers = [part for part in version.split(".")[:2] if part.isdigit()]
    return float(".".join(numbers or ["0"]))
