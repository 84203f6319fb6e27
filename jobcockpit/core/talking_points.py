"""What to say on a follow-up call: the spec's talking points, per kind of call.

The call dialog shows them while the call is being logged, so the script is in
front of the person when they need it. A voicemail gets its own version: under
30 seconds, with the caller's name and number first and last, because that is
all a rushed listener writes down.
"""

from __future__ import annotations

from jobcockpit.core.records import Application
from jobcockpit.core.verdicts import TalkingPoints

TITLES: dict[TalkingPoints, str] = {
    TalkingPoints.STATUS: "Application status",
    TalkingPoints.AFTER_INTERVIEW: "After the interview",
    TalkingPoints.AFTER_DECISION: "After a decision",
}

CALL: dict[TalkingPoints, tuple[str, ...]] = {
    TalkingPoints.STATUS: (
        "Say who you are, and that you applied for {position} on {applied_on}.",
        "You are calling to confirm that your application materials arrived.",
        "Ask whether interviews have been scheduled yet.",
        "Tell them how they can reach you.",
    ),
    TalkingPoints.AFTER_INTERVIEW: (
        "Remind {contact} who you are and that you interviewed for {position}.",
        "Thank them for the interview.",
        "Ask whether the position has been filled.",
        "If not, ask when they expect a decision, and note the date they give.",
        "Close with your thanks and why you want this job.",
    ),
    TalkingPoints.AFTER_DECISION: (
        "Thank {contact} for the chance to apply for {position} at {company}.",
        "Say you would be interested in future openings.",
        "Ask whether you may keep in touch.",
    ),
}

VOICEMAIL: dict[TalkingPoints, tuple[str, ...]] = {
    TalkingPoints.STATUS: (
        "Keep it under 30 seconds. Start with your name and phone number.",
        "You applied for {position} on {applied_on} and are calling to confirm "
        "that your materials arrived.",
        "You would welcome a call back.",
        "End with your name and number again, slowly.",
    ),
    TalkingPoints.AFTER_INTERVIEW: (
        "Keep it under 30 seconds. Start with your name and phone number.",
        "Thank them for the interview for {position}; you are still very interested.",
        "Ask them to call you back about the next steps.",
        "End with your name and number again, slowly.",
    ),
    TalkingPoints.AFTER_DECISION: (
        "Keep it under 30 seconds. Start with your name and phone number.",
        "Thank them for considering you for {position}.",
        "Say you would welcome hearing about future openings at {company}.",
        "End with your name and number again, slowly.",
    ),
}


def talking_points(
    kind: TalkingPoints,
    *,
    voicemail: bool,
    application: Application,
    contact_name: str | None = None,
) -> tuple[str, ...]:
    """The script for one call, with the application's details filled in."""
    details = {
        "company": application.company,
        "position": application.position.strip() or "the position",
        "applied_on": application.applied_on.format("ddd D MMM YYYY"),
        "contact": (contact_name or "").strip() or "them",
    }
    lines = (VOICEMAIL if voicemail else CALL)[kind]
    return tuple(line.format_map(details) for line in lines)
