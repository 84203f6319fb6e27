"""R9 and R8 in every stage, R18 (no phone, no call), R19 (interviews ahead)
and "blocked is about calls, not gratitude", each at its edge with a fixed `now`.

November 2026: Mondays are the 2nd, 9th, 16th, 23rd and 30th; Thursday the
26th is Thanksgiving in the US. New York is UTC-5 in winter.
"""

from __future__ import annotations

from typing import Any

import pendulum
from rule_records import NY, SETTINGS, application, at, entry

from jobcockpit.core.records import Application, Contact, LogEntry
from jobcockpit.core.rules import judge_pair, tasks_of
from jobcockpit.core.settings import Settings
from jobcockpit.core.stages import change_stage
from jobcockpit.core.verdicts import Task, TaskKind, Verdict, VerdictKind


def contact(**fields: Any) -> Contact:
    values: dict[str, Any] = {
        "id": "c1",
        "name": "Dana Ruiz",
        "phone": "+1 212 555 0100",
        "timezone": NY,
        "country": "US",
        "verified": True,
        "best_time": {"days": ["mon", "tue", "wed", "thu", "fri"], "from": "09:00", "to": "17:00"},
    }
    values.update(fields)
    return Contact.from_dict(values)


def judge(
    now: str,
    app: Application | None = None,
    person: Contact | None = None,
    log: list[LogEntry] | None = None,
    settings: Settings = SETTINGS,
) -> Verdict:
    return judge_pair(
        app or application(),
        person or contact(),
        sorted(log or [], key=lambda e: e.at),
        settings,
        at(now),
    )


def tasks(
    now: str,
    app: Application | None = None,
    person: Contact | None = None,
    log: list[LogEntry] | None = None,
) -> list[Task]:
    return tasks_of(
        app or application(),
        [person or contact()],
        sorted(log or [], key=lambda e: e.at),
        SETTINGS,
        at(now),
    )


def rejected(since: str, **fields: Any) -> Application:
    return application(stage="decided", outcome="rejected", stage_since=since, **fields)


# -- R9: one dial a day, in every stage ------------------------------------------


def test_r9_r15_the_dial_the_same_day_after_a_decision_waits_for_the_next_day() -> None:
    # Rejected on Friday the 13th; dialled on Monday at 09:05, nobody answered.
    app = rejected("2026-11-13T16:00:00-05:00")
    log = [entry("no_answer", "2026-11-16T09:05:00-05:00")]
    before = judge("2026-11-16T09:00:00-05:00", app)
    assert before.kind is VerdictKind.CALL
    verdict = judge("2026-11-16T10:00:00-05:00", app, log=log)
    assert verdict.kind is VerdictKind.WAIT
    assert {"R15", "R9"} <= set(verdict.rules)
    assert "already dialled today with no answer" in verdict.reason
    # The courtesy is due by the end of Tuesday, the 2nd business day: one more try.
    assert verdict.next == pendulum.date(2026, 11, 17)
    assert judge("2026-11-17T09:30:00-05:00", app, log=log).kind is VerdictKind.CALL


def test_r9_r15_no_dial_left_before_the_deadline_means_e_mail() -> None:
    # Rejected on Thursday the 12th: the courtesy is due by Monday the 16th.
    app = rejected("2026-11-12T16:00:00-05:00")
    log = [entry("no_answer", "2026-11-16T09:05:00-05:00")]
    verdict = judge("2026-11-16T10:00:00-05:00", app, log=log)
    assert verdict.kind is VerdictKind.EMAIL
    assert "R15" in verdict.rules and "R9" in verdict.rules
    assert "so e-mail" in verdict.reason


def test_r9_r16_the_check_in_call_is_one_dial_a_day() -> None:
    app = rejected("2026-11-17T09:00:00-05:00", keep_in_touch=True)
    courtesy = entry("email", "2026-11-17T15:00:00-05:00")
    # 90 days on is Monday 15 February 2027, Presidents' Day: the check-in is the 16th.
    dialled = [courtesy, entry("no_answer", "2027-02-16T09:15:00-05:00")]
    assert judge("2027-02-16T09:10:00-05:00", app, log=[courtesy]).kind is VerdictKind.CALL
    verdict = judge("2027-02-16T10:00:00-05:00", app, log=dialled)
    assert verdict.kind is VerdictKind.WAIT
    assert {"R16", "R9"} <= set(verdict.rules)
    assert verdict.next == pendulum.date(2027, 2, 17)
    assert judge("2027-02-17T10:00:00-05:00", app, log=dialled).kind is VerdictKind.CALL


