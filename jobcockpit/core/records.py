"""The records of a job hunt: applications, contacts and the log.

Records are immutable: a change is a new record, which makes undo a matter of
keeping the old one and lets the rules engine trust what it is given. Every
record is checked when it is built, and a bad value raises `RecordError` naming
the record and the field, so nothing half-valid ever reaches the disk.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

import pendulum

from jobcockpit.core.zones import is_zone_name


class RecordError(ValueError):
    """A value that does not fit a record; names the record and the field."""

    def __init__(self, record: str, field_name: str, problem: str) -> None:
        self.record = record
        self.field = field_name
        self.problem = problem
        super().__init__(f"{record}: {field_name}: {problem}")


class Stage(StrEnum):
    APPLIED = "applied"
    INTERVIEWED = "interviewed"
    DECIDED = "decided"

    @property
    def next(self) -> Stage | None:
        order = list(Stage)
        index = order.index(self)
        return order[index + 1] if index + 1 < len(order) else None

    @property
    def previous(self) -> Stage | None:
        order = list(Stage)
        index = order.index(self)
        return order[index - 1] if index > 0 else None


class Outcome(StrEnum):
    OFFER = "offer"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    FILLED = "filled"
    WITHDRAWN = "withdrawn"


class FollowUp(StrEnum):
    """What the posting or the employer asked for."""

    ANY = "any"
    PHONE = "phone"
    EMAIL = "email"
    NONE = "none"


class LogKind(StrEnum):
    CONNECTED = "connected"
    VOICEMAIL = "voicemail"
    NO_ANSWER = "no_answer"
    EMAIL = "email"
    THANK_YOU = "thank_you"
    REPLY = "reply"
    INTERVIEW = "interview"

    @property
    def is_call(self) -> bool:
        return self in (LogKind.CONNECTED, LogKind.VOICEMAIL, LogKind.NO_ANSWER)

    @property
    def is_follow_up(self) -> bool:
        """A connected call or an e-mail to the contact (the spec's *follow-up*)."""
        return self in (LogKind.CONNECTED, LogKind.EMAIL)


class Weekday(StrEnum):
    MON = "mon"
    TUE = "tue"
    WED = "wed"
    THU = "thu"
    FRI = "fri"
    SAT = "sat"
    SUN = "sun"

    @property
    def iso(self) -> int:
        """ISO weekday number, Monday 1 to Sunday 7."""
        return list(Weekday).index(self) + 1


_WEEKDAY_NAMES = {day.value: day for day in Weekday}
WEEKDAYS = frozenset({Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI})


def new_id(prefix: str) -> str:
    """A fresh record id, short enough to type and wide enough not to collide."""
    return prefix + secrets.token_hex(5)


# -- parsing helpers -----------------------------------------------------------


def _text(raw: Mapping[str, Any], key: str, record: str, *, required: bool = False) -> str:
    value = raw.get(key)
    if value is None:
        if required:
            raise RecordError(record, key, "is required")
        return ""
    if not isinstance(value, str):
        raise RecordError(record, key, f"must be text, not {type(value).__name__}")
    if required and not value.strip():
        raise RecordError(record, key, "must not be empty")
    return value


def _optional_text(raw: Mapping[str, Any], key: str, record: str) -> str | None:
    value = raw.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise RecordError(record, key, f"must be text, not {type(value).__name__}")
    return value or None


def _bool(raw: Mapping[str, Any], key: str, record: str) -> bool:
    value = raw.get(key, False)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise RecordError(record, key, "must be true or false")
    return value


E = TypeVar("E", bound=StrEnum)


def _choice(
    enum: type[E], raw: Mapping[str, Any], key: str, record: str, default: E | None
) -> E | None:
    value = raw.get(key)
    if value is None:
        return default
    member = enum._value2member_map_.get(value) if isinstance(value, str) else None
    if member is not None:
        return member  # type: ignore[return-value]
    try:
        return enum(value)
    except ValueError:
        allowed = " | ".join(member.value for member in enum)
        raise RecordError(record, key, f"{value!r} is not one of {allowed}") from None


def parse_date(value: object, record: str, key: str) -> pendulum.Date:
    """An ISO 8601 calendar date."""
    if isinstance(value, dt.datetime):
        raise RecordError(record, key, "must be a date, not a timestamp")
    if isinstance(value, dt.date):
        return pendulum.date(value.year, value.month, value.day)
    if not isinstance(value, str):
        raise RecordError(record, key, "must be an ISO date such as 2026-11-10")
    try:
        parsed = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise RecordError(record, key, f"{value!r} is not an ISO date such as 2026-11-10") from None
    return pendulum.date(parsed.year, parsed.month, parsed.day)


def parse_timestamp(value: object, record: str, key: str) -> dt.datetime:
    """An ISO 8601 timestamp that carries its offset; one without is refused.

    The result is a plain aware datetime (pendulum's DateTime is one too): a
    data file holds tens of thousands of them, and building pendulum objects
    would cost more than reading the whole file.
    """
    if isinstance(value, dt.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise RecordError(record, key, "timestamp has no UTC offset")
        return value
    if not isinstance(value, str):
        raise RecordError(record, key, "must be an ISO timestamp such as 2026-11-18T10:15:00-07:00")
    try:
        parsed = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise RecordError(
            record, key, f"{value!r} is not an ISO timestamp such as 2026-11-18T10:15:00-07:00"
        ) from None
    if parsed.tzinfo is None:
        raise RecordError(
            record, key, f"{value!r} has no UTC offset (write it as e.g. {value}+01:00 or ...Z)"
        )
    return parsed


def parse_moment(value: object, record: str, key: str) -> dt.datetime | pendulum.Date:
    """A timestamp with an offset, or a date alone (midnight in the contact's zone)."""
    if isinstance(value, str) and len(value.strip()) == 10:
        return parse_date(value, record, key)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return parse_date(value, record, key)
    return parse_timestamp(value, record, key)


def parse_clock(value: object, record: str, key: str) -> pendulum.Time:
    """A time of day written HH:MM."""
    if not isinstance(value, str):
        raise RecordError(record, key, "must be a time of day such as 09:30")
    try:
        parsed = dt.time.fromisoformat(value.strip())
    except ValueError:
        raise RecordError(record, key, f"{value!r} is not a time of day such as 09:30") from None
    return pendulum.time(parsed.hour, parsed.minute, parsed.second)


def format_moment(value: dt.date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return value.isoformat()


def format_clock(value: dt.time) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


def _extra(raw: Mapping[str, Any], known: frozenset[str]) -> dict[str, Any]:
    return {key: value for key, value in raw.items() if key not in known}


# -- records -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BestTime:
    """When the contact said it is best to call, in their own time."""

    days: frozenset[Weekday]
    start: pendulum.Time
    end: pendulum.Time

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise RecordError("best_time", "to", "must be later than from")

    @classmethod
    def from_dict(cls, raw: object, record: str) -> BestTime:
        if not isinstance(raw, Mapping):
            raise RecordError(record, "best_time", 'must be an object like {"from": "10:00", ...}')
        days_raw = raw.get("days")
        if days_raw is None:
            days = WEEKDAYS
        else:
            if not isinstance(days_raw, list) or not days_raw:
                raise RecordError(record, "best_time.days", 'must be a list such as ["tue", "wed"]')
            try:
                days = frozenset(_WEEKDAY_NAMES[str(day).lower()[:3]] for day in days_raw)
            except KeyError:
                raise RecordError(
                    record, "best_time.days", f"{days_raw!r} names a day that is not mon..sun"
                ) from None
        if "from" not in raw or "to" not in raw:
            raise RecordError(record, "best_time", "needs both from and to")
        start = parse_clock(raw["from"], record, "best_time.from")
        end = parse_clock(raw["to"], record, "best_time.to")
        if end <= start:
            raise RecordError(record, "best_time.to", "must be later than best_time.from")
        return cls(days=days, start=start, end=end)

    def to_dict(self) -> dict[str, Any]:
        return {
            "days": [day.value for day in Weekday if day in self.days],
            "from": format_clock(self.start),
            "to": format_clock(self.end),
        }

    def describe(self) -> str:
        ordered = [day.value.capitalize() for day in Weekday if day in self.days]
        days = "Mon-Fri" if self.days == WEEKDAYS else ", ".join(ordered)
        return f"{days} {format_clock(self.start)}-{format_clock(self.end)}"


@dataclass(frozen=True, slots=True)
class Contact:
    id: str
    name: str
    role: str = ""
    phone: str | None = None
    email: str | None = None
    timezone: str | None = None
    country: str | None = None
    subdivision: str | None = None
    best_time: BestTime | None = None
    verified: bool = False
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False)

    FIELDS = (
        "id",
        "name",
        "role",
        "phone",
        "email",
        "timezone",
        "country",
        "subdivision",
        "best_time",
        "verified",
    )
    KNOWN = frozenset(FIELDS)

    def __post_init__(self) -> None:
        record = f"contact {self.id or '?'}"
        if not self.id:
            raise RecordError(record, "id", "is required")
        if not self.name.strip():
            raise RecordError(record, "name", "must not be empty")
        if self.timezone is not None and not is_zone_name(self.timezone):
            raise RecordError(record, "timezone", f"{self.timezone!r} is not an IANA time zone")
        if self.country is not None and (len(self.country) != 2 or not self.country.isalpha()):
            raise RecordError(record, "country", f"{self.country!r} is not a 2-letter country code")

    @property
    def label(self) -> str:
        return f"contact {self.id} ({self.name})"

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> Contact:
        fast = _contact_as_written(cls, raw)
        if fast is not None:
            return fast
        ident = raw.get("id")
        record = f"contact {ident}" if ident else "contact"
        if not isinstance(ident, str) or not ident.strip():
            raise RecordError(record, "id", "is required")
        best = raw.get("best_time")
        country = _optional_text(raw, "country", record)
        if country is not None and (len(country.strip()) != 2 or not country.strip().isalpha()):
            raise RecordError(record, "country", f"{country!r} is not a 2-letter country code")
        return cls(
            id=ident,
            name=_text(raw, "name", record, required=True),
            role=_text(raw, "role", record),
            phone=_optional_text(raw, "phone", record),
            email=_optional_text(raw, "email", record),
            timezone=_optional_text(raw, "timezone", record),
            country=country.strip().upper() if country else None,
            subdivision=_optional_text(raw, "subdivision", record),
            best_time=None if best is None else BestTime.from_dict(best, record),
            verified=_bool(raw, "verified", record),
            extra=_extra(raw, cls.KNOWN),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.extra,
            "id": self.id,
            "name": self.name,
            "role": self.role,
            "phone": self.phone,
            "email": self.email,
            "timezone": self.timezone,
            "country": self.country,
            "subdivision": self.subdivision,
            "best_time": None if self.best_time is None else self.best_time.to_dict(),
            "verified": self.verified,
        }


@dataclass(frozen=True, slots=True)
class Application:
    id: str
    company: str
    position: str
    applied_on: pendulum.Date
    stage: Stage = Stage.APPLIED
    stage_since: dt.datetime | dt.date | None = None
    follow_up: FollowUp = FollowUp.ANY
    decision_expected_on: pendulum.Date | None = None
    outcome: Outcome | None = None
    keep_in_touch: bool = False
    contacts: tuple[str, ...] = ()
    notes: str = ""
    posting_url: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False)

    FIELDS = (
        "id",
        "company",
        "position",
        "stage",
        "applied_on",
        "stage_since",
        "follow_up",
        "decision_expected_on",
        "outcome",
        "keep_in_touch",
        "contacts",
        "notes",
        "posting_url",
    )
    KNOWN = frozenset(FIELDS)

    def __post_init__(self) -> None:
        record = f"application {self.id or '?'}"
        if not self.id:
            raise RecordError(record, "id", "is required")
        if not self.company.strip():
            raise RecordError(record, "company", "must not be empty")
        if self.outcome is not None and self.stage is not Stage.DECIDED:
            raise RecordError(record, "outcome", "is only given once the stage is decided")
        if len(set(self.contacts)) != len(self.contacts):
            raise RecordError(record, "contacts", "lists a contact twice")

    @property
    def label(self) -> str:
        return f"application {self.id} ({self.company})"

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> Application:
        fast = _application_as_written(cls, raw)
        if fast is not None:
            return fast
        ident = raw.get("id")
        record = f"application {ident}" if ident else "application"
        if not isinstance(ident, str) or not ident.strip():
            raise RecordError(record, "id", "is required")
        if raw.get("applied_on") is None:
            raise RecordError(record, "applied_on", "is required")
        contacts = raw.get("contacts") or []
        if not isinstance(contacts, list) or not all(isinstance(c, str) for c in contacts):
            raise RecordError(record, "contacts", "must be a list of contact ids")
        since = raw.get("stage_since")
        expected = raw.get("decision_expected_on")
        stage = _choice(Stage, raw, "stage", record, Stage.APPLIED)
        assert stage is not None
        return cls(
            id=ident,
            company=_text(raw, "company", record, required=True),
            position=_text(raw, "position", record),
            applied_on=parse_date(raw["applied_on"], record, "applied_on"),
            stage=stage,
            stage_since=None if since is None else parse_moment(since, record, "stage_since"),
            follow_up=_choice(FollowUp, raw, "follow_up", record, FollowUp.ANY) or FollowUp.ANY,
            decision_expected_on=None
            if expected is None
            else parse_date(expected, record, "decision_expected_on"),
            outcome=_choice(Outcome, raw, "outcome", record, None),
            keep_in_touch=_bool(raw, "keep_in_touch", record),
            contacts=tuple(contacts),
            notes=_text(raw, "notes", record),
            posting_url=_optional_text(raw, "posting_url", record),
            extra=_extra(raw, cls.KNOWN),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.extra,
            "id": self.id,
            "company": self.company,
            "position": self.position,
            "stage": self.stage.value,
            "applied_on": self.applied_on.isoformat(),
            "stage_since": format_moment(self.stage_since),
            "follow_up": self.follow_up.value,
            "decision_expected_on": format_moment(self.decision_expected_on),
            "outcome": None if self.outcome is None else self.outcome.value,
            "keep_in_touch": self.keep_in_touch,
            "contacts": list(self.contacts),
            "notes": self.notes,
            "posting_url": self.posting_url,
        }


@dataclass(frozen=True, slots=True)
class LogEntry:
    """Something that happened: a call and its outcome, an e-mail, a reply..."""

    application: str
    kind: LogKind
    at: dt.datetime
    contact: str | None = None
    note: str = ""
    decision_expected_on: pendulum.Date | None = None
    id: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False)

    FIELDS = ("id", "application", "contact", "kind", "at", "note", "decision_expected_on")
    KNOWN = frozenset(FIELDS)

    def __post_init__(self) -> None:
        if not self.application:
            raise RecordError(self.label, "application", "is required")
        if self.at.tzinfo is None:
            raise RecordError(self.label, "at", "timestamp has no UTC offset")

    @property
    def identity(self) -> tuple[str, str | None, str, str]:
        """What makes an entry the same one when it carries no id (the spec)."""
        instant = self.at.astimezone(dt.UTC).isoformat()
        return (self.application, self.contact, self.kind.value, instant)

    @property
    def key(self) -> str:
        """A stable key: the id when there is one, else the identity."""
        return self.id if self.id else "|".join(str(part) for part in self.identity)

    @property
    def label(self) -> str:
        return f"log entry {self.id}" if self.id else f"log entry of application {self.application}"

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any], position: int | None = None) -> LogEntry:
        fast = _entry_as_written(cls, raw)
        if fast is not None:
            return fast
        ident = raw.get("id")
        if ident is not None and (not isinstance(ident, str) or not ident):
            raise RecordError("log entry", "id", "must be non-empty text")
        where = f" #{position + 1}" if position is not None else ""
        record = f"log entry {ident}" if ident else f"log entry{where}"
        application = raw.get("application")
        if not isinstance(application, str) or not application:
            raise RecordError(record, "application", "is required")
        contact = raw.get("contact")
        if contact is not None and not isinstance(contact, str):
            raise RecordError(record, "contact", "must be a contact id")
        kind = _choice(LogKind, raw, "kind", record, None)
        if kind is None:
            raise RecordError(record, "kind", "is required")
        if raw.get("at") is None:
            raise RecordError(record, "at", "is required")
        expected = raw.get("decision_expected_on")
        return cls(
            id=ident,
            application=application,
            contact=contact or None,
            kind=kind,
            at=parse_timestamp(raw["at"], record, "at"),
            note=_text(raw, "note", record),
            decision_expected_on=None
            if expected is None
            else parse_date(expected, record, "decision_expected_on"),
            extra=_extra(raw, cls.KNOWN),
        )

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {**self.extra}
        if self.id is not None:
            data["id"] = self.id
        data.update(
            application=self.application,
            contact=self.contact,
            kind=self.kind.value,
            at=self.at.isoformat(),
            note=self.note,
            decision_expected_on=format_moment(self.decision_expected_on),
        )
        return data


