"""Dates as spreadsheets write them, and which way round a file writes them.

Every country and office suite writes a date its own way: 2026-11-10,
10.11.2026, 10 Nov 2026, Nov 10, 2026, 10/11/2026. The last is the hard one:
day or month first is a property of the file, not of the cell, so it is decided
once for the whole sheet from the dates that can only be read one way.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from jobcockpit.core.calendar_words import month_of_stem, starts_like_weekday
from jobcockpit.formats.refusal import ImportRefused

DateOrder = Literal["dmy", "mdy"]

_CLOCK = r"\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:Z|[+-]\d{2}:?\d{2})?"
_TIME_TAIL = rf"(?:(?:T|,?\s+){_CLOCK})?"
"""A time after the date (Google Forms and some trackers write one): ignored."""
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})" + _TIME_TAIL)
_DOTTED = re.compile(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})\.?" + _TIME_TAIL)
_SLASHED = re.compile(r"(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})" + _TIME_TAIL)

_IGNORED_DATE_WORDS = frozenset(
    {"st", "nd", "rd", "th", "of", "de", "del", "the", "am", "pm", "er", "le"}
)
DATE_EXAMPLES = "2026-11-10, 10.11.2026, 10 Nov 2026 or Nov 10, 2026"


def _year(text: str) -> int:
    """A two-digit year is this century's: a job hunt is recent."""
    year = int(text)
    return 2000 + year if len(text) == 2 else year


def _calendar(year: int, month: int, day: int, text: str) -> dt.date:
    if not 1970 <= year <= 2100:
        raise ValueError(f"{text!r}: the year {year} is not a plausible year to have applied in")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"{text!r} is not a day on the calendar") from None


@dataclass(frozen=True, slots=True)
class _Slashed:
    """A date like 03/04/2026 whose order (day or month first) the file decides."""

    first: int
    second: int
    year: int

    @property
    def says(self) -> DateOrder | None:
        """The order this date alone proves, if any."""
        if self.first > 12 >= self.second:
            return "dmy"
        if self.second > 12 >= self.first:
            return "mdy"
        return None

    @property
    def ambiguous(self) -> bool:
        return self.first <= 12 and self.second <= 12 and self.first != self.second


def _slashed(text: str) -> _Slashed | None:
    match = _SLASHED.fullmatch(text.strip())
    if match is None:
        return None
    return _Slashed(int(match[1]), int(match[2]), _year(match[3]))


def parse_sheet_date(text: str, order: DateOrder | None) -> dt.date:
    """A date as spreadsheets write it. `order` says whether 03/04/2026 is the
    3rd of April (dmy) or March 4 (mdy); without it, such a date is refused
    unless day and month are the same."""
    stripped = text.strip()
    match = _ISO.fullmatch(stripped)
    if match:
        return _calendar(int(match[1]), int(match[2]), int(match[3]), stripped)
    match = _DOTTED.fullmatch(stripped)
    if match:
        return _calendar(_year(match[3]), int(match[2]), int(match[1]), stripped)
    slashed = _slashed(stripped)
    if slashed is not None:
        chosen = order or slashed.says
        if chosen is None and slashed.ambiguous:
            raise ValueError(f"{stripped!r} could be day/month or month/day")
        day, month = (
            (slashed.second, slashed.first) if chosen == "mdy" else (slashed.first, slashed.second)
        )
        try:
            return _calendar(slashed.year, month, day, stripped)
        except ValueError as error:
            if order is None:
                raise
            written = "month/day/year" if order == "mdy" else "day/month/year"
            raise ValueError(f"{error} (this file writes dates {written})") from None
    named = _named_date(stripped)
    if named is not None:
        return named
    raise ValueError(f"{stripped!r} is not a date; write e.g. {DATE_EXAMPLES}")


def _named_date(text: str) -> dt.date | None:
    """ "10 Nov 2026", "Nov 10, 2026", "10-Nov-26", "Tuesday, 10. November 2026"."""
    day_part = re.sub(rf"(?:T|\s+){_CLOCK}$", "", text)
    tokens = re.findall(r"\d+|[^\W\d_]+", day_part.casefold())
    month: int | None = None
    numbers: list[str] = []
    for token in tokens:
        if token.isdigit():
            numbers.append(token)
            continue
        if token in _IGNORED_DATE_WORDS:
            continue
        found = month_of_stem(token) if month is None else None
        if found is not None:
            month = found
            continue
        if starts_like_weekday(token):
            continue
        return None
    if month is None or len(numbers) != 2:
        return None
    first, second = numbers
    if len(first) == 4:
        year, day = first, second
    elif len(second) in (2, 4) and len(first) <= 2:
        day, year = first, second
    else:
        return None
    if len(day) > 2:
        return None
    return _calendar(_year(year), month, int(day), text)


def order_hint(header: str) -> DateOrder | None:
    """A header such as "Date applied (DD/MM/YYYY)" says how its dates are written."""
    folded = header.casefold().replace(".", "/").replace("-", "/")
    if "dd/mm" in folded:
        return "dmy"
    if "mm/dd" in folded:
        return "mdy"
    return None


def order_shown(cells: Iterable[tuple[int, str, str]]) -> DateOrder | None:
    """The day/month order that the unambiguous dates among `cells` (line,
    column, text) show: 13/04/2026 can only be day first. Cells that show both
    orders, or neither while one of them needs an order, are refused naming a
    row."""
    proof: dict[DateOrder, tuple[int, str]] = {}
    open_question: tuple[int, str, str] | None = None
    for line, column, text in cells:
        slashed = _slashed(text)
        if slashed is None:
            continue
        says = slashed.says
        if says is not None:
            proof.setdefault(says, (line, text))
        elif slashed.ambiguous and open_question is None:
            open_question = (line, column, text)
    if "dmy" in proof and "mdy" in proof:
        (day_line, day_text), (month_line, month_text) = proof["dmy"], proof["mdy"]
        raise ImportRefused(
            [
                f"dates: line {day_line} has {day_text!r} (day first) but line {month_line} "
                f"has {month_text!r} (month first); correct the one that is wrong, or say "
                "which order the file uses with --dates dmy or --dates mdy"
            ]
        )
    if proof:
        return next(iter(proof))
    if open_question is not None:
        line, column, text = open_question
        raise ImportRefused(
            [
                f"line {line}: {column}: {text!r} could be day/month or month/day, and no "
                "date in the file tells which; import again with --dates dmy (day first, "
                "31/12/2026) or --dates mdy (month first, 12/31/2026)"
            ]
        )
    return None
