"""Damaged files: a small valid data file cut short at every byte, with bits
flipped, with NUL bytes, and valid JSON of the wrong shape.

Whatever the damage, opening the file either works (the damage still left a
valid file, such as a flipped bit in a note) or raises an error naming the
file and the newest backup a restore would take; the folder is left exactly
as it was (no byte of the file changed, no empty database written, no backup
taken), including when the store is asked to create the file.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from helpers_store import Clock, folder_state, full_board, report

from jobcockpit.core.board import Changeset
from jobcockpit.store import (
    DataFileCorrupt,
    DataFileMissing,
    DataFileTooNew,
    Store,
    list_backups,
    newest_good_backup,
)

COUNTS: dict[str, int] = {}


@pytest.fixture(scope="module", autouse=True)
def count_the_variants(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    total = sum(COUNTS.values())
    parts = ", ".join(f"{name} {count}" for name, count in COUNTS.items())
    report(request.config, f"corrupt files: {total} variants tried ({parts}); none was written")


@pytest.fixture(scope="module")
def valid_file(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The bytes of a small but complete data file: every field of every
    record, as the store writes it."""
    path = tmp_path_factory.mktemp("valid") / "jobs.json"
    board = full_board()
    with Store.open(path, create=True, clock=Clock()) as store:
        store.commit(
            Changeset(
                put_applications=tuple(board.applications.values()),
                put_contacts=tuple(board.contacts.values()),
                add_log=tuple(board.log.values()),
            )
        )
    return path.read_bytes()


class Bench:
    """A data file beside two backups: the newest one damaged, the one
    before good, so the error must name the older."""

    def __init__(self, folder: Path, valid: bytes) -> None:
        self.folder = folder
        self.path = folder / "jobs.json"
        backups = folder / "backups"
        backups.mkdir()
        self.good_backup = backups / "jobs.json.20261116T090000.000000Z.json"
        self.good_backup.write_bytes(valid)
        bad = backups / "jobs.json.20261117T090000.000000Z.json"
        document = orjson.loads(valid)
        document["applications"]["a1"]["applied_on"] = "soon"
        bad.write_bytes(orjson.dumps(document))
        assert list_backups(self.path) == [bad, self.good_backup]
        assert newest_good_backup(self.path) == self.good_backup

    def try_open(self, blob: bytes) -> str:
        """Open `blob` as the data file, twice (the second time asking to
        create it); the outcome's name, after checking the promises."""
        self.path.write_bytes(blob)
        before = folder_state(self.folder)
        outcome = self._open(blob, create=False)
        assert folder_state(self.folder) == before
        assert self._open(blob, create=True) == outcome
        assert folder_state(self.folder) == before
        return outcome

    def _open(self, blob: bytes, *, create: bool) -> str:
        try:
            with Store.open(self.path, create=create, clock=Clock()) as store:
                assert not store.read_only or store.read_only_reason
                return "opened"
        except DataFileCorrupt as error:
            assert error.path == self.path
            assert error.newest_backup == self.good_backup
            message = str(error)
            assert str(self.path) in message
            assert str(self.good_backup) in message
            assert "\n" not in message
            return "corrupt"
        except DataFileTooNew as error:
            assert str(self.path) in str(error)
            return "too new"


@pytest.fixture
def bench(tmp_path: Path, valid_file: bytes) -> Bench:
    return Bench(tmp_path, valid_file)


def tally(kind: str, outcomes: list[str]) -> dict[str, int]:
    COUNTS[kind] = COUNTS.get(kind, 0) + len(outcomes)
    return {name: outcomes.count(name) for name in set(outcomes)}


def test_the_file_cut_short_at_every_byte(bench: Bench, valid_file: bytes) -> None:
    outcomes = [bench.try_open(valid_file[:end]) for end in range(len(valid_file))]
    seen = tally("truncated", outcomes)
    # Only the copy missing its final newline is still the whole document.
    assert seen == {"corrupt": len(valid_file) - 1, "opened": 1}
    assert outcomes[-1] == "opened"


def test_single_bit_flips(bench: Bench, valid_file: bytes) -> None:
    rng = random.Random(20261117)
    flips = [(rng.randrange(len(valid_file)), rng.randrange(8)) for _ in range(600)]
    outcomes = []
    for offset, bit in flips:
        damaged = bytearray(valid_file)
        damaged[offset] ^= 1 << bit
        outcomes.append(bench.try_open(bytes(damaged)))
    seen = tally("bit flips", outcomes)
    assert seen["corrupt"] > 100
    assert seen["opened"] > 10, "a flip inside a note's text still opens"


