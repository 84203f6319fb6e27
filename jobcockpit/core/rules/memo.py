"""The whole board's agenda, and the memo that lets a later call judge only
what changed, until the clock overtakes it.

`agenda` with an `AgendaMemo` serves `jobcockpit today` (an answer kept
between runs) and the cockpit's `AgendaBook`, which keeps its sorted lists on
top of the memo's per-application answers.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Iterable, Sequence

import pendulum

from jobcockpit.core.board import Board
from jobcockpit.core.records import Application, Contact, LogEntry
from jobcockpit.core.rules.clock import EPOCH, NEVER, microseconds
from jobcockpit.core.rules.judge import Judge
from jobcockpit.core.rules.order import in_order, task_key, verdict_key
from jobcockpit.core.settings import Settings
from jobcockpit.core.verdicts import Agenda, Task, Verdict


def agenda(
    board: Board,
    settings: Settings,
    now: pendulum.DateTime,
    *,
    memo: AgendaMemo | None = None,
) -> Agenda:
    """Every pair's verdict and every task, in the sidebar's order.

    With a `memo` from an earlier call, an application is not judged again
    while its answer still holds, so asking again after a change, or a little
    later, costs only what the change or the clock touched."""
    remembered = memo._judged_under(settings) if memo is not None else None
    judging = _Judging(settings, now, remember=memo is not None)
    verdicts: list[Verdict] = []
    verdict_keys: list[tuple[object, ...]] = []
    tasks: list[Task] = []
    task_keys: list[tuple[object, ...]] = []
    contacts_by_id = board.contacts
    for application in board:
        app_id = application.id
        contacts = [contacts_by_id[c] for c in application.contacts if c in contacts_by_id]
        log = board.log_of(app_id)
        if remembered is None:
            judged = judging.answer(None, application, contacts, log)
        else:
            judged = remembered[app_id] = judging.answer(
                remembered.get(app_id), application, contacts, log
            )
        verdicts.extend(judged.verdicts)
        verdict_keys.extend(judged.verdict_keys_at(now))
        tasks.extend(judged.tasks)
        task_keys.extend(judged.task_keys)
    if remembered is not None and len(remembered) > len(board):
        for app_id in [a for a in remembered if a not in board.applications]:
            del remembered[app_id]
    return Agenda(
        now=now,
        verdicts=tuple(in_order(verdicts, verdict_keys)),
        tasks=tuple(in_order(tasks, task_keys)),
    )


class AgendaMemo:
    """What `agenda` worked out, kept so that later calls judge only what
    changed: pass the same memo to each call. An answer is given again only
    for the very same record objects (records are immutable; a changed one is
    a new object) and the same settings, and only until the first moment the
    clock may change it; `tests/tui/test_caches_agree.py` checks that it always
    equals the answer worked out afresh.

    It holds the records and verdicts of the last board judged; a one-shot
    command has no use for one."""

    def __init__(self) -> None:
        self._settings: Settings | None = None
        self._judged: dict[str, ApplicationAnswer] = {}

    def holds_until(self) -> dt.datetime | None:
        """The first moment the clock alone may change the last answer, so
        that the same records give the very same agenda (verdicts, tasks and
        their order) at every moment from the one judged until then; None
        when nothing the clock does changes it. `jobcockpit today` keeps its
        answer between runs for that long."""
        return _moment(min((j.until for j in self._judged.values()), default=NEVER))

    def answer(self, app_id: str) -> ApplicationAnswer | None:
        """The answer kept for one application, as the last call left it."""
        return self._judged.get(app_id)

    def judge(
        self,
        board: Board,
        application_ids: Iterable[str],
        settings: Settings,
        now: pendulum.DateTime,
    ) -> None:
        """Bring the answers of the given applications up to date at `now`,
        leaving every other answer as it is: each is judged again unless its
        kept answer still holds, and a deleted application is forgotten."""
        remembered = self._judged_under(settings)
        judging = _Judging(settings, now, remember=True)
        for app_id in application_ids:
            application = board.applications.get(app_id)
            if application is None:
                remembered.pop(app_id, None)
                continue
            remembered[app_id] = judging.answer(
                remembered.get(app_id),
                application,
                board.contacts_of(application),
                board.log_of(app_id),
            )

    def _judged_under(self, settings: Settings) -> dict[str, ApplicationAnswer]:
        """The answers kept, forgotten first when the settings changed."""
        if self._settings is not settings and self._settings != settings:
            self._settings = settings
            self._judged = {}
        return self._judged


class _Judging:
    """One judging run at one moment: a kept answer is given again while it
    holds, and a `Judge` is made only when something must be judged."""

    __slots__ = ("_judge", "instant", "now", "remember", "settings")

    def __init__(self, settings: Settings, now: pendulum.DateTime, *, remember: bool) -> None:
        self.settings = settings
        self.now = now
        self.instant = microseconds(now)
        self.remember = remember
        self._judge: Judge | None = None

    def answer(
        self,
        kept: ApplicationAnswer | None,
        application: Application,
        contacts: list[Contact],
        log: Sequence[LogEntry],
    ) -> ApplicationAnswer:
        if kept is not None and kept.holds(application, contacts, log, self.instant):
            return kept
        if self._judge is None:
            self._judge = Judge(self.settings, self.now)
        return ApplicationAnswer(self._judge, application, contacts, log, remember=self.remember)


def _moment(instant: int) -> dt.datetime | None:
    """A moment in `microseconds` as a datetime in UTC; None for `NEVER`."""
    if instant >= NEVER:
        return None
    return EPOCH + dt.timedelta(microseconds=instant)


class ApplicationAnswer:
    """One application's verdicts and tasks as judged at `since`, with what
    they were judged from, and `until`, the first moment the clock alone may
    change them (both in `microseconds`; `NEVER` when nothing the clock does
    changes them).

    Everything the rules read of the clock is accounted for in `until`: each
    verdict's `changes_at` (its windows opening and closing, midnight in its
    zone, a log entry dated later than `since`, which the rules ignore until
    then) and a thank-you or courtesy note's due time (a task turns late or
    lapses just after it). So the same records at a moment in [since, until)
    get the very same answer, and the same order keys; `verdict_keys` is None
    when an order key reads the clock itself (`verdict_keys_at` then works
    them out for the moment asked)."""

    __slots__ = (
        "application",
        "contacts",
        "log",
        "since",
        "task_keys",
        "tasks",
        "until",
        "verdict_keys",
        "verdicts",
    )

    def __init__(
        self,
        judge: Judge,
        application: Application,
        contacts: list[Contact],
        log: Sequence[LogEntry],
        *,
        remember: bool,
    ) -> None:
        """Judge the application; with `remember`, also work out how long the
        answer holds (else it holds for no moment)."""
        now = judge.utc_now
        verdicts = judge.pairs(application, contacts, log)
        tasks = tuple(judge.tasks(application, contacts, log, verdicts))
        company = application.company.casefold()
        self.application = application
        self.contacts = tuple(contacts)
        self.verdicts = verdicts
        if remember:
            edges = [microseconds(v.changes_at) for v in verdicts if v.changes_at is not None]
            edges.extend(
                microseconds(t.due) + 1 for t in tasks if t.due is not None and t.due >= now
            )
            if len(judge.past(log)) < len(log):
                edges.extend(microseconds(e.at) for e in log if e.at > now)
            self.log = tuple(log)
            self.since = judge.since
            self.until = min(edges, default=NEVER)
        else:
            self.log = ()
            self.since = self.until = 0
        self.tasks = tasks
        # Verdicts come in the order of `contacts`.
        self.verdict_keys = (
            tuple(
                [
                    verdict_key(v, now, company, c.name.casefold())
                    for v, c in zip(verdicts, contacts, strict=True)
                ]
            )
            if all(v.last_contact is not None for v in verdicts)
            else None
        )
        self.task_keys = tuple([task_key(t, company) for t in tasks])

    def holds(
        self,
        application: Application,
        contacts: Sequence[Contact],
        log: Sequence[LogEntry],
        now: int,
    ) -> bool:
        """Whether this answer is the one the rules give these records at `now`
        (in `microseconds`): the very same record objects (records are
        immutable), and `now` within the moments it holds for."""
        return (
            self.application is application
            and self.since <= now < self.until
            and len(contacts) == len(self.contacts)
            and len(log) == len(self.log)
            and all(map(operator.is_, contacts, self.contacts))
            and all(map(operator.is_, log, self.log))
        )

    @property
    def changes_at(self) -> dt.datetime | None:
        """`until` as a moment (in UTC): the first the clock alone may change
        this answer; None when nothing the clock does changes it."""
        return _moment(self.until)

    def verdict_keys_at(self, now: dt.datetime) -> tuple[tuple[object, ...], ...]:
        """The order keys of `verdicts`, as the list's order sorts them at `now`."""
        if self.verdict_keys is not None:
            return self.verdict_keys
        company = self.application.company.casefold()
        return tuple(
            [
                verdict_key(v, now, company, c.name.casefold())
                for v, c in zip(self.verdicts, self.contacts, strict=True)
            ]
        )
