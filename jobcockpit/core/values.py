"""The values records are made of, and how the data file writes them.

Stages, outcomes, log kinds, weekdays and best times are the vocabulary of a
job hunt; dates, timestamps and clocks are written in ISO 8601. A value that
does not fit raises `RecordError` naming the record and the field, so a
person can find it in the file.
"""

from __future__ import annotations

import abc
import datetime as dt
import math
from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import msgspec
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


# -- what a record can hold ----------------------------------------------------

EARLIEST_YEAR = 1900
LATEST_YEAR = 2200
"""The years a date or moment of a record may fall in. Far enough either way
for any job hunt, and near enough that every calculation on them (a zone's
offset, a day added, a calendar export) stays within what Python's dates
hold: year 9999 or year 1 would overflow one of them later, for good."""

MAX_KEPT_NESTING = 32
"""How deep a value of an unknown key may nest. Such values are kept and
written back unread, so they must stay within what the file's own writer
takes; a newer jobcockpit's data never comes near."""

_INT_RANGE = range(-(2**63), 2**64)
"""Whole numbers the data file's writer keeps exactly."""


def check_year(value: dt.date | None, record: str, key: str) -> None:
    """Refuse a date or moment outside `EARLIEST_YEAR`..`LATEST_YEAR`, naming
    the record and the field; a moment counts in its own offset."""
    if value is not None and not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise RecordError(
            record,
            key,
            f"{value.isoformat()} is outside the years {EARLIEST_YEAR} to {LATEST_YEAR} "
            "that jobcockpit works with",
        )


