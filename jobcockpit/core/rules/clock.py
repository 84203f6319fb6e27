"""Moments as the rules count them: plain stdlib dates and times, and
instants as whole microseconds.

pendulum's own arithmetic is many times slower than the standard library's,
and judging a board does a great deal of it, so the rules convert once at the
edge and work in stdlib values; comparing whole microseconds is exact and far
quicker than comparing datetimes in different zones.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pendulum

ONE_DAY = dt.timedelta(days=1)
ONE_MICROSECOND = dt.timedelta(microseconds=1)
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
NEVER = 2**63
"""Later than any moment in `microseconds`: an answer the clock never changes."""


def plain_date(day: dt.date) -> dt.date:
    """A stdlib date: pendulum's own arithmetic is many times slower, and the rules
    do a great deal of it."""
    return dt.date(day.year, day.month, day.day)


def plain(moment: dt.datetime) -> dt.datetime:
    return dt.datetime(
        moment.year,
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
        moment.second,
        moment.microsecond,
        tzinfo=moment.tzinfo,
        fold=moment.fold,
    )


def midnight(day: dt.date, zone: ZoneInfo) -> dt.datetime:
    key = (day, zone)
    moment = _MIDNIGHTS.get(key)
    if moment is None:
        if len(_MIDNIGHTS) > _SHARED_LIMIT:
            _MIDNIGHTS.clear()
        moment = _MIDNIGHTS[key] = dt.datetime(day.year, day.month, day.day, tzinfo=zone)
    return moment


def pendulum_date(day: dt.date) -> pendulum.Date:
    known = _PENDULUM_DATES.get(day)
    if known is None:
        if len(_PENDULUM_DATES) > _SHARED_LIMIT:
            _PENDULUM_DATES.clear()
        known = _PENDULUM_DATES[day] = pendulum.date(day.year, day.month, day.day)
    return known


_SHARED_LIMIT = 20_000
"""Immutable values shared between verdicts (a midnight in a zone, a date),
made once; the tables are emptied when they grow past this."""
_MIDNIGHTS: dict[tuple[dt.date, ZoneInfo], dt.datetime] = {}
_PENDULUM_DATES: dict[dt.date, pendulum.Date] = {}


def microseconds(moment: dt.datetime) -> int:
    """A moment as whole microseconds since the epoch: comparing these is
    exact and far quicker than comparing datetimes in different zones."""
    if type(moment) is not dt.datetime:
        moment = plain(moment)
    return (moment - EPOCH) // ONE_MICROSECOND