def test_r9_r8_a_voicemail_then_a_decision_the_same_day_is_no_second_dial() -> None:
    # A voicemail at 09:05 about the application, the rejection at 09:10:
    # "call now" would be the second dial of the day (R9).
    app = rejected("2026-11-17T09:10:00-05:00")
    log = [entry("voicemail", "2026-11-17T09:05:00-05:00")]
    verdict = judge("2026-11-17T09:15:00-05:00", app, log=log)
    assert verdict.kind is VerdictKind.WAIT
    assert "R9" in verdict.rules
    assert verdict.next == pendulum.date(2026, 11, 18)
    # The next day the courtesy call is a new cycle's first: a message may be left.
    tomorrow = judge("2026-11-18T10:00:00-05:00", app, log=log)
    assert tomorrow.kind is VerdictKind.CALL
    assert not tomorrow.no_more_messages


def test_r8_r16_a_voicemail_in_the_decided_cycle_counts_for_the_check_in() -> None:
    # The courtesy was a voicemail; 90 days on, the check-in call may go on,
    # but leaves no second message in this cycle.
    app = rejected("2026-11-17T09:00:00-05:00", keep_in_touch=True)
    log = [entry("voicemail", "2026-11-18T10:00:00-05:00")]
    verdict = judge("2027-02-16T10:00:00-05:00", app, log=log)
    assert verdict.kind is VerdictKind.CALL
    assert verdict.no_more_messages
    assert "R8" in verdict.rules
    assert "do not leave another message" in verdict.reason


def test_r9_an_e_mail_is_no_dial() -> None:
    app = application(follow_up="email")
    log = [entry("no_answer", "2026-11-17T09:05:00-05:00")]
    verdict = judge("2026-11-17T10:00:00-05:00", app, log=log)
    assert verdict.kind is VerdictKind.EMAIL
    assert "R9" not in verdict.rules


# -- R18: no phone, no call ------------------------------------------------------


def test_r18_an_address_and_no_phone_is_an_e_mail() -> None:
    person = contact(phone=None, email="dana@acme.example")
    verdict = judge("2026-11-10T10:00:00-05:00", person=person)
    assert verdict.kind is VerdictKind.EMAIL
    assert "R18" in verdict.rules
    assert verdict.windows == ()
    # Not even a weekend stops an e-mail (the calendar does not apply).
    assert judge("2026-11-14T22:00:00-05:00", person=person).kind is VerdictKind.EMAIL
    # No number to check: no R1 task.
    assert tasks("2026-11-10T10:00:00-05:00", person=person) == []


def test_r18_neither_phone_nor_address_is_blocked_with_a_task_to_find_one() -> None:
    person = contact(phone=None, email=None, verified=False, best_time=None)
    verdict = judge("2026-11-10T10:00:00-05:00", person=person)
    assert verdict.kind is VerdictKind.BLOCKED
    assert verdict.rules == ("R18",)
    assert verdict.reason == "no phone or e-mail"
    [task] = tasks("2026-11-10T10:00:00-05:00", person=person)
    assert (task.kind, task.rules) == (TaskKind.VERIFY, ("R18",))
    assert task.text == "Dana Ruiz: find a number or an address"


def test_r18_waits_still_apply() -> None:
    # Applied on the 2nd: R3 waits until Monday the 9th, a wait that a
    # weekend does not move (an e-mail knows no call windows).
    person = contact(phone="  ", email="dana@acme.example")
    verdict = judge("2026-11-05T10:00:00-05:00", person=person)
    assert verdict.kind is VerdictKind.WAIT
    assert {"R3", "R18"} <= set(verdict.rules)
    assert verdict.next == pendulum.date(2026, 11, 9)
    nobody = contact(phone=None, email=None)
    waiting = judge("2026-11-05T10:00:00-05:00", person=nobody)
    assert waiting.kind is VerdictKind.WAIT
    assert "find a number or an address" in waiting.reason
    [task] = tasks("2026-11-05T10:00:00-05:00", person=nobody)
    assert task.rules == ("R18",)


