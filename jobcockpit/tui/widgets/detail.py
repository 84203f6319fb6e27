"""The selected application in full: contacts, the why of each verdict, the log.

For each contact: the formatted phone, the zone, their local time now and the
best time to call; then what the rules decided for the pair and why, rule ids
and reason, with today's windows in their time and the user's. The phone and
the e-mail address are terminal hyperlinks (`tel:`, `mailto:`); in privacy
mode names are stand-ins and addresses, numbers and notes are hidden.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import BindingType
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

from jobcockpit.core.board import Board
from jobcockpit.core.phones import ImpossiblePhoneError, check_phone
from jobcockpit.core.places import place_of
from jobcockpit.core.records import Application, Contact, LogEntry, LogKind
from jobcockpit.core.text import plain
from jobcockpit.core.verdicts import Task, Verdict, VerdictKind
from jobcockpit.tui import keys
from jobcockpit.tui.contrast import NON_TEXT_MINIMUM, legible
from jobcockpit.tui.links import email_content, phone_content
from jobcockpit.tui.views.privacy import HIDDEN, PLAIN, Names
from jobcockpit.tui.views.text import clean_lines
from jobcockpit.tui.views.wording import badge, clock, local, task_due, window_text
from jobcockpit.tui.views.wrapping import wrap_pieces
from jobcockpit.tui.widgets.scrolling import set_virtual_size

GUTTER = 1
"""The column left of the text where the cursor's mark goes."""


class ItemKind(StrEnum):
    APPLICATION = "application"
    CONTACT = "contact"
    LOG = "log"


_VERDICT_STYLE = {
    VerdictKind.CALL: "bold $text-success",
    VerdictKind.EMAIL: "bold $text-accent",
    VerdictKind.WAIT: "bold $text-warning",
    VerdictKind.DONE: "bold $text-muted",
    VerdictKind.BLOCKED: "bold $text-error",
}


def _label(text: str) -> Content:
    # No-break spaces: a label and its value are one piece when lines wrap.
    return Content.styled(text.ljust(12, "\u00a0"), "dim")


@dataclass(frozen=True, slots=True)
class DetailItem:
    """A record the detail shows, which the cursor can rest on to edit it or
    remove it: the application itself, one of its contacts, or a log entry."""

    kind: ItemKind
    key: str
    """The application's or the contact's id, or the log entry's key."""
    first: int
    """Its first line of the description (before lines are wrapped)."""
    end: int
    """The line after its last."""


@dataclass(frozen=True, slots=True)
class Description:
    """What the detail pane says, and where each record's lines are."""

    content: Content
    items: tuple[DetailItem, ...] = ()

    @property
    def plain(self) -> str:
        """What it says, as text (the no-break spaces in labels as spaces)."""
        return self.content.plain.replace("\u00a0", " ")


def _kept_lines(application: Application, private: bool) -> list[Content]:
    """Salary, location, what was sent, the posting's deadline and tags, those
    that are set; privacy mode hides all but the deadline."""

    def shown(value: str) -> str | tuple[str, str]:
        return (HIDDEN, "dim") if private else plain(value)

    lines: list[Content] = []
    if application.deadline:
        lines.append(Content.assemble(_label("deadline"), application.deadline.isoformat()))
    for label, value in (("salary", application.salary), ("location", application.location)):
        if value:
            lines.append(Content.assemble(_label(label), shown(value)))
    sent = [
        (what, value)
        for what, value in (
            ("résumé ", application.resume),
            ("cover letter ", application.cover_letter),
        )
        if value
    ]
    if sent:
        parts: list[Content | str | tuple[str, str]] = [_label("sent")]
        for number, (what, value) in enumerate(sent):
            parts += [(("   " if number else "") + what, "dim"), shown(value)]
        lines.append(Content.assemble(*parts))
    if application.tags:
        lines.append(Content.assemble(_label("tags"), shown(", ".join(application.tags))))
    return lines


