"""Drafts of the messages the rules ask for, filled in from the application:
a template per situation that the user may replace, the first line the
subject, nothing left of a signature line the user has not set."""

from __future__ import annotations

import pendulum
import pytest

from jobcockpit.core.drafts import (
    DEFAULT_TEMPLATES,
    DraftKind,
    build_draft,
    check_template,
    talking_points_of,
)
from jobcockpit.core.records import Application, Contact, Outcome, Stage
from jobcockpit.core.verdicts import TalkingPoints

APPLICATION = Application(
    id="a1",
    company="Acme Tools",
    position="Data analyst",
    applied_on=pendulum.date(2026, 11, 2),
    stage=Stage.INTERVIEWED,
)
DANA = Contact(id="c1", name="Dana Ruiz", email="dana@acme.example")


def test_a_thank_you_is_addressed_to_the_contact_and_signed() -> None:
    draft = build_draft(
        DraftKind.THANK_YOU, APPLICATION, DANA, {}, my_name="Sam Lee", my_phone="+49 30 5555 0100"
    )

    assert draft.subject == "Thank you for the interview: Data analyst"
    assert draft.to == "dana@acme.example"
    assert draft.body.startswith("Dear Dana,\n\nThank you for taking the time to talk with me")
    assert "the Data analyst position at Acme Tools" in draft.body
    assert draft.body.endswith("Best regards,\nSam Lee\n+49 30 5555 0100")
    assert draft.text().startswith(
        "To: Dana Ruiz <dana@acme.example>\nSubject: Thank you for the interview: Data analyst\n\n"
    )


def test_without_a_contact_or_signature_nothing_dangles() -> None:
    draft = build_draft(DraftKind.COURTESY, APPLICATION, None, {})

    assert draft.to is None
    assert draft.body.startswith("Dear Hiring Team,")
    assert draft.body.endswith("Best regards,")
    assert "Subject: Thank you: Data analyst at Acme Tools" in draft.text()


@pytest.mark.parametrize(
    ("stage", "outcome", "expected"),
    [
        (Stage.APPLIED, None, TalkingPoints.STATUS),
        (Stage.INTERVIEWED, None, TalkingPoints.AFTER_INTERVIEW),
        (Stage.DECIDED, Outcome.REJECTED, TalkingPoints.AFTER_DECISION),
    ],
)
def test_the_follow_up_email_follows_the_talking_points_of_the_stage(
    stage: Stage, outcome: Outcome | None, expected: TalkingPoints
) -> None:
    application = Application(
        id="a1",
        company="Acme",
        position="Analyst",
        applied_on=pendulum.date(2026, 11, 2),
        stage=stage,
        outcome=outcome,
    )
    assert talking_points_of(application) is expected


def test_the_status_follow_up_says_when_you_applied_and_asks_about_interviews() -> None:
    applied = Application(
        id="a1", company="Acme", position="Analyst", applied_on=pendulum.date(2026, 11, 2)
    )

    draft = build_draft(DraftKind.EMAIL, applied, DANA, {})

    assert draft.subject == "My application for Analyst"
    assert "on 2 November 2026" in draft.body
    assert "Have interviews been scheduled yet?" in draft.body


def test_the_users_own_template_replaces_the_shipped_one() -> None:
    mine = (
        "Danke, {first_name}!\n\nHallo {contact},\ndanke für das Gespräch bei {company}.\n{{Gruß}}"
    )

    draft = build_draft(DraftKind.THANK_YOU, APPLICATION, DANA, {"draft_thank_you": mine})

    assert draft.subject == "Danke, Dana!"
    assert draft.body == "Hallo Dana Ruiz,\ndanke für das Gespräch bei Acme Tools.\n{Gruß}"


def test_a_template_is_checked_for_its_subject_and_placeholders() -> None:
    for template in DEFAULT_TEMPLATES.values():
        check_template(template)
    with pytest.raises(ValueError, match="the first line is the subject"):
        check_template("\nDear {contact}")
    with pytest.raises(ValueError, match=r"\{salary\} is not a placeholder; use \{company\}"):
        check_template("Hello\n{salary}")
    with pytest.raises(ValueError, match="for a brace"):
        check_template("Hello {")
