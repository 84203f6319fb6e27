"""User text shown as typed, safely: one rule for every terminal the text
reaches, the cockpit's, `today`'s, a message's, an export printed to stdout.

Names, notes, companies, ids and file names come from the user, from
imported files and from the file system, so they may hold terminal escape
sequences (which can clear the screen or set the clipboard), bidi overrides
(which reorder what is shown around them), or bytes that are not text at all
(a file name in another encoding arrives as lone surrogates). Controls and
bidi overrides are taken out, what is not text becomes U+FFFD, and
everything else is kept. Files keep the user's text as it is; only what a
terminal shows goes through here.
"""

from __future__ import annotations

import re
import unicodedata

BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_LINE_BREAKS = re.compile(r"[\t\n\r\v\f\u2028\u2029\x85]+")
_UNSAFE = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_BIDI}]|\r(?!\n)")
"""Every control character (C0, DEL, C1) and bidi control, except the tab,
the line feed and a carriage return that ends a line (CSV and iCalendar
lines end in CR LF)."""
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\r(?!\n)")
"""The C0 controls and DEL, but the tab and CR LF line ends: what iCalendar
(RFC 5545) forbids in its text."""
_NOT_TEXT = re.compile("[\ud800-\udfff]")
_JSON_UNSHOWN = re.compile(f"[\x7f-\x9f{_BIDI}]")
"""What JSON leaves raw that a terminal acts on (it escapes C0 itself)."""
REPLACEMENT = "\ufffd"


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
    return terminal_text(flat)


def terminal_text(text: str) -> str:
    """Text as a terminal may be given it, lines kept: a message, a list, a
    CSV table or a Markdown report printed to stdout."""
    if text.isascii() and text.isprintable():
        return text
    safe = _UNSAFE.sub("", text)
    return _NOT_TEXT.sub(REPLACEMENT, safe)


def terminal_json(text: str) -> str:
    """JSON text whose strings a terminal would act on, escaped rather than
    dropped: the same document for a program, nothing for the terminal. JSON
    escapes the C0 controls itself; DEL, C1 and bidi controls it may leave
    raw, and those only ever stand inside strings, where `\\uXXXX` means the
    same character."""
    return _JSON_UNSHOWN.sub(lambda found: f"\\u{ord(found[0]):04x}", text)


def without_controls(text: str) -> str:
    """Text for a file whose format forbids control characters (iCalendar):
    those are left out; every other character of the user's text is kept."""
    return _CONTROLS.sub("", text)
