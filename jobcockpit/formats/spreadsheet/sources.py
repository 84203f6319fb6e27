"""The trackers whose exports jobcockpit recognises by their header row.

Most of what a tracker's export holds is read by the common vocabulary
(Huntr's `companyName` is a company column like any other). What follows is
what each one does differently, so that its file imports with no editing:

- **Huntr**: `listName` is the stage, `createdAt` stands in for the day
  applied, `-` is an empty cell, each row's `id` names the job for good, and
  the board's name becomes a tag.
- **Teal**: US dates; its several date columns settle the order together.
- **LinkedIn** (`Job Applications.csv`, split into `_1`, `_2`... when large):
  US dates written `11/20/26, 8:15 AM`, no status (every row was sent), and
  `Contact Email` / `Contact Phone Number` are the applicant's own details,
  never a contact.
- **Notion**: statuses with emoji, dates such as `October 5, 2026` (a range
  `A → B` counts from A), relations written `Name (https://www.notion.so/...)`.
- **jobcockpit's own CSV export** (`export --format csv`): its `id` is the
  application's own id, so importing it back updates what it names; outcome,
  follow-up and stage-since are fields, and the contacts, phones and e-mails
  joined by "; " are the application's contacts. The last contact is left
  out: it is a summary of the log, not a log entry.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field

from jobcockpit.formats.spreadsheet.dates import DateOrder
from jobcockpit.formats.spreadsheet.vocabulary import DATE_FIELDS, header_key
from jobcockpit.formats.table import CSV_COLUMNS

OWN_DETAILS = "your own details in the export, not a contact's"


def _same(_field: str, text: str) -> str:
    return text


@dataclass(frozen=True, slots=True)
class Source:
    """How one tracker's export is read."""

    name: str
    """As the preview says it: "a Huntr export"."""
    signs: tuple[frozenset[str], ...] = ()
    """Sets of header keys; a header row holding all of one set is this source's."""
    columns: Mapping[str, str] = field(default_factory=dict)
    """Header key to field, for columns only this tracker names so."""
    ignored: Mapping[str, str] = field(default_factory=dict)
    """Header key to why its column is left out (neither a field nor notes)."""
    date_order: DateOrder | None = None
    """How the tracker writes 03/04/2026, whatever the cells show."""
    id_column: str | None = None
    """The header key of a column that names each row for good."""
    clean: Callable[[str, str], str] = _same
    """A cell's text (field name, text) as the common reader expects it."""
    own_ids: bool = False
    """The id column holds jobcockpit's own application ids (its own export)."""

    def matches(self, keys: Collection[str]) -> bool:
        return any(sign <= set(keys) for sign in self.signs)


_NOTION_LINK = re.compile(r"\s*\(https?://(?:www\.)?notion\.so/[^)]*\)")
_NOTION_RANGE = re.compile(r"\s+→\s+.*$")


def _clean_notion(field_name: str, text: str) -> str:
    """No link after a relation's name; a date range counts from its start."""
    text = _NOTION_LINK.sub("", text)
    if field_name in DATE_FIELDS:
        text = _NOTION_RANGE.sub("", text)
    return text


HUNTR = Source(
    name="a Huntr export",
    signs=(frozenset({"listname", "companyname"}), frozenset({"listname", "createdat"})),
    columns={"boardname": "tags"},
    ignored={"updatedat": "when the card last changed in Huntr"},
    id_column="id",
)
TEAL = Source(
    name="a Teal export",
    signs=(frozenset({"excitement"}), frozenset({"jobposition", "datesaved"})),
)
LINKEDIN = Source(
    name="LinkedIn's job applications export",
    signs=(
        frozenset({"questionandanswers", "resumename"}),
        frozenset({"applicationdate", "contactemail", "contactphonenumber", "companyname"}),
    ),
    ignored={"contactemail": OWN_DETAILS, "contactphonenumber": OWN_DETAILS},
    date_order="mdy",
)
NOTION = Source(
    name="a Notion table",
    signs=(
        frozenset({"createdtime"}),
        frozenset({"lasteditedtime"}),
        frozenset({"createdby"}),
        frozenset({"lasteditedby"}),
    ),
    clean=_clean_notion,
)
LAST_CONTACT = "the last contact, a summary of the log: not re-created as a log entry"
JOBCOCKPIT = Source(
    name="jobcockpit's own CSV export",
    signs=(frozenset(header_key(column) for column in CSV_COLUMNS),),
    columns={
        "outcome": "outcome",
        "followup": "follow_up",
        "stagesince": "stage_since",
        "contacts": "contacts",
        "phones": "phones",
        "emails": "emails",
    },
    ignored={"lastlogat": LAST_CONTACT, "lastlog": LAST_CONTACT},
    id_column="id",
    own_ids=True,
)
SPREADSHEET = Source(name="a spreadsheet")

SOURCES = (JOBCOCKPIT, LINKEDIN, HUNTR, TEAL, NOTION)
"""Tried in this order; a header row that matches none is a spreadsheet."""


def source_of(keys: Collection[str]) -> Source:
    """The tracker whose export has this header row (the keys of its headers)."""
    return next((source for source in SOURCES if source.matches(keys)), SPREADSHEET)
