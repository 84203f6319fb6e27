"""The one door to the data file: load the board, save each change at once.

The store keeps the file and `board` in step: a change is checked against the
board first (`Board.apply`), written in one atomic save, and only then becomes
the store's board. A change the board refuses writes nothing; a save the disk
refuses leaves file and board as they were, so the same change can be tried
again. A file the store cannot trust is never written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

from tinydb import TinyDB
from tinydb.storages import MemoryStorage, Storage
from tinydb.table import Table

from jobcockpit.domain.board import Board, Changeset
from jobcockpit.domain.models import Application, Contact, LogEntry, RecordError
from jobcockpit.domain.settings import SETTINGS, Settings
from jobcockpit.store import backups
from jobcockpit.store.errors import (
    DataFileCorrupt,
    DataFileMissing,
    DataFileTooNew,
    ReadOnlyError,
    SaveError,
    StoreError,
)
from jobcockpit.store.files import fsync_folder, parse_document, real_file, write_replace
from jobcockpit.store.storage import AtomicJSONStorage

SCHEMA_VERSION = 1
"""The data file's format; a file with a greater one opens read-only."""

APPLICATIONS = "applications"
CONTACTS = "contacts"
LOG = "log"
META = "meta"
META_ID = "1"
NEWER_FILE = "made by a newer jobcockpit; opened read-only"

Clock = Callable[[], dt.datetime]
Writes = dict[str, tuple[dict[str, dict[str, Any]], list[str]]]
"""Per table: the documents to put (by key) and the keys to remove."""


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class RecordTable(Table):
    """A table whose documents are keyed by the record's own id (a log entry by
    its `LogEntry.key`), so a record is found, replaced or removed without a
    query over the whole table."""

    document_id_class = str  # type: ignore[assignment]

    def replace_documents(
        self, put: Mapping[str, dict[str, Any]], remove: Iterable[str] = ()
    ) -> None:
        """Remove and put documents whole, in one TinyDB write: `upsert` would
        merge into the old document and keep keys the record no longer has.

        This is `Table._update_table` without its two passes converting every
        key of the table to `document_id_class` and back, which cost more than
        the rest of a save at 50,000 log entries; the keys are text already.
        The table is still a new dict, as TinyDB makes it, so the storage can
        tell which tables a save changed."""
        tables = self.storage.read() or {}
        table = dict(tables.get(self.name, {}))
        for key in remove:
            table.pop(key, None)
        table.update(put)
        tables[self.name] = table
        self.storage.write(tables)
        self.clear_cache()


class _Database(TinyDB):
    table_class = RecordTable


# -- reading a data file -------------------------------------------------------


