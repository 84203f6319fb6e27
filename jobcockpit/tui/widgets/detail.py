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
from typing import ClassVar

from textual.binding import BindingType
from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

from jobcockpit.core.board import Board
from jobcockpit.core.places import place_of
from jobcockpit.core.records import Application, Contact, LogEntry, LogKind
from jobcockpit.core.text import plain
from jobcockpit.core.verdicts import Task, Verdict, VerdictKind
from jobcockpit.tui import keys
from jobcockpit.tui.links import email_content, phone_content
from jobcockpit.tui.views.privacy import HIDDEN, PLAIN, Names
from jobcockpit.tui.views.text import clean_lines
from jobcockpit.tui.views.wording import badge, clock, local, task_due, window_text
from jobcockpit.tui.widgets.scrolling import set_virtual_size

_VERDICT_STYLE = {
    VerdictKind.CALL: "bold $text-success",
    VerdictKind.EMAIL: "bold $text-accent",
    VerdictKind.WAIT: "bold $text-warning",
    VerdictKind.DONE: "bold $text-muted",
    VerdictKind.BLOCKED: "bold $text-error",
}


def _label(text: str) -> Content:
    return Content.styled(f"{text:<12}", "dim")


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
) -> Content:
    contacts = board.contacts_of(application)

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
    by_contact = {v.contact: v for v in verdicts}
    lines.append(Content(""))
    lines.append(Content.styled(f"Contacts ({len(contacts)})", "bold $text-primary"))
    if not contacts:
        lines.append(Content.styled("  none yet: press a to add one", "dim italic"))
    for contact in contacts:
        lines.extend(
            _contact_lines(contact, by_contact.get(contact.id), now, user_zone, names, redact)
        )
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
        lines.append(_log_line(entry, board, user_zone, names, now))
    return Content("\n").join(lines)


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
        ("   e-mail ", "dim"),
        shown(contact.email, email_content),
    )


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
    pane and never lays out the whole screen again."""

    BINDINGS: ClassVar[list[BindingType]] = list(keys.DETAIL)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._content: Content = Content.styled("No application selected", "dim italic")
        self._strips: list[Strip] = []
        self._width = 0
        self._made_of: tuple[tuple[object, ...], tuple[object, ...]] | None = None
        """What the pane describes, when it describes an application."""

    @property
    def plain(self) -> str:
        """What the pane says, as text."""
        return self._content.plain

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

    def show(self, content: Content | None) -> None:
        self._made_of = None
        self._content = (
            content if content is not None else Content.styled("No application selected", "dim")
        )
        self._width = 0
        self.scroll_to(0, 0, animate=False)
        self._layout_lines()

    def on_resize(self) -> None:
        self._width = 0
        self._layout_lines()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._width = 0

    def _layout_lines(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0 or width == self._width:
            return
        self._width = width
        self._strips = Visual.to_strips(self, self._content, width, None, self.visual_style)
        set_virtual_size(self, Size(width, len(self._strips)))
        self.refresh()

    def render_line(self, y: int) -> Strip:
        if self._width != self.scrollable_content_region.width:
            # Resized, or a scrollbar came or went: wrap again at this width.
            self._width = 0
            self._layout_lines()
        line = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        if 0 <= line < len(self._strips):
            return self._strips[line].adjust_cell_length(width, self.rich_style)
        return Strip.blank(width, self.rich_style)
