"""The verdicts and tasks of the whole board, kept current cheaply.

Judging 10,000 applications takes the better part of a second, so the book
judges everything once and afterwards only the applications a change touched
or whose answer the clock has overtaken. Which answers still hold is the
core's `AgendaMemo`'s business (one answer per application, kept until its
records change or the clock reaches its `changes_at`); the book keeps the
order on top of it: each kind of verdict (and the notes among the tasks) sits
in its own list sorted by the rules' own order, and a judged-again
application takes its old entries out and puts its new ones in by bisection,
so one change never sorts the other 20,000 pairs again. Painting reads from
the book and never judges.
"""

from __future__ import annotations

import datetime as dt
import heapq
from bisect import bisect_left, insort
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

import pendulum

from jobcockpit.core.board import Board
from jobcockpit.core.rules import AgendaMemo, ApplicationAnswer, agenda, best_verdict
from jobcockpit.core.settings import Settings
from jobcockpit.core.verdicts import Agenda, Task, TaskKind, Verdict, VerdictKind

_NOTE_KINDS = (TaskKind.THANK_YOU, TaskKind.COURTESY, TaskKind.PREPARE)
"""Dated tasks: the sidebar lists them together, and a card shows the first."""
_KINDS_IN_ORDER = (
    VerdictKind.CALL,
    VerdictKind.EMAIL,
    VerdictKind.WAIT,
    VerdictKind.DONE,
    VerdictKind.BLOCKED,
)
"""The rules' order puts every call before every e-mail, and so on: the whole
agenda is these lists one after the other."""

_T = TypeVar("_T", Verdict, Task)

Place = tuple[tuple[object, ...], int, int]
"""Where an entry sorts: the rules' key, then the application's slot and the
entry's index within it, which break ties as a stable sort of the whole board
would (applications in the order they came, an application's pairs in order)."""


class Ranked(Generic[_T]):
    """Entries kept sorted by their `Place`, which is unique, so an entry is
    found, taken out and put in by bisection without comparing the entries."""

    __slots__ = ("_rows",)

    def __init__(self) -> None:
        self._rows: list[tuple[tuple[object, ...], int, int, _T]] = []

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[_T]:
        return (row[3] for row in self._rows)

    def rows(self) -> Iterator[tuple[tuple[object, ...], int, int, _T]]:
        return iter(self._rows)

    def load(self, rows: Iterable[tuple[tuple[object, ...], int, int, _T]]) -> None:
        self._rows = sorted(rows, key=_place)

    def add(self, place: Place, item: _T) -> None:
        insort(self._rows, (*place, item), key=_place)

    def remove(self, place: Place) -> None:
        index = bisect_left(self._rows, place, key=_place)
        if index < len(self._rows) and _place(self._rows[index]) == place:
            del self._rows[index]

    def head(self, count: int) -> list[_T]:
        return [row[3] for row in self._rows[:count]]

    def count_before(self, key: tuple[object, ...]) -> int:
        """How many entries sort before an entry keyed `key` would."""
        return bisect_left(self._rows, key, key=_key)


def _place(row: tuple[tuple[object, ...], int, int, object]) -> Place:
    return (row[0], row[1], row[2])


def _key(row: tuple[tuple[object, ...], int, int, object]) -> tuple[object, ...]:
    return row[0]


@dataclass(frozen=True, slots=True)
class Section(Generic[_T]):
    """One list of the sidebar: how many there are, and the first few."""

    count: int
    first: Sequence[_T]


@dataclass(frozen=True, slots=True)
class Today:
    """What the sidebar shows, read from the book without going through every
    pair: calls, e-mails, thank-you and courtesy notes, and the waits that end
    by a given day."""

    calls: Section[Verdict]
    emails: Section[Verdict]
    notes: Section[Task]
    coming: Section[Verdict]


@dataclass(frozen=True, slots=True)
class _Filed:
    """One application's answer as the book files it: its verdicts and tasks
    in the rules' order, where each sits in the book's lists, and what the
    views ask of them."""

    answer: ApplicationAnswer
    verdicts: tuple[Verdict, ...]
    tasks: tuple[Task, ...]
    verdict_places: tuple[Place, ...]
    task_places: tuple[Place, ...]
    best: Verdict | None
    edge: dt.datetime | None
    """When the clock alone may change them (the answer's `changes_at`)."""
    note_due: bool
    """A thank-you or courtesy note with a due time: the card shows it."""