class _InvalidError(Exception):
    def __init__(self, detail: str, record: str | None = None, field: str | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.record = record
        self.field = field


@dataclass(slots=True)
class _Contents:
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
    if isinstance(schema, bool) or not isinstance(schema, int) or schema < 1:
        raise _InvalidError(f"meta: schema: {schema!r} is not a format number", META, "schema")
    return schema, key, document


def _read_contents(data: Mapping[str, Mapping[str, Any]] | None) -> _Contents:
    """Every record of the file through the domain's own checks; raises
    `_InvalidError` naming the first bad record and field."""
    data = data or {}
    schema, meta_key, meta = _read_schema(data)
    return _read_records(data, schema, meta_key, meta)


def _read_records(
    data: Mapping[str, Mapping[str, Any]], schema: int, meta_key: str | None, meta: dict[str, Any]
) -> _Contents:
    raw_settings = meta.get("settings", {})
    if not isinstance(raw_settings, dict):
        raise _InvalidError("meta: settings is not an object", "settings")
    try:
        settings = Settings.from_dict(raw_settings)
        applications: dict[str, Application] = {}
        for key, raw in data.get(APPLICATIONS, {}).items():
            application = Application.from_dict(raw)
            if application.id != key:
                raise RecordError(application.label, "id", f"is filed under the key {key!r}")
            applications[key] = application
        contacts: dict[str, Contact] = {}
        for key, raw in data.get(CONTACTS, {}).items():
            contact = Contact.from_dict(raw)
            if contact.id != key:
                raise RecordError(contact.label, "id", f"is filed under the key {key!r}")
            contacts[key] = contact
        log: list[LogEntry] = []
        for position, (key, raw) in enumerate(data.get(LOG, {}).items()):
            entry = LogEntry.from_dict(raw, position)
            if entry.key != key:
                raise RecordError(entry.label, "id", f"is filed under the key {key!r}")
            log.append(entry)
        _check_links(applications, contacts, log)
    except RecordError as error:
        raise _InvalidError(str(error), error.record, error.field) from None
    return _Contents(
        board=Board(applications, contacts, log),
        settings=settings,
        schema=schema,
        meta_key=meta_key,
        meta_extra={k: v for k, v in meta.items() if k not in ("schema", "settings")},
        settings_extra={k: v for k, v in raw_settings.items() if k not in SETTINGS},
    )


def _check_links(
    applications: Mapping[str, Application],
    contacts: Mapping[str, Contact],
    log: Iterable[LogEntry],
) -> None:
    for application in applications.values():
        for contact_id in application.contacts:
            if contact_id not in contacts:
                raise RecordError(application.label, "contacts", f"no contact {contact_id}")
    for entry in log:
        if entry.application not in applications:
            raise RecordError(entry.label, "application", f"no application {entry.application}")
        if entry.contact is not None and entry.contact not in contacts:
            raise RecordError(entry.label, "contact", f"no contact {entry.contact}")


def _contents_or_error(path: Path, data: Mapping[str, Mapping[str, Any]] | None) -> _Contents:
    """The file's contents, or the error a person should see: damaged, or too
    new to read at all (a newer format whose records this version refuses)."""
    try:
        schema, _, _ = _read_schema(data or {})
    except _InvalidError as invalid:
        raise DataFileCorrupt(
            path,
            backups.newest_good_backup(path),
            invalid.detail,
            record=invalid.record,
            field=invalid.field,
        ) from None
    try:
        return _read_contents(data)
    except _InvalidError as invalid:
        if schema > SCHEMA_VERSION:
            raise DataFileTooNew(path, schema, invalid.detail) from None
        raise DataFileCorrupt(
            path,
            backups.newest_good_backup(path),
            invalid.detail,
            record=invalid.record,
            field=invalid.field,
        ) from None


# -- writing -------------------------------------------------------------------


def _document(board: Board, meta: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        APPLICATIONS: {a.id: a.to_dict() for a in board.applications.values()},
        CONTACTS: {c.id: c.to_dict() for c in board.contacts.values()},
        LOG: {key: e.to_dict() for key, e in board.log.items()},
        META: {META_ID: meta},
    }


def _writes(before: Board, after: Board, change: Changeset) -> Writes:
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


# -- the store -----------------------------------------------------------------


class Store:
    """The job hunt on disk (or in memory, for tests and the demo)."""

    path: Path | None
    board: Board
    settings: Settings
    read_only: bool
    read_only_reason: str | None

    def __init__(
        self,
        db: TinyDB,
        storage: Storage,
        path: Path | None,
        contents: _Contents,
        *,
        clock: Clock = _utc_now,
        backed_up_at: dt.datetime | None = None,
    ) -> None:
        """Use `open` or `in_memory`; this only wires what they prepared."""
        self._db = db
        self._storage = storage
        self.path = path
        self._clock = clock
        self._backed_up_at = backed_up_at
        self._closed = False
        self._take(contents)

    # -- opening ---------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, create: bool = False, clock: Clock | None = None) -> Store:
        """Open the data file at `path`; with `create`, make it (and its folder)
        when it does not exist yet, else raise `DataFileMissing`.

        Raises `DataFileCorrupt` for a file that does not parse or holds a bad
        record, `DataFileTooNew` for a newer format this version cannot read,
        and `StoreError` when the file cannot be read at all. A newer format
        it can read opens read-only.
        """
        path = Path(path)
        clock = clock or _utc_now
        target = real_file(path)
        exists = target.exists()
        if not exists and not create:
            raise DataFileMissing(path)
        storage = AtomicJSONStorage(path, expect_file=exists)
        backed_up_at = None
        if not exists:
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                storage.write(_document(Board(), _meta(Settings(), {}, {})))
            except OSError as error:
                raise SaveError(path, error, f"could not create it: {_reason(error)}") from error
            backed_up_at = clock()
        try:
            data = storage.read()
        except OSError as error:
            raise StoreError(f"cannot read data file {path}: {_reason(error)}") from error
        contents = _contents_or_error(path, data)
        db = _Database(storage=lambda: storage)
        store = cls(db, storage, path, contents, clock=clock, backed_up_at=backed_up_at)
        if not store.read_only:
            storage.remove_leftovers()
        return store

    @classmethod
    def in_memory(cls, board: Board | None = None, settings: Settings | None = None) -> Store:
        """A store that keeps everything in TinyDB's MemoryStorage: for tests
        and the demo, which must never touch the user's file."""
        board = board if board is not None else Board()
        settings = settings if settings is not None else Settings()
        storage = MemoryStorage()  # type: ignore[no-untyped-call]
        storage.write(_document(board, _meta(settings, {}, {})))
        db = _Database(storage=lambda: storage)
        contents = _Contents(
            board=board, settings=settings, schema=SCHEMA_VERSION, meta_key=META_ID
        )
        return cls(db, storage, None, contents)

    def _take(self, contents: _Contents) -> None:
        self.board = contents.board
        self.settings = contents.settings
        self._meta_key = contents.meta_key
        self._meta_extra = contents.meta_extra
        self._settings_extra = contents.settings_extra
        self.read_only = contents.schema > SCHEMA_VERSION
        self.read_only_reason = NEWER_FILE if self.read_only else None

    # -- changing --------------------------------------------------------------

    def commit(self, change: Changeset) -> Board:
        """Save `change` in one atomic write and return the new board.

        Raises `RecordError` (nothing written) when the board refuses the
        change, `ReadOnlyError` when the file may not be changed, and
        `SaveError` when the disk refuses; then file and `board` stay as they
        were and the same change may be committed again later.
        """
        self._check_writable()
        if not change:
            return self.board
        self._catch_up()
        after = self.board.apply(change)
        self._save(_writes(self.board, after, change))
        self.board = after
        return after

    def save_settings(self, settings: Settings) -> None:
        """Save the settings (settings this version does not know are kept)."""
        self._check_writable()
        self._catch_up()
        meta = _meta(settings, self._meta_extra, self._settings_extra)
        stale = [self._meta_key] if self._meta_key is not None and self._meta_key != META_ID else []
        self._save({META: ({META_ID: meta}, stale)})
        self._meta_key = META_ID
        self.settings = settings

    def reload(self) -> Board:
        """Read the file again, for when another program changed it."""
        if self.path is None:
            return self.board
        contents = _contents_or_error(self.path, self._storage.read())
        self._take(contents)
        return self.board

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # -- inside ----------------------------------------------------------------

    def _check_writable(self) -> None:
        if self._closed:
            raise StoreError(f"data file {self.path} was closed; open it again to save")
        if self.read_only:
            raise ReadOnlyError(self.path, self.read_only_reason or "it is read-only")

    def _catch_up(self) -> None:
        """Take in what another program saved since we last looked, so a save
        never writes a board that ignores it (nor over a file gone bad)."""
        storage = self._storage
        if not isinstance(storage, AtomicJSONStorage) or not storage.changed_on_disk():
            return
        assert self.path is not None
        try:
            self.reload()
        except (DataFileMissing, DataFileCorrupt, OSError) as error:
            raise SaveError(self.path, error, _reason(error)) from error
        if self.read_only:
            raise ReadOnlyError(self.path, self.read_only_reason or NEWER_FILE)

    def _save(self, writes: Writes) -> None:
        if not writes and self._meta_key == META_ID:
            return
        storage = self._storage
        if not isinstance(storage, AtomicJSONStorage):
            self._write(writes)
            return
        assert self.path is not None
        try:
            self._back_up()
            with storage.batch():
                self._write(writes)
        except (DataFileMissing, DataFileCorrupt, OSError) as error:
            raise SaveError(self.path, error, _reason(error)) from error

    def _write(self, writes: Writes) -> None:
        if self._meta_key != META_ID and META not in writes:
            stale = [self._meta_key] if self._meta_key is not None else []
            meta = _meta(self.settings, self._meta_extra, self._settings_extra)
            writes = {**writes, META: ({META_ID: meta}, stale)}
        for table, (put, remove) in writes.items():
            records = self._db.table(table)
            assert isinstance(records, RecordTable)
            records.replace_documents(put, remove)
        self._meta_key = META_ID

    def _back_up(self) -> None:
        assert self.path is not None
        now = self._clock()
        if self._backed_up_at is not None and now - self._backed_up_at < backups.EVERY:
            return
        try:
            backups.make_backup(self.path, now)
        except FileNotFoundError:
            pass
        except OSError as error:
            raise SaveError(
                self.path, error, f"could not back it up first: {_reason(error)}"
            ) from error
        self._backed_up_at = now


def _meta(
    settings: Settings, meta_extra: Mapping[str, Any], settings_extra: Mapping[str, Any]
) -> dict[str, Any]:
    return {
        **meta_extra,
        "schema": SCHEMA_VERSION,
        "settings": {**settings_extra, **settings.to_dict()},
    }


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error)


