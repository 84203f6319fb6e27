"""The main screen's verdicts, kept current, and the second step of opening.

A data file opened board first (`Store.open(board_first=True)`) paints from
its applications alone; the contacts and the log are read in a thread once
the board is on screen, and judged there too. Until then every card says
"judging..." in its badge's place and the sidebar that it is working out who
to call; a key that changes the hunt or reads the contacts and the log waits
(`tui.waiting`) and acts once everything is in. A file found damaged in that
second step ends the cockpit with the error the one-step open gives: nothing
was saved, as nothing may be before the whole file is read.

After that the whole board is judged again only when it changed whole (a
reload, new settings); a change judges what it touched, and the clock what
it overtook, waking exactly when the next verdict changes.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Protocol

from textual.timer import Timer
from textual.worker import get_current_worker

from jobcockpit.core.board import Board
from jobcockpit.store import StoreError
from jobcockpit.tui.runtime import heap
from jobcockpit.tui.views.agenda_book import AgendaBook

if TYPE_CHECKING:
    from jobcockpit.tui.host import Host
    from jobcockpit.tui.session import Session
    from jobcockpit.tui.widgets.board_view import BoardView

SYNC_JUDGE_LIMIT = 1500
"""A board read whole, up to this many applications, is judged before the
first paint; a larger one paints first and is judged in a thread (0.7 s at
10,000). A board read applications first is always judged after."""

TICK_SECONDS = 30.0
"""How often a live clock refreshes countdowns and "their time now"."""


class Judged(Protocol):
    """What the judging asks of the main screen; the threads and timers are
    the view's, which lives as long as the screen."""

    session: Session
    view: BoardView
    host: Host

    @property
    def board(self) -> Board: ...

    @property
    def user_zone(self) -> str: ...

    def tick(self) -> None: ...

    def collect_when_idle(self) -> None: ...

    def retry_saving(self) -> None: ...


class Judging:
    def __init__(self, screen: Judged) -> None:
        self.screen = screen
        self.busy = False
        """A judging of the whole board is under way in a thread."""
        self._changed_meanwhile: set[str] = set()
        self._edge_timer: Timer | None = None
        self._opened_on: str | None = None
        """The card selected when the board was first painted, before it was judged."""

    @property
    def _session(self) -> Session:
        return self.screen.session

    def start(self) -> None:
        """On mount: judge the board, or finish reading it first, after the first paint."""
        screen = self.screen
        if self._session.loaded:
            self.everything()
        else:
            self.busy = True
            screen.view.call_after_refresh(self._read_the_rest, screen.host.now())

    def painted(self) -> None:
        """The first paint is done: remember the card it selected."""
        self._opened_on = self.screen.view.selected if self.busy else None

    def everything(self) -> None:
        """Judge the whole board: at once when small, else in a thread while
        the board shows what it can."""
        screen = self.screen
        now = screen.host.now()
        board = screen.board
        if len(board) <= SYNC_JUDGE_LIMIT:
            book = AgendaBook(self._session.settings)
            book.judge_all(board, now)
            screen.view.book = book
            self.busy = False
            self._changed_meanwhile = set()
            heap.settle()
        else:
            # After the board is on screen: the thread would slow the first paint.
            self.busy = True
            screen.view.call_after_refresh(self._judge_in_thread, board, now)

    def _judge_in_thread(self, board: Board, now: dt.datetime) -> None:
        def judge() -> None:
            book = AgendaBook(self._session.settings)
            book.judge_all(board, now)
            if not get_current_worker().is_cancelled:
                self.screen.view.app.call_from_thread(self._install, book, board)

        self.screen.view.run_worker(judge, thread=True, exclusive=True, group="judge")

    def _read_the_rest(self, now: dt.datetime) -> None:
        session = self._session

        def read_and_judge() -> None:
            try:
                board = session.read_the_rest()
            except StoreError as error:
                self.screen.view.app.call_from_thread(self.screen.host.could_not_open, error)
                return
            book = AgendaBook(session.settings)
            book.judge_all(board, now)
            if not get_current_worker().is_cancelled:
                self.screen.view.app.call_from_thread(self._take_whole, book, board)

        self.screen.view.run_worker(read_and_judge, thread=True, exclusive=True, group="judge")

    def _take_whole(self, book: AgendaBook, board: Board) -> None:
        """The rest of the file is read and judged: the board is whole now,
        and what waited for it acts."""
        self._session.take_the_rest(board)
        self._install(book, board)
        self.screen.host.loaded()

    def _install(self, book: AgendaBook, judged: Board) -> None:
        screen = self.screen
        self.busy = False
        screen.view.book = book
        if screen.board is not judged and self._changed_meanwhile:
            book.judge(screen.board, self._changed_meanwhile, screen.host.now())
        self._changed_meanwhile = set()
        screen.view.show(keep=screen.view.selected)
        opened_on, self._opened_on = self._opened_on, None
        if opened_on is not None and screen.view.selected == opened_on:
            # The first judging sorted the cards that ask for action first;
            # a user who has not moved yet starts at the top, as on a board
            # judged before its first paint.
            screen.view.go_to_top()
        heap.settle()
        self.schedule_edge()

    def changed(self, touched: set[str]) -> None:
        """A change touched these applications: judge them again, or after
        the judging under way."""
        book = self.screen.view.book
        if self.busy:
            self._changed_meanwhile |= touched
        elif book is not None:
            book.judge(self.screen.board, touched, self.screen.host.now())
            self.schedule_edge()

    def tick(self) -> None:
        """The clock moved: judge again what it overtook, reword countdowns."""
        screen = self.screen
        view = screen.view
        book = view.book
        if book is None or view.model is None or not book.ready:
            return
        now = screen.host.now()
        screen.collect_when_idle()
        if self._session.unsaved:
            screen.retry_saving()
        stale = book.overtaken(now)
        if stale:
            book.judge(screen.board, stale, now)
            view.show(keep=view.selected, changed=stale)
        else:
            view.reword()
        self.schedule_edge()

    def schedule_edge(self) -> None:
        """Wake exactly when the next verdict changes, not up to a tick later."""
        screen = self.screen
        if screen.host.clock_is_frozen:
            return
        if self._edge_timer is not None:
            self._edge_timer.stop()
            self._edge_timer = None
        book = screen.view.book
        if book is None or book.next_edge is None:
            return
        delay = (book.next_edge - screen.host.now()).total_seconds() + 0.5
        if 0 < delay < TICK_SECONDS * 4:
            self._edge_timer = screen.view.set_timer(delay, screen.tick)

    def afresh(self) -> None:
        """The whole board judged again, by the settings in force and in
        their zone (they may have changed), and shown."""
        screen = self.screen
        if screen.view.model is not None:
            screen.view.model.user_zone = screen.user_zone
        self.everything()
        screen.view.show(keep=screen.view.selected)
