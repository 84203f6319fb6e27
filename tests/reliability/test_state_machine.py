"""Hostile input through the cockpit's own layers, checked against a model.

A Hypothesis state machine adds, edits, moves, logs, deletes, undoes and
reloads through the session the cockpit uses (`Session` on a real data file,
with the agenda book and the board model that paint the screen), and checks
after every step that the file holds exactly what a plain in-memory model
says it should. Every text field gets markup (`[/]`, `[@click=app.quit]`),
terminal escapes, bidi controls, emoji, other control characters and, now and
then, a string of a million characters. The text must come back exactly, and
what the cards and the detail pane render from it must never raise nor hold
a character a terminal would act on.

One Pilot test then types such text into the application form of the real
cockpit and checks that the screen shows it literally and the app runs on.

    .venv/bin/pytest tests/reliability/test_state_machine.py
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
import tempfile
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import factories
import pytest
from factories import NOW, SETTINGS, cockpit, drive, shown
from helpers_store import report
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    invariant,
    precondition,
    rule,
)
from msgspec import structs
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from jobcockpit.core.board import Board, Changeset
from jobcockpit.core.records import (
    Application,
    Contact,
    FollowUp,
    LogEntry,
    LogKind,
    Outcome,
    Stage,
)
from jobcockpit.core.stages import change_stage
from jobcockpit.store import Store
from jobcockpit.tui.app import CockpitApp
from jobcockpit.tui.screens.forms import ApplicationForm
from jobcockpit.tui.screens.main import MainScreen
from jobcockpit.tui.session import Session
from jobcockpit.tui.views.agenda_book import AgendaBook
from jobcockpit.tui.views.board_model import BoardModel
from jobcockpit.tui.widgets.detail import Detail, describe_application

MEGABYTE = 1_000_000

HOSTILE = (
    "[/]",
    "[@click=app.quit]",
    "[b]bold[/b]",
    "[red",
    "\x1b[31m",
    "\x1b[2J",
    "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\",
    "\u202e",
    "\u2066",
    "\u200f",
    "\u061c",
    "🙂",
    "👩🏽‍💻",
    "🇩🇪",
    "\t",
    "\r\n",
    "\x07",
    "\x08",
    "\x7f",
    "\x85",
    "\x9b",
    "\u2028",
    "e\u0301",
    "字",
    " ",
)
"""Pieces every text field is built from: markup, escapes, bidi controls,
emoji, control characters other than NUL (which the file format refuses to
carry in no field, and no keyboard types)."""

RAW_CONTROLS = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)

_characters = st.characters(exclude_categories=["Cs"], exclude_characters="\x00")
_piece = st.one_of(st.sampled_from(HOSTILE), st.text(_characters, max_size=6))
text = st.lists(_piece, max_size=5).map("".join)
"""Any text, including the empty one."""
named = text.map(lambda t: t if t.strip() else f"N{t}")
"""Text a required name accepts: something besides spaces."""
optional = text.map(lambda t: t or None)
"""An optional field: the file keeps an empty one as none."""

HUGE = ("".join(HOSTILE) * (MEGABYTE // len("".join(HOSTILE)) + 1))[:MEGABYTE]
"""A million characters of everything above."""

APPLICATION_TEXTS = ("company", "position", "notes", "posting_url")
CONTACT_TEXTS = ("name", "role", "phone", "email")
huge_field = st.sampled_from((None,) * 50 + APPLICATION_TEXTS + CONTACT_TEXTS + ("note",))
"""Now and then one field of a step gets the million characters."""

MOMENTS = [
    NOW.subtract(hours=h).in_timezone(z) for h in (1, 30, 200) for z in ("UTC", "Asia/Tokyo")
]


def _has_no_raw_controls(rendered: str, where: str) -> None:
    """No control character (Unicode's Cc: C0, DEL, C1) and no bidi control;
    line breaks only between the lines of a pane."""
    found = RAW_CONTROLS.search(rendered)
    assert found is None, f"{where}: {found.group()!r} in {rendered[:80]!r}"


@dataclasses.dataclass
class Model:
    """What the file should hold, kept the simplest way."""

    applications: dict[str, Application]
    contacts: dict[str, Contact]
    log: dict[str, LogEntry]

    def copy(self) -> Model:
        return Model(dict(self.applications), dict(self.contacts), dict(self.log))

    def apply(self, change: Changeset) -> None:
        for app_id in change.delete_applications:
            del self.applications[app_id]
            self.log = {k: e for k, e in self.log.items() if e.application != app_id}
        for application in change.put_applications:
            self.applications[application.id] = application
        for contact in change.put_contacts:
            self.contacts[contact.id] = contact
        for entry in change.add_log:
            self.log[entry.key] = entry

    def matches(self, board: Board, where: str) -> None:
        assert board.applications == self.applications, where
        assert board.contacts == self.contacts, where
        assert board.log == self.log, where
        for app_id, application in self.applications.items():
            stored = board.applications[app_id]
            for name in APPLICATION_TEXTS:
                assert getattr(stored, name) == getattr(application, name), (where, name)
        for contact_id, contact in self.contacts.items():
            stored_contact = board.contacts[contact_id]
            for name in CONTACT_TEXTS:
                assert getattr(stored_contact, name) == getattr(contact, name), (where, name)
        for key, entry in self.log.items():
            assert board.log[key].note == entry.note, where


class Tally:
    steps = 0
    examples = 0
    huge = 0
    reloads = 0
    undos = 0


class HostileCockpit(RuleBasedStateMachine):
    applications = Bundle("applications")

    def __init__(self) -> None:
        super().__init__()
        Tally.examples += 1
        self.folder = Path(tempfile.mkdtemp(prefix="jobcockpit-state-"))
        self.path = self.folder / "hunt.json"
        self.store = Store.open(self.path, create=True)
        self.session = Session(self.store)
        self.model = Model({}, {}, {})
        self.history: list[Model] = []
        self.counter = 0
        self.touched: set[str] = set()

    def teardown(self) -> None:
        try:
            self.render(set(self.model.applications))
        finally:
            self.store.close()
            shutil.rmtree(self.folder, ignore_errors=True)

    # -- helpers -------------------------------------------------------------

    def new_id(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}{self.counter}"

    @staticmethod
    def huge_if(field: str | None, name: str, value: str | None) -> str | None:
        if field == name:
            Tally.huge += 1
            return HUGE
        return value

    def change(self, change: Changeset) -> None:
        Tally.steps += 1
        before = self.model.copy()
        saved = self.session.change(change)
        assert saved.saved, saved.error
        self.history.append(before)
        self.model.apply(change)
        self.touched = set(change.touched_applications)

    def render(self, app_ids: set[str]) -> None:
        """Cards and detail as the cockpit paints them: never raising, and
        free of anything a terminal would act on."""
        board = self.session.board
        book = AgendaBook(SETTINGS)
        book.judge_all(board, NOW)
        model = BoardModel(SETTINGS.zone)
        model.rebuild(board, book, NOW)
        for app_id in app_ids:
            application = board.applications.get(app_id)
            if application is None:
                continue
            card = model.card(app_id)
            assert card is not None
            for name in ("company", "position", "since", "badge", "note"):
                _has_no_raw_controls(getattr(card, name), f"card {name}")
            detail = describe_application(
                application,
                board,
                book.verdicts_of(app_id),
                book.tasks_of(app_id),
                NOW,
                SETTINGS.zone,
            )
            _has_no_raw_controls(detail.plain, "detail")

    # -- rules ---------------------------------------------------------------

    @rule(
        target=applications,
        company=named,
        position=text,
        notes=text,
        posting_url=optional,
        name=named,
        role=text,
        phone=optional,
        email=optional,
        with_contact=st.booleans(),
        follow_up=st.sampled_from(FollowUp),
        huge=huge_field,
    )
    def add(
        self,
        company: str,
        position: str,
        notes: str,
        posting_url: str | None,
        name: str,
        role: str,
        phone: str | None,
        email: str | None,
        with_contact: bool,
        follow_up: FollowUp,
        huge: str | None,
    ) -> str:
        contacts: tuple[Contact, ...] = ()
        if with_contact:
            contacts = (
                Contact(
                    id=self.new_id("c"),
                    name=self.huge_if(huge, "name", name) or name,
                    role=self.huge_if(huge, "role", role) or "",
                    phone=self.huge_if(huge, "phone", phone),
                    email=self.huge_if(huge, "email", email),
                    timezone="America/New_York",
                    country="US",
                ),
            )
        application = Application(
            id=self.new_id("a"),
            company=self.huge_if(huge, "company", company) or company,
            position=self.huge_if(huge, "position", position) or "",
            applied_on=NOW.date().subtract(days=3),
            follow_up=follow_up,
            notes=self.huge_if(huge, "notes", notes) or "",
            posting_url=self.huge_if(huge, "posting_url", posting_url),
            contacts=tuple(c.id for c in contacts),
        )
        self.change(Changeset(put_applications=(application,), put_contacts=contacts))
        return application.id

    @precondition(lambda self: bool(self.model.applications))
    @rule(
        app_id=applications,
        company=named,
        position=text,
        notes=text,
        posting_url=optional,
        huge=huge_field,
    )
    def edit(
        self,
        app_id: str,
        company: str,
        position: str,
        notes: str,
        posting_url: str | None,
        huge: str | None,
    ) -> None:
        current = self.session.board.applications.get(app_id)
        if current is None:
            return
        edited = structs.replace(
            current,
            company=self.huge_if(huge, "company", company) or company,
            position=self.huge_if(huge, "position", position) or "",
            notes=self.huge_if(huge, "notes", notes) or "",
            posting_url=self.huge_if(huge, "posting_url", posting_url),
        )
        self.change(Changeset(put_applications=(edited,)))

    @precondition(lambda self: bool(self.model.contacts))
    @rule(data=st.data(), name=named, role=text, phone=optional, email=optional)
    def edit_contact(
        self, data: st.DataObject, name: str, role: str, phone: str | None, email: str | None
    ) -> None:
        contact_id = data.draw(st.sampled_from(sorted(self.model.contacts)))
        current = self.session.board.contacts[contact_id]
        edited = structs.replace(current, name=name, role=role, phone=phone, email=email)
        self.change(Changeset(put_contacts=(edited,)))

    @precondition(lambda self: bool(self.model.applications))
    @rule(
        app_id=applications,
        forward=st.booleans(),
        moment=st.sampled_from(MOMENTS),
        outcome=st.sampled_from(Outcome),
    )
    def move(self, app_id: str, forward: bool, moment: dt.datetime, outcome: Outcome) -> None:
        current = self.session.board.applications.get(app_id)
        if current is None:
            return
        target = current.stage.next if forward else current.stage.previous
        if target is None:
            return
        moved = change_stage(
            current,
            target,
            at=moment,
            outcome=outcome if target is Stage.DECIDED else None,
        )
        self.change(
            Changeset(
                put_applications=(moved.application,),
                add_log=(moved.entry,) if moved.entry is not None else (),
            )
        )

    @precondition(lambda self: bool(self.model.applications))
    @rule(
        app_id=applications,
        kind=st.sampled_from([k for k in LogKind if k is not LogKind.INTERVIEW]),
        moment=st.sampled_from(MOMENTS),
        note=text,
        with_id=st.booleans(),
        huge=huge_field,
    )
    def log(
        self,
        app_id: str,
        kind: LogKind,
        moment: dt.datetime,
        note: str,
        with_id: bool,
        huge: str | None,
    ) -> None:
        current = self.session.board.applications.get(app_id)
        if current is None:
            return
        entry = LogEntry(
            application=app_id,
            kind=kind,
            at=moment,
            contact=current.contacts[0] if current.contacts else None,
            note=self.huge_if(huge, "note", note) or "",
            id=self.new_id("l") if with_id else None,
        )
        self.change(Changeset(add_log=(entry,)))

    @precondition(lambda self: bool(self.model.applications))
    @rule(app_id=consumes(applications))
    def delete(self, app_id: str) -> None:
        if app_id not in self.session.board.applications:
            return
        self.change(Changeset(delete_applications=(app_id,)))

    @rule()
    def undo(self) -> None:
        Tally.steps += 1
        Tally.undos += 1
        undone = self.session.undo()
        if undone is None:
            assert not self.history
            return
        assert undone.saved.saved
        self.model = self.history.pop()
        self.touched = set(undone.change.touched_applications)

    @rule()
    def reload(self) -> None:
        """Close the file and open it again, as the next start does."""
        Tally.steps += 1
        Tally.reloads += 1
        self.store.close()
        self.store = Store.open(self.path)
        self.session = Session(self.store)
        self.history = []
        self.model.matches(self.store.board, "after reopening")
        self.touched = set(self.model.applications)

    # -- after every step ----------------------------------------------------

    @invariant()
    def the_file_holds_the_model(self) -> None:
        self.model.matches(self.session.board, "on screen")
        self.model.matches(self.store.board, "in the store")
        assert not self.session.unsaved

    @invariant()
    def the_views_render_it_literally(self) -> None:
        self.render(self.touched)
        self.touched = set()


HostileCockpit.TestCase.settings = settings(
    max_examples=25,
    stateful_step_count=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


TestHostileCockpit = HostileCockpit.TestCase


@pytest.fixture(scope="module", autouse=True)
def count_the_steps(request: pytest.FixtureRequest) -> Iterator[None]:
    started = time.monotonic()
    yield
    report(
        request.config,
        f"hostile input: {Tally.examples} examples, {Tally.steps} steps ({Tally.reloads} "
        f"reloads, {Tally.undos} undos), {Tally.huge} fields of a million characters; "
        f"every text came back exactly, in {time.monotonic() - started:.1f} s",
    )


def test_the_check_for_raw_controls_knows_every_one() -> None:
    for point in range(0x30000):
        character = chr(point)
        raw = unicodedata.category(character) == "Cc" or character in BIDI_CONTROLS
        assert bool(RAW_CONTROLS.match(character)) == (raw and character != "\n"), hex(point)


# -- the same text typed into the real cockpit --------------------------------------


def test_hostile_text_typed_into_the_form_is_shown_literally() -> None:
    company = "[/]Evil [@click=app.quit]Corp\x1b[31m\u202e🙂"
    typed = "[/]Evil [@click=app.quit]Corp"
    pasted = "\x1b[31m\u202e🙂"
    store = Store.in_memory(factories.board(), SETTINGS)

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ApplicationForm)
        field = app.screen.query_one("#company", Input)
        field.focus()
        await pilot.press(*typed)
        field.post_message(events.Paste(pasted))
        await pilot.pause()
        assert field.value == company
        position = app.screen.query_one("#position", Input)
        position.focus()
        await pilot.press(*"[b]Chief[/b]")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, MainScreen)
        (added,) = [a for a in store.board if a.company == company]
        assert added.position == "[b]Chief[/b]"
        screen = shown(app)
        assert "[/]Evil [@click=app.quit]Corp[31m🙂" in screen
        detail = app.screen.query_one(Detail).plain
        assert "[/]Evil [@click=app.quit]Corp[31m🙂 · [b]Chief[/b]" in detail
        await pilot.press("j", "k")
        await pilot.pause()
        assert app.is_running

    drive(cockpit(store=store), steps)
