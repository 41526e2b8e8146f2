"""The follow-up plan as an iCalendar file (.ics) for any calendar app.

Each planned action becomes one all-day event on its due date, with a
reminder at 9:00 that morning. The reminder is `TRIGGER:PT9H`, nine hours
after the (floating, local) start of the all-day event: RFC 5545 allows a
positive offset, and Apple Calendar stores its own "on the day, 9 AM" alerts
that way. A negative one (-PT15H) would ring the evening before. Google
Calendar ignores reminders in imported files and applies the user's default.

Each event's UID is the id stored with its action (see `event_ids`): given
once, kept through replans, exports and imports, so importing the file again
after a replan or a restore moves the existing events instead of adding
copies. SEQUENCE grows with the export time so that apps which compare it
accept the newer copy.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from followup import event_ids
from followup.model import Action, ActionKind, ActionStatus, Channel

PRODID = "-//followup//Interview follow-up plan//EN"
REMINDER_AFTER_START = timedelta(hours=9)

_VERB = {Channel.PHONE: "Call", Channel.EMAIL: "Email", Channel.MAIL: "Write to"}


@dataclass(frozen=True)
class CalendarEntry:
    """A planned action with what the event needs to say about its application."""

    action: Action
    company: str
    role: str = ""
    script: str = ""


def build_ics(entries: Iterable[CalendarEntry], stamp: datetime | None = None) -> bytes:
    """One all-day event with a morning reminder per planned action; done or skipped ones are left out."""
    stamp = (stamp or datetime.now(UTC)).astimezone(UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Job interview follow-ups")
    used: set[str] = set()
    for entry in entries:
        if entry.action.status is not ActionStatus.PLANNED:
            continue
        uid = event_ids.distinct(event_uid(entry.action), used)
        calendar.add_component(_event(entry, uid, stamp))
    return calendar.to_ical()


def event_uid(action: Action) -> str:
    """The action's stored id; one not saved yet is named by what it is (application, kind, person, attempt)."""
    if action.uid:
        return action.uid
    return event_ids.legacy_uid(
        action.application_id, action.kind, action.interviewer_id, action.recipient, action.attempt
    )


def summary(entry: CalendarEntry) -> str:
    """What to do and for whom, e.g. "Call Dana Lee at Acme about your Analyst application"."""
    action = entry.action
    whom = f"{action.recipient or 'the hiring team'} at {entry.company}"
    about = f"your {entry.role} application" if entry.role else "your application"
    match action.kind:
        case ActionKind.THANK_YOU_EMAIL:
            return f"Email a thank-you to {whom}"
        case ActionKind.THANK_YOU_CALL:
            return f"Call {whom} to say thank you"
        case ActionKind.HANDWRITTEN_NOTE:
            return f"Mail a handwritten thank-you card to {whom}"
        case ActionKind.STATUS_CHECK:
            attempt = f" (attempt {action.attempt})" if action.attempt else ""
            return f"{_VERB[action.channel]} {whom} about {about}{attempt}"
        case ActionKind.CLOSE:
            return f"Close {about} at {entry.company}"
        case ActionKind.THANKS_FOR_CONSIDERATION:
            return f"Thank {whom} for considering you"
        case ActionKind.STAY_IN_TOUCH:
            return f"Get back in touch with {whom}"
        case ActionKind.WITHDRAWAL:
            return f"Tell {whom} you are withdrawing {about}"
        case ActionKind.OFFER_THANKS:
            return f"Thank {whom} after the offer"
        case ActionKind.ANSWER_OFFER:
            return f"Answer the offer from {entry.company}: accept, negotiate or ask for time"
        case ActionKind.SEND_REQUESTED:
            return f"Send {whom} what they asked for"
    raise ValueError(f"No calendar wording for action kind {action.kind!r}.")


def _event(entry: CalendarEntry, uid: str, stamp: datetime) -> Event:
    action = entry.action
    title = summary(entry)
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("sequence", int(stamp.timestamp()) // 60)
    event.add("dtstart", action.due)
    event.add("dtend", action.due + timedelta(days=1))
    event.add("summary", title)
    event.add("description", _description(entry))
    event.add("transp", "TRANSPARENT")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", title)
    alarm.add("trigger", REMINDER_AFTER_START)
    event.add_component(alarm)
    return event


def _description(entry: CalendarEntry) -> str:
    application = f"{entry.role} at {entry.company}" if entry.role else entry.company
    parts = [entry.action.why, entry.script, f"Application: {application}"]
    return "\n\n".join(part for part in parts if part)