# -- backups a person asks for -------------------------------------------------


def newest_good_backup(path: Path) -> Path | None:
    """The newest backup of the data file at `path` that still parses."""
    return backups.newest_good_backup(path)


def list_backups(path: Path) -> list[Path]:
    """The rotating backups of the data file at `path`, newest first."""
    return backups.list_backups(path)


def restore_backup(path: Path, backup: Path, *, clock: Clock | None = None) -> Path | None:
    """Put `backup` in place of the data file at `path`, atomically.

    The backup must be a data file this version can read (else
    `DataFileCorrupt` or `DataFileTooNew` naming it, and nothing changes). The
    file it replaces is kept in the backups folder, outside the rotation, and
    that copy's path is returned (None when there was no file).
    """
    path = Path(path)
    backup = Path(backup)
    moment = (clock or _utc_now)()
    try:
        blob = backup.read_bytes()
    except OSError as error:
        raise StoreError(f"cannot read backup {backup}: {_reason(error)}") from error
    try:
        data = parse_document(blob)
    except ValueError as error:
        raise DataFileCorrupt(backup, None, str(error)) from None
    try:
        _read_contents(data)
    except _InvalidError as invalid:
        schema = _schema_or_none(data)
        if schema is not None and schema > SCHEMA_VERSION:
            raise DataFileTooNew(backup, schema, invalid.detail) from None
        raise DataFileCorrupt(
            backup, None, invalid.detail, record=invalid.record, field=invalid.field
        ) from None
    target = real_file(path)
    try:
        aside = backups.set_aside(path, moment) if target.exists() else None
        mode = target.stat().st_mode & 0o7777 if aside is not None else 0o600
        target.parent.mkdir(parents=True, exist_ok=True)
        write_replace(target, blob, mode=mode)
        fsync_folder(target.parent)
    except OSError as error:
        raise SaveError(path, error, f"could not restore {backup}: {_reason(error)}") from error
    return aside


def _schema_or_none(data: Mapping[str, Mapping[str, Any]]) -> int | None:
    try:
        return _read_schema(data)[0]
    except _InvalidError:
        return None
