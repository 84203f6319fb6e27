"""Every record can be corrected or removed from the detail, with the form
that made it, and undone and redone. Driven by keys on the fixed board of
`factories` (Acme Tools: its application, Dana Ruiz, and one call that went
unanswered on Tuesday 10 November), asserting on what was stored and what
the screen shows."""

from __future__ import annotations

import factories
import pytest
from factories import cockpit, drive, shown
from msgspec import structs
from textual.pilot import Pilot
from textual.widgets import Input, RadioButton, Static

from jobcockpit.core.board import Board
from jobcockpit.core.records import LogEntry, LogKind
from jobcockpit.tui import changes
from jobcockpit.tui.app import CockpitApp
from jobcockpit.tui.screens.forms import (
    ApplicationForm,
    CallForm,
    ConfirmDialog,
    ContactForm,
    LogForm,
    RemoveContactDialog,
)
from jobcockpit.tui.screens.main import MainScreen
from jobcockpit.tui.widgets.detail import Detail, ItemKind
from jobcockpit.tui.widgets.field import Field
from jobcockpit.tui.widgets.footer import CockpitFooter

WIDE = (160, 45)


def question(app: CockpitApp) -> str:
    """What the open dialog asks, as one line of words."""
    return " ".join(str(app.screen.query_one("#question", Static).content).split())


def stored(app: CockpitApp) -> Board:
    return app.store.board


def detail(app: CockpitApp) -> Detail:
    return app.screen.query_one(Detail)


def kind_under_cursor(app: CockpitApp) -> ItemKind | None:
    current = detail(app).current
    return current.kind if current is not None else None


async def to_acme_record(pilot: Pilot[None], app: CockpitApp, record: int) -> None:
    """Select Acme Tools and put the detail's cursor on its `record`th record
    (0 the application, 1 Dana Ruiz, 2 the unanswered call)."""
    await pilot.press("j", "tab", *(["j"] * record))
    await pilot.pause()
    pane = detail(app)
    assert pane.has_focus and pane.plain.startswith("Acme Tools")
    assert pane.cursor == record


async def fill(pilot: Pilot[None], control_id: str, text: str) -> None:
    field = pilot.app.screen.query_one(f"#{control_id}", Input)
    field.focus()
    await pilot.pause()
    field.value = ""
    await pilot.press(*text)
    await pilot.pause()


async def save(pilot: Pilot[None]) -> None:
    await pilot.press("ctrl+s")
    await pilot.pause()
    await pilot.pause()


def acme_call(app: CockpitApp) -> LogEntry:
    (entry,) = stored(app).log_of("a-acme")
    return entry


def footer_ids(app: CockpitApp) -> list[str]:
    return [key.id for key in app.screen.query_one(CockpitFooter).shown]


# -- contacts -------------------------------------------------------------------------


def test_e_on_a_contact_corrects_their_phone_and_the_detail_shows_it() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await to_acme_record(pilot, app, 1)
        assert kind_under_cursor(app) is ItemKind.CONTACT
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ContactForm)
        assert app.screen.query_one("#phone", Input).value == "+1 212 555 0100"
        await fill(pilot, "phone", "+1 720 555 0115")
        await save(pilot)
        assert isinstance(app.screen, MainScreen)
        assert stored(app).contacts["c-dana"].phone == "+1 720 555 0115"
        assert stored(app).contacts["c-dana"].email == "dana@acme.example"
        assert "+1 720-555-0115" in detail(app).plain
        assert detail(app).cursor == 1, "the cursor stays on the contact"

    drive(cockpit(), steps, size=WIDE)


def test_an_impossible_number_is_refused_with_the_reason_and_nothing_is_saved() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await to_acme_record(pilot, app, 1)
        await pilot.press("e")
        await pilot.pause()
        await fill(pilot, "phone", "+99 123456789012345678")
        await save(pilot)
        assert isinstance(app.screen, ContactForm)
        error = app.screen.query_one("#phone-field", Field).error
        assert error == "“+99 123456789012345678” has no country code after the +"
        error_line = app.screen.query_one("#phone-field .field--error", Static)
        assert error_line.display and error_line.size.height >= 1
        await fill(pilot, "phone", "+1 212 555 01000")
        await save(pilot)
        error = app.screen.query_one("#phone-field", Field).error
        assert error == "“+1 212 555 01000” is too long for a number in US"
        await pilot.press("escape")
        await pilot.pause()
        assert stored(app).contacts["c-dana"].phone == "+1 212 555 0100"

    drive(cockpit(), steps, size=WIDE)