def check_kept(value: object, record: str, key: str) -> None:
    """Refuse a value of an unknown key that the data file could not hold
    exactly: nested too deep, a number that is not finite or too large, text
    with lone surrogates. Checked when the record is read, so a bad value is
    named then, not met at the next save."""
    stack: list[tuple[object, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth >= MAX_KEPT_NESTING:
                raise RecordError(
                    record, key, f"is nested more than {MAX_KEPT_NESTING} levels deep"
                )
            if isinstance(item, dict):
                stack.extend((part, depth + 1) for pair in item.items() for part in pair)
            else:
                stack.extend((part, depth + 1) for part in item)
        elif isinstance(item, str):
            if not item.isascii() and not _is_text(item):
                raise RecordError(record, key, "holds a lone surrogate (\\ud800-\\udfff), not text")
        elif isinstance(item, float):
            if not math.isfinite(item):
                raise RecordError(record, key, f"{item} is not a number JSON can hold")
        elif isinstance(item, int) and not isinstance(item, bool) and item not in _INT_RANGE:
            raise RecordError(record, key, "holds a whole number too large to keep exactly")


def _is_text(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def record_id(value: object, record: str) -> str:
    """A record's id, which must be text: a number or a list is named as
    such, not taken for a missing id."""
    if value is None:
        raise RecordError(record, "id", "is required")
    if not isinstance(value, str):
        raise RecordError(record, "id", f'must be text such as "a1", not {json_kind(value)}')
    if not value.strip():
        raise RecordError(record, "id", "must not be empty")
    return value


def json_kind(value: object) -> str:
    """What a JSON value is, in words."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    if value is None:
        return "null"
    return "text"


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
        check_year(value, record, key)
        return pendulum.date(value.year, value.month, value.day)
    if not isinstance(value, str):
        raise RecordError(record, key, "must be an ISO date such as 2026-11-10")
    try:
        parsed = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise RecordError(record, key, f"{value!r} is not an ISO date such as 2026-11-10") from None
    check_year(parsed, record, key)
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
        check_year(value, record, key)
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
    check_year(parsed, record, key)
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


def extra_fields(raw: Mapping[str, Any], known: frozenset[str], record: str) -> Mapping[str, Any]:
    """The keys this version does not know, kept to be written back
    (`NOTHING_KEPT` when there are none, as the decoder leaves it)."""
    extra = {key: value for key, value in raw.items() if key not in known}
    for key, value in extra.items():
        check_kept(value, record, key)
    return extra if extra else NOTHING_KEPT


# -- how records are declared -------------------------------------------------


class Record(msgspec.Struct, frozen=True, gc=False, forbid_unknown_fields=True):
    """A record's one declaration: the data file is decoded into it (see
    `decode`), its `__post_init__` checks what a type cannot say, and
    `to_dict` writes it back. Records hold no cycles, so the cyclic collector
    need not track the tens of thousands a data file holds.

    `extra` keeps the keys a newer version wrote, to be written back; it takes
    no part in equality, and the decoder never fills it (a record with keys of
    its own is read by `from_dict`)."""

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(
            getattr(self, name) == getattr(other, name)
            for name in self.__struct_fields__
            if name != "extra"
        )

    def __hash__(self) -> int:
        return hash(tuple(getattr(self, n) for n in self.__struct_fields__ if n != "extra"))


KEPT_NAME = "jobcockpit:kept"
"""The name `extra` would have in JSON. The decoder takes no value for it (no
object is both empty and not), so a file that holds this key, like any key of
its own, goes through `from_dict`, which keeps it."""

Kept = Annotated[Mapping[str, Any], msgspec.Meta(min_length=1, max_length=0)]
NOTHING_KEPT: Mapping[str, Any] = MappingProxyType({})
"""The `extra` of every record that has no keys of its own: one shared,
read-only mapping instead of an empty dict in each of tens of thousands."""
Id = str
"""Text that is not blank, what `record_id` takes; the records' own
`__post_init__` refuses a blank one (as a pattern, it would cost a regular
expression for every record of a data file)."""
SetText = Annotated[str, msgspec.Meta(min_length=1)]
"""Optional text as `to_dict` writes it: empty text reads as None, so the
decoder leaves it to `from_dict`."""

DocumentDate = pendulum.Date
"""Read by the hook (a subclass of date is a type msgspec leaves to it)."""
Timestamp = dt.datetime
"""Read by msgspec itself, RFC 3339 as `to_dict` writes it; what it refuses
(spaces, a date alone) goes through `from_dict`, and `__post_init__` refuses
a timestamp without an offset either way."""

Clock = pendulum.Time
"""Read by the hook, as `DocumentDate` (a subclass of time is a type msgspec
leaves to it); a plain class, so msgspec checks what the hook gives without
asking an ABC (a Python call per value)."""

if TYPE_CHECKING:
    DocumentMoment = dt.datetime | dt.date
else:

    class _Written(metaclass=abc.ABCMeta):  # noqa: B024 (a marker, registered below)
        """A value the data file writes as text, read by the decoder's hook
        through the same parser `from_dict` uses."""

    class DocumentMoment(_Written):
        pass

    DocumentMoment.register(dt.date)


_READ_MOST = 4096
"""How many written values `decode_hook` keeps the value of."""
_read: dict[tuple[type, str], Any] = {}


def decode_hook(kind: type, value: Any) -> Any:
    """Read the written values `msgspec` does not know; a value the parser
    refuses fails the fast read, and `from_dict` then names it.

    A data file writes the same few hundred dates and clocks thousands of
    times, and the values are immutable: each text is parsed once and its
    value shared (which also keeps one object where there were thousands)."""
    if type(value) is str:
        known = _read.get((kind, value))
        if known is not None:
            return known
    if kind is DocumentDate:
        parsed: Any = parse_date(value, "", "")
    elif kind is DocumentMoment:  # type: ignore[comparison-overlap]
        parsed = parse_document_moment(value, "", "")
    elif kind is Clock:
        parsed = parse_clock(value, "", "")
    else:
        raise NotImplementedError(kind)
    if type(value) is str and len(_read) < _READ_MOST:
        _read[(kind, value)] = parsed
    return parsed


class BestTime(Record, frozen=True, gc=False, forbid_unknown_fields=True):
    """When the contact said it is best to call, in their own time. Written
    without days, it means weekdays: `from_dict` reads that."""

    days: Annotated[frozenset[Weekday], msgspec.Meta(min_length=1)]
    start: Clock = msgspec.field(name="from")
    end: Clock = msgspec.field(name="to")

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