# -- reading records as `to_dict` wrote them -----------------------------------
#
# A data file of 10,000 applications holds some 70,000 records, and reading
# each through the general parsers above costs more than parsing the JSON.
# Nearly every record arrives exactly as `to_dict` wrote it, so each record
# type has a shortcut for that one shape: it checks the same things more
# cheaply and builds the same record. Anything else (a missing or unknown
# key, an unusual type, text with spaces around a date, a value the checks
# refuse) makes the shortcut give up and `from_dict` take its general path,
# which then reads the record or raises the error it always raised.

_GIVE_UP = (KeyError, TypeError, ValueError, AttributeError, IndexError)
_APPLICATION_KEYS = len(Application.FIELDS)
_CONTACT_KEYS = len(Contact.FIELDS)
_STAGES: dict[object, Stage] = {member.value: member for member in Stage}
_FOLLOW_UPS: dict[object, FollowUp] = {member.value: member for member in FollowUp}
_OUTCOMES: dict[object, Outcome | None] = {None: None, **{m.value: m for m in Outcome}}
_KINDS: dict[object, LogKind] = {member.value: member for member in LogKind}
_date_from_iso = pendulum.Date.fromisoformat
_datetime_from_iso = dt.datetime.fromisoformat
_BEST_TIMES: dict[tuple[object, ...], BestTime] = {}
"""Best times as read, shared: contacts name a handful of distinct ones."""


