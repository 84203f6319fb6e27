"""User text on screen exactly as typed.

Company names, notes and names come from the user and from imported files, so
they may hold `[red]`, `[@click=app.quit]` or terminal escape sequences. The
cockpit never passes them through markup: they go into `Content` objects or
strips as plain text, after the characters a terminal would act on are gone.
"""

from __future__ import annotations

from textual.content import Content

from jobcockpit.core.text import plain


def clean(text: str | None) -> str:
    """One line of user text: control characters gone, line breaks become spaces."""
    return plain(text)


def clean_lines(text: str | None) -> list[str]:
    """Several lines of user text (notes), each cleaned."""
    if not text:
        return []
    return [clean(line) for line in text.splitlines()]


def literal(text: str | None, style: str = "") -> Content:
    """Content that shows `text` literally, never as markup."""
    return Content.styled(clean(text), style) if style else Content(clean(text))
