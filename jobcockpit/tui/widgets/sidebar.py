"""The sidebar: who is safe to call today and the day's other follow-ups.

Sections, in the spec's order: safe to call today (contact, company, window,
overdue and unverified marks), e-mail today, notes and interviews (a
thank-you note's countdown, a courtesy note's due time, an interview ahead),
and what comes up in the next five business days. Choosing an
entry selects its card. Long lists are cut: the sidebar is a to-do list for
today, not a second board. An e-mail address is a `mailto:` hyperlink; in
privacy mode names are stand-ins and addresses are hidden.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import ClassVar

from rich.cells import cell_len
from textual import events
from textual.binding import BindingType
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

from jobcockpit.core.board import Board
from jobcockpit.core.places import business_calendar
from jobcockpit.core.verdicts import Task, TaskKind, Verdict
from jobcockpit.tui import keys
from jobcockpit.tui.links import email_content
from jobcockpit.tui.views.agenda_book import Today
from jobcockpit.tui.views.privacy import HIDDEN, PLAIN, Names, Privacy
from jobcockpit.tui.views.wording import (
    local,
    next_window,
    short_date,
    task_note,
    window_text,
)
from jobcockpit.tui.widgets.scrolling import set_virtual_size

SECTION_LIMIT = 40
"""Entries shown per section; the rest are counted."""


@dataclass(frozen=True, slots=True)
class Horizon:
    """What 'today' and 'the next five business days' mean for the user."""

    now: dt.datetime
    user_zone: str
    today: dt.date
    until: dt.date

    @classmethod
    def of(cls, now: dt.datetime, user_zone: str, country: str | None) -> Horizon:
        """From `now`, in the user's zone and by their country's business days."""
        today = local(now, user_zone).date()
        calendar = business_calendar(country, None)
        return cls(now, user_zone, today, calendar.add_business_days(today, 5))


def _who(board: Board, app_id: str, contact_id: str | None, names: Names = PLAIN) -> Content:
    application = board.applications.get(app_id)
    contact = board.contacts.get(contact_id) if contact_id else None
    company = names.company(application.company) if application else app_id
    if contact is None:
        return Content.styled(company, "bold")
    return Content.assemble((names.contact(contact), "bold"), (" · ", "dim"), company)


def _marks(board: Board, verdict: Verdict) -> list[tuple[str, str]]:
    marks: list[tuple[str, str]] = []
    if verdict.overdue:
        marks.append(("overdue", "bold $text-error"))
    contact = board.contacts.get(verdict.contact)
    if contact is not None and not contact.verified:
        marks.append(("unverified", "$text-warning"))
    if verdict.zone_guessed:
        marks.append(("zone guessed", "$text-warning"))
    return marks


WIDTH = 46
"""The sidebar's text width until it is laid out (its CSS width less padding)."""


def _marks_fit(who: int, marks: list[tuple[str, str]], width: int) -> bool:
    """Whether the marks fit after the name on the entry's first line."""
    return who + sum(2 + cell_len(text) for text, _ in marks) <= width


def _entry(
    first: Content,
    second: Content | str | None,
    marks: list[tuple[str, str]],
    width: int = WIDTH,
) -> Content:
    """The name and the marks, then `second` indented; marks that do not fit
    after the name get a line of their own, so none is ever cut off."""
    line = first
    below = not _marks_fit(first.cell_length, marks, width)
    if not below:
        for text, style in marks:
            line = Content.assemble(line, "  ", (text, style))
    if second is not None:
        line = Content.assemble(line, "\n  ", second)
    if below and marks:
        parts: list[Content | str | tuple[str, str]] = [line, "\n"]
        for text, style in marks:
            parts.extend(["  ", (text, style)])
        line = Content.assemble(*parts)
    return line


