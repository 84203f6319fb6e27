"""Adding or editing an application: the company, the role, what they asked
for, and what people keep beside it (salary, location, the résumé and cover
letter sent, the posting's deadline, tags)."""

from __future__ import annotations

import pendulum
from msgspec import structs
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Checkbox, Input, Select, TextArea

from jobcockpit.core.friendly import applied_too_late, describe_day, parse_day, parse_url
from jobcockpit.core.records import (
    Application,
    FollowUp,
    RecordError,
    Stage,
    new_id,
    split_tags,
    tag_problem,
)
from jobcockpit.core.text import plain
from jobcockpit.tui.screens.forms.base import FormScreen, Reading
from jobcockpit.tui.widgets.field import Field

FOLLOW_UP_LABELS: dict[FollowUp, str] = {
    FollowUp.ANY: "nothing said – calls and e-mails are fine",
    FollowUp.PHONE: "calls welcome",
    FollowUp.EMAIL: "no calls – e-mail only",
    FollowUp.NONE: "no contact at all – never follow up",
}


class ApplicationForm(FormScreen[Application]):
    """A new application (`application` None) or an edit of one; an edit keeps
    the id, stage, contacts and the fields this form does not show."""

    def __init__(self, application: Application | None, today: pendulum.Date) -> None:
        super().__init__()
        self.application = application
        self.today = today
        self.new_id = new_id("a")

    def heading(self) -> Content:
        if self.application is None:
            return Content("New application")
        return Content.assemble("Edit the application at ", (plain(self.application.company), "b"))

    def compose_fields(self) -> ComposeResult:
        original = self.application
        yield Field(
            "Company",
            Input(original.company if original else "", placeholder="required", id="company"),
        )
        yield Field(
            "Position",
            Input(
                original.position if original else "",
                placeholder="e.g. Data analyst",
                id="position",
            ),
        )
        yield Field(
            "Applied on",
            Input(
                original.applied_on.isoformat() if original else "today",
                placeholder="e.g. today, mon, 3 days ago, 2026-11-10",
                id="applied_on",
            ),
        )
        yield Field(
            "Follow-up wishes (what the posting or the employer asked for)",
            Select[FollowUp](
                [(Text(label), choice) for choice, label in FOLLOW_UP_LABELS.items()],
                value=original.follow_up if original else FollowUp.ANY,
                allow_blank=False,
                id="follow_up",
            ),
        )
        expected = original.decision_expected_on if original else None
        yield Field(
            "Decision expected on (optional)",
            Input(
                expected.isoformat() if expected else "",
                placeholder="e.g. fri, in 2 weeks, 2026-11-30",
                id="decision_expected_on",
            ),
        )
        yield Field(
            "Posting (web address, optional)",
            Input(
                (original.posting_url or "") if original else "",
                placeholder="https://...",
                id="posting_url",
            ),
        )
        yield from self._kept_fields()
        yield Field(
            "Notes",
            TextArea(original.notes if original else "", soft_wrap=True, id="notes"),
            hint="Tab leaves the notes; ctrl+s saves.",
        )
        if original is not None and original.stage is Stage.DECIDED:
            yield Field(
                "Keeping in touch (R16)",
                Checkbox(
                    "They invited me to keep in touch",
                    original.keep_in_touch,
                    id="keep_in_touch",
                ),
            )

    def _kept_fields(self) -> ComposeResult:
        """Salary, location, what was sent, the posting's deadline and tags."""
        original = self.application
        deadline = original.deadline.isoformat() if original and original.deadline else ""
        pairs = (
            (
                ("Salary (optional)", "salary", "e.g. 55,000-65,000 EUR"),
                ("Location (optional)", "location", "e.g. Berlin, remote"),
            ),
            (
                ("Résumé sent (optional)", "resume", "e.g. cv-2026-data.pdf"),
                ("Cover letter sent (optional)", "cover_letter", "e.g. acme-v2"),
            ),
        )
        for pair in pairs:
            with Horizontal(classes="row"):
                for label, key, example in pair:
                    value = (getattr(original, key) or "") if original else ""
                    yield Field(label, Input(value, placeholder=example, id=key))
        with Horizontal(classes="row"):
            yield Field(
                "Posting deadline (optional)",
                Input(deadline, placeholder="e.g. fri, 2026-11-30", id="deadline"),
            )
            yield Field(
                "Tags (optional)",
                Input(
                    ", ".join(original.tags) if original else "",
                    placeholder="e.g. remote, python",
                    id="tags",
                ),
            )

    def read(self, reading: Reading) -> Application | None:
        company = self.text("company").strip()
        if not company:
            reading.fail("company", "write the company's name")
        applied_on = reading.take(
            "applied_on", lambda: parse_day(self.text("applied_on"), self.today), self.today
        )
        if (too_late := applied_too_late(applied_on, self.today)) is not None:
            reading.fail("applied_on", too_late)
        reading.hint("applied_on", describe_day(applied_on, self.today))
        expected_text = self.text("decision_expected_on")
        expected = reading.take(
            "decision_expected_on",
            lambda: (
                parse_day(expected_text, self.today, "future") if expected_text.strip() else None
            ),
            None,
        )
        if expected is not None:
            reading.hint("decision_expected_on", describe_day(expected, self.today))
        posting_url = reading.take("posting_url", lambda: parse_url(self.text("posting_url")), None)
        if posting_url is not None and posting_url != self.text("posting_url").strip():
            reading.hint("posting_url", f"saved as {posting_url}")
        deadline_text = self.text("deadline")
        deadline = reading.take(
            "deadline",
            lambda: (
                parse_day(deadline_text, self.today, "future") if deadline_text.strip() else None
            ),
            None,
        )
        if deadline is not None:
            reading.hint("deadline", describe_day(deadline, self.today))
        tags = split_tags(self.text("tags"))
        problems = [problem for problem in map(tag_problem, tags) if problem is not None]
        if problems:
            reading.fail("tags", problems[0])
        chosen = self.query_one("#follow_up", Select).value
        follow_up = chosen if isinstance(chosen, FollowUp) else FollowUp.ANY
        notes = self.query_one("#notes", TextArea).text
        if not reading.ok:
            return None
        base = self.application or Application(
            id=self.new_id, company=company, position="", applied_on=applied_on
        )
        keep = self.query("#keep_in_touch")
        try:
            return structs.replace(
                base,
                company=company,
                position=self.text("position").strip(),
                applied_on=applied_on,
                follow_up=follow_up,
                decision_expected_on=expected,
                posting_url=posting_url,
                salary=self.text("salary").strip() or None,
                location=self.text("location").strip() or None,
                resume=self.text("resume").strip() or None,
                cover_letter=self.text("cover_letter").strip() or None,
                deadline=deadline,
                tags=tags,
                notes=notes,
                keep_in_touch=keep.only_one(Checkbox).value if keep else base.keep_in_touch,
            )
        except RecordError as error:
            reading.fail("company", error)
            return None
