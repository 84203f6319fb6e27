"""What the log says about one pair: when its stage began, the current
cycle, and the follow-ups, voicemails and dials that count in it.

Entries are counted for the contact they were logged with, or for every
contact when logged without one; replies and interviews belong to the
application (docs/rules.md, "Choices made where the rules are silent").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from jobcockpit.core.places import BusinessCalendar
from jobcockpit.core.records import Application, Contact, LogEntry, LogKind, Stage
from jobcockpit.core.rules.clock import midnight, plain, plain_date
from jobcockpit.core.settings import Settings

# Enum members read through their class cost some 70 ns each (a lookup on
# the class); the rules read them tens of times for every pair.
_LOG_INTERVIEW = LogKind.INTERVIEW
_LOG_NO_ANSWER = LogKind.NO_ANSWER
_LOG_REPLY = LogKind.REPLY
_LOG_THANK_YOU = LogKind.THANK_YOU
_LOG_VOICEMAIL = LogKind.VOICEMAIL
_STAGE_APPLIED = Stage.APPLIED
_STAGE_INTERVIEWED = Stage.INTERVIEWED


@dataclass(slots=True)
class Facts:
    """The log of one application, read for one of its contacts."""

    zone: ZoneInfo
    stage_start: dt.datetime
    cycle_start: dt.datetime
    cycle_from_reply: bool
    interviewed: bool
    """Judged as after an interview (R6): the stage is interviewed, or an
    interview has taken place since the stage began, as when a card still says
    applied (docs/rules.md, "R6 follows an interview, whatever the card says")."""
    follow_ups: list[LogEntry] = field(default_factory=list)
    voicemails: list[LogEntry] = field(default_factory=list)
    dials_today: int = 0
    """Dials in the contact's day so far, in this cycle or the one before it:
    R9's one dial a day holds across a change of stage."""
    last_dial_today: LogKind | None = None
    last_contact: dt.datetime | None = None
    decision_date: dt.date | None = None

    def local_day(self, moment: dt.datetime) -> dt.date:
        if type(moment) is not dt.datetime:
            moment = plain(moment)
        return moment.astimezone(self.zone).date()


def latest(log: Sequence[LogEntry], kind: LogKind) -> LogEntry | None:
    for entry in reversed(log):
        if entry.kind is kind:
            return entry
    return None


def stage_start(application: Application, log: Sequence[LogEntry], zone: ZoneInfo) -> dt.datetime:
    """When the application entered its stage (`stage_since`, docs/data-format.md).

    Absent, it is `applied_on` for applied, the latest interview for interviewed,
    and the decision's moment for decided: the latest reply, else the latest log
    entry, else `applied_on`.
    """
    given = application.stage_since
    if given is not None:
        # A date alone is midnight in the contact's zone.
        return given if isinstance(given, dt.datetime) else midnight(given, zone)
    stage = application.stage
    if stage is _STAGE_APPLIED:
        return midnight(application.applied_on, zone)
    if stage is _STAGE_INTERVIEWED:
        interview = latest(log, _LOG_INTERVIEW)
        if interview is not None:
            return interview.at
    else:
        reply = latest(log, _LOG_REPLY)
        if reply is not None:
            return reply.at
    return log[-1].at if log else midnight(application.applied_on, zone)


def read_log(
    application: Application,
    contact: Contact,
    log: Sequence[LogEntry],
    zone: ZoneInfo,
    today_starts: dt.datetime,
    instants: Sequence[dt.datetime],
    cycle: Cycle | None = None,
) -> Facts:
    """`instants` are the entries' moments in UTC, in the order of `log`:
    comparing moments in different zones costs a microsecond each, and the
    rules compare each entry a few times for each of its contacts. `cycle` is
    what `read_cycle` found for the same application, log and stage start
    (the contacts of an application share it), else it is read here."""
    if cycle is None:
        cycle = read_cycle(application, log, stage_start(application, log, zone), instants)
    cycle_instant = cycle.instant
    contact_id = contact.id
    follow_ups: list[LogEntry] = []
    voicemails: list[LogEntry] = []
    dials_today = 0
    last_dial_today: LogKind | None = None
    last_contact: dt.datetime | None = None
    for entry, instant in zip(log, instants, strict=True):
        if entry.contact is not None and entry.contact != contact_id:
            continue
        kind = entry.kind
        if kind is not _LOG_NO_ANSWER:
            last_contact = entry.at
        if kind in _CALLS and instant >= today_starts:
            dials_today += 1
            last_dial_today = kind
        if instant < cycle_instant:
            continue
        if kind in _FOLLOW_UPS:
            follow_ups.append(entry)
        elif kind is _LOG_VOICEMAIL:
            voicemails.append(entry)
    return Facts(
        zone,
        cycle.stage_start,
        cycle.start,
        cycle.from_reply,
        cycle.interviewed,
        follow_ups,
        voicemails,
        dials_today,
        last_dial_today,
        last_contact,
        cycle.decision_date,
    )


