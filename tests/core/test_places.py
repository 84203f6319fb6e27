"""Where a contact is judged: the places and business days the rules share
between contacts give each contact the answer it would get alone."""

from __future__ import annotations

import datetime as dt
import itertools

import pendulum

from jobcockpit.core import places
from jobcockpit.core.places import business_calendar, place_of
from jobcockpit.core.records import Contact

ZONES = (None, "Asia/Tokyo", "America/New_York")
COUNTRIES = (None, "JP", "US", "DE")
SUBDIVISIONS = (None, "CA", "BY")
PHONES = (None, "+61 2 9876 1234", "+1 212 555 0100", "+81 3 1234 5678", "not a number")
USER_ZONES = ("Europe/Berlin", "Australia/Perth")


def _contacts() -> list[Contact]:
    people = []
    for n, (zone, country, subdivision, phone) in enumerate(
        itertools.product(ZONES, COUNTRIES, SUBDIVISIONS, PHONES)
    ):
        if subdivision is not None and country is None:
            continue
        fields = {"id": f"c{n}", "name": f"Person {n}", "timezone": zone, "country": country}
        fields |= {"subdivision": subdivision, "phone": phone}
        people.append(Contact.from_dict({k: v for k, v in fields.items() if v is not None}))
    return people


def test_every_contact_gets_the_place_it_would_get_alone() -> None:
    people = _contacts()
    shared = [place_of(c, user) for user in USER_ZONES for c in people]
    alone = []
    for user in USER_ZONES:
        for contact in people:
            places._PLACES.clear()
            alone.append(place_of(contact, user))
    assert shared == alone
    assert [p.calendar for p in shared] == [p.calendar for p in alone]
    by_phone = {(p.zone, p.zone_inferred, p.zone_guessed, p.country) for p in shared}
    assert ("Australia/Sydney", True, False, "AU") in by_phone
    assert ("Australia/Perth", False, True, None) in by_phone


def test_the_business_days_counted_once_are_the_ones_counted_each_time() -> None:
    calendar = business_calendar("US", None)
    start = dt.date(2026, 11, 20)
    days = [start + dt.timedelta(days=n) for n in range(45)]
    first = [calendar.add_business_days(day, count) for day in days for count in range(6)]
    again = [calendar.add_business_days(day, count) for day in days for count in range(6)]
    assert first == again
    # Thanksgiving (Thu 26th) and the weekend are skipped.
    assert calendar.add_business_days(dt.date(2026, 11, 25), 1) == dt.date(2026, 11, 27)
    # A pendulum day gives a pendulum day back, as before it was remembered.
    answer = calendar.add_business_days(pendulum.date(2026, 11, 25), 1)
    assert isinstance(answer, pendulum.Date)
    assert answer == dt.date(2026, 11, 27)
