"""Logging a call: who, what happened, when, and what they said about a decision.

While it is open the dialog shows what to say (the spec's talking points), the
short voicemail version as soon as "voicemail" is chosen, so the person can
dial with the dialog open and log the outcome when they hang up.
"""

from __future__ import annotations

from typing import ClassVar

import pendulum
from msgspec import structs
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.content import Content
from textual.widgets import Input, RadioButton, RadioSet, Select, Static

from jobcockpit.core.records import Application, Contact, LogEntry, LogKind, Stage, new_id
from jobcockpit.core.talking_points import TITLES, talking_points
from jobcockpit.core.text import plain
from jobcockpit.core.verdicts import TalkingPoints
from jobcockpit.tui.screens.forms import keys
from jobcockpit.tui.screens.forms.base import FormScreen, Reading
from jobcockpit.tui.screens.forms.contact import contact_label
from jobcockpit.tui.screens.forms.log import (
    moment_field,
    read_decision_date,
    read_moment,
    typed_moment,
)
from jobcockpit.tui.widgets.field import Field

OUTCOMES: dict[LogKind, str] = {
    LogKind.CONNECTED: "1 Connected: we talked",
    LogKind.VOICEMAIL: "2 Voicemail: I left a message",
    LogKind.NO_ANSWER: "3 No answer, no message",
}


STAGE_POINTS: dict[Stage, TalkingPoints] = {
    Stage.APPLIED: TalkingPoints.STATUS,
    Stage.INTERVIEWED: TalkingPoints.AFTER_INTERVIEW,
    Stage.DECIDED: TalkingPoints.AFTER_DECISION,
}
"""The script for a call no verdict asked for: the one of the application's stage."""


class CallForm(FormScreen[LogEntry]):
    """A call to one of the application's `contacts`, as a log entry; the
    script beside it is `talking_points`, by default the one of its stage."""

    BINDINGS: ClassVar[list[BindingType]] = [*keys.FORM, *keys.CALL]

    def __init__(
        self,
        application: Application,
        contacts: list[Contact],
        talking_points: TalkingPoints | None,
        now: pendulum.DateTime,
        zone: str,
        default_contact: str | None,
        *,
        entry: LogEntry | None = None,
    ) -> None:
        """With `entry`, that call (as logged) to correct."""
        super().__init__()
        self.entry = entry
        self.application = application
        self.contacts = list(contacts)
        self.talking_points = talking_points or STAGE_POINTS[application.stage]
        self.now = now
        self.zone = zone
        self.new_id = new_id("l")
        known = {c.id for c in self.contacts}
        self.default_contact: str | None
        if entry is not None:
            default_contact = entry.contact
        self.kept = None if entry is None else (typed_moment(entry.at, zone), entry.at)
        if default_contact in known:
            self.default_contact = default_contact
        else:
            self.default_contact = self.contacts[0].id if self.contacts else None

    def heading(self) -> Content:
        verb = "Log" if self.entry is None else "Correct"
        return Content.assemble(f"{verb} a call about ", (plain(self.application.company), "b"))

    def compose_fields(self) -> ComposeResult:
        if self.contacts:
            yield Field(
                "Who you called",
                Select[str](
                    [(contact_label(c), c.id) for c in self.contacts],
                    value=self.default_contact or Select.NULL,
                    allow_blank=False,
                    id="contact",
                ),
            )
        else:
            yield Static("No contacts yet: the call is logged for the application.", classes="note")
        entry = self.entry
        logged = entry.kind if entry is not None else None
        yield Field(
            "What happened (1, 2 or 3)",
            RadioSet(
                *(
                    RadioButton(label, kind is logged, id=kind.value)
                    for kind, label in OUTCOMES.items()
                ),
                id="outcome",
            ),
        )
        yield moment_field("When", value=self.kept[0] if self.kept else "now", zone=self.zone)
        yield Field(
            "Note",
            Input(
                entry.note if entry else "",
                placeholder="what was said, who to ask for next time",
                id="note",
            ),
        )
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

    def compose_aside(self) -> ComposeResult:
        yield Static(id="talking-points")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#outcome", RadioSet).focus()

    def action_outcome(self, kind: str) -> None:
        self.query_one(f"#{LogKind(kind).value}", RadioButton).value = True
        self.query_one("#outcome", RadioSet).focus()

    def _outcome(self) -> LogKind | None:
        pressed = self.query_one("#outcome", RadioSet).pressed_button
        return None if pressed is None or pressed.id is None else LogKind(pressed.id)

    def _contact(self) -> Contact | None:
        if not self.contacts:
            return None
        chosen = self.query_one("#contact", Select).value
        return next((c for c in self.contacts if c.id == chosen), None)

    def _show_talking_points(self, outcome: LogKind | None, contact: Contact | None) -> None:
        voicemail = outcome is LogKind.VOICEMAIL
        lines = talking_points(
            self.talking_points,
            voicemail=voicemail,
            application=self.application,
            contact_name=contact.name if contact else None,
        )
        panel = self.query_one("#talking-points", Static)
        title = TITLES[self.talking_points] + (": voicemail" if voicemail else "")
        panel.border_title = title
        panel.set_class(voicemail, "-voicemail")
        panel.update(Content("\n").join(Content(f"• {plain(line)}") for line in lines))

    def read(self, reading: Reading) -> LogEntry | None:
        outcome = self._outcome()
        contact = self._contact()
        self._show_talking_points(outcome, contact)
        if outcome is None:
            reading.fail("outcome", "pick what happened: 1 connected, 2 voicemail, 3 no answer")
        if self.contacts and contact is None:
            reading.fail("contact", "pick who you called")
        at = read_moment(self, reading, self.now, self.zone, "call", kept=self.kept)
        decision_field = self.query_one("#decision_expected_on-field", Field)
        decision_field.display = outcome is LogKind.CONNECTED
        expected = None
        if outcome is LogKind.CONNECTED:
            expected = read_decision_date(self, reading, at, self.now, self.zone, "call")
        if not reading.ok or outcome is None:
            return None
        if self.entry is not None:
            return structs.replace(
                self.entry,
                kind=outcome,
                at=at,
                contact=contact.id if contact else None,
                note=self.text("note").strip(),
                decision_expected_on=expected,
                id=self.entry.id or self.new_id,
            )
        return LogEntry(
            application=self.application.id,
            kind=outcome,
            at=at,
            contact=contact.id if contact else None,
            note=self.text("note").strip(),
            decision_expected_on=expected,
            id=self.new_id,
        )
