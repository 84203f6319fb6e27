"""R19 and R6 when an interview has taken place while the card still says
applied (a spreadsheet row "interview scheduled" is imported in that stage):
R6's wait follows the interview, whatever the card says.

December 2026: Thursday the 10th; Friday the 11th; Monday the 14th; Tuesday
the 15th. Berlin is UTC+1 in winter.
"""

from __future__ import annotations

from typing import Any

import pendulum

from jobcockpit.core.records import Application, Contact, LogEntry
from jobcockpit.core.rules import judge_pair, tasks_of
from jobcockpit.core.settings import Settings
from jobcockpit.core.verdicts import TaskKind, Verdict, VerdictKind

BERLIN = "Europe/Berlin"
SETTINGS = Settings(user_timezone=BERLIN)
INTERVIEW = LogEntry.from_dict(
    {
        "application": "a3",
        "kind": "interview",
        "starts_at": "2026-12-10T10:00:00+01:00",
        "at": "2026-12-10T11:00:00+01:00",
    }
)


def application(**fields: Any) -> Application:
    values: dict[str, Any] = {
        "id": "a3",
        "company": "Globex",
        "position": "Analyst",
        "applied_on": "2026-11-10",
        "contacts": ["c3"],
    }
    values.update(fields)
    return Application.from_dict(values)


PERSON = Contact.from_dict({"id": "c3", "name": "Lena Vogt", "phone": "+49 30 1234567"})


def at(text: str) -> pendulum.DateTime:
    moment = pendulum.parse(text)
    assert isinstance(moment, pendulum.DateTime)
    return moment


def judge(now: str, app: Application | None = None, log: list[LogEntry] | None = None) -> Verdict:
    entries = [INTERVIEW] if log is None else log
    return judge_pair(app or application(), PERSON, entries, SETTINGS, at(now))


def test_r19_r6_the_minute_the_interview_ends_r6_waits_though_the_card_says_applied() -> None:
    ended = judge("2026-12-10T11:00:00+01:00")
    assert ended.kind is VerdictKind.WAIT
    assert ended.rules[0] == "R6" and "R3" not in ended.rules and "R19" not in ended.rules
    assert not ended.overdue
    # Three business days after Thursday: Friday, Monday, Tuesday.
    assert ended.next == pendulum.date(2026, 12, 15)
    assert ended.reason.startswith("interviewed today")
    assert "applied" not in ended.reason
    # A minute before, it was still ahead: R19 waits over the interview day.
    before = judge("2026-12-10T10:59:00+01:00")
    assert before.kind is VerdictKind.WAIT and before.rules[0] == "R19"
    assert before.changes_at == INTERVIEW.at


def test_r19_r6_an_hour_after_the_interview_and_the_day_after_it_still_wait() -> None:
    for now in ("2026-12-10T12:00:00+01:00", "2026-12-11T10:00:00+01:00"):
        verdict = judge(now)
        assert verdict.kind is VerdictKind.WAIT, now
        assert "R6" in verdict.rules and "R3" not in verdict.rules
        assert verdict.next == pendulum.date(2026, 12, 15)
    assert judge("2026-12-14T14:30:00+01:00").kind is VerdictKind.WAIT


def test_r6_the_day_its_wait_ends_is_a_call_as_in_the_interviewed_stage() -> None:
    applied = judge("2026-12-15T10:00:00+01:00")
    assert applied.kind is VerdictKind.CALL
    assert applied.rules[0] == "R6" and "R3" not in applied.rules
    assert not applied.overdue
    interviewed = judge(
        "2026-12-15T10:00:00+01:00", application(stage="interviewed", stage_since=None)
    )
    assert (interviewed.kind, interviewed.rules[0]) == (applied.kind, "R6")
    # R6's overdue: after the 5th business day (Thursday the 17th).
    assert not judge("2026-12-17T10:00:00+01:00").overdue
    assert judge("2026-12-18T10:00:00+01:00").overdue


def test_r5_the_thank_you_after_an_interview_while_the_card_says_applied() -> None:
    tasks = tasks_of(application(), [PERSON], [INTERVIEW], SETTINGS, at("2026-12-10T12:00+01:00"))
    [thanks] = [t for t in tasks if t.kind is TaskKind.THANK_YOU]
    assert (thanks.rules, thanks.due) == (("R5",), at("2026-12-11T11:00:00+01:00"))


def test_r3_an_interview_before_the_stage_began_starts_no_cycle() -> None:
    # Moved back to applied after the interview: R3 runs from the move.
    app = application(stage_since="2026-12-11T09:00:00+01:00")
    verdict = judge("2026-12-14T14:30:00+01:00", app)
    assert verdict.kind is VerdictKind.WAIT and verdict.rules[0] == "R3"
    assert verdict.next == pendulum.date(2026, 12, 18)


def test_r14_r6_a_reply_after_the_interview_restarts_r6_from_the_reply() -> None:
    reply = LogEntry.from_dict(
        {"application": "a3", "kind": "reply", "at": "2026-12-14T09:00:00+01:00"}
    )
    verdict = judge("2026-12-15T10:00:00+01:00", log=[INTERVIEW, reply])
    assert verdict.kind is VerdictKind.WAIT
    assert verdict.rules[:2] == ("R6", "R14")
    # Three business days after Monday the 14th.
    assert verdict.next == pendulum.date(2026, 12, 17)
