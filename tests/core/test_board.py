"""Changesets: applied whole or not at all, and undone exactly."""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest

from jobcockpit.core.board import Board, Changeset
from jobcockpit.core.records import Application, Contact, LogEntry, LogKind, RecordError


def app(ident: str, contacts: tuple[str, ...] = ()) -> Application:
    return Application(
        id=ident,
        company="Acme",
        position="Analyst",
        applied_on=pendulum.date(2026, 11, 2),
        contacts=contacts,
    )


def entry(application: str, hour: int) -> LogEntry:
    return LogEntry(
        application=application,
        contact="c1",
        kind=LogKind.EMAIL,
        at=dt.datetime(2026, 11, 10, hour, tzinfo=dt.UTC),
    )


def snapshot(board: Board) -> tuple[object, ...]:
    return (
        sorted(board.applications.items()),
        sorted(board.contacts.items()),
        sorted(board.log),
        {a: [e.key for e in board.log_of(a)] for a in board.applications},
    )


BASE = Board([app("a1", ("c1",))], [Contact(id="c1", name="Dana")], [entry("a1", 9)])


@pytest.mark.parametrize(
    "change",
    [
        Changeset(put_applications=(app("a2", ("c1",)),), add_log=(entry("a2", 10),)),
        Changeset(delete_applications=("a1",)),
        Changeset(put_applications=(app("a1"),), add_log=(entry("a1", 11),)),
        Changeset(delete_log=(entry("a1", 9).key,)),
        Changeset(put_contacts=(Contact(id="c2", name="Lee"),)),
    ],
)
def test_the_inverse_of_a_change_restores_the_board_exactly(change: Changeset) -> None:
    after = BASE.apply(change)
    undone = after.apply(BASE.inverse(change))
    assert snapshot(undone) == snapshot(BASE)


def test_a_change_that_breaks_a_link_is_refused_whole() -> None:
    orphan = LogEntry(
        application="a9", kind=LogKind.REPLY, at=dt.datetime(2026, 11, 10, tzinfo=dt.UTC)
    )
    change = Changeset(put_applications=(app("a2"),), add_log=(orphan,))
    with pytest.raises(RecordError) as error:
        BASE.apply(change)
    assert error.value.field == "application"
    assert "a2" not in BASE.applications


def test_a_contact_still_linked_cannot_be_deleted() -> None:
    with pytest.raises(RecordError, match="still lists c1"):
        BASE.apply(Changeset(delete_contacts=("c1",)))


def test_the_same_moment_in_two_offsets_is_the_same_log_entry() -> None:
    utc = entry("a1", 9)
    berlin = LogEntry(
        application="a1",
        contact="c1",
        kind=LogKind.EMAIL,
        at=dt.datetime(2026, 11, 10, 10, tzinfo=dt.timezone(dt.timedelta(hours=1))),
    )
    assert utc.key == berlin.key


def test_moving_a_log_entry_to_another_application_leaves_no_stale_copy() -> None:
    board = BASE.apply(Changeset(put_applications=(app("a2", ("c1",)),)))
    first = LogEntry(
        id="l1", application="a1", kind=LogKind.REPLY, at=dt.datetime(2026, 11, 10, tzinfo=dt.UTC)
    )
    board = board.apply(Changeset(add_log=(first,)))
    moved = LogEntry(
        id="l1", application="a2", kind=LogKind.REPLY, at=dt.datetime(2026, 11, 10, tzinfo=dt.UTC)
    )
    board = board.apply(Changeset(add_log=(moved,)))
    assert [e.id for e in board.log_of("a1")] == [None]
    assert [e.id for e in board.log_of("a2")] == ["l1"]


def logged(at: dt.datetime, kind: LogKind, ident: str) -> LogEntry:
    return LogEntry(application="a1", contact="c1", kind=kind, at=at, id=ident)


def test_an_application_log_is_in_the_order_things_happened_whatever_the_offsets() -> None:
    berlin = dt.timezone(dt.timedelta(hours=1))
    denver = dt.timezone(dt.timedelta(hours=-7))
    entries = [
        logged(dt.datetime(2026, 11, 10, 9, 0, tzinfo=denver), LogKind.REPLY, "denver-reply"),
        logged(
            dt.datetime(2026, 11, 10, 9, 0, 0, 1, tzinfo=denver), LogKind.EMAIL, "a-microsecond"
        ),
        logged(dt.datetime(2026, 11, 10, 16, 0, tzinfo=dt.UTC), LogKind.REPLY, "utc-reply"),
        logged(
            dt.datetime(2026, 11, 10, 16, 30, tzinfo=berlin), LogKind.REPLY, "half-an-hour-before"
        ),
        logged(dt.datetime(2026, 11, 10, 17, 0, tzinfo=berlin), LogKind.EMAIL, "berlin-email"),
    ]

    board = Board([app("a1", ("c1",))], [Contact(id="c1", name="Dana")], entries)

    # 16:00 UTC three times: the e-mail before the replies, which keep their order.
    assert [e.id for e in board.log_of("a1")] == [
        "half-an-hour-before",
        "berlin-email",
        "denver-reply",
        "utc-reply",
        "a-microsecond",
    ]


def test_a_log_in_a_zone_whose_hour_repeats_is_in_the_order_things_happened() -> None:
    zone = pendulum.timezone("Europe/Berlin")
    # 02:30 happens twice on 2026-10-25: first in summer time, then in winter time.
    summer = dt.datetime(2026, 10, 25, 2, 45, tzinfo=zone, fold=0)
    winter = dt.datetime(2026, 10, 25, 2, 15, tzinfo=zone, fold=1)
    entries = [
        logged(winter, LogKind.EMAIL, "second"),
        logged(summer, LogKind.EMAIL, "first"),
    ]

    board = Board([app("a1", ("c1",))], [Contact(id="c1", name="Dana")], entries)

    assert summer.timestamp() < winter.timestamp()
    assert [e.id for e in board.log_of("a1")] == ["first", "second"]
