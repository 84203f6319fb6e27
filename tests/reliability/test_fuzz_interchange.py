"""Generated hostile input for the two readers a user hands files to.

- The CSV writer and the spreadsheet reader: any text a record may hold,
  written as a cell (neutralised when a spreadsheet would run it) and read
  back, is the text it was, whatever quotes, line breaks, formula starts,
  apostrophes or length it has.
- The `jobcockpit/1` reader: documents nested thousands deep, lone
  surrogates, duplicate keys, numbers past what a double holds and dates
  from year 1 to 9999 are either refused with `ImportRefused` (a message for
  a person) or read into a board that can be saved, judged and exported:
  never a traceback.
"""

from __future__ import annotations

import json
import time
from typing import Any

import orjson
import pendulum
import pytest
from helpers_store import report
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobcockpit.core.board import Board
from jobcockpit.core.rules import agenda
from jobcockpit.core.settings import Settings
from jobcockpit.formats.document import parse_document, plan_import, to_document
from jobcockpit.formats.ical import calendar_events, to_ics
from jobcockpit.formats.refusal import ImportRefused
from jobcockpit.formats.spreadsheet import read_sheet
from jobcockpit.formats.table import write_table

NOW = pendulum.datetime(2026, 11, 18, 10, 0, tz="America/Denver")
COUNTS: dict[str, int] = {}


def count(name: str) -> None:
    COUNTS[name] = COUNTS.get(name, 0) + 1


@pytest.fixture(scope="module", autouse=True)
def _counts(request: pytest.FixtureRequest) -> Any:
    started = time.monotonic()
    yield
    report(
        request.config,
        f"hostile documents: {COUNTS.get('documents', 0)} generated "
        f"({COUNTS.get('refused', 0)} refused with a message, "
        f"{COUNTS.get('accepted', 0)} read, saved and judged); "
        f"CSV round trips: {COUNTS.get('sheets', 0)} sheets, {COUNTS.get('cells', 0)} cells, "
        f"{COUNTS.get('formulas', 0)} of them formula-like; "
        f"in {time.monotonic() - started:.1f} s",
    )


# -- CSV: written, then read back -----------------------------------------------------

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'", "''", "'=")

cell_text = st.one_of(
    st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=40),
    st.tuples(st.sampled_from(FORMULA_STARTS), st.text(max_size=20)).map("".join),
    st.text(alphabet="\"',;\t\r\n =+-@|", max_size=20),
).filter(lambda text: "\x00" not in text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.tuples(cell_text, cell_text), min_size=1, max_size=6))
def test_any_cell_written_reads_back_as_it_was(rows: list[tuple[str, str]]) -> None:
    sheet_rows = [
        [f"Company {n}", "2026-11-10", notes, other] for n, (notes, other) in enumerate(rows)
    ]
    text = write_table(("Company", "Date Applied", "Notes", "Referral"), sheet_rows)

    sheet = read_sheet(text.encode("utf-8"))

    count("sheets")
    for row, (notes, other) in zip(sheet.rows, rows, strict=True):
        count("cells")
        if notes.startswith(FORMULA_STARTS) or other.startswith(FORMULA_STARTS):
            count("formulas")
        assert row.cells.get("notes", "") == notes.strip()
        assert dict(row.others).get("Referral", "") == other.strip()


def test_a_long_cell_reads_back_whole() -> None:
    note = "x" * 300_000
    text = write_table(("Company", "Date Applied", "Notes"), [["Acme", "2026-11-10", note]])

    (row,) = read_sheet(text.encode("utf-8")).rows

    assert row.cells["notes"] == note


# -- the jobcockpit/1 reader ------------------------------------------------------------


def nested(depth: int, leaf: str) -> str:
    return "[" * depth + leaf + "]" * depth


NUMBERS = (
    "1e999",
    "-1e999",
    "1e308",
    "-0.0",
    "1e-400",
    "NaN",
    "Infinity",
    "-Infinity",
    "123456789012345678901234567890",
    "-9223372036854775809",
    "9" * 5000,
)
TEXTS = ('"\\ud800"', '"\\udfff x"', '"\\ud83d\\ude00"', '"ok"', '"\\u0000\\u001b[2J"')
DATES = st.integers(min_value=1, max_value=9999).map(lambda year: f"{year:04d}-06-15")


@st.composite
def documents(draw: st.DrawFn) -> str:
    """A jobcockpit/1 document as text: a plausible job hunt, with now and then
    one or more hostile pieces (a value nested deep, a lone surrogate, a
    number past a double, a key given twice, a date far off) in one place."""
    leaf = draw(st.sampled_from(TEXTS[::-1] + NUMBERS[::-1]))
    depth = draw(st.one_of(st.integers(0, 40), st.integers(40, 3000)))
    applied = draw(st.one_of(st.just("2026-06-15"), DATES))
    at_year = draw(st.one_of(st.just(2026), st.integers(min_value=1, max_value=9999)))
    offset = draw(st.sampled_from(["+14:00", "-12:00", "Z", "+00:00"]))
    twice = draw(st.integers(0, 4)) == 3
    place = draw(st.sampled_from(["nowhere", "extra", "top", "note", "company"]))
    hostile = nested(depth, leaf)
    company = hostile if place == "company" else '"Acme Tools"'
    note = hostile if place == "note" else '""'
    extra = f', "souvenir": {hostile}' if place == "extra" else ""
    top = f', "later": {hostile}' if place == "top" else ""
    repeated = ', "position": "again"' if twice else ""
    return (
        '{"format": "jobcockpit/1"'
        + top
        + ', "applications": [{"id": "a1", "company": '
        + company
        + ', "position": "Analyst", "applied_on": "'
        + applied
        + '"'
        + extra
        + repeated
        + '}], "log": [{"application": "a1", "kind": "email", "at": "'
        + f"{at_year:04d}-03-01T09:00:00{offset}"
        + '", "note": '
        + note
        + "}]}"
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=documents())
def test_a_hostile_document_is_refused_in_words_or_read_into_a_board_that_works(
    text: str,
) -> None:
    count("documents")
    try:
        document = parse_document(text.encode("utf-8"))
        plan = plan_import(document, Board())
    except ImportRefused as refused:
        count("refused")
        assert refused.problems
        assert all(isinstance(p, str) and p for p in refused.problems)
        return
    count("accepted")
    board = Board().apply(plan.change)
    saved = orjson.dumps(to_document(board, plan.extra))
    assert json.loads(saved)["applications"][0]["id"] == "a1"
    application = board.applications["a1"]
    assert 1900 <= application.applied_on.year <= 2200
    settings_ = Settings(user_timezone="Europe/Berlin")
    agenda(board, settings_, NOW)
    to_ics(calendar_events(board, settings_, NOW), NOW)