def test_r18_caps_still_apply() -> None:
    person = contact(phone=None, email="dana@acme.example")
    two = [entry("email", "2026-11-09T09:00:00-05:00"), entry("email", "2026-11-16T09:00:00-05:00")]
    verdict = judge("2026-11-30T10:00:00-05:00", person=person, log=two)
    assert verdict.kind is VerdictKind.DONE
    assert "R7" in verdict.rules


def test_r18_r15_the_courtesy_goes_by_e_mail_without_a_phone() -> None:
    person = contact(phone=None, email="dana@acme.example")
    verdict = judge("2026-11-18T10:00:00-05:00", rejected("2026-11-17T09:00:00-05:00"), person)
    assert verdict.kind is VerdictKind.EMAIL
    assert verdict.rules[0] == "R15" and "R18" in verdict.rules


def test_r18_r2_e_mail_only_without_an_address_or_a_phone_is_blocked() -> None:
    nobody = contact(phone=None, email=None)
    verdict = judge("2026-11-10T10:00:00-05:00", application(follow_up="email"), nobody)
    assert verdict.kind is VerdictKind.BLOCKED
    assert verdict.rules == ("R18",)


# -- blocked is about calls, not gratitude ---------------------------------------


def test_r2_r5_a_no_contact_posting_keeps_the_thank_you_by_e_mail_and_no_verify_task() -> None:
    app = application(follow_up="none", stage="interviewed")
    person = contact(verified=False, best_time=None)
    log = [entry("interview", "2026-11-10T11:00:00-05:00")]
    assert judge("2026-11-10T15:00:00-05:00", app, person, log).kind is VerdictKind.BLOCKED
    found = tasks("2026-11-10T15:00:00-05:00", app, person, log)
    assert [t.kind for t in found] == [TaskKind.THANK_YOU]
    assert found[0].text == "thank-you note to Dana Ruiz for the interview, by e-mail"
    assert found[0].due == at("2026-11-11T11:00:00-05:00")


def test_r2_r15_r17_a_no_contact_posting_keeps_the_courtesy_by_e_mail() -> None:
    for outcome, rule in (("rejected", "R15"), ("withdrawn", "R17")):
        app = application(
            follow_up="none",
            stage="decided",
            outcome=outcome,
            stage_since="2026-11-17T09:00:00-05:00",
        )
        assert judge("2026-11-18T10:00:00-05:00", app).kind is VerdictKind.BLOCKED
        [courtesy] = tasks("2026-11-18T10:00:00-05:00", app)
        assert (courtesy.kind, courtesy.rules) == (TaskKind.COURTESY, (rule,))
        assert "by e-mail" in courtesy.text
        assert courtesy.due == at("2026-11-19T23:59:59-05:00")


# -- R19: interviews ahead --------------------------------------------------------


def scheduled(start: str, end: str) -> LogEntry:
    return entry("interview", end, starts_at=start)


def test_r19_an_interview_ahead_makes_the_pair_wait_and_asks_to_get_ready() -> None:
    # Applied on the 2nd, so R3 would say call; an interview on Thursday the 19th.
    interview = scheduled("2026-11-19T14:00:00-05:00", "2026-11-19T15:00:00-05:00")
    verdict = judge("2026-11-17T10:00:00-05:00", log=[interview])
    assert verdict.kind is VerdictKind.WAIT
    assert "R19" in verdict.rules
    assert verdict.reason.startswith("interview on Thu 19 Nov 2026 14:00")
    # Nobody is chased on the day of their interview.
    assert verdict.next == pendulum.date(2026, 11, 20)
    [prepare] = tasks("2026-11-17T10:00:00-05:00", log=[interview])
    assert (prepare.kind, prepare.rules) == (TaskKind.PREPARE, ("R19",))
    assert prepare.due == at("2026-11-19T14:00:00-05:00")
    assert "notes" in prepare.text and "talking points" in prepare.text and "R6" in prepare.text
    assert not prepare.late


