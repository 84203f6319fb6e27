"""Drafts of the messages the follow-up rules ask for: the thank-you after an
interview (R5), the courtesy note after a decision (R15) and the follow-up
e-mail (R7, R18), each built from the application and the talking points.

Once the cockpit says "thank-you due in 13 h", the user should not face an
empty message. Each situation has a template the user can change in the
settings (the first line is the subject); this module fills one in with the
application's details. The templates say in prose what the talking points say
as a checklist, so a call and an e-mail about the same step say the same.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

import pendulum

from jobcockpit.core.records import Application, Contact, Outcome, Stage
from jobcockpit.core.verdicts import TalkingPoints


class DraftKind(StrEnum):
    THANK_YOU = "thank_you"
    COURTESY = "courtesy"
    EMAIL = "email"


PLACEHOLDERS: dict[str, str] = {
    "company": "the company",
    "position": "the position applied for",
    "contact": "the contact's name (or 'Hiring Team')",
    "first_name": "the contact's first name (or 'Hiring Team')",
    "applied_on": "the day you applied, e.g. 10 November 2026",
    "interview_on": "the day of the latest interview, or empty",
    "my_name": "your name (setting user_name)",
    "my_phone": "your phone number (setting user_phone)",
}
"""What a template may use, written {company}; {{ and }} stand for braces."""

DEFAULT_TEMPLATES: dict[str, str] = {
    "draft_thank_you": (
        "Thank you for the interview: {position}\n"
        "\n"
        "Dear {first_name},\n"
        "\n"
        "Thank you for taking the time to talk with me about the {position} position at "
        "{company}. I enjoyed learning more about the role and the team, and our "
        "conversation made me even more interested in joining {company}.\n"
        "\n"
        "If there is anything else I can send you to help with your decision, please let "
        "me know.\n"
        "\n"
        "Best regards,\n"
        "{my_name}\n"
        "{my_phone}"
    ),
    "draft_courtesy": (
        "Thank you: {position} at {company}\n"
        "\n"
        "Dear {first_name},\n"
        "\n"
        "Thank you for letting me know your decision, and for the chance to apply for the "
        "{position} position at {company}. I enjoyed getting to know {company}, and I "
        "would be glad to be considered for future openings.\n"
        "\n"
        "May I keep in touch?\n"
        "\n"
        "Best regards,\n"
        "{my_name}\n"
        "{my_phone}"
    ),
    "draft_status": (
        "My application for {position}\n"
        "\n"
        "Dear {first_name},\n"
        "\n"
        "I applied for the {position} position at {company} on {applied_on}, and I would "
        "like to make sure that my application arrived. Have interviews been scheduled "
        "yet?\n"
        "\n"
        "I remain very interested in the role, and you can reach me by replying to this "
        "e-mail or by phone.\n"
        "\n"
        "Best regards,\n"
        "{my_name}\n"
        "{my_phone}"
    ),
    "draft_after_interview": (
        "Following up on my interview: {position}\n"
        "\n"
        "Dear {first_name},\n"
        "\n"
        "Thank you again for the interview for the {position} position at {company}. "
        "Has the position been filled yet? If not, when do you expect to make a decision?\n"
        "\n"
        "I am still very interested in this job and in working with your team.\n"
        "\n"
        "Best regards,\n"
        "{my_name}\n"
        "{my_phone}"
    ),
    "draft_after_decision": (
        "Keeping in touch: {company}\n"
        "\n"
        "Dear {first_name},\n"
        "\n"
        "Thank you again for considering me for the {position} position at {company}. I "
        "would still very much like to work with you, and I wanted to ask whether an "
        "opening has come up that might suit me.\n"
        "\n"
        "Best regards,\n"
        "{my_name}\n"
        "{my_phone}"
    ),
}
"""The templates as shipped; a setting of the same key replaces one."""

AFTER_OFFER = "after_offer"
OFFER_TEMPLATE = (
    "Thank you for the offer: {position}\n"
    "\n"
    "Dear {first_name},\n"
    "\n"
    "Thank you very much for the offer for the {position} position at {company}, and "
    "for the time you and the team gave me along the way.\n"
    "\n"
    "If you need anything further from me, please let me know.\n"
    "\n"
    "Best regards,\n"
    "{my_name}\n"
    "{my_phone}"
)
"""The follow-up e-mail once they made an offer (or it was accepted): a thank-you,
with none of the after-decision template's asking about other openings."""

