"""Moving an application to another stage, with what the move needs to know.

Entering *interviewed* asks when the interview starts or started, in the
contact's zone, and how long it lasts: one that is over is recorded (the
thank-you note is due a day after its end, R5, and the wait before calling
runs from it, R6); one still ahead is scheduled (R19: the card shows it, a
task to get ready is due at its start, and nobody is called until it is over).
Entering *decided* asks the outcome and, for a rejection, whether they invited
you to keep in touch (R16). A move back only confirms: it corrects a mistake.
"""

from __future__ import annotations

from typing import ClassVar

import pendulum
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Checkbox, Input, RadioButton, RadioSet, Static

from jobcockpit.core import places
from jobcockpit.core.friendly import (
    LENGTH_EXAMPLES,
    describe_length,
    describe_moment,
    parse_length,
    parse_typed_moment,
)
from jobcockpit.core.records import Application, Outcome, Stage
from jobcockpit.core.stages import StageChange, change_stage, is_backwards
from jobcockpit.core.text import plain
from jobcockpit.tui.screens.forms.base import FormScreen, Reading
from jobcockpit.tui.screens.forms.log import moment_field, read_moment
from jobcockpit.tui.widgets.field import Field

OUTCOME_LABELS: dict[Outcome, str] = {
    Outcome.OFFER: "Offer: they offered me the job",
    Outcome.ACCEPTED: "Accepted: I took the offer",
    Outcome.REJECTED: "Rejected: they said no",
    Outcome.FILLED: "Filled: the position went to someone else",
    Outcome.WITHDRAWN: "Withdrawn: I pulled out",
}


class StageForm(FormScreen[StageChange]):
    """`application` moved to `target`; `now` and `zone` read the moments typed."""

    submit_label: ClassVar[str] = "Move"

    def __init__(
        self,
        application: Application,
        target: Stage,
        now: pendulum.DateTime,
        zone: str,
        their_zone: str | None = None,
    ) -> None:
        """`zone` is the user's; `their_zone` the contact's, in which the
        interview's time is typed (the user's when there is no contact)."""
        super().__init__()
        self.application = application
        self.target = target
        self.now = now
        self.zone = zone
        self.their_zone = their_zone or zone
        self.backwards = is_backwards(application, target)

    def heading(self) -> Content:
        direction = "back to" if self.backwards else "to"
        return Content.assemble(
            "Move ", (plain(self.application.company), "b"), f" {direction} {self.target.value}"
        )

    def compose_fields(self) -> ComposeResult:
        current = self.application
        if self.backwards or self.target is Stage.APPLIED:
            yield Static(self._backwards_note(), classes="note")
        elif self.target is Stage.INTERVIEWED:
            whose = "their" if self.their_zone != self.zone else "your"
            yield Field(
                f"The interview starts or started at ({whose} time, {self.their_zone})",
                Input(
                    placeholder="e.g. thu 14:00, today 10:00, yesterday 15:00",
                    id="interview_at",
                ),
            )
            yield Field(
                "It lasts",
                Input("1 h", placeholder=f"e.g. {LENGTH_EXAMPLES}", id="interview_length"),
            )
        else:
            yield Field(
                "What did they decide?",
                RadioSet(
                    *(
                        RadioButton(label, outcome is current.outcome, id=outcome.value)
                        for outcome, label in OUTCOME_LABELS.items()
                    ),
                    id="outcome",
                ),
            )
            yield Field(
                "Keeping in touch (R16)",
                Checkbox(
                    "They invited me to keep in touch",
                    current.keep_in_touch,
                    id="keep_in_touch",
                ),
            )
            yield moment_field("Decided when", zone=self.zone)

    def _backwards_note(self) -> str:
        note = f"Back to {self.target.value}: the log stays as it is."
        if self.application.outcome is not None:
            note += f" The outcome ({self.application.outcome.value}) is cleared."
        return note

    def on_mount(self) -> None:
        super().on_mount()
        if self.backwards or self.target is Stage.APPLIED:
            self.query_one("#submit").focus()
        elif self.target is Stage.INTERVIEWED:
            self.query_one("#interview_at", Input).focus()

    def read(self, reading: Reading) -> StageChange | None:
        if self.backwards or self.target is Stage.APPLIED:
            return change_stage(self.application, self.target)
        if self.target is Stage.INTERVIEWED:
            return self._read_interview(reading)
        return self._read_decision(reading)

    def _read_interview(self, reading: Reading) -> StageChange | None:
        text = self.text("interview_at")
        if not text.strip():
            reading.fail(
                "interview_at",
                "when does it start, or when did it? e.g. thu 14:00 or today 10:00",
            )
            return None
        start = reading.take("interview_at", lambda: self._nearest_moment(text), None)
        length = reading.take(
            "interview_length", lambda: parse_length(self.text("interview_length")), None
        )
        if start is None or length is None or not reading.ok:
            return None
        end = start + length
        reading.hint("interview_length", describe_length(length))
        reading.hint("interview_at", self._describe(start, end))
        return change_stage(self.application, self.target, at=end, starts_at=start)

    def _nearest_moment(self, text: str) -> pendulum.DateTime:
        """A day typed without a date ("thu", "10 dec") is the nearest one, so
        the same field records an interview that is over and schedules one
        ahead (R19)."""
        zone = self.their_zone
        before = parse_typed_moment(text, self.now, zone, "past")
        after = parse_typed_moment(text, self.now, zone, "future")
        return before if abs(self.now - before) < abs(after - self.now) else after

    def _describe(self, start: pendulum.DateTime, end: pendulum.DateTime) -> str:
        """When it is, in their time and the user's, and what moving the card
        will do with it."""
        said = describe_moment(start, self.now, self.their_zone)
        if self.their_zone != self.zone:
            said += f", {start.astimezone(places.zone(self.zone)).strftime('%H:%M')} yours"
        if end > self.now:
            return f"{said}; scheduled: the card shows it until it is over"
        return f"{said}; over: the thank-you note is due a day after it ended"

    def _read_decision(self, reading: Reading) -> StageChange | None:
        pressed = self.query_one("#outcome", RadioSet).pressed_button
        outcome = Outcome(pressed.id) if pressed is not None and pressed.id else None
        keep = self.query_one("#keep_in_touch-field", Field)
        keep.display = outcome is Outcome.REJECTED
        if outcome is None:
            reading.fail("outcome", "pick what they decided")
        at = read_moment(self, reading, self.now, self.zone, "decision")
        if not reading.ok or outcome is None:
            return None
        return change_stage(
            self.application,
            self.target,
            at=at,
            outcome=outcome,
            keep_in_touch=self.query_one("#keep_in_touch", Checkbox).value,
        )
