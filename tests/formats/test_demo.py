"""The demo board shows every answer and every task whenever it is opened."""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jobcockpit.core.places import place_of
from jobcockpit.core.records import LogKind, Outcome, Stage
from jobcockpit.core.rules import agenda
from jobcockpit.core.settings import Settings
from jobcockpit.core.verdicts import TaskKind, VerdictKind
from jobcockpit.formats.demo import demo_board
from jobcockpit.formats.document import to_document

USER_ZONES = (
    "UTC",
    "Europe/Berlin",
    "America/Los_Angeles",
    "America/St_Johns",
    "Asia/Tokyo",
    "Asia/Kolkata",
    "Australia/Sydney",
    "Pacific/Kiritimati",
    "Pacific/Pago_Pago",
)


def assert_shows_everything(now: pendulum.DateTime, user_zone: str) -> None:
    board = demo_board(now, user_zone)
    day = agenda(board, Settings(user_timezone=user_zone), now)
    verdicts = {v.kind for v in day.verdicts}
    tasks = {t.kind for t in day.tasks}
    assert verdicts == set(VerdictKind), (now.isoformat(), user_zone, set(VerdictKind) - verdicts)
    assert tasks == set(TaskKind), (now.isoformat(), user_zone, set(TaskKind) - tasks)


@settings(max_examples=300, deadline=None)
@given(
    moment=st.datetimes(
        min_value=dt.datetime(2025, 1, 1),
        max_value=dt.datetime(2031, 12, 31),
        timezones=st.just(dt.UTC),
    ),
    user_zone=st.sampled_from(USER_ZONES),
)
def test_every_verdict_and_task_shows_at_any_moment(moment: dt.datetime, user_zone: str) -> None:
    assert_shows_everything(pendulum.instance(moment).in_timezone(user_zone), user_zone)


@pytest.mark.parametrize(
    "moment",
    [
        "2026-11-21T23:30:00+01:00",  # Saturday night in Berlin
        "2026-11-22T03:00:00-08:00",  # Sunday, small hours in California
        "2026-12-25T12:00:00+00:00",  # Christmas Day
        "2026-12-25T23:59:00-10:00",  # the last minute of Christmas in Hawaii
        "2027-01-01T18:30:00+00:00",  # New Year's evening: all the daylit world is off
        "2026-03-29T02:30:00+02:00",  # the night Europe's clocks go forward
        "2026-11-01T01:30:00-05:00",  # the hour America repeats
        "2026-09-07T18:02:00+00:00",  # Labor Day and Brazil's Independence Day at once
        "2026-11-26T15:00:00-05:00",  # Thanksgiving
    ],
)
@pytest.mark.parametrize("user_zone", USER_ZONES)
def test_every_verdict_and_task_shows_on_hard_days(moment: str, user_zone: str) -> None:
    now = pendulum.parse(moment)
    assert isinstance(now, pendulum.DateTime)
    assert_shows_everything(now.in_timezone(user_zone), user_zone)


NOW = pendulum.datetime(2026, 11, 18, 10, 0, tz="Europe/Berlin")


def test_the_board_covers_every_stage_outcome_and_log_kind() -> None:
    board = demo_board(NOW, "Europe/Berlin")

    assert len(board.applications) >= 12
    assert {a.stage for a in board} == set(Stage)
    assert {a.outcome for a in board if a.outcome} == set(Outcome)
    assert {e.kind for e in board.log.values()} == set(LogKind)


def test_contacts_span_zones_and_show_what_the_rules_infer() -> None:
    board = demo_board(NOW, "Europe/Berlin")
    contacts = list(board.contacts.values())
    places = {c.id: place_of(c, "Europe/Berlin") for c in contacts}

    assert len({p.zone for p in places.values()}) >= 3
    assert any(p.zone_inferred for p in places.values())
    assert any(p.zone_guessed for p in places.values())
    assert any(not c.verified for c in contacts)
    assert any(c.best_time is not None for c in contacts)


def test_every_date_is_counted_back_from_now() -> None:
    for now in (NOW, NOW.add(years=3, days=100)):
        board = demo_board(now, "Europe/Berlin")
        ahead = [e for e in board.log.values() if e.at > now]
        # The one entry ahead is the interview scheduled to show R19.
        assert [(e.kind, e.application) for e in ahead] == [(LogKind.INTERVIEW, "a17")]
        applied = [a.applied_on for a in board]
        assert now.date() - dt.timedelta(days=90) < min(applied)
        assert max(applied) < now.date()


def test_the_same_moment_gives_the_same_board() -> None:
    first = to_document(demo_board(NOW, "Asia/Tokyo"))
    second = to_document(demo_board(NOW, "Asia/Tokyo"))

    assert first == second
    assert [a["id"] for a in first["applications"]][:3] == ["a01", "a02", "a03"]
