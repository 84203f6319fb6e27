"""R19 in the `jobcockpit/1` document: an interview's `starts_at` goes in and
out unchanged, and one that cannot be is refused naming record and field."""

from __future__ import annotations

from typing import Any

import pytest

from jobcockpit.core.board import Board
from jobcockpit.formats.document import plan_import, to_document
from jobcockpit.formats.refusal import ImportRefused


def with_start(document: dict[str, Any], **fields: Any) -> dict[str, Any]:
    interview = document["log"][1]
    assert interview["kind"] == "interview"
    interview.update(fields)
    return document


def test_an_interviews_start_survives_a_round_trip(document: dict[str, Any]) -> None:
    with_start(document, starts_at="2026-11-16T14:15:00+01:00")
    plan = plan_import(document, Board())
    board = Board().apply(plan.change)

    [interview] = [e for e in board.log.values() if e.kind.value == "interview"]
    assert interview.starts_at is not None
    assert interview.starts_at.isoformat() == "2026-11-16T14:15:00+01:00"
    assert to_document(board, plan.extra) == document


def test_an_entry_without_a_start_is_written_without_one(document: dict[str, Any]) -> None:
    plan = plan_import(document, Board())
    exported = to_document(Board().apply(plan.change), plan.extra)

    assert all("starts_at" not in entry for entry in exported["log"])


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {"starts_at": "2026-11-16T16:00:00+01:00"},
            "starts_at: must not be later than at (when the interview ends)",
        ),
        (
            {"starts_at": "2026-11-16T14:00:00"},
            "starts_at: '2026-11-16T14:00:00' has no UTC offset",
        ),
        (
            {"kind": "email", "starts_at": "2026-11-16T14:00:00+01:00"},
            "is only given for an interview",
        ),
    ],
)
def test_a_start_that_cannot_be_is_refused_naming_the_field(
    document: dict[str, Any], fields: dict[str, Any], expected: str
) -> None:
    with_start(document, **fields)
    with pytest.raises(ImportRefused) as caught:
        plan_import(document, Board())
    problems = " ".join(caught.value.problems)
    assert "log entry l-interview" in problems
    assert expected in problems
