"""What a data file holds: its tables read into records, and a board written
back as tables.

A file is read through the domain's own checks (each record's declaration,
with `from_dict` for what it does not take as written, and the one link check
of `core.links`), so a bad record is named with its field
when the file is opened, not met later as a wrong screen. A file in an older
format is brought up to this version's in memory (see `migrations`); one this
version cannot read says whether it is damaged or only too new.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jobcockpit.core import heap
from jobcockpit.core.board import Board, Changeset
from jobcockpit.core.links import check_links
from jobcockpit.core.records import Application, Contact, LogEntry, RecordError, decoded
from jobcockpit.core.settings import SETTINGS, Settings
from jobcockpit.store import backups, migrations
from jobcockpit.store.errors import DataFileCorrupt, DataFileTooNew, StoreError, describe
from jobcockpit.store.files import parse_document

SCHEMA_VERSION = 1
"""The data file's format; a file with a greater one opens read-only, one with
a smaller one is upgraded (see `migrations`)."""

APPLICATIONS = "applications"
CONTACTS = "contacts"
LOG = "log"
META = "meta"
META_ID = "1"

Document = dict[str, dict[str, Any]]
Writes = dict[str, tuple[dict[str, dict[str, Any]], list[str]]]
"""Per table: the documents to put (by key) and the keys to remove."""


# -- reading -------------------------------------------------------------------


class _InvalidError(Exception):
    def __init__(self, detail: str, record: str | None = None, field: str | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.record = record
        self.field = field
        self.schema: int | None = None
        """The file's format, when it could be read: a newer one is too new,
        not damaged."""


@dataclass(slots=True)
class Contents:
    board: Board
    settings: Settings
    schema: int
    meta_key: str | None
    meta_extra: dict[str, Any] = field(default_factory=dict)
    """Keys of the meta document this version does not know; kept on save."""
    settings_extra: dict[str, Any] = field(default_factory=dict)
    """Settings this version does not know; kept on save."""


def _read_schema(data: Mapping[str, Mapping[str, Any]]) -> tuple[int, str | None, dict[str, Any]]:
    meta = data.get(META, {})
    if len(meta) > 1:
        raise _InvalidError(f"the meta table holds {len(meta)} documents instead of one", META)
    if not meta:
        return SCHEMA_VERSION, None, {}
    key, document = next(iter(meta.items()))
    schema = document.get("schema")
    if isinstance(schema, bool) or not isinstance(schema, int) or schema < 0:
        raise _InvalidError(f"meta: schema: {schema!r} is not a format number", META, "schema")
    return schema, key, document


def _read_contents(data: Mapping[str, Mapping[str, Any]] | None) -> Contents:
    """Every record of the file through the domain's own checks; raises
    `_InvalidError` naming the first bad record and field."""
    data = data or {}
    schema, meta_key, meta = _read_schema(data)
    return _read_first(data, schema, meta_key, meta).rest()


@dataclass(slots=True)
class Loaded:
    contents: Contents
    disk_schema: int
    """The format of the file itself, older than the contents' when upgraded."""
    upgraded: Document | None
    """The file brought up to this version's format, still to be saved."""
    rest: Rest | None = None
    """With `board_first`: what is left to read (contacts, log, links); the
    board of `contents` then holds the applications alone."""


def _load_document(
    data: Mapping[str, Mapping[str, Any]] | None, *, board_first: bool = False
) -> Loaded:
    """The file's contents, upgraded in memory when its format is older;
    raises `_InvalidError` (carrying the format when it is known).

    With `board_first`, only the settings and the applications are read and
    `Loaded.rest` reads the others; a file to upgrade is read whole all the
    same, since it is saved upgraded only once every record is checked."""
    data = data or {}
    schema, meta_key, meta = _read_schema(data)
    upgraded = None
    try:
        if schema < SCHEMA_VERSION:
            upgraded = migrations.upgrade(data, schema, SCHEMA_VERSION)
            contents = _read_contents(upgraded)
        else:
            first = _read_first(data, schema, meta_key, meta)
            if board_first:
                return Loaded(first.partial(), schema, None, Rest(first))
            contents = first.rest()
    except migrations.MigrationError as error:
        raise _InvalidError(str(error), META, "schema") from None
    except _InvalidError as invalid:
        invalid.schema = schema
        raise
    return Loaded(contents, schema, upgraded)


def readable(data: Mapping[str, Mapping[str, Any]]) -> bool:
    try:
        _load_document(data)
    except _InvalidError:
        return False
    return True


@dataclass(slots=True)
class _First:
    """What the first step of reading a file found: the settings and the
    applications, checked, and the tables still to read."""

    data: Mapping[str, Mapping[str, Any]]
    schema: int
    meta_key: str | None
    meta: dict[str, Any]
    raw_settings: dict[str, Any]
    settings: Settings
    applications: dict[str, Application]

    def contents(self, board: Board) -> Contents:
        return Contents(
            board=board,
            settings=self.settings,
            schema=self.schema,
            meta_key=self.meta_key,
            meta_extra={k: v for k, v in self.meta.items() if k not in ("schema", "settings")},
            settings_extra={k: v for k, v in self.raw_settings.items() if k not in SETTINGS},
        )

    def partial(self) -> Contents:
        """The contents with the applications alone on the board."""
        return self.contents(Board(self.applications))

    def rest(self) -> Contents:
        """The contacts and the log read and every link checked: the whole
        file's contents, or `_InvalidError` naming the first bad record."""
        data, applications = self.data, self.applications
        try:
            contacts: dict[str, Contact] = {}
            for key, contact in decoded(data.get(CONTACTS, {}), Contact):
                if contact.id != key:
                    raise RecordError(contact.label, "id", f"is filed under the key {key!r}")
                contacts[key] = contact
            log: list[LogEntry] = []
            for key, entry in decoded(data.get(LOG, {}), LogEntry):
                if entry.key != key:
                    raise RecordError(entry.label, "id", f"is filed under the key {key!r}")
                log.append(entry)
            check_links(
                applications.values(), log, known_applications=applications, known_contacts=contacts
            )
        except RecordError as error:
            raise _InvalidError(str(error), error.record, error.field) from None
        return self.contents(Board(applications, contacts, log))


