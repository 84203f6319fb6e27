"""What a data file holds: its tables read into records, and a board written
back as tables.

A file is read through the domain's own checks (each record's declaration,
with `from_dict` for what it does not take as written, and the one link check
of `core.links`), so a bad record is named with its field
when the file is opened, not met later as a wrong screen. A file in an older
format is brought up to this version's in memory (see `migrations`); one this
version cannot read says whether it is damaged or only too new.

Records are decoded straight from the file's bytes, a table at a time, and
no parsed copy of the file is kept (it would take more memory and time than
the records themselves). What that fast way cannot read (a damaged file, an
older format) is read the checked way: the file parsed whole into
documents, then read record by record. Every error is worded by the checked
way, so it is the same whichever way met it first. The applications can be
read before the rest (`board_first`), for the cockpit to paint the board.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import msgspec
import orjson

from jobcockpit.core import heap
from jobcockpit.core.board import Board, Changeset
from jobcockpit.core.links import check_links
from jobcockpit.core.records import Application, Contact, LogEntry, RecordError, decoded
from jobcockpit.core.settings import SETTINGS, Settings
from jobcockpit.core.values import decode_hook
from jobcockpit.store import backups, migrations
from jobcockpit.store.errors import DataFileCorrupt, DataFileTooNew, StoreError, describe
from jobcockpit.store.files import parse_document
from jobcockpit.store.storage import AtomicJSONStorage
from jobcockpit.store.tables import (
    RECORD_TABLES,
    EncodedTable,
    Tables,
    Writes,
    encode,
    split_file,
)

SCHEMA_VERSION = 1
"""The data file's format; a file with a greater one opens read-only, one with
a smaller one is upgraded (see `migrations`)."""

APPLICATIONS = "applications"
CONTACTS = "contacts"
LOG = "log"
META = "meta"
META_ID = "1"

Document = dict[str, dict[str, Any]]


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


def _read_schema(data: Mapping[str, Any]) -> tuple[int, str | None, dict[str, Any]]:
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


def _read_contents(data: Mapping[str, Any] | None) -> Contents:
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
    tables: Tables | None = None
    """The file's tables as read, for saves to change (see `tables`)."""


def _load_document(data: Mapping[str, Any] | None) -> Loaded:
    """The file's contents, upgraded in memory when its format is older;
    raises `_InvalidError` (carrying the format when it is known)."""
    data = data or {}
    schema, meta_key, meta = _read_schema(data)
    upgraded = None
    try:
        if schema < SCHEMA_VERSION:
            upgraded = migrations.upgrade(data, schema, SCHEMA_VERSION)
            contents = _read_contents(upgraded)
        else:
            contents = _read_first(data, schema, meta_key, meta).rest()
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


class _Slow(Exception):  # noqa: N818 - a signal, not an error a person sees
    """The file's bytes read straight into records met something the fast
    way cannot word: the file is read the checked way instead, whose error
    (or, rarely, whose records) it then gives."""


