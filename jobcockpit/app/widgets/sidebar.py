"""The sidebar: who is safe to call today and the day's other follow-ups.

Sections, in the spec's order: safe to call today (contact, company, window,
overdue and unverified marks), e-mail today, thank-you notes due (with the
countdown), and what comes up in the next five business days. Choosing an
entry selects its card. Long lists are cut: the sidebar is a to-do list for
today, not a second board. An e-mail address is a `mailto:` hyperlink; in
privacy mode names are stand-ins and addresses are hidden.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.binding import BindingType
from textual.content import Content, Span
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from jobcockpit.app import keys
from jobcockpit.app.agenda_book import Today
from jobcockpit.app.links import email_content
from jobcockpit.app.privacy import HIDDEN, PLAIN, Names, Privacy
from jobcockpit.app.wording import countdown, local, next_window, short_date, window_text
from jobcockpit.domain.board import Board
from jobcockpit.domain.verdicts import TaskKind, Verdict

SECTION_LIMIT = 40
"""Entries shown per section; the rest are counted."""


@dataclass(frozen=True, slots=True)
class Horizon:
    """What 'today' and 'the next five business days' mean for the user."""

    now: dt.datetime
    user_zone: str
    today: dt.date
    until: dt.date


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


def _entry(
    first: Content, second: Content | str | None, marks: Iterable[tuple[str, str]]
) -> Content:
    line = first
    for text, style in marks:
        line = Content.assemble(line, "  ", (text, style))
    if second is None:
        return line
    return Content.assemble(line, "\n  ", second)


def call_entry(board: Board, verdict: Verdict, horizon: Horizon, names: Names = PLAIN) -> Content:
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
    )


def email_entry(board: Board, verdict: Verdict, names: Names = PLAIN) -> Content:
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
    )


class Sidebar(OptionList, inherit_bindings=False):
    BINDINGS: ClassVar[list[BindingType]] = list(keys.SIDEBAR)

    class Chosen(Message):
        """The user chose an entry: select its application's card."""

        def __init__(self, application_id: str) -> None:
            super().__init__()
            self.application_id = application_id

    def __init__(self, *, id: str | None = None, privacy: Privacy | None = None) -> None:
        super().__init__(id=id)
        self._targets: dict[str, str] = {}
        self._shown: list[tuple[str | None, str, Sequence[Span]]] | None = None
        """What the options say now, to tell whether they must be replaced."""
        self.privacy = privacy if privacy is not None else Privacy()

    def show(self, today: Today | None, board: Board, horizon: Horizon) -> None:
        """Show the day's lists (None while the board is still being judged).
        The options are only replaced when what they say changed, so the
        highlight and the scroll stay put and an unchanged list costs nothing."""
        highlighted = self.highlighted_option.id if self.highlighted_option else None
        targets: dict[str, str] = {}
        if today is None:
            entries: list[_Row] = [(None, Content.styled("Judging who to call...", "dim"))]
        else:
            entries = self._rows(today, board, horizon, targets)
        signature = [(target, content.plain, content.spans) for target, content in entries]
        if signature == self._shown:
            return
        self._shown = signature
        self._targets = targets
        options = [
            Option(content, id=target, disabled=target is None) for target, content in entries
        ]
        self.set_options(options)
        if highlighted is not None and highlighted in self._targets:
            self.highlighted = self.get_option_index(highlighted)

    def _rows(
        self, today: Today, board: Board, horizon: Horizon, targets: dict[str, str]
    ) -> list[_Row]:
        names = self.privacy.names(board)
        rows: list[_Row] = []
        calls, emails, notes, coming = today.calls, today.emails, today.notes, today.coming
        rows.extend(
            _section(
                "Safe to call today",
                calls.count,
                [(v.application, call_entry(board, v, horizon, names)) for v in calls.first],
                "nobody to call today",
                targets,
            )
        )
        rows.extend(
            _section(
                "E-mail today",
                emails.count,
                [(v.application, email_entry(board, v, names)) for v in emails.first],
                "no e-mails due",
                targets,
            )
        )
        note_entries = []
        for task in notes.first:
            if task.due is None:
                when = Content("no due time")
            elif task.kind is TaskKind.THANK_YOU:
                when = Content.styled(
                    countdown(task.due, horizon.now),
                    "bold $text-error" if task.late else "$text-warning",
                )
            else:
                day = local(task.due, horizon.user_zone).date()
                when = Content(f"courtesy note by {short_date(day, horizon.today)}")
            note_entries.append(
                (
                    task.application,
                    _entry(_who(board, task.application, task.contact, names), when, ()),
                )
            )
        rows.extend(_section("Thank-you notes due", notes.count, note_entries, "none due", targets))
        coming_entries = [
            (
                v.application,
                Content.assemble(
                    (f"{short_date(v.next, horizon.today):<9}", "$text-accent"),
                    _who(board, v.application, v.contact, names),
                ),
            )
            for v in coming.first
            if v.next is not None
        ]
        rows.extend(
            _section(
                "Coming up, next 5 business days", coming.count, coming_entries, "nothing", targets
            )
        )
        return rows

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id
        if option_id is not None and option_id in self._targets:
            self.post_message(self.Chosen(self._targets[option_id]))


_Row = tuple[str | None, Content]
"""An option: the id it answers to (None for a heading or a note), and what it says."""


def _section(
    title: str,
    count: int,
    entries: list[tuple[str, Content]],
    empty: str,
    targets: dict[str, str],
) -> list[_Row]:
    """A heading with the count, the entries (each given the next option id in
    `targets`), what is left out, and a blank line."""
    heading = Content.assemble((title, "bold $text-primary"), (f"  {count:,}", "dim"))
    rows: list[_Row] = [(None, heading)]
    if not entries:
        rows.append((None, Content.styled(f"  {empty}", "dim italic")))
    for app_id, content in entries:
        option_id = f"{len(targets)}"
        targets[option_id] = app_id
        rows.append((option_id, content))
    if count > len(entries):
        more = count - len(entries)
        rows.append((None, Content.styled(f"  … and {more:,} more", "dim")))
    rows.append((None, Content("")))
    return rows
