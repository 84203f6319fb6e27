"""The whole board's agenda, and the memo that lets a later call judge only
what changed, until the clock overtakes it.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Sequence

import pendulum

from jobcockpit.core.board import Board
from jobcockpit.core.records import (
    Application,
    Contact,
    LogEntry,
)
from jobcockpit.core.rules.clock import EPOCH, NEVER, microseconds
from jobcockpit.core.rules.judge import Judge
from jobcockpit.core.rules.order import in_order, task_key, verdict_key
from jobcockpit.core.settings import Settings
from jobcockpit.core.verdicts import (
    Agenda,
    Task,
    Verdict,
)


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
    remembered = memo._judged_under(settings) if memo is not None else {}
    instant = microseconds(now)
    judge: Judge | None = None
    verdicts: list[Verdict] = []
    verdict_keys: list[tuple[object, ...]] = []
    tasks: list[Task] = []
    task_keys: list[tuple[object, ...]] = []
    contacts_by_id = board.contacts
    for application in board:
        app_id = application.id
        contacts = [contacts_by_id[c] for c in application.contacts if c in contacts_by_id]
        log = board.log_of(app_id)
        judged = remembered.get(app_id)
        if judged is None or not judged.holds(application, contacts, log, instant):
            if judge is None:
                judge = Judge(settings, now)
            judged = ApplicationAnswer(judge, application, contacts, log, remember=memo is not None)
            if memo is not None:
                remembered[app_id] = judged
        verdicts.extend(judged.verdicts)
        tasks.extend(judged.tasks)
        task_keys.extend(judged.task_keys)
        if judged.verdict_keys is not None:
            verdict_keys.extend(judged.verdict_keys)
        else:
            company = application.company.casefold()
            names = {c.id: c.name.casefold() for c in contacts}
            verdict_keys.extend(
                verdict_key(v, now, company, names.get(v.contact, "")) for v in judged.verdicts
            )
    if len(remembered) > len(board):
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
        until = min((j.until for j in self._judged.values()), default=NEVER)
        if until >= NEVER:
            return None
        return EPOCH + dt.timedelta(microseconds=until)

    def _judged_under(self, settings: Settings) -> dict[str, ApplicationAnswer]:
        """The answers kept, forgotten first when the settings changed."""
        if self._settings is not settings and self._settings != settings:
            self._settings = settings
            self._judged = {}
        return self._judged


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
    when an order key reads the clock itself."""

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
        now = judge.now
        verdicts = tuple([judge.pair(application, contact, log) for contact in contacts])
        tasks = tuple(judge.tasks(application, contacts, log, verdicts))
        company = application.company.casefold()
        self.application = application
        self.verdicts = verdicts
        if remember:
            edges = [microseconds(v.changes_at) for v in verdicts if v.changes_at is not None]
            edges.extend(
                microseconds(t.due) + 1 for t in tasks if t.due is not None and t.due >= now
            )
            if len(judge.past(log)) < len(log):
                edges.extend(microseconds(e.at) for e in log if e.at > now)
            self.contacts = tuple(contacts)
            self.log = tuple(log)
            self.since = judge.since
            self.until = min(edges, default=NEVER)
        else:
            self.contacts = ()
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