TEMPLATE_OF: dict[TalkingPoints, str] = {
    TalkingPoints.STATUS: "draft_status",
    TalkingPoints.AFTER_INTERVIEW: "draft_after_interview",
    TalkingPoints.AFTER_DECISION: "draft_after_decision",
}
"""The follow-up e-mail's template for each kind of talking points."""

NOBODY = "Hiring Team"


@dataclass(frozen=True, slots=True)
class Draft:
    """A message ready to send: who to, the subject and the body."""

    kind: DraftKind
    subject: str
    body: str
    to: str | None = None
    """The contact's e-mail address, if they have one."""
    to_name: str = ""

    def text(self) -> str:
        """The draft as a person reads or copies it."""
        head = []
        if self.to:
            head.append(f"To: {self.to_name} <{self.to}>" if self.to_name else f"To: {self.to}")
        head.append(f"Subject: {self.subject}")
        return "\n".join(head) + "\n\n" + self.body + "\n"


def check_template(text: str) -> None:
    """ValueError saying what is wrong with a template: no subject line, or a
    placeholder this module does not fill in."""
    subject = text.split("\n", 1)[0]
    if not subject.strip():
        raise ValueError("the first line is the subject and must not be empty")
    try:
        fields = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError as error:
        raise ValueError(f"{error}; write {{{{ and }}}} for a brace") from None
    unknown = sorted({f for f in fields if f not in PLACEHOLDERS})
    if unknown:
        known = ", ".join("{" + name + "}" for name in PLACEHOLDERS)
        raise ValueError(
            f"{', '.join('{' + f + '}' for f in unknown)} is not a placeholder; use {known}"
        )


def talking_points_of(application: Application) -> TalkingPoints:
    """The follow-up's situation when no verdict names it: by the stage."""
    if application.stage is Stage.INTERVIEWED:
        return TalkingPoints.AFTER_INTERVIEW
    if application.stage is Stage.DECIDED:
        return TalkingPoints.AFTER_DECISION
    return TalkingPoints.STATUS


def template_key(
    kind: DraftKind, points: TalkingPoints, application: Application | None = None
) -> str:
    """The template for `kind`: the follow-up e-mail's by the talking points,
    except that a decided application always gets an after-decision wording
    (the rules leave an offer `done` with no talking points of its own), and
    an offer or an accepted one the thank-you for the offer."""
    if kind is DraftKind.THANK_YOU:
        return "draft_thank_you"
    if kind is DraftKind.COURTESY:
        return "draft_courtesy"
    if application is not None and application.stage is Stage.DECIDED:
        if application.outcome in (Outcome.OFFER, Outcome.ACCEPTED):
            return AFTER_OFFER
        return "draft_after_decision"
    return TEMPLATE_OF[points]


def build_draft(
    kind: DraftKind,
    application: Application,
    contact: Contact | None,
    templates: Mapping[str, str | None],
    *,
    my_name: str = "",
    my_phone: str = "",
    interview_on: pendulum.Date | None = None,
    points: TalkingPoints | None = None,
) -> Draft:
    """The draft of `kind` about `application`, to `contact`. `templates` maps a
    template's key to the user's own text (None or absent: the shipped one)."""
    key = template_key(kind, points or talking_points_of(application), application)
    if key == AFTER_OFFER:
        template = OFFER_TEMPLATE
    else:
        template = templates.get(key) or DEFAULT_TEMPLATES[key]
    name = contact.name.strip() if contact is not None else ""
    values = {
        "company": application.company.strip(),
        "position": application.position.strip() or "open",
        "contact": name or NOBODY,
        "first_name": name.split()[0] if name else NOBODY,
        "applied_on": application.applied_on.format("D MMMM YYYY"),
        "interview_on": interview_on.format("D MMMM YYYY") if interview_on else "",
        "my_name": my_name.strip(),
        "my_phone": my_phone.strip(),
    }
    filled = template.format_map(values)
    subject, _, body = filled.partition("\n")
    return Draft(
        kind=kind,
        subject=" ".join(subject.split()),
        body=_tidy(body),
        to=contact.email if contact is not None and contact.email else None,
        to_name=name,
    )


def _tidy(body: str) -> str:
    """No blank lines at either end and no trailing spaces: an empty signature
    line (no phone number set) leaves nothing behind."""
    lines = [line.rstrip() for line in body.split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)