def _written_date(value: object) -> pendulum.Date | None:
    """`parse_date` for the ISO date text `to_dict` writes (None passes)."""
    if value is None:
        return None
    if type(value) is not str or len(value) != 10:
        raise ValueError(value)
    return _date_from_iso(value)


def _written_text(value: object) -> str:
    if type(value) is not str:
        raise TypeError(value)
    return value


def _written_optional(value: object) -> str | None:
    """`_optional_text`: empty text reads as None."""
    if value is None:
        return None
    if type(value) is not str:
        raise TypeError(value)
    return value or None


def _written_bool(value: object) -> bool:
    if type(value) is not bool:
        raise TypeError(value)
    return value


def _application_as_written(cls: type[Application], raw: Mapping[str, Any]) -> Application | None:
    try:
        if type(raw) is not dict or len(raw) != _APPLICATION_KEYS:
            return None
        ident = raw["id"]
        company = raw["company"]
        if type(ident) is not str or not ident.strip() or type(company) is not str:
            return None
        contacts = raw["contacts"]
        if type(contacts) is not list or any(type(c) is not str for c in contacts):
            return None
        since = raw["stage_since"]
        if since is not None:
            if type(since) is not str:
                return None
            since = _written_date(since) if len(since.strip()) == 10 else _written_moment(since)
        applied = _written_date(raw["applied_on"])
        if applied is None:
            return None
        return cls(
            id=ident,
            company=company,
            position=_written_text(raw["position"]),
            applied_on=applied,
            stage=_STAGES[raw["stage"]],
            stage_since=since,
            follow_up=_FOLLOW_UPS[raw["follow_up"]],
            decision_expected_on=_written_date(raw["decision_expected_on"]),
            outcome=_OUTCOMES[raw["outcome"]],
            keep_in_touch=_written_bool(raw["keep_in_touch"]),
            contacts=tuple(contacts),
            notes=_written_text(raw["notes"]),
            posting_url=_written_optional(raw["posting_url"]),
            extra={},
        )
    except _GIVE_UP:
        return None


