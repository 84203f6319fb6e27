"""The shortcuts taken for speed give the very answers of the long way round.

- Records are decoded into their declarations in one pass; whatever a record
  holds, the store reads it as `from_dict` does (the same record or the same
  error), and a record read back from what `to_dict` wrote is the same record,
  unknown keys included.
- `agenda` given an `AgendaMemo` reuses each application's answer while it
  holds; an answer given from memory equals one worked out afresh, whatever
  changed since: the clock, a record, the settings.
- A verdict's `changes_at` is honest: up to that moment the verdict is the
  same, which is what the memory (and the cockpit's re-judging) relies on.
- Opening a data file pauses the cyclic collector and leaves it as it was.
"""

from __future__ import annotations

import datetime as dt
import gc
import zoneinfo
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path
from types import MappingProxyType
from typing import Any

import msgspec
import pendulum
import pytest
from helpers_store import full_board
from hypothesis import given, settings
from hypothesis import strategies as st
from msgspec import structs

from jobcockpit.core import rules, zones
from jobcockpit.core.board import Board, Changeset
from jobcockpit.core.records import (
    Application,
    BestTime,
    Contact,
    FollowUp,
    LogEntry,
    LogKind,
    Outcome,
    RecordError,
    Stage,
    Weekday,
    decoded,
)
from jobcockpit.core.rules import AgendaMemo, agenda, judge_pair
from jobcockpit.core.settings import Settings
from jobcockpit.core.values import decode_hook
from jobcockpit.core.verdicts import Agenda, VerdictKind
from jobcockpit.store import Store

# -- reading records -----------------------------------------------------------

Reader = Callable[[Mapping[str, Any]], Any]
KINDS: dict[str, Any] = {
    "application": Application,
    "contact": Contact,
    "log": LogEntry,
}
READERS: dict[str, Reader] = {
    "application": Application.from_dict,
    "contact": Contact.from_dict,
    "log": partial(LogEntry.from_dict, position=0),
}


def general(reader: Reader, raw: Mapping[str, Any]) -> Any:
    """The checked path, given a mapping that is not a dict."""
    return reader(MappingProxyType(raw))


def as_stored(kind: str, raw: Mapping[str, Any]) -> Any:
    """How the store reads the record: as the first of a table."""
    return dict(decoded({"k": raw}, KINDS[kind]))["k"]


def outcome(reader: Reader, raw: Mapping[str, Any]) -> tuple[str, Any]:
    """What reading gives: the record (every field, its type, and what
    `to_dict` writes back), or the error."""
    try:
        record = reader(raw)
    except RecordError as error:
        return ("error", str(error))
    fields = {name: getattr(record, name) for name in record.__struct_fields__}
    types = {name: type(value) for name, value in fields.items()}
    return ("record", (fields, types, record.to_dict()))


def written() -> dict[str, list[dict[str, Any]]]:
    """Records as the store writes them, with every field used somewhere."""
    board = full_board()
    extra = [
        Application.from_dict(
            {"id": "a3", "company": "Gamma", "applied_on": "2026-11-02", "stage": "interviewed"}
        ),
        Application.from_dict(
            {
                "id": "a4",
                "company": "Delta",
                "applied_on": "2026-11-02",
                "stage_since": "2026-11-05",
                "follow_up": "email",
                "posting_url": "",
            }
        ),
    ]
    return {
        "application": [a.to_dict() for a in [*board.applications.values(), *extra]],
        "contact": [c.to_dict() for c in board.contacts.values()],
        "log": [e.to_dict() for e in board.log.values()],
    }


def test_records_as_written_read_the_same_both_ways() -> None:
    one_pass = 0
    for kind, raws in written().items():
        for raw in raws:
            if KINDS[kind].KNOWN.issuperset(raw):
                # the store's own records take the one pass, no checked path
                msgspec.convert(raw, KINDS[kind], dec_hook=decode_hook)
                one_pass += 1
            assert outcome(partial(as_stored, kind), raw) == outcome(
                partial(general, READERS[kind]), raw
            )
    assert one_pass >= 5


