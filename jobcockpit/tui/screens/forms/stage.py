"""Moving an application to another stage, with what the move needs to know.

Entering *interviewed* asks when the interview ended: the thank-you note is
due a day after it (R5) and the wait before calling runs from it (R6).
Entering *decided* asks the outcome and, for a rejection, whether they invited
you to keep in touch (R16). A move back only confirms: it corrects a mistake.
"""

from __future__ import annotations

from typing import ClassVar

import pendulum
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Checkbox, Input, RadioButton, RadioSet, Static

from jobcockpit.core.friendly import (
    describe_day,
    describe_moment,
    local_moment,
    parse_day,
    parse_time,
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
        self, application: Application, target: Stage, now: pendulum.DateTime, zone: str
    ) -> None:
        super().__init__()
        self.application = application
        self.target = target
        self.now = now
        self.zone = zone
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
            with Horizontal(classes="row"):
                yield Field(
                    "The interview was on",
                    Input("today", placeholder="e.g. today, yesterday, tue", id="interview_day"),
                )
                yield Field(
                    "It ended at",
                    Input(placeholder="e.g. 15:30 or 3:30pm", id="interview_end"),
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
            yield moment_field("Decided when")

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
            self.query_one("#interview_end", Input).focus()

    def read(self, reading: Reading) -> StageChange | None:
        if self.backwards or self.target is Stage.APPLIED:
            return change_stage(self.application, self.target)
        if self.target is Stage.INTERVIEWED:
            return self._read_interview(reading)
        return self._read_decision(reading)

    def _read_interview(self, reading: Reading) -> StageChange | None:
        today = self.now.in_timezone(self.zone).date()
        day = reading.take(
            "interview_day", lambda: parse_day(self.text("interview_day"), today), today
        )
        end_text = self.text("interview_end")
        if not end_text.strip():
            reading.fail("interview_end", "when did it end? The thank-you note is due a day later")
            return None
        reading.hint("interview_day", describe_day(day, today))
        clock = reading.take("interview_end", lambda: parse_time(end_text), None)
        if clock is None or not reading.ok:
            return None
        ended = reading.take("interview_end", lambda: local_moment(day, clock, self.zone), None)
        if ended is None:
            return None
        if ended > self.now:
            reading.fail(
                "interview_end", "that is still ahead; move the card once the interview is over"
            )
            return None
        reading.hint("interview_end", describe_moment(ended, self.now, self.zone))
        return change_stage(self.application, self.target, at=ended)

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
