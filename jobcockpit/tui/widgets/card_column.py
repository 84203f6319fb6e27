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

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import BindingType
from textual.cache import LRUCache
from textual.color import Color
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from jobcockpit.core.records import Outcome, Stage
from jobcockpit.tui import keys
from jobcockpit.tui.contrast import MINIMUM, NON_TEXT_MINIMUM, legible
from jobcockpit.tui.views.board_model import CARD_LINES, Card
from jobcockpit.tui.views.fitting import cut, fit_when
from jobcockpit.tui.widgets.scrolling import set_virtual_size

CardSource = Callable[[str], Card | None]

_OUTCOME_CLASS = {
    Outcome.OFFER: "good",
    Outcome.ACCEPTED: "good",
    Outcome.REJECTED: "bad",
    Outcome.FILLED: "bad",
    Outcome.WITHDRAWN: "muted",
}


def _fit_segments(segments: list[Segment], width: int) -> list[Segment]:
    """`segments` cut to `width` cells, the last one with an ellipsis."""
    fitted: list[Segment] = []
    room = width
    for segment in segments:
        if room <= 0:
            break
        text = cut(segment.text, room)
        fitted.append(Segment(text, segment.style))
        room -= cell_len(text)
    return fitted


def _wrap(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` cells, broken between words."""
    lines: list[str] = []
    for word in text.split():
        if lines and cell_len(lines[-1]) + 1 + cell_len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(cut(word, width))
    return lines


class CardLooks(Widget):
    """The looks of the cards, as component classes (`cockpit.tcss`), on a
    widget of their own that is never shown. A column is restyled whenever
    focus moves in or out of it or its lane becomes the current one, and
    Textual works out every component class of a widget it restyles: with
    the columns holding them, that was a third of what moving a card to
    another column cost."""

    DEFAULT_CSS = """
    CardLooks {
        display: none;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "card-column--cursor",
        "card-column--cursor-blurred",
        "card-column--plain",
        "card-column--edge",
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


class CardColumn(ScrollView, can_focus=True, inherit_bindings=False):
    """The cards of one stage; the cursor marks the selected card."""

    BINDINGS: ClassVar[list[BindingType]] = list(keys.BOARD)

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

    class Opened(Message):
        """The user double-clicked a card: open it for editing."""

        def __init__(self, column: CardColumn, application_id: str) -> None:
            super().__init__()
            self.column = column
            self.application_id = application_id

        @property
        def control(self) -> CardColumn:
            return self.column

    def __init__(self, stage: Stage, looks: CardLooks, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.stage = stage
        self._looks = looks
        self.ids: list[str] = []
        self._tops: list[int] = [0]
        """The first line of each card, and the line after the last card."""
        self._source: CardSource = lambda _app_id: None
        self._lines: LRUCache[tuple[object, ...], Strip] = LRUCache(1024)
        self._styles: dict[tuple[str, str, bool, str], Style] = {}
        self.empty_message = "no cards"
        """What the column says when it has no card to show."""

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

    def card_text(self, application_id: str) -> list[str]:
        """What a card says, line by line, as drawn at the column's width now,
        without the cursor's mark (for tests and tools)."""
        if application_id not in self.ids:
            return []
        index = self.ids.index(application_id)
        card = self._source(application_id)
        if card is None:
            return []
        width = self.scrollable_content_region.width
        lines = self._tops[index + 1] - self._tops[index] - 1
        selected = index == self.cursor
        return [
            self._render_card_line(card, row, width, selected).text[2:].rstrip()
            for row in range(lines)
        ]

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
        self.keep_cursor_in_view()
        self.post_message(self.Highlighted(self, self.selected))

    def keep_cursor_in_view(self) -> None:
        """Scroll so that the selected card is seen whole."""
        if 0 <= self.cursor < len(self.ids):
            top, bottom = self._tops[self.cursor], self._tops[self.cursor + 1]
            self.scroll_to_region(Region(0, top, 1, bottom - top), animate=False, force=True)

    def on_resize(self) -> None:
        # A smaller window must not leave the selected card out of sight.
        self.call_after_refresh(self.keep_cursor_in_view)

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

    def _style(self, name: str, row: str = "row") -> Style:
        """A component class's look on a card line: its colours worked out
        against the background they are painted on (`row`: a plain card,
        `cursor` or `cursor-blurred`: the selected one), made legible in
        every theme (`contrast`). Worked out once per theme and focus:
        Textual restyles the column each time focus moves in or out, and
        working the twenty of them out again each time is a good part of
        what moving a card to another column costs."""
        key = (name, row, self.has_focus, self.app.theme)
        style = self._styles.get(key)
        if style is None:
            style = self._styles[key] = self._resolve(name, self._row_background(row))
        return style

    def _row_background(self, row: str) -> Color:
        background = self.background_colors[1]
        if row != "row":
            cursor = self._looks.get_component_styles(f"card-column--{row}")
            background = background + cursor.background
        return background

    def _resolve(self, name: str, background: Color) -> Style:
        styles = self._looks.get_component_styles(f"card-column--{name}")
        if styles.has_rule("background"):
            background = background + styles.background
        color = self.colors[3]
        if styles.has_rule("color"):
            color = styles.color
            if styles.has_rule("auto_color") and styles.auto_color:
                color = background.get_contrast_text(color.a)
        foreground = background + color
        minimum = NON_TEXT_MINIMUM if name == "edge" else MINIMUM
        readable = legible(foreground, background, minimum)
        return styles.text_style + Style(color=readable.rich_color, bgcolor=background.rich_color)

    def render_line(self, y: int) -> Strip:
        _scroll_x, scroll_y = self.scroll_offset
        line = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if not self.ids:
            lines = _wrap(self.empty_message, width - 2)
            if not 1 <= line <= len(lines):
                return Strip.blank(width, base)
            message = "  " + lines[line - 1]
            return Strip([Segment(message, self._style("empty"))]).adjust_cell_length(width, base)
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
            strip = self._lines[key] = self._render_card_line(card, row, width, selected)
        return strip

    def _render_card_line(self, card: Card, row: int, width: int, selected: bool) -> Strip:
        """Line `row` of a card."""
        if selected:
            where = "cursor" if self.has_focus else "cursor-blurred"
            background = self._style("plain", where)
            edge = Segment("▌", self._style("edge", where)) if self.has_focus else None
        else:
            where = "row"
            background = self._style("plain", where)
            edge = None
        inner = width - 2
        segments = [edge or Segment(" ", background), Segment(" ", background)]
        segments.extend(self._row(card, row, inner, where, background))
        return Strip(segments).adjust_cell_length(width, background)

    def _row(
        self, card: Card, row: int, width: int, where: str, background: Style
    ) -> list[Segment]:
        def seg(text: str, name: str) -> Segment:
            return Segment(text, self._style(name, where))

        if row == 0:
            return [seg(cut(card.company, width), "company")]
        if row == 1:
            return [seg(cut(card.position or "-", width), "position")]
        if row == 2:
            if card.outcome is not None:
                word, _, rest = card.since.partition(" ")
                parts = [seg(word, _OUTCOME_CLASS[card.outcome]), seg(" " + rest, "since")]
            else:
                parts = [seg(card.since, "since")]
            return _fit_segments(parts, width)
        if row == 3:
            text = fit_when(card.badge, width - 2)
            parts = [seg(f" {text} ", f"badge-{card.badge_kind.value}")]
            room = width - cell_len(text) - 2
            if card.overdue and room >= len(" overdue"):
                parts.extend([Segment(" ", background), seg("overdue", "overdue")])
            elif card.overdue and room >= 2:
                parts.extend([Segment(" ", background), seg("!", "overdue")])
            return parts
        return [seg(fit_when(card.note, width), "note-late" if card.note_late else "note")]