def test_records_round_trip_through_what_is_written() -> None:
    for kind, raws in written().items():
        for raw in raws:
            record = as_stored(kind, raw)
            assert record.to_dict() == raw
            again = as_stored(kind, record.to_dict())
            assert outcome(partial(as_stored, kind), again.to_dict()) == outcome(
                partial(as_stored, kind), raw
            )


def test_unknown_keys_survive_a_round_trip() -> None:
    future = {
        "x_future": {"nested": [1, 2.5, "three", None]},
        "colour": "green",
        "jobcockpit:kept": {},
    }
    for kind, raws in written().items():
        for raw in raws:
            record = as_stored(kind, {**raw, **future})
            assert record.extra == {
                k: v for k, v in {**raw, **future}.items() if k not in record.KNOWN
            }
            assert record.to_dict() == {**raw, **future}
            assert as_stored(kind, record.to_dict()).to_dict() == {**raw, **future}


def test_a_table_with_one_unusual_record_reads_the_others_as_written() -> None:
    raws = written()["application"]
    table = {raw["id"]: raw for raw in raws}
    first = raws[-1]["id"]
    table[first] = {**table[first], "applied_on": " 2026-11-02 ", "x_future": 1}
    records = dict(decoded(table, Application))
    assert records[first].applied_on == pendulum.date(2026, 11, 2)
    assert records[first].extra == {"x_future": 1}
    assert [r.to_dict() for key, r in records.items() if key != first] == [
        raw for raw in raws if raw["id"] != first
    ]


def test_a_shared_best_time_is_the_same_value() -> None:
    raw = full_board().contacts["c1"].to_dict()
    first = as_stored("contact", raw)
    second = as_stored("contact", {**raw, "id": "c9"})
    assert first.best_time == second.best_time == general(Contact.from_dict, raw).best_time


ODD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.sampled_from(
        [
            "",
            " ",
            "x",
            "2026-11-02",
            " 2026-11-02",
            "2026-11-02 ",
            "20261102",
            "2026-02-30",
            "2026-11-02T10:00:00",
            "2026-11-02T10:00:00+01:00",
            " 2026-11-02T10:00:00Z ",
            "applied",
            "decided",
            "rejected",
            "email",
            "none",
            "interview",
            "reply",
            "Europe/Berlin",
            "Not/AZone",
            "de",
            "DE",
            "D1",
            "10:00",
            "11:30",
        ]
    ),
    st.lists(st.sampled_from(["c1", "c2", "c1"]), max_size=3),
    st.just({"days": ["tue"], "from": "10:00", "to": "11:30"}),
    st.just({"days": ["Tuesday"], "from": "10:00", "to": "11:30"}),
    st.just({"days": ["tue"], "from": "12:00", "to": "11:30"}),
    st.just({"days": [], "from": "10:00", "to": "11:30"}),
)


@settings(max_examples=400, deadline=None)
@given(
    kind=st.sampled_from(sorted(READERS)),
    index=st.integers(0, 10),
    changes=st.dictionaries(
        st.sampled_from(
            [
                *Application.FIELDS,
                *Contact.FIELDS,
                *LogEntry.FIELDS,
                "x_future",
            ]
        ),
        ODD_VALUES,
        max_size=3,
    ),
    dropped=st.lists(st.sampled_from([*Application.FIELDS, *Contact.FIELDS]), max_size=2),
)
def test_any_record_reads_the_same_both_ways(
    kind: str, index: int, changes: dict[str, Any], dropped: list[str]
) -> None:
    raws = written()[kind]
    raw = {**raws[index % len(raws)], **changes}
    for name in dropped:
        raw.pop(name, None)
    assert outcome(partial(as_stored, kind), raw) == outcome(partial(general, READERS[kind]), raw)


# -- remembered answers ---------------------------------------------------------

PLACES = [
    ("America/New_York", "US"),
    ("Europe/Berlin", "DE"),
    ("Asia/Tokyo", "JP"),
    ("Australia/Sydney", "AU"),
    (None, None),
]
START = dt.datetime(2026, 11, 2, tzinfo=dt.UTC)


def afresh(board: Board, settings: Settings, now: pendulum.DateTime) -> Agenda:
    """The agenda worked out from nothing."""
    return agenda(board, settings, now)


def same(a: Agenda, b: Agenda) -> bool:
    return a.now == b.now and a.verdicts == b.verdicts and a.tasks == b.tasks


