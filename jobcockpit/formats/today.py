"""`jobcockpit today` as a person reads it in a terminal, and as a script reads it.

Plain text, no Textual and no Rich: the command runs from cron and shell
prompts, where start-up time matters and markup would be noise. Names, notes
and companies come from the user and from imported files, so they are printed
literally, with the characters a terminal would act on taken out.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import orjson

from jobcockpit.core import places
from jobcockpit.core.board import Board
from jobcockpit.core.due import due_day, is_late
from jobcockpit.core.rules.clock import plain as stdlib_moment
from jobcockpit.core.text import plain, terminal_json
from jobcockpit.core.verdicts import Agenda, CallWindow, Task, TaskKind, Verdict, VerdictKind

INDENT = "  "
DETAIL = "      "


# -- for scripts ---------------------------------------------------------------


def today_document(agenda: Agenda, board: Board, user_zone: str) -> dict[str, Any]:
    """The shape the interchange contract fixes for `today --json`, with the
    names a script would otherwise look up (company, position, the contact's
    name) and whether each task is late. A due time is written in the user's
    zone, so its date is the day every other view names (`core.due`)."""
    pair = _PairWriter(board)
    now = agenda.now
    # Compared as a plain UTC moment: comparing the due moments with a
    # pendulum one costs ten times more, for the same answer.
    instant = stdlib_moment(now.astimezone(dt.UTC))
    zone = places.zone(user_zone)
    return {
        "now": now.isoformat(),
        "pairs": [pair(verdict) for verdict in agenda.verdicts],
        "tasks": [_task(task, board, instant, zone) for task in agenda.tasks],
    }


def today_json(agenda: Agenda, board: Board, user_zone: str) -> bytes:
    """`today_document` as `jobcockpit today --json` prints it (docs/cli.md):
    indented, keys in the contract's order, a final newline, and the
    characters a terminal would act on escaped (`core.text.terminal_json`).

    One encode of plain values; at 10,000 applications the document is some
    10 MB, so the escaping pass runs only when a byte could need it: every
    character it escapes is DEL or outside ASCII."""
    data = orjson.dumps(today_document(agenda, board, user_zone), option=orjson.OPT_INDENT_2)
    if data.isascii() and b"\x7f" not in data:
        return data + b"\n"
    return terminal_json(data.decode("utf-8") + "\n").encode("utf-8")


class _PairWriter:
    """Writes the pairs of one document. Pairs in one place and day share their
    call windows (the very same tuple) and many share a date, so each is
    written once per document."""

    __slots__ = ("applications", "contacts", "dates", "windows")

    def __init__(self, board: Board) -> None:
        self.applications = board.applications
        self.contacts = board.contacts
        self.windows: dict[tuple[int, str], tuple[tuple[CallWindow, ...], list[Any]]] = {}
        self.dates: dict[dt.date, str] = {}

    def __call__(self, verdict: Verdict) -> dict[str, Any]:
        application = self.applications.get(verdict.application)
        contact = self.contacts.get(verdict.contact)
        nxt = verdict.next
        next_day = None
        if nxt is not None:
            next_day = self.dates.get(nxt)
            if next_day is None:
                next_day = self.dates[nxt] = nxt.isoformat()
        return {
            "application": verdict.application,
            "contact": verdict.contact,
            "company": application.company if application else None,
            "position": application.position if application else None,
            "name": contact.name if contact else None,
            "verdict": verdict.kind.value,
            "rules": verdict.rules,
            "reason": verdict.reason,
            "windows": self.windows_of(verdict) if verdict.windows else _NONE,
            "next": next_day,
        }

    def windows_of(self, verdict: Verdict) -> list[Any]:
        windows = verdict.windows
        key = (id(windows), verdict.zone)
        known = self.windows.get(key)
        if known is None or known[0] is not windows:
            zone = places.zone(verdict.zone)
            written = [
                {
                    "from": w.start.astimezone(zone).isoformat(),
                    "to": w.end.astimezone(zone).isoformat(),
                }
                for w in windows
            ]
            known = self.windows[key] = (windows, written)
        return known[1]


_NONE: list[Any] = []


def _task(task: Task, board: Board, now: dt.datetime, user_zone: ZoneInfo) -> dict[str, Any]:
    application = board.applications.get(task.application)
    contact = board.contacts.get(task.contact) if task.contact else None
    # The due moment in the user's zone, as `core.due.due_day` reads it.
    due = task.due.astimezone(user_zone).isoformat() if task.due is not None else None
    return {
        "kind": task.kind.value,
        "application": task.application,
        "contact": task.contact,
        "company": application.company if application else None,
        "name": contact.name if contact else None,
        "due": due,
        "late": task.late or is_late(task.due, now),
        "text": task.text,
    }


# -- for a person --------------------------------------------------------------

_TASK_WORDS = {
    TaskKind.VERIFY: "verify",
    TaskKind.THANK_YOU: "thank-you",
    TaskKind.COURTESY: "courtesy",
    TaskKind.PREPARE: "prepare",
}


def render_today(agenda: Agenda, board: Board, user_zone: str) -> str:
    """The day's list: calls, e-mails, tasks, waits, then how many are done or
    blocked. Times the user acts on are shown in their zone and the contact's."""
    view = _View(agenda, board, user_zone)
    now = agenda.now.astimezone(view.user_zone)
    lines = [f"Today, {now.strftime('%a %d %b %Y %H:%M')} ({user_zone})", ""]
    if not board.applications:
        lines.append(
            "No applications yet: add one in the cockpit, import a file with "
            "`jobcockpit import FILE`, or look around with `jobcockpit --demo`."
        )
        return "\n".join(lines) + "\n"

    calls = agenda.of_kind(VerdictKind.CALL)
    emails = agenda.of_kind(VerdictKind.EMAIL)
    waits = agenda.of_kind(VerdictKind.WAIT)
    done = agenda.of_kind(VerdictKind.DONE)
    blocked = agenda.of_kind(VerdictKind.BLOCKED)

    lines.append(f"Call today ({len(calls)})")
    if not calls:
        lines.append(f"{INDENT}nobody is safe to call today")
    for verdict in calls:
        lines.extend(view.call(verdict))
    if emails:
        lines += ["", f"E-mail today ({len(emails)})"]
        for verdict in emails:
            lines.extend(view.email(verdict))
    if agenda.tasks:
        lines += ["", f"Tasks ({len(agenda.tasks)})"]
        lines.extend(view.task(task) for task in agenda.tasks)
    if waits:
        lines += ["", f"Waiting ({len(waits)})"]
        for verdict in waits:
            lines.extend(view.wait(verdict))
    lines += ["", f"Done: {len(done)}   Blocked: {len(blocked)}"]
    return "\n".join(lines) + "\n"


