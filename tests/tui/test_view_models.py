"""The cockpit's plain-Python parts, without a screen: literal text, wording,
the board's columns and order, the verdict book, undo and saving."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import factories
import pendulum
import pytest
from factories import NOW, SETTINGS, USER_ZONE
from msgspec import structs

from jobcockpit.core.board import Board, Changeset
from jobcockpit.core.records import Application, LogEntry, LogKind, RecordError, Stage
from jobcockpit.core.rules import agenda
from jobcockpit.core.text import plain as clean
from jobcockpit.core.verdicts import CallWindow, Verdict, VerdictKind
from jobcockpit.store import ReadOnlyError, SaveError, Store
from jobcockpit.tui.session import Session
from jobcockpit.tui.undo import UndoStack
from jobcockpit.tui.views.agenda_book import AgendaBook
from jobcockpit.tui.views.board_model import BoardModel
from jobcockpit.tui.views.figures import applications_per_week, funnel
from jobcockpit.tui.views.text import clean_lines, literal
from jobcockpit.tui.views.wording import Badge, badge, countdown, days_ago, short_date, window_text

NY = "America/New_York"

# -- literal text ----------------------------------------------------------------


def test_user_text_loses_control_characters_and_keeps_brackets() -> None:
    assert clean("[red]x\x1b[31m\x07 ok") == "[red]x[31m ok"
    assert clean("a\u202eb\tc\nd") == "ab c d"
    assert clean(None) == ""
    assert clean_lines("one\ntwo\x00") == ["one", "two"]


def test_literal_content_is_never_markup() -> None:
    content = literal("[b]bold[/b] [@click=app.quit]quit")
    assert content.plain == "[b]bold[/b] [@click=app.quit]quit"
    assert not content.spans


# -- wording ---------------------------------------------------------------------


def test_days_and_countdowns_read_as_a_person_says_them() -> None:
    assert days_ago(NOW.subtract(days=9), NOW, USER_ZONE) == "9 d ago"
    assert days_ago(NOW.subtract(hours=1), NOW, USER_ZONE) == "today"
    assert days_ago(NOW.add(days=2), NOW, USER_ZONE) == "in 2 d"
    assert countdown(NOW.add(minutes=55), NOW) == "in 55 min"
    assert countdown(NOW.add(hours=1, minutes=55), NOW) == "in 1 h 55 min"
    assert countdown(NOW.add(hours=20), NOW) == "in 20 h"
    assert countdown(NOW.subtract(hours=3), NOW) == "3 h late"
    assert countdown(NOW.subtract(days=4), NOW) == "4 d late"


def test_dates_within_the_week_are_weekday_names() -> None:
    today = NOW.date()
    assert short_date(today, today) == "today"
    assert short_date(today.add(days=1), today) == "tomorrow"
    assert short_date(today.add(days=2), today) == "Thu"
    assert short_date(today.add(days=10), today) == "27 Nov"
    assert short_date(pendulum.date(2027, 1, 5), today) == "5 Jan 2027"


def _window(start: str, end: str) -> CallWindow:
    zone = pendulum.timezone(NY)
    return CallWindow(
        pendulum.parse(f"2026-11-17T{start}", tz=zone),  # type: ignore[arg-type]
        pendulum.parse(f"2026-11-17T{end}", tz=zone),  # type: ignore[arg-type]
    )


def test_a_window_reads_in_their_time_and_the_users() -> None:
    later = _window("14:00", "16:00")
    assert window_text(later, NOW, NY, USER_ZONE) == "14:00-16:00 their time, 20:00-22:00 yours"
    assert window_text(later, NOW, NY, NY) == "14:00-16:00"
    open_now = _window("09:00", "11:30")
    assert window_text(open_now, NOW, NY, USER_ZONE) == "now until 11:30 their time (17:30 yours)"


def test_the_badge_says_what_to_do() -> None:
    def verdict(kind: VerdictKind, **fields: object) -> Verdict:
        return Verdict("a", "c", kind, (), "", zone=NY, **fields)  # type: ignore[arg-type]

    assert badge(
        verdict(VerdictKind.CALL, windows=(_window("09:00", "11:30"),)), NOW, USER_ZONE
    ) == (
        "call now",
        Badge.CALL_NOW,
    )
    assert badge(
        verdict(VerdictKind.CALL, windows=(_window("14:00", "16:00"),)), NOW, USER_ZONE
    ) == (
        "call 20:00",
        Badge.CALL_LATER,
    )
    assert badge(verdict(VerdictKind.WAIT, next=pendulum.date(2026, 11, 19)), NOW, USER_ZONE) == (
        "wait until Thu",
        Badge.WAIT,
    )
    assert badge(verdict(VerdictKind.EMAIL), NOW, USER_ZONE)[0] == "e-mail"
    assert badge(verdict(VerdictKind.DONE), NOW, USER_ZONE)[0] == "done"
    assert badge(None, NOW, USER_ZONE) == ("no contact yet", Badge.NONE)


# -- the board's columns -----------------------------------------------------------


def _model(board: Board) -> tuple[BoardModel, AgendaBook]:
    book = AgendaBook(SETTINGS)
    book.judge_all(board, NOW)
    model = BoardModel(USER_ZONE)
    model.rebuild(board, book, NOW)
    return model, book


def test_columns_hold_their_stage_with_calls_open_now_first() -> None:
    model, _ = _model(factories.board())
    assert model.columns[Stage.APPLIED] == [
        "a-bright",  # call now
        "a-acme",  # call later today, overdue
        "a-hooli",  # e-mail
        "a-evil",  # wait until Fri
        "a-wayne",  # do not contact
        "a-stark",  # no contact yet
    ]
    assert model.columns[Stage.INTERVIEWED] == ["a-globex", "a-north"]
    assert model.columns[Stage.DECIDED] == ["a-initech", "a-umbrella"]
    assert model.header(Stage.APPLIED) == "Applied 6"


def test_a_card_says_company_position_time_in_stage_badge_and_thank_you() -> None:
    model, _ = _model(factories.board())
    acme = model.card("a-acme")
    assert acme is not None
    assert (acme.company, acme.position, acme.since) == (
        "Acme Tools",
        "Data analyst",
        "applied 15 d ago",
    )
    assert (acme.badge, acme.overdue) == ("call 15:30", True)
    north = model.card("a-north")
    assert north is not None
    assert north.since == "interviewed 1 d ago"
    assert north.note == "thank-you in 1 h 55 min"
    initech = model.card("a-initech")
    assert initech is not None
    assert initech.since == "rejected 1 d ago"
    assert initech.note == "courtesy by tomorrow 23:59"
    evil = model.card("a-evil")
    assert evil is not None
    assert evil.company == factories.MARKUP_COMPANY
    assert evil.position == "[b]Chief[/b] [31mtester"


def test_the_filter_keeps_matching_cards_and_counts_what_is_hidden() -> None:
    board = factories.board()
    model, book = _model(board)
    model.set_filter("dana")
    model.rebuild(board, book, NOW)
    assert model.columns[Stage.APPLIED] == ["a-acme"]
    assert model.columns[Stage.DECIDED] == []
    assert model.header(Stage.APPLIED) == "Applied 1 of 6"
    model.set_filter("ANALYST")
    model.rebuild(board, book, NOW)
    assert set(model.columns[Stage.INTERVIEWED]) == {"a-north"}
    assert model.locate("a-globex") is None


# -- the verdict book -----------------------------------------------------------------


def test_judging_only_what_changed_gives_what_judging_everything_gives() -> None:
    board = factories.board()
    book = AgendaBook(SETTINGS)
    book.judge_all(board, NOW)
    call = LogEntry(
        application="a-bright",
        kind=LogKind.CONNECTED,
        at=NOW.subtract(minutes=5),
        contact="c-jonas",
    )
    change = Changeset(add_log=(call,), delete_applications=("a-stark",))
    after = board.apply(change)
    book.judge(after, change.touched_applications, NOW)
    whole = agenda(after, SETTINGS, NOW)
    assert book.agenda is not None
    assert book.agenda.verdicts == whole.verdicts
    assert book.agenda.tasks == whole.tasks
    assert book.best("a-bright") is not None
    assert book.best("a-bright").kind is VerdictKind.WAIT  # type: ignore[union-attr]


def test_the_book_knows_when_the_clock_overtakes_a_verdict() -> None:
    board = factories.board()
    book = AgendaBook(SETTINGS)
    book.judge_all(board, NOW)
    assert book.next_edge is not None and book.next_edge > NOW
    assert book.overtaken(NOW) == set()
    later = pendulum.instance(book.next_edge).add(seconds=1)
    stale = book.overtaken(later)
    assert stale
    book.judge(board, stale, later)
    assert book.agenda == agenda(board, SETTINGS, later)


# -- figures ------------------------------------------------------------------------


def test_the_funnel_counts_each_stage_reached() -> None:
    figures = funnel(factories.board())
    assert (figures.applied, figures.interviewed, figures.decided, figures.offers) == (10, 4, 2, 1)
    assert figures.responded == 4
    assert figures.response_rate == pytest.approx(0.4)


def test_applications_are_counted_per_week_monday_to_sunday() -> None:
    weekly = applications_per_week(factories.board(), NOW.date(), weeks=4)
    # weeks starting 26 Oct, 2 Nov, 9 Nov, 16 Nov
    assert weekly == [0, 3, 2, 1]


# -- undo and saving --------------------------------------------------------------------


def _renamed(board: Board, app_id: str, company: str) -> Changeset:
    application = board.applications[app_id]
    return Changeset(
        put_applications=(structs.replace(application, company=company),),
        description=f"rename to {company}",
    )


def test_undo_goes_back_several_levels_and_saves_each_step() -> None:
    store = Store.in_memory(factories.board(), SETTINGS)
    session = Session(store)
    session.change(_renamed(session.board, "a-acme", "One"))
    session.change(_renamed(session.board, "a-acme", "Two"))
    session.change(Changeset(delete_applications=("a-north",), description="delete"))
    assert "a-north" not in store.board.applications
    for expected in ("delete", "rename to Two", "rename to One"):
        undone = session.undo()
        assert undone is not None and undone.description == expected
    assert store.board.applications["a-acme"].company == "Acme Tools"
    assert "a-north" in store.board.applications
    assert len(store.board.log_of("a-north")) == 1
    assert session.undo() is None


def test_the_undo_stack_forgets_the_oldest_beyond_its_depth() -> None:
    board = factories.board()
    stack = UndoStack(limit=2)
    for name in ("a", "b", "c"):
        stack.record(board, _renamed(board, "a-acme", name))
    assert len(stack) == 2
    assert stack.next_description == "rename to c"


def test_a_bad_change_is_refused_whole() -> None:
    store = Store.in_memory(factories.board(), SETTINGS)
    session = Session(store)
    orphan = LogEntry(application="a-nobody", kind=LogKind.EMAIL, at=NOW)
    with pytest.raises(RecordError):
        session.change(Changeset(add_log=(orphan,)))
    assert session.board is store.board
    assert len(session.undo_stack) == 0


def test_a_failed_save_keeps_the_change_and_saves_it_later(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "hunt.json"
    with Store.open(path, create=True) as store:
        stark = next(a for a in factories.applications() if a.id == "a-stark")
        store.commit(Changeset(put_applications=(stark,)))
    store = Store.open(path)
    session = Session(store)
    storage = store._storage
    real_write = storage.write

    def disk_full(data: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage, "write", disk_full)
    new = Application(id="a-new", company="Nova", position="", applied_on=NOW.date())
    saved = session.change(Changeset(put_applications=(new,)))
    assert isinstance(saved.error, SaveError)
    assert "a-new" in session.board.applications
    assert "a-new" not in store.board.applications
    assert len(session.unsaved) == 1

    monkeypatch.setattr(storage, "write", real_write)
    again = session.flush()
    assert again.saved
    assert not session.unsaved
    assert "a-new" in Store.open(path).board.applications


def test_a_read_only_store_refuses_every_change() -> None:
    store = Store.in_memory(factories.board(), SETTINGS)
    store.read_only = True
    store.read_only_reason = "made by a newer jobcockpit"
    session = Session(store)
    with pytest.raises(ReadOnlyError, match="newer jobcockpit"):
        session.change(_renamed(session.board, "a-acme", "X"))
    assert store.board.applications["a-acme"].company == "Acme Tools"


def test_now_is_a_fixed_moment_in_the_fixtures() -> None:
    assert dt.datetime(2026, 11, 17, 14, 5, tzinfo=dt.UTC) == NOW


class _SharedFile:
    """A store whose file another program also writes: each save brings in
    that program's change too, the way `Store.commit` merges it."""

    def __init__(self, board: Board, theirs: Changeset) -> None:
        self.board = board
        self.settings = SETTINGS
        self.read_only = False
        self.read_only_reason: str | None = None
        self.path = None
        self.theirs = theirs

    def commit(self, change: Changeset, *, applied: tuple[Board, Board] | None = None) -> Board:
        # Another program's work comes in first, so what the session applied
        # (`applied`) is never the answer here.
        self.board = self.board.apply(self.theirs).apply(change)
        return self.board


