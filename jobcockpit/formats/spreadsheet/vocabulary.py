"""What a tracker's columns and statuses are called, in the user's words.

A sheet names its columns and its statuses as its author did ("Employer",
"Date of Application", "Phone screen", "Ghosted"); these tables say which field
and which stage each of those words means, so the reader and the import share
one vocabulary and docs/import.md can list it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from jobcockpit.core.records import Outcome, Stage

# -- the columns ---------------------------------------------------------------

COLUMNS: dict[str, tuple[str, ...]] = {
    "company": (
        "Company",
        "Company Name",
        "Employer",
        "Employer Name",
        "Organisation",
        "Organization",
        "Organisation Name",
        "Organization Name",
        "Firm",
    ),
    "position": (
        "Position",
        "Job Title",
        "Role",
        "Title",
        "Job",
        "Job Position",
        "Position Title",
        "Job Role",
        "Vacancy",
        "Job Name",
        "Opening",
    ),
    "applied_on": (
        "Date Applied",
        "Applied",
        "Applied On",
        "Application Date",
        "Date of Application",
        "Applied Date",
        "Date Submitted",
        "Submitted On",
        "Date Sent",
        "Date",
    ),
    "status": (
        "Status",
        "Stage",
        "Application Status",
        "State",
        "Progress",
        "List Name",
        "List",
        "Pipeline Stage",
    ),
    "contact": (
        "Contact",
        "Contact Name",
        "Contact Person",
        "Recruiter",
        "Recruiter Name",
        "Hiring Manager",
    ),
    "contact_role": ("Contact Role", "Contact Title", "Contact Position", "Recruiter Title"),
    "phone": (
        "Phone",
        "Phone Number",
        "Telephone",
        "Tel",
        "Mobile",
        "Contact Phone",
        "Recruiter Phone",
    ),
    "email": (
        "Email",
        "E-mail",
        "Email Address",
        "E-mail Address",
        "Mail",
        "Contact Email",
        "Recruiter Email",
    ),
    "notes": ("Notes", "Note", "Comments", "Comment", "Remarks", "Description"),
    "posting_url": (
        "Link",
        "URL",
        "Posting",
        "Job Link",
        "Posting URL",
        "Job URL",
        "Job Posting",
        "Posting Link",
        "Application Link",
        "Listing",
    ),
    "decision": (
        "Decision Date",
        "Decision Expected",
        "Expected Decision",
        "Decision Expected On",
        "Decision By",
        "Response Expected",
    ),
    "timezone": ("Time Zone", "Timezone", "TZ", "Contact Time Zone"),
    "country": ("Country", "Contact Country"),
    "salary": (
        "Salary",
        "Salary Range",
        "Compensation",
        "Pay",
        "Pay Range",
        "Expected Salary",
        "Salary Expectation",
    ),
    "salary_min": ("Min Salary", "Minimum Salary", "Salary Min", "Salary From", "Min Pay"),
    "salary_max": ("Max Salary", "Maximum Salary", "Salary Max", "Salary To", "Max Pay"),
    "location": ("Location", "Job Location", "Work Location", "City", "Place", "Office"),
    "resume": (
        "Resume",
        "Résumé",
        "CV",
        "Resume Name",
        "Resume Version",
        "Resume Used",
        "Resume Sent",
        "CV Version",
        "CV Sent",
    ),
    "cover_letter": (
        "Cover Letter",
        "Cover Letter Version",
        "Cover Letter Name",
        "Cover Letter Sent",
        "Motivation Letter",
    ),
    "deadline": (
        "Deadline",
        "Application Deadline",
        "Posting Deadline",
        "Closing Date",
        "Apply By",
        "Closes",
    ),
    "tags": ("Tags", "Tag", "Labels", "Label", "Keywords", "Categories"),
    "created": (
        "Created",
        "Created At",
        "Created On",
        "Created Time",
        "Date Created",
        "Date Added",
        "Added On",
        "Date Saved",
        "Saved On",
    ),
}
"""What each column may be called, in the user's words; matched ignoring case,
spaces and punctuation ("date_applied", " Date applied " and "DATE-APPLIED" are
one). A header that matches none is kept: its cells go into the notes."""

FIELD_NAMES = {
    "company": "company",
    "position": "position",
    "applied_on": "date applied",
    "status": "status",
    "contact": "contact",
    "contact_role": "contact's role",
    "phone": "phone",
    "email": "e-mail",
    "notes": "notes",
    "posting_url": "posting link",
    "decision": "decision date",
    "timezone": "contact's time zone",
    "country": "contact's country",
    "salary": "salary",
    "salary_min": "salary from",
    "salary_max": "salary to",
    "location": "location",
    "resume": "résumé sent",
    "cover_letter": "cover letter sent",
    "deadline": "posting deadline",
    "tags": "tags",
    "created": "date added",
    "source_id": "the tracker's id for the row",
    "outcome": "outcome",
    "follow_up": "follow-up by",
    "stage_since": "in the stage since",
    "contacts": "contacts",
    "phones": "contacts' phones",
    "emails": "contacts' e-mails",
}
"""How a preview names the field a column was read as."""

DATE_FIELDS = ("applied_on", "decision", "deadline", "created")
"""The fields whose cells are dates: together with any other column of dates,
they tell which way round the file writes 03/04/2026."""


def _key(header: str) -> str:
    """A header as compared: no parenthesised hint, no accents, case, spaces or
    punctuation."""
    bare = re.sub(r"\(.*?\)|\[.*?\]", "", header)
    decomposed = unicodedata.normalize("NFKD", bare)
    return "".join(c for c in decomposed.casefold() if c.isalnum())


_HEADER_KEYS: dict[str, tuple[str, int]] = {
    _key(name): (field_name, rank)
    for field_name, names in COLUMNS.items()
    for rank, name in enumerate(names)
}
"""Header key to (field, rank): where two columns could be one field ("Date"
and "Date Applied"), the one named earlier in `COLUMNS` takes it."""


def header_field(header: str) -> tuple[str, int] | None:
    """The field a header names and its rank among that field's names."""
    return _HEADER_KEYS.get(_key(header))


