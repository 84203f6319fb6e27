"""A job hunt to try the cockpit on, made fresh for the moment it is opened.

`jobcockpit --demo` must show every answer the rules can give (someone to call,
an e-mail, waits, done, a do-not-contact) and every task, whatever the day, the
hour or the user's zone. So every date is counted back from `now`, and the one
contact who must be callable right now is placed, among a few offices around
the world, in one where it is daytime and no public holiday (failing that, one
where the day still has a few hours left); her best time names all seven
days, so a weekend does not stop her either (R11).

The board itself is data, `board.json` beside this module: `jobcockpit/1`
records whose dates are relative, so the hunt reads (and changes) as a
document rather than as code. This module reads it with the clock in hand:

- a date (`applied_on`, `decision_expected_on`) is `{"days": -10}`, counted
  in the user's calendar; with `"workday": true` one falling on a weekend
  moves on to the Monday;
- a moment (`at`, `starts_at`, `stage_since`) is `{"days": -8, "at": "10:40"}`, that
  wall-clock time in the zone of the record's contact (a log entry's contact,
  an application's first contact; the user's zone for a contact without one),
  or `{"recent": "11:00"}`: that time today when it is over an hour ago, else
  yesterday;
- the contact marked `"callable_now": true` takes her name, phone, zone and
  country from the office she is placed in, and her best time's hours from
  that placement;
- an application's `"shows"` says what it is there to show, for the reader.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import pendulum

from jobcockpit.core import places
from jobcockpit.core.board import Board
from jobcockpit.core.places import business_calendar
from jobcockpit.core.records import Application, Contact, LogEntry, format_clock

BEST_FROM = dt.time(8, 0)
BEST_TO = dt.time(20, 0)
MIN_LEFT = dt.timedelta(minutes=30)
"""The callable contact is placed only where this much of her best time is left
today, well above any sensible `min_window_minutes`."""
LAST_MINUTE = dt.time(23, 59)


@dataclass(frozen=True, slots=True)
class Office:
    zone: str
    country: str
    subdivision: str | None
    name: str
    phone: str


@cache
def _document() -> Mapping[str, Any]:
    text = resources.files(__name__).joinpath("board.json").read_text(encoding="utf-8")
    document: Mapping[str, Any] = json.loads(text)
    return document


@cache
def offices() -> tuple[Office, ...]:
    """Offices to place the callable contact in, the likeliest first. Their
    countries differ in their holidays, so on any day at least one of them is
    at work."""
    return tuple(Office(**office) for office in _document()["offices"])


@dataclass(frozen=True, slots=True)
class Placement:
    """Where the callable contact sits today, and the best time she gave."""

    office: Office
    start: dt.time
    end: dt.time


def place_callable_contact(now: dt.datetime) -> Placement:
    """The first office where it is daytime on a working day; failing that (the
    evening of New Year's Day, when the whole daylit world is on holiday), the
    first where the day is no holiday and has some hours left, with a best time
    over those hours: a recruiter who takes calls late."""
    for office in offices():
        local = _local(now, office)
        if (
            _left(local, BEST_TO) >= MIN_LEFT
            and local.time() >= BEST_FROM
            and _at_work(office, local)
        ):
            return Placement(office, BEST_FROM, BEST_TO)
    for office in offices():
        local = _local(now, office)
        if _left(local, LAST_MINUTE) >= MIN_LEFT and _at_work(office, local):
            start = dt.time(local.hour)
            end = dt.time(local.hour + 4) if local.hour < 20 else LAST_MINUTE
            return Placement(office, start, end)
    raise LookupError(f"no demo office is at work at {now.isoformat()}")  # pragma: no cover


def _local(now: dt.datetime, office: Office) -> dt.datetime:
    return now.astimezone(places.zone(office.zone)).replace(tzinfo=None)


def _left(local: dt.datetime, until: dt.time) -> dt.timedelta:
    return dt.datetime.combine(local.date(), until) - local


def _at_work(office: Office, local: dt.datetime) -> bool:
    return business_calendar(office.country, office.subdivision).holiday(local.date()) is None


class _Clock:
    """Dates and moments counted from now, each in the wall-clock time of a zone."""

    def __init__(self, now: dt.datetime, user_zone: str) -> None:
        self.now = now
        self.user_today = now.astimezone(places.zone(user_zone)).date()

    def day(self, written: Mapping[str, Any]) -> str:
        """A date in the user's calendar, as an application records it."""
        day = self.user_today + dt.timedelta(days=written["days"])
        if written.get("workday"):
            while day.isoweekday() > 5:
                day += dt.timedelta(days=1)
        return day.isoformat()

    def moment(self, written: Mapping[str, Any], zone: str) -> str:
        if "recent" in written:
            return self._recent(zone, written["recent"])
        return self._at(zone, written["days"], written["at"])

    def _at(self, zone: str, days: int, clock: str) -> str:
        """`clock` on the day `days` from today in `zone`: always in the past for
        `days` <= -1."""
        local_today = self.now.astimezone(places.zone(zone)).date()
        day = local_today + dt.timedelta(days=days)
        hour, minute = (int(part) for part in clock.split(":"))
        moment = pendulum.datetime(day.year, day.month, day.day, hour, minute, tz=zone)
        return moment.isoformat()

    def _recent(self, zone: str, clock: str) -> str:
        today = self._at(zone, 0, clock)
        if dt.datetime.fromisoformat(today) <= self.now - dt.timedelta(hours=1):
            return today
        return self._at(zone, -1, clock)


_DATES = ("applied_on", "decision_expected_on")
_MOMENTS = ("at", "starts_at", "stage_since")


def demo_board(now: pendulum.DateTime, user_zone: str) -> Board:
    """A board of seventeen applications over every stage and outcome."""
    document = _document()
    clock = _Clock(now, user_zone)
    placement = place_callable_contact(now)
    contacts = [Contact.from_dict(_contact(raw, placement)) for raw in document["contacts"]]
    zone = {c.id: c.timezone or user_zone for c in contacts}
    applications = [
        Application.from_dict(_dated(raw, clock, zone[raw["contacts"][0]]))
        for raw in document["applications"]
    ]
    log = [
        LogEntry.from_dict(_dated(raw, clock, zone[raw["contact"]]), position)
        for position, raw in enumerate(document["log"])
    ]
    return Board(applications, contacts, log)


def _contact(raw: Mapping[str, Any], placement: Placement) -> dict[str, Any]:
    fields = {key: value for key, value in raw.items() if key != "callable_now"}
    if raw.get("callable_now"):
        office = placement.office
        fields.update(
            name=office.name,
            phone=office.phone,
            timezone=office.zone,
            country=office.country,
            subdivision=office.subdivision,
            best_time={
                **raw["best_time"],
                "from": format_clock(placement.start),
                "to": format_clock(placement.end),
            },
        )
    return fields


def _dated(raw: Mapping[str, Any], clock: _Clock, zone: str) -> dict[str, Any]:
    """A record as stored: its relative dates and moments made absolute, its
    note for the reader left out."""
    fields = {key: value for key, value in raw.items() if key != "shows"}
    for key in _DATES:
        if key in fields:
            fields[key] = clock.day(fields[key])
    for key in _MOMENTS:
        if key in fields:
            fields[key] = clock.moment(fields[key], zone)
    return fields
