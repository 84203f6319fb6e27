"""The follow-up rules R1 to R17 of the product's domain contract.

Pure functions of (records, settings, now): nothing here reads the clock, so
`jobcockpit today --now` and every test judge any moment they like. Every
clock and calendar question is asked in the contact's own zone.

The rule ids below are the ones of `shared/spec/follow-up-rules.md`; each rule
is implemented once, where its id appears.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import pendulum

from jobcockpit.domain.board import Board
from jobcockpit.domain.models import (
    Application,
    Contact,
    FollowUp,
    LogEntry,
    LogKind,
    Outcome,
    Stage,
)
from jobcockpit.domain.places import BusinessCalendar, Place, place_of, weekday_of
from jobcockpit.domain.settings import Settings
from jobcockpit.domain.verdicts import (
    Agenda,
    CallWindow,
    TalkingPoints,
    Task,
    TaskKind,
    Verdict,
    VerdictKind,
)

ONE_DAY = dt.timedelta(days=1)
SEARCH_DAYS = 400
"""How far ahead to look for a callable day before giving up (a best time
naming only days that are all holidays, say)."""

_ZONES: dict[str, ZoneInfo] = {}


def _zone(name: str) -> ZoneInfo:
    zone = _ZONES.get(name)
    if zone is None:
        zone = _ZONES[name] = ZoneInfo(name)
    return zone


def _days(count: int) -> str:
    return "1 day" if count == 1 else f"{count} days"


def _ago(day: dt.date, today: dt.date) -> str:
    """'today', 'yesterday' or 'N days ago', in calendar days as a person counts."""
    age = (today - day).days
    if age <= 0:
        return "today"
    return "yesterday" if age == 1 else f"{age} days ago"


_WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _short_date(day: dt.date) -> str:
    return f"{_WEEKDAY_NAMES[day.weekday()]} {day.isoformat()}"


# -- the calendar: R10 to R12 --------------------------------------------------


@dataclass(slots=True)
class _DayPlan:
    """Whether and when a contact can be called on one day of their calendar."""

    day: dt.date
    zone: str
    local: list[tuple[dt.time, dt.time]]
    """The windows in the contact's wall-clock time."""
    rules: tuple[str, ...]
    why_not: str
    _windows: list[tuple[dt.datetime, dt.datetime]] | None = None

    @property
    def windows(self) -> list[tuple[dt.datetime, dt.datetime]]:
        """The windows as instants, made only for the days that need them."""
        if self._windows is None:
            self._windows = [
                (_at(self.day, a, self.zone), _at(self.day, b, self.zone)) for a, b in self.local
            ]
        return self._windows

    def has_window(self, minutes: int) -> bool:
        return any(_minutes(b) - _minutes(a) >= minutes for a, b in self.local)


def _minutes(clock: dt.time) -> int:
    return clock.hour * 60 + clock.minute