def field_of(header: str) -> str | None:
    found = header_field(header)
    return found[0] if found else None


def header_key(header: str) -> str:
    """A header as headers are compared (for `--map` and the sources)."""
    return _key(header)


def field_named(name: str) -> str:
    """The field a `--map` target names: its key ("applied_on") or the name a
    preview gives it ("date applied"), in any case; ValueError otherwise."""
    wanted = _key(name)
    for field_name, shown in FIELD_NAMES.items():
        if wanted in (_key(field_name), _key(shown.split(" (")[0])):
            return field_name
    raise ValueError(f"{name.strip()!r} is not a field; name one of {', '.join(FIELD_NAMES)}")


# -- the statuses --------------------------------------------------------------

NOT_APPLIED = "not applied yet"


@dataclass(frozen=True, slots=True)
class Status:
    """Where a spreadsheet's status puts an application."""

    stage: Stage
    outcome: Outcome | None = None


_APPLIED = Status(Stage.APPLIED)
_INTERVIEWED = Status(Stage.INTERVIEWED)
_OFFER = Status(Stage.DECIDED, Outcome.OFFER)
_ACCEPTED = Status(Stage.DECIDED, Outcome.ACCEPTED)
_REJECTED = Status(Stage.DECIDED, Outcome.REJECTED)
_FILLED = Status(Stage.DECIDED, Outcome.FILLED)
_WITHDRAWN = Status(Stage.DECIDED, Outcome.WITHDRAWN)

