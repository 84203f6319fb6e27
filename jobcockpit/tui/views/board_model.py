"""Which cards stand in which column, in what order, and what each one says.

Plain Python, so the ordering, the filter and the wording of a card are tested
without a screen; the Line-API columns only ask it for the cards they are about
to paint. Cards are made when first painted and forgotten on the next change,
so 10,000 applications cost only the few that are on screen. In privacy mode
a card shows its company's stand-in ("Company 3"), and the filter finds cards
by stand-in too.
"""

from __future__ import annotations

import datetime as dt
import itertools
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from jobcockpit.core import places
from jobcockpit.core.board import Board, Changeset
from jobcockpit.core.records import Application, Outcome, Stage
from jobcockpit.core.rules import stage_start
from jobcockpit.core.text import plain
from jobcockpit.core.verdicts import Task, TaskKind, Verdict, VerdictKind
from jobcockpit.tui.views.agenda_book import AgendaBook
from jobcockpit.tui.views.privacy import PLAIN, Names, Privacy
from jobcockpit.tui.views.wording import (
    Badge,
    badge,
    days_ago,
    interview_badge,
    task_countdown,
    task_note,
)

STAGES: tuple[Stage, ...] = tuple(Stage)
_VERSIONS = itertools.count(1)
_Place = tuple[tuple[int, int, float], str, str]
"""A card's sort key in its column: its rank, its company, its id."""
CARD_LINES = 5
"""Company, position, time in stage, badge, and a blank line between cards;
a thank-you note due takes one more line."""


@dataclass(frozen=True, slots=True)
class Card:
    """What one card shows, already cleaned of control characters."""

    application: str
    company: str
    position: str
    since: str
    """Time in the stage: "applied 9 d ago"; decided cards lead with the outcome."""
    badge: str
    badge_kind: Badge
    overdue: bool
    note: str
    """The first dated task: a note's due time ("thank-you in 5 h"), or the
    countdown to an interview ahead; else empty."""
    note_late: bool
    outcome: Outcome | None


def touched_by(change: Changeset, before: Board, after: Board) -> set[str]:
    """The applications whose cards and verdicts `change` (which made `after`
    of `before`) may have changed: those it puts, deletes or logs for, those
    whose log entry it deletes or replaces (an entry put again under its key
    may now belong to another application), and those linked to a contact it
    puts or deletes."""
    touched = set(change.touched_applications)
    replaced = (*change.delete_log, *(entry.key for entry in change.add_log))
    touched.update(before.log[key].application for key in replaced if key in before.log)
    changed_contacts = {c.id for c in change.put_contacts} | set(change.delete_contacts)
    for board in (before, after):
        for contact_id in changed_contacts:
            touched.update(a.id for a in board.applications_of(contact_id))
    return touched


def _rank(verdict: Verdict | None, now: dt.datetime) -> tuple[int, int, float]:
    """Cards needing action first: calls (open now, overdue, soonest), e-mails,
    waits by date, then done, blocked and cards without a contact."""
    if verdict is None:
        return (6, 0, 0.0)
    kind = verdict.kind
    if kind is VerdictKind.CALL:
        open_now = verdict.open_window(now) is not None
        first = verdict.windows[0].start.timestamp() if verdict.windows else 0.0
        return (0 if open_now else 1, 0 if verdict.overdue else 1, first)
    if kind is VerdictKind.EMAIL:
        return (2, 0 if verdict.overdue else 1, 0.0)
    if kind is VerdictKind.WAIT:
        return (3, 0, float(verdict.next.toordinal()) if verdict.next else 0.0)
    if kind is VerdictKind.DONE:
        return (4, 0, 0.0)
    return (5, 0, 0.0)


