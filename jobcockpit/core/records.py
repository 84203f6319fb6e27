"""The records of a job hunt: applications, contacts and the log.

Records are immutable: a change is a new record, which makes undo a matter of
keeping the old one and lets the rules engine trust what it is given. Every
record is checked when it is built, and a bad value raises `RecordError` naming
the record and the field, so nothing half-valid ever reaches the disk. The
values they are made of (stages, kinds, dates, best times) are in
`core/values.py` and can be imported from here too.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator, Mapping
from typing import Annotated, Any, ClassVar, TypeVar

import msgspec

from jobcockpit.core.values import (
    EARLIEST_YEAR,
    KEPT_NAME,
    LATEST_YEAR,
    NOTHING_KEPT,
    WEEKDAYS,
    BestTime,
    DocumentDate,
    DocumentMoment,
    FollowUp,
    Id,
    Kept,
    LogKind,
    Outcome,
    Record,
    RecordError,
    SetText,
    Stage,
    Timestamp,
    Weekday,
    bool_field,
    check_year,
    choice_field,
    decode_hook,
    extra_fields,
    format_clock,
    format_moment,
    optional_text_field,
    parse_clock,
    parse_date,
    parse_document_moment,
    parse_timestamp,
    record_id,
    text_field,
)
from jobcockpit.core.zones import is_zone_name

__all__ = [
    "WEEKDAYS",
    "Application",
    "BestTime",
    "Contact",
    "FollowUp",
    "LogEntry",
    "LogKind",
    "Outcome",
    "RecordError",
    "Stage",
    "Weekday",
    "decoded",
    "format_clock",
    "format_moment",
    "new_id",
    "parse_clock",
    "parse_date",
    "parse_document_moment",
    "parse_timestamp",
]


def new_id(prefix: str) -> str:
    """A fresh record id, short enough to type and wide enough not to collide
    (the bytes `secrets.token_hex` would give, without importing its hashing)."""
    return prefix + os.urandom(5).hex()


Country = Annotated[str, msgspec.Meta(pattern="^[A-Z][A-Z]$")]
"""A country code as `to_dict` writes it; any other spelling goes through
`from_dict`, which tidies it."""
Tag = Annotated[str, msgspec.Meta(pattern=r"^\S+( \S+)*$")]
"""A tag as `to_dict` writes it, its spaces already tidied."""


class Contact(Record, frozen=True, gc=False, forbid_unknown_fields=True):
    id: Id
    name: str
    role: str = ""
    phone: SetText | None = None
    email: SetText | None = None
    timezone: SetText | None = None
    country: Country | None = None
    subdivision: SetText | None = None
    best_time: BestTime | None = None
    verified: bool = False
    extra: Kept = msgspec.field(default=NOTHING_KEPT, name=KEPT_NAME)

    FIELDS: ClassVar[tuple[str, ...]] = (
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
    KNOWN: ClassVar[frozenset[str]] = frozenset(FIELDS)

    def __post_init__(self) -> None:
        # Tens of thousands are read at once: what names the record is made
        # only when there is something to name.
        if not self.id.strip():
            raise RecordError(self._where, "id", "is required")
        if not self.name.strip():
            raise RecordError(self._where, "name", "must not be empty")
        zone = self.timezone
        if zone is not None and not is_zone_name(zone):
            raise RecordError(self._where, "timezone", f"{zone!r} is not an IANA time zone")
        country = self.country
        if country is not None and (len(country) != 2 or not country.isalpha()):
            raise RecordError(self._where, "country", f"{country!r} is not a 2-letter country code")

    @property
    def _where(self) -> str:
        return f"contact {self.id or '?'}"

    @property
    def label(self) -> str:
        return f"contact {self.id} ({self.name})"

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> Contact:
        ident = raw.get("id")
        record = f"contact {ident}" if isinstance(ident, str) and ident else "contact"
        ident = record_id(ident, record)
        best = raw.get("best_time")
        country = optional_text_field(raw, "country", record)
        if country is not None and (len(country.strip()) != 2 or not country.strip().isalpha()):
            raise RecordError(record, "country", f"{country!r} is not a 2-letter country code")
        return cls(
            id=ident,
            name=text_field(raw, "name", record, required=True),
            role=text_field(raw, "role", record),
            phone=optional_text_field(raw, "phone", record),
            email=optional_text_field(raw, "email", record),
            timezone=optional_text_field(raw, "timezone", record),
            country=country.strip().upper() if country else None,
            subdivision=optional_text_field(raw, "subdivision", record),
            best_time=None if best is None else BestTime.from_dict(best, record),
            verified=bool_field(raw, "verified", record),
            extra=extra_fields(raw, cls.KNOWN, record),
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


class Application(Record, frozen=True, gc=False, forbid_unknown_fields=True):
    id: Id
    company: str
    position: str
    applied_on: DocumentDate
    stage: Stage = Stage.APPLIED
    stage_since: DocumentMoment | None = None
    follow_up: FollowUp = FollowUp.ANY
    decision_expected_on: DocumentDate | None = None
    outcome: Outcome | None = None
    keep_in_touch: bool = False
    contacts: tuple[str, ...] = ()
    notes: str = ""
    posting_url: SetText | None = None
    salary: SetText | None = None
    """As the posting or the user put it: "55,000-65,000 EUR", "€60k"."""
    location: SetText | None = None
    resume: SetText | None = None
    """The résumé (version) sent."""
    cover_letter: SetText | None = None
    """The cover letter (version) sent."""
    deadline: DocumentDate | None = None
    """The posting's closing date."""
    tags: tuple[Tag, ...] = ()
    extra: Kept = msgspec.field(default=NOTHING_KEPT, name=KEPT_NAME)

    FIELDS: ClassVar[tuple[str, ...]] = (
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
    OPTIONAL: ClassVar[tuple[str, ...]] = (
        "salary",
        "location",
        "resume",
        "cover_letter",
        "deadline",
        "tags",
    )
    """Written only when set, so a record without them reads and writes as it
    did before they existed."""
    KNOWN: ClassVar[frozenset[str]] = frozenset(FIELDS + OPTIONAL)

    def __post_init__(self) -> None:
        # Tens of thousands are read at once: what names the record is made
        # only when there is something to name.
        if not self.id.strip():
            raise RecordError(self._where, "id", "is required")
        if not self.company.strip():
            raise RecordError(self._where, "company", "must not be empty")
        if self.outcome is not None and self.stage is not Stage.DECIDED:
            raise RecordError(self._where, "outcome", "is only given once the stage is decided")
        contacts = self.contacts
        if len(contacts) > 1 and len(set(contacts)) != len(contacts):
            raise RecordError(self._where, "contacts", "lists a contact twice")
        if self.tags:
            self._check_tags()
        since, expected, deadline = self.stage_since, self.decision_expected_on, self.deadline
        if not (
            EARLIEST_YEAR <= self.applied_on.year <= LATEST_YEAR
            and (since is None or EARLIEST_YEAR <= since.year <= LATEST_YEAR)
            and (expected is None or EARLIEST_YEAR <= expected.year <= LATEST_YEAR)
            and (deadline is None or EARLIEST_YEAR <= deadline.year <= LATEST_YEAR)
        ):
            record = self._where
            check_year(self.applied_on, record, "applied_on")
            check_year(since, record, "stage_since")
            check_year(expected, record, "decision_expected_on")
            check_year(deadline, record, "deadline")

    def _check_tags(self) -> None:
        for tag in self.tags:
            problem = tag_problem(tag)
            if problem is not None:
                raise RecordError(self._where, "tags", problem)
        if len({tag.casefold() for tag in self.tags}) != len(self.tags):
            raise RecordError(self._where, "tags", "lists a tag twice")

    @property
    def _where(self) -> str:
        return f"application {self.id or '?'}"

    @property
    def label(self) -> str:
        return f"application {self.id} ({self.company})"

    @staticmethod
    def optional_from_dict(raw: Mapping[str, Any], record: str) -> dict[str, Any]:
        """The optional fields `raw` gives, as arguments of `Application`."""
        fields: dict[str, Any] = {
            key: optional_text_field(raw, key, record)
            for key in ("salary", "location", "resume", "cover_letter")
        }
        deadline = raw.get("deadline")
        fields["deadline"] = None if deadline is None else parse_date(deadline, record, "deadline")
        tags = raw.get("tags")
        if tags is None:
            fields["tags"] = ()
        elif isinstance(tags, list) and all(isinstance(tag, str) for tag in tags):
            fields["tags"] = tuple(" ".join(tag.split()) for tag in tags)
        else:
            raise RecordError(record, "tags", 'must be a list of words such as ["remote", "sql"]')
        return fields

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> Application:
        ident = raw.get("id")
        record = f"application {ident}" if isinstance(ident, str) and ident else "application"
        ident = record_id(ident, record)
        if raw.get("applied_on") is None:
            raise RecordError(record, "applied_on", "is required")
        contacts = raw.get("contacts") or []
        if not isinstance(contacts, list) or not all(isinstance(c, str) for c in contacts):
            raise RecordError(record, "contacts", "must be a list of contact ids")
        since = raw.get("stage_since")
        expected = raw.get("decision_expected_on")
        stage = choice_field(Stage, raw, "stage", record, Stage.APPLIED)
        assert stage is not None
        return cls(
            id=ident,
            company=text_field(raw, "company", record, required=True),
            position=text_field(raw, "position", record),
            applied_on=parse_date(raw["applied_on"], record, "applied_on"),
            stage=stage,
            stage_since=None
            if since is None
            else parse_document_moment(since, record, "stage_since"),
            follow_up=choice_field(FollowUp, raw, "follow_up", record, FollowUp.ANY)
            or FollowUp.ANY,
            decision_expected_on=None
            if expected is None
            else parse_date(expected, record, "decision_expected_on"),
            outcome=choice_field(Outcome, raw, "outcome", record, None),
            keep_in_touch=bool_field(raw, "keep_in_touch", record),
            contacts=tuple(contacts),
            notes=text_field(raw, "notes", record),
            posting_url=optional_text_field(raw, "posting_url", record),
            **cls.optional_from_dict(raw, record),
            extra=extra_fields(raw, cls.KNOWN, record),
        )

    def to_dict(self) -> dict[str, Any]:
        data = {
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
        for key in ("salary", "location", "resume", "cover_letter"):
            value = getattr(self, key)
            if value is not None:
                data[key] = value
        if self.deadline is not None:
            data["deadline"] = self.deadline.isoformat()
        if self.tags:
            data["tags"] = list(self.tags)
        return data


TAG_SEPARATORS = ",;"


def tag_problem(tag: str) -> str | None:
    """Why `tag` cannot be a tag, or None: a tag is one short word or phrase,
    written in lists as "remote, python"."""
    if not tag.strip():
        return "a tag must not be empty"
    if tag != tag.strip():
        return f"{tag!r} has spaces around it"
    if any(c in TAG_SEPARATORS or not c.isprintable() for c in tag):
        return f"{tag!r} holds a comma, a semicolon or a line break"
    return None


def split_tags(text: str) -> tuple[str, ...]:
    """Tags as typed or as a spreadsheet lists them: "remote, python; SQL",
    each once (the first spelling kept), empty ones dropped."""
    seen: dict[str, str] = {}
    for part in re.split(f"[{TAG_SEPARATORS}\\n]", text):
        tag = " ".join(part.split())
        if tag and tag.casefold() not in seen:
            seen[tag.casefold()] = tag
    return tuple(seen.values())


class LogEntry(Record, frozen=True, gc=False, forbid_unknown_fields=True):
    """Something that happened: a call and its outcome, an e-mail, a reply..."""

    application: SetText
    kind: LogKind
    at: Timestamp
    contact: SetText | None = None
    note: str = ""
    decision_expected_on: DocumentDate | None = None
    id: SetText | None = None
    starts_at: Timestamp | None = None
    """When an interview begins; its `at` is when it ends (R19)."""
    extra: Kept = msgspec.field(default=NOTHING_KEPT, name=KEPT_NAME)

    FIELDS: ClassVar[tuple[str, ...]] = (
        "id",
        "application",
        "contact",
        "kind",
        "at",
        "starts_at",
        "note",
        "decision_expected_on",
    )
    KNOWN: ClassVar[frozenset[str]] = frozenset(FIELDS)

    def __post_init__(self) -> None:
        if not self.application:
            raise RecordError(self.label, "application", "is required")
        if self.at.tzinfo is None:
            raise RecordError(self.label, "at", "timestamp has no UTC offset")
        expected = self.decision_expected_on
        # A file holds tens of thousands of entries: the label is made only
        # for an entry that has a year to name.
        if not EARLIEST_YEAR <= self.at.year <= LATEST_YEAR or (
            expected is not None and not EARLIEST_YEAR <= expected.year <= LATEST_YEAR
        ):
            check_year(self.at, self.label, "at")
            check_year(expected, self.label, "decision_expected_on")
        if self.starts_at is not None:
            if self.kind is not LogKind.INTERVIEW:
                raise RecordError(self.label, "starts_at", "is only given for an interview")
            if self.starts_at.tzinfo is None:
                raise RecordError(self.label, "starts_at", "timestamp has no UTC offset")
            check_year(self.starts_at, self.label, "starts_at")
            if self.starts_at > self.at:
                raise RecordError(
                    self.label, "starts_at", "must not be later than at (when the interview ends)"
                )

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
        kind = choice_field(LogKind, raw, "kind", record, None)
        if kind is None:
            raise RecordError(record, "kind", "is required")
        if raw.get("at") is None:
            raise RecordError(record, "at", "is required")
        expected = raw.get("decision_expected_on")
        starts = raw.get("starts_at")
        return cls(
            id=ident,
            application=application,
            contact=contact or None,
            kind=kind,
            at=parse_timestamp(raw["at"], record, "at"),
            starts_at=None if starts is None else parse_timestamp(starts, record, "starts_at"),
            note=text_field(raw, "note", record),
            decision_expected_on=None
            if expected is None
            else parse_date(expected, record, "decision_expected_on"),
            extra=extra_fields(raw, cls.KNOWN, record),
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
        if self.starts_at is not None:
            data["starts_at"] = self.starts_at.isoformat()
        return data


_R = TypeVar("_R", Application, Contact, LogEntry)


def decoded(table: Mapping[str, Mapping[str, Any]], kind: type[_R]) -> Iterator[tuple[str, _R]]:
    """A table's records (key and record), decoded into their declaration in
    one pass. When the pass fails (a record as a person or a newer version
    wrote it: an unknown key, a date with spaces, a bad value), each record
    of the table is decoded alone, and one that fails goes through
    `from_dict`, which keeps unknown keys, tidies what it may and names a bad
    field; both ways give the same record."""
    try:
        records = msgspec.convert(table, dict[str, kind], dec_hook=decode_hook)  # type: ignore[valid-type]
    except msgspec.ValidationError:
        pass
    else:
        yield from records.items()
        return
    for position, (key, raw) in enumerate(table.items()):
        try:
            yield key, msgspec.convert(raw, kind, dec_hook=decode_hook)
        except msgspec.ValidationError:
            if kind is LogEntry:
                yield key, LogEntry.from_dict(raw, position)  # type: ignore[misc]
            else:
                yield key, kind.from_dict(raw)
