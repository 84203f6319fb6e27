"""The calendar of a call: which days and hours a contact may be called.

Each day is planned in the contact's own zone and country: a public holiday
there, their recorded best time, the default windows cut short on Monday
morning and Friday afternoon (docs/rules.md, "time of day", "day of the week",
"a public holiday"). A day's plan depends on the place, the best time, the
day and the settings' windows, never on the moment of judging, so every pair
in the same place with the same best time shares it, in one judging run and
the next (the cockpit judges again on every change and every minute).
"""

from __future__ import annotations

import datetime as dt
import itertools
import operator
from dataclasses import dataclass

import pendulum

from jobcockpit.core.places import Place, weekday_of
from jobcockpit.core.records import BestTime, Contact
from jobcockpit.core.rules.clock import ONE_DAY, ONE_MICROSECOND, plain
from jobcockpit.core.settings import Settings
from jobcockpit.core.verdicts import CallWindow

SEARCH_DAYS = 400
"""How far ahead to look for a callable day before giving up (a best time
naming only days that are all holidays, say)."""


@dataclass(slots=True)
class DayPlan:
    """Whether and when a contact can be called on one day of their calendar."""

    day: dt.date
    zone: str
    local: list[tuple[dt.time, dt.time]]
    """The windows in the contact's wall-clock time."""
    rules: tuple[str, ...]
    why_not: str
    _windows: list[tuple[dt.datetime, dt.datetime]] | None = None
    _open: tuple[dt.datetime, tuple[tuple[CallWindow, ...], dt.datetime | None]] | None = None
    """The moment `CallCalendar.still_open` was last asked at and what it
    found: every pair judged at that moment in this place and best time
    shares it. One attribute, so that a judge in another thread never reads
    one moment's answer for another's."""

    @property
    def windows(self) -> list[tuple[dt.datetime, dt.datetime]]:
        """The windows as instants, made only for the days that need them."""
        if self._windows is None:
            self._windows = [
                (_at(self.day, a, self.zone), _at(self.day, b, self.zone)) for a, b in self.local
            ]
        return self._windows

    def has_window(self, minutes: int) -> bool:
        return any(_minutes(b) - _minutes(a) >= minutes for a, b in self.local)


def _minutes(clock: dt.time) -> int:
    return clock.hour * 60 + clock.minute


_PlanKey = tuple[object, ...]
_SHARED_LIMIT = 20_000
"""Plans and first callable days kept between judging runs, for every
settings in force; the tables start afresh past this many."""
_PLANS: dict[_PlanKey, DayPlan] = {}
_WINDOWS_IN_FORCE: dict[tuple[object, ...], int] = {}
"""Each set of windows in force a `CallCalendar` was made under, and its number."""
_CALLABLE: dict[_PlanKey, tuple[dt.date, tuple[str, ...]]] = {}
_BEST_TIMES: dict[object, int] = {}
"""Each best time planned for (by the fields its equality compares), and the
number that stands for it in the keys."""
_fields_of = operator.attrgetter(*[n for n in BestTime.__struct_fields__ if n != "extra"])
"""What makes two best times equal, read in one call rather than through
the record's own hash and equality."""
_NUMBERS = itertools.count(1)