def test_an_unusual_number_is_saved_and_marked_in_the_detail() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await to_acme_record(pilot, app, 1)
        await pilot.press("e")
        await pilot.pause()
        await fill(pilot, "phone", "+1 200 555 0100")
        await pilot.press("tab")
        field = app.screen.query_one("#phone-field", Field)
        assert field.error is None
        assert "kept, but marked: not a number in use in US" in field.hint
        await save(pilot)
        assert isinstance(app.screen, MainScreen)
        assert stored(app).contacts["c-dana"].phone == "+1 200 555 0100"
        assert "⚠ unusual number: not a number in use in US" in detail(app).plain

    drive(cockpit(), steps, size=WIDE)


def test_a_number_stored_before_it_was_checked_is_marked_impossible() -> None:
    board = factories.board()
    dana = structs.replace(board.contacts["c-dana"], phone="+1 555 0100 99999")
    board = Board(board.applications, {**board.contacts, "c-dana": dana}, board.log.values())

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("j")
        assert "⚠ impossible number: it is too long for a number in US" in detail(app).plain
        await pilot.press("asterisk")
        await pilot.pause()
        assert "⚠ impossible number" in detail(app).plain
        assert "too long" not in detail(app).plain

    drive(cockpit(board), steps, size=WIDE)


def test_x_on_a_contact_unlinks_them_from_this_application_only() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await to_acme_record(pilot, app, 1)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, RemoveContactDialog)
        text = question(app)
        assert "Remove Dana Ruiz from Acme Tools?" in text
        assert "u unlinks them from Acme Tools only" in text
        assert "r removes them from the job hunt, with the log entry that names them" in text
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert stored(app).applications["a-acme"].contacts == ()
        assert "c-dana" in stored(app).contacts
        assert len(stored(app).log_of("a-acme")) == 1
        assert "Contacts (0)" in detail(app).plain

    drive(cockpit(), steps, size=WIDE)


def test_x_on_a_contact_can_remove_them_everywhere_with_their_log_entries() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await to_acme_record(pilot, app, 1)
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert "c-dana" not in stored(app).contacts
        assert stored(app).applications["a-acme"].contacts == ()
        assert stored(app).log_of("a-acme") == []
        await pilot.press("u")
        await pilot.pause()
        assert stored(app).contacts["c-dana"].name == "Dana Ruiz"
        assert stored(app).applications["a-acme"].contacts == ("c-dana",)
        assert len(stored(app).log_of("a-acme")) == 1

    drive(cockpit(), steps, size=WIDE)


def test_cancelling_the_removal_of_a_contact_keeps_everything() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        before = stored(app)
        await to_acme_record(pilot, app, 1)
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert stored(app) is before

    drive(cockpit(), steps, size=WIDE)


# -- log entries ---------------------------------------------------------------------------


def test_e_on_a_log_entry_corrects_it_in_the_call_form() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        before = acme_call(app)
        await to_acme_record(pilot, app, 2)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, CallForm)
        assert app.screen.query_one("#no_answer", RadioButton).value
        assert app.screen.query_one("#at", Input).value == "2026-11-10 16:00"
        assert "(your time, Europe/Berlin)" in shown(app)
        await fill(pilot, "note", "left no message")
        await save(pilot)
        assert isinstance(app.screen, MainScreen)
        after = acme_call(app)
        assert after.note == "left no message"
        assert after.at == before.at and after.kind is LogKind.NO_ANSWER
        assert after.contact == "c-dana"
        assert len(stored(app).log) == len(factories.log())
        assert "left no message" in detail(app).plain

    drive(cockpit(), steps, size=WIDE)


def test_a_corrected_call_can_change_its_outcome_and_its_time() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await to_acme_record(pilot, app, 2)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("2")
        await fill(pilot, "at", "2026-11-10 17:30")
        await save(pilot)
        after = acme_call(app)
        assert after.kind is LogKind.VOICEMAIL
        assert after.at.isoformat() == "2026-11-10T17:30:00+01:00"

    drive(cockpit(), steps, size=WIDE)


def test_e_on_a_reply_corrects_it_in_the_log_form() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("l", "l")
        assert app.screen.query_one(Detail).plain.startswith("Initech")
        await pilot.press("tab", "j", "j")
        await pilot.pause()
        assert kind_under_cursor(app) is ItemKind.LOG
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, LogForm)
        assert app.screen.query_one("#note", Input).value == "Went with another candidate."
        await fill(pilot, "note", "Went with an internal candidate.")
        await save(pilot)
        replies = [e for e in stored(app).log_of("a-initech") if e.kind is LogKind.REPLY]
        assert [e.note for e in replies] == ["Went with an internal candidate."]

    drive(cockpit(), steps, size=WIDE)


def test_x_on_a_log_entry_removes_a_mistaken_entry_after_asking() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await to_acme_record(pilot, app, 2)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Tue 10 Nov 2026 16:00 (Europe/Berlin), no answer, Dana Ruiz" in question(app)
        await pilot.press("y")
        await pilot.pause()
        assert stored(app).log_of("a-acme") == []
        assert "Log (0)" in detail(app).plain

    drive(cockpit(), steps, size=WIDE)