def entry_lines(board: Board, verdict: Verdict, names: Names, width: int = WIDTH) -> int:
    """How many lines a call or e-mail entry takes (as `_entry` lays it out),
    worked out without making its text."""
    application = board.applications.get(verdict.application)
    contact = board.contacts.get(verdict.contact)
    company = names.company(application.company) if application else verdict.application
    who = cell_len(company) + (cell_len(names.contact(contact)) + 3 if contact else 0)
    return 2 if _marks_fit(who, _marks(board, verdict), width) else 3


def call_entry(
    board: Board, verdict: Verdict, horizon: Horizon, names: Names = PLAIN, width: int = WIDTH
) -> Content:
    window = next_window(verdict, horizon.now)
    when = (
        window_text(window, horizon.now, verdict.zone, horizon.user_zone)
        if window is not None
        else "today"
    )
    style = "$text-success" if window is not None and window.is_open(horizon.now) else ""
    return _entry(
        _who(board, verdict.application, verdict.contact, names),
        Content.styled(when, style) if style else Content(when),
        _marks(board, verdict),
        width,
    )


def email_entry(
    board: Board, verdict: Verdict, names: Names = PLAIN, width: int = WIDTH
) -> Content:
    contact = board.contacts.get(verdict.contact)
    if contact is None or not contact.email:
        address = Content.styled("no address", "dim")
    elif names.private:
        address = Content.styled(f"address {HIDDEN}", "dim")
    else:
        address = email_content(contact.email, "dim")
    return _entry(
        _who(board, verdict.application, verdict.contact, names),
        address,
        _marks(board, verdict),
        width,
    )


def note_entry(board: Board, task: Task, horizon: Horizon, names: Names = PLAIN) -> Content:
    if task.due is None:
        when = Content("no due time")
    elif task.kind is TaskKind.THANK_YOU:
        when = Content.styled(
            task_note(task, horizon.now, horizon.user_zone),
            "bold $text-error" if task.late else "$text-warning",
        )
    else:
        when = Content(task_note(task, horizon.now, horizon.user_zone))
    return _entry(_who(board, task.application, task.contact, names), when, [])


def coming_entry(board: Board, verdict: Verdict, horizon: Horizon, names: Names = PLAIN) -> Content:
    day = short_date(verdict.next, horizon.today) if verdict.next is not None else ""
    return Content.assemble(
        (f"{day:<9}", "$text-accent"), _who(board, verdict.application, verdict.contact, names)
    )