@st.composite
def hunts(draw: st.DrawFn) -> Board:
    """A few applications, each with contacts around the world and a log that
    may reach past the moments judged."""
    applications: list[Application] = []
    people: list[Contact] = []
    log: list[LogEntry] = []
    for number in range(draw(st.integers(1, 4))):
        ids = []
        for k in range(draw(st.integers(0, 2))):
            zone, country = draw(st.sampled_from(PLACES))
            best = None
            if draw(st.booleans()):
                days = draw(st.sets(st.sampled_from(list(Weekday)), min_size=1))
                hour = draw(st.integers(6, 16))
                best = BestTime(frozenset(days), pendulum.time(hour), pendulum.time(hour + 2))
            ident = f"c{number}-{k}"
            ids.append(ident)
            people.append(
                Contact(
                    id=ident,
                    name=draw(st.sampled_from(["Dana", "sam", "Émile"])),
                    phone=draw(st.sampled_from([None, "+61 2 9876 0001", "+1 212 555 0100"])),
                    timezone=zone,
                    country=country,
                    best_time=best,
                    verified=draw(st.booleans()),
                )
            )
        stage = draw(st.sampled_from(list(Stage)))
        applied = (START - dt.timedelta(days=draw(st.integers(0, 60)))).date()
        app_id = f"a{number}"
        applications.append(
            Application(
                id=app_id,
                company=draw(st.sampled_from(["Acme", "beta", "Acme"])),
                position="Analyst",
                applied_on=pendulum.date(applied.year, applied.month, applied.day),
                stage=stage,
                follow_up=draw(st.sampled_from(list(FollowUp))),
                outcome=draw(st.sampled_from(list(Outcome))) if stage is Stage.DECIDED else None,
                keep_in_touch=draw(st.booleans()),
                contacts=tuple(ids),
            )
        )
        for index in range(draw(st.integers(0, 5))):
            minutes = draw(st.integers(-60 * 24 * 30, 60 * 24 * 6))
            log.append(
                LogEntry(
                    application=app_id,
                    contact=draw(st.sampled_from([None, *ids])),
                    kind=draw(st.sampled_from(list(LogKind))),
                    at=START + dt.timedelta(minutes=minutes),
                    id=f"l{number}-{index}",
                )
            )
    return Board(applications, people, log)


moments = st.lists(
    st.one_of(
        st.integers(0, 60 * 24 * 8),
        st.sampled_from([0, 1, 60 * 14, 60 * 14 + 1, 60 * 24]),
    ).map(lambda minutes: pendulum.instance(START + dt.timedelta(minutes=minutes))),
    min_size=2,
    max_size=6,
)


@settings(max_examples=150, deadline=None)
@given(board=hunts(), nows=moments)
def test_remembered_answers_equal_fresh_ones_as_the_clock_moves(
    board: Board, nows: list[pendulum.DateTime]
) -> None:
    user = Settings(user_timezone="Europe/Berlin")
    memo = AgendaMemo()
    for now in [*sorted(nows), *nows]:
        assert same(agenda(board, user, now, memo=memo), afresh(board, user, now))


@settings(max_examples=100, deadline=None)
@given(board=hunts(), nows=moments, data=st.data())
def test_remembered_answers_follow_every_change(
    board: Board, nows: list[pendulum.DateTime], data: st.DataObject
) -> None:
    user = Settings(user_timezone="Europe/Berlin")
    now = nows[0]
    memo = AgendaMemo()
    agenda(board, user, now, memo=memo)
    application = data.draw(st.sampled_from(list(board.applications.values())))
    changes = [
        Changeset(put_applications=(structs.replace(application, follow_up=FollowUp.EMAIL),)),
        Changeset(put_applications=(structs.replace(application, company="Zeta"),)),
        Changeset(
            add_log=(
                LogEntry(
                    application=application.id,
                    kind=LogKind.REPLY,
                    at=now - dt.timedelta(hours=1),
                    id="new",
                ),
            )
        ),
        Changeset(delete_applications=(application.id,)),
    ]
    if board.contacts:
        person = data.draw(st.sampled_from(list(board.contacts.values())))
        changes.append(
            Changeset(put_contacts=(structs.replace(person, timezone="Asia/Tokyo", country="JP"),))
        )
    changed = board.apply(data.draw(st.sampled_from(changes)))
    for moment in nows:
        assert same(agenda(changed, user, moment, memo=memo), afresh(changed, user, moment))
    other = Settings(user_timezone="America/New_York", min_window_minutes=30)
    assert same(agenda(changed, other, now, memo=memo), afresh(changed, other, now))
    assert same(agenda(board, user, now, memo=memo), afresh(board, user, now))


