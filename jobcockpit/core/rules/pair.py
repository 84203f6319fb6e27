"""One pair being judged: what each of its verdicts shares, how a verdict is
worded, and how the waits and the calendar decide between a call and a wait.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from jobcockpit.core.places import Place
from jobcockpit.core.records import Application, Contact, FollowUp, LogEntry
from jobcockpit.core.rules.clock import ONE_DAY, pendulum_date
from jobcockpit.core.rules.facts import Facts
from jobcockpit.core.rules.windows import CallCalendar
from jobcockpit.core.verdicts import CallWindow, TalkingPoints, Verdict, VerdictKind

# Enum members read through their class cost some 70 ns each (a lookup on
# the class); the rules read them tens of times for every pair.
_FOLLOW_UP_EMAIL = FollowUp.EMAIL
_TALKING_STATUS = TalkingPoints.STATUS
_VERDICT_BLOCKED = VerdictKind.BLOCKED
_VERDICT_CALL = VerdictKind.CALL
_VERDICT_EMAIL = VerdictKind.EMAIL
_VERDICT_WAIT = VerdictKind.WAIT

_WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def short_date(day: dt.date) -> str:
    return f"{_WEEKDAY_NAMES[day.weekday()]} {day.isoformat()}"


@dataclass(slots=True)
class Wait:
    """A date before which the pair must not be contacted, and which rule says so."""

    until: dt.date
    rules: tuple[str, ...]
    reason: str
    ahead: bool = False
    """Holds whatever the day, while what it waits for is still ahead (an
    interview, R19); the verdict changes when it has happened."""


def has_phone(contact: Contact) -> bool:
    return bool(contact.phone and contact.phone.strip())


def has_email(contact: Contact) -> bool:
    return bool(contact.email and contact.email.strip())


@dataclass(slots=True)
class Pair:
    """What every verdict of one pair shares."""

    application: Application
    contact: Contact
    place: Place
    facts: Facts
    local_now: dt.datetime
    today: dt.date
    """The contact's calendar day at `local_now`."""
    tomorrow: dt.datetime
    """When the verdict changes at the latest: midnight at the end of `today`
    in the contact's zone, or before it the moment of a log entry dated later
    than now (the rules count it from then on)."""
    log: Sequence[LogEntry] = ()
    scheduled: LogEntry | None = None
    """The next interview still ahead (R19), from the whole log."""
    by_email: bool = field(init=False)
    """What would be a call is an e-mail: they asked for e-mail only (R2),
    or there is no number to dial (R18)."""
    unreachable: bool = field(init=False)
    """R18: no number to dial and no address to write to."""

    def __post_init__(self) -> None:
        contact = self.contact
        # has_phone and has_email, inline: every pair asks.
        phone = bool(contact.phone and contact.phone.strip())
        self.by_email = not phone or self.application.follow_up is _FOLLOW_UP_EMAIL
        self.unreachable = not phone and not (contact.email and contact.email.strip())

    def application_log_after(self, moment: dt.datetime) -> list[LogEntry]:
        """The application's log (every contact) from `moment` on."""
        return [e for e in self.log if e.at >= moment]

    def verdict(
        self,
        kind: VerdictKind,
        rules: tuple[str, ...],
        reason: str,
        *,
        windows: tuple[CallWindow, ...] = (),
        next_day: dt.date | None = None,
        overdue: bool = False,
        talking: TalkingPoints = _TALKING_STATUS,
        no_more_messages: bool = False,
        changes_at: dt.datetime | None = None,
    ) -> Verdict:
        if self.place.zone_guessed:
            # R13: no zone known or inferable: judged in the user's zone, and said so.
            rules = (*rules, "R13")
            reason = f"{reason} (time zone guessed)"
        if changes_at is None or changes_at > self.tomorrow:
            changes_at = self.tomorrow
        last = self.facts.last_contact or self.facts.cycle_start
        return Verdict(
            application=self.application.id,
            contact=self.contact.id,
            kind=kind,
            rules=tuple(dict.fromkeys(rules)),
            reason=reason,
            windows=windows,
            next=None if next_day is None else pendulum_date(next_day),
            overdue=overdue,
            zone=self.place.zone,
            zone_guessed=self.place.zone_guessed,
            last_contact=last,
            talking_points=talking,
            changes_at=changes_at,
            no_more_messages=no_more_messages,
        )

    def after_waits(
        self,
        calendar: CallCalendar,
        waits: list[Wait],
        *,
        rules: tuple[str, ...],
        reason: str,
        notes: list[str],
        talking: TalkingPoints,
        overdue: bool = False,
        no_more_messages: bool = False,
    ) -> Verdict:
        """Apply the waits, then (for calls) the calendar."""
        today = self.today
        email_only = self.application.follow_up is _FOLLOW_UP_EMAIL
        by_email = self.by_email
        blocking = [w for w in waits if w.until > today or w.ahead]
        if blocking:
            # One pass for the latest wait (the first of the latest, as `max`
            # finds it) and the first one held by something ahead.
            latest = blocking[0]
            lead = None
            for wait in blocking:
                if wait.until > latest.until:
                    latest = wait
                if lead is None and wait.ahead:
                    lead = wait
            until = max(latest.until, today)
            found: list[str] = []
            for wait in blocking:
                if wait.until == latest.until:
                    found.extend(wait.rules)
            wait_rules = tuple(found)
            said = latest.reason
            if lead is not None and lead is not latest:
                said = f"{lead.reason}; {said}"
                wait_rules = (*lead.rules, *wait_rules)
            if by_email:
                next_day = until
                wait_rules = (*wait_rules, "R2" if email_only else "R18")
                then = _by_email_from(self, next_day)
            else:
                next_day, skipped = calendar.first_callable_day(self.contact, self.place, until)
                wait_rules = (*wait_rules, *skipped)
                then = f"call from {short_date(next_day)}"
            return self.verdict(
                _VERDICT_WAIT,
                wait_rules,
                f"{said}; {then}",
                next_day=next_day,
                overdue=False,
                talking=talking,
                no_more_messages=no_more_messages,
            )
        text = "; ".join([f"overdue: {reason}" if overdue else reason, *notes])
        if self.unreachable:
            # R18: no number and no address: nobody to reach until one is found.
            return self.verdict(_VERDICT_BLOCKED, ("R18",), NO_WAY_TO_REACH, talking=talking)
        if email_only:
            # E-mail only: what would be a call is an e-mail; the calendar does not apply.
            return self.verdict(
                _VERDICT_EMAIL,
                (*rules, "R2"),
                f"{text}; they asked for e-mail only",
                overdue=overdue,
                talking=talking,
            )
        if by_email:
            # R18: no number to dial, so what would be a call is an e-mail.
            return self.verdict(
                _VERDICT_EMAIL,
                (*rules, "R18"),
                f"{text}; no phone number, so e-mail",
                overdue=overdue,
                talking=talking,
            )
        plan = calendar.plan(self.contact, self.place, today)
        left, changes_at = calendar.still_open(plan, self.local_now)
        if left:
            return self.verdict(
                _VERDICT_CALL,
                (*rules, *plan.rules),
                text,
                windows=left,
                overdue=overdue,
                talking=talking,
                no_more_messages=no_more_messages,
                changes_at=changes_at,
            )
        next_day, skipped = calendar.first_callable_day(self.contact, self.place, today + ONE_DAY)
        why = plan.why_not if not plan.windows else "no call window left today"
        return self.verdict(
            _VERDICT_WAIT,
            (*rules, *plan.rules, *skipped),
            f"{text}; {why}; call from {short_date(next_day)}",
            next_day=next_day,
            overdue=False,
            talking=talking,
            no_more_messages=no_more_messages,
        )


NO_WAY_TO_REACH = "no phone or e-mail"
"""R18's reason: the card and the sidebar read it as "no way to reach"."""


def _by_email_from(pair: Pair, day: dt.date) -> str:
    """How a wait ends for a pair that is not called: an e-mail from `day`,
    or, with no address either, a number or an address to find (R18)."""
    if pair.unreachable:
        return f"from {short_date(day)}: {NO_WAY_TO_REACH}, find a number or an address"
    if pair.application.follow_up is _FOLLOW_UP_EMAIL:
        return f"e-mail from {short_date(day)}"
    return f"e-mail from {short_date(day)} (no phone number)"
