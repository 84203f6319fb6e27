"""Proof of applications: what a job centre asks to see for a stretch of time.

A job centre (or an unemployment office, or a benefits adviser) wants, for a
period, every application sent and every step taken after it: when, to whom,
how, and what came of it. The CSV is one row per step, for a spreadsheet or a
form to paste into; the Markdown is a document a person reads or prints, with
one section per application. Both are built from the same `Proof`, so they
never disagree.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from jobcockpit.core.board import Board
from jobcockpit.core.due import due_day
from jobcockpit.core.records import Application, Contact, LogEntry, LogKind, Stage
from jobcockpit.core.text import is_shown
from jobcockpit.formats.table import write_table

APPLIED = "application sent"
ACTIVITIES = {
    LogKind.CONNECTED: "phone call",
    LogKind.VOICEMAIL: "phone call, left a voicemail",
    LogKind.NO_ANSWER: "phone call, no answer",
    LogKind.EMAIL: "e-mail",
    LogKind.THANK_YOU: "thank-you note",
    LogKind.REPLY: "reply from the employer",
    LogKind.INTERVIEW: "interview",
}
"""Each kind of log entry in the words a job centre reads."""

CSV_COLUMNS = (
    "date",
    "time",
    "activity",
    "company",
    "position",
    "contact",
    "contact_role",
    "phone",
    "email",
    "note",
    "applied_on",
    "stage",
    "outcome",
    "posting_url",
    "application",
)
"""One row per step: the application sent, then each call, e-mail, interview..."""


@dataclass(frozen=True, slots=True)
class Step:
    """One thing done for an application, on a day in the user's calendar."""

    day: dt.date
    time: dt.time | None
    activity: str
    contacts: tuple[Contact, ...]
    note: str = ""


@dataclass(frozen=True, slots=True)
class ProvenApplication:
    """An application and its steps within the period, oldest first."""

    application: Application
    contacts: tuple[Contact, ...]
    steps: tuple[Step, ...]

    @property
    def follow_ups(self) -> int:
        return sum(1 for s in self.steps if s.activity != APPLIED)


@dataclass(frozen=True, slots=True)
class Proof:
    """Every application with a step in the period, by the day it was sent."""

    start: dt.date | None
    end: dt.date | None
    zone: str
    applications: tuple[ProvenApplication, ...]

    @property
    def sent(self) -> int:
        """Applications sent within the period."""
        return sum(1 for a in self.applications if any(s.activity == APPLIED for s in a.steps))

    @property
    def follow_ups(self) -> int:
        return sum(a.follow_ups for a in self.applications)

    @property
    def steps(self) -> int:
        """Every step in the period, the sending included: what the summary
        table's "steps in period" column adds up to."""
        return sum(len(a.steps) for a in self.applications)

    @property
    def period(self) -> str:
        if self.start and self.end:
            return f"{self.start.isoformat()} to {self.end.isoformat()}"
        if self.start:
            return f"from {self.start.isoformat()}"
        if self.end:
            return f"up to {self.end.isoformat()}"
        return "all dates"


def build_proof(
    board: Board,
    zone: str,
    start: dt.date | None = None,
    end: dt.date | None = None,
    now: dt.datetime | None = None,
) -> Proof:
    """The applications sent in the period and those followed up in it (a call
    in November about an application from October is proof of November's
    effort). Days are counted in `zone`, the user's own; an interview is
    dated by its start when the log knows it, as the cockpit shows it, and one
    still ahead of `now` is marked scheduled (R19)."""

    def within(day: dt.date) -> bool:
        return (start is None or day >= start) and (end is None or day <= end)

    proven: list[ProvenApplication] = []
    for application in board:
        contacts = tuple(board.contacts_of(application))
        steps: list[Step] = []
        applied = dt.date(
            application.applied_on.year, application.applied_on.month, application.applied_on.day
        )
        if within(applied):
            steps.append(Step(applied, None, APPLIED, contacts))
        for entry in board.log_of(application.id):
            moment = entry.starts_at or entry.at
            local = due_day(moment, zone).moment
            if within(local.date()):
                ahead = now is not None and entry.at > now
                steps.append(_step(entry, local, board, ahead=ahead))
        if steps:
            proven.append(ProvenApplication(application, contacts, tuple(steps)))
    proven.sort(
        key=lambda p: (p.application.applied_on, p.application.company.casefold(), p.application.id)
    )
    return Proof(start, end, zone, tuple(proven))


