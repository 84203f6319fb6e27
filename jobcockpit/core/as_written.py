"""Reading records as `to_dict` wrote them, quickly.

A data file of 10,000 applications holds some 70,000 records, and reading
each through the general parsers costs more than parsing the JSON. Nearly
every record arrives exactly as `to_dict` wrote it, so each record type has a
shortcut for that one shape: it checks the same things more cheaply and
builds the same record. Anything else (a missing or unknown key, an unusual
type, text with spaces around a date, a value the checks refuse) makes the
shortcut give up (None) and `from_dict` take its general path, which then
reads the record or raises the error it always raised. Each `from_dict`
tries its shortcut first; `tests/tui/test_caches_agree.py` checks that both
paths agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import pendulum

from jobcockpit.core.values import BestTime, FollowUp, LogKind, Outcome, Stage

_R = TypeVar("_R")
"""The record type a shortcut builds. The shortcuts are handed the record's
class and its number of fields rather than importing `records`, which imports
them: the two modules stay free of an import cycle."""

_GIVE_UP = (KeyError, TypeError, ValueError, AttributeError, IndexError)
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
    """`optional_text_field`: empty text reads as None."""
    if value is None:
        return None
    if type(value) is not str:
        raise TypeError(value)
    return value or None


def _written_bool(value: object) -> bool:
    if type(value) is not bool:
        raise TypeError(value)
    return value


def application_as_written(
    build: Callable[..., _R], fields: int, raw: Mapping[str, Any]
) -> _R | None:
    try:
        if type(raw) is not dict or len(raw) != fields:
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
        return build(
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


def contact_as_written(build: Callable[..., _R], fields: int, raw: Mapping[str, Any]) -> _R | None:
    try:
        if type(raw) is not dict or len(raw) != fields:
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
        return build(
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


def entry_as_written(build: Callable[..., _R], raw: Mapping[str, Any]) -> _R | None:
    try:
        if type(raw) is not dict:
            return None
        ident = raw.get("id")
        starts = raw.get("starts_at")
        if len(raw) != 6 + ("id" in raw) + ("starts_at" in raw):
            return None
        if ident is not None and (type(ident) is not str or not ident):
            return None
        application = raw["application"]
        if type(application) is not str or not application:
            return None
        at = raw["at"]
        if type(at) is not str:
            return None
        return build(
            id=ident,
            application=application,
            contact=_written_optional(raw["contact"]),
            kind=_KINDS[raw["kind"]],
            at=_written_moment(at),
            note=_written_text(raw["note"]),
            decision_expected_on=_written_date(raw["decision_expected_on"]),
            starts_at=None if starts is None else _written_moment(starts),
            extra={},
        )
    except _GIVE_UP:
        return None
