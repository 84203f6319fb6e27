"""Proof of applications: every application sent and every step after it within
a period, counted in the user's calendar, as CSV and as Markdown."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

from jobcockpit.core.board import Board
from jobcockpit.formats.document import plan_import
from jobcockpit.formats.proof import CSV_COLUMNS, build_proof, proof_csv, proof_markdown

ZONE = "Europe/Berlin"
NOVEMBER = (dt.date(2026, 11, 1), dt.date(2026, 11, 30))


def board_of(document: dict[str, Any]) -> Board:
    return Board().apply(plan_import(document, Board()).change)


def test_the_period_holds_applications_sent_and_those_followed_up(
    document: dict[str, Any],
) -> None:
    proof = build_proof(board_of(document), ZONE, *NOVEMBER)

    steps = {
        p.application.id: [(s.day.isoformat(), s.activity) for s in p.steps]
        for p in proof.applications
    }
    assert steps == {
        "a1": [("2026-11-02", "application sent"), ("2026-11-10", "phone call, left a voicemail")],
        "a2": [("2026-11-05", "application sent")],
        # Applied in October; the interview in November is November's effort.
        "a3": [("2026-11-16", "interview")],
    }
    assert (proof.sent, proof.follow_ups) == (2, 2)
    assert [p.application.id for p in proof.applications] == ["a3", "a1", "a2"]


def test_steps_outside_the_period_are_left_out(document: dict[str, Any]) -> None:
    proof = build_proof(board_of(document), ZONE, dt.date(2026, 11, 1), dt.date(2026, 11, 9))

    assert [(p.application.id, len(p.steps)) for p in proof.applications] == [("a1", 1), ("a2", 1)]


def test_days_are_counted_in_the_users_zone(document: dict[str, Any]) -> None:
    # 20:00 in Denver on 30 November is already 1 December in Berlin.
    document["log"].append(
        {"application": "a1", "contact": "c1", "kind": "email", "at": "2026-11-30T20:00:00-07:00"}
    )
    board = board_of(document)

    in_berlin = build_proof(board, ZONE, *NOVEMBER)
    in_denver = build_proof(board, "America/Denver", *NOVEMBER)

    assert in_berlin.follow_ups == 2
    assert in_denver.follow_ups == 3


def test_csv_has_one_row_per_step_by_date(document: dict[str, Any]) -> None:
    text = proof_csv(build_proof(board_of(document), ZONE, *NOVEMBER))

    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [(r["date"], r["time"], r["activity"], r["company"]) for r in rows] == [
        ("2026-11-02", "", "application sent", "Acme Tools"),
        ("2026-11-05", "", "application sent", "Beta Care"),
        ("2026-11-10", "18:15", "phone call, left a voicemail", "Acme Tools"),
        ("2026-11-16", "15:00", "interview", "Gamma Games"),
    ]
    sent = rows[0]
    assert (sent["contact"], sent["phone"], sent["email"]) == (
        "Dana Ruiz",
        "'+1 505 555 0100",  # a spreadsheet would run a cell starting with + as a formula
        "dana@example.com",
    )
    assert rows[3]["note"] == "Second round"
    assert rows[3]["applied_on"] == "2026-10-20" and rows[3]["stage"] == "interviewed"


def test_markdown_has_a_summary_and_a_section_per_application(document: dict[str, Any]) -> None:
    text = proof_markdown(build_proof(board_of(document), ZONE, *NOVEMBER))

    assert text.startswith("# Applications and follow-ups: 2026-11-01 to 2026-11-30\n")
    assert "2 applications sent and 2 further steps" in text
    assert "Times are in Europe/Berlin." in text
    assert "| 2 | 2026-11-02 | Acme Tools | Data analyst | applied | 2 |" in text
    assert "## 2. Acme Tools: Data analyst" in text
    assert "- Contacts: Dana Ruiz (Hiring manager), +1 505 555 0100, dana@example.com" in text
    assert "| 2026-11-10 | 18:15 | phone call, left a voicemail | Dana Ruiz |  |" in text


def test_markdown_shows_user_text_literally(document: dict[str, Any]) -> None:
    document["applications"][0]["company"] = "[Evil](x) *Corp* | <b>#1</b>"
    document["applications"][0]["notes"] = "ignored here"
    document["log"][0]["note"] = "line one\nline | two"

    text = proof_markdown(build_proof(board_of(document), ZONE, *NOVEMBER))

    assert r"\[Evil\](x) \*Corp\* \| \<b\>\#1\</b\>" in text
    assert r"line one line \| two" in text
    assert "[Evil]" not in text


def test_an_empty_period_says_so(document: dict[str, Any]) -> None:
    proof = build_proof(board_of(document), ZONE, dt.date(2025, 1, 1), dt.date(2025, 1, 31))

    assert proof.applications == ()
    assert "Nothing was applied for or followed up in this period." in proof_markdown(proof)
    assert proof_csv(proof).splitlines() == [",".join(CSV_COLUMNS)]


def test_an_open_period_is_named_as_such(document: dict[str, Any]) -> None:
    board = board_of(document)

    assert build_proof(board, ZONE).period == "all dates"
    assert build_proof(board, ZONE, start=dt.date(2026, 11, 1)).period == "from 2026-11-01"
    assert build_proof(board, ZONE, end=dt.date(2026, 11, 30)).period == "up to 2026-11-30"