class BoardModel:
    def __init__(self, user_zone: str, privacy: Privacy | None = None) -> None:
        self.user_zone = user_zone
        self.privacy = privacy if privacy is not None else Privacy()
        self._names: Names = PLAIN
        self.filter_text = ""
        self.columns: dict[Stage, list[str]] = {stage: [] for stage in STAGES}
        self.heights: dict[Stage, list[int]] = {stage: [] for stage in STAGES}
        """Lines each card takes: a card with a thank-you note due has one more."""
        self.totals: dict[Stage, int] = dict.fromkeys(STAGES, 0)
        self.versions: dict[Stage, int] = dict.fromkeys(STAGES, 0)
        """A new number whenever a column's cards or their order change (never
        the same number twice, whichever model)."""
        self._keys: dict[Stage, list[_Place]] = {stage: [] for stage in STAGES}
        """Each column's sort keys, beside its ids: where a card goes."""
        self._places: dict[str, tuple[Stage, _Place | None]] = {}
        """Each application's stage and its card's key (None: the filter hides it)."""
        self._board: Board = Board()
        self._book: AgendaBook | None = None
        self._now: dt.datetime = dt.datetime.now(dt.UTC)
        self._cards: dict[str, Card] = {}
        self._ranks: dict[str, tuple[Verdict | None, tuple[int, int, float]]] = {}
        """Each card's rank, kept while its best verdict is the same object."""
        self._haystacks: dict[str, str] = {}
        self._haystack_board: Board | None = None
        self._haystack_names: Names = PLAIN

    def rebuild(self, board: Board, book: AgendaBook, now: dt.datetime) -> None:
        """Sort every application into its column, in the order that asks for
        action first, then by company; only those matching the filter."""
        self._board = board
        self._book = book
        self._now = now
        self._cards = {}
        self._names = self.privacy.names(board)
        needle = self.filter_text.casefold().strip()
        haystacks = self._haystacks_of(board) if needle else {}
        keyed: dict[Stage, list[_Place]] = {stage: [] for stage in STAGES}
        totals = dict.fromkeys(STAGES, 0)
        places: dict[str, tuple[Stage, _Place | None]] = {}
        for application in board:
            totals[application.stage] += 1
            if needle and needle not in haystacks[application.id]:
                places[application.id] = (application.stage, None)
                continue
            place = self._place_of(application, book, now)
            keyed[application.stage].append(place)
            places[application.id] = (application.stage, place)
        note_due = book.note_due
        for stage in STAGES:
            keyed[stage].sort()
            self._keys[stage] = keyed[stage]
            ids = [app_id for _, _, app_id in keyed[stage]]
            self.columns[stage] = ids
            self.heights[stage] = [
                CARD_LINES + 1 if note_due(app_id) else CARD_LINES for app_id in ids
            ]
        self.totals = totals
        self._places = places
        self._all_columns_changed()

    def update(
        self, board: Board, book: AgendaBook, now: dt.datetime, changed: Iterable[str]
    ) -> None:
        """The same as `rebuild` after a change to the `changed` applications
        (added, edited, moved or deleted, or linked to a changed contact), for
        the price of those cards alone: each is taken out of its column and put
        back in its place by bisection, and the other cards keep theirs."""
        previous = self._board
        if now != self._now:
            # Every card words its times afresh: every column is drawn again.
            self._cards = {}
            self._all_columns_changed()
        self._board = board
        self._book = book
        self._now = now
        self._names = names = self.privacy.names(board)
        changed = list(changed)
        needle = self.filter_text.casefold().strip()
        haystacks: dict[str, str] = {}
        if needle:
            if self._haystack_board is previous and self._haystack_names is names:
                for app_id in changed:
                    application = board.applications.get(app_id)
                    if application is None:
                        self._haystacks.pop(app_id, None)
                    else:
                        self._haystacks[app_id] = self._haystack(application, board, names)
                self._haystack_board = board
            haystacks = self._haystacks_of(board)
        for app_id in changed:
            self._cards.pop(app_id, None)
            known = self._places.pop(app_id, None)
            if known is not None:
                stage, place = known
                self.totals[stage] -= 1
                if place is not None:
                    self._take_out(stage, place)
            application = board.applications.get(app_id)
            if application is None:
                continue
            stage = application.stage
            self.totals[stage] += 1
            if needle and needle not in haystacks[app_id]:
                self._places[app_id] = (stage, None)
                continue
            place = self._place_of(application, book, now)
            self._put_in(stage, place, book)
            self._places[app_id] = (stage, place)

    def _all_columns_changed(self) -> None:
        for stage in STAGES:
            self.versions[stage] = next(_VERSIONS)

    def _take_out(self, stage: Stage, place: _Place) -> None:
        self.versions[stage] = next(_VERSIONS)
        keys = self._keys[stage]
        index = bisect_left(keys, place)
        if index < len(keys) and keys[index] == place:
            del keys[index]
            del self.columns[stage][index]
            del self.heights[stage][index]

    def _put_in(self, stage: Stage, place: _Place, book: AgendaBook) -> None:
        self.versions[stage] = next(_VERSIONS)
        keys = self._keys[stage]
        index = bisect_left(keys, place)
        keys.insert(index, place)
        self.columns[stage].insert(index, place[2])
        self.heights[stage].insert(index, CARD_LINES + 1 if book.note_due(place[2]) else CARD_LINES)

    def _place_of(self, application: Application, book: AgendaBook, now: dt.datetime) -> _Place:
        rank = self._rank_of(application.id, book, now) if book.ready else (0, 0, 0.0)
        return (rank, application.company.casefold(), application.id)

    def _rank_of(self, app_id: str, book: AgendaBook, now: dt.datetime) -> tuple[int, int, float]:
        best = book.best(app_id)
        known = self._ranks.get(app_id)
        if known is None or known[0] is not best:
            known = self._ranks[app_id] = (best, _rank(best, now))
        return known[1]

    def set_filter(self, text: str) -> None:
        self.filter_text = text

    def tick(self, now: dt.datetime) -> None:
        """The clock moved: cards word their times afresh when next painted."""
        self._now = now
        self._cards = {}
        self._all_columns_changed()

    def header(self, stage: Stage) -> str:
        shown = len(self.columns[stage])
        total = self.totals[stage]
        name = stage.value.capitalize()
        if shown == total:
            return f"{name} {total:,}"
        return f"{name} {shown:,} of {total:,}"

    def card(self, app_id: str) -> Card | None:
        known = self._cards.get(app_id)
        if known is None:
            application = self._board.applications.get(app_id)
            if application is None:
                return None
            known = self._cards[app_id] = self._make_card(application)
        return known

    def locate(self, app_id: str) -> tuple[Stage, int] | None:
        application = self._board.applications.get(app_id)
        if application is None:
            return None
        column = self.columns[application.stage]
        try:
            return application.stage, column.index(app_id)
        except ValueError:
            return None

    def _make_card(self, application: Application) -> Card:
        now = self._now
        zone = self.user_zone
        book = self._book
        verdict = book.best(application.id) if book is not None and book.ready else None
        if book is not None and not book.ready:
            badge_text, badge_kind = ("judging...", Badge.NONE)
        else:
            badge_text, badge_kind = badge(verdict, now, zone)
            interview = self._interview_ahead(application.id)
            if interview is not None:
                badge_text, badge_kind = interview_badge(interview, now, zone)
        started = stage_start(application, self._board.log_of(application.id), places.zone(zone))
        since = self._since(application, started, now)
        note, late = self._thank_you_note(application.id, now)
        return Card(
            application=application.id,
            company=self._names.company(application.company),
            position=plain(application.position),
            since=since,
            badge=badge_text,
            badge_kind=badge_kind,
            overdue=verdict is not None and verdict.overdue,
            note=note,
            note_late=late,
            outcome=application.outcome,
        )

    def _since(self, application: Application, started: dt.datetime, now: dt.datetime) -> str:
        ago = days_ago(started, now, self.user_zone)
        if application.stage is Stage.APPLIED:
            return f"applied {ago}"
        if application.stage is Stage.INTERVIEWED:
            if started > now:
                # R19: the badge names the day, the note counts down to it.
                return "interview scheduled"
            return f"interviewed {ago}"
        word = application.outcome.value if application.outcome else "decided"
        return f"{word} {ago}"

    def _interview_ahead(self, app_id: str) -> Task | None:
        """R19: the task to get ready for an interview ahead, if any."""
        if self._book is None:
            return None
        return next((t for t in self._book.tasks_of(app_id) if t.kind is TaskKind.PREPARE), None)

    def _thank_you_note(self, app_id: str, now: dt.datetime) -> tuple[str, bool]:
        """The first dated task's line: a note's due time, or the countdown to
        an interview (whose start is the badge)."""
        if self._book is None:
            return ("", False)
        for task in self._book.tasks_of(app_id):
            if task.due is None:
                continue
            if task.kind is TaskKind.PREPARE:
                return (f"get ready, {task_countdown(task, now)}", False)
            late = task.kind is TaskKind.THANK_YOU and (task.late or task.due < now)
            return (task_note(task, now, self.user_zone), late)
        return ("", False)

    def _haystacks_of(self, board: Board) -> dict[str, str]:
        """Lower-cased text of each application and its contacts, for the filter;
        made once per board (and privacy mode), with the stand-ins when private."""
        names = self._names
        if self._haystack_board is not board or self._haystack_names is not names:
            self._haystacks = {a.id: self._haystack(a, board, names) for a in board}
            self._haystack_board = board
            self._haystack_names = names
        return self._haystacks

    @staticmethod
    def _haystack(application: Application, board: Board, names: Names) -> str:
        contacts = board.contacts
        people = [contacts[c] for c in application.contacts if c in contacts]
        found = [application.company, application.position, application.notes]
        found += [p.name for p in people]
        # What people keep beside it, and each tag as "#tag" too: "#remote"
        # finds the cards tagged remote and not those that only mention it.
        kept = (application.salary, application.location, application.resume)
        found += [value for value in (*kept, application.cover_letter) if value]
        found += [f"{tag} #{tag}" for tag in application.tags]
        if names.private:
            found += [names.company(application.company)] + [names.contact(p) for p in people]
        return " ".join(found).casefold()
