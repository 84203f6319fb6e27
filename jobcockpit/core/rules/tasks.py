"""The tasks beside the verdicts: verify a contact, a thank-you note after an
interview, a courtesy thank-you after a decision, getting ready for an
interview ahead.

Tasks never block a call; each is due at a moment (or at none), and is listed
by when it is due (docs/rules.md, "The answers").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Protocol

import pendulum

from jobcockpit.core import places
from jobcockpit.core.due import interview_start
from jobcockpit.core.places import BusinessCalendar, Place
from jobcockpit.core.records import (
    Application,
    Contact,
    FollowUp,
    LogEntry,
    LogKind,
    Outcome,
    Stage,
)
from jobcockpit.core.rules.facts import (
    courtesy_deadline,
    latest,
    scheduled_interview,
    stage_start,
    uses_courtesy,
)
from jobcockpit.core.rules.pair import has_email, has_phone
from jobcockpit.core.settings import Settings
from jobcockpit.core.verdicts import Task, TaskKind, Verdict, VerdictKind

# Enum members read through their class cost some 70 ns each (a lookup on
# the class); the rules read them tens of times for every pair.
_FOLLOW_UP_EMAIL = FollowUp.EMAIL
_FOLLOW_UP_NONE = FollowUp.NONE
_LOG_INTERVIEW = LogKind.INTERVIEW
_LOG_THANK_YOU = LogKind.THANK_YOU
_OUTCOME_FILLED = Outcome.FILLED
_OUTCOME_REJECTED = Outcome.REJECTED
_OUTCOME_WITHDRAWN = Outcome.WITHDRAWN
_STAGE_DECIDED = Stage.DECIDED
_TASK_COURTESY = TaskKind.COURTESY
_TASK_PREPARE = TaskKind.PREPARE
_TASK_THANK_YOU = TaskKind.THANK_YOU
_TASK_VERIFY = TaskKind.VERIFY
_VERDICT_BLOCKED = VerdictKind.BLOCKED
_VERDICT_CALL = VerdictKind.CALL
_VERDICT_WAIT = VerdictKind.WAIT


class Judging(Protocol):
    """What the tasks read of the judge at work (`judge.Judge`), named here so
    that the judge may hand its tasks to this module without a cycle."""

    settings: Settings
    now: pendulum.DateTime
    utc_now: dt.datetime
    user_zone: str

    def past(self, log: Sequence[LogEntry]) -> Sequence[LogEntry]: ...

    def place(self, contact: Contact) -> Place: ...


def tasks_for(
    judge: Judging,
    application: Application,
    contacts: Sequence[Contact],
    log: Sequence[LogEntry],
    verdicts: Iterable[Verdict],
) -> list[Task]:
    """The tasks of one application at the judge's moment; `verdicts` are its
    pairs', since a contact is only verified for a call or a wait to come."""
    settings = judge.settings
    tasks: list[Task] = []
    past = judge.past(log)
    follow_up = application.follow_up
    if follow_up is not _FOLLOW_UP_NONE:
        by_id: dict[str, Contact] = {}
        for person in contacts:
            by_id.setdefault(person.id, person)
        for verdict in verdicts:
            contact = by_id.get(verdict.contact)
            if contact is None:
                continue
            phone = has_phone(contact)
            if not phone and not has_email(contact):
                if verdict.kind in (_VERDICT_WAIT, _VERDICT_BLOCKED):
                    # R18: no way to reach them yet; never for a "no contact"
                    # posting (blocked governs calls, docs/rules.md).
                    tasks.append(
                        Task(
                            _TASK_VERIFY,
                            application.id,
                            contact.id,
                            None,
                            f"{contact.name}: find a number or an address",
                            rules=("R18",),
                        )
                    )
                continue
            if follow_up is _FOLLOW_UP_EMAIL or not phone:
                continue
            if verdict.kind not in (_VERDICT_CALL, _VERDICT_WAIT):
                continue
            if not contact.verified or contact.best_time is None:
                # R1: check the number and ask when is best to call; never blocks.
                missing = []
                if not contact.verified:
                    missing.append("check the number")
                if contact.best_time is None:
                    missing.append("ask when is best to call")
                tasks.append(
                    Task(
                        _TASK_VERIFY,
                        application.id,
                        contact.id,
                        None,
                        f"{contact.name}: {'; '.join(missing)}",
                        rules=("R1",),
                    )
                )
    first_contact = contacts[0] if contacts else None
    user_zone = places.zone(judge.user_zone)
    # Blocked governs calls and status e-mails, not gratitude: a "no contact"
    # or "e-mail only" posting keeps its thank-you and courtesy notes, by e-mail.
    by_email = ", by e-mail" if application.follow_up in _WRITTEN else ""
    scheduled = scheduled_interview(log, judge.utc_now) if len(past) < len(log) else None
    if scheduled is not None and judge.utc_now <= interview_start(scheduled):
        # R19: get ready for an interview ahead, by its start.
        who = next((c for c in contacts if c.id == scheduled.contact), first_contact)
        with_whom = f" with {who.name}" if who else ""
        tasks.append(
            Task(
                _TASK_PREPARE,
                application.id,
                who.id if who else None,
                interview_start(scheduled),
                f"prepare for the interview at {application.company}{with_whom}: "
                "read the application's notes and the talking points for after "
                "the interview (R6)",
                rules=("R19",),
            )
        )
    if application.stage is not _STAGE_DECIDED:
        interview = latest(past, _LOG_INTERVIEW)
        if interview is not None and not any(
            e.kind is _LOG_THANK_YOU and e.at >= interview.at for e in past
        ):
            # R5: a thank-you note within 24 hours of the interview; late once past.
            due = interview.at + dt.timedelta(hours=settings.thank_you_hours)
            who = next((c for c in contacts if c.id == interview.contact), first_contact)
            late = judge.utc_now > due
            tasks.append(
                Task(
                    _TASK_THANK_YOU,
                    application.id,
                    who.id if who else None,
                    due,
                    f"thank-you note to {who.name if who else application.company} "
                    f"for the interview{by_email}",
                    late=late,
                    rules=("R5",),
                )
            )
    elif application.outcome in (_OUTCOME_REJECTED, _OUTCOME_FILLED, _OUTCOME_WITHDRAWN):
        # One courtesy thank-you after a rejection, a filled position or a withdrawal.
        place = judge.place(first_contact) if first_contact else None
        zone = places.zone(place.zone) if place else user_zone
        calendar = place.calendar if place else BusinessCalendar(None, None)
        decided_at = stage_start(application, past, zone)
        last_moment = courtesy_deadline(calendar, decided_at, zone, settings)
        done = any(uses_courtesy(e) for e in past if e.at >= decided_at)
        if not done and judge.utc_now <= last_moment:
            tasks.append(
                Task(
                    _TASK_COURTESY,
                    application.id,
                    first_contact.id if first_contact else None,
                    last_moment,
                    f"courtesy thank-you to {application.company}{by_email}: "
                    "you would welcome future openings",
                    rules=("R17",) if application.outcome is _OUTCOME_WITHDRAWN else ("R15",),
                )
            )
    return tasks


_WRITTEN = (_FOLLOW_UP_EMAIL, _FOLLOW_UP_NONE)
