"""Dates, times and details as people type them, against a fixed clock."""

from __future__ import annotations

import pendulum
import pytest

from jobcockpit.core.calendar_words import weekday_index
from jobcockpit.core.friendly import (
    describe_day,
    describe_moment,
    local_moment,
    parse_country,
    parse_day,
    parse_days,
    parse_email,
    parse_phone,
    parse_subdivision,
    parse_time,
    parse_typed_moment,
    parse_url,
    parse_zone,
    zone_matches,
)
from jobcockpit.core.records import WEEKDAYS, Application, Weekday
from jobcockpit.core.talking_points import talking_points
from jobcockpit.core.verdicts import TalkingPoints

WEDNESDAY = pendulum.date(2026, 11, 11)
BERLIN = "Europe/Berlin"
NOW = pendulum.datetime(2026, 11, 11, 15, 0, tz=BERLIN)


def d(text: str) -> pendulum.Date:
    return pendulum.Date.fromisoformat(text)


# -- parse_day -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-10", "2026-11-10"),
        (" 2026-1-5 ", "2026-01-05"),
        ("today", "2026-11-11"),
        ("Yesterday", "2026-11-10"),
        ("tomorrow", "2026-11-12"),
        ("in 3 days", "2026-11-14"),
        ("in a week", "2026-11-18"),
        ("in 2 weeks", "2026-11-25"),
        ("3 days ago", "2026-11-08"),
        ("2 weeks ago", "2026-10-28"),
        ("a day ago", "2026-11-10"),
        ("1 month ago", "2026-10-11"),
        ("next week", "2026-11-18"),
        ("last week", "2026-11-04"),
        ("last wed", "2026-11-04"),
        ("next wed", "2026-11-18"),
        ("next mon", "2026-11-16"),
        ("10 nov 2025", "2025-11-10"),
        ("Nov 10, 2025", "2025-11-10"),
    ],
)
def test_days_that_do_not_depend_on_the_direction(text: str, expected: str) -> None:
    assert parse_day(text, WEDNESDAY, "past") == d(expected)
    assert parse_day(text, WEDNESDAY, "future") == d(expected)


@pytest.mark.parametrize(
    ("text", "past", "future"),
    [
        ("wed", "2026-11-11", "2026-11-11"),
        ("Wednesday", "2026-11-11", "2026-11-11"),
        ("tue", "2026-11-10", "2026-11-17"),
        ("tues", "2026-11-10", "2026-11-17"),
        ("thu", "2026-11-05", "2026-11-12"),
        ("thurs", "2026-11-05", "2026-11-12"),
        ("fri", "2026-11-06", "2026-11-13"),
        ("sunday", "2026-11-08", "2026-11-15"),
        ("mo", "2026-11-09", "2026-11-16"),
        ("10 nov", "2026-11-10", "2027-11-10"),
        ("nov 12", "2025-11-12", "2026-11-12"),
        ("11 november", "2026-11-11", "2026-11-11"),
        ("this fri", "2026-11-06", "2026-11-13"),
    ],
)
def test_a_weekday_or_a_day_and_month_leans_the_given_way(
    text: str, past: str, future: str
) -> None:
    assert parse_day(text, WEDNESDAY, "past") == d(past)
    assert parse_day(text, WEDNESDAY, "future") == d(future)


