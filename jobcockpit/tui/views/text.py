"""User text on screen exactly as typed.

Company names, notes and names come from the user and from imported files, so
they may hold `[red]`, `[@click=app.quit]` or terminal escape sequences. The
cockpit never passes them through markup: they go into `Content` objects or
strips as plain text, made safe by `jobcockpit.core.text.plain` (the one
safe-text function of every view).
"""

from __future__ import annotations

from textual.content import Content

from jobcockpit.core.text import plain


def clean_lines(text: str | None) -> list[str]:
    """Several lines of user text (notes), each made safe on its own."""
    if not text:
        return []
    return [plain(line) for line in text.splitlines()]


def literal(text: str | None, style: str = "") -> Content:
    """Content that shows `text` literally, never as markup."""
    return Content.styled(plain(text), style) if style else Content(plain(text))
