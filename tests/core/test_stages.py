"""Moving an application between stages, against a fixed clock."""

from __future__ import annotations

import pendulum
import pytest

from jobcockpit.core.records import Application, LogKind, Outcome, Stage
from jobcockpit.core.stages import StageChange, change_stage, is_backwards

BERLIN = "Europe/Berlin"
NOW = pendulum.datetime(2026, 11, 11, 15, 0, tz=BERLIN)

APPLIED = Application(
    id="a1",
    company="Acme",
    position="Analyst",
    applied_on=pendulum.date(2026, 11, 2),
    contacts=("c1",),
    extra={"colour": "green"},
)


def test_entering_interviewed_logs_the_interview_and_starts_the_clock() -> None:
    ended = pendulum.datetime(2026, 11, 10, 15, 0, tz=BERLIN)
    change = change_stage(APPLIED, Stage.INTERVIEWED, at=ended)
    assert change.application.stage is Stage.INTERVIEWED
    assert change.application.stage_since == ended
    assert change.application.contacts == ("c1",)
    assert change.application.extra == {"colour": "green"}
    assert change.entry is not None
    assert change.entry.kind is LogKind.INTERVIEW
    assert change.entry.at == ended
    assert change.entry.application == "a1"
    assert change.entry.id


def test_entering_decided_records_the_outcome() -> None:
    decided_at = pendulum.datetime(2026, 11, 11, 9, 0, tz=BERLIN)
    change = change_stage(
        APPLIED, Stage.DECIDED, at=decided_at, outcome=Outcome.REJECTED, keep_in_touch=True
    )
    assert change.application.stage is Stage.DECIDED
    assert change.application.outcome is Outcome.REJECTED
    assert change.application.keep_in_touch is True
    assert change.application.stage_since == decided_at
    assert change.entry is None
    offer = change_stage(
        APPLIED, Stage.DECIDED, at=decided_at, outcome=Outcome.OFFER, keep_in_touch=True
    )
    assert offer.application.keep_in_touch is False


def test_a_forward_move_needs_its_moment_and_a_decision_its_outcome() -> None:
    with pytest.raises(ValueError, match="needs the moment"):
        change_stage(APPLIED, Stage.INTERVIEWED)
    with pytest.raises(ValueError, match="needs its outcome"):
        change_stage(APPLIED, Stage.DECIDED, at=NOW)


def test_moving_back_clears_the_decision_and_asks_nothing() -> None:
    decided = change_stage(
        APPLIED, Stage.DECIDED, at=NOW, outcome=Outcome.REJECTED, keep_in_touch=True
    ).application
    assert is_backwards(decided, Stage.INTERVIEWED)
    assert not is_backwards(decided, Stage.DECIDED)
    back = change_stage(decided, Stage.INTERVIEWED)
    assert back == StageChange(
        Application(
            id="a1",
            company="Acme",
            position="Analyst",
            applied_on=pendulum.date(2026, 11, 2),
            stage=Stage.INTERVIEWED,
            contacts=("c1",),
        )
    )
    assert back.application.extra == {"colour": "green"}
