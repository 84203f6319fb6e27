"""Correcting and removing what the detail shows, undo and redo, the small
errands of the selected card (its posting opened in the browser, a contact's
number copied to the clipboard), and which of the main screen's keys are
offered at the moment.

The detail puts a cursor on one record at a time (the application, one of
its contacts, one of its log entries). `e` opens it in the very form that
made it, filled in, with the same checks; `x` removes it after asking (a
contact: only from this application, or from the job hunt). Each change goes
through `changes` and the main screen like any other, so undo (`u`) and redo
(`U`) take it back and forth.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from textual.content import Content

from jobcockpit.core.board import Board, Changeset
from jobcockpit.core.records import Application, Contact, LogEntry, RecordError
from jobcockpit.core.text import plain
from jobcockpit.store import LOCKED_ELSEWHERE, ReadOnlyError
from jobcockpit.tui import changes
from jobcockpit.tui.views import notices
from jobcockpit.tui.views.text import literal
from jobcockpit.tui.views.wording import clock, local
from jobcockpit.tui.widgets.detail import DetailItem, ItemKind

if TYPE_CHECKING:
    from textual.app import App

    from jobcockpit.tui.host import Host
    from jobcockpit.tui.screens.forms.base import FormScreen
    from jobcockpit.tui.session import Saved, Session
    from jobcockpit.tui.views.privacy import Privacy
    from jobcockpit.tui.widgets.board_view import BoardView

T = TypeVar("T")


class Editing(Protocol):
    """What the corrections ask of the main screen."""

    @property
    def app(self) -> App[Any]: ...

    @property
    def board(self) -> Board: ...

    @property
    def user_zone(self) -> str: ...

    privacy: Privacy
    session: Session
    view: BoardView
    host: Host

    def after_change(
        self, change: Changeset, before: Board, saved: Saved, select: str | None
    ) -> None: ...

    def action_edit_application(self) -> None: ...

    def action_delete_application(self) -> None: ...

    def current_application(self, shows_names: bool = True) -> Application | None: ...

    def ask(
        self,
        dialog: FormScreen[T],
        change: Callable[[Board, T], Changeset],
        select: str | None,
        unchanged: str = "",
    ) -> None: ...

    def make_change(
        self, make: Callable[[Board], Changeset], select: str | None, unchanged: str = ""
    ) -> None: ...

    def default_contact(self, application: Application) -> str | None: ...


CARD_ACTIONS = frozenset(
    {
        "edit_application",
        "add_contact",
        "log_call",
        "log_email",
        "log_thank_you",
        "log_reply",
        "draft",
        "next_stage",
        "previous_stage",
        "delete_application",
        "copy_contact",
    }
)
"""What only a selected card can be asked: off the footer while there is none."""


class Corrections:
    def __init__(self, screen: Editing) -> None:
        self.screen = screen

    def offers(self, action: str, parameters: tuple[object, ...] = ()) -> bool:
        """Whether the main screen offers `action` now (the footer, the help
        and the palette show only what can be done): retrying the lock while
        another jobcockpit holds the file, a card's keys with a card
        selected, redo with something undone, the posting with a link."""
        if action == "retry_lock":
            store = self.screen.session.store
            return store.read_only and store.read_only_reason == LOCKED_ELSEWHERE
        selected = self.screen.view.selected_application()
        if action in CARD_ACTIONS:
            return selected is not None
        if action == "take_back" and parameters == ("redo",):
            return self.screen.session.undo_stack.can_redo
        if action == "open_posting":
            return selected is not None and bool(selected.posting_url)
        return True

    def _say(self, message: str) -> None:
        self.screen.app.notify(message, markup=False)

    def edit(self, item: DetailItem) -> None:
        """Open the record under the detail's cursor in its form."""
        from jobcockpit.tui.screens import forms

        screen = self.screen
        application = screen.current_application()
        if application is None:
            return
        if item.kind is ItemKind.APPLICATION:
            screen.action_edit_application()
        elif item.kind is ItemKind.CONTACT:
            contact = screen.board.contacts.get(item.key)
            if contact is not None:
                form = forms.ContactForm(contact=contact, existing=[], user_zone=screen.user_zone)
                screen.ask(
                    form,
                    partial(changes.edit_contact, before=contact),
                    select=application.id,
                    unchanged="Nothing was changed.",
                )
        else:
            entry = screen.board.log.get(item.key)
            if entry is not None:
                screen.ask(
                    self._entry_form(entry, application),
                    partial(changes.edit_log_entry, before=entry),
                    select=application.id,
                    unchanged="Nothing was changed.",
                )

    def _entry_form(self, entry: LogEntry, application: Application) -> FormScreen[LogEntry]:
        from jobcockpit.tui.screens import forms

        screen = self.screen
        contacts = screen.board.contacts_of(application)
        named = screen.board.contacts.get(entry.contact) if entry.contact else None
        if named is not None and named not in contacts:
            contacts.append(named)  # unlinked since, yet still named by the entry
        now, zone = screen.host.now(), screen.user_zone
        if entry.kind.is_call:
            return forms.CallForm(application, contacts, None, now, zone, None, entry=entry)
        return forms.LogForm(entry.kind, application, contacts, now, zone, None, entry=entry)

    def remove(self, item: DetailItem) -> None:
        """Remove the record under the detail's cursor, once the person says so."""
        from jobcockpit.tui.screens import forms

        screen = self.screen
        application = screen.current_application()
        if application is None:
            return
        if item.kind is ItemKind.APPLICATION:
            screen.action_delete_application()
            return
        if item.kind is ItemKind.CONTACT:
            contact = screen.board.contacts.get(item.key)
            if contact is not None:
                self._remove_contact(contact, application)
            return
        entry = screen.board.log.get(item.key)
        if entry is None:
            return

        def done(confirmed: bool | None) -> None:
            if confirmed:
                screen.make_change(
                    lambda board: changes.remove_log_entry(board, entry.key), application.id
                )

        question = Content("\n").join(
            [
                literal(f"Remove this entry from the log of {application.company}?"),
                Content(""),
                literal(self.describe_entry(entry)),
            ]
        )
        screen.app.push_screen(forms.ConfirmDialog(question, confirm_label="Remove"), done)

    def describe_entry(self, entry: LogEntry) -> str:
        """A log entry in one line: when (the user's time), what, with whom."""
        zone = self.screen.user_zone
        when = local(entry.at, zone).strftime("%a %d %b %Y ") + clock(entry.at, zone)
        contact = self.screen.board.contacts.get(entry.contact) if entry.contact else None
        with_whom = f", {plain(contact.name)}" if contact is not None else ""
        note = f": “{plain(entry.note)}”" if entry.note else ""
        return f"{when} ({zone}), {entry.kind.value.replace('_', ' ')}{with_whom}{note}"

    def _remove_contact(self, contact: Contact, application: Application) -> None:
        from jobcockpit.tui.screens import forms

        screen = self.screen
        others = [a for a in screen.board.applications_of(contact.id) if a.id != application.id]
        entries = changes.entries_naming(screen.board, contact.id)

        def done(how: str | None) -> None:
            if how == "unlink":
                screen.make_change(
                    lambda board: changes.unlink_contact(
                        board, contact.id, application_id=application.id
                    ),
                    application.id,
                )
            elif how == "remove":
                screen.make_change(
                    lambda board: changes.remove_contact(board, contact.id), application.id
                )

        dialog = forms.RemoveContactDialog(
            plain(contact.name), plain(application.company), len(others), len(entries)
        )
        screen.app.push_screen(dialog, done)

    # -- undo and redo -------------------------------------------------------------

    def take_back(self, way: str) -> None:
        """Undo the last change, or redo the last one undone (`way`)."""
        screen = self.screen
        before = screen.board
        try:
            done = screen.session.undo() if way == "undo" else screen.session.redo()
        except ReadOnlyError as error:
            screen.app.notify(**notices.warning(error))
            return
        except RecordError as error:
            screen.app.notify(**notices.problem(error, f"Cannot {way}"))
            return
        if done is None:
            self._say(f"Nothing to {way}.")
            return
        screen.after_change(done.change, before, done.saved, screen.view.selected)
        said = "the last change" if screen.privacy.on else done.description or "the last change"
        self._say(f"{'Undone' if way == 'undo' else 'Redone'}: {said}")
        screen.app.refresh_bindings()

    # -- errands -------------------------------------------------------------------

    def contact_to_copy(self) -> Contact | None:
        """The contact under the detail's cursor, or on a log entry there, else
        the one the card says to call."""
        screen = self.screen
        board = screen.board
        item = screen.view.detail_item()
        if item is not None and item.kind is ItemKind.CONTACT:
            return board.contacts.get(item.key)
        if item is not None and item.kind is ItemKind.LOG:
            entry = board.log.get(item.key)
            if entry is not None and entry.contact is not None:
                return board.contacts.get(entry.contact)
        selected = screen.view.selected_application()
        if selected is None:
            return None
        default = screen.default_contact(selected)
        return board.contacts.get(default) if default else None

    def copy_contact(self) -> None:
        """The contact's phone number, else their e-mail address, to the clipboard."""
        contact = self.contact_to_copy()
        if contact is None:
            self._say("No contact to copy from: press a to add one.")
            return
        value = contact.phone or contact.email
        if not value:
            self._say(f"{self._name(contact)} has no phone number or e-mail address yet.")
            return
        self.screen.app.copy_to_clipboard(value)
        what = "phone number" if contact.phone else "e-mail address"
        shown = "" if self.screen.privacy.on else f": {plain(value)}"
        self._say(f"Copied {self._name(contact)}'s {what}{shown}")

    def _name(self, contact: Contact) -> str:
        if self.screen.privacy.on:
            return self.screen.privacy.names(self.screen.board).contact(contact)
        return plain(contact.name)

    def open_posting(self) -> None:
        application = self.screen.view.selected_application()
        if application is None:
            self._say("Select an application first.")
            return
        url = (application.posting_url or "").strip()
        if not url:
            self._say("No posting link for this application: e adds one.")
            return
        self.screen.app.open_url(url)
        shown = "" if self.screen.privacy.on else f": {plain(url)}"
        self._say(f"Opening the posting in the browser{shown}")