class _View:
    """What the lines of one agenda share: the board's names and the user's zone."""

    def __init__(self, agenda: Agenda, board: Board, user_zone: str) -> None:
        self.agenda = agenda
        self.board = board
        self.user_zone = places.zone(user_zone)
        self.user_zone_name = user_zone
        self.user_today = agenda.now.astimezone(self.user_zone).date()

    def headline(self, verdict: Verdict, *, reach: str | None, calls: bool = True) -> str:
        application = self.board.applications.get(verdict.application)
        contact = self.board.contacts.get(verdict.contact)
        company = plain(application.company) if application else verdict.application
        person = plain(contact.name) if contact else verdict.contact
        if contact is not None and contact.role:
            person += f" ({plain(contact.role)})"
        text = f"{INDENT}{company}: {person}"
        if reach:
            text += f", {plain(reach)}"
        marks = [
            mark
            for mark, present in (
                ("OVERDUE", verdict.overdue),
                ("unverified", calls and contact is not None and not contact.verified),
            )
            if present
        ]
        return text + "".join(f"  [{mark}]" for mark in marks)

    def call(self, verdict: Verdict) -> list[str]:
        contact = self.board.contacts.get(verdict.contact)
        lines = [
            self.headline(verdict, reach=contact.phone if contact else None),
            f"{DETAIL}call: {verdict.reason}",
        ]
        lines.extend(f"{DETAIL}{self.window(w, verdict.zone)}" for w in verdict.windows)
        return lines

    def email(self, verdict: Verdict) -> list[str]:
        contact = self.board.contacts.get(verdict.contact)
        return [
            self.headline(verdict, reach=contact.email if contact else None, calls=False),
            f"{DETAIL}e-mail: {verdict.reason}",
        ]

    def wait(self, verdict: Verdict) -> list[str]:
        until = f"until {_day(verdict.next)}" if verdict.next is not None else ""
        return [self.headline(verdict, reach=None), f"{DETAIL}wait {until}: {verdict.reason}"]

    def window(self, window: CallWindow, their_zone: str) -> str:
        """ "14:00-16:00 their time (20:00-22:00 yours)", with the weekday where
        the user's day is another one."""
        zone = places.zone(their_zone)
        theirs = f"{_clock(window.start, zone)}-{_clock(window.end, zone)}"
        yours = f"{self.user_clock(window.start)}-{self.user_clock(window.end)}"
        if theirs == yours:
            text = f"{theirs} their time and yours"
        else:
            text = f"{theirs} their time ({yours} yours)"
        if window.is_open(self.agenda.now):
            text += ", open now"
        return text

    def user_clock(self, moment: dt.datetime) -> str:
        local = moment.astimezone(self.user_zone)
        if local.date() == self.user_today:
            return local.strftime("%H:%M")
        return local.strftime("%a %H:%M")

    def task(self, task: Task) -> str:
        application = self.board.applications.get(task.application)
        company = plain(application.company) if application else task.application
        said = plain(task.text)
        about = said if company in said else f"{company}: {said}"
        text = f"{INDENT}{_TASK_WORDS[task.kind]:<10} {about}"
        if task.due is not None:
            when = due_day(task.due, self.user_zone_name).long()
            late = task.late or is_late(task.due, self.agenda.now)
            text += f" (was due {when})" if late else f" (due {when})"
        return text


def _clock(moment: dt.datetime, zone: ZoneInfo) -> str:
    return moment.astimezone(zone).strftime("%H:%M")


def _day(day: dt.date) -> str:
    return day.strftime("%a %Y-%m-%d")