def _written_moment(value: str) -> dt.datetime:
    """`parse_timestamp` for text: an offset is required."""
    parsed = _datetime_from_iso(value.strip())
    if parsed.tzinfo is None:
        raise ValueError(value)
    return parsed


def _written_best_time(raw: object) -> BestTime | None:
    if raw is None:
        return None
    if type(raw) is not dict or len(raw) != 3:
        raise TypeError(raw)
    days = raw["days"]
    if type(days) is not list or any(type(day) is not str for day in days):
        raise TypeError(days)
    start, end = raw["from"], raw["to"]
    if type(start) is not str or type(end) is not str:
        raise TypeError(raw)
    key = (*days, start, end)
    known = _BEST_TIMES.get(key)
    if known is None:
        # The general reader, once per distinct best time; its errors name
        # the contact, so a refusal goes back to the contact's general path.
        known = BestTime.from_dict(raw, "best time")
        if len(_BEST_TIMES) < 4096:
            _BEST_TIMES[key] = known
    return known


def _contact_as_written(cls: type[Contact], raw: Mapping[str, Any]) -> Contact | None:
    try:
        if type(raw) is not dict or len(raw) != _CONTACT_KEYS:
            return None
        ident = raw["id"]
        name = raw["name"]
        if type(ident) is not str or not ident.strip() or type(name) is not str:
            return None
        country = raw["country"]
        if country is not None and (
            type(country) is not str
            or len(country) != 2
            or not country.isalpha()
            or not country.isupper()
        ):
            return None
        return cls(
            id=ident,
            name=name,
            role=_written_text(raw["role"]),
            phone=_written_optional(raw["phone"]),
            email=_written_optional(raw["email"]),
            timezone=_written_optional(raw["timezone"]),
            country=country,
            subdivision=_written_optional(raw["subdivision"]),
            best_time=_written_best_time(raw["best_time"]),
            verified=_written_bool(raw["verified"]),
            extra={},
        )
    except _GIVE_UP:
        return None


def _entry_as_written(cls: type[LogEntry], raw: Mapping[str, Any]) -> LogEntry | None:
    try:
        if type(raw) is not dict:
            return None
        ident = raw.get("id")
        if len(raw) != 6 + ("id" in raw):
            return None
        if ident is not None and (type(ident) is not str or not ident):
            return None
        application = raw["application"]
        if type(application) is not str or not application:
            return None
        at = raw["at"]
        if type(at) is not str:
            return None
        return cls(
            id=ident,
            application=application,
            contact=_written_optional(raw["contact"]),
            kind=_KINDS[raw["kind"]],
            at=_written_moment(at),
            note=_written_text(raw["note"]),
            decision_expected_on=_written_date(raw["decision_expected_on"]),
            extra={},
        )
    except _GIVE_UP:
        return None
