"""The cockpit's one main screen: board, detail and sidebar (`BoardView`).

Widgets below only show and post messages; this screen turns a key or a form's
answer into a `Changeset` (`changes`), hands it to the session (which saves it
at once), and then has every view brought up to date: the verdicts of the
applications it touched, the columns, the sidebar and the detail.

It also shows what happens to the data file from outside: another program's
save taken in, a sync tool's conflict copies offered for a merge, the file
taken over once another jobcockpit lets go of it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, TypeVar

import pendulum
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.reactive import Reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget

from jobcockpit.core.board import Board, Changeset
from jobcockpit.core.places import place_of
from jobcockpit.core.records import Application, LogEntry, LogKind, RecordError, Stage
from jobcockpit.core.settings import SETTINGS, Settings
from jobcockpit.core.text import plain
from jobcockpit.store import ReadOnlyError, StoreError
from jobcockpit.tui import changes, keys
from jobcockpit.tui.host import Host
from jobcockpit.tui.runtime import heap
from jobcockpit.tui.screens.corrections import Corrections
from jobcockpit.tui.screens.judging import TICK_SECONDS, Judging
from jobcockpit.tui.session import Saved, Session
from jobcockpit.tui.views import notices
from jobcockpit.tui.views.agenda_book import AgendaBook
from jobcockpit.tui.views.board_model import BoardModel, touched_by
from jobcockpit.tui.views.privacy import Privacy
from jobcockpit.tui.waiting import after_loading
from jobcockpit.tui.widgets.board import KanbanBoard
from jobcockpit.tui.widgets.board_view import BoardView
from jobcockpit.tui.widgets.card_column import CardColumn
from jobcockpit.tui.widgets.detail import Detail
from jobcockpit.tui.widgets.footer import CockpitFooter
from jobcockpit.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from jobcockpit.tui.screens.forms.base import FormScreen

T = TypeVar("T")


class MainScreen(Screen[None], inherit_bindings=False):
    BINDINGS: ClassVar[list[BindingType]] = list(keys.MAIN)
    AUTO_FOCUS = "CardColumn"

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """As Textual's, without repainting the whole screen on each change of
    focus: the widget losing focus and the one gaining it restyle and repaint
    themselves, and a full repaint is a third of what moving a card costs."""

    def __init__(self, session: Session, host: Host) -> None:
        super().__init__()
        self.session = session
        self.host = host
        self.privacy = Privacy()
        """Privacy mode (`*`), shared with the views that show names."""
        self.view = BoardView(session, self.privacy, host.now, id="body")
        # From before the screen is set up: a full round then would walk every
        # record of a large board that was just read (tens of ms at 10,000).
        self._thresholds = heap.defer_full_rounds()
        self._collector: Timer | None = None
        self.corrections = Corrections(self)
        self.judging = Judging(self)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield self.view
        yield CockpitFooter(compact=True)

    @property
    def user_zone(self) -> str:
        return self.session.settings.zone

    @property
    def board(self) -> Board:
        return self.session.board

    @property
    def book(self) -> AgendaBook | None:
        return self.view.book

    @property
    def model(self) -> BoardModel | None:
        return self.view.model

    def go_to(self, application_id: str) -> None:
        self.view.go_to(application_id)

    def on_mount(self) -> None:
        settings = self.session.settings
        self.view.book = AgendaBook(settings)
        self.view.model = BoardModel(settings.zone, self.privacy)
        self.judging.start()
        self.view.show(keep=None)
        self.query_one(KanbanBoard).focus_stage(Stage.APPLIED)
        self._update_subtitle()
        self.judging.painted()
        if not self.host.clock_is_frozen:
            self.set_interval(TICK_SECONDS, self.tick)
            self.judging.schedule_edge()

    def on_unmount(self) -> None:
        heap.restore(self._thresholds)

    def collect_when_idle(self) -> None:
        """A full round of the garbage collector once the user has paused."""
        if self._collector is None:
            self._collector = self.set_timer(heap.IDLE_SECONDS, self._full_round)
        else:
            self._collector.reset()

    def _full_round(self) -> None:
        self._collector = None
        heap.full_round()

    def on_card_column_opened(self, event: CardColumn.Opened) -> None:
        self.go_to(event.application_id)
        self.action_edit_application()

    @after_loading
    def on_detail_chosen(self, event: Detail.Chosen) -> None:
        (self.corrections.edit if event.what == "edit" else self.corrections.remove)(event.item)

    # -- keeping the verdicts current (`judging`) -------------------------------

    def tick(self) -> None:
        self.judging.tick()

    def _update_subtitle(self) -> None:
        frozen = self.host.clock_is_frozen
        self.sub_title = notices.status_line(
            private=self.privacy.on,
            unsaved=len(self.session.unsaved),
            read_only_reason=self.session.read_only_reason,
            as_of=self.host.now() if frozen else None,
            zone=self.user_zone,
            place=self.host.place_name,
        )

    # -- the data file seen from outside ------------------------------------------

    def _report(self, saved: Saved) -> None:
        for notice in notices.of_saving(saved):
            self.notify(**notice)
        self._update_subtitle()

    def retry_saving(self) -> None:
        """Try the changes that failed to save again; say so only once it works
        (the header keeps saying how many are waiting)."""
        saved = self.session.flush()
        if saved.error is not None and not saved.replaced:
            return
        if saved.replaced:
            self.judging.everything()
            self.view.show(keep=self.view.selected)
        if saved.error is None:
            self.notify("Saved the changes that had failed to save.")
        self._report(saved)

    def catch_up(self) -> None:
        """Take in what another program saved since the file was read (the
        app asks on a timer and on focus, while no dialog is open)."""
        saved = self.session.catch_up()
        if saved is None:
            return
        if saved.reloaded:
            self.take_in(saved)
        else:
            self.notify(**notices.unreadable_again(saved.error))

    def take_in(self, saved: Saved) -> None:
        """A board that came from the file, not from a change made here, with
        the settings read with it: judge it whole, show it, and say what happened."""
        if self.session.adopt_stored_settings():
            self.host.apply_settings(self.session.settings)
        self.judging.afresh()
        self._report(saved)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.corrections.offers(action, parameters)

    @after_loading
    def action_retry_lock(self) -> None:
        """Become the file's writer once the other jobcockpit has let go."""
        if not self.check_action("retry_lock", ()):
            return
        try:
            writable = self.session.retry_lock()
        except StoreError as error:
            self.notify(**notices.problem(error, "Still read-only"))
            return
        if not writable:
            self.notify(
                "Still open in another jobcockpit: close it there, then try again.",
                title="Still read-only",
                severity="warning",
            )
            return
        self.refresh_bindings()
        self.take_in(Saved(self.board, replaced=True))
        self.notify("The data file is yours to change now: the other jobcockpit let go of it.")
        self.offer_conflict_copies()

    def offer_conflict_copies(self) -> None:
        """Offer to merge the conflict copies a sync tool left beside the file."""
        copies = [] if self.host.demo else self.session.conflict_copies()
        if not copies:
            return
        from jobcockpit.tui.screens.conflicts import ConflictCopiesScreen

        if self.session.store.read_only:
            self.notify(**notices.copies_left_read_only(len(copies)))
            return
        reports = self.session.survey(copies)

        def decided(merge: bool | None) -> None:
            if merge:
                readable: list[Path] = [r.copy for r in reports if r.merge is not None]
                for merged in self.session.merge_copies(readable, self.host.now(), self.commit):
                    self.notify(**notices.merged_copy(merged))

        self.app.push_screen(ConflictCopiesScreen(reports, self.board), decided)

    # -- changing the job hunt -------------------------------------------------

    def current_application(self, shows_names: bool = True) -> Application | None:
        """The selected application, to change; None (and why) when there is
        none, when its dialog would show the names privacy mode hides, or when
        nothing may be changed."""
        selected = self.view.selected
        application = self.board.applications.get(selected) if selected else None
        if application is None:
            self.notify("Select an application first (or press n for a new one).")
        elif shows_names and self.privacy.on:
            self.notify("Names are hidden: press * to show them, then try again.")
            return None
        return application if application is not None and self._writable() else None

    def _writable(self) -> bool:
        reason = self.session.read_only_reason
        if reason is not None:
            self.notify(f"Read-only: {plain(reason)}", severity="warning", markup=False)
            return False
        return True

    def commit(self, change: Changeset, select: str | None = None) -> bool:
        """Apply and save `change`; the views follow. False if it was refused."""
        before = self.board
        try:
            saved = self.session.change(change)
        except ReadOnlyError as error:
            self.notify(**notices.warning(error))
            return False
        except RecordError as error:
            self.notify(**notices.problem(error, "Not changed"))
            return False
        self.after_change(change, before, saved, select)
        return True

    def after_change(
        self, change: Changeset, before: Board, saved: Saved, select: str | None
    ) -> None:
        touched = touched_by(change, before, self.board)
        if saved.replaced:
            self.judging.everything()
        else:
            self.judging.changed(touched)
        keep = select if select is not None else self.view.selected
        if keep is not None and keep not in self.board.applications:
            keep = None
        self.view.show(keep=keep, changed=None if saved.replaced else touched)
        self._report(saved)
        self.collect_when_idle()

    def _today(self) -> pendulum.Date:
        return self.host.now().in_timezone(self.user_zone).date()

    def default_contact(self, application: Application) -> str | None:
        if self.view.book is None:
            return None
        best = self.view.book.best(application.id)
        if best is not None:
            return best.contact
        return application.contacts[0] if application.contacts else None

    def ask(
        self,
        dialog: FormScreen[T],
        change: Callable[[Board, T], Changeset],
        select: str | None,
        unchanged: str = "",
    ) -> None:
        """Open `dialog`; its answer, made into a change, is committed."""

        def done(answer: T | None) -> None:
            if answer is not None:
                self.make_change(lambda board: change(board, answer), select, unchanged)

        self.app.push_screen(dialog, done)

    def make_change(
        self, make: Callable[[Board], Changeset], select: str | None, unchanged: str = ""
    ) -> None:
        """Commit what `make` makes of the board now; `unchanged` says why
        nothing changed when it makes nothing."""
        try:
            change = make(self.board)
        except RecordError as error:
            self.notify(**notices.problem(error, "Not changed"))
            return
        if change:
            self.commit(change, select=select)
        elif unchanged:
            self.notify(unchanged)

    @after_loading
    def action_new_application(self) -> None:
        from jobcockpit.tui.screens import forms

        if self._writable():
            form = forms.ApplicationForm(application=None, today=self._today())
            self.ask(form, changes.new_application, select=form.new_id)

    @after_loading
    def action_edit_application(self) -> None:
        from jobcockpit.tui.screens import forms

        application = self.current_application()
        if application is not None:
            self.ask(
                forms.ApplicationForm(application=application, today=self._today()),
                partial(changes.edit_application, before=application),
                select=application.id,
            )

    @after_loading
    def action_add_contact(self) -> None:
        from jobcockpit.tui.screens import forms

        application = self.current_application()
        if application is None:
            return
        existing = sorted(self.board.contacts.values(), key=lambda c: c.name.casefold())
        self.ask(
            forms.ContactForm(contact=None, existing=existing, user_zone=self.user_zone),
            partial(changes.add_contact, application_id=application.id),
            select=application.id,
            unchanged="That contact is already linked to this application.",
        )

    @after_loading
    def action_log_call(self) -> None:
        self._log(None)

    def _log(self, kind: LogKind | None) -> None:
        """Log a call (`kind` None: the form asks how it went) or an entry of `kind`."""
        from jobcockpit.tui.screens import forms

        application = self.current_application()
        if application is None:
            return
        default = self.default_contact(application)
        contacts = self.board.contacts_of(application)
        now, zone = self.host.now(), self.user_zone
        form: FormScreen[LogEntry]
        if kind is None:
            book = self.view.book
            verdicts = book.verdicts_of(application.id) if book is not None else ()
            verdict = next((v for v in verdicts if v.contact == default), None)
            points = verdict.talking_points if verdict is not None else None
            form = forms.CallForm(application, contacts, points, now, zone, default)
        else:
            form = forms.LogForm(kind, application, contacts, now, zone, default)
        self.ask(form, changes.log, select=application.id)

    @after_loading
    def action_log_email(self) -> None:
        self._log(LogKind.EMAIL)

    @after_loading
    def action_log_thank_you(self) -> None:
        self._log(LogKind.THANK_YOU)

    @after_loading
    def action_log_reply(self) -> None:
        self._log(LogKind.REPLY)

    @after_loading
    def action_draft(self, how: str) -> None:
        """The selected card's follow-up as a draft, opened in the mail program
        or copied (`tui.drafting`); it changes nothing, so read-only is fine."""
        from jobcockpit.tui import drafting

        drafting.hand_over(self, self.board.applications.get(self.view.selected or ""), how)

    @after_loading
    def action_next_stage(self) -> None:
        from jobcockpit.tui.screens import forms

        application = self.current_application()
        if application is None:
            return
        target = application.stage.next
        if target is None:
            self.notify("Already decided: this is the last stage.")
            return
        people = self.board.contacts_of(application)
        form = forms.StageForm(
            application=application,
            target=target,
            now=self.host.now(),
            zone=self.user_zone,
            their_zone=place_of(people[0], self.user_zone).zone if people else None,
        )
        self.ask(form, changes.move_forward, select=application.id)

    @after_loading
    def action_previous_stage(self) -> None:
        """Moving back corrects a mistake: nothing to ask, the log stays."""
        application = self.current_application(shows_names=False)
        if application is None:
            return
        if application.stage.previous is None:
            self.notify("Already in the first stage.")
            return
        self.make_change(lambda board: changes.move_back(board, application.id), application.id)

    @after_loading
    def action_delete_application(self) -> None:
        from jobcockpit.tui.screens import forms

        application = self.current_application()
        if application is None:
            return
        question = (
            f"Delete the application at {plain(application.company)} "
            f"({plain(application.position)}) and its log?"
        )

        def done(confirmed: bool | None) -> None:
            if confirmed:
                self.make_change(
                    lambda board: changes.delete_application(board, application.id), None
                )

        self.app.push_screen(forms.ConfirmDialog(question, confirm_label="Delete"), done)

    @after_loading
    def action_take_back(self, way: str) -> None:
        self.corrections.take_back(way)

    @after_loading
    def action_copy_contact(self) -> None:
        self.corrections.copy_contact()

    def action_open_posting(self) -> None:
        self.corrections.open_posting()

    def action_filter(self) -> None:
        self.view.open_filter()

    @after_loading
    def action_stats(self) -> None:
        from jobcockpit.tui.screens.stats import StatsScreen

        self.app.push_screen(StatsScreen(self.board, self._today()))

    def action_help(self) -> None:
        from jobcockpit.tui.screens.help import HelpScreen

        locked = bool(self.check_action("retry_lock", ()))
        self.app.push_screen(HelpScreen(keys.key_rows(self.session.settings.keymap, locked)))

    def action_privacy(self) -> None:
        """Hide names for screen sharing, or show them again (not saved)."""
        hidden = self.privacy.toggle()
        self.view.show(keep=self.view.selected)
        self._update_subtitle()
        self.notify("Names hidden: * shows them again." if hidden else "Names shown.")

    @after_loading
    def action_settings(self) -> None:
        from jobcockpit.tui.screens.settings import SettingsScreen

        if not self._writable():
            return
        note = "A demo board: settings last until you quit." if self.host.demo else ""
        self.app.push_screen(
            SettingsScreen(self.session.settings, list(self.app.available_themes), note=note),
            self._save_settings,
        )

    def _save_settings(self, settings: Settings | None) -> None:
        """Save the settings through the session, as the theme is saved; the
        app puts them in force, and the board is judged by the new numbers."""
        before = self.session.settings
        if settings is None or settings == before:
            return
        try:
            self.session.save_settings(settings)
        except StoreError as error:
            self.notify(**notices.problem(error, "Settings not saved"))
            return
        self.host.apply_settings(settings)
        self.judging.afresh()
        self.judging.schedule_edge()
        self._update_subtitle()
        changed = [key for key in SETTINGS if getattr(settings, key) != getattr(before, key)]
        self.notify(f"Saved {', '.join(changed)}.", title="Settings", markup=False)
