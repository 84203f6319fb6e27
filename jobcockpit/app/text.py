"""User text on screen exactly as typed.

Company names, notes and names come from the user and from imported files, so
they may hold `[red]`, `[@click=app.quit]` or terminal escape sequences. The
cockpit never passes them through markup: they go into `Content` objects or
strips as plain text, after the characters a terminal would act on are gone.
"""

from __future__ import annotations

import re
import unicodedata

from textual.content import Content

_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_SPACES = re.compile(r"[\t\n\r\v\f]+")


def _visible(character: str) -> bool:
    """False for control characters (C0, DEL, C1) and the bidi overrides that
    could reorder what is shown around them."""
    return unicodedata.category(character) != "Cc" and character not in _BIDI_CONTROLS


def clean(text: str | None) -> str:
    """One line of user text: control characters gone, line breaks become spaces."""
    if not text:
        return ""
    flat = _SPACES.sub(" ", text)
    if flat.isprintable():
        return flat
    return "".join(character for character in flat if _visible(character))


def clean_lines(text: str | None) -> list[str]:
    """Several lines of user text (notes), each cleaned."""
    if not text:
        return []
    return [clean(line) for line in text.splitlines()]


def literal(text: str | None, style: str = "") -> Content:
    """Content that shows `text` literally, never as markup."""
    return Content.styled(clean(text), style) if style else Content(clean(text))
