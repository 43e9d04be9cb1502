"""A programme's planned sessions as an iCalendar file, for any calendar app.

icalendar writes the format (folding, escaping, UIDs, alarms) so that what
Google Calendar, Apple Calendar or Thunderbird read is standard text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta

from icalendar import Alarm, Calendar, Event

from isotimer.core.programme.phases import Programme
from isotimer.core.programme.planned import Planned

SESSION_TIME = time(18, 0)
SESSION_LENGTH = timedelta(minutes=30)
REMINDER = timedelta(minutes=-30)


def programme_calendar(
    programme: Programme,
    planned: Iterable[Planned],
    session_names: Mapping[str, str],
    stamp: datetime,
) -> bytes:
    """One all-local event per planned session at 18:00, each with a reminder 30 min before.

    Times are floating (no time zone): a session is planned for a local date,
    wherever the runner is that day. ``stamp`` is when the file was made.
    """
    calendar = Calendar()
    calendar.add("prodid", "-//isotimer//programme calendar//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"isotimer: {programme.name}")
    for item in planned:
        name = session_names.get(item.session, item.session)
        event = Event()
        event.add("uid", _uid(programme.id, item.day, item.session))
        event.add("dtstamp", stamp)
        event.add("summary", f"{name} ({programme.name})")
        event.add("description", _description(item, name))
        begin = datetime.combine(item.day, SESSION_TIME)
        event.add("dtstart", begin)
        event.add("dtend", begin + SESSION_LENGTH)
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"isotimer: {name} today")
        alarm.add("trigger", REMINDER)
        event.add_component(alarm)
        calendar.add_component(event)
    text: bytes = calendar.to_ical()  # icalendar leaves to_ical untyped
    return text


def _uid(programme_id: str, day: date, session: str) -> str:
    return f"{programme_id}-{day.isoformat()}-{session}@isotimer"


def _description(item: Planned, name: str) -> str:
    return (
        f"Week {item.week}, phase {item.phase} ({item.phase_name}): {name}."
        " Open isotimer: the top line of the picker starts it."
    )
