"""The `jobcockpit/1` document: merging an import, refusing bad input whole,
and exports that round-trip and never change for the same data."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

from jobcockpit.core.board import Board
from jobcockpit.core.records import LogKind
from jobcockpit.formats.document import (
    FORMAT,
    dump_json,
    parse_document,
    plan_import,
    to_document,
)
from jobcockpit.formats.refusal import ImportRefused
from jobcockpit.formats.table import CSV_COLUMNS, to_csv


def imported(document: dict[str, Any], board: Board | None = None) -> Board:
    board = board if board is not None else Board()
    return board.apply(plan_import(document, board).change)


def refusal(document: dict[str, Any], board: Board | None = None) -> list[str]:
    with pytest.raises(ImportRefused) as caught:
        plan_import(document, board if board is not None else Board())
    return list(caught.value.problems)


# -- merging -------------------------------------------------------------------


def test_a_new_document_adds_every_record(document: dict[str, Any]) -> None:
    plan = plan_import(document, Board())

    assert plan.applications.added == ("a1", "a2", "a3")
    assert plan.contacts.added == ("c1", "c2", "c3")
    assert len(plan.log.added) == 2
    board = Board().apply(plan.change)
    assert board.applications["a1"].company == "Acme Tools"
    assert [e.kind for e in board.log_of("a3")] == [LogKind.INTERVIEW]


def test_importing_the_same_document_twice_adds_nothing(document: dict[str, Any]) -> None:
    board = imported(document)

    plan = plan_import(document, board)

    assert not plan.change
    assert (plan.applications.unchanged, plan.contacts.unchanged, plan.log.unchanged) == (3, 3, 2)


def test_a_log_entry_without_id_is_known_by_its_identity(document: dict[str, Any]) -> None:
    board = imported(document)
    again = {"format": FORMAT, "log": [dict(document["log"][0], note="She sounded busy")]}

    plan = plan_import(again, board)
    after = board.apply(plan.change)

    assert plan.log.added == ()
    assert len(plan.log.updated) == 1
    assert len(after.log) == 2
    assert [e.note for e in after.log_of("a1")] == ["She sounded busy"]


def test_a_log_entry_written_with_another_offset_is_the_same_entry(
    document: dict[str, Any],
) -> None:
    board = imported(document)
    same_moment = dict(document["log"][0], at="2026-11-10T17:15:00Z")

    plan = plan_import({"format": FORMAT, "log": [same_moment]}, board)

    assert plan.log.added == ()
    assert len(board.apply(plan.change).log) == 2


def test_a_log_entry_with_an_id_is_updated_in_place(document: dict[str, Any]) -> None:
    board = imported(document)
    moved = dict(document["log"][1], at="2026-11-16T16:00:00+01:00")

    after = imported({"format": FORMAT, "log": [moved]}, board)

    assert len(after.log) == 2
    assert after.log["l-interview"].at.isoformat() == "2026-11-16T16:00:00+01:00"


def test_a_log_entry_moved_to_another_application_leaves_the_first(
    document: dict[str, Any],
) -> None:
    board = imported(document)
    moved = dict(document["log"][1], application="a1", contact="c1")

    after = imported({"format": FORMAT, "log": [moved]}, board)

    assert [e.id for e in after.log_of("a1")] == [None, "l-interview"]
    assert after.log_of("a3") == []


def test_a_known_record_keeps_what_the_document_leaves_out(document: dict[str, Any]) -> None:
    board = imported(document)
    update = {
        "format": FORMAT,
        "applications": [{"id": "a1", "stage": "interviewed", "posting_url": None}],
    }

    plan = plan_import(update, board)
    after = board.apply(plan.change)

    assert plan.applications.updated == ("a1",)
    application = after.applications["a1"]
    assert application.stage.value == "interviewed"
    assert application.posting_url is None
    assert application.company == "Acme Tools"
    assert application.extra == {"salary_band": {"min": 50000, "max": 60000}}


def test_a_new_contact_can_be_linked_by_the_same_document(document: dict[str, Any]) -> None:
    board = imported(document)
    update = {
        "format": FORMAT,
        "applications": [{"id": "a2", "contacts": ["c2", "c9"]}],
        "contacts": [{"id": "c9", "name": "Lee Park"}],
    }

    after = imported(update, board)

    assert after.applications["a2"].contacts == ("c2", "c9")


# -- refusing ------------------------------------------------------------------


def test_every_bad_record_is_named_and_nothing_is_planned(document: dict[str, Any]) -> None:
    document["applications"][1]["applied_on"] = "2026-13-01"
    document["applications"].append({"company": "No Id Ltd", "applied_on": "2026-11-01"})
    document["contacts"][1]["timezone"] = "Mars/Olympus"
    document["log"].append({"application": "a7", "kind": "email", "at": "2026-11-12T09:00:00Z"})
    document["log"].append(
        {"application": "a1", "contact": "c8", "kind": "call", "at": "2026-11-12T09:00:00Z"}
    )

    problems = refusal(document)

    assert problems == [
        "application a2: applied_on: '2026-13-01' is not an ISO date such as 2026-11-10",
        "application #4: id: is required",
        "contact c2: timezone: 'Mars/Olympus' is not an IANA time zone",
        "log entry #4: kind: 'call' is not one of connected | voicemail | no_answer | email | "
        "thank_you | reply | interview",
        "log entry #3: application: no application a7",
    ]


def test_links_to_records_neither_stored_nor_imported_are_refused() -> None:
    document = {
        "format": FORMAT,
        "applications": [
            {"id": "a1", "company": "Acme", "applied_on": "2026-11-02", "contacts": ["c1", "c2"]}
        ],
        "log": [{"application": "a1", "contact": "c3", "kind": "email", "at": "2026-11-03T09:00Z"}],
    }

    assert refusal(document) == [
        "application a1: contacts: no contact c1, c2",
        "log entry #1: contact: no contact c3",
    ]


def test_a_link_to_a_refused_record_is_not_reported_twice() -> None:
    document = {
        "format": FORMAT,
        "applications": [{"id": "a1", "company": "", "applied_on": "2026-11-02"}],
        "log": [{"application": "a1", "kind": "email", "at": "2026-11-03T09:00:00Z"}],
    }

    assert refusal(document) == ["application a1: company: must not be empty"]


def test_a_timestamp_without_offset_names_record_and_field(document: dict[str, Any]) -> None:
    document["log"][1]["at"] = "2026-11-16T15:00:00"

    (problem,) = refusal(document)

    assert problem.startswith("log entry l-interview: at: '2026-11-16T15:00:00' has no UTC offset")


def test_a_record_given_twice_is_refused(document: dict[str, Any]) -> None:
    document["contacts"].append(dict(document["contacts"][0], name="Dana R."))

    assert refusal(document) == ["contact c1: id: appears twice in the document"]


def test_the_same_log_entry_twice_with_other_details_is_refused(
    document: dict[str, Any],
) -> None:
    document["log"].append(dict(document["log"][0]))
    assert imported(document).log_of("a1")[0].kind is LogKind.VOICEMAIL

    document["log"].append(dict(document["log"][0], note="different"))
    (problem,) = refusal(document)
    assert problem.startswith("log entry #4: repeats log entry #1")


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({}, "format: missing"),
        ({"format": "jobcockpit/2"}, "format: 'jobcockpit/2' is not one this version reads"),
        ({"format": "trello"}, "format: 'trello' is not 'jobcockpit/1'"),
    ],
)
def test_the_format_must_be_jobcockpit_1(given: dict[str, Any], expected: str) -> None:
    (problem,) = refusal({**given, "applications": []})
    assert problem.startswith(expected)


def test_sections_must_be_lists_of_objects() -> None:
    problems = refusal({"format": FORMAT, "applications": {"a1": {}}, "contacts": ["Dana"]})

    assert problems == ["applications: must be a list", "contact #1: must be a JSON object"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (b'{"format": "jobcockpit/1",', "not valid JSON: Expecting property name"),
        (b"[1, 2]", "not a jobcockpit/1 document"),
        (b'{"format": "jobcockpit/1", "x": NaN}', "not valid JSON: NaN is not a JSON number"),
        (b'{"format": "\xff"}', "not UTF-8 text"),
    ],
)
def test_text_that_is_not_a_document_is_refused(text: bytes, expected: str) -> None:
    with pytest.raises(ImportRefused) as caught:
        parse_document(text)
    assert caught.value.problems[0].startswith(expected)


# -- exporting -----------------------------------------------------------------


def test_export_gives_back_the_document_with_its_unknown_keys(document: dict[str, Any]) -> None:
    document["exported_by"] = {"tool": "a newer jobcockpit"}
    plan = plan_import(document, Board())

    exported = to_document(Board().apply(plan.change), plan.extra)

    assert exported == document


def test_export_is_the_same_whatever_order_the_records_came_in(
    document: dict[str, Any],
) -> None:
    shuffled = dict(
        document,
        applications=list(reversed(document["applications"])),
        contacts=list(reversed(document["contacts"])),
        log=list(reversed(document["log"])),
    )

    first = dump_json(to_document(imported(document)))
    second = dump_json(to_document(imported(shuffled)))

    assert first == second
    assert [e["at"] for e in json.loads(first)["log"]] == [
        "2026-11-10T10:15:00-07:00",
        "2026-11-16T15:00:00+01:00",
    ]


def test_csv_has_one_row_per_application(document: dict[str, Any]) -> None:
    rows = list(csv.reader(io.StringIO(to_csv(imported(document)))))

    assert tuple(rows[0]) == CSV_COLUMNS
    table = [dict(zip(CSV_COLUMNS, row, strict=True)) for row in rows[1:]]
    assert [row["id"] for row in table] == ["a1", "a2", "a3"]
    assert table[0]["contacts"] == "Dana Ruiz"
    # A cell starting with + is one a spreadsheet would run as a formula.
    assert table[0]["phones"] == "'+1 505 555 0100"
    assert table[0]["last_log_at"] == "2026-11-10T10:15:00-07:00"
    assert table[0]["last_log"] == "voicemail with Dana Ruiz"
    assert table[0]["notes"] == "Referred by Sam.\nAsk about the team."
    assert table[1]["phones"] == ""
    assert table[2]["last_log"] == "interview with Jonas Weber: Second round"
    raw = list(csv.reader(io.StringIO(to_csv(imported(document), raw=True))))
    assert dict(zip(CSV_COLUMNS, raw[1], strict=True))["phones"] == "+1 505 555 0100"