def test_a_second_look_at_the_same_moment_judges_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    board = full_board()
    user = Settings(user_timezone="America/Denver")
    now = pendulum.datetime(2026, 11, 24, 10, tz="America/Denver")
    memo = AgendaMemo()
    first = agenda(board, user, now, memo=memo)

    def refuse(*args: object) -> object:
        raise AssertionError("judged again")

    monkeypatch.setattr(rules.Judge, "pair", refuse)
    later = now.add(seconds=1)
    assert same(
        agenda(board, user, later, memo=memo),
        Agenda(now=later, verdicts=first.verdicts, tasks=first.tasks),
    )


def test_the_clock_passing_an_edge_judges_again() -> None:
    board = full_board()
    user = Settings(user_timezone="America/Denver")
    now = pendulum.datetime(2026, 11, 24, 10, tz="America/Denver")
    memo = AgendaMemo()
    first = agenda(board, user, now, memo=memo)
    edge = min(v.changes_at for v in first.verdicts if v.changes_at is not None)
    later = pendulum.instance(edge)
    assert same(agenda(board, user, later, memo=memo), afresh(board, user, later))


# -- honest `changes_at` --------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(board=hunts(), nows=moments)
def test_a_verdict_holds_until_its_changes_at(board: Board, nows: list[pendulum.DateTime]) -> None:
    user = Settings(user_timezone="Europe/Berlin")
    now = nows[0]
    for verdict in agenda(board, user, now).verdicts:
        assert verdict.changes_at is not None
        assert verdict.changes_at > now
        application = board.applications[verdict.application]
        log = board.log_of(application.id)
        contact = board.contacts[verdict.contact]
        just_before = pendulum.instance(verdict.changes_at - dt.timedelta(microseconds=1))
        assert judge_pair(application, contact, log, user, just_before) == verdict


def test_a_window_stops_counting_just_after_ten_minutes_are_left() -> None:
    new_york = "America/New_York"
    user = Settings(user_timezone=new_york)
    application = Application.from_dict(
        {"id": "a1", "company": "Acme", "applied_on": "2026-11-02", "contacts": ["c1"]}
    )
    person = Contact(
        id="c1",
        name="Dana",
        phone="+1 212 555 0100",
        timezone=new_york,
        country="US",
        verified=True,
    )
    ten_left = pendulum.datetime(2026, 11, 10, 15, 50, tz=new_york)
    verdict = judge_pair(application, person, [], user, ten_left)
    assert verdict.kind is VerdictKind.CALL
    assert verdict.changes_at == ten_left + dt.timedelta(microseconds=1)
    after = judge_pair(application, person, [], user, pendulum.instance(verdict.changes_at))
    assert after.kind is VerdictKind.WAIT


def test_a_log_entry_dated_later_today_is_when_the_verdict_changes() -> None:
    berlin = "Europe/Berlin"
    user = Settings(user_timezone=berlin)
    application = Application.from_dict(
        {"id": "a1", "company": "Acme", "applied_on": "2026-11-02", "contacts": ["c1"]}
    )
    person = Contact(
        id="c1", name="Dana", phone="+49 30 1234567", timezone=berlin, country="DE", verified=True
    )
    now = pendulum.datetime(2026, 11, 10, 12, tz=berlin)
    email = LogEntry(
        application="a1", contact="c1", kind=LogKind.EMAIL, at=now.add(hours=1), id="l1"
    )
    verdict = judge_pair(application, person, [email], user, now)
    assert verdict.kind is VerdictKind.CALL
    assert verdict.changes_at == email.at
    after = judge_pair(application, person, [email], user, pendulum.instance(email.at))
    assert after.kind is VerdictKind.WAIT


# -- knowing a zone name ---------------------------------------------------------