def test_changes_another_program_saved_come_in_and_call_for_judging_everything() -> None:
    board = factories.board()
    theirs = _renamed(board, "a-globex", "Globex (renamed elsewhere)")
    session = Session(_SharedFile(board, theirs))  # type: ignore[arg-type]
    saved = session.change(_renamed(board, "a-acme", "Acme (renamed here)"))
    assert saved.saved and saved.replaced
    assert session.board.applications["a-globex"].company == "Globex (renamed elsewhere)"
    assert session.board.applications["a-acme"].company == "Acme (renamed here)"
    plain = Session(Store.in_memory(board, SETTINGS)).change(_renamed(board, "a-acme", "X"))
    assert not plain.replaced


# -- the sidebar's entries -------------------------------------------------------------


@pytest.mark.parametrize(
    ("company", "lines"), [("Acme", 2), ("Acme Tools International Holdings", 3)]
)
def test_marks_that_do_not_fit_after_the_name_get_their_own_line(company: str, lines: int) -> None:
    from jobcockpit.tui.views.privacy import PLAIN
    from jobcockpit.tui.widgets.sidebar import Horizon, call_entry, entry_lines

    board = factories.board()
    board = board.apply(
        Changeset(
            put_applications=(structs.replace(board.applications["a-acme"], company=company),)
        )
    )
    verdict = next(v for v in agenda(board, SETTINGS, NOW).verdicts if v.application == "a-acme")
    assert verdict.overdue
    horizon = Horizon(NOW, USER_ZONE, NOW.date(), NOW.date())
    content = call_entry(board, verdict, horizon, PLAIN, width=40)
    text = content.plain.splitlines()
    assert entry_lines(board, verdict, PLAIN, width=40) == len(text) == lines
    assert "overdue" in text[-1 if lines == 3 else 0]
    assert len(text[0]) <= 40 or lines == 3
