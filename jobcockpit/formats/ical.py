"""The coming days of a job hunt as an iCalendar file, for the user's calendar.

People live by their calendar, not by the cockpit: a call window that shows up
between their meetings gets used. Each event is one thing the follow-up rules
already decided (a call window, a thank-you or courtesy deadline, an
interview ahead, a decision date the employer gave), so the calendar never
says anything the sidebar does not. Call windows and interviews carry the
contact's own zone (TZID), so the calendar shows them at the right hour
wherever the user travels; a deadline is a block in the user's zone that ends
at its due moment, on the day every other view names (`core.due`). UIDs depend
only on what the event is, so importing a newer export updates the events
instead of adding them twice.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

import pendulum

from jobcockpit import __version__
from jobcockpit.core import places
from jobcockpit.core.board import Board
from jobcockpit.core.due import due_day, interview_start
from jobcockpit.core.places import place_of
from jobcockpit.core.records import Application, Contact, LogEntry, Stage
from jobcockpit.core.rules import Judge, agenda, scheduled_interview
from jobcockpit.core.settings import Settings
from jobcockpit.core.text import without_controls
from jobcockpit.core.verdicts import Task, TaskKind, Verdict, VerdictKind

HORIZON_DAYS = 14
"""How far ahead a waiting pair's first call window is put in the calendar."""
UID_DOMAIN = "jobcockpit"
THANK_YOU_LEAD = dt.timedelta(minutes=30)
"""A thank-you or courtesy deadline is shown as the half hour before it, so it
is a block in the day and not a line that is easy to miss."""
INTERVIEW_REMINDER = dt.timedelta(hours=1)
"""An interview's alarm goes off this long before it starts (R19: get ready)."""
CALENDAR_NAME = "Job hunt"
_EPOCH = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)


class EventKind(StrEnum):
    CALL = "call"
    THANK_YOU = "thank-you"
    COURTESY = "courtesy"
    DECISION = "decision"
    INTERVIEW = "interview"


@dataclass(frozen=True, slots=True)
class CalendarEvent:
    """One event: timed in `zone`, or all day when `start` is a date."""

    uid: str
    kind: EventKind
    summary: str
    description: str
    start: dt.datetime | dt.date
    end: dt.datetime | dt.date
    zone: str | None = None
    reminder: dt.timedelta | None = None
    """An alarm (VALARM) this long before the start."""

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, dt.datetime)

    def sort_key(self) -> tuple[float, str]:
        if isinstance(self.start, dt.datetime):
            return (self.start.timestamp(), self.uid)
        midnight = dt.datetime(self.start.year, self.start.month, self.start.day, tzinfo=dt.UTC)
        return (midnight.timestamp(), self.uid)


def calendar_events(
    board: Board, settings: Settings, now: pendulum.DateTime, *, days: int = HORIZON_DAYS
) -> list[CalendarEvent]:
    """Every coming event: the call windows of today and, for a pair that
    waits, of the first day within `days` on which it may be called; the
    thank-you (R5) and courtesy (R15, R17) deadlines still ahead; each
    interview still ahead (R19), with a reminder; and each open application's
    decision date (R4) from today on."""
    day = agenda(board, settings, now)
    user_zone = settings.zone
    events: list[CalendarEvent] = []
    for verdict in day.verdicts:
        events.extend(_call_events(verdict, board, settings, now, days))
    for task in day.tasks:
        event = _task_event(task, board, user_zone, now)
        if event is not None:
            events.append(event)
    today = now.astimezone(places.zone(user_zone)).date()
    for application in board:
        log = board.log_of(application.id)
        event = _decision_event(application, log, now, today)
        if event is not None:
            events.append(event)
        interview = _interview_event(application, log, board, user_zone, now)
        if interview is not None:
            events.append(interview)
    events.sort(key=CalendarEvent.sort_key)
    return events


def _token(ident: str) -> str:
    """An id as it may stand in a UID: as it is when it is plain, else a digest."""
    if re.fullmatch(r"[A-Za-z0-9._-]{1,40}", ident):
        return ident
    return "x" + hashlib.sha256(ident.encode("utf-8")).hexdigest()[:12]


