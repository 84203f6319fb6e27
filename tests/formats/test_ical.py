"""The calendar export: the coming call windows in each contact's own zone,
the deadlines, and UIDs that stay the same from one export to the next."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pendulum
import pytest
from icalendar.cal import Component

from jobcockpit.core.board import Board
from jobcockpit.core.settings import Settings
from jobcockpit.formats.document import plan_import
from jobcockpit.formats.ical import EventKind, calendar_events, event_uid, to_ics

SETTINGS = Settings(user_timezone="Europe/Berlin")


def at(text: str) -> pendulum.DateTime:
    moment = pendulum.parse(text)
    assert isinstance(moment, pendulum.DateTime)
    return moment


NOW = at("2026-11-18T10:00:00-07:00")
"""Wednesday 18 November 2026, 10:00 in Denver, 18:00 in Berlin."""


def board_of(document: dict[str, Any]) -> Board:
    return Board().apply(plan_import(document, Board()).change)


def parsed(text: str) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(text)


def events_by_uid(calendar: icalendar.Calendar) -> dict[str, Component]:
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def start_zone(event: Component) -> str:
    """The TZID parameter of DTSTART, as written in the file."""
    start: Any = event["DTSTART"]
    return str(start.params["TZID"])


def test_call_windows_of_today_and_of_a_waiting_pairs_first_day(
    document: dict[str, Any],
) -> None:
    events = calendar_events(board_of(document), SETTINGS, NOW)

    calls = [(e.uid, e.start, e.end, e.zone) for e in events if e.kind is EventKind.CALL]
    denver, berlin = ZoneInfo("America/Denver"), ZoneInfo("Europe/Berlin")
    assert calls == [
        # Dana's best time, open now: the full window, in Denver.
        (
            "call-a1-c1-20261118T1000@jobcockpit",
            dt.datetime(2026, 11, 18, 10, 0, tzinfo=denver),
            dt.datetime(2026, 11, 18, 11, 30, tzinfo=denver),
            "America/Denver",
        ),
        # Jonas waits until Thursday (R6): that day's default windows, in Berlin.
        (
            "call-a3-c3-20261119T0930@jobcockpit",
            dt.datetime(2026, 11, 19, 9, 30, tzinfo=berlin),
            dt.datetime(2026, 11, 19, 11, 30, tzinfo=berlin),
            "Europe/Berlin",
        ),
        (
            "call-a3-c3-20261119T1400@jobcockpit",
            dt.datetime(2026, 11, 19, 14, 0, tzinfo=berlin),
            dt.datetime(2026, 11, 19, 16, 0, tzinfo=berlin),
            "Europe/Berlin",
        ),
    ]
    first = events[0]
    assert first.summary == "Call Dana Ruiz (Hiring manager) at Acme Tools"
    assert "+1 505 555 0100" in first.description


def test_a_wait_beyond_the_horizon_is_left_out(document: dict[str, Any]) -> None:
    events = calendar_events(board_of(document), SETTINGS, NOW, days=0)

    assert [e.uid for e in events if e.kind is EventKind.CALL] == [
        "call-a1-c1-20261118T1000@jobcockpit"
    ]


def test_a_thank_you_deadline_ahead_is_an_event_ending_when_it_is_due(
    document: dict[str, Any],
) -> None:
    before_due = at("2026-11-17T09:00:00+01:00")

    events = calendar_events(board_of(document), SETTINGS, before_due)

    (thanks,) = [e for e in events if e.kind is EventKind.THANK_YOU]
    berlin = ZoneInfo("Europe/Berlin")
    assert thanks.uid == "thank-you-a3-c3-20261117@jobcockpit"
    assert (thanks.start, thanks.end) == (
        dt.datetime(2026, 11, 17, 14, 30, tzinfo=berlin),
        dt.datetime(2026, 11, 17, 15, 0, tzinfo=berlin),
    )
    assert "Jonas Weber" in thanks.description
    late = calendar_events(board_of(document), SETTINGS, NOW)
    assert not [e for e in late if e.kind is EventKind.THANK_YOU]


def test_decision_dates_are_all_day_and_a_courtesy_deadline_ends_when_it_is_due(
    document: dict[str, Any],
) -> None:
    document["applications"][0]["decision_expected_on"] = "2026-11-25"
    document["applications"][1].update(
        stage="decided", outcome="rejected", stage_since="2026-11-17T09:00:00+09:00"
    )

    events = calendar_events(board_of(document), SETTINGS, NOW)

    all_day = [(e.kind, e.uid, e.start, e.end) for e in events if e.all_day]
    assert all_day == [
        (
            EventKind.DECISION,
            "decision-a1-20261125@jobcockpit",
            dt.date(2026, 11, 25),
            dt.date(2026, 11, 26),
        ),
    ]
    # R15: by the end of the 2nd business day in Tokyo after the rejection,
    # Thursday 23:59 there, which is Thursday 15:59 in Berlin: the block ends
    # then, in the user's zone, on the day every other view names.
    (courtesy,) = [e for e in events if e.kind is EventKind.COURTESY]
    berlin = ZoneInfo("Europe/Berlin")
    assert courtesy.uid == "courtesy-a2-c2-20261119@jobcockpit"
    assert courtesy.zone == "Europe/Berlin"
    assert courtesy.end == dt.datetime(2026, 11, 19, 15, 59, 59, tzinfo=berlin)
    assert courtesy.start == dt.datetime(2026, 11, 19, 15, 29, 59, tzinfo=berlin)
    assert "due Thu 19 Nov 2026 15:59" in courtesy.description


def test_a_past_decision_date_is_left_out(document: dict[str, Any]) -> None:
    document["applications"][0]["decision_expected_on"] = "2026-11-17"

    events = calendar_events(board_of(document), SETTINGS, NOW)

    assert not [e for e in events if e.kind is EventKind.DECISION]


def test_the_file_parses_back_with_zones_for_every_timed_event(document: dict[str, Any]) -> None:
    now = NOW
    text = to_ics(calendar_events(board_of(document), SETTINGS, now), now)

    calendar = parsed(text)
    zones = {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")}
    assert zones == {"America/Denver", "Europe/Berlin"}
    for event in calendar.walk("VEVENT"):
        start = event.decoded("DTSTART")
        assert start_zone(event) in zones
        assert isinstance(start.tzinfo, ZoneInfo)
        assert start.tzinfo.key == start_zone(event)
        assert event.decoded("DTSTAMP") == dt.datetime(2026, 11, 18, 17, 0, tzinfo=dt.UTC)
    assert str(calendar["PRODID"]).startswith("-//jobcockpit//")
    assert text.endswith("END:VCALENDAR\r\n")


def test_uids_are_stable_and_a_later_export_supersedes_an_earlier_one(
    document: dict[str, Any],
) -> None:
    board = board_of(document)
    first, later = NOW, at("2026-11-18T11:00:00-07:00")

    one = events_by_uid(parsed(to_ics(calendar_events(board, SETTINGS, first), first)))
    two = events_by_uid(parsed(to_ics(calendar_events(board, SETTINGS, later), later)))

    assert set(one) == set(two)
    assert all(uid.endswith("@jobcockpit") for uid in one)
    for uid, event in one.items():
        assert two[uid].decoded("SEQUENCE") > event.decoded("SEQUENCE")
        assert event.decoded("DTSTART") == two[uid].decoded("DTSTART")


def test_the_same_moment_gives_the_same_bytes(document: dict[str, Any]) -> None:
    board = board_of(document)
    now = NOW

    assert to_ics(calendar_events(board, SETTINGS, now), now) == to_ics(
        calendar_events(board, SETTINGS, now), now
    )


@pytest.mark.parametrize(
    ("application", "contact"),
    [("a 1", "c@1"), ("Acme/2026", "Dana Ruiz"), ("ä" * 3, None)],
)
def test_ids_that_cannot_stand_in_a_uid_are_digested(application: str, contact: str | None) -> None:
    uid = event_uid(EventKind.CALL, application, contact, "20261118T1000")

    local, at_sign, domain = uid.partition("@")
    assert (at_sign, domain) == ("@", "jobcockpit")
    assert local.isascii() and " " not in local and "/" not in local
    assert uid == event_uid(EventKind.CALL, application, contact, "20261118T1000")
    assert uid != event_uid(EventKind.CALL, application + "x", contact, "20261118T1000")


def test_a_contact_whose_zone_is_guessed_is_shown_in_the_users_zone_and_says_so(
    document: dict[str, Any],
) -> None:
    # A toll-free number belongs to no one zone, so nothing can be inferred (R13).
    document["contacts"][0].update(
        timezone=None, phone="+1 800 555 0100", country=None, subdivision=None
    )
    berlin_morning = at("2026-11-18T10:00:00+01:00")

    events = calendar_events(board_of(document), SETTINGS, berlin_morning)

    dana = [e for e in events if e.uid.startswith("call-a1-c1-")]
    assert dana and all(e.zone == "Europe/Berlin" for e in dana)
    assert "time zone is guessed" in dana[0].description
