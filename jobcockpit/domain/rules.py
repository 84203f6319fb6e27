"""The follow-up rules R1 to R17 of the product's domain contract.

Pure functions of (records, settings, now): nothing here reads the clock.
"""

from __future__ import annotations

from collections.abc import Sequence

import pendulum

from jobcockpit.domain.board import Board
from jobcockpit.domain.models import Application, Contact, LogEntry
from jobcockpit.domain.settings import Settings
from jobcockpit.domain.verdicts import Agenda, Task, Verdict


def judge_pair(
    application: Application,
    contact: Contact,
    log: Sequence[LogEntry],
    settings: Settings,
    now: pendulum.DateTime,
) -> Verdict:
    """The verdict for one application and one of its contacts."""
    raise NotImplementedError


def tasks_of(
    application: Application,
    contacts: Sequence[Contact],
    log: Sequence[LogEntry],
    settings: Settings,
    now: pendulum.DateTime,
) -> list[Task]:
    """The verify, thank-you and courtesy tasks of one application."""
    raise NotImplementedError


def agenda(board: Board, settings: Settings, now: pendulum.DateTime) -> Agenda:
    """Every pair's verdict and every task, in the sidebar's order."""
    raise NotImplementedError


def best_verdict(verdicts: Sequence[Verdict]) -> Verdict | None:
    """The most actionable verdict among an application's contacts (its card badge)."""
    raise NotImplementedError