def test_undo_and_redo_take_a_removal_back_and_forth() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        assert "redo" not in footer_ids(app)
        await to_acme_record(pilot, app, 2)
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert stored(app).log_of("a-acme") == []
        await pilot.press("u")
        await pilot.pause()
        assert len(stored(app).log_of("a-acme")) == 1
        assert "Undone: removal of a no answer for Acme Tools" in shown(app)
        await pilot.press("shift+tab", "shift+tab")
        assert "redo" in footer_ids(app)
        await pilot.press("U")
        await pilot.pause()
        assert stored(app).log_of("a-acme") == []
        assert "Redone: removal of a no answer for Acme Tools" in shown(app)
        await pilot.press("u")
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert stored(app).log_of("a-acme") == []
        await pilot.press("u", "n")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert "redo" in footer_ids(app)

    drive(cockpit(), steps, size=WIDE)


def test_a_new_change_makes_what_was_undone_final() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("L")
        await pilot.pause()
        await fill(pilot, "interview_at", "8:00")
        await save(pilot)
        await pilot.press("u")
        await pilot.pause()
        assert "redo" in footer_ids(app)
        await pilot.press("t")
        await pilot.pause()
        await save(pilot)
        assert "redo" not in footer_ids(app)
        before = stored(app)
        await pilot.press("U")
        await pilot.pause()
        assert stored(app) is before

    drive(cockpit(), steps, size=WIDE)


# -- the application itself, and errands ------------------------------------------------


def test_e_and_x_on_the_application_edit_and_delete_it() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await to_acme_record(pilot, app, 0)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ApplicationForm)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert "a-acme" not in stored(app).applications

    drive(cockpit(), steps, size=WIDE)


def test_shift_y_copies_the_contacts_phone_and_p_opens_the_posting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    copied: list[str] = []
    opened: list[str] = []

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
        monkeypatch.setattr(app, "open_url", lambda url, new_tab=True: opened.append(url))
        await pilot.press("j", "Y")
        await pilot.pause()
        assert copied == ["+1 212 555 0100"]
        assert "Copied Dana Ruiz's phone number: +1 212 555 0100" in shown(app)
        await pilot.press("p")
        await pilot.pause()
        assert opened == ["https://acme.example/jobs/42"]
        await pilot.press("l")
        assert "open_posting" not in footer_ids(app)

    drive(cockpit(), steps, size=(200, 60))


def test_shift_y_copies_the_e_mail_address_of_a_contact_without_a_phone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    copied: list[str] = []

    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
        await pilot.press("j", "j", "Y")
        await pilot.pause()
        assert app.screen.query_one(Detail).plain.startswith("Hooli")
        assert copied == ["kim@hooli.example"]

    drive(cockpit(), steps, size=WIDE)


def test_names_hidden_keep_the_contact_form_closed() -> None:
    async def steps(pilot: Pilot[None], app: CockpitApp) -> None:
        await pilot.press("asterisk", "j", "tab", "j")
        assert detail(app).plain.startswith("Company 1")
        assert kind_under_cursor(app) is ItemKind.CONTACT
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert "Names are hidden" in shown(app)

    drive(cockpit(), steps, size=WIDE)


# -- the changes, without a screen -------------------------------------------------------


def test_an_edit_that_changes_nothing_changes_nothing() -> None:
    board = factories.board()
    dana = board.contacts["c-dana"]
    assert not changes.edit_contact(board, dana, before=dana)
    entry = board.log_of("a-acme")[0]
    assert not changes.edit_log_entry(board, entry, before=entry)
    assert not changes.unlink_contact(board, "c-dana", application_id="a-bright")


def test_a_corrected_entry_without_an_id_replaces_the_old_one() -> None:
    board = factories.board()
    entry = board.log_of("a-acme")[0]
    assert entry.id is None
    corrected = structs.replace(entry, note="again", id="l-new")
    change = changes.edit_log_entry(board, corrected, before=entry)
    after = board.apply(change)
    assert after.log_of("a-acme") == [corrected]
    undone = after.apply(board.inverse(change))
    assert undone.log_of("a-acme") == [entry]


def test_removing_a_contact_takes_them_off_every_application_and_the_log() -> None:
    board = factories.board()
    acme = board.applications["a-acme"]
    bright = structs.replace(board.applications["a-bright"], contacts=("c-jonas", "c-dana"))
    board = Board({**board.applications, bright.id: bright}, board.contacts, board.log.values())
    change = changes.remove_contact(board, "c-dana")
    after = board.apply(change)
    assert "c-dana" not in after.contacts
    assert after.applications["a-bright"].contacts == ("c-jonas",)
    assert after.applications["a-acme"].contacts == ()
    assert all(e.contact != "c-dana" for e in after.log.values())
    assert acme.contacts == ("c-dana",)
