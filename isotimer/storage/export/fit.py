"""Encode a run as a FIT activity file with the official Garmin FIT SDK's encoder."""

from __future__ import annotations

from garmin_fit_sdk import FIT_EPOCH_S, Encoder, Profile

from isotimer.core.fit.activity import FitActivity, FitLap, FitSet, SetKind
from isotimer.core.fit.exercises import fit_exercise
from isotimer.core.history.records import Outcome
from isotimer.storage.export.fit_ids import (
    MESG,
    OUTCOME_FIELD,
    RUN_OUTCOME_FIELD,
    developer_fields,
    identity_messages,
)

SPORT = {"sport": "training", "sub_sport": "strength_training"}
MAX_TEXT_BYTES = 64  # FIT strings are short on watches; names past this are cut
# How the session's name shows a run that did not reach its end.
CUT_SHORT = {Outcome.STOPPED: "stopped", Outcome.INTERRUPTED: "cut off"}


def encode_activity(activity: FitActivity) -> bytes:
    """The FIT file's bytes: header, every message, and the CRCs.

    The same activity always gives the same bytes: ids and times come from the
    run itself (the serial number is a hash of the run id).
    """
    encoder = Encoder(developer_fields())
    for message in activity_messages(activity):
        encoder.write_mesg(message)
    return encoder.close()


def activity_messages(activity: FitActivity) -> list[dict[str, object]]:
    """Every message of the file in the order the FIT activity file type asks for."""
    start, end = activity.start, activity.end
    titles = _exercise_titles(activity.sets)
    messages: list[dict[str, object]] = [
        *identity_messages(activity),
        {"mesg_num": MESG["SPORT"], **SPORT, "name": _text(_session_name(activity))},
        {"mesg_num": MESG["EVENT"], "timestamp": start, "event": "timer", "event_type": "start"},
        *titles.values(),
    ]
    for index, fit_set in enumerate(activity.sets):
        messages.append({"mesg_num": MESG["RECORD"], "timestamp": fit_set.start})
        messages.append(_set(index, fit_set, titles))
    messages.append({"mesg_num": MESG["RECORD"], "timestamp": end})
    messages.append(
        {"mesg_num": MESG["EVENT"], "timestamp": end, "event": "timer", "event_type": "stop_all"}
    )
    messages += [_lap(index, lap, activity) for index, lap in enumerate(activity.laps)]
    messages.append(_session(activity))
    messages.append(_activity(activity))
    return messages


def _exercise_titles(sets: tuple[FitSet, ...]) -> dict[tuple[str, str], dict[str, object]]:
    """One exercise title per exercise and side, in the order first done.

    Sets point at their title (``wkt_step_index``), which is how Garmin Connect
    shows each set under its own name rather than only its category.
    """
    titles: dict[tuple[str, str], dict[str, object]] = {}
    for fit_set in sets:
        hold = fit_set.hold
        if hold is None or (hold.exercise, hold.side) in titles:
            continue
        mapped = fit_exercise(hold.exercise, hold.exercise_name)
        side = f" ({hold.side})" if hold.side != "none" else ""
        titles[(hold.exercise, hold.side)] = {
            "mesg_num": MESG["EXERCISE_TITLE"],
            "message_index": len(titles),
            "exercise_category": mapped.category,
            "exercise_name": exercise_name_number(mapped.category, mapped.name),
            "wkt_step_name": _text(f"{hold.exercise_name}{side}"),
        }
    return titles


def exercise_name_number(category: str, name: str | None) -> int | None:
    """The profile's number for ``name`` within ``category``; None when there is no name."""
    if name is None:
        return None
    names: dict[int, str] = Profile["types"][f"{category}_exercise_name"]
    return next(number for number, known in names.items() if known == name)


def _set(
    index: int, fit_set: FitSet, titles: dict[tuple[str, str], dict[str, object]]
) -> dict[str, object]:
    message: dict[str, object] = {
        "mesg_num": MESG["SET"],
        "message_index": index,
        "timestamp": fit_set.end,
        "start_time": fit_set.start,
        "duration": fit_set.duration_s,
        "set_type": fit_set.kind.value,
    }
    hold = fit_set.hold
    if fit_set.kind is SetKind.ACTIVE and hold is not None:
        title = titles[(hold.exercise, hold.side)]
        message["category"] = [title["exercise_category"]]
        if title["exercise_name"] is not None:
            message["category_subtype"] = [title["exercise_name"]]
        message["wkt_step_index"] = title["message_index"]
        message["developer_fields"] = {OUTCOME_FIELD: fit_set.outcome}
    return message


def _lap(index: int, lap: FitLap, activity: FitActivity) -> dict[str, object]:
    last = index == len(activity.laps) - 1
    return {
        "mesg_num": MESG["LAP"],
        "message_index": index,
        "timestamp": lap.end,
        "start_time": lap.start,
        "total_elapsed_time": (lap.end - lap.start).total_seconds(),
        "total_timer_time": lap.timer_s,
        "event": "lap",
        "event_type": "stop",
        "lap_trigger": "session_end" if last else "manual",
        **SPORT,
    }


def _session(activity: FitActivity) -> dict[str, object]:
    effort = activity.run.effort
    return {
        "mesg_num": MESG["SESSION"],
        "message_index": 0,
        "timestamp": activity.end,
        "start_time": activity.start,
        "total_elapsed_time": activity.elapsed_s,
        "total_timer_time": activity.timer_s,
        "first_lap_index": 0,
        "num_laps": len(activity.laps),
        "event": "session",
        "event_type": "stop",
        "trigger": "activity_end",
        "sport_profile_name": _text(_session_name(activity)),
        # FIT keeps perceived effort as RPE times ten (10-100).
        "workout_rpe": effort * 10 if effort is not None else None,
        "developer_fields": {RUN_OUTCOME_FIELD: activity.session_outcome},
        **SPORT,
    }


def _activity(activity: FitActivity) -> dict[str, object]:
    offset = activity.run.started_at.utcoffset()
    local = int(activity.end.timestamp()) + int(offset.total_seconds() if offset else 0)
    return {
        "mesg_num": MESG["ACTIVITY"],
        "timestamp": activity.end,
        "total_timer_time": activity.timer_s,
        "num_sessions": 1,
        "type": "manual",
        "event": "activity",
        "event_type": "stop",
        "local_timestamp": local - FIT_EPOCH_S,
    }


def _session_name(activity: FitActivity) -> str:
    """The session's name, with how it ended when it was cut short."""
    name = activity.run.session_name
    marker = CUT_SHORT.get(Outcome(activity.run.outcome), "cut off")
    return f"{name} ({marker})" if activity.cut_short else name


def _text(text: str) -> str:
    """``text`` cut to what a FIT string field holds, never through a character."""
    return text.encode()[:MAX_TEXT_BYTES].decode(errors="ignore")
