"""Where a contact is: their time zone, country and business calendar.

The rules judge every clock and calendar question in the contact's own time.
A contact without a zone gets one from the phone number (only when the number
maps to exactly one zone), else the user's own zone, and the verdict says so
(R13). Holidays come from the `holidays` package, by the contact's country
(given, else from the phone number) and subdivision.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache, lru_cache
from zoneinfo import ZoneInfo

from jobcockpit.core.holiday_tables import holiday_table
from jobcockpit.core.phones import region_and_zones
from jobcockpit.core.records import Contact, Weekday
from jobcockpit.core.zones import is_zone_name

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Place:
    """The zone and calendar a contact is judged in."""

    zone: str
    zone_guessed: bool
    """True when neither the contact nor the phone number told the zone (R13)."""
    zone_inferred: bool
    """True when the zone came from the phone number."""
    country: str | None
    subdivision: str | None
    calendar: BusinessCalendar = field(init=False, compare=False, repr=False)
    """The business days there, shared by every place in the same country and
    subdivision (the rules ask it for every pair)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "calendar", business_calendar(self.country, self.subdivision))


@lru_cache(maxsize=4096)
def _phone_facts(phone: str) -> tuple[str | None, str | None]:
    """(zone, country) that a phone number tells: the zone only when unique."""
    import phonenumbers

    # The library compiles its metadata's patterns through `re.compile` on
    # every use unless asked to keep them; a board's thousands of numbers
    # use the same few dozen.
    phonenumbers.enable_pattern_cache()
    try:
        number = phonenumbers.parse(phone, None)
    except phonenumbers.NumberParseException:
        return None, None
    country, all_zones = region_and_zones(number)
    zones = [z for z in all_zones if is_zone_name(z)]
    zone = zones[0] if len(zones) == 1 else None
    return zone, (country if country and country != "ZZ" else None)


def zone_from_phone(phone: str | None) -> str | None:
    return _phone_facts(phone)[0] if phone else None


def country_from_phone(phone: str | None) -> str | None:
    return _phone_facts(phone)[1] if phone else None


def place_of(contact: Contact, user_zone: str) -> Place:
    """Where `contact` is judged. Contacts who say the same about where they
    are share one `Place`: a board has thousands of contacts in a few dozen
    places, and the rules judge every one of them on every pass."""
    zone, country = contact.timezone, contact.country
    told = zone is not None and country
    key = (
        zone,
        country,
        contact.subdivision,
        None if told else contact.phone,
        None if zone is not None else user_zone,
    )
    place = _PLACES.get(key)
    if place is None:
        if len(_PLACES) >= _PLACES_KEPT:
            _PLACES.clear()
        place = _PLACES[key] = _place_of(contact, user_zone)
    return place


_PLACES: dict[tuple[str | None, ...], Place] = {}
_PLACES_KEPT = 50_000
"""Places kept for reuse; the table starts afresh past this many (one per
phone number at worst, for contacts whose zone or country is not given)."""


def _place_of(contact: Contact, user_zone: str) -> Place:
    zone = contact.timezone
    inferred = False
    guessed = False
    if zone is None:
        zone = zone_from_phone(contact.phone)
        inferred = zone is not None
    if zone is None:
        zone = user_zone
        guessed = True
    country = contact.country or country_from_phone(contact.phone)
    return Place(
        zone=zone,
        zone_guessed=guessed,
        zone_inferred=inferred,
        country=country,
        subdivision=contact.subdivision if contact.country or country else None,
    )


@cache
def zone(name: str) -> ZoneInfo:
    """The time zone of an IANA name, made once per process: the rules, the
    formats and the cockpit convert every time they show through it."""
    return ZoneInfo(name)


class BusinessCalendar:
    """Monday to Friday less the public holidays of one country and subdivision."""

    def __init__(self, country: str | None, subdivision: str | None) -> None:
        self.country = country
        self.subdivision = subdivision
        self._table: dict[dt.date, str] | None = None
        self._cache: dict[dt.date, bool] = {}
        self._between: dict[tuple[dt.date, dt.date], int] = {}
        self._added: dict[tuple[dt.date, int], dt.date] = {}

    def _holidays(self) -> dict[dt.date, str]:
        """The holiday table; it fills in each year the first time it is asked."""
        if self._table is None:
            self._table = {}
            if self.country is not None:
                for subdivision in (self.subdivision, None):
                    try:
                        self._table = holiday_table(self.country, subdivision)
                        break
                    except (NotImplementedError, KeyError):
                        continue
        return self._table

    def holiday(self, day: dt.date) -> str | None:
        """The name of the public holiday on `day`, if it is one."""
        name = self._holidays().get(dt.date(day.year, day.month, day.day))
        return str(name) if name else None

    def is_business_day(self, day: dt.date) -> bool:
        known = self._cache.get(day)
        if known is None:
            known = day.isoweekday() <= 5 and self.holiday(day) is None
            self._cache[day] = known
        return known

    def add_business_days(self, day: dt.date, count: int) -> dt.date:
        """The `count`-th business day after `day`; with 0, `day` itself when it is
        a business day, else the next one, of the type of `day`. Worked out once
        for each stdlib day (the rules' own) and count: every pair waiting from
        the same day asks the same."""
        if type(day) is not dt.date:
            return self._add_business_days(day, count)
        key = (day, count)
        known = self._added.get(key)
        if known is None:
            known = self._added[key] = self._add_business_days(day, count)
        return known

    def _add_business_days(self, day: dt.date, count: int) -> dt.date:
        current = day
        if count == 0:
            while not self.is_business_day(current):
                current += ONE_DAY
            return current
        remaining = count
        while remaining > 0:
            current += ONE_DAY
            if self.is_business_day(current):
                remaining -= 1
        return current

    def business_days_between(self, start: dt.date, end: dt.date) -> int:
        """Business days in (start, end]."""
        known = self._between.get((start, end))
        if known is None:
            known = self._between[(start, end)] = self._count_between(start, end)
        return known

    def _count_between(self, start: dt.date, end: dt.date) -> int:
        count = 0
        current = start
        while current < end:
            current += ONE_DAY
            if self.is_business_day(current):
                count += 1
        return count


@lru_cache(maxsize=512)
def business_calendar(country: str | None, subdivision: str | None) -> BusinessCalendar:
    return BusinessCalendar(country, subdivision)


_WEEKDAYS = tuple(Weekday)


def weekday_of(day: dt.date) -> Weekday:
    return _WEEKDAYS[day.weekday()]