def nul_variants(valid: bytes) -> Iterator[bytes]:
    yield b"\x00" * len(valid)
    yield valid + b"\x00" * 4096
    yield b"\x00" * 512 + valid
    for start in range(0, len(valid), 97):
        yield valid[:start] + b"\x00" * 64 + valid[start + 64 :]
        yield valid[:start] + b"\x00" + valid[start:]
    # A crash after the size grew but before the data landed (delayed
    # allocation): the old length of real bytes, then zeros.
    yield valid[: len(valid) // 2] + b"\x00" * (len(valid) - len(valid) // 2)


def test_nul_bytes(bench: Bench, valid_file: bytes) -> None:
    outcomes = [bench.try_open(blob) for blob in nul_variants(valid_file)]
    seen = tally("NUL bytes", outcomes)
    assert seen == {"corrupt": len(outcomes)}


Edit = Callable[[dict[str, Any]], Any]


def _set(table: str, key: str, name: str, value: Any) -> Edit:
    def edit(document: dict[str, Any]) -> Any:
        document[table][key][name] = value
        return document

    return edit


def _drop(table: str, key: str, name: str) -> Edit:
    def edit(document: dict[str, Any]) -> Any:
        del document[table][key][name]
        return document

    return edit


def _table(table: str, value: Any) -> Edit:
    def edit(document: dict[str, Any]) -> Any:
        document[table] = value
        return document

    return edit


def _whole(value: Any) -> Edit:
    return lambda document: value


LOG_KEY = "a1|c1|voicemail|2026-11-18T17:15:00+00:00"
WRONG_SHAPES: dict[str, Edit] = {
    "list-at-the-top": lambda document: [document],
    "number-at-the-top": _whole(1),
    "string-at-the-top": _whole("jobcockpit"),
    "null-at-the-top": _whole(None),
    "empty-list": _whole([]),
    "interchange-document": _whole({"format": "jobcockpit/1", "applications": []}),
    "applications-as-list": _table("applications", [{"id": "a1"}]),
    "applications-as-string": _table("applications", "a1"),
    "contacts-as-number": _table("contacts", 3),
    "log-as-null": _table("log", None),
    "meta-as-list": _table("meta", [{"schema": 1}]),
    "record-as-list": lambda document: {**document, "applications": {"a1": ["a1"]}},
    "record-as-string": lambda document: {**document, "contacts": {"c1": "Dana"}},
    "application-without-company": _drop("applications", "a1", "company"),
    "application-without-applied-on": _drop("applications", "a1", "applied_on"),
    "application-without-id": _drop("applications", "a2", "id"),
    "contact-without-name": _drop("contacts", "c2", "name"),
    "log-without-time": _drop("log", "l1", "at"),
    "log-without-kind": _drop("log", LOG_KEY, "kind"),
    "log-without-application": _drop("log", "l1", "application"),
    "timestamp-without-offset": _set("log", "l1", "at", "2026-11-20T16:00:00"),
    "timestamp-not-a-date": _set("log", "l1", "at", "yesterday"),
    "timestamp-month-13": _set("log", "l1", "at", "2026-13-01T10:00:00+01:00"),
    "timestamp-as-number": _set("log", "l1", "at", 1763650800),
    "date-not-a-date": _set("applications", "a1", "applied_on", "soon"),
    "date-as-timestamp": _set("applications", "a2", "applied_on", "2026-11-02T10:00:00Z"),
    "stage-unknown": _set("applications", "a2", "stage", "ghosted"),
    "outcome-before-decided": _set("applications", "a2", "outcome", "offer"),
    "contacts-not-a-list": _set("applications", "a1", "contacts", "c1"),
    "contact-twice": _set("applications", "a1", "contacts", ["c1", "c1"]),
    "link-to-nobody": _set("applications", "a1", "contacts", ["c404"]),
    "log-to-no-application": _set("log", "l1", "application", "a404"),
    "zone-unknown": _set("contacts", "c1", "timezone", "Mars/Olympus"),
    "best-time-backwards": _set("contacts", "c1", "best_time", {"from": "12:00", "to": "09:00"}),
    "flag-as-text": _set("contacts", "c1", "verified", "yes"),
    "key-not-the-id": _set("applications", "a2", "id", "a7"),
    "schema-as-text": _set("meta", "1", "schema", "1"),
    "schema-negative": _set("meta", "1", "schema", -1),
    "schema-zero": _set("meta", "1", "schema", 0),
    "settings-as-list": _set("meta", "1", "settings", []),
    "setting-of-the-wrong-type": _set("meta", "1", "settings", {"max_voicemails": "lots"}),
    "two-meta-documents": lambda document: {
        **document,
        "meta": {"1": document["meta"]["1"], "2": document["meta"]["1"]},
    },
}


@pytest.mark.parametrize("edit", WRONG_SHAPES.values(), ids=WRONG_SHAPES.keys())
def test_valid_json_of_the_wrong_shape(bench: Bench, valid_file: bytes, edit: Edit) -> None:
    blob = orjson.dumps(edit(copy.deepcopy(orjson.loads(valid_file))))
    outcome = bench.try_open(blob)
    tally("wrong shape", [outcome])
    assert outcome == "corrupt"


def test_an_error_names_no_backup_when_none_is_good(tmp_path: Path, valid_file: bytes) -> None:
    path = tmp_path / "jobs.json"
    path.write_bytes(valid_file[:100])
    with pytest.raises(DataFileCorrupt, match="no good backup was found"):
        Store.open(path)
    assert path.read_bytes() == valid_file[:100]


def test_a_named_file_that_is_missing_is_an_error_and_nothing_is_made(tmp_path: Path) -> None:
    mount = tmp_path / "mnt" / "synced"
    mount.mkdir(parents=True)
    with pytest.raises(DataFileMissing, match=r"synced/jobs\.json"):
        Store.open(mount / "jobs.json")
    assert list(mount.iterdir()) == []
