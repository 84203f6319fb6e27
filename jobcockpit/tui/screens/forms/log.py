"""Logging an e-mail, a thank-you note or a reply from the employer.

Also home to the "when" and "decision expected on" fields that the call
dialog shares: a log entry is always something that has happened, since the
rules ignore entries later than now, and a decision date only makes sense
from the day it was given.
"""

from __future__ import annotations

from typing import Any

import pendulum
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input, Select, Static

from jobcockpit.core.friendly import (
    MOMENT_EXAMPLES,
    describe_day,
    describe_moment,
    parse_day,
    parse_typed_moment,
)
from jobcockpit.core.records import Application, Contact, LogEntry, LogKind, new_id
from jobcockpit.core.text import plain
from jobcockpit.tui.screens.forms.base import FormScreen, Reading
from jobcockpit.tui.screens.forms.contact import contact_label
from jobcockpit.tui.widgets.field import Field

HEADINGS: dict[LogKind, str] = {
    LogKind.EMAIL: "Log an e-mail you sent about ",
    LogKind.THANK_YOU: "Log a thank-you note about ",
    LogKind.REPLY: "Log a reply from the employer about ",
}

WHAT: dict[LogKind, str] = {
    LogKind.CONNECTED: "call",
    LogKind.EMAIL: "e-mail",
    LogKind.THANK_YOU: "note",
    LogKind.REPLY: "reply",
}


def moment_field(label: str, control_id: str = "at", value: str = "now") -> Field:
    return Field(label, Input(value, placeholder=f"e.g. {MOMENT_EXAMPLES}", id=control_id))


def read_moment(
    form: FormScreen[Any],
    reading: Reading,
    now: pendulum.DateTime,
    zone: str,
    what: str,
    control_id: str = "at",
) -> pendulum.DateTime:
    """When the thing happened, in the user's `zone`; never later than now."""
    text = form.text(control_id)
    at = reading.take(control_id, lambda: parse_typed_moment(text, now, zone), now)
    if at > now:
        clock = now.in_timezone(zone).strftime("%H:%M")
        reading.fail(
            control_id,
            f"that is still ahead (it is {clock} now); log the {what} once it has happened",
        )
    elif control_id not in reading.errors:
        reading.hint(control_id, describe_moment(at, now, zone))
    return at


def read_decision_date(
    form: FormScreen[Any],
    reading: Reading,
    at: pendulum.DateTime,
    now: pendulum.DateTime,
    zone: str,
    what: str,
    control_id: str = "decision_expected_on",
) -> pendulum.Date | None:
    """The date they said a decision would come (R4), if any; not before `at`."""
    text = form.text(control_id)
    if not text.strip():
        return None
    today = now.in_timezone(zone).date()
    day = reading.take(control_id, lambda: parse_day(text, today, "future"), None)
    if day is None:
        return None
    if day < at.in_timezone(zone).date():
        reading.fail(control_id, f"that is before the {what} itself")
        return None
    reading.hint(control_id, describe_day(day, today))
    return day


class LogForm(FormScreen[LogEntry]):
    """An e-mail (`m`), thank-you note (`t`) or employer reply (`r`) as a log entry."""

    KINDS = (LogKind.EMAIL, LogKind.THANK_YOU, LogKind.REPLY)

    def __init__(
        self,
        kind: LogKind,
        application: Application,
        contacts: list[Contact],
        now: pendulum.DateTime,
        zone: str,
        default_contact: str | None,
    ) -> None:
        if kind not in self.KINDS:
            raise ValueError(
                f"LogForm logs {', '.join(k.value for k in self.KINDS)}, not {kind.value}"
            )
        super().__init__()
        self.kind = kind
        self.application = application
        self.contacts = list(contacts)
        self.now = now
        self.zone = zone
        self.new_id = new_id("l")
        known = {c.id for c in self.contacts}
        self.default_contact = default_contact if default_contact in known else None
        if self.default_contact is None and kind is not LogKind.REPLY and self.contacts:
            self.default_contact = self.contacts[0].id

    def heading(self) -> Content:
        return Content.assemble(HEADINGS[self.kind], (plain(self.application.company), "b"))

    def compose_fields(self) -> ComposeResult:
        reply = self.kind is LogKind.REPLY
        if self.contacts:
            yield Field(
                "From whom (optional)" if reply else "To whom",
                Select[str](
                    [(contact_label(c), c.id) for c in self.contacts],
                    value=self.default_contact or Select.NULL,
                    allow_blank=reply,
                    prompt="nobody in particular",
                    id="contact",
                ),
            )
        else:
            yield Static("No contacts yet: it is logged for the application.", classes="note")
        yield moment_field("When")
        yield Field("Note", Input(placeholder="what it said", id="note"))
        if reply:
            yield Field(
                "Decision expected on (if they said; optional)",
                Input(placeholder="e.g. fri, in 2 weeks, 2026-11-30", id="decision_expected_on"),
                hint="R4: the cockpit waits until a business day after it.",
            )

    def read(self, reading: Reading) -> LogEntry | None:
        contact: str | None = None
        if self.contacts:
            chosen = self.query_one("#contact", Select).value
            contact = chosen if isinstance(chosen, str) else None
            if contact is None and self.kind is not LogKind.REPLY:
                reading.fail("contact", "pick who it went to")
        what = WHAT[self.kind]
        at = read_moment(self, reading, self.now, self.zone, what)
        expected = None
        if self.kind is LogKind.REPLY:
            expected = read_decision_date(self, reading, at, self.now, self.zone, what)
        if not reading.ok:
            return None
        return LogEntry(
            application=self.application.id,
            kind=self.kind,
            at=at,
            contact=contact,
            note=self.text("note").strip(),
            decision_expected_on=expected,
            id=self.new_id,
        )