STATUS_WORDS: dict[Status | None, tuple[str, ...]] = {
    _APPLIED: (
        "applied",
        "application sent",
        "application submitted",
        "submitted",
        "sent",
        "cv sent",
        "resume sent",
        "pending",
        "waiting",
        "awaiting response",
        "awaiting reply",
        "in review",
        "under review",
        "reviewing",
        "screening",
        "in progress",
        "open",
        "active",
        "followed up",
        "follow up",
        "no response yet",
        "interview scheduled",
        "interview invitation",
        "invited to interview",
        "invited",
    ),
    _INTERVIEWED: (
        "interviewed",
        "interview",
        "interviewing",
        "phone screen",
        "phone screened",
        "phone interview",
        "video interview",
        "screening call",
        "first interview",
        "second interview",
        "third interview",
        "final interview",
        "final round",
        "onsite",
        "on site",
        "technical interview",
        "assessment",
    ),
    Status(Stage.DECIDED): ("decided",),
    _OFFER: (
        "offer",
        "offered",
        "offer received",
        "offer extended",
        "got offer",
        "got an offer",
        "negotiating",
        "negotiation",
    ),
    _ACCEPTED: ("accepted", "offer accepted", "accepted offer", "hired", "signed", "started"),
    _REJECTED: (
        "rejected",
        "rejection",
        "declined",
        "not selected",
        "unsuccessful",
        "not successful",
        "turned down",
        "refused",
        "denied",
        "no",
        "not moving forward",
        "no response",
        "no reply",
        "no answer",
        "ghosted",
        "failed",
        "dead",
    ),
    _FILLED: (
        "filled",
        "position filled",
        "closed",
        "position closed",
        "job closed",
        "expired",
        "cancelled",
        "canceled",
        "posting removed",
        "archived",
    ),
    _WITHDRAWN: (
        "withdrawn",
        "withdrew",
        "i withdrew",
        "withdraw",
        "withdrew application",
        "offer declined",
        "declined offer",
        "i declined",
        "not interested",
        "no longer interested",
        "dropped",
    ),
    None: (
        "wishlist",
        "wish list",
        "bookmarked",
        "bookmark",
        "saved",
        "interested",
        "to apply",
        "applying",
        "not applied",
        "not applied yet",
        "not yet applied",
        "draft",
        "planned",
        "planning",
        "prospect",
        "idea",
        "researching",
        "lead",
        "target",
    ),
}
"""Every status word and where it puts the application; None: not applied yet,
so the row is left out. The choices for ambiguous words are in docs/import.md."""


def _status_key(text: str) -> str:
    """A status as compared: lower case, words only (emoji and punctuation gone)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    words = re.sub(r"[^a-z0-9]+", " ", decomposed)
    return " ".join(words.split())


_STATUS_KEYS: dict[str, Status | None] = {
    _status_key(word): status for status, words in STATUS_WORDS.items() for word in words
}

_STATUS_HINTS: tuple[tuple[tuple[str, ...], Status], ...] = (
    (("withdr",), _WITHDRAWN),
    (("reject", "unsuccessful", "not selected"), _REJECTED),
    (("accept", "hired"), _ACCEPTED),
    (("offer",), _OFFER),
    (("interview", "screen"), _INTERVIEWED),
    (("appl", "submit", "sent"), _APPLIED),
)
"""For a status not listed word for word ("Rejected after 2nd round"): the first
hint it contains decides, strongest first."""


def read_status(text: str) -> Status | None:
    """The stage (and outcome) a status says; None when the row is not an
    application yet. Raises `ValueError` for a status it cannot place."""
    key = _status_key(text)
    if not key:
        return _APPLIED
    if key in _STATUS_KEYS:
        return _STATUS_KEYS[key]
    if "offer" in key and any(word in key for word in ("declin", "reject", "turned down")):
        # "Declined their offer": the user said no, which is a withdrawal.
        return _WITHDRAWN
    for hints, status in _STATUS_HINTS:
        if any(hint in key for hint in hints):
            return status
    raise ValueError(
        f"{text.strip()!r} is not a status jobcockpit knows; write e.g. applied, interview, "
        "offer, accepted, rejected, withdrawn (docs/import.md lists every word)"
    )