def test_february_29_without_a_year_finds_the_nearest_leap_year() -> None:
    assert parse_day("29 feb", WEDNESDAY, "past") == d("2024-02-29")
    assert parse_day("29 feb", WEDNESDAY, "future") == d("2028-02-29")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "write a day"),
        ("   ", "write a day"),
        ("2026-02-30", "“2026-02-30” is not a day on the calendar"),
        ("2026-13-01", "is not a day on the calendar"),
        ("31 feb 2026", "is not a day on the calendar"),
        ("32 nov", "is not a day on the calendar"),
        ("3 days", "write “in 3 days” or “3 days ago”"),
        ("someday", "“someday” is not a day I understand"),
        ("t", "is not a day I understand"),
        ("in 3 parsecs", "is not a day I understand"),
        ("[red]x", "“[red]x” is not a day I understand"),
    ],
)
def test_days_that_are_refused_say_why(text: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_day(text, WEDNESDAY)
    assert message in str(caught.value)


# -- parse_time ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14:30", (14, 30)),
        ("9", (9, 0)),
        ("09:05", (9, 5)),
        ("14.30", (14, 30)),
        ("1430", (14, 30)),
        ("930", (9, 30)),
        ("2pm", (14, 0)),
        ("2 PM", (14, 0)),
        ("2:30 pm", (14, 30)),
        ("2:30pm", (14, 30)),
        ("12am", (0, 0)),
        ("12pm", (12, 0)),
        ("11a", (11, 0)),
        ("noon", (12, 0)),
        ("midnight", (0, 0)),
        ("0:00", (0, 0)),
        ("23:59", (23, 59)),
    ],
)
def test_times_of_day(text: str, expected: tuple[int, int]) -> None:
    assert parse_time(text) == pendulum.time(*expected)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "write a time of day"),
        ("24:00", "the clock runs from 00:00 to 23:59"),
        ("9:60", "the clock runs from 00:00 to 23:59"),
        ("13pm", "with am or pm the hour runs from 1 to 12"),
        ("0am", "with am or pm the hour runs from 1 to 12"),
        ("half past two", "is not a time of day"),
        ("12345", "is not a time of day"),
    ],
)
def test_times_that_are_refused_say_why(text: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_time(text)
    assert message in str(caught.value)


# -- parse_typed_moment --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("now", "2026-11-11T15:00:00+01:00"),
        ("NOW", "2026-11-11T15:00:00+01:00"),
        ("10:30", "2026-11-11T10:30:00+01:00"),
        ("2pm", "2026-11-11T14:00:00+01:00"),
        ("yesterday 14:00", "2026-11-10T14:00:00+01:00"),
        ("yesterday, 2 pm", "2026-11-10T14:00:00+01:00"),
        ("today at 9", "2026-11-11T09:00:00+01:00"),
        ("tue 10:30", "2026-11-10T10:30:00+01:00"),
        ("mon at 2:30 pm", "2026-11-09T14:30:00+01:00"),
        ("3 days ago 9:15", "2026-11-08T09:15:00+01:00"),
        ("10 nov 16:00", "2026-11-10T16:00:00+01:00"),
        ("2026-11-10 14:00", "2026-11-10T14:00:00+01:00"),
        ("2026-11-10T14:00", "2026-11-10T14:00:00+01:00"),
        ("2026-07-10 14:00", "2026-07-10T14:00:00+02:00"),
        ("2026-11-10 2pm", "2026-11-10T14:00:00+01:00"),
    ],
)
def test_moments_are_wall_clock_times_in_the_zone(text: str, expected: str) -> None:
    moment = parse_typed_moment(text, NOW, BERLIN)
    assert isinstance(moment, pendulum.DateTime)
    assert moment.isoformat() == expected


def test_an_iso_timestamp_keeps_its_own_offset() -> None:
    moment = parse_typed_moment("2026-11-10T14:00-05:00", NOW, BERLIN)
    assert moment.isoformat() == "2026-11-10T14:00:00-05:00"
    assert parse_typed_moment("2026-11-10T13:00Z", NOW, BERLIN) == pendulum.datetime(
        2026, 11, 10, 14, 0, tz=BERLIN
    )


def test_now_given_in_another_zone_is_read_in_the_users_zone() -> None:
    now_utc = pendulum.datetime(2026, 11, 11, 23, 30, tz="UTC")
    assert parse_typed_moment("9:00", now_utc, BERLIN) == pendulum.datetime(
        2026, 11, 12, 9, 0, tz=BERLIN
    )
    assert parse_typed_moment("9:00", now_utc, "America/Denver") == pendulum.datetime(
        2026, 11, 11, 9, 0, tz="America/Denver"
    )