def describe_application(
    application: Application,
    board: Board,
    verdicts: Sequence[Verdict],
    tasks: Sequence[Task],
    now: dt.datetime,
    user_zone: str,
    names: Names = PLAIN,
) -> Description:
    contacts = board.contacts_of(application)
    items: list[DetailItem] = []

    def redact(text: str) -> str:
        return names.redact(text, (application,), contacts)

    lines: list[Content] = [
        Content.assemble(
            (names.company(application.company), "bold"),
            (" · ", "dim"),
            plain(application.position),
        ),
        Content.assemble(
            _label("applied"),
            application.applied_on.isoformat(),
            ("   follow-up ", "dim"),
            application.follow_up.value,
            ("   stage ", "dim"),
            application.stage.value,
            (f" ({application.outcome.value})" if application.outcome else "", ""),
        ),
    ]
    if application.posting_url:
        posting = (HIDDEN, "dim") if names.private else plain(application.posting_url)
        lines.append(Content.assemble(_label("posting"), posting))
    if application.decision_expected_on:
        lines.append(
            Content.assemble(_label("decision by"), application.decision_expected_on.isoformat())
        )
    lines.extend(_kept_lines(application, names.private))
    if names.private and application.notes.strip():
        lines.append(Content.assemble(_label("notes"), (HIDDEN, "dim")))
    else:
        for number, note in enumerate(clean_lines(application.notes)):
            lines.append(Content.assemble(_label("notes" if number == 0 else ""), note))
    items.append(DetailItem(ItemKind.APPLICATION, application.id, 0, len(lines)))
    by_contact = {v.contact: v for v in verdicts}
    lines.append(Content(""))
    lines.append(Content.styled(f"Contacts ({len(contacts)})", "bold $text-primary"))
    if not contacts:
        lines.append(Content.styled("  none yet: press a to add one", "dim italic"))
    for contact in contacts:
        first = len(lines)
        lines.extend(
            _contact_lines(contact, by_contact.get(contact.id), now, user_zone, names, redact)
        )
        items.append(DetailItem(ItemKind.CONTACT, contact.id, first, len(lines)))
    if tasks:
        lines.append(Content(""))
        lines.append(Content.styled("To do", "bold $text-primary"))
        for task in tasks:
            due = f" ({task_due(task, now, user_zone)})" if task.due is not None else ""
            rules = " ".join(task.rules)
            lines.append(
                Content.assemble(
                    "  ",
                    (rules + " " if rules else "", "$text-accent"),
                    redact(task.text),
                    (due, "bold $text-error" if task.late else "$text-warning"),
                )
            )
    log = board.log_of(application.id)
    lines.append(Content(""))
    lines.append(Content.styled(f"Log ({len(log)})", "bold $text-primary"))
    if not log:
        lines.append(Content.styled("  nothing logged yet", "dim italic"))
    for entry in reversed(log):
        items.append(DetailItem(ItemKind.LOG, entry.key, len(lines), len(lines) + 1))
        lines.append(_log_line(entry, board, user_zone, names, now))
    return Description(Content("\n").join(lines), tuple(items))


def _reachable(contact: Contact, names: Names) -> Content:
    """The phone and the e-mail address, each a hyperlink; hidden in privacy mode."""

    def shown(value: str | None, content: Callable[[str], Content]) -> Content:
        if not value:
            return Content.styled("none", "dim")
        if names.private:
            return Content.styled(HIDDEN, "dim")
        return content(value)

    return Content.assemble(
        "    ",
        _label("phone"),
        shown(contact.phone, lambda phone: phone_content(phone, contact.country)),
        _phone_mark(contact, names),
        ("   e-mail ", "dim"),
        shown(contact.email, email_content),
    )


def _phone_mark(contact: Contact, names: Names) -> Content:
    """A number the phone library finds unusual, or impossible (kept from
    before it was checked, or imported), says so beside it (only that, in
    privacy mode)."""
    if not contact.phone:
        return Content("")
    try:
        unusual = check_phone(contact.phone, contact.country).unusual
    except ImpossiblePhoneError as error:
        why = "" if names.private else f": it {error.reason}"
        return Content.styled(f"  ⚠ impossible number{why}", "bold $text-error")
    if unusual is None:
        return Content("")
    why = "" if names.private else f": {unusual}"
    return Content.styled(f"  ⚠ unusual number{why}", "$text-warning")


def _contact_lines(
    contact: Contact,
    verdict: Verdict | None,
    now: dt.datetime,
    user_zone: str,
    names: Names,
    redact: Callable[[str], str],
) -> list[Content]:
    place = place_of(contact, user_zone)
    zone_note = " (from the phone number)" if place.zone_inferred else ""
    if place.zone_guessed:
        zone_note = " (guessed: yours)"
    their_now = local(now, place.zone)
    role = f", {plain(contact.role)}" if contact.role else ""
    verified = (
        ("verified", "$text-success") if contact.verified else ("unverified", "$text-warning")
    )
    lines = [
        Content.assemble("  ", (names.contact(contact), "bold"), (role, "dim"), "  ", verified),
        _reachable(contact, names),
        Content.assemble(
            "    ",
            _label("zone"),
            place.zone,
            (zone_note, "dim"),
            ("   their time now ", "dim"),
            their_now.strftime("%a %H:%M"),
        ),
        Content.assemble(
            "    ",
            _label("best time"),
            contact.best_time.describe() if contact.best_time else ("not recorded", "dim"),
        ),
    ]
    if verdict is None:
        return lines
    text, _kind = badge(verdict, now, user_zone)
    lines.append(
        Content.assemble(
            "    ",
            _label("verdict"),
            (text, _VERDICT_STYLE[verdict.kind]),
            ("  overdue" if verdict.overdue else "", "bold $text-error"),
            ("  do not leave another message" if verdict.no_more_messages else "", "$text-warning"),
        )
    )
    lines.append(
        Content.assemble(
            "    ",
            _label("why"),
            (" ".join(verdict.rules), "$text-accent"),
            "  ",
            redact(verdict.reason),
        )
    )
    for window in verdict.windows:
        lines.append(
            Content.assemble(
                "    ",
                _label("window"),
                window_text(window, now, verdict.zone, user_zone),
            )
        )
    return lines


