"""User text shown as typed, safely, by every view: the cockpit, `today` and
the reports.

Names, notes and companies come from the user and from imported files, so
they may hold terminal escape sequences or bidi overrides that would reorder
what is shown around them. Those are taken out; everything else is kept.
"""

from __future__ import annotations

import re
import unicodedata

BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_LINE_BREAKS = re.compile(r"[\t\n\r\v\f\u2028\u2029\x85]+")


def is_shown(character: str) -> bool:
    """False for control characters (C0, DEL, C1) and the bidi overrides."""
    return unicodedata.category(character) != "Cc" and character not in BIDI_CONTROLS


def plain(text: str | None) -> str:
    """One line of user text: line breaks become spaces, controls are gone."""
    if not text:
        return ""
    flat = _LINE_BREAKS.sub(" ", text)
    if flat.isprintable():
        return flat
    return "".join(character for character in flat if is_shown(character))
