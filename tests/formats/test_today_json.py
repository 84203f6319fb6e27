"""`jobcockpit today --json` as a script reads it (docs/cli.md, docs/interchange.md):
indented by two spaces, keys in the contract's order, one final newline, and
names escaped where a terminal would act on them."""

from __future__ import annotations

import json
from typing import Any

import pendulum

from jobcockpit.core.board import Board
from jobcockpit.core.records import Application, Contact
from jobcockpit.core.rules import agenda
from jobcockpit.core.settings import Settings
from jobcockpit.formats.today import today_json

SETTINGS = Settings(user_timezone="Europe/Berlin")
NOW = pendulum.datetime(2026, 11, 17, 15, 0, tz="UTC")
"""Tuesday: 10:00 in New York, 16:00 in Berlin, 00:00 on Wednesday in Tokyo."""

PAIR_KEYS = [
    "application",
    "contact",
    "company",
    "position",
    "name",
    "verdict",
    "rules",
    "reason",
    "windows",
    "next",
]


def contact(id: str, name: str, zone: str, country: str, phone: str) -> Contact:
    return Contact.from_dict(
        {
            "id": id,
            "name": name,
            "phone": phone,
            "timezone": zone,
            "country": country,
            "verified": True,
        }
    )


def application(id: str, company: str, contacts: list[str], **fields: Any) -> Application:
    values: dict[str, Any] = {
        "id": id,
        "company": company,
        "position": "Data analyst",
        "applied_on": "2026-11-02",
        "contacts": contacts,
    }
    values.update(fields)
    return Application.from_dict(values)


def board(company: str = "Acme Tools", name: str = "Dana Ruiz") -> Board:
    """Two people in New York (one day plan, so the very same call windows)
    and one in Tokyo, where Wednesday has just begun."""
    return Board(
        [
            application("a1", company, ["c1"]),
            application("a2", "Globex", ["c2", "c3"]),
        ],
        [
            contact("c1", name, "America/New_York", "US", "+1 212 555 0100"),
            contact("c2", "Kim Lee", "America/New_York", "US", "+1 212 555 0101"),
            contact("c3", "Aiko Sato", "Asia/Tokyo", "JP", "+81 3 1234 5678"),
        ],
        [],
    )


def written(hunt: Board) -> bytes:
    return today_json(agenda(hunt, SETTINGS, NOW), hunt, SETTINGS.zone)


def test_the_document_is_indented_by_two_with_one_final_newline() -> None:
    text = written(board()).decode("utf-8")

    document = json.loads(text)
    assert text == json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    assert list(document) == ["now", "pairs", "tasks"]
    assert document["now"] == "2026-11-17T15:00:00+00:00"
    assert [list(pair) for pair in document["pairs"]] == [PAIR_KEYS] * 3


def test_call_windows_are_written_in_each_contacts_own_zone() -> None:
    pairs = {p["contact"]: p for p in json.loads(written(board()))["pairs"]}

    new_york = [pairs["c1"]["windows"], pairs["c2"]["windows"]]
    assert new_york[0] == new_york[1]
    assert new_york[0], "a call window is open in New York at 10:00"
    assert all(w["from"].endswith("-05:00") and w["to"].endswith("-05:00") for w in new_york[0])
    tokyo = pairs["c3"]["windows"]
    assert tokyo
    assert all(w["from"].startswith("2026-11-18T") for w in tokyo)
    assert all(w["from"].endswith("+09:00") and w["to"].endswith("+09:00") for w in tokyo)
    assert [p["verdict"] for p in pairs.values()] == ["call"] * 3


def test_what_a_terminal_acts_on_is_escaped_and_the_rest_kept() -> None:
    hostile = written(board(company="Acme\x7f Tools\x9b", name="Dana \u202eziuR ñ"))
    text = hostile.decode("utf-8")

    assert not any(c in text for c in ("\x7f", "\x9b", "\u202e"))
    assert "Acme\\u007f Tools\\u009b" in text
    assert "Dana \\u202eziuR ñ" in text
    names = {p["contact"]: p["name"] for p in json.loads(text)["pairs"]}
    assert names["c1"] == "Dana \u202eziuR ñ"
    assert json.loads(text)["pairs"][0]["company"] == "Acme\x7f Tools\x9b"
