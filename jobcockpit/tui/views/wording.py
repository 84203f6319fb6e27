"""How times, waits and verdicts read on screen.

One place decides the words so that the card, the sidebar and the detail say
the same thing the same way. Clock times the user acts on are in the user's
zone; a contact's own time is always labelled "their time". A due time (a
note, an interview) is named through `core.due`, the one reading that
`jobcockpit today` and the calendar export share.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from jobcockpit.core import places
from jobcockpit.core.due import countdown, due_day, duration
from jobcockpit.core.verdicts import CallWindow, Task, TaskKind, Verdict, VerdictKind

__all__ = [
    "Badge",
    "badge",
    "changes_count",
    "clock",
    "countdown",
    "days_ago",
    "duration",
    "interview_badge",
    "local",
    "next_window",
    "short_date",
    "task_countdown",
    "task_due",
    "task_note",
    "window_text",
]


class Badge(StrEnum):
    """The kinds of badge a card wears, which the styles colour."""

    CALL_NOW = "call-now"
    CALL_LATER = "call-later"
    EMAIL = "email"
    WAIT = "wait"
    DONE = "done"
    BLOCKED = "blocked"
    NONE = "none"


def local(moment: dt.datetime, zone: str) -> dt.datetime:
    return moment.astimezone(places.zone(zone))


def clock(moment: dt.datetime, zone: str) -> str:
    """HH:MM of `moment` in `zone`."""
    return local(moment, zone).strftime("%H:%M")


def changes_count(count: int) -> str:
    """How many changes, as in "1 change not saved" or "3 changes could not be saved"."""
    return f"{count} change{'s' if count > 1 else ''}"


def short_date(day: dt.date, today: dt.date) -> str:
    """A weekday name within the coming week, else the day and month."""
    if day == today:
        return "today"
    if day == today + dt.timedelta(days=1):
        return "tomorrow"
    if today < day < today + dt.timedelta(days=7):
        return day.strftime("%a")
    if day.year == today.year:
        return f"{day.day} {day.strftime('%b')}"
    return f"{day.day} {day.strftime('%b')} {day.year}"


def days_ago(moment: dt.datetime, now: dt.datetime, zone: str) -> str:
    """Calendar days between `moment` and `now` in the user's zone: "today",
    "1 d ago", "9 d ago"; a moment ahead reads "in 2 d"."""
    days = (local(now, zone).date() - local(moment, zone).date()).days
    if days == 0:
        return "today"
    if days < 0:
        return f"in {-days} d"
    return f"{days} d ago"


def task_countdown(task: Task, now: dt.datetime) -> str:
    """The countdown to a task's due moment, which says "late" as soon as the
    rules do, even when `now` is the clock rounded down to the minute."""
    assert task.due is not None
    return countdown(task.due, now, late=task.late)


def task_note(task: Task, now: dt.datetime, user_zone: str) -> str:
    """A dated task as a card's note line and the sidebar say it: "thank-you
    in 5 h", "courtesy by Wed 23:59", "interview Thu 14:00, in 2 d"."""
    assert task.due is not None
    today = local(now, user_zone).date()
    due = due_day(task.due, user_zone)
    if task.kind is TaskKind.THANK_YOU:
        return f"thank-you {task_countdown(task, now)}"
    if task.kind is TaskKind.PREPARE:
        return f"interview {due.short(today)}, {task_countdown(task, now)}"
    return f"courtesy by {due.short(today)}"


def task_due(task: Task, now: dt.datetime, user_zone: str) -> str:
    """A dated task as the detail says it: "due Wed 18 Nov 2026 23:59, in 1 d"."""
    assert task.due is not None
    return f"due {due_day(task.due, user_zone).long()}, {task_countdown(task, now)}"


def window_text(window: CallWindow, now: dt.datetime, their_zone: str, user_zone: str) -> str:
    """ "now until 11:30 their time" or "14:00-16:00 their time, 16:00-18:00
    yours"; the user's time is left out when it reads the same."""
    their_end = clock(window.end, their_zone)
    your_end = clock(window.end, user_zone)
    if window.is_open(now):
        if their_end == your_end:
            return f"now until {their_end}"
        return f"now until {their_end} their time ({your_end} yours)"
    theirs = f"{clock(window.start, their_zone)}-{their_end}"
    yours = f"{clock(window.start, user_zone)}-{your_end}"
    if theirs == yours:
        return theirs
    return f"{theirs} their time, {yours} yours"


def next_window(verdict: Verdict, now: dt.datetime) -> CallWindow | None:
    """The window open now, else the first one still ahead today."""
    open_now = verdict.open_window(now)
    if open_now is not None:
        return open_now
    return next((w for w in verdict.windows if w.end > now), None)


def badge(verdict: Verdict | None, now: dt.datetime, user_zone: str) -> tuple[str, Badge]:
    """The card's badge: "call now", "call 14:00" (the user's time), "e-mail",
    "wait until Thu", "done"."""
    if verdict is None:
        return ("no contact yet", Badge.NONE)
    kind = verdict.kind
    if kind is VerdictKind.CALL:
        window = next_window(verdict, now)
        if window is None or window.is_open(now):
            return ("call now", Badge.CALL_NOW)
        return (f"call {clock(window.start, user_zone)}", Badge.CALL_LATER)
    if kind is VerdictKind.EMAIL:
        return ("e-mail", Badge.EMAIL)
    if kind is VerdictKind.WAIT:
        if verdict.next is None:
            return ("wait", Badge.WAIT)
        today = local(now, user_zone).date()
        return (f"wait until {short_date(verdict.next, today)}", Badge.WAIT)
    if kind is VerdictKind.DONE:
        return ("done", Badge.DONE)
    if "R18" in verdict.rules:
        return ("no way to reach", Badge.BLOCKED)
    return ("do not contact", Badge.BLOCKED)


def interview_badge(task: Task, now: dt.datetime, user_zone: str) -> tuple[str, Badge]:
    """A card with an interview ahead (R19) wears its start: "interview Thu 14:00"."""
    assert task.due is not None
    today = local(now, user_zone).date()
    return (f"interview {due_day(task.due, user_zone).short(today)}", Badge.WAIT)