def event_uid(kind: EventKind, application: str, contact: str | None, when: str) -> str:
    """What the event is, never when it was exported: the same call window,
    deadline or decision date gets the same UID in every export."""
    parts = [kind.value, _token(application)]
    if contact is not None:
        parts.append(_token(contact))
    parts.append(when)
    return "-".join(parts) + f"@{UID_DOMAIN}"


# -- call windows ----------------------------------------------------------------


def _call_events(
    verdict: Verdict,
    board: Board,
    settings: Settings,
    now: pendulum.DateTime,
    days: int,
) -> list[CalendarEvent]:
    application = board.applications.get(verdict.application)
    contact = board.contacts.get(verdict.contact)
    if application is None or contact is None:
        return []
    if verdict.kind is VerdictKind.CALL:
        return _windows(verdict, application, contact)
    if verdict.kind is not VerdictKind.WAIT or verdict.next is None:
        return []
    zone = places.zone(verdict.zone)
    if verdict.next > now.astimezone(zone).date() + dt.timedelta(days=days):
        return []
    # Judged at the first moment of the day it may be called, the pair shows
    # that day's windows whole, exactly as the sidebar will then.
    first = pendulum.datetime(
        verdict.next.year, verdict.next.month, verdict.next.day, tz=verdict.zone
    )
    log = board.log_of(application.id)
    then = Judge(settings, first).pair(application, contact, log)
    if then.kind is not VerdictKind.CALL:
        return []
    return _windows(then, application, contact)


def _windows(verdict: Verdict, application: Application, contact: Contact) -> list[CalendarEvent]:
    zone = places.zone(verdict.zone)
    events: list[CalendarEvent] = []
    for window in verdict.windows:
        start = window.start.astimezone(zone)
        end = window.end.astimezone(zone)
        lines = [
            f"{application.company}: {application.position}".rstrip(": "),
            verdict.reason,
        ]
        if contact.phone:
            lines.append(f"Phone: {contact.phone}")
        if contact.email:
            lines.append(f"E-mail: {contact.email}")
        if verdict.zone_guessed:
            lines.append("Their time zone is guessed; check it in the cockpit.")
        who = f"{contact.name} ({contact.role})" if contact.role else contact.name
        events.append(
            CalendarEvent(
                uid=event_uid(
                    EventKind.CALL,
                    application.id,
                    contact.id,
                    start.strftime("%Y%m%dT%H%M"),
                ),
                kind=EventKind.CALL,
                summary=f"Call {who} at {application.company}",
                description="\n".join(lines),
                start=start,
                end=end,
                zone=verdict.zone,
            )
        )
    return events


# -- deadlines -------------------------------------------------------------------


def _task_event(
    task: Task, board: Board, user_zone: str, now: pendulum.DateTime
) -> CalendarEvent | None:
    if task.due is None or task.due <= now:
        return None
    application = board.applications.get(task.application)
    if application is None:
        return None
    summaries = {
        TaskKind.THANK_YOU: (EventKind.THANK_YOU, "Send thank-you note"),
        TaskKind.COURTESY: (EventKind.COURTESY, "Send courtesy thank-you"),
    }
    if task.kind not in summaries:
        # A verify task has no due time; getting ready for an interview is
        # the interview's own event and its reminder.
        return None
    kind, summary = summaries[task.kind]
    # The user's own deadline, in the user's zone: a courtesy note due by the
    # end of the contact's day may end in the user's next morning.
    due = due_day(task.due, user_zone)
    return CalendarEvent(
        uid=event_uid(kind, application.id, task.contact, due.day.strftime("%Y%m%d")),
        kind=kind,
        summary=f"{summary}: {application.company}",
        description=f"{task.text}; due {due.long()}",
        start=due.moment - THANK_YOU_LEAD,
        end=due.moment,
        zone=user_zone,
    )