def test_r19_get_ready_until_the_start_and_the_thank_you_from_the_minute_it_ends() -> None:
    app = application(stage="interviewed", stage_since="2026-11-19T15:00:00-05:00")
    interview = scheduled("2026-11-19T14:00:00-05:00", "2026-11-19T15:00:00-05:00")
    at_start = tasks("2026-11-19T14:00:00-05:00", app, log=[interview])
    assert [t.kind for t in at_start] == [TaskKind.PREPARE]
    assert tasks("2026-11-19T14:01:00-05:00", app, log=[interview]) == []
    # A minute before it ends: still ahead, still waiting, no thank-you yet.
    before = judge("2026-11-19T14:59:00-05:00", app, log=[interview])
    assert before.kind is VerdictKind.WAIT and "R19" in before.rules
    assert before.changes_at == interview.at
    # The minute it ends: it has taken place; R5 counts from its end, R6 waits
    # three business days after it: Friday, Monday, Tuesday.
    ended = judge("2026-11-19T15:00:00-05:00", app, log=[interview])
    assert "R19" not in ended.rules and "R6" in ended.rules
    assert ended.next == pendulum.date(2026, 11, 24)
    [thanks] = tasks("2026-11-19T15:00:00-05:00", app, log=[interview])
    assert (thanks.kind, thanks.due) == (TaskKind.THANK_YOU, at("2026-11-20T15:00:00-05:00"))


def test_r19_moving_to_interviewed_schedules_it_and_r6_counts_from_its_end() -> None:
    start = at("2026-11-19T14:00:00-05:00")
    change = change_stage(
        application(),
        change_stage(application(), application().stage).application.stage.next
        or application().stage,
        at=start.add(hours=1),
        starts_at=start,
    )
    assert change.entry is not None and change.entry.starts_at == start
    verdict = judge("2026-11-17T10:00:00-05:00", change.application, log=[change.entry])
    assert verdict.kind is VerdictKind.WAIT
    assert verdict.rules[0] == "R19" and "R6" in verdict.rules
    assert verdict.reason.startswith("interview on Thu 19 Nov 2026 14:00; wait 3 business days")
    assert verdict.next == pendulum.date(2026, 11, 24)


def test_r19_is_no_follow_up_and_wins_over_a_used_up_cycle() -> None:
    two = [
        entry("email", "2026-11-09T09:00:00-05:00"),
        entry("connected", "2026-11-16T10:00:00-05:00"),
    ]
    assert judge("2026-11-17T10:00:00-05:00", log=two).kind is VerdictKind.DONE
    interview = scheduled("2026-11-19T14:00:00-05:00", "2026-11-19T15:00:00-05:00")
    verdict = judge("2026-11-17T10:00:00-05:00", log=[*two, interview])
    assert verdict.kind is VerdictKind.WAIT
    assert "R19" in verdict.rules
    assert "ball is in their court" not in verdict.reason


def test_r19_a_second_round_starts_a_cycle_once_it_has_taken_place() -> None:
    first = entry("interview", "2026-11-09T11:00:00-05:00")
    thanks = entry("thank_you", "2026-11-09T18:00:00-05:00")
    second = scheduled("2026-11-23T10:00:00-05:00", "2026-11-23T11:00:00-05:00")
    app = application(stage="interviewed", stage_since="2026-11-09T11:00:00-05:00")
    log = [first, thanks, second]
    # Three business days after the first round have passed, but the second
    # is ahead; R6 will count from its end: Tuesday, Wednesday, (Thanksgiving)
    # Friday.
    waiting = judge("2026-11-18T10:00:00-05:00", app, log=log)
    assert waiting.kind is VerdictKind.WAIT
    assert waiting.next == pendulum.date(2026, 11, 27)
    after = judge("2026-11-24T10:00:00-05:00", app, log=log)
    assert after.kind is VerdictKind.WAIT
    assert after.rules[0] == "R6" and "R19" not in after.rules
    assert after.next == pendulum.date(2026, 11, 27)


def test_r19_without_a_start_an_interview_is_taken_to_last_an_hour() -> None:
    interview = entry("interview", "2026-11-19T15:00:00-05:00")
    [prepare] = tasks("2026-11-17T10:00:00-05:00", log=[interview])
    assert prepare.due == at("2026-11-19T14:00:00-05:00")


def test_r19_the_reason_names_the_day_in_the_users_zone() -> None:
    # The contact is in Tokyo; the user in New York: 09:00 on Friday the 20th
    # in Tokyo is 19:00 on Thursday the 19th for the user.
    tokyo = contact(timezone="Asia/Tokyo", country="JP", phone="+81 3 1234 5678")
    interview = scheduled("2026-11-20T09:00:00+09:00", "2026-11-20T10:00:00+09:00")
    verdict = judge("2026-11-17T10:00:00-05:00", person=tokyo, log=[interview])
    assert verdict.reason.startswith("interview on Thu 19 Nov 2026 19:00")