@dataclass(slots=True)
class _First:
    """What the first step of reading a file found: the settings and the
    applications, checked, and the tables still to read (parsed documents,
    or the file's own JSON text, see `tables`)."""

    data: Mapping[str, Any]
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
        file's contents, or `_InvalidError` naming the first bad record
        (`_Slow` from the file's own JSON text)."""
        data, applications = self.data, self.applications
        try:
            contacts = _keyed(data.get(CONTACTS), Contact)
            log = _keyed(data.get(LOG), LogEntry)
            if not _links_hold(applications, contacts, log.values()):
                check_links(
                    applications.values(),
                    log.values(),
                    known_applications=applications,
                    known_contacts=contacts,
                )
        except RecordError as error:
            _slow_if_encoded(data)
            raise _InvalidError(str(error), error.record, error.field) from None
        return self.contents(Board(applications, contacts, log))


def _links_hold(
    applications: Mapping[str, Application],
    contacts: Mapping[str, Contact],
    log: Iterable[LogEntry],
) -> bool:
    """Whether every link of the file points at a record, asked of sets in
    one pass each; a file where one does not is worded by `check_links`."""
    listed: set[str] = set().union(*(a.contacts for a in applications.values()))
    if listed.difference(contacts):
        return False
    entries = list(log)
    if {e.application for e in entries}.difference(applications):
        return False
    named = {e.contact for e in entries}
    named.discard(None)
    return not named.difference(contacts)


def _slow_if_encoded(data: Mapping[str, Any]) -> None:
    """A bad record met in the file's JSON text is worded by the checked way,
    which reads the whole file first and so names what it meets first."""
    if any(isinstance(table, EncodedTable) for table in data.values()):
        raise _Slow


_DECODERS: dict[type, tuple[msgspec.json.Decoder[Any], msgspec.json.Decoder[Any]]] = {
    kind: (
        msgspec.json.Decoder(dict[str, kind], dec_hook=decode_hook),  # type: ignore[valid-type]
        msgspec.json.Decoder(kind, dec_hook=decode_hook),
    )
    for kind in (Application, Contact, LogEntry)
}
_DOCUMENTS = msgspec.json.Decoder(dict[str, msgspec.Raw])

_R = TypeVar("_R", Application, Contact, LogEntry)


def _keyed(table: EncodedTable | Mapping[str, Any] | None, kind: type[_R]) -> dict[str, _R]:
    """A table's records by key, each filed under its own id (a log entry
    under its `LogEntry.key`).

    A table of JSON text is decoded into the records' declaration straight
    from it, in one pass; when that fails (a record as a person or a newer
    version wrote it: an unknown key, a date with spaces, a bad value),
    record by record, and a record the declaration does not take is parsed
    and read by `from_dict`, which keeps unknown keys, tidies what it may and
    names a bad field; a bad record raises `_Slow`. A table of parsed
    documents is read by `records.decoded`, naming the first bad record.
    Every way gives the same records."""
    if table is None:
        return {}
    if not isinstance(table, EncodedTable):
        records: dict[str, _R] = {}
        for key, record in decoded(table, kind):
            if _key_of(record) != key:
                raise RecordError(record.label, "id", f"is filed under the key {key!r}")
            records[key] = record
        return records
    records = _decoded(table, kind)
    if kind is LogEntry:
        misfiled = [k for k, e in records.items() if (e.id or e.key) != k]  # type: ignore[attr-defined]
    else:
        misfiled = [k for k, r in records.items() if r.id != k]
    if misfiled:
        raise _Slow
    return records


def _key_of(record: Application | Contact | LogEntry) -> str:
    return record.key if isinstance(record, LogEntry) else record.id


def _decoded(table: EncodedTable, kind: type[_R]) -> dict[str, _R]:
    whole, one = _DECODERS[kind]
    try:
        records: dict[str, _R] = whole.decode(table.whole)
    except msgspec.ValidationError:
        pass
    except (msgspec.DecodeError, RecursionError):
        raise _Slow from None
    else:
        return records
    try:
        documents = _DOCUMENTS.decode(table.whole)
    except (msgspec.DecodeError, RecursionError):
        raise _Slow from None
    records = {}
    for position, (key, text) in enumerate(documents.items()):
        try:
            records[key] = one.decode(text)
            continue
        except msgspec.ValidationError:
            pass
        except (msgspec.DecodeError, RecursionError):
            raise _Slow from None
        try:
            raw = orjson.loads(memoryview(text))
        except orjson.JSONDecodeError:
            raise _Slow from None
        if not isinstance(raw, dict):
            raise _Slow
        try:
            if kind is LogEntry:
                records[key] = LogEntry.from_dict(raw, position)  # type: ignore[assignment]
            else:
                records[key] = kind.from_dict(raw)
        except RecordError:
            raise _Slow from None
    return records


class Rest:
    """The second step of a two-step open: the contacts, the log and the
    links of a file whose applications are read, from what the first step
    already holds (the file is not read again)."""

    __slots__ = ("_blob", "_first")

    def __init__(self, first: _First, blob: bytes) -> None:
        self._first = first
        self._blob = blob

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
        except _Slow:
            pass
        return _checked_way(path, self._blob, offer_backup).contents


def _read_first(
    data: Mapping[str, Any], schema: int, meta_key: str | None, meta: dict[str, Any]
) -> _First:
    raw_settings = meta.get("settings", {})
    if not isinstance(raw_settings, dict):
        raise _InvalidError("meta: settings is not an object", "settings")
    try:
        settings = Settings.from_dict(raw_settings)
        applications = _keyed(data.get(APPLICATIONS), Application)
    except RecordError as error:
        _slow_if_encoded(data)
        raise _InvalidError(str(error), error.record, error.field) from None
    return _First(data, schema, meta_key, meta, raw_settings, settings, applications)


# -- reading the file's bytes --------------------------------------------------


def load_file(
    path: Path, blob: bytes, *, offer_backup: bool = True, board_first: bool = False
) -> Loaded:
    """The data file `path`, whose bytes are `blob`, read into records
    straight from its JSON text; or the error a person should see (see
    `loaded_or_error`), worded exactly as the checked way words it, since
    every file the fast way cannot read is read that way too. So is a file
    in an older format, which is upgraded as parsed documents.

    With `board_first`, only the settings and the applications are read and
    `Loaded.rest` reads the others; a file to upgrade is read whole all the
    same, since it is saved upgraded only once every record is checked."""
    try:
        return _fast_way(blob, board_first)
    except _Slow:
        return _checked_way(path, blob, offer_backup)


def read_file(storage: AtomicJSONStorage, path: Path, *, board_first: bool = False) -> Loaded:
    """The data file read into records (see `load_file`); the storage then
    knows it as read."""
    try:
        read = storage.read_blob()
    except OSError as error:
        raise StoreError(f"cannot read data file {path}: {describe(error)}") from error
    with heap.paused():
        if read is None:
            loaded = loaded_or_error(path, None)
            loaded.tables = {}
            return loaded
        key, blob = read
        loaded = load_file(path, blob, board_first=board_first)
    assert loaded.tables is not None
    storage.took(key, loaded.tables)
    return loaded


def _fast_way(blob: bytes, board_first: bool) -> Loaded:
    # (`isspace` stops at the first other byte; `strip` would copy the file.)
    parts = split_file(blob) if blob and not blob.isspace() and b"\x00" not in blob else None
    if parts is None:
        raise _Slow
    tables: Tables = {}
    for name, text in parts.items():
        if name in RECORD_TABLES:
            tables[name] = EncodedTable(text)
            continue
        try:
            table = orjson.loads(memoryview(text))
        except orjson.JSONDecodeError:
            raise _Slow from None
        if not isinstance(table, dict) or not all(isinstance(d, dict) for d in table.values()):
            raise _Slow
        tables[name] = table
    try:
        schema, meta_key, meta = _read_schema(tables)
        if schema < SCHEMA_VERSION:
            raise _Slow
        first = _read_first(tables, schema, meta_key, meta)
        if board_first:
            return Loaded(first.partial(), schema, None, Rest(first, blob), tables)
        contents = first.rest()
    except _InvalidError:
        raise _Slow from None
    return Loaded(contents, schema, None, None, tables)


def _checked_way(path: Path, blob: bytes, offer_backup: bool) -> Loaded:
    """The file parsed whole into documents and read through `from_dict`
    where the declaration does not take a record as written."""
    try:
        data = parse_document(blob)
    except ValueError as error:
        raise DataFileCorrupt(
            path, newest_good_backup(path) if offer_backup else None, str(error)
        ) from None
    loaded = loaded_or_error(path, data, offer_backup=offer_backup)
    loaded.tables = dict(data)
    return loaded


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
    data: Mapping[str, Any] | None,
    *,
    offer_backup: bool = True,
) -> Loaded:
    """The file's contents, or the error a person should see: damaged, or too
    new to read at all (a newer format whose records this version refuses)."""
    try:
        return _load_document(data)
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
    with heap.paused():
        return load_file(path, blob, offer_backup=False).contents.board


# -- writing -------------------------------------------------------------------


def tables_of(board: Board, meta: dict[str, Any]) -> Tables:
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
        put: dict[str, Any] = {}
        remove: list[str] = []
        for key in keys:
            record = new.get(key)
            if record is None:
                if key in old:
                    remove.append(key)
            elif record is not old.get(key):
                put[key] = encode(record.to_dict())
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