class AgendaBook:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.now: dt.datetime | None = None
        self._memo = AgendaMemo()
        self._filed: dict[str, _Filed] = {}
        self._slots: dict[str, int] = {}
        self._next_slot = 0
        self._verdicts: dict[VerdictKind, Ranked[Verdict]] = {
            kind: Ranked() for kind in _KINDS_IN_ORDER
        }
        self._notes: Ranked[Task] = Ranked()
        self._other_tasks: Ranked[Task] = Ranked()
        self._agenda: Agenda | None = None
        self._ready = False
        self.next_edge: dt.datetime | None = None
        """The earliest moment a verdict or task may change by the clock alone."""
        self._edges: list[tuple[dt.datetime, str]] = []
        """A heap of (moment, application) that finds `next_edge` without
        looking at every application after each change."""

    @property
    def ready(self) -> bool:
        return self._ready

    @property
    def agenda(self) -> Agenda | None:
        """Every verdict and task in the rules' order (made when first asked
        for after a change)."""
        if not self._ready or self.now is None:
            return None
        if self._agenda is None:
            verdicts = tuple(v for kind in _KINDS_IN_ORDER for v in self._verdicts[kind])
            tasks = tuple(
                row[3] for row in heapq.merge(self._notes.rows(), self._other_tasks.rows())
            )
            self._agenda = Agenda(now=_pendulum(self.now), verdicts=verdicts, tasks=tasks)
        return self._agenda

    def today(self, until: dt.date, limit: int) -> Today:
        """The sidebar's lists, each with its count and its first `limit`."""
        waits = self._verdicts[VerdictKind.WAIT]
        # A wait's key is (2, False, False, the day it ends, ...): those ending
        # by `until` sort before a key whose day is half a day after it.
        coming = waits.count_before((2, False, False, until.toordinal() + 0.5))
        return Today(
            calls=_section(self._verdicts[VerdictKind.CALL], limit),
            emails=_section(self._verdicts[VerdictKind.EMAIL], limit),
            notes=_section(self._notes, limit),
            coming=Section(coming, waits.head(min(coming, limit))),
        )

    def judge_all(self, board: Board, now: dt.datetime) -> None:
        moment = _pendulum(now)
        whole = agenda(board, self.settings, moment, memo=self._memo)
        self._slots = {app_id: slot for slot, app_id in enumerate(board.applications)}
        self._next_slot = len(self._slots)
        self._filed = {}
        verdict_rows: dict[VerdictKind, list[tuple[tuple[object, ...], int, int, Verdict]]] = {
            kind: [] for kind in _KINDS_IN_ORDER
        }
        note_rows: list[tuple[tuple[object, ...], int, int, Task]] = []
        other_rows: list[tuple[tuple[object, ...], int, int, Task]] = []
        for app_id, slot in self._slots.items():
            answer = self._memo.answer(app_id)
            assert answer is not None
            filed = self._filed[app_id] = _file(answer, slot, now)
            for place, verdict in zip(filed.verdict_places, filed.verdicts, strict=True):
                verdict_rows[verdict.kind].append((*place, verdict))
            for place, task in zip(filed.task_places, filed.tasks, strict=True):
                (note_rows if task.kind in _NOTE_KINDS else other_rows).append((*place, task))
        for kind, ranked in self._verdicts.items():
            ranked.load(verdict_rows[kind])
        self._notes.load(note_rows)
        self._other_tasks.load(other_rows)
        self._edges = []
        self._settled(now, whole, self._filed)

    def judge(self, board: Board, application_ids: Iterable[str], now: dt.datetime) -> None:
        """Judge again the given applications (deleted ones drop out), at `now`;
        one whose answer still holds keeps its place."""
        application_ids = list(application_ids)
        self._memo.judge(board, application_ids, self.settings, _pendulum(now))
        for app_id in application_ids:
            answer = self._memo.answer(app_id)
            old = self._filed.get(app_id)
            if old is not None and old.answer is answer:
                continue
            if old is not None:
                del self._filed[app_id]
                self._take_out(old)
            if answer is None:
                self._slots.pop(app_id, None)
                continue
            slot = self._slots.get(app_id)
            if slot is None or old is None:
                # New (or back after a deletion): after every other, as in a
                # dict that had it put in last.
                slot = self._slots[app_id] = self._next_slot
                self._next_slot += 1
            filed = self._filed[app_id] = _file(answer, slot, now)
            self._put_in(filed)
        self._settled(now, None, application_ids)

    def _take_out(self, filed: _Filed) -> None:
        for place, verdict in zip(filed.verdict_places, filed.verdicts, strict=True):
            self._verdicts[verdict.kind].remove(place)
        for place, task in zip(filed.task_places, filed.tasks, strict=True):
            self._tasks_for(task).remove(place)

    def _tasks_for(self, task: Task) -> Ranked[Task]:
        """The notes (thank-you, courtesy) or the other tasks."""
        return self._notes if task.kind in _NOTE_KINDS else self._other_tasks

    def _put_in(self, filed: _Filed) -> None:
        for place, verdict in zip(filed.verdict_places, filed.verdicts, strict=True):
            self._verdicts[verdict.kind].add(place, verdict)
        for place, task in zip(filed.task_places, filed.tasks, strict=True):
            self._tasks_for(task).add(place, task)

    def _settled(self, now: dt.datetime, whole: Agenda | None, judged: Iterable[str]) -> None:
        self.now = now
        self._agenda = whole
        self._ready = True
        edges = self._edges
        for app_id in judged:
            found = self._filed.get(app_id)
            if found is not None and found.edge is not None:
                heapq.heappush(edges, (found.edge, app_id))
        # An entry holds while its application's edge is still that moment;
        # the others are dropped when they come to the top (or all at once
        # when they have piled up).
        if len(edges) > 2 * len(self._filed) + 64:
            edges[:] = [(f.edge, a) for a, f in self._filed.items() if f.edge is not None]
            heapq.heapify(edges)
        while edges and not self._holds(*edges[0]):
            heapq.heappop(edges)
        self.next_edge = edges[0][0] if edges else None

    def _holds(self, edge: dt.datetime, app_id: str) -> bool:
        found = self._filed.get(app_id)
        return found is not None and found.edge == edge

    def overtaken(self, now: dt.datetime) -> set[str]:
        """Applications whose verdicts or tasks the clock has changed by `now`."""
        if self.next_edge is None or now < self.next_edge:
            return set()
        return {
            app_id
            for app_id, filed in self._filed.items()
            if filed.edge is not None and filed.edge <= now
        }

    def verdicts_of(self, app_id: str) -> Sequence[Verdict]:
        filed = self._filed.get(app_id)
        return filed.verdicts if filed is not None else ()

    def tasks_of(self, app_id: str) -> Sequence[Task]:
        filed = self._filed.get(app_id)
        return filed.tasks if filed is not None else ()

    def best(self, app_id: str) -> Verdict | None:
        filed = self._filed.get(app_id)
        return filed.best if filed is not None else None

    def note_due(self, app_id: str) -> bool:
        filed = self._filed.get(app_id)
        return filed is not None and filed.note_due


