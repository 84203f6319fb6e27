"""The verdicts and tasks of the whole board, kept current cheaply.

Judging 10,000 applications takes the better part of a second, so the book
judges everything once and afterwards only the applications a change touched
or whose verdict the clock has overtaken (`Verdict.changes_at`, a task falling
due). Painting reads from the book and never judges.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pendulum

from jobcockpit.domain.board import Board
from jobcockpit.domain.rules import (
    agenda,
    best_verdict,
    judge_pair,
    task_order,
    tasks_of,
    verdict_order,
)
from jobcockpit.domain.settings import Settings
from jobcockpit.domain.verdicts import Agenda, Task, TaskKind, Verdict

_NOTE_KINDS = (TaskKind.THANK_YOU, TaskKind.COURTESY)


@dataclass(frozen=True, slots=True)
class _Judged:
    """One application's verdicts and tasks, with what the views ask of them."""

    verdicts: tuple[Verdict, ...]
    tasks: tuple[Task, ...]
    best: Verdict | None
    edge: dt.datetime | None
    """When the clock alone may change them."""
    note_due: bool
    """A thank-you or courtesy note with a due time: the card shows it."""


def _judged(verdicts: Sequence[Verdict], tasks: Sequence[Task], now: dt.datetime) -> _Judged:
    edges = [v.changes_at for v in verdicts if v.changes_at is not None]
    edges.extend(t.due for t in tasks if t.due is not None and not t.late and t.due > now)
    return _Judged(
        verdicts=tuple(verdicts),
        tasks=tuple(tasks),
        best=best_verdict(verdicts),
        edge=min(edges, default=None),
        note_due=any(t.due is not None and t.kind in _NOTE_KINDS for t in tasks),
    )


class AgendaBook:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.now: dt.datetime | None = None
        self._judged: dict[str, _Judged] = {}
        self._order_keys: dict[int, tuple[object, tuple[object, ...]]] = {}
        """Each verdict's and task's place in the order, worked out once: it
        changes only when the application is judged again, which makes new
        objects."""
        self.agenda: Agenda | None = None
        self.next_edge: dt.datetime | None = None
        """The earliest moment a verdict or task may change by the clock alone."""

    @property
    def ready(self) -> bool:
        return self.agenda is not None

    def judge_all(self, board: Board, now: dt.datetime) -> None:
        whole = agenda(board, self.settings, _pendulum(now))
        verdicts: dict[str, list[Verdict]] = {}
        tasks: dict[str, list[Task]] = {}
        for verdict in whole.verdicts:
            verdicts.setdefault(verdict.application, []).append(verdict)
        for task in whole.tasks:
            tasks.setdefault(task.application, []).append(task)
        self._judged = {
            app_id: _judged(verdicts.get(app_id, []), tasks.get(app_id, []), now)
            for app_id in board.applications
        }
        moment = _pendulum(now)
        companies = {a.id: a.company.casefold() for a in board}
        names = {c.id: c.name.casefold() for c in board.contacts.values()}
        keys: dict[int, tuple[object, tuple[object, ...]]] = {
            id(v): (v, verdict_order(v, moment, companies, names)) for v in whole.verdicts
        }
        keys.update((id(t), (t, task_order(t, companies))) for t in whole.tasks)
        self._order_keys = keys
        self.now = now
        self.agenda = whole
        self.next_edge = min(
            (j.edge for j in self._judged.values() if j.edge is not None), default=None
        )

    def judge(self, board: Board, application_ids: Iterable[str], now: dt.datetime) -> None:
        """Judge again the given applications (deleted ones drop out), at `now`."""
        moment = _pendulum(now)
        for app_id in application_ids:
            application = board.applications.get(app_id)
            if application is None:
                self._judged.pop(app_id, None)
                continue
            contacts = board.contacts_of(application)
            log = board.log_of(app_id)
            self._judged[app_id] = _judged(
                [judge_pair(application, c, log, self.settings, moment) for c in contacts],
                tasks_of(application, contacts, log, self.settings, moment),
                now,
            )
        self._sort(board, now)

    def overtaken(self, now: dt.datetime) -> set[str]:
        """Applications whose verdicts or tasks the clock has changed by `now`."""
        if self.next_edge is None or now < self.next_edge:
            return set()
        return {
            app_id
            for app_id, judged in self._judged.items()
            if judged.edge is not None and judged.edge <= now
        }

    def verdicts_of(self, app_id: str) -> Sequence[Verdict]:
        judged = self._judged.get(app_id)
        return judged.verdicts if judged is not None else ()

    def tasks_of(self, app_id: str) -> Sequence[Task]:
        judged = self._judged.get(app_id)
        return judged.tasks if judged is not None else ()

    def best(self, app_id: str) -> Verdict | None:
        judged = self._judged.get(app_id)
        return judged.best if judged is not None else None

    def note_due(self, app_id: str) -> bool:
        judged = self._judged.get(app_id)
        return judged is not None and judged.note_due

    def _sort(self, board: Board, now: dt.datetime) -> None:
        """The agenda in the spec's order (the rules' own ordering)."""
        moment = _pendulum(now)
        companies = {a.id: a.company.casefold() for a in board}
        names = {c.id: c.name.casefold() for c in board.contacts.values()}
        known = self._order_keys
        keys: dict[int, tuple[object, tuple[object, ...]]] = {}

        def verdict_key(verdict: Verdict) -> tuple[object, ...]:
            hit = known.get(id(verdict))
            if hit is None or hit[0] is not verdict:
                hit = (verdict, verdict_order(verdict, moment, companies, names))
            keys[id(verdict)] = hit
            return hit[1]

        def task_key(task: Task) -> tuple[object, ...]:
            hit = known.get(id(task))
            if hit is None or hit[0] is not task:
                hit = (task, task_order(task, companies))
            keys[id(task)] = hit
            return hit[1]

        judged = self._judged.values()
        verdicts = sorted((v for j in judged for v in j.verdicts), key=verdict_key)
        tasks = sorted((t for j in judged for t in j.tasks), key=task_key)
        self._order_keys = keys
        self.now = now
        self.agenda = Agenda(now=moment, verdicts=tuple(verdicts), tasks=tuple(tasks))
        self.next_edge = min((j.edge for j in judged if j.edge is not None), default=None)


def _pendulum(moment: dt.datetime) -> pendulum.DateTime:
    """The rules take pendulum times; a plain aware datetime is converted."""
    if isinstance(moment, pendulum.DateTime):
        return moment
    return pendulum.instance(moment)
