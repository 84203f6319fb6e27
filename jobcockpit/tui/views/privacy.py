"""Privacy mode: the cockpit on a shared screen, without the names.

While it is on, every view shows stand-ins ("Company 3", "Contact 7") for
company and contact names, and hides e-mail addresses, phone numbers, notes
and posting links. A stand-in keeps its number for the whole session, even as
applications come and go, so the board stays usable while names are hidden:
the same company on two cards is the same "Company 3" on both.

The mode lives only as long as the cockpit is open: it is not a setting, so a
synced data file never carries it to another machine, and a cockpit opened
later never hides a board its owner does not expect hidden.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from jobcockpit.core.board import Board
from jobcockpit.core.records import Application, Contact
from jobcockpit.core.text import plain

HIDDEN = "hidden"
"""What a hidden e-mail address, phone number, note or link reads as."""


def _company_key(company: str) -> str:
    return " ".join(company.casefold().split())


@dataclass(frozen=True, slots=True)
class Names:
    """How names read on screen: as typed, or as stand-ins when `private`."""

    private: bool = False
    companies: Mapping[str, int] = field(default_factory=dict)
    contacts: Mapping[str, int] = field(default_factory=dict)

    def company(self, company: str) -> str:
        if not self.private:
            return plain(company)
        number = self.companies.get(_company_key(company))
        return f"Company {number}" if number is not None else "A company"

    def contact(self, contact: Contact) -> str:
        if not self.private:
            return plain(contact.name)
        number = self.contacts.get(contact.id)
        return f"Contact {number}" if number is not None else "A contact"

    def redact(
        self, text: str, applications: Iterable[Application], contacts: Iterable[Contact]
    ) -> str:
        """`text` (a task or a reason the rules wrote, which quote names as
        typed) with those names replaced by their stand-ins, longest first."""
        if not self.private:
            return plain(text)
        swaps = [(a.company, self.company(a.company)) for a in applications]
        swaps.extend((c.name, self.contact(c)) for c in contacts)
        for name, stand_in in sorted(swaps, key=lambda swap: -len(swap[0])):
            if name:
                text = text.replace(name, stand_in)
        return plain(text)


PLAIN = Names()
"""Names as typed: privacy mode off."""


class Privacy:
    """Whether names are hidden, and the numbers of the stand-ins so far."""

    def __init__(self) -> None:
        self.on = False
        self._companies: dict[str, int] = {}
        self._contacts: dict[str, int] = {}
        self._learned: Board | None = None
        self._names: Names | None = None

    def toggle(self) -> bool:
        self.on = not self.on
        self._names = None
        return self.on

    def names(self, board: Board) -> Names:
        """The names to show for `board`; new companies and contacts get the
        next free numbers, in the order of their ids."""
        if not self.on:
            return PLAIN
        if board is not self._learned or self._names is None:
            self._learn(board)
            self._names = Names(True, dict(self._companies), dict(self._contacts))
        return self._names

    def _learn(self, board: Board) -> None:
        for app_id in sorted(board.applications):
            key = _company_key(board.applications[app_id].company)
            if key not in self._companies:
                self._companies[key] = len(self._companies) + 1
        for contact_id in sorted(board.contacts):
            if contact_id not in self._contacts:
                self._contacts[contact_id] = len(self._contacts) + 1
        self._learned = board