def _file(answer: ApplicationAnswer, slot: int, now: dt.datetime) -> _Filed:
    """`answer` in the rules' order, each entry placed after every entry that
    sorts before it (a tie goes to the earlier application, then to the
    earlier contact or task), as a stable sort of the whole board would."""
    verdict_keys = answer.verdict_keys_at(now)
    by_verdict = sorted(range(len(answer.verdicts)), key=verdict_keys.__getitem__)
    by_task = sorted(range(len(answer.tasks)), key=answer.task_keys.__getitem__)
    verdicts = tuple([answer.verdicts[i] for i in by_verdict])
    tasks = tuple([answer.tasks[i] for i in by_task])
    return _Filed(
        answer=answer,
        verdicts=verdicts,
        tasks=tasks,
        verdict_places=tuple(
            [(verdict_keys[i], slot, index) for index, i in enumerate(by_verdict)]
        ),
        task_places=tuple([(answer.task_keys[i], slot, index) for index, i in enumerate(by_task)]),
        best=best_verdict(verdicts),
        edge=answer.changes_at,
        note_due=any(t.due is not None and t.kind in _NOTE_KINDS for t in tasks),
    )


def _section(ranked: Ranked[_T], limit: int) -> Section[_T]:
    return Section(len(ranked), ranked.head(limit))


def _pendulum(moment: dt.datetime) -> pendulum.DateTime:
    """The rules take pendulum times; a plain aware datetime is converted."""
    if isinstance(moment, pendulum.DateTime):
        return moment
    return pendulum.instance(moment)
