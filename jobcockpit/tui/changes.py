"""What each of the cockpit's actions changes: a dialog's answer made into a `Changeset`.

The dialogs return checked records; these functions, each of the board and a
dialog's answer, put them into the board's
terms (which records to put, delete or log, and the description that undo
shows) and refuse, with a `RecordError` naming the record and the field, what
no longer fits the board the answer is for. They know no Textual, so what a
key does to the job hunt is tested without a screen; the main screen only asks
and shows.

An empty changeset means there is nothing to change (an edit that changed
nothing, a contact already linked).
"""

from __future__ import annotations

from msgspec import structs

from jobcockpit.core.board import Board, Changeset
from jobcockpit.core.records import Application, Contact, LogEntry, RecordError
from jobcockpit.core.stages import StageChange, change_stage
from jobcockpit.core.text import plain

NOTHING = Changeset()


def _application(board: Board, application_id: str) -> Application:
    """The application as the board holds it; refused when it is gone."""
    application = board.applications.get(application_id)
    if application is None:
        raise RecordError(f"application {application_id}", "id", "does not exist")
    return application


def new_application(board: Board, application: Application) -> Changeset:
    if application.id in board.applications:
        raise RecordError(application.label, "id", "already exists")
    return Changeset(
        put_applications=(application,),
        description=f"new application at {plain(application.company)}",
    )


def edit_application(board: Board, edited: Application, *, before: Application) -> Changeset:
    """`before` is the application the form was opened on: an edit that
    changed nothing in it changes nothing."""
    _application(board, edited.id)
    if edited == before:
        return NOTHING
    return Changeset(put_applications=(edited,), description=f"edit of {plain(before.company)}")


def delete_application(board: Board, application_id: str) -> Changeset:
    """The application and, with it, its log."""
    application = _application(board, application_id)
    return Changeset(
        delete_applications=(application.id,),
        description=f"deletion of {plain(application.company)}",
    )


def move_forward(board: Board, moved: StageChange) -> Changeset:
    """The stage form's move, with the interview it logs if any."""
    _application(board, moved.application.id)
    application = moved.application
    return Changeset(
        put_applications=(application,),
        add_log=(moved.entry,) if moved.entry is not None else (),
        description=f"move of {plain(application.company)} to {application.stage.value}",
    )


def move_back(board: Board, application_id: str) -> Changeset:
    """A correction: the card goes back a stage, nothing is asked and the log stays."""
    application = _application(board, application_id)
    target = application.stage.previous
    if target is None:
        raise RecordError(application.label, "stage", "already the first stage")
    moved = change_stage(application, target)
    return Changeset(
        put_applications=(moved.application,),
        description=f"move of {plain(application.company)} back to {target.value}",
    )


def log(board: Board, entry: LogEntry) -> Changeset:
    """A call, e-mail, thank-you note or reply, as the form logged it."""
    application = board.applications.get(entry.application)
    if application is None:
        raise RecordError(entry.label, "application", f"no application {entry.application}")
    if entry.contact is not None and entry.contact not in board.contacts:
        raise RecordError(entry.label, "contact", f"no contact {entry.contact}")
    return Changeset(
        add_log=(entry,),
        description=f"{entry.kind.value.replace('_', ' ')} logged for {plain(application.company)}",
    )


def add_contact(board: Board, contact: Contact | str, *, application_id: str) -> Changeset:
    """The contact form's answer: a new contact (`Contact`) for the
    application, or the id of a known one to link to it."""
    if isinstance(contact, str):
        return link_contact(board, contact, application_id=application_id)
    application = _application(board, application_id)
    contacts = application.contacts
    if contact.id not in contacts:
        contacts = (*contacts, contact.id)
    return Changeset(
        put_contacts=(contact,),
        put_applications=(structs.replace(application, contacts=contacts),),
        description=f"contact {plain(contact.name)} at {plain(application.company)}",
    )