class _Calendar:
    """Call windows per (place, best time, day), computed once per judging run."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._plans: dict[tuple[object, ...], _DayPlan] = {}
        self._callable: dict[tuple[object, ...], tuple[dt.date, tuple[str, ...]]] = {}

    def plan(self, contact: Contact, place: Place, day: dt.date) -> _DayPlan:
        key = (place.zone, place.country, place.subdivision, contact.best_time, day)
        plan = self._plans.get(key)
        if plan is None:
            plan = self._plans[key] = self._make_plan(contact, place, day)
        return plan

    def _make_plan(self, contact: Contact, place: Place, day: dt.date) -> _DayPlan:
        settings = self.settings
        holiday = place.calendar.holiday(day)
        if holiday is not None:
            # R12: no call on a public holiday, best time or not.
            return _DayPlan(day, place.zone, [], ("R12",), f"public holiday there ({holiday})")
        best = contact.best_time
        local: list[tuple[dt.time, dt.time]]
        if best is not None:
            # R10 + R11: a recorded best time replaces the default windows, and
            # only its own days (weekends included when it names them) count.
            if weekday_of(day) not in best.days:
                return _DayPlan(
                    day,
                    place.zone,
                    [],
                    ("R10", "R11"),
                    f"not one of their best days ({best.describe()})",
                )
            local = [(best.start, best.end)]
            rules: tuple[str, ...] = ("R10",)
        else:
            if day.isoweekday() > 5:
                # R11: no weekends.
                return _DayPlan(day, place.zone, [], ("R11",), "weekend")
            local = list(settings.call_windows)
            rules = ("R10",)
            if day.isoweekday() == 1:
                # R11: no Monday mornings.
                cut = settings.monday_starts_at
                local = [(max(a, cut), b) for a, b in local if b > cut]
                rules = ("R10", "R11")
            elif day.isoweekday() == 5:
                # R11: no Friday afternoons.
                cut = settings.friday_ends_at
                local = [(a, min(b, cut)) for a, b in local if a < cut]
                rules = ("R10", "R11")
        return _DayPlan(day, place.zone, local, rules, "no call windows that day")

    def windows_left(
        self, contact: Contact, place: Place, day: dt.date, now: dt.datetime
    ) -> list[tuple[dt.datetime, dt.datetime]]:
        """Today's windows with enough time left in them to place a call (R10)."""
        needed = dt.timedelta(minutes=self.settings.min_window_minutes)
        return [
            (a, b) for a, b in self.plan(contact, place, day).windows if b - max(a, now) >= needed
        ]

    def first_callable_day(
        self, contact: Contact, place: Place, day: dt.date
    ) -> tuple[dt.date, tuple[str, ...]]:
        """The first day from `day` on that has a call window, and the rules of the
        days skipped on the way (weekends R11, holidays R12)."""
        key = (place.zone, place.country, place.subdivision, contact.best_time, day)
        known = self._callable.get(key)
        if known is None:
            known = self._callable[key] = self._first_callable_day(contact, place, day)
        return known

    def _first_callable_day(
        self, contact: Contact, place: Place, day: dt.date
    ) -> tuple[dt.date, tuple[str, ...]]:
        needed = self.settings.min_window_minutes
        current = day
        skipped: list[str] = []
        for _ in range(SEARCH_DAYS):
            plan = self.plan(contact, place, current)
            if plan.has_window(needed):
                return current, tuple(dict.fromkeys(skipped))
            skipped.extend(r for r in plan.rules if r != "R10")
            current += ONE_DAY
        return day, ()


def _at(day: dt.date, clock: dt.time, zone: str) -> dt.datetime:
    """A wall-clock time on a day in a zone; a time skipped by a DST change moves
    forward to the first real instant (pendulum's rule)."""
    return _plain(
        pendulum.datetime(day.year, day.month, day.day, clock.hour, clock.minute, tz=zone)
    )


# -- what the log says about one pair ------------------------------------------


@dataclass(slots=True)
class _Facts:
    """The log of one application, read for one of its contacts."""

    zone: ZoneInfo
    stage_start: dt.datetime
    cycle_start: dt.datetime
    cycle_from_reply: bool
    follow_ups: list[LogEntry] = field(default_factory=list)
    voicemails: list[LogEntry] = field(default_factory=list)
    dials_today: int = 0
    last_contact: dt.datetime | None = None
    decision_date: dt.date | None = None

    def local_day(self, moment: dt.datetime) -> dt.date:
        return dt.datetime.fromtimestamp(moment.timestamp(), self.zone).date()


def _plain_date(day: dt.date) -> dt.date:
    """A stdlib date: pendulum's own arithmetic is many times slower, and the rules
    do a great deal of it."""
    return dt.date(day.year, day.month, day.day)


def _plain(moment: dt.datetime) -> dt.datetime:
    return dt.datetime(
        moment.year,
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
        moment.second,
        moment.microsecond,
        tzinfo=moment.tzinfo,
        fold=moment.fold,
    )


def _midnight(day: dt.date, zone: ZoneInfo) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=zone)