def _log_line(
    entry: LogEntry, board: Board, user_zone: str, names: Names, now: dt.datetime
) -> Content:
    """One entry; an interview whose start is known is dated by it and shows
    when it ends, and one still ahead says it is scheduled (R19)."""
    contact = board.contacts.get(entry.contact) if entry.contact else None
    interview = entry.kind is LogKind.INTERVIEW
    start = entry.starts_at or entry.at
    when = local(start, user_zone).strftime("%a %d %b %Y ") + clock(start, user_zone)
    if entry.starts_at is not None:
        when += "-" + clock(entry.at, user_zone)
    parts: list[Content | tuple[str, str] | str] = [
        "  ",
        (when, "dim"),
        "  ",
        (f"{entry.kind.value.replace('_', ' '):<10}", "bold"),
    ]
    if interview and entry.at > now:
        parts.append(("  scheduled", "bold $text-warning"))
    if contact is not None:
        parts.extend(["  ", names.contact(contact)])
    if entry.decision_expected_on is not None:
        parts.extend([("  decision by ", "dim"), entry.decision_expected_on.isoformat()])
    if entry.note:
        note = f"note {HIDDEN}" if names.private else plain(entry.note)
        parts.extend([("  ", ""), (note, "italic")])
    return Content.assemble(*parts)