class CallCalendar:
    """Call windows per (place, best time, day), shared by every judging run
    under the same windows."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        windows_in_force = (
            settings.call_windows,
            settings.monday_starts_at,
            settings.friday_ends_at,
            settings.min_window_minutes,
        )
        self._windows_in_force = _WINDOWS_IN_FORCE.setdefault(
            windows_in_force, len(_WINDOWS_IN_FORCE)
        )
        """A number for the windows in force, so that a key does not hash
        them again and again."""
        self._plans: dict[tuple[int, int, dt.date], tuple[Place, DayPlan]] = {}
        self._best_times: dict[int, tuple[BestTime, int]] = {}

    def _key(self, contact: Contact, place: Place, day: dt.date) -> _PlanKey:
        return (
            self._windows_in_force,
            place.zone,
            place.country,
            place.subdivision,
            self._best_number(contact.best_time),
            day,
        )

    def _best_number(self, best: BestTime | None) -> int:
        """A number shared by equal best times: each contact holds a best time
        of its own, and hashing one (all its fields) for every plan looked up
        cost more than the lookup."""
        if best is None:
            return 0
        known = self._best_times.get(id(best))
        if known is not None and known[0] is best:
            return known[1]
        fields = _fields_of(best)
        number = _BEST_TIMES.get(fields)
        if number is None:
            if len(_BEST_TIMES) >= _SHARED_LIMIT:
                _BEST_TIMES.clear()
            # Never a number given before: a plan kept under an old one is
            # never found for another best time.
            number = _BEST_TIMES[fields] = next(_NUMBERS)
        self._best_times[id(best)] = (best, number)
        return number

    def plan(self, contact: Contact, place: Place, day: dt.date) -> DayPlan:
        # Most pairs of a judging run share a few places and best times: those
        # are looked up by the identity of the place and the best time's
        # number first.
        near = (id(place), self._best_number(contact.best_time), day)
        known = self._plans.get(near)
        if known is not None and known[0] is place:
            return known[1]
        key = self._key(contact, place, day)
        plan = _PLANS.get(key)
        if plan is None:
            if len(_PLANS) >= _SHARED_LIMIT:
                _PLANS.clear()
            plan = _PLANS[key] = self._make_plan(contact, place, day)
        self._plans[near] = (place, plan)
        return plan

    def _make_plan(self, contact: Contact, place: Place, day: dt.date) -> DayPlan:
        settings = self.settings
        holiday = place.calendar.holiday(day)
        if holiday is not None:
            # R12: no call on a public holiday, best time or not.
            return DayPlan(day, place.zone, [], ("R12",), f"public holiday there ({holiday})")
        best = contact.best_time
        local: list[tuple[dt.time, dt.time]]
        # R10: call in the default windows, in the contact's time; a recorded
        # best time replaces them, and then only its own days count (weekends
        # included when it names them).
        if best is not None:
            if weekday_of(day) not in best.days:
                return DayPlan(
                    day,
                    place.zone,
                    [],
                    ("R10", "R11"),
                    f"not one of their best days ({best.describe()})",
                )
            local = [(best.start, best.end)]
            rules: tuple[str, ...] = ("R10",)
        else:
            # R11: no weekends, no Monday mornings, no Friday afternoons.
            if day.isoweekday() > 5:
                return DayPlan(day, place.zone, [], ("R11",), "weekend")
            local = list(settings.call_windows)
            rules = ("R10",)
            if day.isoweekday() == 1:
                cut = settings.monday_starts_at
                local = [(max(a, cut), b) for a, b in local if b > cut]
                rules = ("R10", "R11")
            elif day.isoweekday() == 5:
                cut = settings.friday_ends_at
                local = [(a, min(b, cut)) for a, b in local if a < cut]
                rules = ("R10", "R11")
        return DayPlan(day, place.zone, local, rules, "no call windows that day")

    def still_open(
        self, plan: DayPlan, now: dt.datetime
    ) -> tuple[tuple[CallWindow, ...], dt.datetime | None]:
        """The plan's windows with enough time left at `now` to place a call,
        and the next moment that changes: a window opening, or one
        stopping to count, just after `b - needed` (never before now, or it
        would not be left)."""
        known = plan._open
        if known is not None and known[0] == now:
            return known[1]
        needed = dt.timedelta(minutes=self.settings.min_window_minutes)
        left = [(a, b) for a, b in plan.windows if b - max(a, now) >= needed]
        edges = [a for a, _ in left if a > now] + [b - needed + ONE_MICROSECOND for _, b in left]
        found = (tuple([CallWindow(a, b) for a, b in left]), min(edges, default=None))
        plan._open = (now, found)
        return found

    def first_callable_day(
        self, contact: Contact, place: Place, day: dt.date
    ) -> tuple[dt.date, tuple[str, ...]]:
        """The first day from `day` on that has a call window, and the rules of the
        days skipped on the way (weekends, holidays)."""
        key = self._key(contact, place, day)
        known = _CALLABLE.get(key)
        if known is None:
            if len(_CALLABLE) >= _SHARED_LIMIT:
                _CALLABLE.clear()
            known = _CALLABLE[key] = self._first_callable_day(contact, place, day)
        return known

    def _first_callable_day(
        self, contact: Contact, place: Place, day: dt.date
    ) -> tuple[dt.date, tuple[str, ...]]:
        needed = self.settings.min_window_minutes
        current = day
        skipped: list[str] = []
        for _ in range(SEARCH_DAYS):
            plan = self.plan(contact, place, current)
            if plan.has_window(needed):
                return current, tuple(dict.fromkeys(skipped))
            skipped.extend(r for r in plan.rules if r != "R10")
            current += ONE_DAY
        return day, ()


def _at(day: dt.date, clock: dt.time, zone: str) -> dt.datetime:
    """A wall-clock time on a day in a zone; a time skipped by a DST change moves
    forward to the first real instant (pendulum's rule)."""
    return plain(pendulum.datetime(day.year, day.month, day.day, clock.hour, clock.minute, tz=zone))