def test_a_zone_file_vouches_only_for_names_the_full_list_holds() -> None:
    known = zoneinfo.available_timezones()
    names = {
        "europe/berlin",
        "Europe",
        "Europe/",
        "/Europe/Berlin",
        "Europe//Berlin",
        "Europe/./Berlin",
        "Europe/../Europe/Berlin",
        "posixrules",
        "posix/Europe/Berlin",
        "right/UTC",
        "Not/AZone",
        "Europe\\Berlin",
        "Europe/Berlin\x00",
    }
    for root in map(Path, zoneinfo.TZPATH):
        if root.is_dir():
            names.update(str(path.relative_to(root)) for path in root.rglob("*"))
    assert known <= names
    for name in names:
        assert zones._has_zone_file(name) == (name in known), name


def test_a_zone_name_is_known_as_the_full_list_says(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zones, "_ZONES", None)
    monkeypatch.setattr(zones, "_ZONES_SEEN", set())
    names = ["Europe/Berlin", "UTC", "europe/berlin", "Mars/Olympus", "", "posixrules"]
    quick = [zones.is_zone_name(name) for name in names]
    assert quick == [name in zones.all_zone_names() for name in names]


# -- opening a data file ----------------------------------------------------------


@pytest.mark.parametrize("enabled", [True, False])
def test_opening_a_file_leaves_the_collector_as_it_was(tmp_path: Path, enabled: bool) -> None:
    path = tmp_path / "data.json"
    Store.open(path, create=True).close()
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        with Store.open(path) as store:
            assert gc.isenabled() is enabled
            store.reload()
            assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


# -- the cockpit's book and columns after one change ------------------------------


def _changes(board: Board, now: pendulum.DateTime, data: st.DataObject) -> list[Changeset]:
    """What a person does in the cockpit, one change at a time."""
    application = data.draw(st.sampled_from(list(board.applications.values())))
    stages = [s for s in Stage if s is not application.stage]
    moved = structs.replace(
        application,
        stage=data.draw(st.sampled_from(stages)),
        outcome=None,
    )
    if moved.stage is Stage.DECIDED:
        moved = structs.replace(moved, outcome=Outcome.REJECTED)
    changes = [
        Changeset(put_applications=(moved,)),
        Changeset(put_applications=(structs.replace(application, company="acme zeta"),)),
        Changeset(
            put_applications=(structs.replace(application, id="new", company="Beta", contacts=()),)
        ),
        Changeset(
            add_log=(
                LogEntry(
                    application=application.id,
                    kind=data.draw(st.sampled_from(list(LogKind))),
                    at=now - dt.timedelta(minutes=data.draw(st.integers(0, 60 * 24 * 20))),
                    id=f"new-{len(board.log)}",
                ),
            )
        ),
        Changeset(delete_applications=(application.id,)),
    ]
    if board.log:
        changes.append(Changeset(delete_log=(data.draw(st.sampled_from(list(board.log))),)))
    if board.contacts:
        person = data.draw(st.sampled_from(list(board.contacts.values())))
        changes.append(Changeset(put_contacts=(structs.replace(person, name="Acme Ann"),)))
    return changes


