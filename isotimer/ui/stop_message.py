"""What stopping a session now would keep, in one sentence for the confirmation."""

from __future__ import annotations

from isotimer.core.plan import Step
from isotimer.core.timefmt import short


def stop_message(finished: int, current: Step | None, held_s: float, saving: bool) -> str:
    """Say what is kept: the holds done and the one in progress, if any.

    Args:
        finished: holds already ended (and recorded) in this run.
        current: the step running now.
        held_s: seconds held of ``current`` when it is a hold.
        saving: whether a history store is there to save to.
    """
    kept = "saved" if saving else "kept for the summary (history is unavailable)"
    parts = []
    if finished:
        holds = "hold you finished is" if finished == 1 else "holds you finished are"
        parts.append(f"the {finished} {holds} {kept}")
    if current is not None and current.is_hold:
        name = current.hold.name
        what = f"the {name[:1].lower()}{name[1:]} in progress ({short(held_s)})"
        parts.append(f"{what} will be {'saved' if saving else 'listed'} as stopped early")
    if not parts:
        return "Nothing has been held yet, so there is nothing to save."
    sentence = "; ".join(parts)
    return sentence[:1].upper() + sentence[1:] + "."