class Rest:
    """The second step of a two-step open: the contacts, the log and the
    links of a file whose applications are read, from what the first step
    already holds (the file is not read again)."""

    __slots__ = ("_first",)

    def __init__(self, first: _First) -> None:
        self._first = first

    @property
    def schema(self) -> int:
        return self._first.schema

    def contents(self, path: Path, *, offer_backup: bool = True) -> Contents:
        """The whole file's contents, or the error the one-step open would
        raise for the same file (`DataFileCorrupt`, `DataFileTooNew`)."""
        try:
            return self._first.rest()
        except _InvalidError as invalid:
            invalid.schema = self._first.schema
            raise _store_error(path, invalid, offer_backup) from None


def _read_first(
    data: Mapping[str, Mapping[str, Any]], schema: int, meta_key: str | None, meta: dict[str, Any]
) -> _First:
    raw_settings = meta.get("settings", {})
    if not isinstance(raw_settings, dict):
        raise _InvalidError("meta: settings is not an object", "settings")
    try:
        settings = Settings.from_dict(raw_settings)
        applications: dict[str, Application] = {}
        for key, application in decoded(data.get(APPLICATIONS, {}), Application):
            if application.id != key:
                raise RecordError(application.label, "id", f"is filed under the key {key!r}")
            applications[key] = application
    except RecordError as error:
        raise _InvalidError(str(error), error.record, error.field) from None
    return _First(data, schema, meta_key, meta, raw_settings, settings, applications)


def _store_error(path: Path, invalid: _InvalidError, offer_backup: bool) -> StoreError:
    """What a person is told about a file whose records do not read: damaged,
    or too new to read at all (a newer format whose records this version
    refuses)."""
    if invalid.schema is not None and invalid.schema > SCHEMA_VERSION:
        return DataFileTooNew(path, invalid.schema, invalid.detail)
    return DataFileCorrupt(
        path,
        newest_good_backup(path) if offer_backup else None,
        invalid.detail,
        record=invalid.record,
        field=invalid.field,
    )


def loaded_or_error(
    path: Path,
    data: Mapping[str, Mapping[str, Any]] | None,
    *,
    offer_backup: bool = True,
    board_first: bool = False,
) -> Loaded:
    """The file's contents, or the error a person should see: damaged, or too
    new to read at all (a newer format whose records this version refuses).
    With `board_first`, see `_load_document`."""
    try:
        return _load_document(data, board_first=board_first)
    except _InvalidError as invalid:
        raise _store_error(path, invalid, offer_backup) from None


def newest_good_backup(path: Path) -> Path | None:
    """The newest backup of the data file at `path` that a restore would take:
    it parses, and every record in it reads."""
    return backups.newest_good_backup(path, readable)


def read_board(path: Path) -> Board:
    """The job hunt in a data file that is not the one being worked on (a
    sync tool's conflict copy, a backup), read without locking or changing
    it. Raises `DataFileCorrupt` or `DataFileTooNew` naming it, or
    `StoreError` when it cannot be read at all."""
    path = Path(path)
    try:
        blob = path.read_bytes()
    except OSError as error:
        raise StoreError(f"cannot read data file {path}: {describe(error)}") from error
    try:
        data = parse_document(blob)
    except ValueError as error:
        raise DataFileCorrupt(path, None, str(error)) from None
    with heap.paused():
        return loaded_or_error(path, data, offer_backup=False).contents.board


# -- writing -------------------------------------------------------------------


def tables_of(board: Board, meta: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        APPLICATIONS: {a.id: a.to_dict() for a in board.applications.values()},
        CONTACTS: {c.id: c.to_dict() for c in board.contacts.values()},
        LOG: {key: e.to_dict() for key, e in board.log.items()},
        META: {META_ID: meta},
    }


def writes_for(before: Board, after: Board, change: Changeset) -> Writes:
    """What the file must change so that it holds `after`: only the records
    the change touched, each taken from the board as applied."""
    writes: Writes = {}

    def diff(
        table: str, keys: Iterable[str], old: Mapping[str, Any], new: Mapping[str, Any]
    ) -> None:
        put: dict[str, dict[str, Any]] = {}
        remove: list[str] = []
        for key in keys:
            record = new.get(key)
            if record is None:
                if key in old:
                    remove.append(key)
            elif record is not old.get(key):
                put[key] = record.to_dict()
        if put or remove:
            writes[table] = (put, remove)

    diff(
        APPLICATIONS,
        dict.fromkeys([a.id for a in change.put_applications] + list(change.delete_applications)),
        before.applications,
        after.applications,
    )
    diff(
        CONTACTS,
        dict.fromkeys([c.id for c in change.put_contacts] + list(change.delete_contacts)),
        before.contacts,
        after.contacts,
    )
    log_keys = [e.key for e in change.add_log] + list(change.delete_log)
    for app_id in change.delete_applications:
        log_keys.extend(e.key for e in before.log_of(app_id))
    diff(LOG, dict.fromkeys(log_keys), before.log, after.log)
    return writes


def meta_document(
    settings: Settings, meta_extra: Mapping[str, Any], settings_extra: Mapping[str, Any]
) -> dict[str, Any]:
    return {
        **meta_extra,
        "schema": SCHEMA_VERSION,
        "settings": {**settings_extra, **settings.to_dict()},
    }