@settings(max_examples=120, deadline=None)
@given(board=hunts(), data=st.data())
def test_the_cockpit_updates_only_what_a_change_touched_and_shows_what_a_rebuild_shows(
    board: Board, data: st.DataObject
) -> None:
    from jobcockpit.tui.views.agenda_book import AgendaBook
    from jobcockpit.tui.views.board_model import STAGES, BoardModel, touched_by

    user = Settings(user_timezone="Europe/Berlin")
    now = pendulum.instance(START + dt.timedelta(minutes=data.draw(st.integers(0, 60 * 24 * 8))))
    needle = data.draw(st.sampled_from(["", "acme", "ann"]))
    book = AgendaBook(user)
    book.judge_all(board, now)
    model = BoardModel("Europe/Berlin")
    model.set_filter(needle)
    model.rebuild(board, book, now)
    for _ in range(data.draw(st.integers(1, 4))):
        if not board.applications:
            break
        change = data.draw(st.sampled_from(_changes(board, now, data)))
        after = board.apply(change)
        book.judge(after, touched_by(change, board, after), now)
        model.update(after, book, now, touched_by(change, board, after))
        board = after

        whole = afresh(board, user, now)
        shown = book.agenda
        assert shown is not None and same(shown, whole)
        until = (now + dt.timedelta(days=7)).date()
        today = book.today(until, limit=2)
        for section, expected in (
            (today.calls, whole.of_kind(VerdictKind.CALL)),
            (today.emails, whole.of_kind(VerdictKind.EMAIL)),
            (
                today.notes,
                [t for t in whole.tasks if t.kind.value in ("thank_you", "courtesy", "prepare")],
            ),
            (
                today.coming,
                [
                    v
                    for v in whole.of_kind(VerdictKind.WAIT)
                    if v.next is not None and v.next <= until
                ],
            ),
        ):
            assert (section.count, list(section.first)) == (len(expected), expected[:2])

        fresh_book = AgendaBook(user)
        fresh_book.judge_all(board, now)
        fresh = BoardModel("Europe/Berlin")
        fresh.set_filter(needle)
        fresh.rebuild(board, fresh_book, now)
        for stage in STAGES:
            assert model.columns[stage] == fresh.columns[stage]
            assert model.heights[stage] == fresh.heights[stage]
            assert model.header(stage) == fresh.header(stage)
        for app_id in board.applications:
            assert model.card(app_id) == fresh.card(app_id)
            # The card's verdict among equals, the detail's order: as judged whole.
            assert book.verdicts_of(app_id) == fresh_book.verdicts_of(app_id)
            assert book.tasks_of(app_id) == fresh_book.tasks_of(app_id)
            assert book.best(app_id) == fresh_book.best(app_id)


def test_a_log_entry_put_again_under_its_key_for_another_card_updates_both() -> None:
    """A change may put a log entry under a key another card's entry has (a
    merged copy, a correction): the card that lost the entry is judged again
    too, not left showing a call it no longer has."""
    from jobcockpit.tui.views.agenda_book import AgendaBook
    from jobcockpit.tui.views.board_model import touched_by

    user = Settings(user_timezone="Europe/Berlin")
    now = pendulum.instance(START + dt.timedelta(days=3))
    dana = Contact(id="c1", name="Dana", timezone="America/New_York", country="US")
    cards = [
        Application(
            id=f"a{n}", company="Acme", position="Analyst", applied_on=pendulum.date(2026, 11, 2)
        )
        for n in range(2)
    ]
    board = Board(
        applications=(cards[0], structs.replace(cards[1], contacts=("c1",))), contacts=(dana,)
    )
    book = AgendaBook(user)
    book.judge_all(board, now)
    for change in (
        Changeset(add_log=(LogEntry(application="a1", kind=LogKind.CONNECTED, at=now, id="x"),)),
        Changeset(add_log=(LogEntry(application="a0", kind=LogKind.CONNECTED, at=now, id="x"),)),
    ):
        after = board.apply(change)
        book.judge(after, touched_by(change, board, after), now)
        board = after
        shown, whole = book.agenda, afresh(board, user, now)
        assert shown is not None and same(shown, whole)
    (verdict,) = book.verdicts_of("a1")
    assert verdict.last_contact != now


@settings(max_examples=150, deadline=None)
@given(board=hunts(), nows=moments, data=st.data())
def test_an_answer_holds_word_for_word_until_the_memo_says_it_may_change(
    board: Board, nows: list[pendulum.DateTime], data: st.DataObject
) -> None:
    """What `jobcockpit today` relies on to give a kept answer again: every
    verdict and task, in the same order, at any moment before `holds_until`."""
    user = Settings(user_timezone="Europe/Berlin")
    start = min(nows)
    memo = AgendaMemo()
    first = agenda(board, user, start, memo=memo)
    until = memo.holds_until()
    last = until - dt.timedelta(microseconds=1) if until is not None else start.add(days=30)
    span = int((last - start).total_seconds() * 1_000_000)
    for offset in {0, span, *data.draw(st.lists(st.integers(0, max(span, 0)), max_size=4))}:
        later = pendulum.instance(start + dt.timedelta(microseconds=offset))
        again = afresh(board, user, later)
        assert (again.verdicts, again.tasks) == (first.verdicts, first.tasks)