def test_a_weekday_moment_leans_the_given_way() -> None:
    assert parse_typed_moment("fri 10:00", NOW, BERLIN, "future") == pendulum.datetime(
        2026, 11, 13, 10, 0, tz=BERLIN
    )
    assert parse_typed_moment("fri 10:00", NOW, BERLIN, "past") == pendulum.datetime(
        2026, 11, 6, 10, 0, tz=BERLIN
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "write when"),
        ("yesterday", "add the time of day, e.g. “yesterday 14:00”"),
        ("in 3 days", "add the time of day"),
        ("bla", "“bla” is not a moment I understand"),
        ("someday 14:00", "“someday” is not a day I understand"),
        ("yesterday 25:00", "is not a moment I understand"),
        ("2026-02-30 10:00", "“2026-02-30” is not a day on the calendar"),
    ],
)
def test_moments_that_are_refused_say_why(text: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_typed_moment(text, NOW, BERLIN)
    assert message in str(caught.value)


def test_a_time_skipped_by_daylight_saving_is_refused_not_shifted() -> None:
    with pytest.raises(ValueError) as caught:
        parse_typed_moment("2026-03-29 02:30", NOW, BERLIN)
    message = str(caught.value)
    assert "02:30 on Sun 29 Mar 2026 does not exist in Europe/Berlin" in message
    assert "daylight saving time starts" in message


def test_a_time_repeated_by_daylight_saving_is_refused_naming_both_offsets() -> None:
    now = pendulum.datetime(2026, 11, 2, 12, 0, tz="America/New_York")
    with pytest.raises(ValueError) as caught:
        parse_typed_moment("yesterday 1:30", now, "America/New_York")
    message = str(caught.value)
    assert "01:30 on Sun 1 Nov 2026 happens twice in America/New_York" in message
    assert "2026-11-01T01:30-04:00" in message
    assert "2026-11-01T01:30-05:00" in message
    chosen = parse_typed_moment("2026-11-01T01:30-05:00", now, "America/New_York")
    assert chosen.isoformat() == "2026-11-01T01:30:00-05:00"


def test_the_hours_around_a_change_are_accepted() -> None:
    before = local_moment(pendulum.date(2026, 3, 29), pendulum.time(1, 59), BERLIN)
    after = local_moment(pendulum.date(2026, 3, 29), pendulum.time(3, 0), BERLIN)
    assert before.isoformat() == "2026-03-29T01:59:00+01:00"
    assert after.isoformat() == "2026-03-29T03:00:00+02:00"
    assert (after - before).in_minutes() == 1


def test_local_moment_refuses_an_unknown_zone() -> None:
    with pytest.raises(ValueError, match="not an IANA time zone"):
        local_moment(pendulum.date(2026, 3, 29), pendulum.time(9, 0), "Mars/Olympus")


# -- zones ---------------------------------------------------------------------


def test_zone_matches_put_the_best_fit_first() -> None:
    assert zone_matches("Europe/Berlin")[0] == "Europe/Berlin"
    assert zone_matches("berlin")[0] == "Europe/Berlin"
    assert zone_matches("new york") == ["America/New_York"]
    assert "America/Denver" in zone_matches("denv")
    assert zone_matches("Berln")[0] == "Europe/Berlin"
    assert zone_matches("denvr")[0] == "America/Denver"
    assert len(zone_matches("america", limit=5)) == 5
    assert zone_matches("") == []
    assert zone_matches("qqqqqq") == []


def test_parse_zone_accepts_names_in_any_case_and_a_unique_city() -> None:
    assert parse_zone("America/Denver") == "America/Denver"
    assert parse_zone(" america/denver ") == "America/Denver"
    assert parse_zone("UTC") == "UTC"
    assert parse_zone("Berlin") == "Europe/Berlin"
    assert parse_zone("new york") == "America/New_York"


def test_an_unknown_zone_is_refused_naming_the_closest() -> None:
    with pytest.raises(ValueError) as caught:
        parse_zone("Europe/Berln")
    assert "“Europe/Berln” is not a time zone; did you mean Europe/Berlin" in str(caught.value)
    with pytest.raises(ValueError, match="write an IANA name such as Europe/Berlin"):
        parse_zone("qqqqqq")


# -- contact details -----------------------------------------------------------


def test_email_addresses_are_checked_for_their_shape() -> None:
    assert parse_email(" dana@example.com ") == "dana@example.com"
    assert parse_email("") is None
    for bad in ("dana", "dana@", "@example.com", "dana@example", "da na@example.com", "a@b..c"):
        with pytest.raises(ValueError, match="is not an e-mail address"):
            parse_email(bad)


def test_phone_numbers_are_kept_as_typed() -> None:
    assert parse_phone(" +1 (505) 555-0100 ext 12 ") == "+1 (505) 555-0100 ext 12"
    assert parse_phone("") is None
    with pytest.raises(ValueError, match="has no digits"):
        parse_phone("call me")
    with pytest.raises(ValueError, match="is not a phone number"):
        parse_phone("+1 505 [red]555")


def test_countries_and_subdivisions() -> None:
    assert parse_country(" us ") == "US"
    assert parse_country("") is None
    for bad in ("USA", "1A", "ü1"):
        with pytest.raises(ValueError, match="2-letter country code"):
            parse_country(bad)
    assert parse_subdivision("nm", "US") == "NM"
    assert parse_subdivision("", "US") is None
    with pytest.raises(ValueError, match="“XX” is not a subdivision of US; try AK"):
        parse_subdivision("XX", "US")
    with pytest.raises(ValueError, match="give the country too"):
        parse_subdivision("NM", None)


def test_days_of_the_week() -> None:
    assert parse_days("tue,wed,thu") == {Weekday.TUE, Weekday.WED, Weekday.THU}
    assert parse_days("Tuesday Thursday") == {Weekday.TUE, Weekday.THU}
    assert parse_days("mon-fri") == WEEKDAYS
    assert parse_days("weekdays") == WEEKDAYS
    assert parse_days("fri-mon") == {Weekday.FRI, Weekday.SAT, Weekday.SUN, Weekday.MON}
    assert parse_days("mon-wed, fri") == {Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.FRI}
    with pytest.raises(ValueError, match="“xyz” is not a day of the week"):
        parse_days("mon,xyz")
    with pytest.raises(ValueError, match="“mon-” is not a day of the week"):
        parse_days("mon-")
    with pytest.raises(ValueError, match="write days"):
        parse_days(" ")
    assert weekday_index("t") is None


def test_web_addresses() -> None:
    assert parse_url("https://acme.example/jobs/1") == "https://acme.example/jobs/1"
    assert parse_url("acme.example/jobs/1") == "https://acme.example/jobs/1"
    assert parse_url("") is None
    with pytest.raises(ValueError, match="no spaces"):
        parse_url("acme example")
    with pytest.raises(ValueError, match="is not a web address"):
        parse_url("ftp://acme.example")
    with pytest.raises(ValueError, match="is not a web address"):
        parse_url("localhost")


# -- read-backs ----------------------------------------------------------------


def test_parsed_values_read_back_plainly() -> None:
    assert describe_day(pendulum.date(2026, 11, 11), WEDNESDAY) == "Wed 11 Nov 2026, today"
    assert describe_day(pendulum.date(2026, 11, 10), WEDNESDAY) == "Tue 10 Nov 2026, yesterday"
    assert describe_day(pendulum.date(2026, 11, 12), WEDNESDAY) == "Thu 12 Nov 2026, tomorrow"
    assert describe_day(pendulum.date(2026, 11, 8), WEDNESDAY) == "Sun 8 Nov 2026, 3 days ago"
    assert (
        describe_day(pendulum.date(2026, 11, 18), WEDNESDAY) == "Wed 18 Nov 2026, 7 days from today"
    )
    moment = pendulum.datetime(2026, 11, 10, 8, 0, tz="America/New_York")
    assert (
        describe_moment(moment, NOW, BERLIN) == "Tue 10 Nov 2026, yesterday, 14:00 (Europe/Berlin)"
    )


# -- talking points ------------------------------------------------------------

APPLIED = Application(
    id="a1",
    company="Acme",
    position="Analyst",
    applied_on=pendulum.date(2026, 11, 2),
    contacts=("c1",),
    extra={"colour": "green"},
)


def test_talking_points_fill_in_the_application() -> None:
    lines = talking_points(
        TalkingPoints.STATUS, voicemail=False, application=APPLIED, contact_name="Dana"
    )
    assert lines[0] == "Say who you are, and that you applied for Analyst on Mon 2 Nov 2026."
    assert any("interviews" in line for line in lines)
    voicemail = talking_points(TalkingPoints.STATUS, voicemail=True, application=APPLIED)
    assert "under 30 seconds" in voicemail[0]
    assert "name and number again" in voicemail[-1]


def test_every_kind_of_call_has_both_scripts_and_user_text_stays_literal() -> None:
    odd = Application(
        id="a2", company="{company} [red]x", position="", applied_on=pendulum.date(2026, 11, 2)
    )
    for kind in TalkingPoints:
        for voicemail in (False, True):
            lines = talking_points(kind, voicemail=voicemail, application=odd)
            assert lines
            assert all("{" not in line.replace("{company} [red]x", "") for line in lines)
    decision = talking_points(TalkingPoints.AFTER_DECISION, voicemail=False, application=odd)
    assert "the position at {company} [red]x" in decision[0]
    interview = talking_points(TalkingPoints.AFTER_INTERVIEW, voicemail=False, application=odd)
    assert interview[0].startswith("Remind them who you are")