class Detail(ScrollView, can_focus=True, inherit_bindings=False):
    """Drawn line by line, so that moving from card to card repaints only this
    pane and never lays out the whole screen again.

    With focus, a cursor rests on one record at a time (the application, a
    contact, a log entry): `e` edits it and `x` removes it, with the forms
    and checks that made it. Lines wrap between their pieces, never inside a
    phone number or a date (`wrapping`)."""

    BINDINGS: ClassVar[list[BindingType]] = list(keys.DETAIL)
    COMPONENT_CLASSES: ClassVar[set[str]] = {"detail--cursor", "detail--edge"}

    class Chosen(Message):
        """The user asked to edit (`edit`) or remove (`remove`) a record."""

        def __init__(self, item: DetailItem, what: str) -> None:
            super().__init__()
            self.item = item
            self.what = what

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._description = Description(Content.styled("No application selected", "dim italic"))
        self._strips: list[Strip] = []
        self._starts: list[int] = [0]
        """Where each line of the description begins once wrapped, and the end."""
        self._width = 0
        self._made_of: tuple[tuple[object, ...], tuple[object, ...]] | None = None
        """What the pane describes, when it describes an application."""
        self.cursor = 0
        """The record under the cursor, an index into the description's items."""
        self._followed: tuple[ItemKind, str] | None = None

    @property
    def plain(self) -> str:
        """What the pane says, as text."""
        return self._description.plain

    @property
    def items(self) -> tuple[DetailItem, ...]:
        return self._description.items

    @property
    def current(self) -> DetailItem | None:
        """The record under the cursor."""
        items = self._description.items
        return items[self.cursor] if 0 <= self.cursor < len(items) else None

    def show_application(
        self,
        application: Application,
        board: Board,
        verdicts: Sequence[Verdict],
        tasks: Sequence[Task],
        now: dt.datetime,
        user_zone: str,
        names: Names,
    ) -> None:
        """Describe `application`, unless the pane says just that already.

        What the pane says follows from these alone (the board, the names and
        the verdicts are new objects whenever they change): a card selected
        again after the views were refreshed is not described twice."""
        same = (board, verdicts, tasks, names)
        said = (application.id, now, user_zone)
        known = self._made_of
        if (
            known is not None
            and all(a is b for a, b in zip(known[0], same, strict=True))
            and known[1] == said
        ):
            return
        self.show(describe_application(application, board, verdicts, tasks, now, user_zone, names))
        self._made_of = (same, said)

    def show(self, description: Description | None) -> None:
        """Show another description. The cursor stays on its record when the
        same one is still there (a contact edited, an entry logged), else it
        goes back to the application at the top."""
        self._made_of = None
        if description is None:
            description = Description(Content.styled("No application selected", "dim"))
        before, after = self._description.items[:1], description.items[:1]
        same_application = bool(before) and bool(after) and before[0].key == after[0].key
        followed = self._followed
        self._description = description
        self.cursor = 0
        if same_application and followed is not None:
            for index, item in enumerate(description.items):
                if (item.kind, item.key) == followed:
                    self.cursor = index
                    break
        current = self.current
        self._followed = (current.kind, current.key) if current is not None else None
        self._width = 0
        if not same_application:
            self.scroll_to(0, 0, animate=False)
        self._layout_lines()

    def on_resize(self) -> None:
        self._width = 0
        self._layout_lines()
        self.call_after_refresh(self._keep_cursor_in_view)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._width = 0

    def _layout_lines(self) -> None:
        width = self.scrollable_content_region.width - GUTTER
        if width <= 0 or width == self._width:
            return
        self._width = width
        wrapped: list[Content] = []
        starts = [0]
        for line in self._description.content.split("\n", allow_blank=True):
            wrapped.extend(wrap_pieces(line, width))
            starts.append(len(wrapped))
        self._starts = starts
        self._strips = Visual.to_strips(
            self, Content("\n").join(wrapped), width, None, self.visual_style
        )
        set_virtual_size(self, Size(width + GUTTER, len(self._strips)))
        self.refresh()

    def _span(self, item: DetailItem) -> tuple[int, int]:
        """The first wrapped line of a record and the line after its last."""
        last = len(self._starts) - 1
        return self._starts[min(item.first, last)], self._starts[min(item.end, last)]

    def render_line(self, y: int) -> Strip:
        if self._width != self.scrollable_content_region.width - GUTTER:
            # Resized, or a scrollbar came or went: wrap again at this width.
            self._width = 0
            self._layout_lines()
        line = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if not 0 <= line < len(self._strips):
            return Strip.blank(width, base)
        strip = self._strips[line]
        current = self.current
        marked = (
            self.has_focus
            and current is not None
            and len(self.items) > 1
            and self._span(current)[0] <= line < self._span(current)[1]
        )
        if not marked:
            return Strip([Segment(" " * GUTTER, base), *strip]).adjust_cell_length(width, base)
        cursor, edge = self._cursor_styles()
        return Strip(
            [Segment("▌", edge), *Segment.apply_style(strip, post_style=cursor)]
        ).adjust_cell_length(width, cursor)

    def _cursor_styles(self) -> tuple[Style, Style]:
        """The record under the cursor: its background, the pane's with the
        cursor's tint, and the mark at its left edge, made to be seen on it
        (`contrast`)."""
        background = self.background_colors[1]
        tint = self.get_component_styles("detail--cursor").background
        marked = background + tint
        edge = background + self.get_component_styles("detail--edge").color
        seen = legible(edge, marked, NON_TEXT_MINIMUM)
        return (
            Style(bgcolor=marked.rich_color),
            Style(color=seen.rich_color, bgcolor=marked.rich_color),
        )

    # -- the cursor ------------------------------------------------------------

    def _move_to(self, index: int) -> None:
        items = self.items
        if not items:
            return
        index = max(0, min(index, len(items) - 1))
        self.cursor = index
        item = items[index]
        self._followed = (item.kind, item.key)
        self.refresh()
        self._keep_cursor_in_view()

    def _keep_cursor_in_view(self) -> None:
        current = self.current
        if current is None:
            return
        if self.cursor == 0:
            self.scroll_to(y=0, animate=False)
            return
        first, end = self._span(current)
        height = max(1, self.scrollable_content_region.height)
        top = int(self.scroll_y)
        if first < top:
            self.scroll_to(y=first, animate=False)
        elif end > top + height:
            self.scroll_to(y=min(first, end - height), animate=False)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def action_cursor_up(self) -> None:
        self._move_to(self.cursor - 1)

    def action_cursor_down(self) -> None:
        self._move_to(self.cursor + 1)

    def action_first(self) -> None:
        self._move_to(0)

    def action_last(self) -> None:
        self._move_to(len(self.items) - 1)

    def action_edit(self) -> None:
        current = self.current
        if current is not None:
            self.post_message(self.Chosen(current, "edit"))

    def action_remove(self) -> None:
        current = self.current
        if current is not None:
            self.post_message(self.Chosen(current, "remove"))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        line = offset.y + int(self.scroll_y)
        for index, item in enumerate(self.items):
            first, end = self._span(item)
            if first <= line < end:
                self._move_to(index)
                if event.chain == 2:
                    self.action_edit()
                return
