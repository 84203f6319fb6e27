"""The numbers of the stats screen: the funnel, the response rate, the pace."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from jobcockpit.core.board import Board
from jobcockpit.core.records import LogKind, Outcome, Stage


@dataclass(frozen=True, slots=True)
class Funnel:
    applied: int
    """Every application: each one was applied for."""
    interviewed: int
    """Those that reached an interview: in the interviewed stage, or with an
    interview in the log (a decided application may have had one or not)."""
    decided: int
    offers: int
    """Decided with an offer, accepted or not yet."""
    responded: int
    """Those the employer answered in any way: a reply, an interview, a decision."""

    @property
    def response_rate(self) -> float:
        return self.responded / self.applied if self.applied else 0.0


def funnel(board: Board) -> Funnel:
    interviewed = decided = offers = responded = 0
    for application in board:
        log = board.log_of(application.id)
        had_interview = any(e.kind is LogKind.INTERVIEW for e in log)
        replied = any(e.kind is LogKind.REPLY for e in log)
        if application.stage is Stage.INTERVIEWED or had_interview:
            interviewed += 1
        if application.stage is Stage.DECIDED:
            decided += 1
        if application.outcome in (Outcome.OFFER, Outcome.ACCEPTED):
            offers += 1
        if replied or had_interview or application.stage is not Stage.APPLIED:
            responded += 1
    return Funnel(len(board), interviewed, decided, offers, responded)


def applications_per_week(board: Board, today: dt.date, weeks: int = 26) -> list[int]:
    """Applications sent in each of the last `weeks` weeks (Monday to Sunday),
    oldest first; the last is the current week."""
    this_monday = today - dt.timedelta(days=today.weekday())
    first_monday = this_monday - dt.timedelta(weeks=weeks - 1)
    counts = [0] * weeks
    for application in board:
        day = application.applied_on
        index = (dt.date(day.year, day.month, day.day) - first_monday).days // 7
        if 0 <= index < weeks:
            counts[index] += 1
    return counts
