"""Logging an e-mail, a thank-you note or a reply from the employer, and
correcting one of those (or an interview) once logged.

Also home to the "when" and "decision expected on" fields that the call
dialog shares: a log entry is always something that has happened, since the
rules ignore entries later than now, and a decision date only makes sense
from the day it was given.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pendulum
from msgspec import structs
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input, Select, Static

from jobcockpit.core import places
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
    LogKind.VOICEMAIL: "call",
    LogKind.NO_ANSWER: "call",
    LogKind.INTERVIEW: "interview",
    LogKind.EMAIL: "e-mail",
    LogKind.THANK_YOU: "note",
    LogKind.REPLY: "reply",
}


def moment_field(
    label: str, control_id: str = "at", value: str = "now", zone: str | None = None
) -> Field:
    """A field for when something happened; with `zone`, its label says the
    time is the user's own."""
    if zone is not None:
        label = f"{label} (your time, {zone})"
    return Field(label, Input(value, placeholder=f"e.g. {MOMENT_EXAMPLES}", id=control_id))


def typed_moment(moment: dt.datetime, zone: str) -> str:
    """A moment as it is typed back into a moment field: "2026-11-10 16:00"."""
    return moment.astimezone(places.zone(zone)).strftime("%Y-%m-%d %H:%M")


def read_moment(
    form: FormScreen[Any],
    reading: Reading,
    now: pendulum.DateTime,
    zone: str,
    what: str,
    control_id: str = "at",
    kept: tuple[str, dt.datetime] | None = None,
) -> pendulum.DateTime:
    """When the thing happened, in the user's `zone`; never later than now.
    `kept` is an edited entry's moment and how it was typed back: left as it
    was, the moment stays exactly what it was (seconds and all)."""
    text = form.text(control_id)
    if kept is not None and text.strip() == kept[0]:
        reading.hint(control_id, describe_moment(kept[1], now, zone))
        return pendulum.instance(kept[1])
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
    """An e-mail (`m`), thank-you note (`t`) or employer reply (`r`) as a log
    entry; with `entry`, that entry (one of these, or an interview) to correct."""

    KINDS = (LogKind.EMAIL, LogKind.THANK_YOU, LogKind.REPLY)
    EDITS = (*KINDS, LogKind.INTERVIEW)

    def __init__(
        self,
        kind: LogKind,
        application: Application,
        contacts: list[Contact],
        now: pendulum.DateTime,
        zone: str,
        default_contact: str | None,
        *,
        entry: LogEntry | None = None,
    ) -> None:
        kinds = self.KINDS if entry is None else self.EDITS
        if kind not in kinds:
            raise ValueError(f"LogForm logs {', '.join(k.value for k in kinds)}, not {kind.value}")
        super().__init__()
        self.entry = entry
        self.kind = kind
        self.application = application
        self.contacts = list(contacts)
        self.now = now
        self.zone = zone
        self.new_id = new_id("l")
        known = {c.id for c in self.contacts}
        if entry is not None:
            default_contact = entry.contact
        self.default_contact = default_contact if default_contact in known else None
        if (
            self.default_contact is None
            and kind is not LogKind.REPLY
            and self.contacts
            and (entry is None or entry.contact is not None)
        ):
            self.default_contact = self.contacts[0].id
        self.kept = None if entry is None else (typed_moment(entry.at, zone), entry.at)

    def heading(self) -> Content:
        company = (plain(self.application.company), "b")
        if self.entry is not None:
            return Content.assemble(f"Correct the {WHAT[self.kind]} about ", company)
        return Content.assemble(HEADINGS[self.kind], company)

    def compose_fields(self) -> ComposeResult:
        reply = self.kind is LogKind.REPLY
        entry = self.entry
        optional = reply or (entry is not None and entry.contact is None)
        if self.contacts:
            yield Field(
                "From whom (optional)" if reply else "To whom",
                Select[str](
                    [(contact_label(c), c.id) for c in self.contacts],
                    value=self.default_contact or Select.NULL,
                    allow_blank=optional,
                    prompt="nobody in particular",
                    id="contact",
                ),
            )
        else:
            yield Static("No contacts yet: it is logged for the application.", classes="note")
        yield moment_field("When", value=self.kept[0] if self.kept else "now", zone=self.zone)
        yield Field(
            "Note", Input(entry.note if entry else "", placeholder="what it said", id="note")
        )
        if reply:
            expected = entry.decision_expected_on if entry else None
            yield Field(
                "Decision expected on (if they said; optional)",
                Input(
                    expected.isoformat() if expected else "",
                    placeholder="e.g. fri, in 2 weeks, 2026-11-30",
                    id="decision_expected_on",
                ),
                hint="R4: the cockpit waits until a business day after it.",
            )

    def read(self, reading: Reading) -> LogEntry | None:
        contact: str | None = None
        if self.contacts:
            chosen = self.query_one("#contact", Select).value
            contact = chosen if isinstance(chosen, str) else None
            optional = self.entry is not None and self.entry.contact is None
            if contact is None and self.kind is not LogKind.REPLY and not optional:
                reading.fail("contact", "pick who it went to")
        what = WHAT[self.kind]
        at = read_moment(self, reading, self.now, self.zone, what, kept=self.kept)
        expected = None
        if self.kind is LogKind.REPLY:
            expected = read_decision_date(self, reading, at, self.now, self.zone, what)
        if not reading.ok:
            return None
        if self.entry is not None:
            return structs.replace(
                self.entry,
                at=at,
                contact=contact,
                note=self.text("note").strip(),
                decision_expected_on=expected,
                id=self.entry.id or self.new_id,
            )
        return LogEntry(
            application=self.application.id,
            kind=self.kind,
            at=at,
            contact=contact,
            note=self.text("note").strip(),
            decision_expected_on=expected,
            id=self.new_id,
        )
