"""Records, boards and clocks for the store's tests: fixed dates, fixed zones,
and every field of every record filled in, so a round trip that drops one shows."""

from __future__ import annotations

import builtins
import datetime as dt
import io
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

import pytest

from jobcockpit.core.board import Board
from jobcockpit.core.records import Application, Contact, LogEntry

START = dt.datetime(2026, 11, 17, 15, 0, tzinfo=dt.UTC)


class Clock:
    """A clock the test moves by hand, so backups never depend on today."""

    def __init__(self, now: dt.datetime = START) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


def application(**fields: Any) -> Application:
    values: dict[str, Any] = {
        "id": "a1",
        "company": "Acme Tools",
        "position": "Data analyst",
        "applied_on": "2026-11-02",
        "contacts": ["c1"],
    }
    values.update(fields)
    return Application.from_dict(values)


def contact(**fields: Any) -> Contact:
    values: dict[str, Any] = {"id": "c1", "name": "Dana Ruiz"}
    values.update(fields)
    return Contact.from_dict(values)


def entry(**fields: Any) -> LogEntry:
    values: dict[str, Any] = {
        "application": "a1",
        "contact": "c1",
        "kind": "voicemail",
        "at": "2026-11-18T10:15:00-07:00",
    }
    values.update(fields)
    return LogEntry.from_dict(values)


def full_contact() -> Contact:
    """Every field set, and keys a newer jobcockpit might have written."""
    return contact(
        role="Hiring manager",
        phone="+1 505 555 0100",
        email="dana@example.com",
        timezone="America/Denver",
        country="US",
        subdivision="NM",
        best_time={"days": ["tue", "wed", "thu"], "from": "10:00", "to": "11:30"},
        verified=True,
        pronouns="she/her",
        x_future={"nested": [1, 2.5, None, True, "ü"]},
    )


def full_application() -> Application:
    return application(
        id="a1",
        company="Acme Tools",
        position="Data analyst",
        stage="decided",
        applied_on="2026-11-10",
        stage_since="2026-11-20T16:00:00-07:00",
        follow_up="phone",
        decision_expected_on="2026-11-27",
        outcome="rejected",
        keep_in_touch=True,
        contacts=["c1", "c2"],
        notes="Met at the fair.\nSecond line, with “quotes” and émojis 🚀",
        posting_url="https://example.com/jobs/1",
        salary_band={"min": 50000, "max": 60000, "currency": "USD"},
    )


def full_log() -> list[LogEntry]:
    return [
        entry(
            id="l1",
            kind="interview",
            at="2026-11-20T16:00:00-07:00",
            note="Panel of three",
            decision_expected_on="2026-11-27",
            x_duration_minutes=45,
        ),
        entry(kind="voicemail", at="2026-11-18T10:15:00-07:00", note=""),
        entry(contact=None, kind="reply", at="2026-11-25T09:00:00+01:00", note="Sadly no"),
    ]


def full_board() -> Board:
    return Board(
        [full_application(), application(id="a2", company="Beta Corp", contacts=[])],
        [full_contact(), contact(id="c2", name="Sam Lee")],
        full_log(),
    )


def file_document(settings: dict[str, Any] | None = None) -> dict[str, Any]:
    """`full_board` as a data file holds it: each table keyed by record, and
    the meta document with `settings`."""
    from jobcockpit.store import SCHEMA_VERSION

    board = full_board()
    return {
        "applications": {a.id: a.to_dict() for a in board.applications.values()},
        "contacts": {c.id: c.to_dict() for c in board.contacts.values()},
        "log": {key: e.to_dict() for key, e in board.log.items()},
        "meta": {"1": {"schema": SCHEMA_VERSION, "settings": settings or {}}},
    }


def temp_files(folder: Path) -> list[Path]:
    """Temporary files of unfinished saves, in the folder and its backups."""
    found = [p for p in folder.iterdir() if ".tmp-" in p.name]
    backups = folder / "backups"
    if backups.is_dir():
        found += [p for p in backups.iterdir() if ".tmp-" in p.name]
    return found


def report(config: pytest.Config, line: str) -> None:
    """Put a count on the test run's own output, where the closing note of a
    reliability run can quote it, with or without `-s`."""
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    capture = config.pluginmanager.get_plugin("capturemanager")
    if reporter is None:
        return
    with capture.global_and_fixture_disabled() if capture is not None else nullcontext():
        reporter.write_line("")
        reporter.write_line(line)


FAULTY_OPERATIONS = ("open", "write", "fsync", "replace")


class Faults:
    """Make the nth call of one file operation fail with a chosen errno, the
    way a full or dying disk would, and tell whether the call was reached.

    "open" counts `os.open` and the built-in `open` together (pathlib's
    `read_bytes` goes through `io.open`); "replace" is `os.replace`, which
    `Path.replace` calls too."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self._monkeypatch = monkeypatch
        self.calls = 0
        self.hit = False
        self.injected = 0

    @contextmanager
    def failing(self, operation: str, code: int, nth: int) -> Iterator[None]:
        self.calls = 0
        self.hit = False
        with self._monkeypatch.context() as patch:
            if operation == "open":
                patch.setattr(os, "open", self._wrap(os.open, code, nth))
                fake_open = self._wrap(io.open, code, nth)
                patch.setattr(io, "open", fake_open)
                patch.setattr(builtins, "open", fake_open)
            else:
                patch.setattr(os, operation, self._wrap(getattr(os, operation), code, nth))
            yield

    def _wrap(self, real: Callable[..., Any], code: int, nth: int) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            if self.calls == nth:
                self.hit = True
                self.injected += 1
                raise OSError(code, os.strerror(code))
            return real(*args, **kwargs)

        return call


def folder_state(folder: Path) -> dict[str, bytes | None]:
    """Every file under `folder` with its bytes (None for a folder), to show
    that something left the disk exactly as it was."""
    return {
        str(entry.relative_to(folder)): entry.read_bytes() if entry.is_file() else None
        for entry in sorted(folder.rglob("*"))
    }


def zero_to_one(document: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The tests' own upgrade from a "format 0" that jobcockpit never wrote but
    plausibly could have: TinyDB's defaults, with numbered documents and the
    settings in a table of their own. It proves the migration machinery
    without putting a fake format into the product."""
    log = {LogEntry.from_dict(raw).key: raw for raw in document["log"].values()}
    settings: dict[str, Any] = next(iter(document.get("settings", {}).values()), {})
    return {
        "applications": {raw["id"]: raw for raw in document["applications"].values()},
        "contacts": {raw["id"]: raw for raw in document["contacts"].values()},
        "log": log,
        "meta": {"1": {"schema": 1, "settings": settings}},
    }
