"""What the follow-up rules decide: verdicts per pair, tasks, and the day's agenda.

Frozen msgspec Structs outside the cyclic collector: judging 10,000
applications makes 20,000 verdicts, which build several times faster so than
as dataclasses, and none of them can hold a cycle."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

import msgspec
import pendulum


class VerdictKind(StrEnum):
    CALL = "call"
    EMAIL = "email"
    WAIT = "wait"
    DONE = "done"
    BLOCKED = "blocked"


class TaskKind(StrEnum):
    VERIFY = "verify"
    THANK_YOU = "thank_you"
    COURTESY = "courtesy"
    PREPARE = "prepare"


class TalkingPoints(StrEnum):
    """Which script fits the call (the spec's talking points)."""

    STATUS = "status"
    AFTER_INTERVIEW = "after_interview"
    AFTER_DECISION = "after_decision"


class CallWindow(msgspec.Struct, frozen=True, gc=False):
    """A stretch of today when a call is welcome, in the contact's own time.

    Plain aware datetimes in the contact's zone (`.astimezone(zone)` shows them
    in another): the rules make tens of thousands of these, and pendulum's
    own constructors cost ten times more.
    """

    start: dt.datetime
    end: dt.datetime

    def is_open(self, now: dt.datetime) -> bool:
        return self.start <= now < self.end


class Verdict(msgspec.Struct, frozen=True, gc=False):
    """Whether to contact one person about one application today, and why."""

    application: str
    contact: str
    kind: VerdictKind
    rules: tuple[str, ...]
    reason: str
    windows: tuple[CallWindow, ...] = ()
    next: pendulum.Date | None = None
    """For `wait`: the first date it becomes `call` or `email`."""
    overdue: bool = False
    zone: str = "UTC"
    zone_guessed: bool = False
    last_contact: dt.datetime | None = None
    talking_points: TalkingPoints = TalkingPoints.STATUS
    changes_at: dt.datetime | None = None
    """The next moment this verdict may change by the clock alone (a window
    opening or closing, midnight in the contact's zone); None: never."""
    no_more_messages: bool = False
    """R8: a voicemail was already left this cycle; do not leave another."""

    @property
    def pair(self) -> tuple[str, str]:
        return (self.application, self.contact)

    def open_window(self, now: dt.datetime) -> CallWindow | None:
        # A loop rather than `next()` over a generator: the list's order asks
        # this of every call verdict.
        for window in self.windows:
            if window.start <= now < window.end:
                return window
        return None


class Task(msgspec.Struct, frozen=True, gc=False):
    kind: TaskKind
    application: str
    contact: str | None
    due: dt.datetime | None
    text: str
    late: bool = False
    rules: tuple[str, ...] = ()


class Agenda(msgspec.Struct, frozen=True, gc=False):
    """Everything the sidebar and `jobcockpit today` show, in the spec's order."""

    now: pendulum.DateTime
    verdicts: tuple[Verdict, ...]
    tasks: tuple[Task, ...]

    def of_kind(self, kind: VerdictKind) -> list[Verdict]:
        return [v for v in self.verdicts if v.kind is kind]

    def for_application(self, application_id: str) -> list[Verdict]:
        return [v for v in self.verdicts if v.application == application_id]
