"""Shared fixtures: a home of its own for every command-line test, and a small
`jobcockpit/1` document to import."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from jobcockpit.cli import main


@dataclass(frozen=True)
class Run:
    """What one command printed and returned."""

    code: int
    out: str
    err: str


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`jobcockpit today` keeps its answers in a folder of the test's own, never
    in the user's cache, and never one test's answer for another."""
    monkeypatch.setenv("JOBCOCKPIT_CACHE", str(tmp_path / "cache"))


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh home folder: the default data file lives under it, and neither
    `JOBCOCKPIT_DB` nor the machine's zone leaks in from outside."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setenv("XDG_DATA_HOME", str(folder / "data"))
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.delenv("JOBCOCKPIT_DB", raising=False)
    yield folder


@pytest.fixture
def cli(home: Path, capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    """`jobcockpit ARGS...` through the real entry point."""

    def run(*argv: str) -> Run:
        code = main(list(argv))
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


SAMPLE_DOCUMENT: dict[str, Any] = {
    "format": "jobcockpit/1",
    "applications": [
        {
            "id": "a1",
            "company": "Acme Tools",
            "position": "Data analyst",
            "stage": "applied",
            "applied_on": "2026-11-02",
            "stage_since": None,
            "follow_up": "phone",
            "decision_expected_on": None,
            "outcome": None,
            "keep_in_touch": False,
            "contacts": ["c1"],
            "notes": "Referred by Sam.\nAsk about the team.",
            "posting_url": "https://jobs.example/acme/1",
            "salary_band": {"min": 50000, "max": 60000},
        },
        {
            "id": "a2",
            "company": "Beta Care",
            "position": "Coordinator",
            "stage": "applied",
            "applied_on": "2026-11-05",
            "stage_since": None,
            "follow_up": "email",
            "decision_expected_on": None,
            "outcome": None,
            "keep_in_touch": False,
            "contacts": ["c2"],
            "notes": "",
            "posting_url": None,
        },
        {
            "id": "a3",
            "company": "Gamma Games",
            "position": "Producer",
            "stage": "interviewed",
            "applied_on": "2026-10-20",
            "stage_since": None,
            "follow_up": "any",
            "decision_expected_on": None,
            "outcome": None,
            "keep_in_touch": False,
            "contacts": ["c3"],
            "notes": "",
            "posting_url": None,
        },
    ],
    "contacts": [
        {
            "id": "c1",
            "name": "Dana Ruiz",
            "role": "Hiring manager",
            "phone": "+1 505 555 0100",
            "email": "dana@example.com",
            "timezone": "America/Denver",
            "country": "US",
            "subdivision": "NM",
            "best_time": {"days": ["tue", "wed", "thu"], "from": "10:00", "to": "11:30"},
            "verified": True,
        },
        {
            "id": "c2",
            "name": "Ken Sato",
            "role": "",
            "phone": None,
            "email": "ken@beta.example",
            "timezone": "Asia/Tokyo",
            "country": "JP",
            "subdivision": None,
            "best_time": None,
            "verified": True,
            "linkedin": "https://linkedin.example/ken",
        },
        {
            "id": "c3",
            "name": "Jonas Weber",
            "role": "Studio lead",
            "phone": "+49 30 5555 0103",
            "email": None,
            "timezone": "Europe/Berlin",
            "country": "DE",
            "subdivision": "BE",
            "best_time": None,
            "verified": False,
        },
    ],
    "log": [
        {
            "application": "a1",
            "contact": "c1",
            "kind": "voicemail",
            "at": "2026-11-10T10:15:00-07:00",
            "note": "",
            "decision_expected_on": None,
        },
        {
            "id": "l-interview",
            "application": "a3",
            "contact": "c3",
            "kind": "interview",
            "at": "2026-11-16T15:00:00+01:00",
            "note": "Second round",
            "decision_expected_on": None,
            "duration_minutes": 45,
        },
    ],
}
"""Judged at NOW: a1 is a call (Dana's best time is open), a2 an e-mail (the
posting asked for e-mail only), a3 a wait (R6) with a thank-you note due."""

NOW = "2026-11-18T10:00:00-07:00"
"""Wednesday 18 November 2026, 10:00 in Denver, 18:00 in Berlin."""


@pytest.fixture
def document() -> dict[str, Any]:
    return copy.deepcopy(SAMPLE_DOCUMENT)


@pytest.fixture
def document_file(tmp_path: Path, document: dict[str, Any]) -> Path:
    path = tmp_path / "hunt-export.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path
