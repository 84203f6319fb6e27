"""The follow-up rules R1 to R17 of the product's domain contract.

Pure functions of (records, settings, now): nothing here reads the clock, so
`jobcockpit today --now` and every test judge any moment they like. Every
clock and calendar question is asked in the contact's own zone.

The rule ids below are the ones of `shared/spec/follow-up-rules.md`; each rule
is implemented once, where its id appears.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar
from zoneinfo import ZoneInfo

import pendulum

from jobcockpit.core import places
from jobcockpit.core.board import Board
from jobcockpit.core.places import BusinessCalendar, Place, place_of, weekday_of
from jobcockpit.core.records import (
    Application,
    Contact,
    FollowUp,
    LogEntry,
    LogKind,
    Outcome,
    Stage,
)
from jobcockpit.core.settings import Settings
from jobcockpit.core.verdicts import (
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
    _open_at: dt.datetime | None = None
    _open: tuple[tuple[CallWindow, ...], dt.datetime | None] | None = None
    """What `_Calendar.still_open` found at `_open_at`: every pair judged at
    that moment in this place and best time shares it."""

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

    def still_open(
        self, plan: _DayPlan, now: dt.datetime
    ) -> tuple[tuple[CallWindow, ...], dt.datetime | None]:
        """The plan's windows with enough time left at `now` to place a call
        (R10), and the next moment that changes: a window opening, or one
        stopping to count, just after `b - needed` (never before now, or it
        would not be left)."""
        if plan._open is not None and plan._open_at == now:
            return plan._open
        needed = dt.timedelta(minutes=self.settings.min_window_minutes)
        left = [(a, b) for a, b in plan.windows if b - max(a, now) >= needed]
        edges = [a for a, _ in left if a > now] + [b - needed + _ONE_MICROSECOND for _, b in left]
        found = (tuple([CallWindow(a, b) for a, b in left]), min(edges, default=None))
        plan._open_at, plan._open = now, found
        return found

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
        if type(moment) is not dt.datetime:
            moment = _plain(moment)
        return moment.astimezone(self.zone).date()


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
    key = (day, zone)
    moment = _MIDNIGHTS.get(key)
    if moment is None:
        if len(_MIDNIGHTS) > _SHARED_LIMIT:
            _MIDNIGHTS.clear()
        moment = _MIDNIGHTS[key] = dt.datetime(day.year, day.month, day.day, tzinfo=zone)
    return moment


def _pendulum_date(day: dt.date) -> pendulum.Date:
    known = _PENDULUM_DATES.get(day)
    if known is None:
        if len(_PENDULUM_DATES) > _SHARED_LIMIT:
            _PENDULUM_DATES.clear()
        known = _PENDULUM_DATES[day] = pendulum.date(day.year, day.month, day.day)
    return known


_SHARED_LIMIT = 20_000
"""Immutable values shared between verdicts (a midnight in a zone, a date),
made once; the tables are emptied when they grow past this."""
_MIDNIGHTS: dict[tuple[dt.date, ZoneInfo], dt.datetime] = {}
_PENDULUM_DATES: dict[dt.date, pendulum.Date] = {}


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
    instants: Sequence[dt.datetime],
) -> _Facts:
    """`instants` are the entries' moments in UTC, in the order of `log`:
    comparing moments in different zones costs a microsecond each, and the
    rules compare each entry a few times for each of its contacts."""
    start = stage_start(application, log, zone)
    cycle_start = start
    cycle_instant = start.astimezone(dt.UTC)
    from_reply = False
    decision_date: dt.date | None = application.decision_expected_on
    if decision_date is not None:
        decision_date = _plain_date(decision_date)
    for entry, instant in zip(log, instants, strict=True):
        if entry.kind is LogKind.REPLY and instant > cycle_instant:
            # R14: an employer reply starts a new cycle of the stage.
            cycle_start = entry.at
            cycle_instant = instant
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
    contact_id = contact.id
    for entry, instant in zip(log, instants, strict=True):
        if entry.contact is not None and entry.contact != contact_id:
            continue
        kind = entry.kind
        if kind is not LogKind.NO_ANSWER:
            facts.last_contact = entry.at
        if instant < cycle_instant:
            continue
        if kind in _FOLLOW_UPS:
            facts.follow_ups.append(entry)
        elif kind is LogKind.VOICEMAIL:
            facts.voicemails.append(entry)
        if kind in _CALLS and instant >= today_starts:
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
        self._here: dict[str, tuple[ZoneInfo, dt.datetime, dt.date, dt.datetime, dt.datetime]] = {}
        self._places: dict[str, tuple[Contact, Place]] = {}
        self._instants_of: tuple[Sequence[LogEntry], list[dt.datetime]] | None = None
        self._utc_now = _plain(now).astimezone(dt.UTC)
        """`now` in UTC: see `_instants`."""
        self.since = _microseconds(now)

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
            local = self._local_now[zone] = _plain(self.now.astimezone(places.zone(zone)))
        return local

    def _instants(self, log: Sequence[LogEntry]) -> Sequence[dt.datetime]:
        """The entries' moments in UTC, worked out once for each log (both
        contacts of an application read the same one)."""
        known = self._instants_of
        if known is not None and known[0] is log:
            return known[1]
        instants = [entry.at.astimezone(dt.UTC) for entry in log]
        self._instants_of = (log, instants)
        return instants

    def past(self, log: Sequence[LogEntry]) -> Sequence[LogEntry]:
        """The log up to now: entries later than now are ignored."""
        if not log:
            return log
        instants = self._instants(log)
        now = self._utc_now
        if instants[-1] <= now:
            return log
        return [e for e, instant in zip(log, instants, strict=True) if instant <= now]

    def pair(self, application: Application, contact: Contact, log: Sequence[LogEntry]) -> Verdict:
        """The verdict for one application and one of its contacts."""
        place = self.place(contact)
        here = self._here.get(place.zone)
        if here is None:
            here = self._here[place.zone] = self._clock_in(place.zone)
        zone, local_now, today, today_starts, tomorrow = here
        past = self.past(log)
        if len(past) < len(log):
            # A log entry dated later today counts from its moment on.
            tomorrow = min(tomorrow, *(e.at for e in log if e.at > self.now))
        facts = _read_log(application, contact, past, zone, today_starts, self._instants(past))
        return self._decide(
            _Base(application, contact, place, facts, local_now, today, tomorrow, past)
        )

    def _clock_in(
        self, name: str
    ) -> tuple[ZoneInfo, dt.datetime, dt.date, dt.datetime, dt.datetime]:
        """The zone, the time there now, its day, and that day's first and last
        midnight: what every pair judged in the zone shares."""
        zone = places.zone(name)
        local_now = self.local_now(name)
        today = local_now.date()
        starts = _midnight(today, zone).astimezone(dt.UTC)
        return zone, local_now, today, starts, _midnight(today + ONE_DAY, zone)

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
        by_id: dict[str, Contact] = {}
        for person in contacts:
            by_id.setdefault(person.id, person)
        for verdict in verdicts:
            contact = by_id.get(verdict.contact)
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
        user_zone = places.zone(self.user_zone)
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
            zone = places.zone(place.zone) if place else user_zone
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
    today: dt.date
    """The contact's calendar day at `local_now`."""
    tomorrow: dt.datetime
    """When the verdict changes at the latest: midnight at the end of `today`
    in the contact's zone, or before it the moment of a log entry dated later
    than now (the rules count it from then on)."""
    log: Sequence[LogEntry] = ()

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
        talking: TalkingPoints = TalkingPoints.STATUS,
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
            next=None if next_day is None else _pendulum_date(next_day),
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
        plan = calendar.plan(self.contact, self.place, today)
        left, changes_at = calendar.still_open(plan, self.local_now)
        if left:
            return self.verdict(
                VerdictKind.CALL,
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


def agenda(
    board: Board,
    settings: Settings,
    now: pendulum.DateTime,
    *,
    memo: AgendaMemo | None = None,
) -> Agenda:
    """Every pair's verdict and every task, in the sidebar's order.

    With a `memo` from an earlier call, an application is not judged again
    while its answer still holds, so asking again after a change, or a little
    later, costs only what the change or the clock touched."""
    remembered = memo._judged_under(settings) if memo is not None else {}
    instant = _microseconds(now)
    judge: Judge | None = None
    verdicts: list[Verdict] = []
    verdict_keys: list[tuple[object, ...]] = []
    tasks: list[Task] = []
    task_keys: list[tuple[object, ...]] = []
    contacts_by_id = board.contacts
    for application in board:
        app_id = application.id
        contacts = [contacts_by_id[c] for c in application.contacts if c in contacts_by_id]
        log = board.log_of(app_id)
        judged = remembered.get(app_id)
        if judged is None or not judged.holds(application, contacts, log, instant):
            if judge is None:
                judge = Judge(settings, now)
            judged = _Judged(judge, application, contacts, log, remember=memo is not None)
            if memo is not None:
                remembered[app_id] = judged
        verdicts.extend(judged.verdicts)
        tasks.extend(judged.tasks)
        task_keys.extend(judged.task_keys)
        if judged.verdict_keys is not None:
            verdict_keys.extend(judged.verdict_keys)
        else:
            company = application.company.casefold()
            names = {c.id: c.name.casefold() for c in contacts}
            verdict_keys.extend(
                _verdict_key(v, now, company, names.get(v.contact, "")) for v in judged.verdicts
            )
    if len(remembered) > len(board):
        for app_id in [a for a in remembered if a not in board.applications]:
            del remembered[app_id]
    return Agenda(
        now=now,
        verdicts=tuple(_in_order(verdicts, verdict_keys)),
        tasks=tuple(_in_order(tasks, task_keys)),
    )


class AgendaMemo:
    """What `agenda` worked out, kept so that later calls judge only what
    changed: pass the same memo to each call. An answer is given again only
    for the very same record objects (records are immutable; a changed one is
    a new object) and the same settings, and only until the first moment the
    clock may change it; `tests/tui/test_caches_agree.py` checks that it always
    equals the answer worked out afresh.

    It holds the records and verdicts of the last board judged; a one-shot
    command has no use for one."""

    def __init__(self) -> None:
        self._settings: Settings | None = None
        self._judged: dict[str, _Judged] = {}

    def holds_until(self) -> dt.datetime | None:
        """The first moment the clock alone may change the last answer, so
        that the same records give the very same agenda (verdicts, tasks and
        their order) at every moment from the one judged until then; None
        when nothing the clock does changes it. `jobcockpit today` keeps its
        answer between runs for that long."""
        until = min((j.until for j in self._judged.values()), default=_NEVER)
        if until >= _NEVER:
            return None
        return _EPOCH + dt.timedelta(microseconds=until)

    def _judged_under(self, settings: Settings) -> dict[str, _Judged]:
        """The answers kept, forgotten first when the settings changed."""
        if self._settings is not settings and self._settings != settings:
            self._settings = settings
            self._judged = {}
        return self._judged


def _in_order(items: list[_T], keys: list[tuple[object, ...]]) -> list[_T]:
    """`items` sorted by `keys` (stable, as `list.sort` is)."""
    order = sorted(range(len(items)), key=keys.__getitem__)
    return [items[i] for i in order]


_T = TypeVar("_T")
_ONE_MICROSECOND = dt.timedelta(microseconds=1)


class _Judged:
    """One application's verdicts and tasks as judged at `since`, with what
    they were judged from, and `until`, the first moment the clock alone may
    change them (both in `_microseconds`; `_NEVER` when nothing the clock does
    changes them).

    Everything the rules read of the clock is accounted for in `until`: each
    verdict's `changes_at` (its windows opening and closing, midnight in its
    zone, a log entry dated later than `since`, which the rules ignore until
    then) and a thank-you or courtesy note's due time (a task turns late or
    lapses just after it). So the same records at a moment in [since, until)
    get the very same answer, and the same order keys; `verdict_keys` is None
    when an order key reads the clock itself."""

    __slots__ = (
        "application",
        "contacts",
        "log",
        "since",
        "task_keys",
        "tasks",
        "until",
        "verdict_keys",
        "verdicts",
    )

    def __init__(
        self,
        judge: Judge,
        application: Application,
        contacts: list[Contact],
        log: Sequence[LogEntry],
        *,
        remember: bool,
    ) -> None:
        """Judge the application; with `remember`, also work out how long the
        answer holds (else it holds for no moment)."""
        now = judge.now
        verdicts = tuple([judge.pair(application, contact, log) for contact in contacts])
        tasks = tuple(judge.tasks(application, contacts, log, verdicts))
        company = application.company.casefold()
        self.application = application
        self.verdicts = verdicts
        if remember:
            edges = [_microseconds(v.changes_at) for v in verdicts if v.changes_at is not None]
            edges.extend(
                _microseconds(t.due) + 1 for t in tasks if t.due is not None and t.due >= now
            )
            if len(judge.past(log)) < len(log):
                edges.extend(_microseconds(e.at) for e in log if e.at > now)
            self.contacts = tuple(contacts)
            self.log = tuple(log)
            self.since = judge.since
            self.until = min(edges, default=_NEVER)
        else:
            self.contacts = ()
            self.log = ()
            self.since = self.until = 0
        self.tasks = tasks
        # Verdicts come in the order of `contacts`.
        self.verdict_keys = (
            tuple(
                [
                    _verdict_key(v, now, company, c.name.casefold())
                    for v, c in zip(verdicts, contacts, strict=True)
                ]
            )
            if all(v.last_contact is not None for v in verdicts)
            else None
        )
        self.task_keys = tuple([_task_key(t, company) for t in tasks])

    def holds(
        self,
        application: Application,
        contacts: Sequence[Contact],
        log: Sequence[LogEntry],
        now: int,
    ) -> bool:
        """Whether this answer is the one the rules give these records at `now`
        (in `_microseconds`): the very same record objects (records are
        immutable), and `now` within the moments it holds for."""
        return (
            self.application is application
            and self.since <= now < self.until
            and len(contacts) == len(self.contacts)
            and len(log) == len(self.log)
            and all(map(operator.is_, contacts, self.contacts))
            and all(map(operator.is_, log, self.log))
        )


def _microseconds(moment: dt.datetime) -> int:
    """A moment as whole microseconds since the epoch: comparing these is
    exact and far quicker than comparing datetimes in different zones."""
    if type(moment) is not dt.datetime:
        moment = _plain(moment)
    return (moment - _EPOCH) // _ONE_MICROSECOND


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


_NEVER = 2**63


_KIND_RANK = {
    VerdictKind.CALL: 0,
    VerdictKind.EMAIL: 1,
    VerdictKind.WAIT: 2,
    VerdictKind.DONE: 3,
    VerdictKind.BLOCKED: 4,
}


def verdict_order(
    verdict: Verdict,
    now: pendulum.DateTime,
    companies: dict[str, str],
    names: dict[str, str],
) -> tuple[object, ...]:
    """The spec's order: calls (open now, overdue, longest since last contact),
    then e-mails, waits by date, done, blocked; company name breaks ties."""
    return _verdict_key(
        verdict, now, companies.get(verdict.application, ""), names.get(verdict.contact, "")
    )


def _verdict_key(verdict: Verdict, now: dt.datetime, company: str, name: str) -> tuple[object, ...]:
    kind = verdict.kind
    if kind is VerdictKind.CALL or kind is VerdictKind.EMAIL:
        last = verdict.last_contact
        since = last.timestamp() if last else now.timestamp()
        if kind is VerdictKind.EMAIL:
            return (1, False, not verdict.overdue, since, company, name)
        open_now = verdict.open_window(now) is not None
        return (0, not open_now, not verdict.overdue, since, company, name)
    if kind is VerdictKind.WAIT:
        nxt = verdict.next.toordinal() if verdict.next else _MAX_ORDINAL
        return (2, False, False, float(nxt), company, name)
    return (_KIND_RANK[kind], False, False, 0.0, company, name)


_MAX_ORDINAL = dt.date.max.toordinal()


def task_order(task: Task, companies: dict[str, str]) -> tuple[object, ...]:
    """Tasks by due time, those without one last."""
    return _task_key(task, companies.get(task.application, ""))


def _task_key(task: Task, company: str) -> tuple[object, ...]:
    due = task.due
    return (
        due.timestamp() if due is not None else float("inf"),
        company,
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
