"""What each action of the cockpit does to the job hunt, without a screen: the
dialog's answer made into a change, applied to a small board, and what is
refused (naming the record and the field, as the dialogs do)."""

from __future__ import annotations

import pendulum
import pytest
from factories import NOW
from msgspec import structs

from jobcockpit.core.board import Board, Changeset
from jobcockpit.core.records import (
    Application,
    Contact,
    LogEntry,
    LogKind,
    Outcome,
    RecordError,
    Stage,
)
from jobcockpit.core.stages import change_stage
from jobcockpit.tui import changes

TODAY = pendulum.date(2026, 11, 17)


def small_board() -> Board:
    """Acme (applied, Dana linked, a call logged), Globex (interviewed, no
    contact), and Lena, whom no application lists yet."""
    dana = Contact(id="c-dana", name="Dana Ruiz", timezone="America/New_York", country="US")
    lena = Contact(id="c-lena", name="Lena Hoff", timezone="Europe/London", country="GB")
    acme = Application(
        id="a-acme",
        company="Acme Tools",
        position="Data analyst",
        applied_on=TODAY.subtract(days=10),
        contacts=("c-dana",),
    )
    globex = Application(
        id="a-globex",
        company="Globex",
        position="Product manager",
        applied_on=TODAY.subtract(days=30),
        stage=Stage.INTERVIEWED,
        stage_since=NOW.subtract(days=5),
    )
    call = LogEntry(
        application="a-acme",
        kind=LogKind.NO_ANSWER,
        at=NOW.subtract(days=3),
        contact="c-dana",
        id="l-call",
    )
    return Board([acme, globex], [dana, lena], [call])


def refused(error: pytest.ExceptionInfo[RecordError]) -> tuple[str, str]:
    return error.value.record, error.value.field


# -- applications ----------------------------------------------------------------


def test_a_new_application_joins_the_applied_column() -> None:
    board = small_board()
    hooli = Application(id="a-hooli", company="Hooli", position="Analyst", applied_on=TODAY)
    change = changes.new_application(board, hooli)
    after = board.apply(change)
    assert after.applications["a-hooli"] == hooli
    assert [a.id for a in after if a.stage is Stage.APPLIED] == ["a-acme", "a-hooli"]
    assert change.description == "new application at Hooli"


def test_a_new_application_never_replaces_one_already_there() -> None:
    board = small_board()
    clash = Application(id="a-acme", company="Hooli", position="", applied_on=TODAY)
    with pytest.raises(RecordError) as error:
        changes.new_application(board, clash)
    assert refused(error) == ("application a-acme (Hooli)", "id")


def test_an_edit_replaces_the_application_and_keeps_its_log() -> None:
    board = small_board()
    acme = board.applications["a-acme"]
    edited = structs.replace(acme, position="Senior data analyst", notes="Ask about SQL.")
    after = board.apply(changes.edit_application(board, edited, before=acme))
    assert after.applications["a-acme"].position == "Senior data analyst"
    assert after.applications["a-acme"].notes == "Ask about SQL."
    assert [e.id for e in after.log_of("a-acme")] == ["l-call"]


def test_an_edit_that_changed_nothing_changes_nothing() -> None:
    board = small_board()
    acme = board.applications["a-acme"]
    assert not changes.edit_application(board, acme, before=acme)


def test_the_undo_of_an_edit_names_the_company_as_it_was() -> None:
    board = small_board()
    acme = board.applications["a-acme"]
    renamed = structs.replace(acme, company="Acme Corp")
    assert changes.edit_application(board, renamed, before=acme).description == (
        "edit of Acme Tools"
    )


def test_an_edit_of_an_application_deleted_meanwhile_is_refused() -> None:
    board = small_board()
    acme = board.applications["a-acme"]
    gone = board.apply(Changeset(delete_applications=("a-acme",)))
    with pytest.raises(RecordError) as error:
        changes.edit_application(gone, structs.replace(acme, notes="x"), before=acme)
    assert refused(error) == ("application a-acme", "id")


def test_a_deletion_takes_the_log_with_it() -> None:
    board = small_board()
    change = changes.delete_application(board, "a-acme")
    after = board.apply(change)
    assert "a-acme" not in after.applications
    assert after.log == {}
    assert "c-dana" in after.contacts
    assert change.description == "deletion of Acme Tools"


def test_deleting_what_is_gone_is_refused() -> None:
    with pytest.raises(RecordError) as error:
        changes.delete_application(small_board(), "a-nowhere")
    assert refused(error) == ("application a-nowhere", "id")


# -- stages ------------------------------------------------------------------------


def test_moving_to_interviewed_logs_the_interview() -> None:
    board = small_board()
    ended = NOW.subtract(hours=2)
    moved = change_stage(board.applications["a-acme"], Stage.INTERVIEWED, at=ended)
    change = changes.move_forward(board, moved)
    after = board.apply(change)
    acme = after.applications["a-acme"]
    assert acme.stage is Stage.INTERVIEWED and acme.stage_since == ended
    assert [e.kind for e in after.log_of("a-acme")] == [LogKind.NO_ANSWER, LogKind.INTERVIEW]
    assert change.description == "move of Acme Tools to interviewed"


