"""The reminders `jobcockpit notify` sends: a call window that is open now, an
e-mail to send today, a task to do.

Each reminder has a key that names it for good (the window's start, the
task's due time, the e-mail's day), so the command can remember what it sent
and never send the same reminder twice, however often a timer runs it. The
words are the `today` command's, shortened for a notification: the title says
what to do and who, the body says about what and until when.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from jobcockpit.core.board import Board
from jobcockpit.core.due import due_day
from jobcockpit.core.text import plain
from jobcockpit.core.verdicts import Agenda, CallWindow, Task, TaskKind, Verdict, VerdictKind

TASK_TITLES = {
    TaskKind.VERIFY: "Check a contact's details",
    TaskKind.THANK_YOU: "Send a thank-you note",
    TaskKind.COURTESY: "Send a courtesy note",
    TaskKind.PREPARE: "Get ready for an interview",
}
"""A task's title; its text (from the rules) is the body."""


@dataclass(frozen=True, slots=True)
class Reminder:
    """One notification, and what it is about."""

    key: str
    """Names the reminder for good: the same window, e-mail day or task gives
    the same key on every run."""
    title: str
    body: str
    until: dt.datetime
    """After this moment the reminder can no longer be due again; what was sent
    before it may be forgotten then."""


def reminders(agenda: Agenda, board: Board, user_zone: str) -> list[Reminder]:
    """What to remind the user of at `agenda.now`: calls whose window is open,
    e-mails due today, and the tasks, in `today`'s order."""
    zone = ZoneInfo(user_zone)
    now = agenda.now
    found: list[Reminder] = []
    for verdict in agenda.verdicts:
        if verdict.kind is VerdictKind.CALL:
            window = verdict.open_window(now)
            if window is not None:
                found.append(_call(verdict, window, board, zone))
        elif verdict.kind is VerdictKind.EMAIL:
            found.append(_email(verdict, board, now.astimezone(zone)))
    found.extend(_task(task, board, now, zone) for task in agenda.tasks)
    return found


def _names(board: Board, application_id: str, contact_id: str | None) -> tuple[str, str, str]:
    application = board.applications.get(application_id)
    contact = board.contacts.get(contact_id) if contact_id else None
    company = plain(application.company) if application else application_id
    position = plain(application.position) if application else ""
    person = plain(contact.name) if contact else (contact_id or "")
    return company, position, person


def _about(company: str, position: str) -> str:
    return f"{company}, {position}" if position else company


def _instant(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat()


def _call(verdict: Verdict, window: CallWindow, board: Board, zone: ZoneInfo) -> Reminder:
    company, position, person = _names(board, verdict.application, verdict.contact)
    contact = board.contacts.get(verdict.contact)
    theirs = window.end.astimezone(ZoneInfo(verdict.zone)).strftime("%H:%M")
    yours = window.end.astimezone(zone).strftime("%H:%M")
    until = f"until {theirs} their time" + (f" ({yours} yours)" if theirs != yours else "")
    phone = f", {plain(contact.phone)}" if contact is not None and contact.phone else ""
    return Reminder(
        key=f"call {verdict.application} {verdict.contact} {_instant(window.start)}",
        title=f"Call {person} now",
        body=f"{_about(company, position)}: {until}{phone}. {plain(verdict.reason)}",
        until=window.end,
    )


def _email(verdict: Verdict, board: Board, local_now: dt.datetime) -> Reminder:
    company, position, person = _names(board, verdict.application, verdict.contact)
    day = local_now.date()
    end_of_day = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), local_now.tzinfo)
    return Reminder(
        key=f"email {verdict.application} {verdict.contact} {day.isoformat()}",
        title=f"E-mail {person} today",
        body=f"{_about(company, position)}: {plain(verdict.reason)}",
        until=end_of_day,
    )


def _task(task: Task, board: Board, now: dt.datetime, zone: ZoneInfo) -> Reminder:
    company, _position, _person = _names(board, task.application, task.contact)
    text = plain(task.text)
    about = text if company in text else f"{company}: {text}"
    if task.due is not None:
        when = due_day(task.due, zone.key).long()
        about += f" (was due {when})" if task.due < now else f" (due {when})"
    due = _instant(task.due) if task.due is not None else "-"
    return Reminder(
        key=f"task {task.kind.value} {task.application} {task.contact or '-'} {due}",
        title=TASK_TITLES.get(task.kind, task.kind.value.replace("_", " ").capitalize()),
        body=about,
        until=max(task.due, now) + dt.timedelta(days=1)
        if task.due
        else now + dt.timedelta(days=30),
    )
