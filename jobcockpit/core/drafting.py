"""Which draft a follow-up asks for, and to whom: the thank-you or courtesy
note when the rules have that task due, else the follow-up e-mail in the words
of where the application stands, addressed to the contact the task or the
verdict names. `jobcockpit draft` and the cockpit's draft keys both ask here,
so they hand over the same message.
"""

from __future__ import annotations

import datetime as dt

import pendulum

from jobcockpit.core.board import Board
from jobcockpit.core.drafts import Draft, DraftKind, build_draft
from jobcockpit.core.records import Application, Contact, LogKind
from jobcockpit.core.rules import agenda
from jobcockpit.core.settings import Settings
from jobcockpit.core.verdicts import Agenda, TalkingPoints, TaskKind, VerdictKind

_TASK_KINDS = {TaskKind.THANK_YOU: DraftKind.THANK_YOU, TaskKind.COURTESY: DraftKind.COURTESY}


class UnknownContactError(ValueError):
    """The contact asked for is not one of the application's."""


def draft_for(
    board: Board,
    settings: Settings,
    now: pendulum.DateTime,
    application: Application,
    kind: DraftKind | None = None,
    contact_name: str | None = None,
) -> Draft:
    """The draft of the follow-up `application` asks for at `now` (or of
    `kind`), to the contact named (by id or name) or the one the rules name.
    Raises `UnknownContactError` for a contact the application does not have."""
    day = agenda(board, settings, now)
    chosen = kind or _kind_due(day, application)
    contact = _contact(board, application, contact_name, day, chosen)
    return build_draft(
        chosen,
        application,
        contact,
        settings.templates,
        my_name=settings.user_name or "",
        my_phone=settings.user_phone or "",
        interview_on=_last_interview(board, application, now, settings.zone),
        points=_points(day, application, contact),
    )


def _kind_due(day: Agenda, application: Application) -> DraftKind:
    for task in day.tasks:
        if task.application == application.id and task.kind in _TASK_KINDS:
            return _TASK_KINDS[task.kind]
    return DraftKind.EMAIL


def _contact(
    board: Board, application: Application, wanted: str | None, day: Agenda, kind: DraftKind
) -> Contact | None:
    """The contact named, else the one the task or the verdict names, else the
    application's first with an e-mail address, else its first."""
    people = board.contacts_of(application)
    if wanted is not None:
        folded = wanted.casefold().strip()
        found = [c for c in people if c.id == wanted or folded in c.name.casefold()]
        if not found:
            names = ", ".join(f"{c.id} {c.name}" for c in people) or "none"
            raise UnknownContactError(
                f"{application.company} has no contact {wanted!r} (its contacts: {names})"
            )
        return found[0]
    ids: list[str] = [
        t.contact
        for t in day.tasks
        if t.application == application.id and _TASK_KINDS.get(t.kind) is kind and t.contact
    ]
    ids += [
        v.contact
        for v in day.verdicts
        if v.application == application.id and v.kind in (VerdictKind.EMAIL, VerdictKind.CALL)
    ]
    for ident in ids:
        contact = board.contacts.get(ident)
        if contact is not None:
            return contact
    with_email = [c for c in people if c.email]
    chosen = with_email or people
    return chosen[0] if chosen else None


def _points(day: Agenda, application: Application, contact: Contact | None) -> TalkingPoints | None:
    for verdict in day.verdicts:
        if verdict.application == application.id and (
            contact is None or verdict.contact == contact.id
        ):
            return verdict.talking_points
    return None


def _last_interview(
    board: Board, application: Application, now: dt.datetime, zone: str
) -> pendulum.Date | None:
    past = [
        e.at for e in board.log_of(application.id) if e.kind is LogKind.INTERVIEW and e.at <= now
    ]
    if not past:
        return None
    day = pendulum.instance(max(past)).in_timezone(zone).date()
    return pendulum.date(day.year, day.month, day.day)
