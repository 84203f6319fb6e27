"""One deadline, one day: a due moment read in the user's zone, whoever's
day it ends in, across zones and changes of daylight saving time."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pendulum
import pytest

from jobcockpit.core.due import countdown, due_day
from jobcockpit.core.records import Application, Contact
from jobcockpit.core.rules import judge_pair, tasks_of
from jobcockpit.core.settings import Settings
from jobcockpit.core.verdicts import TaskKind


def at(text: str) -> pendulum.DateTime:
    moment = pendulum.parse(text)
    assert isinstance(moment, pendulum.DateTime)
    return moment


def test_the_day_and_time_are_the_users() -> None:
    # Monday 23:59:59 in Denver is Tuesday 06:59:59 in London.
    due = due_day(at("2026-12-07T23:59:59-07:00"), "Europe/London")
    assert due.day == dt.date(2026, 12, 8)
    assert (due.weekday, due.clock) == ("Tue", "06:59")
    assert due.long() == "Tue 8 Dec 2026 06:59"


@pytest.mark.parametrize(
    ("today", "said"),
    [
        (dt.date(2026, 12, 8), "today 06:59"),
        (dt.date(2026, 12, 7), "tomorrow 06:59"),
        (dt.date(2026, 12, 9), "yesterday 06:59"),
        (dt.date(2026, 12, 3), "Tue 06:59"),
        (dt.date(2026, 12, 1), "Tue 8 Dec 06:59"),
        (dt.date(2026, 12, 11), "Tue 8 Dec 06:59"),
        (dt.date(2025, 12, 1), "Tue 8 Dec 2026 06:59"),
    ],
)
def test_the_short_form_names_the_same_day_from_any_day(today: dt.date, said: str) -> None:
    due = due_day(at("2026-12-08T06:59:59+00:00"), "Europe/London")
    assert due.short(today) == said


def test_a_countdown_says_late_as_soon_as_the_rules_do() -> None:
    due = at("2026-12-08T12:00:00+00:00")
    assert countdown(due, at("2026-12-08T07:00:00+00:00")) == "in 5 h"
    assert countdown(due, at("2026-12-08T15:00:00+00:00")) == "3 h late"
    assert countdown(due, due, late=True) == "1 min late"


def decided(since: str) -> Application:
    return Application.from_dict(
        {
            "id": "a1",
            "company": "Globex",
            "position": "Analyst",
            "applied_on": "2026-10-01",
            "stage": "decided",
            "outcome": "rejected",
            "stage_since": since,
            "contacts": ["c1"],
        }
    )


def person(**fields: Any) -> Contact:
    values: dict[str, Any] = {"id": "c1", "name": "Sam Okafor", "verified": True}
    values.update(fields)
    return Contact.from_dict(values)


DENVER = person(phone="+1 303 555 0199", timezone="America/Denver", country="US")
BANGKOK = person(phone="+66 2 123 4567", timezone="Asia/Bangkok", country="TH")


def courtesy_day(app: Application, contact: Contact, user_zone: str, now: str) -> tuple[str, str]:
    """The courtesy task's due day and time as every view names it, and the
    verdict's reason."""
    settings = Settings(user_timezone=user_zone)
    [task] = [
        t for t in tasks_of(app, [contact], [], settings, at(now)) if t.kind is TaskKind.COURTESY
    ]
    assert task.due is not None
    verdict = judge_pair(app, contact, [], settings, at(now))
    return due_day(task.due, user_zone).long(), verdict.reason


def test_r15_a_contact_seven_hours_behind_the_user_is_due_the_users_next_morning() -> None:
    # Decided Friday evening in Denver (Saturday in London): the 2nd business
    # day there is Tuesday, which ends at 06:59 on Wednesday in London.
    app = decided("2026-12-04T18:00:00-07:00")
    said, reason = courtesy_day(app, DENVER, "Europe/London", "2026-12-07T09:00:00+00:00")
    assert said == "Wed 9 Dec 2026 06:59"
    assert "by Wed 9 Dec 2026 06:59" in reason


def test_r15_a_contact_seven_hours_ahead_of_the_user_is_due_the_users_afternoon() -> None:
    # Decided Friday morning in Bangkok: Tuesday 23:59 there is Tuesday 16:59 in London.
    app = decided("2026-11-13T10:00:00+07:00")
    said, reason = courtesy_day(app, BANGKOK, "Europe/London", "2026-11-16T03:00:00+00:00")
    assert said == "Tue 17 Nov 2026 16:59"
    assert "by Tue 17 Nov 2026 16:59" in reason


def test_r15_a_deadline_across_the_change_of_daylight_saving_time() -> None:
    # London falls back on Sunday 25 October 2026, Denver on Sunday 1 November.
    # Decided Thursday 29 October in Denver: the 2nd business day is Monday
    # 2 November, after Denver's change (UTC-7): 23:59 there is 06:59 on
    # Tuesday in London; the week before, Denver was only six hours behind.
    app = decided("2026-10-29T11:00:00-06:00")
    said, _ = courtesy_day(app, DENVER, "Europe/London", "2026-10-30T09:00:00+00:00")
    assert said == "Tue 3 Nov 2026 06:59"
    earlier = decided("2026-10-22T11:00:00-06:00")
    said, _ = courtesy_day(earlier, DENVER, "Europe/London", "2026-10-23T09:00:00+00:00")
    assert said == "Tue 27 Oct 2026 05:59"


def test_r5_a_thank_you_due_across_the_users_change_of_clock() -> None:
    # An interview ends Saturday 24 October 10:00 in Denver; due 24 hours later,
    # Sunday 25 October 10:00 there (UTC-6), 16:00 in London, which fell back
    # to UTC that night.
    interview = "2026-10-24T10:00:00-06:00"
    due = at(interview).add(hours=24)
    assert due_day(due, "Europe/London").long() == "Sun 25 Oct 2026 16:00"