def link_contact(board: Board, contact_id: str, *, application_id: str) -> Changeset:
    """A contact already known, linked to one more application; nothing
    when it is linked already."""
    application = _application(board, application_id)
    if contact_id in application.contacts:
        return NOTHING
    contact = board.contacts.get(contact_id)
    if contact is None:
        raise RecordError(application.label, "contacts", f"no contact {contact_id}")
    return Changeset(
        put_applications=(
            structs.replace(application, contacts=(*application.contacts, contact_id)),
        ),
        description=f"link of {plain(contact.name)} to {plain(application.company)}",
    )


# -- correcting and removing what the detail shows ------------------------------------


def _contact(board: Board, contact_id: str) -> Contact:
    contact = board.contacts.get(contact_id)
    if contact is None:
        raise RecordError(f"contact {contact_id}", "id", "does not exist")
    return contact


def edit_contact(board: Board, edited: Contact | str, *, before: Contact) -> Changeset:
    """The contact form's answer for a contact opened to correct: the same
    contact with new values, wherever it is linked."""
    if isinstance(edited, str) or edited.id != before.id:
        raise RecordError(before.label, "id", "the form answered for another contact")
    _contact(board, before.id)
    if edited == before:
        return NOTHING
    return Changeset(put_contacts=(edited,), description=f"edit of {plain(before.name)}")


def unlink_contact(board: Board, contact_id: str, *, application_id: str) -> Changeset:
    """The contact taken off one application; they stay on the others, and
    known (to link again) even when on none."""
    application = _application(board, application_id)
    contact = _contact(board, contact_id)
    if contact_id not in application.contacts:
        return NOTHING
    kept = tuple(c for c in application.contacts if c != contact_id)
    return Changeset(
        put_applications=(structs.replace(application, contacts=kept),),
        description=f"unlink of {plain(contact.name)} from {plain(application.company)}",
    )


def entries_naming(board: Board, contact_id: str) -> list[LogEntry]:
    """The log entries that name a contact, whichever application they are for."""
    return [entry for entry in board.log.values() if entry.contact == contact_id]


def remove_contact(board: Board, contact_id: str) -> Changeset:
    """The contact gone from the job hunt: off every application, with the log
    entries that name them (a log entry may not name a contact that is not)."""
    contact = _contact(board, contact_id)
    applications = tuple(
        structs.replace(a, contacts=tuple(c for c in a.contacts if c != contact_id))
        for a in board.applications_of(contact_id)
    )
    return Changeset(
        put_applications=applications,
        delete_contacts=(contact_id,),
        delete_log=tuple(entry.key for entry in entries_naming(board, contact_id)),
        description=f"removal of {plain(contact.name)}",
    )


def _entry(board: Board, key: str) -> LogEntry:
    entry = board.log.get(key)
    if entry is None:
        raise RecordError(f"log entry {key}", "id", "does not exist")
    return entry


def edit_log_entry(board: Board, edited: LogEntry, *, before: LogEntry) -> Changeset:
    """A log entry corrected in its form. An entry that had no id is known by
    what it says (`LogEntry.key`), so when that changes the old one goes and
    the corrected one, with an id of its own, takes its place."""
    _entry(board, before.key)
    if edited == before and edited.key == before.key:
        return NOTHING
    if edited.application != before.application:
        raise RecordError(before.label, "application", "an entry stays with its application")
    change = log(board, edited)
    return Changeset(
        add_log=change.add_log,
        delete_log=(before.key,) if edited.key != before.key else (),
        description=f"correction of a {_kind(before)} for "
        f"{plain(_application(board, before.application).company)}",
    )


def remove_log_entry(board: Board, key: str) -> Changeset:
    entry = _entry(board, key)
    company = plain(_application(board, entry.application).company)
    return Changeset(delete_log=(key,), description=f"removal of a {_kind(entry)} for {company}")


def _kind(entry: LogEntry) -> str:
    return entry.kind.value.replace("_", " ")
