"""The order of the list: the sidebar's, `jobcockpit today`'s and the
cockpit's (docs/rules.md, "The order of the list").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TypeVar

import pendulum

from jobcockpit.core.verdicts import Task, Verdict, VerdictKind

# Enum members read through their class cost some 70 ns each (a lookup on
# the class); the rules read them tens of times for every pair.
_VERDICT_BLOCKED = VerdictKind.BLOCKED
_VERDICT_CALL = VerdictKind.CALL
_VERDICT_DONE = VerdictKind.DONE
_VERDICT_EMAIL = VerdictKind.EMAIL
_VERDICT_WAIT = VerdictKind.WAIT

_KIND_RANK = {
    _VERDICT_CALL: 0,
    _VERDICT_EMAIL: 1,
    _VERDICT_WAIT: 2,
    _VERDICT_DONE: 3,
    _VERDICT_BLOCKED: 4,
}


def verdict_order(
    verdict: Verdict,
    now: pendulum.DateTime,
    companies: dict[str, str],
    names: dict[str, str],
) -> tuple[object, ...]:
    """The order of the list: calls (open now, overdue, longest since last contact),
    then e-mails, waits by date, done, blocked; company name breaks ties."""
    return verdict_key(
        verdict, now, companies.get(verdict.application, ""), names.get(verdict.contact, "")
    )


def verdict_key(verdict: Verdict, now: dt.datetime, company: str, name: str) -> tuple[object, ...]:
    kind = verdict.kind
    if kind is _VERDICT_CALL or kind is _VERDICT_EMAIL:
        last = verdict.last_contact
        since = last.timestamp() if last else now.timestamp()
        if kind is _VERDICT_EMAIL:
            return (1, False, not verdict.overdue, since, company, name)
        open_now = verdict.open_window(now) is not None
        return (0, not open_now, not verdict.overdue, since, company, name)
    if kind is _VERDICT_WAIT:
        nxt = verdict.next.toordinal() if verdict.next else _MAX_ORDINAL
        return (2, False, False, float(nxt), company, name)
    return (_KIND_RANK[kind], False, False, 0.0, company, name)


_MAX_ORDINAL = dt.date.max.toordinal()


def task_order(task: Task, companies: dict[str, str]) -> tuple[object, ...]:
    """Tasks by due time, those without one last."""
    return task_key(task, companies.get(task.application, ""))


def task_key(task: Task, company: str) -> tuple[object, ...]:
    due = task.due
    return (
        due.timestamp() if due is not None else float("inf"),
        company,
        task.kind.value,
    )


def best_verdict(verdicts: Sequence[Verdict]) -> Verdict | None:
    """The most actionable verdict among an application's contacts (its card badge)."""
    if not verdicts:
        return None

    def rank(verdict: Verdict) -> tuple[object, ...]:
        first_window = verdict.windows[0].start.timestamp() if verdict.windows else 0.0
        nxt = verdict.next.toordinal() if verdict.next else 0
        return (_KIND_RANK[verdict.kind], not verdict.overdue, first_window, nxt)

    return min(verdicts, key=rank)


def in_order(items: list[_T], keys: list[tuple[object, ...]]) -> list[_T]:
    """`items` sorted by `keys` (stable, as `list.sort` is)."""
    order = sorted(range(len(items)), key=keys.__getitem__)
    return [items[i] for i in order]


_T = TypeVar("_T")
