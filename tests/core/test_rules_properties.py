"""Properties every answer keeps, whatever the log, the zones and the moment."""

from __future__ import annotations

import datetime as dt

import pendulum
from hypothesis import given, settings
from hypothesis import strategies as st

from jobcockpit.core.board import Board
from jobcockpit.core.places import business_calendar
from jobcockpit.core.records import (
    Application,
    BestTime,
    Contact,
    FollowUp,
    LogEntry,
    LogKind,
    Outcome,
    Stage,
    Weekday,
)
from jobcockpit.core.rules import agenda
from jobcockpit.core.settings import Settings
from jobcockpit.core.verdicts import VerdictKind

PLACES = [
    ("America/New_York", "US"),
    ("Europe/Berlin", "DE"),
    ("Asia/Tokyo", "JP"),
    ("Australia/Sydney", "AU"),
    ("America/Los_Angeles", "US"),
]
START = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)

moments = st.integers(min_value=0, max_value=365 * 24 * 60).map(
    lambda minutes: START + dt.timedelta(minutes=minutes)
)


@st.composite
def boards(draw: st.DrawFn) -> tuple[Board, pendulum.DateTime]:
    now = draw(moments)
    people = []
    for index in range(draw(st.integers(1, 3))):
        zone, country = draw(st.sampled_from(PLACES))
        best = None
        if draw(st.booleans()):
            days = draw(st.sets(st.sampled_from(list(Weekday)), min_size=1))
            start = draw(st.integers(6, 16))
            best = BestTime(frozenset(days), pendulum.time(start), pendulum.time(start + 2))
        people.append(
            Contact(
                id=f"c{index}",
                name=f"Contact {index}",
                timezone=zone,
                country=country,
                best_time=best,
                verified=draw(st.booleans()),
            )
        )
    stage = draw(st.sampled_from(list(Stage)))
    applied = (now - dt.timedelta(days=draw(st.integers(0, 200)))).date()
    application = Application(
        id="a1",
        company="Acme",
        position="Analyst",
        applied_on=pendulum.date(applied.year, applied.month, applied.day),
        stage=stage,
        follow_up=draw(st.sampled_from(list(FollowUp))),
        outcome=draw(st.sampled_from(list(Outcome))) if stage is Stage.DECIDED else None,
        keep_in_touch=draw(st.booleans()),
        contacts=tuple(p.id for p in people),
    )
    log = [
        LogEntry(
            application="a1",
            contact=draw(st.sampled_from([p.id for p in people])),
            kind=draw(st.sampled_from(list(LogKind))),
            at=now - dt.timedelta(minutes=draw(st.integers(-5000, 200 * 24 * 60))),
            id=f"l{index}",
        )
        for index in range(draw(st.integers(0, 8)))
    ]
    return Board([application], people, log), pendulum.instance(now)


@settings(max_examples=300, deadline=None)
@given(boards())
def test_every_verdict_keeps_the_contract(case: tuple[Board, pendulum.DateTime]) -> None:
    board, now = case
    result = agenda(board, Settings(user_timezone="UTC"), now)
    ranks = [list(VerdictKind).index(v.kind) for v in result.verdicts]
    assert ranks == sorted(ranks)
    for verdict in result.verdicts:
        contact = board.contacts[verdict.contact]
        local = now.in_timezone(verdict.zone)
        assert verdict.rules, verdict
        assert verdict.reason
        if verdict.kind is VerdictKind.CALL:
            assert verdict.windows
            assert verdict.next is None
            calendar = business_calendar(contact.country, None)
            assert calendar.holiday(local.date()) is None
            if contact.best_time is None:
                assert local.isoweekday() <= 5
            else:
                assert local.format("ddd").lower() in contact.best_time.days
            for window in verdict.windows:
                assert window.end - max(window.start, now) >= dt.timedelta(minutes=10)
                assert window.start.date() == local.date()
        else:
            assert not verdict.windows
        if verdict.kind is VerdictKind.WAIT:
            assert verdict.next is not None
            assert verdict.next > local.date()
        else:
            assert verdict.next is None
        if board.applications[verdict.application].follow_up is FollowUp.NONE:
            assert verdict.kind is VerdictKind.BLOCKED
    for task in result.tasks:
        assert task.text
