"""The judge: the verdict of each pair, at one moment.

The precedence is the one of docs/rules.md ("Which rule wins"): blocked, then
done, then the waits, then the calendar. A `Judge` serves one moment and
caches what every pair in a place shares, so judging a whole board costs
little more per pair than judging one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from zoneinfo import ZoneInfo

import pendulum

from jobcockpit.core import places
from jobcockpit.core.due import due_day, interview_start
from jobcockpit.core.places import Place, place_of
from jobcockpit.core.records import (
    Application,
    Contact,
    FollowUp,
    LogEntry,
    LogKind,
    Outcome,
    Stage,
)
from jobcockpit.core.rules.clock import ONE_DAY, microseconds, midnight, plain
from jobcockpit.core.rules.facts import (
    Cycle,
    Facts,
    courtesy_deadline,
    read_cycle,
    read_log,
    scheduled_interview,
    stage_start,
    uses_courtesy,
)
from jobcockpit.core.rules.pair import Pair, Wait, short_date
from jobcockpit.core.rules.tasks import tasks_for
from jobcockpit.core.rules.windows import CallCalendar
from jobcockpit.core.settings import Settings
from jobcockpit.core.verdicts import TalkingPoints, Task, Verdict, VerdictKind

# Enum members read through their class cost some 70 ns each (a lookup on
# the class); the rules read them tens of times for every pair.
_FOLLOW_UP_NONE = FollowUp.NONE
_LOG_EMAIL = LogKind.EMAIL
_LOG_NO_ANSWER = LogKind.NO_ANSWER
_OUTCOME_ACCEPTED = Outcome.ACCEPTED
_OUTCOME_OFFER = Outcome.OFFER
_OUTCOME_REJECTED = Outcome.REJECTED
_OUTCOME_WITHDRAWN = Outcome.WITHDRAWN
_STAGE_DECIDED = Stage.DECIDED
_TALKING_AFTER_DECISION = TalkingPoints.AFTER_DECISION
_TALKING_AFTER_INTERVIEW = TalkingPoints.AFTER_INTERVIEW
_TALKING_STATUS = TalkingPoints.STATUS
_VERDICT_BLOCKED = VerdictKind.BLOCKED
_VERDICT_DONE = VerdictKind.DONE
_VERDICT_EMAIL = VerdictKind.EMAIL
_VERDICT_WAIT = VerdictKind.WAIT


def _days(count: int) -> str:
    return "1 day" if count == 1 else f"{count} days"


def _ago(day: dt.date, today: dt.date) -> str:
    """'today', 'yesterday' or 'N days ago', in calendar days as a person counts."""
    age = (today - day).days
    if age <= 0:
        return "today"
    return "yesterday" if age == 1 else f"{age} days ago"


class Judge:
    """Judges pairs at one moment; caches what every pair in a place shares."""

    def __init__(self, settings: Settings, now: pendulum.DateTime) -> None:
        self.settings = settings
        self.now = now
        self.user_zone = settings.zone
        self.calendar = CallCalendar(settings)
        self._local_now: dict[str, dt.datetime] = {}
        self._here: dict[str, tuple[ZoneInfo, dt.datetime, dt.date, dt.datetime, dt.datetime]] = {}
        self._places: dict[str, tuple[Contact, Place]] = {}
        self._instants_of: tuple[Sequence[LogEntry], list[dt.datetime]] | None = None
        self._cycle: tuple[Sequence[LogEntry], dt.datetime, Cycle] | None = None
        self.utc_now = plain(now).astimezone(dt.UTC)
        """`now` as a plain moment in UTC: the log's moments are compared
        with it (see `_instants`) a great deal faster than with `now`."""
        self.since = microseconds(now)

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
            local = self._local_now[zone] = plain(self.now.astimezone(places.zone(zone)))
        return local

    def _instants(self, log: Sequence[LogEntry]) -> Sequence[dt.datetime]:
        """The entries' moments in UTC, worked out once for each log (both
        contacts of an application read the same one)."""
        known = self._instants_of
        if known is not None and known[0] is log:
            return known[1]
        utc = dt.UTC
        instants = [at if (at := e.at).tzinfo is utc else at.astimezone(utc) for e in log]
        self._instants_of = (log, instants)
        return instants

    def past(self, log: Sequence[LogEntry]) -> Sequence[LogEntry]:
        """The log up to now: entries later than now are ignored."""
        if not log:
            return log
        instants = self._instants(log)
        now = self.utc_now
        if instants[-1] <= now:
            return log
        return [e for e, instant in zip(log, instants, strict=True) if instant <= now]

    def pair(self, application: Application, contact: Contact, log: Sequence[LogEntry]) -> Verdict:
        """The verdict for one application and one of its contacts."""
        return self.pairs(application, (contact,), log)[0]

    def pairs(
        self, application: Application, contacts: Sequence[Contact], log: Sequence[LogEntry]
    ) -> tuple[Verdict, ...]:
        """The verdicts for one application and each of `contacts`, in their
        order. What its contacts share (the log up to now and its moments, an
        interview ahead, the first entry dated later than now) is read once."""
        past = self.past(log)
        scheduled = None
        later = None
        if len(past) < len(log):
            now = self.utc_now
            # A log entry dated later today counts from its moment on.
            later = min(e.at for e in log if e.at > now)
            scheduled = scheduled_interview(log, now)
        instants = self._instants(past)
        return tuple(
            [
                self._pair(application, contact, past, instants, scheduled, later)
                for contact in contacts
            ]
        )

    def _pair(
        self,
        application: Application,
        contact: Contact,
        past: Sequence[LogEntry],
        instants: Sequence[dt.datetime],
        scheduled: LogEntry | None,
        later: dt.datetime | None,
    ) -> Verdict:
        cached = self._places.get(contact.id)
        place = cached[1] if cached is not None and cached[0] is contact else self.place(contact)
        here = self._here.get(place.zone)
        if here is None:
            here = self._here[place.zone] = self._clock_in(place.zone)
        zone, local_now, today, today_starts, tomorrow = here
        if later is not None and later < tomorrow:
            tomorrow = later
        start = stage_start(application, past, zone)
        cycle = self._cycle
        if cycle is None or cycle[0] is not past or cycle[1] is not start:
            # The application's other contacts share it while their stage
            # starts at the very same moment object (as a datetime in the log
            # or `stage_since`, or midnight in the same zone).
            cycle = self._cycle = (past, start, read_cycle(application, past, start, instants))
        facts = read_log(application, contact, past, zone, today_starts, instants, cycle[2])
        return self._decide(
            Pair(application, contact, place, facts, local_now, today, tomorrow, past, scheduled)
        )

    def _clock_in(
        self, name: str
    ) -> tuple[ZoneInfo, dt.datetime, dt.date, dt.datetime, dt.datetime]:
        """The zone, the time there now, its day, and that day's first and last
        midnight: what every pair judged in the zone shares."""
        zone = places.zone(name)
        local_now = self.local_now(name)
        today = local_now.date()
        starts = midnight(today, zone).astimezone(dt.UTC)
        return zone, local_now, today, starts, midnight(today + ONE_DAY, zone)

    def _decide(self, base: Pair) -> Verdict:
        """Which rule wins: blocked, then done, then the waits, then the calendar."""
        application = base.application
        if application.follow_up is _FOLLOW_UP_NONE:
            # R2: the posting or employer asked for no contact at all (asking
            # for e-mail only is the other half: `Pair.after_waits`).
            return base.verdict(_VERDICT_BLOCKED, ("R2",), "the posting asked for no contact")
        if application.stage is _STAGE_DECIDED:
            return self._decided(base)
        return self._open(base)

    def _open(self, base: Pair) -> Verdict:
        """Stages applied and interviewed: the waits of an open stage."""
        settings = self.settings
        facts = base.facts
        today = base.today
        cal = base.place.calendar
        start_day = facts.local_day(facts.cycle_start)
        cycle_rules: tuple[str, ...] = ("R14",) if facts.cycle_from_reply else ()
        since = "they replied" if facts.cycle_from_reply else None

        # R7: a week between follow-ups; after enough in a cycle the ball is in
        # their court (until an interview they scheduled has taken place, R19).
        scheduled = base.scheduled
        if len(facts.follow_ups) >= settings.max_follow_ups and scheduled is None:
            return base.verdict(
                _VERDICT_DONE,
                ("R7", *cycle_rules),
                f"{len(facts.follow_ups)} follow-ups since "
                f"{since or 'this stage began'}: the ball is in their court",
            )

        waits: list[Wait] = []
        overdue = False
        untouched = not facts.follow_ups and not facts.voicemails
        if scheduled is not None:
            # R19: an interview ahead is no follow-up and starts no cycle until
            # it has taken place; until then the pair waits (nobody is chased
            # on the day of their interview), and R6 counts from its end.
            when = due_day(interview_start(scheduled), self.user_zone).long()
            end_day = facts.local_day(scheduled.at)
            waits.append(Wait(end_day + ONE_DAY, ("R19",), f"interview on {when}", ahead=True))
            if facts.interviewed:
                start_day = max(start_day, end_day)
        if not facts.interviewed:
            # R3: a week after applying, then call; overdue from the day after 14 days.
            ready = start_day + dt.timedelta(days=settings.applied_wait_days)
            overdue_from = start_day + dt.timedelta(days=settings.applied_overdue_days + 1)
            overdue = untouched and today >= overdue_from
            stage_rule = ("R3", *cycle_rules)
            stage_reason = f"{since or 'applied'} {_ago(start_day, today)}"
            waits.append(
                Wait(
                    ready,
                    stage_rule,
                    f"{stage_reason}; wait {_days(settings.applied_wait_days)} before calling",
                )
            )
            talking = _TALKING_STATUS
        else:
            # R6: 3 business days after the interview, then call; overdue after 5.
            # An interview that has taken place counts even while the card still
            # says applied (a spreadsheet row saying "interview scheduled").
            ready = cal.add_business_days(start_day, settings.interviewed_wait_business_days)
            overdue_after = cal.add_business_days(
                start_day, settings.interviewed_overdue_business_days
            )
            overdue = untouched and today > overdue_after
            stage_rule = ("R6", *cycle_rules)
            stage_reason = f"{since or 'interviewed'} {_ago(start_day, today)}"
            after_it = f"wait {settings.interviewed_wait_business_days} business days after it"
            waits.append(
                Wait(
                    ready,
                    stage_rule,
                    after_it if scheduled is not None else f"{stage_reason}; {after_it}",
                )
            )
            talking = _TALKING_AFTER_INTERVIEW

        if facts.decision_date is not None:
            # R4: they named a decision or call-back date: wait until a business day after it.
            after = cal.add_business_days(
                facts.decision_date, settings.decision_grace_business_days
            )
            if after > ready:
                waits.append(
                    Wait(
                        after,
                        ("R4",),
                        f"they expect to decide by {short_date(facts.decision_date)}",
                    )
                )
        if facts.follow_ups:
            # A week between follow-ups.
            last = facts.follow_ups[-1]
            last_day = facts.local_day(last.at)
            waits.append(
                Wait(
                    last_day + dt.timedelta(days=settings.follow_up_wait_days),
                    ("R7",),
                    f"followed up by {'e-mail' if last.kind is _LOG_EMAIL else 'phone'} "
                    f"on {short_date(last_day)}",
                )
            )
        no_more_messages = self._voicemails(base, waits)
        waits.extend(self._one_dial_a_day(base))

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

    def _decided(self, base: Pair) -> Verdict:
        """Stage decided: the courtesy, the check-in, or nothing more."""
        settings = self.settings
        application = base.application
        outcome = application.outcome
        talking = _TALKING_AFTER_DECISION
        if outcome is None:
            return base.verdict(
                _VERDICT_DONE, ("R17",), "decided; record the outcome for follow-up advice"
            )
        if outcome in (_OUTCOME_OFFER, _OUTCOME_ACCEPTED, _OUTCOME_WITHDRAWN):
            # R17: nothing more to chase (a withdrawal still gets a courtesy task).
            return base.verdict(_VERDICT_DONE, ("R17",), f"{outcome.value}: no more follow-up")
        facts = base.facts
        decided_at = facts.stage_start
        due = courtesy_deadline(base.place.calendar, decided_at, facts.zone, settings)
        deadline = due.date()
        used = [e for e in base.application_log_after(decided_at) if uses_courtesy(e)]
        today = base.today
        if not used and today <= deadline:
            # R15: one courtesy thank-you, by the end of the 2nd business day;
            # any follow-up, voicemail or thank-you note after the decision uses it.
            reason = (
                f"{outcome.value}: thank them and ask to hear of future openings, "
                f"by {due_day(due, self.user_zone).long()}"
            )
            dials = self._one_dial_a_day(base, ("R15",), f"{reason}; ")
            verdict = base.after_waits(
                self.calendar, dials, rules=("R15",), reason=reason, notes=[], talking=talking
            )
            if (
                verdict.kind is _VERDICT_WAIT
                and verdict.next is not None
                and verdict.next > deadline
            ):
                return base.verdict(
                    _VERDICT_EMAIL,
                    ("R15", *verdict.rules[1:]),
                    reason + "; no call possible before then, so e-mail",
                    talking=talking,
                )
            return verdict
        if outcome is _OUTCOME_REJECTED and application.keep_in_touch:
            # R16: they invited you to keep in touch: one check-in call after 90 days.
            check_in = facts.local_day(decided_at) + dt.timedelta(days=settings.keep_in_touch_days)
            after_check_in = [e for e in used if facts.local_day(e.at) >= check_in]
            if after_check_in:
                return base.verdict(
                    _VERDICT_DONE, ("R16",), "checked in as they invited; no more follow-up"
                )
            dials = self._one_dial_a_day(base, ("R16",), "the check-in call: ")
            waits = [Wait(check_in, ("R16",), "they invited you to keep in touch"), *dials]
            rules: tuple[str, ...] = ("R16",)
            notes: list[str] = []
            no_more_messages = self._voicemails(base, waits)
            if no_more_messages:
                rules, notes = ("R16", "R8"), ["do not leave another message"]
            return base.after_waits(
                self.calendar,
                waits,
                rules=rules,
                reason="they invited you to keep in touch: one check-in call",
                notes=notes,
                talking=talking,
                no_more_messages=no_more_messages,
            )
        # The courtesy is used up or its time has passed.
        why = "courtesy thank-you done" if used else "the time for a courtesy thank-you has passed"
        return base.verdict(_VERDICT_DONE, ("R15",), f"{outcome.value}: {why}")

    def _voicemails(self, base: Pair, waits: list[Wait]) -> bool:
        """R8, in every stage: a week after a voicemail (added to `waits`);
        whether this cycle's voicemails are used up (say "do not leave
        another message")."""
        facts: Facts = base.facts
        if not facts.voicemails:
            return False
        # R8: a week after a voicemail; at most one voicemail a cycle.
        last_day = facts.local_day(facts.voicemails[-1].at)
        waits.append(
            Wait(
                last_day + dt.timedelta(days=self.settings.voicemail_wait_days),
                ("R8",),
                f"left a voicemail on {short_date(last_day)}",
            )
        )
        return len(facts.voicemails) >= self.settings.max_voicemails

    def _one_dial_a_day(
        self, base: Pair, rules: tuple[str, ...] = (), lead: str = ""
    ) -> list[Wait]:
        """R9, in every stage: a pair dialled today waits for the next
        business day (an e-mail is no dial, so a pair written to is not held).
        `rules` and `lead` say what the call was for (the courtesy, R15; the
        check-in, R16)."""
        facts = base.facts
        if base.by_email or facts.dials_today < self.settings.max_dials_per_day:
            return []
        # R9: one dial a day; try again the next business day.
        unanswered = facts.last_dial_today is _LOG_NO_ANSWER
        return [
            Wait(
                base.place.calendar.add_business_days(base.today, 1),
                (*rules, "R9"),
                lead + "already dialled today" + (" with no answer" if unanswered else ""),
            )
        ]

    def tasks(
        self,
        application: Application,
        contacts: Sequence[Contact],
        log: Sequence[LogEntry],
        verdicts: Iterable[Verdict],
    ) -> list[Task]:
        """The verify, thank-you and courtesy tasks of one application."""
        return tasks_for(self, application, contacts, log, verdicts)


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
