"""The follow-up rules at their edges, each with a fixed `now`.

November 2026: Mondays are the 2nd, 9th, 16th, 23rd and 30th; Thursday the
26th is Thanksgiving in the US. New York is UTC-5 in winter.
"""

from __future__ import annotations

from typing import Any

import pendulum
import pytest
from msgspec import structs
from rule_records import NY, SETTINGS, application, at, entry

from jobcockpit.core.board import Board
from jobcockpit.core.records import Application, BestTime, Contact, LogEntry, Weekday
from jobcockpit.core.rules import agenda, best_verdict, judge_pair, tasks_of
from jobcockpit.core.settings import Settings
from jobcockpit.core.verdicts import TaskKind, Verdict, VerdictKind


def contact(**fields: Any) -> Contact:
    values: dict[str, Any] = {
        "id": "c1",
        "name": "Dana Ruiz",
        "phone": "+1 212 555 0100",
        "timezone": NY,
        "country": "US",
        "verified": True,
        "best_time": None,
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


def window_bounds(verdict: Verdict) -> list[tuple[str, str]]:
    return [(w.start.isoformat(), w.end.isoformat()) for w in verdict.windows]


# -- R3: stage applied ---------------------------------------------------------


def test_r3_the_day_before_the_week_is_up_waits_until_that_day() -> None:
    verdict = judge("2026-11-08T10:00:00-05:00")  # Sunday, applied Monday the 2nd
    assert verdict.kind is VerdictKind.WAIT
    assert "R3" in verdict.rules
    assert verdict.next == pendulum.date(2026, 11, 9)


def test_r3_the_day_the_week_is_up_is_a_call_day() -> None:
    verdict = judge("2026-11-10T10:00:00-05:00")  # Tuesday, 8 days later
    assert verdict.kind is VerdictKind.CALL
    assert verdict.rules[0] == "R3"
    assert verdict.next is None
    assert window_bounds(verdict) == [
        ("2026-11-10T09:30:00-05:00", "2026-11-10T11:30:00-05:00"),
        ("2026-11-10T14:00:00-05:00", "2026-11-10T16:00:00-05:00"),
    ]


def test_r3_wait_ending_on_a_weekend_skips_to_the_next_business_day() -> None:
    # Applied Sunday 1st: 7 days later is Sunday 8th, no calls on weekends.
    verdict = judge("2026-11-06T10:00:00-05:00", application(applied_on="2026-11-01"))
    assert verdict.kind is VerdictKind.WAIT
    assert verdict.next == pendulum.date(2026, 11, 9)
    assert "R11" in verdict.rules


def test_r3_overdue_from_the_day_after_14_days() -> None:
    on_day_14 = judge("2026-11-16T14:30:00-05:00")
    day_after = judge("2026-11-17T14:30:00-05:00")
    assert on_day_14.kind is VerdictKind.CALL and not on_day_14.overdue
    assert day_after.kind is VerdictKind.CALL and day_after.overdue
    assert day_after.reason.startswith("overdue")


def test_r3_no_longer_overdue_once_a_voicemail_was_left() -> None:
    log = [entry("voicemail", "2026-11-09T10:00:00-05:00")]
    verdict = judge("2026-11-17T10:00:00-05:00", log=log)
    assert verdict.kind is VerdictKind.CALL
    assert not verdict.overdue


# -- R10 and R11: windows ------------------------------------------------------


def test_r10_a_window_counts_until_ten_minutes_before_it_closes() -> None:
    eleven_left = judge("2026-11-10T15:49:00-05:00")
    ten_left = judge("2026-11-10T15:50:00-05:00")
    nine_left = judge("2026-11-10T15:51:00-05:00")
    assert eleven_left.kind is VerdictKind.CALL
    assert ten_left.kind is VerdictKind.CALL
    assert window_bounds(ten_left) == [("2026-11-10T14:00:00-05:00", "2026-11-10T16:00:00-05:00")]
    assert nine_left.kind is VerdictKind.WAIT
    # Wednesday the 11th is Veterans Day, a federal holiday.
    assert nine_left.next == pendulum.date(2026, 11, 12)
    assert "R12" in nine_left.rules
    assert "no call window left today" in nine_left.reason


def test_r10_between_windows_only_the_afternoon_is_left() -> None:
    verdict = judge("2026-11-10T12:00:00-05:00")
    assert verdict.kind is VerdictKind.CALL
    assert verdict.open_window(at("2026-11-10T12:00:00-05:00")) is None
    assert window_bounds(verdict) == [("2026-11-10T14:00:00-05:00", "2026-11-10T16:00:00-05:00")]


def test_r10_a_best_time_replaces_the_default_windows() -> None:
    best = {"days": ["tue", "wed", "thu"], "from": "10:00", "to": "11:30"}
    verdict = judge("2026-11-10T08:00:00-05:00", person=contact(best_time=best))
    assert window_bounds(verdict) == [("2026-11-10T10:00:00-05:00", "2026-11-10T11:30:00-05:00")]
    monday = judge("2026-11-16T10:00:00-05:00", person=contact(best_time=best))
    assert monday.kind is VerdictKind.WAIT
    assert monday.next == pendulum.date(2026, 11, 17)


def test_r11_monday_morning_is_cut() -> None:
    verdict = judge("2026-11-16T09:00:00-05:00")
    assert verdict.kind is VerdictKind.CALL
    assert window_bounds(verdict) == [("2026-11-16T14:00:00-05:00", "2026-11-16T16:00:00-05:00")]
    assert "R11" in verdict.rules


def test_r11_friday_afternoon_is_cut() -> None:
    morning = judge("2026-11-13T09:00:00-05:00")
    assert window_bounds(morning) == [("2026-11-13T09:30:00-05:00", "2026-11-13T11:30:00-05:00")]
    afternoon = judge("2026-11-13T13:00:00-05:00")
    assert afternoon.kind is VerdictKind.WAIT
    assert afternoon.next == pendulum.date(2026, 11, 16)


def test_r11_no_calls_at_the_weekend() -> None:
    verdict = judge("2026-11-14T10:00:00-05:00")
    assert verdict.kind is VerdictKind.WAIT
    assert "R11" in verdict.rules
    assert verdict.next == pendulum.date(2026, 11, 16)


def test_r11_a_best_time_that_names_saturday_allows_it() -> None:
    best = {"days": ["sat"], "from": "10:00", "to": "12:00"}
    verdict = judge("2026-11-14T09:00:00-05:00", person=contact(best_time=best))
    assert verdict.kind is VerdictKind.CALL
    assert window_bounds(verdict) == [("2026-11-14T10:00:00-05:00", "2026-11-14T12:00:00-05:00")]


def test_r11_cuts_do_not_apply_to_a_best_time() -> None:
    best = {"days": ["mon"], "from": "09:00", "to": "10:00"}
    verdict = judge("2026-11-16T08:00:00-05:00", person=contact(best_time=best))
    assert window_bounds(verdict) == [("2026-11-16T09:00:00-05:00", "2026-11-16T10:00:00-05:00")]


# -- R12: holidays -------------------------------------------------------------


def test_r12_no_call_on_a_public_holiday_even_in_the_best_time() -> None:
    best = {"days": ["thu"], "from": "10:00", "to": "11:00"}
    verdict = judge("2026-11-26T08:00:00-05:00", person=contact(best_time=best))
    assert verdict.kind is VerdictKind.WAIT
    assert "R12" in verdict.rules
    assert "Thanksgiving" in verdict.reason
    assert verdict.next == pendulum.date(2026, 12, 3)


def test_r12_business_day_waits_skip_holidays() -> None:
    # Interview Tuesday 24th; 3 business days: Wed 25, (Thu 26 holiday), Fri 27, Mon 30.
    app = application(stage="interviewed", stage_since="2026-11-24T15:00:00-05:00")
    before = judge("2026-11-27T10:00:00-05:00", app)
    assert before.kind is VerdictKind.WAIT
    assert before.next == pendulum.date(2026, 11, 30)
    assert "R6" in before.rules


def test_r12_holidays_follow_the_contacts_country_not_the_users() -> None:
    german = contact(timezone="Europe/Berlin", country="DE", phone="+49 30 1234567")
    verdict = judge("2026-11-26T15:00:00+01:00", person=german)
    assert verdict.kind is VerdictKind.CALL


# -- R6 and R4: after the interview ---------------------------------------------


def test_r6_call_on_the_third_business_day_and_overdue_after_the_fifth() -> None:
    app = application(stage="interviewed")
    log = [
        entry("interview", "2026-11-02T11:00:00-05:00"),
        entry("thank_you", "2026-11-02T18:00:00-05:00"),
    ]
    assert judge("2026-11-04T10:00:00-05:00", app, log=log).kind is VerdictKind.WAIT
    on_time = judge("2026-11-05T10:00:00-05:00", app, log=log)
    assert on_time.kind is VerdictKind.CALL and not on_time.overdue
    assert on_time.rules[0] == "R6"
    fifth = judge("2026-11-09T14:30:00-05:00", app, log=log)
    assert fifth.kind is VerdictKind.CALL and not fifth.overdue
    sixth = judge("2026-11-10T10:00:00-05:00", app, log=log)
    assert sixth.overdue


def test_r4_a_promised_decision_date_pushes_the_wait() -> None:
    app = application(stage="interviewed", stage_since="2026-11-02T11:00:00-05:00")
    log = [
        entry(
            "connected",
            "2026-11-02T11:00:00-05:00",
            decision_expected_on="2026-11-18",
        )
    ]
    verdict = judge("2026-11-12T10:00:00-05:00", app, log=log)
    assert verdict.kind is VerdictKind.WAIT
    assert "R4" in verdict.rules
    assert verdict.next == pendulum.date(2026, 11, 19)
    assert judge("2026-11-19T10:00:00-05:00", app, log=log).kind is VerdictKind.CALL


def test_r4_an_earlier_date_than_the_stage_wait_changes_nothing() -> None:
    app = application(decision_expected_on="2026-11-03")
    verdict = judge("2026-11-05T10:00:00-05:00", app)
    assert "R4" not in verdict.rules
    assert verdict.next == pendulum.date(2026, 11, 9)


# -- R7 to R9: never pester ------------------------------------------------------


def test_r7_a_week_between_follow_ups_then_done_after_two() -> None:
    one = [entry("email", "2026-11-10T09:00:00-05:00")]
    day_before = judge("2026-11-16T14:30:00-05:00", log=one)
    assert day_before.kind is VerdictKind.WAIT
    assert "R7" in day_before.rules
    assert day_before.next == pendulum.date(2026, 11, 17)
    assert judge("2026-11-17T10:00:00-05:00", log=one).kind is VerdictKind.CALL
    two = [*one, entry("connected", "2026-11-17T10:00:00-05:00")]
    done = judge("2026-11-30T14:30:00-05:00", log=two)
    assert done.kind is VerdictKind.DONE
    assert "ball is in their court" in done.reason


def test_r8_after_a_voicemail_wait_a_week_then_call_without_a_message() -> None:
    log = [entry("voicemail", "2026-11-10T10:00:00-05:00")]
    assert judge("2026-11-16T14:30:00-05:00", log=log).kind is VerdictKind.WAIT
    verdict = judge("2026-11-17T10:00:00-05:00", log=log)
    assert verdict.kind is VerdictKind.CALL
    assert verdict.no_more_messages
    assert "do not leave another message" in verdict.reason
    assert "R8" in verdict.rules


def test_r9_one_dial_a_day() -> None:
    log = [entry("no_answer", "2026-11-17T09:45:00-05:00")]
    verdict = judge("2026-11-17T14:30:00-05:00", log=log)
    assert verdict.kind is VerdictKind.WAIT
    assert verdict.rules == ("R9",)
    assert verdict.next == pendulum.date(2026, 11, 18)


def test_r9_on_friday_the_next_try_is_monday_afternoon() -> None:
    log = [entry("no_answer", "2026-11-13T09:45:00-05:00")]
    verdict = judge("2026-11-13T10:00:00-05:00", log=log)
    assert verdict.next == pendulum.date(2026, 11, 16)


def test_no_answer_is_not_a_last_contact_nor_a_follow_up() -> None:
    log = [entry("no_answer", "2026-11-17T09:45:00-05:00")]
    verdict = judge("2026-11-18T10:00:00-05:00", log=log)
    assert verdict.kind is VerdictKind.CALL
    assert verdict.last_contact == at("2026-11-02T00:00:00-05:00")


def test_entries_later_than_now_are_ignored() -> None:
    log = [entry("connected", "2026-11-20T10:00:00-05:00")]
    assert judge("2026-11-10T10:00:00-05:00", log=log).kind is VerdictKind.CALL


# -- R14: a reply starts a new cycle ------------------------------------------------


def test_r14_a_reply_restarts_the_wait_and_resets_the_counts() -> None:
    log = [
        entry("email", "2026-11-09T09:00:00-05:00"),
        entry("connected", "2026-11-16T10:00:00-05:00"),
        entry("reply", "2026-11-17T09:00:00-05:00"),
    ]
    waiting = judge("2026-11-20T10:00:00-05:00", log=log)
    assert waiting.kind is VerdictKind.WAIT
    assert {"R3", "R14"} <= set(waiting.rules)
    assert waiting.next == pendulum.date(2026, 11, 24)
    assert judge("2026-11-24T10:00:00-05:00", log=log).kind is VerdictKind.CALL


# -- R2: the posting's wishes -----------------------------------------------------


def test_r2_no_contact_is_blocked_whatever_else_holds() -> None:
    verdict = judge("2026-11-20T10:00:00-05:00", application(follow_up="none"))
    assert verdict.kind is VerdictKind.BLOCKED
    assert verdict.rules == ("R2",)


def test_r2_email_only_turns_a_call_into_an_email_even_at_the_weekend() -> None:
    app = application(follow_up="email")
    verdict = judge("2026-11-14T22:00:00-05:00", app)
    assert verdict.kind is VerdictKind.EMAIL
    assert "R2" in verdict.rules
    assert verdict.windows == ()


def test_r2_email_only_still_waits() -> None:
    verdict = judge("2026-11-05T10:00:00-05:00", application(follow_up="email"))
    assert verdict.kind is VerdictKind.WAIT
    assert verdict.next == pendulum.date(2026, 11, 9)


# -- R13 and zones ----------------------------------------------------------------


def test_r13_unknown_zone_is_judged_in_the_users_zone_and_said_so() -> None:
    nobody = contact(timezone=None, phone=None, country=None)
    verdict = judge("2026-11-10T10:00:00-05:00", person=nobody)
    assert verdict.zone == NY
    assert verdict.zone_guessed
    assert "R13" in verdict.rules
    assert "time zone guessed" in verdict.reason


def test_a_zone_is_inferred_from_the_phone_number_with_its_holidays() -> None:
    tokyo = contact(timezone=None, country=None, phone="+81 3 1234 5678")
    # Monday 23rd 10:00 in Tokyo is Labor Thanksgiving Day there.
    holiday = judge("2026-11-23T10:00:00+09:00", person=tokyo)
    assert holiday.zone == "Asia/Tokyo"
    assert not holiday.zone_guessed
    assert "R12" in holiday.rules
    verdict = judge("2026-11-24T10:00:00+09:00", person=tokyo)
    assert verdict.kind is VerdictKind.CALL
    assert window_bounds(verdict) == [
        ("2026-11-24T09:30:00+09:00", "2026-11-24T11:30:00+09:00"),
        ("2026-11-24T14:00:00+09:00", "2026-11-24T16:00:00+09:00"),
    ]


def test_a_contact_seven_hours_ahead_of_the_user() -> None:
    settings = Settings(user_timezone="Europe/London")
    bangkok = contact(timezone="Asia/Bangkok", country="TH", phone="+66 2 123 4567")
    # 08:00 in London is 15:00 in Bangkok: the afternoon window is open there.
    verdict = judge("2026-11-10T08:00:00+00:00", person=bangkok, settings=settings)
    assert verdict.kind is VerdictKind.CALL
    assert window_bounds(verdict) == [("2026-11-10T14:00:00+07:00", "2026-11-10T16:00:00+07:00")]
    assert verdict.open_window(at("2026-11-10T08:00:00+00:00")) is not None
    # 10:00 in London is 17:00 there: nothing left today, although the user's day is young.
    late = judge("2026-11-10T10:00:00+00:00", person=bangkok, settings=settings)
    assert late.kind is VerdictKind.WAIT
    assert late.next == pendulum.date(2026, 11, 11)


def test_a_dst_change_day_in_the_contacts_zone() -> None:
    # New York falls back on Sunday 1 November 2026; a Sunday best time is judged
    # in the new offset, and the week's wait counts calendar days, not hours.
    best = {"days": ["sun"], "from": "09:30", "to": "11:30"}
    app = application(applied_on="2026-10-25")
    verdict = judge("2026-11-01T08:00:00-05:00", app, contact(best_time=best))
    assert verdict.kind is VerdictKind.CALL
    assert window_bounds(verdict) == [("2026-11-01T09:30:00-05:00", "2026-11-01T11:30:00-05:00")]
    assert judge("2026-11-01T00:30:00-04:00", app, contact(best_time=best)).kind is VerdictKind.CALL


def test_a_spring_forward_day_keeps_the_windows_in_local_time() -> None:
    # New York springs forward on Sunday 14 March 2027.
    best = {"days": ["sun"], "from": "09:30", "to": "11:30"}
    app = application(applied_on="2027-03-01")
    verdict = judge("2027-03-14T08:00:00-04:00", app, contact(best_time=best))
    assert window_bounds(verdict) == [("2027-03-14T09:30:00-04:00", "2027-03-14T11:30:00-04:00")]


# -- decided: R15 to R17 -------------------------------------------------------------


def decided(outcome: str, **fields: Any) -> Application:
    return application(
        stage="decided", outcome=outcome, stage_since="2026-11-17T09:00:00-05:00", **fields
    )


def test_r15_one_courtesy_call_until_the_second_business_day() -> None:
    app = decided("rejected")
    assert judge("2026-11-19T10:00:00-05:00", app).kind is VerdictKind.CALL
    assert judge("2026-11-20T10:00:00-05:00", app).kind is VerdictKind.DONE
    used = [entry("voicemail", "2026-11-18T10:00:00-05:00")]
    assert judge("2026-11-19T10:00:00-05:00", app, log=used).kind is VerdictKind.DONE


def test_r15_courtesy_by_email_when_no_call_window_is_left_before_the_deadline() -> None:
    app = decided("filled")
    verdict = judge("2026-11-19T17:00:00-05:00", app)
    assert verdict.kind is VerdictKind.EMAIL
    assert "R15" in verdict.rules


def test_r15_the_courtesy_task_is_due_at_the_end_of_the_second_business_day() -> None:
    app = decided("rejected")
    tasks = tasks_of(app, [contact()], [], SETTINGS, at("2026-11-18T10:00:00-05:00"))
    courtesy = [t for t in tasks if t.kind is TaskKind.COURTESY]
    assert len(courtesy) == 1
    assert courtesy[0].due == at("2026-11-19T23:59:59-05:00")
    after = tasks_of(app, [contact()], [], SETTINGS, at("2026-11-20T00:00:00-05:00"))
    assert not [t for t in after if t.kind is TaskKind.COURTESY]


def test_r16_keep_in_touch_waits_90_days_then_one_check_in() -> None:
    app = decided("rejected", keep_in_touch=True)
    done_courtesy = [entry("email", "2026-11-17T15:00:00-05:00")]
    waiting = judge("2026-12-01T10:00:00-05:00", app, log=done_courtesy)
    assert waiting.kind is VerdictKind.WAIT
    assert waiting.rules[0] == "R16"
    # 90 days after the 17th of November is Monday 15 February 2027, Presidents' Day.
    assert waiting.next == pendulum.date(2027, 2, 16)
    assert "R12" in waiting.rules
    assert judge("2027-02-16T10:00:00-05:00", app, log=done_courtesy).kind is VerdictKind.CALL
    checked_in = [*done_courtesy, entry("connected", "2027-02-16T10:00:00-05:00")]
    assert judge("2027-02-17T10:00:00-05:00", app, log=checked_in).kind is VerdictKind.DONE


@pytest.mark.parametrize("outcome", ["offer", "accepted", "withdrawn"])
def test_r17_offers_acceptances_and_withdrawals_are_done(outcome: str) -> None:
    verdict = judge("2026-11-18T10:00:00-05:00", decided(outcome))
    assert verdict.kind is VerdictKind.DONE
    assert verdict.rules == ("R17",)


def test_r17_a_withdrawal_still_gets_a_courtesy_task() -> None:
    tasks = tasks_of(
        decided("withdrawn"), [contact()], [], SETTINGS, at("2026-11-18T10:00:00-05:00")
    )
    assert [t.kind for t in tasks] == [TaskKind.COURTESY]
    assert tasks[0].rules == ("R17",)


def test_decided_without_stage_since_takes_the_latest_reply() -> None:
    app = application(stage="decided", outcome="rejected")
    log = [entry("reply", "2026-11-20T09:00:00-05:00")]
    assert judge("2026-11-24T10:00:00-05:00", app, log=log).kind is VerdictKind.CALL
    assert judge("2026-11-25T10:00:00-05:00", app, log=log).kind is VerdictKind.DONE


# -- R1 and R5: tasks ----------------------------------------------------------------


def test_r1_unverified_or_no_best_time_makes_a_verify_task_that_does_not_block() -> None:
    person = contact(verified=False)
    now = at("2026-11-10T10:00:00-05:00")
    tasks = tasks_of(application(), [person], [], SETTINGS, now)
    assert [t.kind for t in tasks] == [TaskKind.VERIFY]
    assert "check the number" in tasks[0].text
    assert judge("2026-11-10T10:00:00-05:00", person=person).kind is VerdictKind.CALL


def test_r1_no_task_for_a_verified_contact_with_a_best_time() -> None:
    best = {"days": ["tue"], "from": "10:00", "to": "11:00"}
    tasks = tasks_of(
        application(), [contact(best_time=best)], [], SETTINGS, at("2026-11-10T10:00:00-05:00")
    )
    assert tasks == []


def test_r5_thank_you_due_24_hours_after_the_interview_and_late_once_past() -> None:
    best = {"days": ["tue"], "from": "10:00", "to": "11:00"}
    app = application(stage="interviewed")
    log = [entry("interview", "2026-11-10T11:00:00-05:00")]
    due = tasks_of(app, [contact(best_time=best)], log, SETTINGS, at("2026-11-11T10:59:00-05:00"))
    assert [(t.kind, t.due, t.late) for t in due] == [
        (TaskKind.THANK_YOU, at("2026-11-11T11:00:00-05:00"), False)
    ]
    late = tasks_of(app, [contact(best_time=best)], log, SETTINGS, at("2026-11-11T11:01:00-05:00"))
    assert late[0].late
    sent = [*log, entry("thank_you", "2026-11-11T12:00:00-05:00")]
    assert (
        tasks_of(app, [contact(best_time=best)], sent, SETTINGS, at("2026-11-12T10:00:00-05:00"))
        == []
    )


# -- settings change the numbers ---------------------------------------------------------


def test_every_wait_follows_the_settings() -> None:
    quick = structs.replace(SETTINGS, applied_wait_days=2)
    assert judge("2026-11-04T10:00:00-05:00", settings=quick).kind is VerdictKind.CALL
    assert judge("2026-11-04T10:00:00-05:00").kind is VerdictKind.WAIT


def test_call_windows_follow_the_settings() -> None:
    evening = SETTINGS.with_value("call_windows", "17:00-19:00")
    verdict = judge("2026-11-10T16:00:00-05:00", settings=evening)
    assert window_bounds(verdict) == [("2026-11-10T17:00:00-05:00", "2026-11-10T19:00:00-05:00")]


# -- the list's order ---------------------------------------------------------------------


def test_agenda_order_calls_open_now_overdue_longest_then_email_wait_done_blocked() -> None:
    people = [contact(id=f"c{i}", name=f"Person {i}", best_time=None) for i in range(1, 8)]
    berlin = structs.replace(
        people[1], timezone="Europe/Berlin", country="DE", phone="+49 30 1234567"
    )
    people[1] = berlin
    apps = [
        application(id="open-recent", company="Zed", applied_on="2026-11-09", contacts=["c1"]),
        application(id="later-today", company="Alpha", applied_on="2026-11-01", contacts=["c2"]),
        application(id="open-overdue", company="Omega", applied_on="2026-10-20", contacts=["c3"]),
        application(
            id="email", company="Beta", applied_on="2026-11-01", contacts=["c4"], follow_up="email"
        ),
        application(id="wait", company="Gamma", applied_on="2026-11-15", contacts=["c5"]),
        application(id="done", company="Delta", stage="decided", outcome="offer", contacts=["c6"]),
        application(id="blocked", company="Aardvark", follow_up="none", contacts=["c7"]),
    ]
    board = Board(apps, people, [])
    # Berlin is 6 hours ahead: at 10:00 in New York, Berlin's windows are over,
    # so give that contact a best time later in their day.
    board = Board(
        apps,
        [
            *people[:1],
            structs.replace(
                berlin,
                best_time=BestTime(
                    frozenset({Weekday.TUE}), pendulum.time(19, 0), pendulum.time(20, 0)
                ),
            ),
            *people[2:],
        ],
        [],
    )
    result = agenda(board, SETTINGS, at("2026-11-17T10:00:00-05:00"))
    assert [v.application for v in result.verdicts] == [
        "open-overdue",
        "open-recent",
        "later-today",
        "email",
        "wait",
        "done",
        "blocked",
    ]
    assert [v.kind for v in result.verdicts][:3] == [VerdictKind.CALL] * 3


def test_open_now_before_overdue_and_longest_since_contact_first() -> None:
    people = [contact(id="c1", name="A"), contact(id="c2", name="B")]
    apps = [
        application(id="recent", company="Recent", applied_on="2026-11-09", contacts=["c1"]),
        application(id="older", company="Older", applied_on="2026-11-05", contacts=["c2"]),
    ]
    result = agenda(Board(apps, people, []), SETTINGS, at("2026-11-16T14:30:00-05:00"))
    assert [v.application for v in result.verdicts] == ["older", "recent"]


def test_tasks_by_due_time_those_without_last() -> None:
    people = [contact(id="c1", name="A", verified=False), contact(id="c2", name="B")]
    apps = [
        application(id="verify", company="V", contacts=["c1"]),
        application(id="thanks", company="T", stage="interviewed", contacts=["c2"]),
    ]
    log = [
        LogEntry.from_dict(
            {
                "application": "thanks",
                "contact": "c2",
                "kind": "interview",
                "at": "2026-11-10T11:00:00-05:00",
            }
        )
    ]
    result = agenda(Board(apps, people, log), SETTINGS, at("2026-11-10T15:00:00-05:00"))
    assert result.tasks[0].kind is TaskKind.THANK_YOU
    assert result.tasks[-1].due is None


def test_best_verdict_prefers_a_call_over_a_wait() -> None:
    call = judge("2026-11-10T10:00:00-05:00")
    wait = judge("2026-11-05T10:00:00-05:00")
    assert best_verdict([wait, call]) is call
    assert best_verdict([]) is None


def test_verdicts_do_not_depend_on_the_machine_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    first = judge("2026-11-10T15:55:00-05:00")
    monkeypatch.setenv("TZ", "Asia/Kolkata")
    second = judge("2026-11-10T15:55:00-05:00")
    assert first == second
