"""One column of the board, drawn line by line.

A widget per card costs seconds and hundreds of MiB at 10,000 cards; this
column is a Line-API `ScrollView` that asks for the cards it is about to paint
and nothing else, so its cost does not grow with the number of cards.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from itertools import accumulate
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from jobcockpit.core.records import Outcome, Stage
from jobcockpit.tui import keys
from jobcockpit.tui.views.board_model import CARD_LINES, Card
from jobcockpit.tui.widgets.scrolling import set_virtual_size

CardSource = Callable[[str], Card | None]

_OUTCOME_CLASS = {
    Outcome.OFFER: "good",
    Outcome.ACCEPTED: "good",
    Outcome.REJECTED: "bad",
    Outcome.FILLED: "bad",
    Outcome.WITHDRAWN: "muted",
}


def _fit(text: str, width: int) -> str:
    """`text` cut to `width` cells, with an ellipsis when it had to be cut."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, width - 1) + "…"


def _fit_segments(segments: list[Segment], width: int) -> list[Segment]:
    """`segments` cut to `width` cells, the last one with an ellipsis."""
    fitted: list[Segment] = []
    room = width
    for segment in segments:
        if room <= 0:
            break
        text = _fit(segment.text, room)
        fitted.append(Segment(text, segment.style))
        room -= cell_len(text)
    return fitted


