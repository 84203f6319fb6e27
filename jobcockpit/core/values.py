"""The values records are made of, and how the data file writes them.

Stages, outcomes, log kinds, weekdays and best times are the vocabulary of a
job hunt; dates, timestamps and clocks are written in ISO 8601. A value that
does not fit raises `RecordError` naming the record and the field, so a
person can find it in the file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

import pendulum


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


# -- parsing helpers -----------------------------------------------------------


def text_field(raw: Mapping[str, Any], key: str, record: str, *, required: bool = False) -> str:
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


def optional_text_field(raw: Mapping[str, Any], key: str, record: str) -> str | None:
    value = raw.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise RecordError(record, key, f"must be text, not {type(value).__name__}")
    return value or None


def bool_field(raw: Mapping[str, Any], key: str, record: str) -> bool:
    value = raw.get(key, False)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise RecordError(record, key, "must be true or false")
    return value


E = TypeVar("E", bound=StrEnum)


def choice_field(
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


def parse_document_moment(value: object, record: str, key: str) -> dt.datetime | pendulum.Date:
    """A stored moment: a timestamp with an offset, or a date alone (midnight
    in the contact's zone). What a person types goes through
    `friendly.parse_typed_moment` instead."""
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


def extra_fields(raw: Mapping[str, Any], known: frozenset[str]) -> dict[str, Any]:
    return {key: value for key, value in raw.items() if key not in known}


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