def _interview_event(
    application: Application,
    log: Sequence[LogEntry],
    board: Board,
    user_zone: str,
    now: pendulum.DateTime,
) -> CalendarEvent | None:
    """R19: the next interview still ahead, in the contact's zone, with a
    reminder to get ready."""
    interview = scheduled_interview(log, now)
    if interview is None:
        return None
    people = board.contacts_of(application)
    contact = board.contacts.get(interview.contact) if interview.contact else None
    contact = contact or (people[0] if people else None)
    zone = place_of(contact, user_zone).zone if contact else user_zone
    start = interview_start(interview)
    lines = [f"{application.company}: {application.position}".rstrip(": ")]
    if contact is not None:
        lines.append(f"With {contact.name} ({contact.role})" if contact.role else contact.name)
        if contact.phone:
            lines.append(f"Phone: {contact.phone}")
    yours = due_day(start, user_zone)
    lines.append(f"Starts {yours.long()} your time ({user_zone}).")
    lines.append(
        "Get ready: the application's notes and the talking points for after the interview."
    )
    if interview.note:
        lines.append(interview.note)
    return CalendarEvent(
        uid=event_uid(
            EventKind.INTERVIEW,
            application.id,
            contact.id if contact else None,
            start.astimezone(places.zone(zone)).strftime("%Y%m%dT%H%M"),
        ),
        kind=EventKind.INTERVIEW,
        summary=f"Interview: {application.company}",
        description="\n".join(lines),
        start=start.astimezone(places.zone(zone)),
        end=interview.at.astimezone(places.zone(zone)),
        zone=zone,
        reminder=INTERVIEW_REMINDER,
    )


def decision_date(
    application: Application, log: Sequence[LogEntry], now: dt.datetime
) -> dt.date | None:
    """R4: the newest decision date in the log so far, else the application's."""
    found = application.decision_expected_on
    for entry in log:
        if entry.at <= now and entry.decision_expected_on is not None:
            found = entry.decision_expected_on
    return found


def _decision_event(
    application: Application, log: Sequence[LogEntry], now: dt.datetime, today: dt.date
) -> CalendarEvent | None:
    if application.stage is Stage.DECIDED:
        return None
    day = decision_date(application, log, now)
    if day is None or day < today:
        return None
    plain = dt.date(day.year, day.month, day.day)
    title = f"{application.company}: {application.position}".rstrip(": ")
    return CalendarEvent(
        uid=event_uid(EventKind.DECISION, application.id, None, plain.strftime("%Y%m%d")),
        kind=EventKind.DECISION,
        summary=f"{application.company} expects to decide",
        description=f"{title}\nThey said they would decide by this day; "
        "call the next business day if you have not heard.",
        start=plain,
        end=plain + dt.timedelta(days=1),
    )


# -- the file --------------------------------------------------------------------


def to_ics(events: Iterable[CalendarEvent], now: dt.datetime) -> str:
    """The events as an iCalendar file, with a VTIMEZONE for every zone used.

    DTSTAMP, LAST-MODIFIED and SEQUENCE come from `now`, so a later export
    supersedes an earlier one in calendars that compare them, and the same
    board at the same moment gives the same bytes. The icalendar package is
    loaded only here: `jobcockpit today` in a shell prompt must not pay for it.
    """
    from icalendar import Alarm, Calendar, Event, Timezone

    stamp = now.astimezone(dt.UTC)
    sequence = max(0, int((stamp - _EPOCH).total_seconds() // 60))
    calendar = Calendar()
    calendar.add("prodid", f"-//jobcockpit//jobcockpit {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", CALENDAR_NAME)
    items = list(events)
    for item in items:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("last-modified", stamp)
        event.add("sequence", sequence)
        event.add("summary", item.summary)
        event.add("description", item.description)
        event.add("dtstart", item.start)
        event.add("dtend", item.end)
        event.add("categories", [item.kind.value])
        event.add("transp", "OPAQUE" if item.kind is EventKind.INTERVIEW else "TRANSPARENT")
        if item.reminder is not None:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", item.summary)
            alarm.add("trigger", -item.reminder)
            event.add_component(alarm)
        calendar.add_component(event)
    # Each zone's rules are written for a year either side of the events, which
    # covers every change of clock between now and the last of them. Zones go
    # first and in name order, so the same events always give the same bytes.
    first = dt.date(stamp.year - 1, 1, 1)
    last = max([stamp.date()] + [i.end.date() for i in items if isinstance(i.end, dt.datetime)])
    until = dt.date(last.year + 2, 1, 1)
    zones = [
        Timezone.from_tzid(zone, first_date=first, last_date=until)
        for zone in sorted(calendar.get_missing_tzids())
    ]
    calendar.subcomponents[:0] = zones
    written: bytes = calendar.to_ical()
    return without_controls(written.decode("utf-8"))
