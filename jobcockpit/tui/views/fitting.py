"""Card lines that fit their column without losing what matters.

A badge or a note says what to do and when: "wait until Wed 9 Dec",
"thank-you in 45 min". When a column is too narrow for the whole line, the
words before the day or the time go first ("until Wed 9 Dec", then "Wed 9
Dec"); the day or the time itself is never cut while it fits at all.
"""

from __future__ import annotations

import re

from rich.cells import cell_len, set_cell_size

_WHEN = re.compile(r"(\d|mon|tue|wed|thu|fri|sat|sun|today|tomorrow|tonight|now\b)", re.I)
"""How the part of a line that says when begins."""


def cut(text: str, width: int) -> str:
    """`text` cut to `width` cells, with an ellipsis when it had to be cut."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, width - 1) + "…"


def fit_when(text: str, width: int) -> str:
    """`text` in `width` cells: whole if it fits, else without the words
    before its day or time, one at a time from the left; cut at the end only
    when even the day or time alone is too wide."""
    if cell_len(text) <= width:
        return text
    words = text.split(" ")
    start = next((n for n, word in enumerate(words) if _WHEN.match(word)), None)
    if start is None:
        return cut(text, width)
    for dropped in range(1, start + 1):
        shorter = " ".join(words[dropped:])
        if cell_len(shorter) <= width:
            return shorter
    return cut(" ".join(words[start:]), width)
