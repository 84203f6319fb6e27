"""Lines of label-and-value pieces that wrap between pieces, never inside one.

The detail pane says several things on a line, two or more spaces apart:
"phone  +1 720-555-0115   e-mail  dana@acme.example". Wrapped as prose, a
narrow pane would break the number in two ("phone +1" / "720-555-0115").
Here a line too wide for the pane is broken only where two or more spaces
part its pieces, and a piece goes whole to the next line, indented under the
first; only a piece wider than the whole pane is wrapped within itself.
"""

from __future__ import annotations

import re

from textual.content import Content

_GAP = re.compile(r" {2,}")
_LABEL = re.compile("\u00a0+")
"""The no-break spaces that pad a label to its value (`detail._label`)."""
HANG = 2
"""How much further than its line a continued line is indented."""


def wrap_pieces(line: Content, width: int) -> list[Content]:
    """`line` as lines of at most `width` cells, broken between pieces."""
    if line.cell_length <= width or width <= 0:
        return [line]
    plain = line.plain
    indent = len(plain) - len(plain.lstrip(" "))
    cuts: list[int] = [indent]
    for gap in _GAP.finditer(plain, indent):
        if gap.end() < len(plain):
            cuts.extend([gap.start(), gap.end()])
    parts = line.divide(cuts)
    pieces = parts[1::2]
    gaps = parts[2::2]
    hang = min(indent + HANG, width // 3)
    lines: list[Content] = []
    current = Content(" " * indent)

    def new_line() -> None:
        nonlocal current
        if current.plain.strip():
            lines.append(current)
            current = Content(" " * hang)

    def put(piece: Content, gap: Content) -> None:
        """The piece on this line if it fits, else on the next."""
        nonlocal current
        if current.cell_length + gap.cell_length + piece.cell_length <= width:
            current = current + gap + piece
            return
        new_line()
        if current.cell_length + piece.cell_length <= width:
            current = current + piece
            return
        label, value = _label_and_value(piece)
        if label is not None and current.cell_length + label.cell_length <= width:
            current = current + label
            new_line()
            piece = value
            if current.cell_length + piece.cell_length <= width:
                current = current + piece
                return
        if indent + piece.cell_length <= width:
            # Whole at the line's own indent rather than broken at the hang.
            current = Content(" " * indent) + piece
            return
        folded = piece.wrap(max(1, width - max(current.cell_length, hang)))
        for part in folded[:-1]:
            lines.append(current + part)
            current = Content(" " * hang)
        current = current + folded[-1]

    for number, piece in enumerate(pieces):
        put(piece, gaps[number - 1] if number else Content(""))
    if current.plain.strip():
        lines.append(current)
    return lines


def _label_and_value(piece: Content) -> tuple[Content | None, Content]:
    """A labelled piece ("phone", no-break spaces, the number) in its two
    parts; (None, piece) for a piece without a label."""
    found = _LABEL.search(piece.plain)
    if found is None or found.end() >= len(piece.plain):
        return None, piece
    label, value = piece.divide([found.end()])
    return label, value