def _step(entry: LogEntry, local: dt.datetime, board: Board, *, ahead: bool) -> Step:
    contact = board.contacts.get(entry.contact) if entry.contact else None
    return Step(
        day=local.date(),
        time=local.time().replace(second=0, microsecond=0, tzinfo=None),
        activity=ACTIVITIES[entry.kind] + (" (scheduled)" if ahead else ""),
        contacts=(contact,) if contact else (),
        note=entry.note,
    )


def stage_text(application: Application) -> str:
    if application.stage is Stage.DECIDED and application.outcome is not None:
        return f"decided ({application.outcome.value})"
    return application.stage.value


# -- CSV -----------------------------------------------------------------------


def proof_csv(proof: Proof, *, raw: bool = False) -> str:
    """One row per step, by date and time; a step's contacts' details joined by "; "."""
    rows: list[tuple[tuple[dt.date, dt.time, bool, str], list[str]]] = []
    for proven in proof.applications:
        application = proven.application
        for step in proven.steps:
            people = step.contacts
            row = [
                step.day.isoformat(),
                step.time.strftime("%H:%M") if step.time else "",
                step.activity,
                application.company,
                application.position,
                "; ".join(c.name for c in people),
                "; ".join(c.role for c in people if c.role),
                "; ".join(c.phone for c in people if c.phone),
                "; ".join(c.email for c in people if c.email),
                step.note,
                application.applied_on.isoformat(),
                application.stage.value,
                application.outcome.value if application.outcome else "",
                application.posting_url or "",
                application.id,
            ]
            order = (step.day, step.time or dt.time.min, step.activity != APPLIED, application.id)
            rows.append((order, row))
    rows.sort(key=lambda r: r[0])
    return write_table(CSV_COLUMNS, (row for _, row in rows), raw=raw)


# -- Markdown ------------------------------------------------------------------

_MARKUP = re.compile(r"([\\`*_\[\]<>|#~])")


def _literal(text: str | None) -> str:
    """User text shown as typed in Markdown: one line, no control characters,
    and every character Markdown would act on escaped."""
    if not text:
        return ""
    flat = " ".join(text.split())
    kept = "".join(c for c in flat if is_shown(c))
    return _MARKUP.sub(r"\\\1", kept)


def _person(contact: Contact) -> str:
    parts = [_literal(contact.name)]
    if contact.role:
        parts[0] += f" ({_literal(contact.role)})"
    parts.extend(_literal(x) for x in (contact.phone, contact.email) if x)
    return ", ".join(parts)


def proof_markdown(proof: Proof) -> str:
    """A summary table of the applications, then each one with its steps."""
    lines = [
        f"# Applications and follow-ups: {proof.period}",
        "",
        f"{_count(proof.steps, 'step')} in this period: "
        f"{_count(proof.sent, 'application')} sent and "
        f"{_count(proof.follow_ups, 'further step')} (calls, e-mails, interviews, replies), "
        f"for {_count(len(proof.applications), 'application')} in all. "
        f"Times are in {proof.zone}.",
        "",
    ]
    if not proof.applications:
        lines.append("Nothing was applied for or followed up in this period.")
        return "\n".join(lines) + "\n"
    lines += [
        "| # | applied | company | position | stage | steps in period |",
        "|---:|---|---|---|---|---:|",
    ]
    for number, proven in enumerate(proof.applications, start=1):
        application = proven.application
        lines.append(
            f"| {number} | {application.applied_on.isoformat()} | "
            f"{_literal(application.company)} | {_literal(application.position)} | "
            f"{stage_text(application)} | {len(proven.steps)} |"
        )
    for number, proven in enumerate(proof.applications, start=1):
        lines += ["", *_section(number, proven)]
    return "\n".join(lines) + "\n"


def _section(number: int, proven: ProvenApplication) -> list[str]:
    application = proven.application
    title = _literal(application.company)
    if application.position:
        title += f": {_literal(application.position)}"
    lines = [
        f"## {number}. {title}",
        "",
        f"- Applied: {application.applied_on.isoformat()}",
        f"- Stage: {stage_text(application)}",
    ]
    if proven.contacts:
        people = "; ".join(_person(c) for c in proven.contacts)
        lines.append(f"- Contacts: {people}")
    if application.posting_url:
        lines.append(f"- Posting: {_literal(application.posting_url)}")
    lines += ["", "| date | time | what | with | note |", "|---|---|---|---|---|"]
    for step in proven.steps:
        who = "; ".join(_literal(c.name) for c in step.contacts)
        when = step.time.strftime("%H:%M") if step.time else ""
        lines.append(
            f"| {step.day.isoformat()} | {when} | {step.activity} | {who} | {_literal(step.note)} |"
        )
    return lines


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