def test_moving_to_decided_keeps_the_outcome() -> None:
    board = small_board()
    moved = change_stage(
        board.applications["a-globex"], Stage.DECIDED, at=NOW, outcome=Outcome.OFFER
    )
    after = board.apply(changes.move_forward(board, moved))
    assert after.applications["a-globex"].stage is Stage.DECIDED
    assert after.applications["a-globex"].outcome is Outcome.OFFER


def test_a_move_of_an_application_deleted_meanwhile_is_refused() -> None:
    board = small_board()
    moved = change_stage(board.applications["a-acme"], Stage.INTERVIEWED, at=NOW)
    gone = board.apply(Changeset(delete_applications=("a-acme",)))
    with pytest.raises(RecordError) as error:
        changes.move_forward(gone, moved)
    assert refused(error) == ("application a-acme", "id")


def test_moving_back_corrects_the_stage_and_leaves_the_log() -> None:
    board = small_board()
    change = changes.move_back(board, "a-globex")
    after = board.apply(change)
    globex = after.applications["a-globex"]
    assert globex.stage is Stage.APPLIED and globex.stage_since is None
    assert after.log == board.log
    assert change.description == "move of Globex back to applied"


def test_there_is_no_stage_before_the_first() -> None:
    with pytest.raises(RecordError) as error:
        changes.move_back(small_board(), "a-acme")
    assert refused(error) == ("application a-acme (Acme Tools)", "stage")


# -- the log -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "said"),
    [
        (LogKind.CONNECTED, "connected logged for Acme Tools"),
        (LogKind.VOICEMAIL, "voicemail logged for Acme Tools"),
        (LogKind.EMAIL, "email logged for Acme Tools"),
        (LogKind.THANK_YOU, "thank you logged for Acme Tools"),
        (LogKind.REPLY, "reply logged for Acme Tools"),
    ],
)
def test_a_call_an_email_a_thank_you_or_a_reply_goes_into_the_log(kind: LogKind, said: str) -> None:
    board = small_board()
    entry = LogEntry(
        application="a-acme", kind=kind, at=NOW.subtract(minutes=5), contact="c-dana", id="l-new"
    )
    change = changes.log(board, entry)
    after = board.apply(change)
    assert after.log_of("a-acme")[-1] == entry
    assert len(after.log) == len(board.log) + 1
    assert change.description == said


def test_a_log_entry_for_an_application_deleted_meanwhile_is_refused() -> None:
    board = small_board().apply(Changeset(delete_applications=("a-acme",)))
    entry = LogEntry(application="a-acme", kind=LogKind.EMAIL, at=NOW, contact="c-dana", id="l-x")
    with pytest.raises(RecordError) as error:
        changes.log(board, entry)
    assert refused(error) == ("log entry l-x", "application")


def test_a_log_entry_naming_an_unknown_contact_is_refused() -> None:
    entry = LogEntry(application="a-acme", kind=LogKind.EMAIL, at=NOW, contact="c-who", id="l-x")
    with pytest.raises(RecordError) as error:
        changes.log(small_board(), entry)
    assert refused(error) == ("log entry l-x", "contact")


# -- contacts ----------------------------------------------------------------------


def test_a_new_contact_is_added_and_linked() -> None:
    board = small_board()
    sam = Contact(id="c-sam", name="Sam Okafor", timezone="America/Denver", country="US")
    change = changes.add_contact(board, sam, application_id="a-globex")
    after = board.apply(change)
    assert after.contacts["c-sam"] == sam
    assert after.applications["a-globex"].contacts == ("c-sam",)
    assert change.description == "contact Sam Okafor at Globex"


def test_a_known_contact_is_linked_to_one_more_application() -> None:
    board = small_board()
    change = changes.add_contact(board, "c-dana", application_id="a-globex")
    after = board.apply(change)
    assert after.applications["a-globex"].contacts == ("c-dana",)
    assert after.applications["a-acme"].contacts == ("c-dana",)
    assert after.contacts == board.contacts
    assert change.description == "link of Dana Ruiz to Globex"


def test_linking_a_contact_already_linked_changes_nothing() -> None:
    assert not changes.link_contact(small_board(), "c-dana", application_id="a-acme")


def test_linking_an_unknown_contact_is_refused() -> None:
    with pytest.raises(RecordError) as error:
        changes.link_contact(small_board(), "c-who", application_id="a-acme")
    assert refused(error) == ("application a-acme (Acme Tools)", "contacts")


def test_a_contact_for_an_application_deleted_meanwhile_is_refused() -> None:
    board = small_board().apply(Changeset(delete_applications=("a-globex",)))
    sam = Contact(id="c-sam", name="Sam Okafor")
    with pytest.raises(RecordError) as error:
        changes.add_contact(board, sam, application_id="a-globex")
    assert refused(error) == ("application a-globex", "id")


def test_descriptions_show_user_text_safely() -> None:
    """The undo notice repeats the description: no control characters in it."""
    board = small_board()
    evil = Application(id="a-evil", company="Evil\x1b[31m\nCorp", position="", applied_on=TODAY)
    assert changes.new_application(board, evil).description == "new application at Evil[31m Corp"