class CardColumn(ScrollView, can_focus=True, inherit_bindings=False):
    """The cards of one stage; the cursor marks the selected card."""

    BINDINGS: ClassVar[list[BindingType]] = list(keys.BOARD)

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "card-column--cursor",
        "card-column--cursor-blurred",
        "card-column--company",
        "card-column--position",
        "card-column--since",
        "card-column--good",
        "card-column--bad",
        "card-column--muted",
        "card-column--badge-call-now",
        "card-column--badge-call-later",
        "card-column--badge-email",
        "card-column--badge-wait",
        "card-column--badge-done",
        "card-column--badge-blocked",
        "card-column--badge-none",
        "card-column--overdue",
        "card-column--note",
        "card-column--note-late",
        "card-column--empty",
    }

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class Highlighted(Message):
        """The selected card of a column changed (or the column's cards did)."""

        def __init__(self, column: CardColumn, application_id: str | None) -> None:
            super().__init__()
            self.column = column
            self.application_id = application_id

        @property
        def control(self) -> CardColumn:
            return self.column

    class Leave(Message):
        """The user asked to move to the neighbouring column."""

        def __init__(self, column: CardColumn, step: int) -> None:
            super().__init__()
            self.column = column
            self.step = step

        @property
        def control(self) -> CardColumn:
            return self.column

    class Opened(Message):
        """The user double-clicked a card: open it for editing."""

        def __init__(self, column: CardColumn, application_id: str) -> None:
            super().__init__()
            self.column = column
            self.application_id = application_id

        @property
        def control(self) -> CardColumn:
            return self.column

    def __init__(self, stage: Stage, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.stage = stage
        self.ids: list[str] = []
        self._tops: list[int] = [0]
        """The first line of each card, and the line after the last card."""
        self._source: CardSource = lambda _app_id: None
        self._lines: LRUCache[tuple[object, ...], Strip] = LRUCache(1024)
        self._styles: dict[tuple[str, bool, str], Style] = {}

    # -- what the column shows -------------------------------------------------

    @property
    def selected(self) -> str | None:
        if 0 <= self.cursor < len(self.ids):
            return self.ids[self.cursor]
        return None

    def set_cards(
        self,
        ids: list[str],
        heights: list[int],
        source: CardSource,
        keep: str | None = None,
    ) -> None:
        """Show `ids` (cards made by `source`, each `heights` lines tall); the
        cursor stays on `keep`, or on the card it was on, or as near to its
        place as the new list allows."""
        previous = keep if keep is not None else self.selected
        self.ids = ids
        self._tops = [0, *accumulate(heights)]
        self._source = source
        set_virtual_size(self, Size(0, self._tops[-1]))
        index = self.cursor
        if previous is not None:
            try:
                index = ids.index(previous)
            except ValueError:
                index = self.cursor
        self.cursor = max(0, min(index, len(ids) - 1))
        self.refresh()

    def repaint(self) -> None:
        """Words on the cards changed (the clock moved); the cards did not."""
        self.refresh()

    def select(self, application_id: str) -> bool:
        try:
            self.cursor = self.ids.index(application_id)
        except ValueError:
            return False
        return True

    # -- cursor ----------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh()
        if 0 <= new < len(self.ids):
            top, bottom = self._tops[new], self._tops[new + 1]
            self.scroll_to_region(Region(0, top, 1, bottom - top), animate=False, force=True)
        self.post_message(self.Highlighted(self, self.selected))

    def on_focus(self, event: events.Focus) -> None:
        self.post_message(self.Highlighted(self, self.selected))

    def _move(self, step: int) -> None:
        if self.ids:
            self.cursor = max(0, min(self.cursor + step, len(self.ids) - 1))

    def action_cursor_up(self) -> None:
        self._move(-1)

    def action_cursor_down(self) -> None:
        self._move(1)

    def action_page_up(self) -> None:
        self._move(-max(1, self.size.height // CARD_LINES))

    def action_page_down(self) -> None:
        self._move(max(1, self.size.height // CARD_LINES))

    def card_at(self, line: int) -> int | None:
        """The index of the card drawn on `line` of the whole column."""
        if not self.ids or not 0 <= line < self._tops[-1]:
            return None
        return bisect_right(self._tops, line) - 1

    def action_first(self) -> None:
        self._move(-len(self.ids))

    def action_last(self) -> None:
        self._move(len(self.ids))

    def action_column_left(self) -> None:
        self.post_message(self.Leave(self, -1))

    def action_column_right(self) -> None:
        self.post_message(self.Leave(self, 1))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = self.card_at(offset.y + int(self.scroll_y))
        self.focus()
        if index is not None:
            self.cursor = index
            if event.chain == 2:
                self.post_message(self.Opened(self, self.ids[index]))

    # -- painting --------------------------------------------------------------

    def _style(self, name: str) -> Style:
        """A component class's style. Worked out once per theme and focus:
        Textual restyles the column each time focus moves in or out, and
        working the twenty of them out again each time is a good part of
        what moving a card to another column costs."""
        key = (name, self.has_focus, self.app.theme)
        style = self._styles.get(key)
        if style is None:
            style = self._styles[key] = self.get_component_rich_style(
                f"card-column--{name}", partial=True
            )
        return style

    def render_line(self, y: int) -> Strip:
        _scroll_x, scroll_y = self.scroll_offset
        line = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if not self.ids:
            if line != 1:
                return Strip.blank(width, base)
            message = _fit("  no cards", width)
            return Strip([Segment(message, base + self._style("empty"))]).adjust_cell_length(
                width, base
            )
        index = self.card_at(line)
        if index is None:
            return Strip.blank(width, base)
        row = line - self._tops[index]
        if row == self._tops[index + 1] - self._tops[index] - 1:
            return Strip.blank(width, base)  # the blank line after a card
        card = self._source(self.ids[index])
        if card is None:
            return Strip.blank(width, base)
        selected = index == self.cursor
        # Keyed by what the card says, not where it stands: after a card moves,
        # the cards that only shifted up or down are painted from this cache.
        key = (card, row, width, selected, self.has_focus, base, self.app.theme)
        strip = self._lines.get(key)
        if strip is None:
            strip = self._lines[key] = self._render_card_line(card, row, width, selected, base)
        return strip

    def _render_card_line(
        self, card: Card, row: int, width: int, selected: bool, base: Style
    ) -> Strip:
        """Line `row` of a card."""
        if selected:
            highlight = self._style("cursor" if self.has_focus else "cursor-blurred")
            background = base + highlight
            edge = Segment("▌" if self.has_focus else " ", background)
        else:
            background = base
            edge = Segment(" ", background)
        inner = width - 2
        segments = [edge, Segment(" ", background)]
        segments.extend(self._row(card, row, inner, background))
        return Strip(segments).adjust_cell_length(width, background)

    def _row(self, card: Card, row: int, width: int, background: Style) -> list[Segment]:
        def seg(text: str, name: str) -> Segment:
            return Segment(text, background + self._style(name))

        if row == 0:
            return [seg(_fit(card.company, width), "company")]
        if row == 1:
            return [seg(_fit(card.position or "-", width), "position")]
        if row == 2:
            if card.outcome is not None:
                word, _, rest = card.since.partition(" ")
                parts = [seg(word, _OUTCOME_CLASS[card.outcome]), seg(" " + rest, "since")]
            else:
                parts = [seg(card.since, "since")]
            return _fit_segments(parts, width)
        if row == 3:
            parts = [seg(f" {card.badge} ", f"badge-{card.badge_kind.value}")]
            if card.overdue:
                parts.extend([Segment(" ", background), seg("overdue", "overdue")])
            return _fit_segments(parts, width)
        return [seg(_fit(card.note, width), "note-late" if card.note_late else "note")]