def _moment(value: dt.date | None, zone: ZoneInfo) -> dt.datetime | None:
    """A stored moment as an instant: a date alone is midnight in the contact's zone."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value
    return _midnight(value, zone)


def _latest(log: Sequence[LogEntry], kind: LogKind) -> LogEntry | None:
    for entry in reversed(log):
        if entry.kind is kind:
            return entry
    return None


def stage_start(application: Application, log: Sequence[LogEntry], zone: ZoneInfo) -> dt.datetime:
    """When the application entered its stage (interchange: `stage_since`).

    Absent, it is `applied_on` for applied, the latest interview for interviewed,
    and the decision's moment for decided: the latest reply, else the latest log
    entry, else `applied_on`.
    """
    given = _moment(application.stage_since, zone)
    if given is not None:
        return given
    applied = _midnight(application.applied_on, zone)
    if application.stage is Stage.APPLIED:
        return applied
    if application.stage is Stage.INTERVIEWED:
        interview = _latest(log, LogKind.INTERVIEW)
        if interview is not None:
            return interview.at
    else:
        reply = _latest(log, LogKind.REPLY)
        if reply is not None:
            return reply.at
    return log[-1].at if log else applied


def _read_log(
    application: Application,
    contact: Contact,
    log: Sequence[LogEntry],
    zone: ZoneInfo,
    today_starts: dt.datetime,
) -> _Facts:
    start = stage_start(application, log, zone)
    cycle_start = start
    from_reply = False
    decision_date: dt.date | None = application.decision_expected_on
    if decision_date is not None:
        decision_date = _plain_date(decision_date)
    for entry in log:
        if entry.kind is LogKind.REPLY and entry.at > cycle_start:
            # R14: an employer reply starts a new cycle of the stage.
            cycle_start = entry.at
            from_reply = True
        if entry.decision_expected_on is not None:
            decision_date = _plain_date(entry.decision_expected_on)
    facts = _Facts(
        zone=zone,
        stage_start=start,
        cycle_start=cycle_start,
        cycle_from_reply=from_reply,
        decision_date=decision_date,
    )
    for entry in log:
        if entry.contact is not None and entry.contact != contact.id:
            continue
        if entry.kind is not LogKind.NO_ANSWER:
            facts.last_contact = entry.at
        if entry.at < cycle_start:
            continue
        kind = entry.kind
        if kind in _FOLLOW_UPS:
            facts.follow_ups.append(entry)
        elif kind is LogKind.VOICEMAIL:
            facts.voicemails.append(entry)
        if kind in _CALLS and entry.at >= today_starts:
            facts.dials_today += 1
    return facts


_FOLLOW_UPS = frozenset(kind for kind in LogKind if kind.is_follow_up)
_CALLS = frozenset(kind for kind in LogKind if kind.is_call)


# -- judging -------------------------------------------------------------------


@dataclass(slots=True)
class _Wait:
    """A date before which the pair must not be contacted, and which rule says so."""

    until: dt.date
    rules: tuple[str, ...]
    reason: str


class Judge:
    """Judges pairs at one moment; caches what every pair in a place shares."""

    def __init__(self, settings: Settings, now: pendulum.DateTime) -> None:
        self.settings = settings
        self.now = now
        self.user_zone = settings.zone
        self.calendar = _Calendar(settings)
        self._local_now: dict[str, dt.datetime] = {}
        self._places: dict[str, tuple[Contact, Place]] = {}

    def place(self, contact: Contact) -> Place:
        cached = self._places.get(contact.id)
        if cached is not None and cached[0] is contact:
            return cached[1]
        place = place_of(contact, self.user_zone)
        self._places[contact.id] = (contact, place)
        return place

    def local_now(self, zone: str) -> dt.datetime:
        local = self._local_now.get(zone)
        if local is None:
            local = self._local_now[zone] = _plain(self.now.astimezone(_zone(zone)))
        return local

    def past(self, log: Sequence[LogEntry]) -> Sequence[LogEntry]:
        """The log up to now: entries later than now are ignored."""
        if not log or log[-1].at <= self.now:
            return log
        return [e for e in log if e.at <= self.now]

    def pair(self, application: Application, contact: Contact, log: Sequence[LogEntry]) -> Verdict:
        """The verdict for one application and one of its contacts."""
        place = self.place(contact)
        zone = _zone(place.zone)
        local_now = self.local_now(place.zone)
        today = local_now.date()
        past = self.past(log)
        facts = _read_log(application, contact, past, zone, _midnight(today, zone))
        return self._decide(_Base(application, contact, place, facts, local_now, past))

    # The precedence of the spec: blocked, then done, then the waits, then the calendar.
    def _decide(self, base: _Base) -> Verdict:
        application = base.application
        if application.follow_up is FollowUp.NONE:
            # R2: the posting or employer asked for no contact at all.
            return base.verdict(VerdictKind.BLOCKED, ("R2",), "the posting asked for no contact")
        if application.stage is Stage.DECIDED:
            return self._decided(base)
        return self._open(base)

    def _open(self, base: _Base) -> Verdict:
        """Stages applied and interviewed: R3 to R9, R14."""
        settings = self.settings
        facts = base.facts
        today = base.today
        cal = base.place.calendar
        start_day = facts.local_day(facts.cycle_start)
        cycle_rules: tuple[str, ...] = ("R14",) if facts.cycle_from_reply else ()
        since = "they replied" if facts.cycle_from_reply else None

        # R7: after enough follow-ups in a cycle the ball is in their court.
        if len(facts.follow_ups) >= settings.max_follow_ups:
            return base.verdict(
                VerdictKind.DONE,
                ("R7", *cycle_rules),
                f"{len(facts.follow_ups)} follow-ups since "
                f"{since or 'this stage began'}: the ball is in their court",
            )

        waits: list[_Wait] = []
        overdue = False
        untouched = not facts.follow_ups and not facts.voicemails
        if base.application.stage is Stage.APPLIED:
            # R3: a week after applying, then call; overdue from the day after 14 days.
            ready = start_day + dt.timedelta(days=settings.applied_wait_days)
            overdue_from = start_day + dt.timedelta(days=settings.applied_overdue_days + 1)
            overdue = untouched and today >= overdue_from
            stage_rule = ("R3", *cycle_rules)
            stage_reason = f"{since or 'applied'} {_ago(start_day, today)}"
            waits.append(
                _Wait(
                    ready,
                    stage_rule,
                    f"{stage_reason}; wait {_days(settings.applied_wait_days)} before calling",
                )
            )
            talking = TalkingPoints.STATUS
        else:
            # R6: 3 business days after the interview, then call; overdue after 5.
            ready = cal.add_business_days(start_day, settings.interviewed_wait_business_days)
            overdue_after = cal.add_business_days(
                start_day, settings.interviewed_overdue_business_days
            )
            overdue = untouched and today > overdue_after
            stage_rule = ("R6", *cycle_rules)
            stage_reason = f"{since or 'interviewed'} {_ago(start_day, today)}"
            waits.append(
                _Wait(
                    ready,
                    stage_rule,
                    f"{stage_reason}; wait {settings.interviewed_wait_business_days} "
                    "business days after it",
                )
            )
            talking = TalkingPoints.AFTER_INTERVIEW

        if facts.decision_date is not None:
            # R4: they named a decision or call-back date: wait until a business day after it.
            after = cal.add_business_days(
                facts.decision_date, settings.decision_grace_business_days
            )
            if after > ready:
                waits.append(
                    _Wait(
                        after,
                        ("R4",),
                        f"they expect to decide by {_short_date(facts.decision_date)}",
                    )
                )
        if facts.follow_ups:
            # R7: a week between follow-ups.
            last = facts.follow_ups[-1]
            waits.append(
                _Wait(
                    facts.local_day(last.at) + dt.timedelta(days=settings.follow_up_wait_days),
                    ("R7",),
                    f"followed up by {'e-mail' if last.kind is LogKind.EMAIL else 'phone'} "
                    f"on {_short_date(facts.local_day(last.at))}",
                )
            )
        no_more_messages = False
        if facts.voicemails:
            # R8: a week after a voicemail; at most one voicemail a cycle.
            last = facts.voicemails[-1]
            waits.append(
                _Wait(
                    facts.local_day(last.at) + dt.timedelta(days=settings.voicemail_wait_days),
                    ("R8",),
                    f"left a voicemail on {_short_date(facts.local_day(last.at))}",
                )
            )
            no_more_messages = len(facts.voicemails) >= settings.max_voicemails
        if facts.dials_today >= settings.max_dials_per_day:
            # R9: one dial a day; try again the next business day.
            waits.append(
                _Wait(
                    cal.add_business_days(today, 1),
                    ("R9",),
                    "already dialled today with no answer",
                )
            )

        notes: list[str] = []
        rules: list[str] = list(stage_rule)
        if facts.follow_ups:
            rules.append("R7")
            notes.append(f"{len(facts.follow_ups)} of {settings.max_follow_ups} follow-ups used")
        if no_more_messages:
            rules.append("R8")
            notes.append("do not leave another message")
        return base.after_waits(
            self.calendar,
            waits,
            rules=tuple(rules),
            reason=stage_reason,
            notes=notes,
            overdue=overdue,
            talking=talking,
            no_more_messages=no_more_messages,
        )

    def _decided(self, base: _Base) -> Verdict:
        """Stage decided: R15 to R17."""
        settings = self.settings
        application = base.application
        outcome = application.outcome
        talking = TalkingPoints.AFTER_DECISION
        if outcome is None:
            return base.verdict(
                VerdictKind.DONE, ("R17",), "decided; record the outcome for follow-up advice"
            )
        if outcome in (Outcome.OFFER, Outcome.ACCEPTED, Outcome.WITHDRAWN):
            # R17: nothing more to chase.
            return base.verdict(VerdictKind.DONE, ("R17",), f"{outcome.value}: no more follow-up")
        facts = base.facts
        decided_at = facts.stage_start
        deadline = courtesy_due(base.place.calendar, facts.local_day(decided_at), settings)
        used = [e for e in base.application_log_after(decided_at) if _uses_courtesy(e)]
        today = base.today
        if not used and today <= deadline:
            # R15: one courtesy thank-you, by the end of the 2nd business day.
            reason = (
                f"{outcome.value}: thank them and ask to hear of future openings, "
                f"by {_short_date(deadline)}"
            )
            if application.follow_up is FollowUp.EMAIL:
                return base.verdict(VerdictKind.EMAIL, ("R15", "R2"), reason, talking=talking)
            verdict = base.after_waits(
                self.calendar, [], rules=("R15",), reason=reason, notes=[], talking=talking
            )
            if (
                verdict.kind is VerdictKind.WAIT
                and verdict.next is not None
                and verdict.next > deadline
            ):
                return base.verdict(
                    VerdictKind.EMAIL,
                    ("R15", *verdict.rules[1:]),
                    reason + "; no call window left before then, so e-mail",
                    talking=talking,
                )
            return verdict
        if outcome is Outcome.REJECTED and application.keep_in_touch:
            # R16: they invited you to keep in touch: one check-in call after 90 days.
            check_in = facts.local_day(decided_at) + dt.timedelta(days=settings.keep_in_touch_days)
            after_check_in = [e for e in used if facts.local_day(e.at) >= check_in]
            if after_check_in:
                return base.verdict(
                    VerdictKind.DONE, ("R16",), "checked in as they invited; no more follow-up"
                )
            return base.after_waits(
                self.calendar,
                [_Wait(check_in, ("R16",), "they invited you to keep in touch")],
                rules=("R16",),
                reason="they invited you to keep in touch: one check-in call",
                notes=[],
                talking=talking,
            )
        # R15: the courtesy is used up or its time has passed.
        why = "courtesy thank-you done" if used else "the time for a courtesy thank-you has passed"
        return base.verdict(VerdictKind.DONE, ("R15",), f"{outcome.value}: {why}")

    # -- tasks -----------------------------------------------------------------

    def tasks(
        self,
        application: Application,
        contacts: Sequence[Contact],
        log: Sequence[LogEntry],
        verdicts: Iterable[Verdict],
    ) -> list[Task]:
        settings = self.settings
        tasks: list[Task] = []
        past = self.past(log)
        for verdict in verdicts:
            contact = next((c for c in contacts if c.id == verdict.contact), None)
            if contact is None or application.follow_up in (FollowUp.EMAIL, FollowUp.NONE):
                continue
            if verdict.kind not in (VerdictKind.CALL, VerdictKind.WAIT):
                continue
            if not contact.verified or contact.best_time is None:
                # R1: check the number and ask when is best to call; never blocks.
                missing = [
                    part
                    for part, absent in (
                        ("check the number", not contact.verified),
                        ("ask when is best to call", contact.best_time is None),
                    )
                    if absent
                ]
                tasks.append(
                    Task(
                        TaskKind.VERIFY,
                        application.id,
                        contact.id,
                        None,
                        f"{contact.name}: {'; '.join(missing)}",
                        rules=("R1",),
                    )
                )
        first_contact = contacts[0] if contacts else None
        user_zone = _zone(self.user_zone)
        if application.stage is not Stage.DECIDED:
            interview = _latest(past, LogKind.INTERVIEW)
            if interview is not None and not any(
                e.kind is LogKind.THANK_YOU and e.at >= interview.at for e in past
            ):
                # R5: a thank-you note within 24 hours of the interview; late once past.
                due = interview.at + dt.timedelta(hours=settings.thank_you_hours)
                who = next((c for c in contacts if c.id == interview.contact), first_contact)
                late = self.now > due
                tasks.append(
                    Task(
                        TaskKind.THANK_YOU,
                        application.id,
                        who.id if who else None,
                        due,
                        f"thank-you note to {who.name if who else application.company} "
                        "for the interview",
                        late=late,
                        rules=("R5",),
                    )
                )
        elif application.outcome in (Outcome.REJECTED, Outcome.FILLED, Outcome.WITHDRAWN):
            # R15, R17: one courtesy thank-you after the decision.
            place = self.place(first_contact) if first_contact else None
            zone = _zone(place.zone) if place else user_zone
            calendar = place.calendar if place else BusinessCalendar(None, None)
            decided_at = stage_start(application, past, zone)
            deadline = courtesy_due(calendar, decided_at.astimezone(zone).date(), settings)
            last_moment = dt.datetime(
                deadline.year, deadline.month, deadline.day, 23, 59, 59, tzinfo=zone
            )
            done = any(_uses_courtesy(e) for e in past if e.at >= decided_at)
            if not done and self.now <= last_moment:
                tasks.append(
                    Task(
                        TaskKind.COURTESY,
                        application.id,
                        first_contact.id if first_contact else None,
                        last_moment,
                        f"courtesy thank-you to {application.company}: "
                        "you would welcome future openings",
                        rules=("R17",) if application.outcome is Outcome.WITHDRAWN else ("R15",),
                    )
                )
        return tasks


def courtesy_due(calendar: BusinessCalendar, decided_on: dt.date, settings: Settings) -> dt.date:
    """R15: the last day for the courtesy thank-you."""
    return calendar.add_business_days(decided_on, settings.courtesy_business_days)


def _uses_courtesy(entry: LogEntry) -> bool:
    """R15: any follow-up or voicemail after the decision uses the courtesy up; a
    thank-you note logged then is the courtesy itself."""
    return entry.kind in _USES_COURTESY


_USES_COURTESY = _FOLLOW_UPS | {LogKind.VOICEMAIL, LogKind.THANK_YOU}


@dataclass(slots=True)
class _Base:
    """What every verdict of one pair shares."""

    application: Application
    contact: Contact
    place: Place
    facts: _Facts
    local_now: dt.datetime
    log: Sequence[LogEntry] = ()

    @property
    def today(self) -> dt.date:
        return self.local_now.date()

    def application_log_after(self, moment: dt.datetime) -> list[LogEntry]:
        """The application's log (every contact) from `moment` on."""
        return [e for e in self.log if e.at >= moment]

    def verdict(
        self,
        kind: VerdictKind,
        rules: tuple[str, ...],
        reason: str,
        *,
        windows: Sequence[tuple[dt.datetime, dt.datetime]] = (),
        next_day: dt.date | None = None,
        overdue: bool = False,
        talking: TalkingPoints = TalkingPoints.STATUS,
        no_more_messages: bool = False,
        changes_at: dt.datetime | None = None,
    ) -> Verdict:
        if self.place.zone_guessed:
            # R13: no zone known or inferable: judged in the user's zone, and said so.
            rules = (*rules, "R13")
            reason = f"{reason} (time zone guessed)"
        if changes_at is None:
            changes_at = _midnight(self.today + ONE_DAY, self.local_now.tzinfo)  # type: ignore[arg-type]
        last = self.facts.last_contact or self.facts.cycle_start
        return Verdict(
            application=self.application.id,
            contact=self.contact.id,
            kind=kind,
            rules=tuple(dict.fromkeys(rules)),
            reason=reason,
            windows=tuple(CallWindow(a, b) for a, b in windows),
            next=None
            if next_day is None
            else pendulum.date(next_day.year, next_day.month, next_day.day),
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
        calendar: _Calendar,
        waits: list[_Wait],
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
        email_only = self.application.follow_up is FollowUp.EMAIL
        blocking = [w for w in waits if w.until > today]
        if blocking:
            latest = max(blocking, key=lambda w: w.until)
            until = latest.until
            wait_rules = tuple(r for w in blocking if w.until == until for r in w.rules)
            if email_only:
                next_day = until
                wait_rules = (*wait_rules, "R2")
            else:
                next_day, skipped = calendar.first_callable_day(self.contact, self.place, until)
                wait_rules = (*wait_rules, *skipped)
            return self.verdict(
                VerdictKind.WAIT,
                wait_rules,
                f"{latest.reason}; {'e-mail' if email_only else 'call'} from "
                f"{_short_date(next_day)}",
                next_day=next_day,
                overdue=False,
                talking=talking,
                no_more_messages=no_more_messages,
            )
        text = "; ".join([f"overdue: {reason}" if overdue else reason, *notes])
        if email_only:
            # R2: e-mail only: what would be a call is an e-mail; the calendar does not apply.
            return self.verdict(
                VerdictKind.EMAIL,
                (*rules, "R2"),
                f"{text}; they asked for e-mail only",
                overdue=overdue,
                talking=talking,
            )
        now = self.local_now
        left = calendar.windows_left(self.contact, self.place, today, now)
        if left:
            needed = dt.timedelta(minutes=calendar.settings.min_window_minutes)
            edges = [a for a, _ in left if a > now] + [
                b - needed for _, b in left if b - needed > now
            ]
            plan = calendar.plan(self.contact, self.place, today)
            return self.verdict(
                VerdictKind.CALL,
                (*rules, *plan.rules),
                text,
                windows=left,
                overdue=overdue,
                talking=talking,
                no_more_messages=no_more_messages,
                changes_at=min(edges) if edges else None,
            )
        plan = calendar.plan(self.contact, self.place, today)
        next_day, skipped = calendar.first_callable_day(self.contact, self.place, today + ONE_DAY)
        why = plan.why_not if not plan.windows else "no call window left today"
        return self.verdict(
            VerdictKind.WAIT,
            (*rules, *plan.rules, *skipped),
            f"{text}; {why}; call from {_short_date(next_day)}",
            next_day=next_day,
            overdue=False,
            talking=talking,
            no_more_messages=no_more_messages,
        )


# -- the public face -----------------------------------------------------------


def judge_pair(
    application: Application,
    contact: Contact,
    log: Sequence[LogEntry],
    settings: Settings,
    now: pendulum.DateTime,
) -> Verdict:
    """The verdict for one application and one of its contacts."""
    return Judge(settings, now).pair(application, contact, log)


def tasks_of(
    application: Application,
    contacts: Sequence[Contact],
    log: Sequence[LogEntry],
    settings: Settings,
    now: pendulum.DateTime,
) -> list[Task]:
    """The verify, thank-you and courtesy tasks of one application."""
    judge = Judge(settings, now)
    verdicts = [judge.pair(application, c, log) for c in contacts]
    return judge.tasks(application, contacts, log, verdicts)


def agenda(board: Board, settings: Settings, now: pendulum.DateTime) -> Agenda:
    """Every pair's verdict and every task, in the sidebar's order."""
    judge = Judge(settings, now)
    verdicts: list[Verdict] = []
    tasks: list[Task] = []
    for application in board:
        contacts = board.contacts_of(application)
        log = board.log_of(application.id)
        mine = [judge.pair(application, contact, log) for contact in contacts]
        verdicts.extend(mine)
        tasks.extend(judge.tasks(application, contacts, log, mine))
    companies = {a.id: a.company.casefold() for a in board}
    names = {c.id: c.name.casefold() for c in board.contacts.values()}
    verdicts.sort(key=lambda v: verdict_order(v, now, companies, names))
    tasks.sort(key=lambda t: task_order(t, companies))
    return Agenda(now=now, verdicts=tuple(verdicts), tasks=tuple(tasks))


_KIND_RANK = {
    VerdictKind.CALL: 0,
    VerdictKind.EMAIL: 1,
    VerdictKind.WAIT: 2,
    VerdictKind.DONE: 3,
    VerdictKind.BLOCKED: 4,
}
_FAR = dt.datetime(9999, 1, 1, tzinfo=dt.UTC)


def verdict_order(
    verdict: Verdict,
    now: pendulum.DateTime,
    companies: dict[str, str],
    names: dict[str, str],
) -> tuple[object, ...]:
    """The spec's order: calls (open now, overdue, longest since last contact),
    then e-mails, waits by date, done, blocked; company name breaks ties."""
    company = companies.get(verdict.application, "")
    since = verdict.last_contact.timestamp() if verdict.last_contact else now.timestamp()
    if verdict.kind is VerdictKind.CALL:
        open_now = verdict.open_window(now) is not None
        return (
            0,
            not open_now,
            not verdict.overdue,
            since,
            company,
            names.get(verdict.contact, ""),
        )
    if verdict.kind is VerdictKind.EMAIL:
        return (1, False, not verdict.overdue, since, company, names.get(verdict.contact, ""))
    if verdict.kind is VerdictKind.WAIT:
        nxt = verdict.next.toordinal() if verdict.next else dt.date.max.toordinal()
        return (2, False, False, float(nxt), company, names.get(verdict.contact, ""))
    return (_KIND_RANK[verdict.kind], False, False, 0.0, company, names.get(verdict.contact, ""))


def task_order(task: Task, companies: dict[str, str]) -> tuple[object, ...]:
    """Tasks by due time, those without one last."""
    due = task.due if task.due is not None else _FAR
    return (
        due.timestamp() if task.due is not None else float("inf"),
        companies.get(task.application, ""),
        task.kind.value,
    )


def best_verdict(verdicts: Sequence[Verdict]) -> Verdict | None:
    """The most actionable verdict among an application's contacts (its card badge)."""
    if not verdicts:
        return None

    def rank(verdict: Verdict) -> tuple[object, ...]:
        first_window = verdict.windows[0].start.timestamp() if verdict.windows else 0.0
        nxt = verdict.next.toordinal() if verdict.next else 0
        return (_KIND_RANK[verdict.kind], not verdict.overdue, first_window, nxt)

    return min(verdicts, key=rank)
