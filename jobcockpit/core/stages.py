"""Moving an application between stages, as the cockpit's stage keys and
stage form do it.

It is a change to the records, not typed input: a move forward says when it
happened, because the follow-up rules count the new stage from that moment
(docs/rules.md); a move back is a correction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from msgspec import structs

from jobcockpit.core.records import Application, LogEntry, LogKind, Outcome, Stage, new_id


@dataclass(frozen=True, slots=True)
class StageChange:
    """An application moved to another stage, and what the move logs (the
    interview that took place), ready to go into one changeset."""

    application: Application
    entry: LogEntry | None = None


_STAGE_ORDER = list(Stage)


def is_backwards(application: Application, target: Stage) -> bool:
    """A move back is a correction: it asks nothing and logs nothing."""
    return _STAGE_ORDER.index(target) < _STAGE_ORDER.index(application.stage)


def change_stage(
    application: Application,
    target: Stage,
    *,
    at: dt.datetime | None = None,
    outcome: Outcome | None = None,
    keep_in_touch: bool = False,
    starts_at: dt.datetime | None = None,
) -> StageChange:
    """`application` in stage `target`.

    Entering *interviewed* logs the interview, which ended (or, scheduled,
    will end: R19) `at` and began `starts_at`; entering
    *decided* records `outcome` as of `at` (`keep_in_touch` only counts for a
    rejection, R16). Both start the stage's clock at `at`. A move back clears
    the decision and leaves `stage_since` empty, so the rules take the stage's
    start from the log as the interchange format says.
    """
    if is_backwards(application, target):
        return StageChange(
            structs.replace(
                application, stage=target, stage_since=None, outcome=None, keep_in_touch=False
            )
        )
    if target is Stage.APPLIED:
        return StageChange(application)
    if at is None or at.tzinfo is None:
        raise ValueError("a stage change needs the moment it happened, with its offset")
    if target is Stage.INTERVIEWED:
        moved = structs.replace(
            application, stage=target, stage_since=at, outcome=None, keep_in_touch=False
        )
        interview = LogEntry(
            application=application.id,
            kind=LogKind.INTERVIEW,
            at=at,
            starts_at=starts_at,
            id=new_id("l"),
        )
        return StageChange(moved, interview)
    if outcome is None:
        raise ValueError("a decision needs its outcome")
    return StageChange(
        structs.replace(
            application,
            stage=target,
            stage_since=at,
            outcome=outcome,
            keep_in_touch=keep_in_touch and outcome is Outcome.REJECTED,
        )
    )