class Sidebar(ScrollView, can_focus=True, inherit_bindings=False):
    """Drawn line by line, like the columns: an entry's text is made only when
    it is about to be painted, and a change repaints only the lines that now
    say something else, so keeping the lists current costs little however
    long they are. Each line is cut to the width with an ellipsis."""

    BINDINGS: ClassVar[list[BindingType]] = list(keys.SIDEBAR)
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "sidebar--cursor",
        "sidebar--cursor-blurred",
        "sidebar--hover",
    }

    class Chosen(Message):
        """The user chose an entry: select its application's card."""

        def __init__(self, application_id: str) -> None:
            super().__init__()
            self.application_id = application_id

    def __init__(self, *, id: str | None = None, privacy: Privacy | None = None) -> None:
        super().__init__(id=id)
        self.privacy = privacy if privacy is not None else Privacy()
        self._rows: list[_Line] = []
        self._entries: list[int] = []
        """The rows that are entries (the cursor moves among these)."""
        self.cursor: int | None = None
        """The entry under the cursor, as an index into `_entries`."""
        self._strips: dict[tuple[object, ...], Strip] = {}
        self._hover: int | None = None
        """The first row of the entry under the mouse."""
        self._shown: tuple[Today | None, Board, Horizon] | None = None
        self._sections: dict[
            str, tuple[tuple[object, ...], tuple[Verdict | Task, ...], list[_Line]]
        ] = {}

    # -- what it shows ---------------------------------------------------------

    def show(self, today: Today | None, board: Board, horizon: Horizon) -> None:
        """Show the day's lists (None while the board is still being judged).
        The cursor stays with its application when the lists change around
        it, else at the same place as near as the lists allow."""
        self._shown = (today, board, horizon)
        if today is None:
            rows = [_Line(None, _constant(Content.styled("Judging who to call...", "dim")), ())]
        else:
            rows = self._lines_of(today, board, horizon)
        old = self._rows
        old_cursor = self._cursor_span()
        followed = self.highlighted_target
        self._hover = None  # the mouse marks it again when it moves
        self._rows = rows
        self._entries = [index for index, row in enumerate(rows) if row.target is not None]
        if self.cursor is not None:
            self.cursor = self._place_cursor(self.cursor, followed)
        live = {row.key for row in rows}
        self._strips = {key: strip for key, strip in self._strips.items() if key[0] in live}
        set_virtual_size(self, Size(0, len(rows)))
        top = int(self.scroll_y)
        for line in range(top, top + self.size.height):
            before = old[line].key if line < len(old) else None
            after = rows[line].key if line < len(rows) else None
            if before != after or before is None:
                self.refresh_lines(line)
        # The cursor's mark moves with it even where the lines say the same.
        new_cursor = self._cursor_span()
        if new_cursor != old_cursor:
            for span in (old_cursor, new_cursor):
                if span is not None:
                    self.refresh_lines(span[0], span[1] - span[0] + 1)

    def _place_cursor(self, position: int, followed: str | None) -> int | None:
        """Where the cursor goes in new lists: on the same place if that entry
        is still the same application's, else on that application's first
        entry, else on the same place as near as the lists allow."""
        if not self._entries:
            return None
        position = min(position, len(self._entries) - 1)
        if followed is None or self._rows[self._entries[position]].target == followed:
            return position
        for index, row in enumerate(self._entries):
            if self._rows[row].target == followed:
                return index
        return position

    def _cursor_span(self) -> tuple[int, int] | None:
        if self.cursor is None or not self._entries or self.cursor >= len(self._entries):
            return None
        return self._entry_span(self._entries[self.cursor])

    @property
    def prompts(self) -> list[Content]:
        """What each heading, note and entry says (an entry's two lines are one
        text), made for the asking: for tests and tools."""
        return [row.content() for row in self._rows if row.continues is None]

    @property
    def text(self) -> str:
        return "\n".join(content.plain for content in self.prompts)

    def _lines_of(self, today: Today, board: Board, horizon: Horizon) -> list[_Line]:
        names = self.privacy.names(board)
        width = self.scrollable_content_region.width or WIDTH
        # What an entry's words depend on besides its verdict or task (which
        # is a new object whenever its records change).
        when = (horizon.now, horizon.today, names.private, width)
        calls, emails, notes, coming = today.calls, today.emails, today.notes, today.coming

        def pair_lines(
            verdicts: Sequence[Verdict], entry: Callable[[Verdict], Content]
        ) -> list[list[_Line]]:
            return [
                _entry_lines(v, when, partial(entry, v), entry_lines(board, v, names, width))
                for v in verdicts
            ]

        def calls_lines() -> list[list[_Line]]:
            return pair_lines(calls.first, lambda v: call_entry(board, v, horizon, names, width))

        def email_lines() -> list[list[_Line]]:
            return pair_lines(emails.first, lambda v: email_entry(board, v, names, width))

        def note_lines() -> list[list[_Line]]:
            return [
                _entry_lines(t, when, partial(note_entry, board, t, horizon, names), 2)
                for t in notes.first
            ]

        def coming_lines() -> list[list[_Line]]:
            return [
                [
                    _Line(
                        v.application,
                        partial(coming_entry, board, v, horizon, names),
                        (id(v), *when),
                        keep=v,
                    )
                ]
                for v in coming.first
            ]

        lines: list[_Line] = []
        for title, section, entries, empty in (
            ("Safe to call today", calls, calls_lines, "nobody to call today"),
            ("E-mail today", emails, email_lines, "no e-mails due"),
            ("Notes and interviews", notes, note_lines, "none due"),
            ("Coming up, next 5 business days", coming, coming_lines, "nothing"),
        ):
            # A section whose entries are the very same objects as last time
            # (most of them, after one change: a verdict or task judged again
            # is a new object) keeps the lines it had.
            said: tuple[object, ...] = (section.count, *when)
            items: tuple[Verdict | Task, ...] = tuple(section.first)
            known = self._sections.get(title)
            if (
                known is None
                or known[0] != said
                or len(known[1]) != len(items)
                or any(a is not b for a, b in zip(known[1], items, strict=True))
            ):
                known = (said, items, _section(title, section.count, entries(), empty))
                self._sections[title] = known
            lines += known[2]
        return lines

    # -- the cursor --------------------------------------------------------------

    @property
    def highlighted_target(self) -> str | None:
        """The application of the entry under the cursor."""
        if self.cursor is None or not self._entries:
            return None
        return self._rows[self._entries[self.cursor]].target

    def _move_to(self, entry: int | None) -> None:
        if not self._entries:
            self.cursor = None
            return
        before = self.cursor
        entry = max(0, min(entry or 0, len(self._entries) - 1))
        self.cursor = entry
        for index in (before, entry):
            if index is not None and index < len(self._entries):
                self._refresh_entry(self._entries[index])
        row = self._entries[entry]
        first, last = self._entry_span(row)
        if entry == 0:
            first = 0  # the first entry shows its heading too
        self.scroll_to_region(Region(0, first, 1, last - first + 1), animate=False, force=True)

    def _entry_span(self, row: int) -> tuple[int, int]:
        """The first and last row of the entry that starts at `row`."""
        target = self._rows[row].target
        last = row
        while last + 1 < len(self._rows) and self._rows[last + 1].continues == target:
            last += 1
        return row, last

    def _refresh_entry(self, row: int) -> None:
        first, last = self._entry_span(row)
        self.refresh_lines(first, last - first + 1)

    def on_focus(self) -> None:
        """Coming to the sidebar marks an entry at once, so Enter has one."""
        if self.cursor is None and self._entries:
            self._move_to(0)

    def action_cursor_up(self) -> None:
        self._move_to(len(self._entries) - 1 if self.cursor is None else self.cursor - 1)

    def action_cursor_down(self) -> None:
        self._move_to(0 if self.cursor is None else self.cursor + 1)

    def action_first(self) -> None:
        self._move_to(0)

    def action_last(self) -> None:
        self._move_to(len(self._entries) - 1)

    def action_page_up(self) -> None:
        step = max(1, self.size.height // 2)
        self._move_to(0 if self.cursor is None else self.cursor - step)

    def action_page_down(self) -> None:
        step = max(1, self.size.height // 2)
        self._move_to(0 if self.cursor is None else self.cursor + step)

    def action_select(self) -> None:
        target = self.highlighted_target
        if target is not None:
            self.post_message(self.Chosen(target))

    def _entry_start(self, line: int) -> int:
        """The first row of the entry `line` belongs to (`line` itself for a
        heading or a note)."""
        while line > 0 and self._rows[line].continues is not None:
            line -= 1
        return line

    def _entry_at(self, offset_y: int) -> int | None:
        """The first row of the entry drawn at `offset_y` of the pane, if any."""
        line = offset_y + int(self.scroll_y)
        if not 0 <= line < len(self._rows):
            return None
        start = self._entry_start(line)
        return start if self._rows[start].target is not None else None

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        row = self._entry_at(offset.y) if offset is not None else None
        if row is not None:
            self._move_to(self._entries.index(row))
            self.action_select()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        offset = event.get_content_offset(self)
        self._hover_on(self._entry_at(offset.y) if offset is not None else None)

    def on_leave(self, event: events.Leave) -> None:
        self._hover_on(None)

    def _hover_on(self, row: int | None) -> None:
        """Mark the entry under the mouse, as a list of choices does."""
        if row == self._hover:
            return
        for old in (self._hover, row):
            if old is not None and old < len(self._rows):
                self._refresh_entry(old)
        self._hover = row

    # -- painting --------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def on_resize(self) -> None:
        self._strips.clear()
        if self._shown is not None:
            # Where the marks go depends on the width.
            self.show(*self._shown)
        self.refresh()

    def render_line(self, y: int) -> Strip:
        line = int(self.scroll_y) + y
        width = self.scrollable_content_region.width
        base = self.visual_style
        if not 0 <= line < len(self._rows):
            return Strip.blank(width, self.rich_style)
        row = self._rows[line]
        start = self._entry_start(line)
        entry_row = self._rows[start]
        selected = (
            self.cursor is not None
            and entry_row.target is not None
            and self._entries[self.cursor] == start
        )
        hovered = not selected and self._hover == start and entry_row.target is not None
        key = (row.key, line - start, width, selected, self.has_focus, hovered)
        strip = self._strips.get(key)
        if strip is None:
            style = base
            if selected:
                name = "sidebar--cursor" if self.has_focus else "sidebar--cursor-blurred"
                style = base + self.get_visual_style(name)
            elif hovered:
                style = base + self.get_visual_style("sidebar--hover")
            content = entry_row.content().split("\n")
            part = content[line - start] if line - start < len(content) else Content("")
            fitted = part.truncate(width, ellipsis=True, pad=True)
            strip = Visual.to_strips(self, fitted, width, 1, style)[0]
            strip = strip.adjust_cell_length(width, style.rich_style)
            if len(self._strips) > 4096:
                self._strips.clear()
            self._strips[key] = strip
        return strip


class _Line:
    """One line of the sidebar: the application it leads to (None for a
    heading, a note, or the second line of an entry, which `continues` the
    entry above), how to make what it says, and a key that changes when that
    may change (so that only such lines are painted again)."""

    __slots__ = ("content", "continues", "keep", "key", "target")

    def __init__(
        self,
        target: str | None,
        content: Callable[[], Content],
        key: tuple[object, ...],
        *,
        continues: str | None = None,
        keep: object = None,
    ) -> None:
        self.target = target
        self.continues = continues
        self.keep = keep
        """What `key` names by identity, kept alive so that the id stays its own."""
        made: list[Content] = []

        def once() -> Content:
            if not made:
                made.append(content())
            return made[0]

        self.content = once
        self.key = key


def _constant(content: Content) -> Callable[[], Content]:
    return lambda: content


def _entry_lines(
    item: Verdict | Task, when: tuple[object, ...], content: Callable[[], Content], height: int
) -> list[_Line]:
    """An entry of `height` lines (who, then when or where, then marks that
    did not fit after the name); its lines share one text. Each line's key
    names the entry and which of its lines it is: when a list above grows or
    shrinks, a line that now shows another line of the same entry says
    something else and is painted again."""
    first = _Line(item.application, content, (id(item), *when, 0), keep=item)
    rest = [
        _Line(None, first.content, (id(item), *when, row), continues=item.application, keep=item)
        for row in range(1, height)
    ]
    return [first, *rest]


def _section(title: str, count: int, entries: list[list[_Line]], empty: str) -> list[_Line]:
    """A heading with the count, the entries, what is left out, and a blank line."""
    heading = Content.assemble((title, "bold $text-primary"), (f"  {count:,}", "dim"))
    lines = [_Line(None, _constant(heading), ("heading", title, count))]
    if not entries:
        note = Content.styled(f"  {empty}", "dim italic")
        lines.append(_Line(None, _constant(note), ("empty", empty)))
    for entry in entries:
        lines.extend(entry)
    if count > len(entries):
        more = count - len(entries)
        text = Content.styled(f"  … and {more:,} more", "dim")
        lines.append(_Line(None, _constant(text), ("more", title, more)))
    lines.append(_Line(None, _constant(Content("")), ("blank",)))
    return lines
