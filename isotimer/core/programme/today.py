"""What today holds in a programme, in one line for the picker, ``due`` and a prompt."""

from __future__ import annotations

from isotimer.core.programme.schedule import Status


def today_line(
    programme_name: str, now: Status, session_name: str, paused: str | None = None
) -> str:
    """``Runner's base · week 3 · session 1 of 2 · Runner's set-up`` when one is due;
    otherwise what the week stands at, so the line never promises a session.

    ``paused`` is the red flag's why when a rehab programme is paused.
    """
    head = f"{programme_name} · week {now.week}"
    if now.finished:
        return f"{head} · programme finished"
    if paused is not None:
        return f"{head} · paused, red flag: {paused}: see a physio or doctor"
    if not now.started:
        return f"{head} · {now.advance_why}"
    if not now.due:
        return f"{head} · {now.done_this_week} of {now.per_week} done · next: {session_name}"
    return f"{head} · session {now.session_in_week} of {now.per_week} · {session_name}"
