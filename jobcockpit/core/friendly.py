"""Dates, times and details as people type them: "tue 10:30", "3 days ago", "2pm".

The cockpit asks when a call happened or when a decision is due, and nobody
wants to type an ISO timestamp for that. Everything here takes `today` or `now`
as an argument, so a test pins the clock and a parse never depends on the
machine. Every refusal is a `ValueError` whose message a person can act on.

A local time that does not exist (the hour skipped when daylight saving time
starts) or happens twice (the hour repeated when it ends) is refused, never
shifted: an hour's error in a logged call moves the follow-up rules' waits and
windows without anyone noticing.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from functools import lru_cache
from typing import Literal
from urllib.parse import urlsplit

import pendulum

from jobcockpit.core import places
from jobcockpit.core.calendar_words import month_number, weekday_index
from jobcockpit.core.records import WEEKDAYS, Weekday
from jobcockpit.core.values import check_year
from jobcockpit.core.zones import all_zone_names, is_zone_name

Direction = Literal["past", "future"]
"""Which way a day without a date leans: "past" for when something happened,
"future" for when something is due."""

_UNITS = {
    "d": "days",
    "day": "days",
    "days": "days",
    "w": "weeks",
    "wk": "weeks",
    "wks": "weeks",
    "week": "weeks",
    "weeks": "weeks",
    "month": "months",
    "months": "months",
}
_COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3}

DAY_EXAMPLES = "2026-11-10, today, yesterday, tue, 10 nov, 3 days ago or in 2 weeks"
TIME_EXAMPLES = "14:30, 2pm or 2:30 pm"
MOMENT_EXAMPLES = "now, 14:30, yesterday 14:00, tue 10:30 or 2026-11-10 14:00"


def _words(text: str) -> list[str]:
    return text.replace(",", " ").casefold().split()


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _COUNT_WORDS.get(word)


def _calendar_day(year: int, month: int, day: int, text: str) -> pendulum.Date:
    try:
        return pendulum.date(year, month, day)
    except ValueError:
        raise ValueError(f"“{text}” is not a day on the calendar") from None


def _shift(today: pendulum.Date, count: int, unit: str) -> pendulum.Date:
    if unit == "months":
        return today.add(months=count)
    if unit == "weeks":
        return today.add(weeks=count)
    return today.add(days=count)


def _weekday_near(
    today: pendulum.Date, weekday: int, direction: Direction, *, strict: bool
) -> pendulum.Date:
    """The nearest `weekday` in `direction`; today itself unless `strict`."""
    if direction == "past":
        back = (today.weekday() - weekday) % 7
        if back == 0 and strict:
            back = 7
        return today.subtract(days=back)
    ahead = (weekday - today.weekday()) % 7
    if ahead == 0 and strict:
        ahead = 7
    return today.add(days=ahead)


def _day_of_month(
    today: pendulum.Date, month: int, day: int, year: int | None, direction: Direction, text: str
) -> pendulum.Date:
    """A day and month; without a year, the nearest one in `direction`."""
    if year is not None:
        return _calendar_day(year, month, day, text)
    if not 1 <= day <= 31:
        raise ValueError(f"“{text}” is not a day on the calendar")
    step = -1 if direction == "past" else 1
    for offset in range(0, 9 * step, step):
        try:
            candidate = pendulum.date(today.year + offset, month, day)
        except ValueError:
            continue
        if (direction == "past" and candidate <= today) or (
            direction == "future" and candidate >= today
        ):
            return candidate
    raise ValueError(f"“{text}” is not a day on the calendar")


def parse_day(text: str, today: pendulum.Date, direction: Direction = "past") -> pendulum.Date:
    """A day as typed: an ISO date, a word like "yesterday", a weekday, a day and
    month, or a count of days, weeks or months before or after `today`.

    A weekday or a day and month alone is the nearest one in `direction`, today
    included ("tue" on a Tuesday is today); "last tue" and "next tue" never mean
    today. A day outside the years a record may hold is refused here, under
    the field it was typed in.
    """
    day = _parse_day(text, today, direction)
    check_year(day, "day", "day")
    return day


def _parse_day(text: str, today: pendulum.Date, direction: Direction) -> pendulum.Date:
    words = _words(text)
    if not words:
        raise ValueError(f"write a day, e.g. {DAY_EXAMPLES}")
    joined = " ".join(words)
    shown = text.strip()

    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", joined)
    if iso:
        return _calendar_day(int(iso[1]), int(iso[2]), int(iso[3]), shown)

    simple = {"today": 0, "yesterday": -1, "tomorrow": 1}
    if joined in simple:
        return today.add(days=simple[joined])
    if len(words) == 2 and words[0] in ("next", "last") and words[1] in ("week", "month"):
        sign = 1 if words[0] == "next" else -1
        return _shift(today, sign, _UNITS[words[1]])

    weekday = weekday_index(words[-1])
    if weekday is not None and len(words) <= 2:
        if len(words) == 1:
            return _weekday_near(today, weekday, direction, strict=False)
        if words[0] in ("last", "next", "this"):
            lean: Direction = "future" if words[0] == "next" else "past"
            if words[0] == "this":
                lean = direction
            return _weekday_near(today, weekday, lean, strict=words[0] != "this")

    relative = _relative_day(words, today)
    if relative is not None:
        return relative

    named = _named_day(words, today, direction, shown)
    if named is not None:
        return named

    if len(words) == 2 and _count(words[0]) is not None and words[1] in _UNITS:
        raise ValueError(f"write “in {joined}” or “{joined} ago”")
    raise ValueError(f"“{shown}” is not a day I understand; write e.g. {DAY_EXAMPLES}")


def _relative_day(words: list[str], today: pendulum.Date) -> pendulum.Date | None:
    """ "in 3 days", "2 weeks ago", "a month ago"."""
    if len(words) == 3 and words[0] == "in":
        count, unit, sign = _count(words[1]), _UNITS.get(words[2]), 1
    elif len(words) == 3 and words[2] == "ago":
        count, unit, sign = _count(words[0]), _UNITS.get(words[1]), -1
    else:
        return None
    if count is None or unit is None:
        return None
    return _shift(today, sign * count, unit)


def _named_day(
    words: list[str], today: pendulum.Date, direction: Direction, shown: str
) -> pendulum.Date | None:
    """ "10 nov", "nov 10", "10 november 2026", "nov 10 2026"."""
    if len(words) not in (2, 3):
        return None
    year: int | None = None
    if len(words) == 3:
        if not (words[2].isdigit() and len(words[2]) == 4):
            return None
        year = int(words[2])
    first, second = words[0], words[1]
    if first.isdigit() and month_number(second) is not None:
        day, month = int(first), month_number(second)
    elif second.isdigit() and month_number(first) is not None:
        day, month = int(second), month_number(first)
    else:
        return None
    assert month is not None
    return _day_of_month(today, month, day, year, direction, shown)


def parse_time(text: str) -> pendulum.Time:
    """A time of day: "14:30", "14.30", "1430", "9" (09:00), "2pm", "2:30 pm", "noon"."""
    squeezed = "".join(text.casefold().split())
    if not squeezed:
        raise ValueError(f"write a time of day, e.g. {TIME_EXAMPLES}")
    if squeezed == "noon":
        return pendulum.time(12, 0)
    if squeezed == "midnight":
        return pendulum.time(0, 0)
    shown = text.strip()
    match = re.fullmatch(r"(\d{1,2})(?:[:.h](\d{2}))?(?::(\d{2}))?(am|pm|a|p)?", squeezed)
    if match is None:
        match = re.fullmatch(r"(\d{1,2})(\d{2})()(am|pm|a|p)?", squeezed)
    if match is None:
        raise ValueError(f"“{shown}” is not a time of day; write e.g. {TIME_EXAMPLES}")
    hour = int(match[1])
    minute = int(match[2]) if match[2] else 0
    second = int(match[3]) if match[3] else 0
    meridiem = match[4]
    if meridiem:
        if not 1 <= hour <= 12:
            raise ValueError(f"“{shown}”: with am or pm the hour runs from 1 to 12")
        hour = hour % 12 + (12 if meridiem.startswith("p") else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise ValueError(f"“{shown}” is not a time of day; the clock runs from 00:00 to 23:59")
    return pendulum.time(hour, minute, second)


def _day_label(day: dt.date) -> str:
    return f"{day.strftime('%a')} {day.day} {day.strftime('%b')} {day.year}"


def local_moment(day: dt.date, clock: dt.time, zone: str) -> pendulum.DateTime:
    """`clock` on `day` in `zone`; refused when the daylight-saving change that
    day skips it or repeats it, since either choice would be a guess."""
    if not is_zone_name(zone):
        raise ValueError(f"“{zone}” is not an IANA time zone")
    wall = dt.datetime.combine(dt.date(day.year, day.month, day.day), clock)
    first = wall.replace(tzinfo=places.zone(zone), fold=0)
    second = wall.replace(tzinfo=places.zone(zone), fold=1)
    if first.utcoffset() != second.utcoffset():
        when = f"{clock.strftime('%H:%M')} on {_day_label(day)}"
        back = first.astimezone(dt.UTC).astimezone(places.zone(zone)).replace(tzinfo=None)
        if back != wall:
            raise ValueError(
                f"{when} does not exist in {zone}: the clocks skip that hour when "
                "daylight saving time starts; pick a time after the change"
            )
        raise ValueError(
            f"{when} happens twice in {zone} as the clocks go back; "
            f"say which with its offset: {first.isoformat(timespec='minutes')} (the first) "
            f"or {second.isoformat(timespec='minutes')} (the second)"
        )
    return pendulum.datetime(
        wall.year, wall.month, wall.day, wall.hour, wall.minute, wall.second, tz=zone
    )


def _iso_moment(text: str, zone: str) -> pendulum.DateTime | None:
    """An ISO timestamp with a time; one without an offset is taken in `zone`."""
    stripped = text.strip()
    if len(stripped) <= 10 or not re.match(r"\d{4}-\d{2}-\d{2}[Tt ]\d", stripped):
        return None
    try:
        parsed = dt.datetime.fromisoformat(stripped)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return local_moment(parsed.date(), parsed.time(), zone)
    return pendulum.instance(parsed)


def parse_typed_moment(
    text: str, now: pendulum.DateTime, zone: str, direction: Direction = "past"
) -> pendulum.DateTime:
    """A moment as typed: "now", a time alone (today), a day and a time
    ("yesterday 14:00", "tue at 10:30"), or an ISO timestamp. Times without an
    offset are wall-clock times in `zone`; the day leans as in `parse_day`."""
    stripped = text.strip()
    if not stripped:
        raise ValueError(f"write when, e.g. {MOMENT_EXAMPLES}")
    local_now = pendulum.instance(now).in_timezone(zone)
    if stripped.casefold() == "now":
        return local_now.replace(microsecond=0)
    iso = _iso_moment(stripped, zone)
    if iso is not None:
        check_year(iso, "moment", "moment")
        return iso
    words = _words(stripped)
    today = local_now.date()
    for size in (2, 1):
        if len(words) < size:
            continue
        try:
            clock = parse_time(" ".join(words[-size:]))
        except ValueError:
            continue
        day_words = words[:-size]
        if day_words and day_words[-1] == "at":
            day_words = day_words[:-1]
        day = parse_day(" ".join(day_words), today, direction) if day_words else today
        return local_moment(day, clock, zone)
    try:
        parse_day(stripped, today, direction)
    except ValueError:
        raise ValueError(
            f"“{stripped}” is not a moment I understand; write e.g. {MOMENT_EXAMPLES}"
        ) from None
    raise ValueError(f"add the time of day, e.g. “{stripped} 14:00”")


LENGTH_EXAMPLES = "1 h, 45 min, 1:30 or 1h30"
_LONGEST = dt.timedelta(hours=12)


def parse_length(text: str) -> dt.timedelta:
    """How long something lasts (an interview): "1 h", "45 min", "1.5h",
    "1:30", "1h30", "an hour", "half an hour"; a number alone is minutes from
    10 on ("90") and hours below ("2")."""
    squeezed = "".join(text.casefold().split())
    shown = text.strip()
    if not squeezed:
        raise ValueError(f"write how long, e.g. {LENGTH_EXAMPLES}")
    words = {"anhour": 60, "onehour": 60, "halfanhour": 30, "halfhour": 30}
    minutes: float | None = words.get(squeezed)
    clock = re.fullmatch(r"(\d{1,2}):(\d{2})", squeezed)
    mixed = re.fullmatch(r"(\d{1,2})h(?:ours?|rs?)?(\d{1,2})(?:m|min|mins|minutes?)?", squeezed)
    unit = re.fullmatch(r"(\d+(?:[.,]\d+)?)(h|hr|hrs|hours?|m|min|mins|minutes?)?", squeezed)
    if minutes is not None:
        pass
    elif clock is not None:
        minutes = int(clock[1]) * 60 + int(clock[2])
    elif mixed is not None:
        minutes = int(mixed[1]) * 60 + int(mixed[2])
    elif unit is not None:
        number = float(unit[1].replace(",", "."))
        hours = unit[2].startswith("h") if unit[2] else number < 10
        minutes = number * 60 if hours else number
    else:
        raise ValueError(f"“{shown}” is not a length I understand; write e.g. {LENGTH_EXAMPLES}")
    length = dt.timedelta(minutes=round(minutes))
    if length < dt.timedelta(minutes=5) or length > _LONGEST:
        raise ValueError(f"“{shown}”: an interview lasts between 5 minutes and 12 hours")
    return length


def describe_length(length: dt.timedelta) -> str:
    """ "1 h 30 min", "45 min", "2 h"."""
    minutes = int(length.total_seconds() // 60)
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


# -- time zones ----------------------------------------------------------------


@lru_cache(maxsize=1)
def _zones() -> tuple[str, ...]:
    return tuple(sorted(all_zone_names()))


def zone_names() -> tuple[str, ...]:
    """Every IANA zone name, sorted, for completion."""
    return _zones()


def _folded(text: str) -> str:
    return "_".join(text.strip().casefold().split())


def zone_matches(text: str, limit: int = 5) -> list[str]:
    """IANA names that fit `text` best: the exact name, then names whose city or
    region starts with it, then names containing it; near spellings ("Berln")
    only when nothing contains it."""
    needle = _folded(text)
    if not needle:
        return []
    ranked: list[tuple[int, str]] = []
    for name in _zones():
        folded = name.casefold()
        parts = folded.split("/")
        if folded == needle:
            rank = 0
        elif parts[-1] == needle:
            rank = 1
        elif folded.startswith(needle) or any(part.startswith(needle) for part in parts):
            rank = 2
        elif needle in folded:
            rank = 3
        else:
            continue
        ranked.append((rank, name))
    found = [name for _, name in sorted(ranked)]
    if not found:
        cities = {name.casefold().split("/")[-1]: name for name in _zones()}
        close = difflib.get_close_matches(needle, list(cities), n=limit, cutoff=0.6)
        found += [cities[city] for city in close if cities[city] not in found]
        whole = {name.casefold(): name for name in _zones()}
        close = difflib.get_close_matches(needle, list(whole), n=limit, cutoff=0.6)
        found += [whole[name] for name in close if whole[name] not in found]
    return found[:limit]


def parse_zone(text: str) -> str:
    """An IANA zone name, in any case; a city alone when only one zone has it
    ("berlin" is Europe/Berlin). Anything else is refused naming the closest."""
    stripped = text.strip()
    if is_zone_name(stripped):
        return stripped
    needle = _folded(stripped)
    exact = [name for name in _zones() if name.casefold() == needle]
    if exact:
        return exact[0]
    cities = [name for name in _zones() if name.casefold().split("/")[-1] == needle]
    if len(cities) == 1:
        return cities[0]
    matches = zone_matches(stripped, limit=3)
    if matches:
        raise ValueError(f"“{stripped}” is not a time zone; did you mean {', '.join(matches)}?")
    raise ValueError(f"“{stripped}” is not a time zone; write an IANA name such as Europe/Berlin")


# -- contact details -----------------------------------------------------------


def parse_email(text: str) -> str | None:
    """An e-mail address, checked only for its shape; empty is None."""
    stripped = text.strip()
    if not stripped:
        return None
    local, at, domain = stripped.rpartition("@")
    if (
        not at
        or not local
        or any(c.isspace() for c in stripped)
        or "." not in domain.strip(".")
        or ".." in domain
    ):
        raise ValueError(f"“{stripped}” is not an e-mail address such as dana@example.com")
    return stripped


def parse_phone(text: str) -> str | None:
    """A phone number as typed (kept as is); empty is None."""
    stripped = text.strip()
    if not stripped:
        return None
    if not any(c.isdigit() for c in stripped):
        raise ValueError(f"“{stripped}” has no digits; write e.g. +1 505 555 0100")
    if re.search(r"[^\d\s+().\-/xX#*]", stripped.replace("ext", "")):
        raise ValueError(f"“{stripped}” is not a phone number; write e.g. +1 505 555 0100")
    return stripped


def parse_country(text: str) -> str | None:
    """A 2-letter country code (ISO 3166), any case; empty is None."""
    stripped = text.strip()
    if not stripped:
        return None
    if len(stripped) != 2 or not stripped.isalpha() or not stripped.isascii():
        raise ValueError(f"“{stripped}” is not a 2-letter country code such as US or DE")
    return stripped.upper()


def parse_subdivision(text: str, country: str | None) -> str | None:
    """A state or region code of `country` for its public holidays; empty is None.
    Checked against the holidays package when it knows the country."""
    stripped = text.strip().upper()
    if not stripped:
        return None
    if country is None:
        raise ValueError("give the country too: a subdivision belongs to one")
    import holidays

    known = holidays.list_supported_countries().get(country)
    if known and stripped not in known:
        sample = ", ".join(known[:8]) + (", ..." if len(known) > 8 else "")
        raise ValueError(f"“{text.strip()}” is not a subdivision of {country}; try {sample}")
    return stripped


def parse_days(text: str) -> frozenset[Weekday]:
    """Days of the week: "tue,wed,thu", "mon-fri", "weekdays", "sat sun"."""
    days: set[Weekday] = set()
    order = list(Weekday)
    parts = [part for part in re.split(r"[,\s/]+", text.casefold()) if part]
    if not parts:
        raise ValueError("write days such as mon-fri or tue,wed,thu")
    for part in parts:
        if part in ("weekdays", "workdays"):
            days |= WEEKDAYS
            continue
        if part in ("weekend", "weekends"):
            days |= {Weekday.SAT, Weekday.SUN}
            continue
        first, dash, last = part.partition("-")
        start, end = weekday_index(first), weekday_index(last) if dash else None
        if start is None or (dash and end is None):
            raise ValueError(f"“{part}” is not a day of the week; write e.g. mon-fri or tue,wed")
        if end is None:
            days.add(order[start])
            continue
        index = start
        days.add(order[index])
        while index != end:
            index = (index + 1) % 7
            days.add(order[index])
    return frozenset(days)


def parse_url(text: str) -> str | None:
    """A web address; one typed without its scheme ("acme.com/jobs/1") gets https://."""
    stripped = text.strip()
    if not stripped:
        return None
    if any(c.isspace() for c in stripped):
        raise ValueError("a web address has no spaces")
    candidate = stripped if "://" in stripped else f"https://{stripped}"
    parts = urlsplit(candidate)
    if parts.scheme not in ("http", "https") or "." not in parts.netloc:
        raise ValueError(f"“{stripped}” is not a web address such as https://acme.example/jobs/1")
    return candidate


