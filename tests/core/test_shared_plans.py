"""The calendar of a call is shared between judging runs: a run under other
settings, at another moment, or on another thread first gives every verdict
it would give alone."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pendulum
from factories import NOW, SETTINGS, board
from msgspec import structs

from jobcockpit.core.rules import agenda, windows
from jobcockpit.core.settings import Settings
from jobcockpit.core.verdicts import Agenda

NARROW = structs.replace(
    SETTINGS,
    call_windows=((pendulum.time(10, 0), pendulum.time(10, 20)),),
    monday_starts_at=pendulum.time(10, 10),
    friday_ends_at=pendulum.time(10, 10),
    min_window_minutes=15,
)
MOMENTS = [NOW.add(hours=h) for h in range(-30, 80, 7)]


def _alone(settings: Settings, now: pendulum.DateTime) -> Agenda:
    windows._PLANS.clear()
    windows._CALLABLE.clear()
    return agenda(board(), settings, now)


def test_runs_one_after_another_give_what_each_gives_alone() -> None:
    hunt = board()
    shared = [agenda(hunt, s, now) for now in MOMENTS for s in (SETTINGS, NARROW)]
    alone = [_alone(s, now) for now in MOMENTS for s in (SETTINGS, NARROW)]
    assert shared == alone
    assert shared[0].verdicts != shared[1].verdicts


def test_runs_on_two_threads_give_what_each_gives_alone() -> None:
    alone = [_alone(s, now) for now in MOMENTS for s in (SETTINGS, NARROW)]
    windows._PLANS.clear()
    windows._CALLABLE.clear()
    hunt = board()
    with ThreadPoolExecutor(2) as pool:
        shared = list(
            pool.map(
                lambda job: agenda(hunt, *job),
                [(s, n) for n in MOMENTS for s in (SETTINGS, NARROW)],
            )
        )
    assert shared == alone


def test_equal_best_times_share_a_plan_and_others_never_do() -> None:
    """Each contact holds a best time of its own; equal ones share a day's
    plan, and a best time met after the table of best times was emptied never
    gets the plan of another."""
    from jobcockpit.core.places import Place
    from jobcockpit.core.records import BestTime, Contact

    def best(start: str, end: str) -> BestTime:
        return BestTime.from_dict({"from": start, "to": end}, "contact")

    def person(when: BestTime) -> Contact:
        return Contact(id="c", name="Ann", phone="+1 212 555 0100", best_time=when)

    place = Place("America/New_York", False, False, "US", None)
    day = pendulum.date(2026, 11, 18)
    calendar = windows.CallCalendar(SETTINGS)
    morning = calendar.plan(person(best("09:00", "10:00")), place, day)
    assert calendar.plan(person(best("09:00", "10:00")), place, day) is morning
    windows._BEST_TIMES.clear()
    later = windows.CallCalendar(SETTINGS)
    afternoon = later.plan(person(best("14:00", "15:00")), place, day)
    assert afternoon.local == [(pendulum.time(14, 0), pendulum.time(15, 0))]
    assert later.plan(person(best("09:00", "10:00")), place, day).local == morning.local
