"""When something is due, as the user reads it: one moment, one day.

A thank-you note (R5), a courtesy note (R15, R17) and getting ready for an
interview (R19) are each due at one moment, which the rules fix in the
contact's zone. The user acts in their own day, so every view names the day
and the time of that moment in the user's zone, and every view (the card,
the sidebar, the detail, `jobcockpit today` as text and JSON, the calendar
export and the report) asks `due_day` for it. A contact seven hours behind
the user, whose last minute of Monday is the user's Tuesday morning, is then
"due Tue 07:59" everywhere, never "by Mon" in one view and "by Tue" in another.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from jobcockpit.core import places
from jobcockpit.core.calendar_words import MONTH_NAMES, WEEKDAY_NAMES
from jobcockpit.core.records import LogEntry

_WEEKDAYS = tuple(name[:3].capitalize() for name in WEEKDAY_NAMES)
_MONTHS = tuple(name[:3].capitalize() for name in MONTH_NAMES)
_WEEK = 7


@dataclass(frozen=True, slots=True)
class DueDay:
    """A due moment as the user reads it: in the user's zone."""

    moment: dt.datetime
    """The due moment, in the user's zone."""

    @property
    def day(self) -> dt.date:
        """The user's calendar day of the moment: the one every view names."""
        return self.moment.date()

    @property
    def clock(self) -> str:
        """HH:MM; a deadline at 23:59:59 reads 23:59."""
        return f"{self.moment.hour:02d}:{self.moment.minute:02d}"

    @property
    def weekday(self) -> str:
        return _WEEKDAYS[self.moment.weekday()]

    def date_text(self, *, year: bool = False) -> str:
        """ "Tue 8 Dec", or "Tue 8 Dec 2026"."""
        day = self.day
        text = f"{self.weekday} {day.day} {_MONTHS[day.month - 1]}"
        return f"{text} {day.year}" if year else text

    def short(self, today: dt.date) -> str:
        """For a card or the sidebar: "today 14:00", "tomorrow 14:00", the
        weekday within the coming week ("Thu 14:00"), else the date ("Thu 24
        Dec 14:00"); a day before today always by its date ("yesterday 14:00",
        "Mon 16 Nov 14:00"), since a weekday alone would read as the next one."""
        offset = (self.day - today).days
        if offset == 0:
            return f"today {self.clock}"
        if offset == 1:
            return f"tomorrow {self.clock}"
        if offset == -1:
            return f"yesterday {self.clock}"
        if 1 < offset < _WEEK:
            return f"{self.weekday} {self.clock}"
        if abs(offset) < 300:
            return f"{self.date_text()} {self.clock}"
        return f"{self.date_text(year=True)} {self.clock}"

    def long(self) -> str:
        """For the detail, a reason, `jobcockpit today` and the calendar:
        "Tue 8 Dec 2026 07:59", true on any day it is read."""
        return f"{self.date_text(year=True)} {self.clock}"


def due_day(moment: dt.datetime, user_zone: str) -> DueDay:
    """The one reading of a due moment: its day and time in the user's zone."""
    return DueDay(moment.astimezone(places.zone(user_zone)))


def duration(seconds: float) -> str:
    """A rough length of time, as a person reads a countdown."""
    minutes = int(abs(seconds) // 60)
    if minutes < 60:
        return f"{max(minutes, 1)} min"
    hours = minutes // 60
    if hours < 6 and minutes % 60:
        return f"{hours} h {minutes % 60} min"
    if hours < 48:
        return f"{hours} h"
    return f"{hours // 24} d"


def countdown(due: dt.datetime, now: dt.datetime, *, late: bool = False) -> str:
    """ "in 5 h" before the moment, "3 h late" after it. `late` says the rules
    already count it late, so a clock rounded down to the minute never reads
    "in 1 min" for a task they call late."""
    seconds = (due - now).total_seconds()
    if late and seconds >= 0:
        seconds = -1.0
    if seconds >= 0:
        return f"in {duration(seconds)}"
    return f"{duration(seconds)} late"


INTERVIEW_LENGTH = dt.timedelta(hours=1)
"""How long an interview logged without its start is taken to last."""


def interview_start(entry: LogEntry) -> dt.datetime:
    """When an interview begins (R19's task to get ready is due then): its
    `starts_at`, else an hour before its end."""
    return entry.starts_at if entry.starts_at is not None else entry.at - INTERVIEW_LENGTH


def is_late(due: dt.datetime | None, now: dt.datetime) -> bool:
    """Past its due moment (`today --json`'s `late`)."""
    return due is not None and due < now