def describe_day(day: dt.date, today: dt.date) -> str:
    """How a parsed day reads back to the person who typed it."""
    label = _day_label(day)
    offset = (day - today).days
    if offset == 0:
        return f"{label}, today"
    if offset == -1:
        return f"{label}, yesterday"
    if offset == 1:
        return f"{label}, tomorrow"
    return f"{label}, {abs(offset)} days {'ago' if offset < 0 else 'from today'}"


def describe_moment(moment: dt.datetime, now: dt.datetime, zone: str) -> str:
    """How a parsed moment reads back: its day and time in `zone`."""
    local = moment.astimezone(places.zone(zone))
    today = now.astimezone(places.zone(zone)).date()
    return f"{describe_day(local.date(), today)}, {local.strftime('%H:%M')} ({zone})"


IMPORT_ALLOWANCE_DAYS = 1
"""How far past the importing day a file's day applied may be: a file written
in a zone already on the next day is not wrong."""


def applied_too_late(applied_on: dt.date, today: dt.date, allowance_days: int = 0) -> str | None:
    """Why `applied_on` cannot be the day an application was sent, or None:
    a day after `today` (plus `allowance_days`) has not happened yet, and the
    rules would wait for it. The cockpit's form and the import both ask here."""
    latest = today + dt.timedelta(days=allowance_days)
    if applied_on <= latest:
        return None
    if allowance_days == 0:
        return "that is after today; write the day you applied"
    return (
        f"{applied_on.isoformat()} is after {latest.isoformat()}, "
        "a day that has not come yet; write the day you applied"
    )
