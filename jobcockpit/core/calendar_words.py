"""The names of the months and the weekdays, one table for every date jobcockpit reads.

Two readers use the tables, each as leniently as its source allows. What a
person types into the cockpit is English, abbreviated at will ("tue", "thurs",
"sept"): a word counts when it starts exactly one name, so a typo is refused
rather than read as another day. A spreadsheet's dates were written by an
office suite in its user's language ("10 févr. 2026", "3. März 2026",
"10-dic-26"): there a word counts by its first three or four letters.
"""

from __future__ import annotations

WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
"""Monday first, as `date.weekday()` counts."""

MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)

MONTH_STEMS = (
    ("jan", "janv", "jän", "jaen", "ene"),
    ("feb", "fév", "fev", "févr", "fevr"),
    ("mar", "mär", "mrz"),
    ("apr", "avr", "abr"),
    ("may", "mai"),
    ("jun", "juin"),
    ("jul", "juil"),
    ("aug", "aoû", "aou", "ago"),
    ("sep", "sept"),
    ("oct", "okt"),
    ("nov",),
    ("dec", "déc", "dez", "dic"),
)
"""The first three or four letters of each month's name in English, then in
German, French and Spanish where they differ: what LibreOffice and Excel in
those languages write."""

_WEEKDAY_STEMS = tuple(name[:3] for name in WEEKDAY_NAMES)
_MONTH_BY_STEM = {
    stem: number for number, stems in enumerate(MONTH_STEMS, start=1) for stem in stems
}
_WEEKDAY_SHORTHANDS = {"weds": 2}
"""Abbreviations people type that start no weekday's name."""


def _name_index(word: str, names: tuple[str, ...], shortest: int) -> int | None:
    """The index of the one name `word` abbreviates (at least `shortest` letters)."""
    if len(word) < shortest or not word.isalpha():
        return None
    hits = [index for index, name in enumerate(names) if name.startswith(word)]
    return hits[0] if len(hits) == 1 else None


def weekday_index(word: str) -> int | None:
    """Monday 0 to Sunday 6 for "tue", "tues", "thursday", "th"...; None otherwise."""
    if word in _WEEKDAY_SHORTHANDS:
        return _WEEKDAY_SHORTHANDS[word]
    return _name_index(word, WEEKDAY_NAMES, 2)


def month_number(word: str) -> int | None:
    """1 to 12 for a typed month: "nov", "sept", "december"; None otherwise."""
    index = _name_index(word, MONTH_NAMES, 3)
    return None if index is None else index + 1


def month_of_stem(word: str) -> int | None:
    """1 to 12 for a month as an office suite writes it, in English, German,
    French or Spanish ("Nov", "November", "März", "févr", "dic"): its first
    four letters, else its first three."""
    for length in (4, 3):
        number = _MONTH_BY_STEM.get(word[:length])
        if number is not None:
            return number
    return None


def starts_like_weekday(word: str) -> bool:
    """Whether a word begins with an English weekday's first three letters
    ("Tue", "Tuesday"), as a written-out date may lead with one."""
    return len(word) >= 3 and word.startswith(_WEEKDAY_STEMS)