class Cycle:
    """What the log says about an application's current cycle, the same for
    each of its contacts judged from the same stage start."""

    __slots__ = ("decision_date", "from_reply", "instant", "interviewed", "stage_start", "start")

    def __init__(
        self,
        stage_start: dt.datetime,
        start: dt.datetime,
        instant: dt.datetime,
        from_reply: bool,
        interviewed: bool,
        decision_date: dt.date | None,
    ) -> None:
        self.stage_start = stage_start
        self.start = start
        self.instant = instant
        """`start` in UTC."""
        self.from_reply = from_reply
        self.interviewed = interviewed
        self.decision_date = decision_date


def read_cycle(
    application: Application,
    log: Sequence[LogEntry],
    start: dt.datetime,
    instants: Sequence[dt.datetime],
) -> Cycle:
    """The current cycle of an application whose stage began at `start`."""
    cycle_start = start
    cycle_instant = start.astimezone(dt.UTC)
    from_reply = False
    decision_date: dt.date | None = application.decision_expected_on
    if decision_date is not None:
        decision_date = plain_date(decision_date)
    interviewed = application.stage is _STAGE_INTERVIEWED
    open_stage = interviewed or application.stage is _STAGE_APPLIED
    for entry, instant in zip(log, instants, strict=True):
        kind = entry.kind
        if kind is _LOG_REPLY and instant > cycle_instant:
            # R14: an employer reply starts a new cycle of the stage.
            cycle_start = entry.at
            cycle_instant = instant
            from_reply = True
        elif open_stage and kind is _LOG_INTERVIEW and instant > cycle_instant:
            # R19: an interview starts a cycle once it has taken place (a second
            # round, or the first one while the card still says applied); R6
            # counts from the latest one.
            cycle_start = entry.at
            cycle_instant = instant
            from_reply = False
            interviewed = True
        if entry.decision_expected_on is not None:
            decision_date = plain_date(entry.decision_expected_on)
    return Cycle(start, cycle_start, cycle_instant, from_reply, interviewed, decision_date)


_FOLLOW_UPS = frozenset(kind for kind in LogKind if kind.is_follow_up)
_CALLS = frozenset(kind for kind in LogKind if kind.is_call)


def courtesy_due(calendar: BusinessCalendar, decided_on: dt.date, settings: Settings) -> dt.date:
    """The last day for the courtesy thank-you after a decision, in the
    contact's calendar."""
    return calendar.add_business_days(decided_on, settings.courtesy_business_days)


def courtesy_deadline(
    calendar: BusinessCalendar, decided_at: dt.datetime, zone: ZoneInfo, settings: Settings
) -> dt.datetime:
    """The courtesy thank-you's due moment: the last second of `courtesy_due`
    in the contact's zone. The verdict's reason and the task both name it, so
    they name one day (docs/rules.md, "One deadline, one day")."""
    day = courtesy_due(calendar, decided_at.astimezone(zone).date(), settings)
    return dt.datetime(day.year, day.month, day.day, 23, 59, 59, tzinfo=zone)


def scheduled_interview(log: Sequence[LogEntry], now: dt.datetime) -> LogEntry | None:
    """R19: the next interview that has not yet taken place (its end is still
    ahead), if any."""
    ahead = [e for e in log if e.kind is _LOG_INTERVIEW and e.at > now]
    return min(ahead, key=lambda e: e.at) if ahead else None


def uses_courtesy(entry: LogEntry) -> bool:
    """Any follow-up or voicemail after the decision uses the courtesy up; a
    thank-you note logged then is the courtesy itself."""
    return entry.kind in _USES_COURTESY


_USES_COURTESY = _FOLLOW_UPS | {_LOG_VOICEMAIL, _LOG_THANK_YOU}
