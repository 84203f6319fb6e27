"""The data file's tables kept as the JSON they were read as, not as dicts.

A data file of 10,000 applications parsed into dicts takes some 80 MiB and
most of the time it takes to open; the store needs none of it, since records
are decoded from the bytes themselves (see `contents`). So a table of records
is kept as its JSON text (`EncodedTable`): the file's own bytes while it is as
read, and once a save changes it, one piece of JSON per document, so the next
save encodes the documents it changes and joins the others as they are. The
small tables (the meta document, tables a newer version added) are kept as
parsed dicts, written back as they were read.

The file stays what TinyDB reads and writes: one JSON object of tables, each
an object of documents keyed by their id.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Protocol

import msgspec
import orjson

Tables = dict[str, "EncodedTable | dict[str, Any]"]
"""A data file's tables in the file's order: tables of records encoded, the
others parsed."""

RECORD_TABLES = frozenset({"applications", "contacts", "log"})

Writes = dict[str, tuple[dict[str, Any], list[str]]]
"""Per table: the documents to put (by key) and the keys to remove; a record
as its JSON text (`encode`), the meta document as a dict."""

_TOP = msgspec.json.Decoder(dict[str, msgspec.Raw])
_TABLE = msgspec.json.Decoder(dict[str, msgspec.Raw])

Json = bytes | msgspec.Raw
"""JSON text; a `msgspec.Raw` is a view into the bytes of the file as read."""


def split_file(blob: bytes) -> dict[str, msgspec.Raw] | None:
    """The file's tables as JSON text each, or None when the file is not an
    object of tables that parses (its error is then worded by
    `files.parse_document`). Only the top level is taken apart here; each
    table is parsed in full by what reads it."""
    try:
        return _TOP.decode(blob)
    except (msgspec.DecodeError, RecursionError):
        return None


class EncodedTable:
    """A table of documents as JSON text: the whole table's, or one piece per
    document (`"key":{...}`) once a change has been made to it. Never changed
    in place: `changed` returns a new table, so a save that fails leaves the
    table the store holds as it was."""

    __slots__ = ("_entries", "_whole")

    def __init__(self, whole: Json | None, entries: dict[str, bytes] | None = None) -> None:
        if whole is None and entries is None:
            raise ValueError("a table needs its JSON or its documents")
        self._whole = whole
        self._entries = entries

    @classmethod
    def of_documents(cls, documents: Mapping[str, Json]) -> EncodedTable:
        """A table of the given documents (each JSON text of an object)."""
        return cls(None, {key: _entry(key, document) for key, document in documents.items()})

    @property
    def whole(self) -> Json:
        """The table as one JSON object."""
        if self._whole is None:
            entries = self._entries
            assert entries is not None
            self._whole = b"{" + b",".join(entries.values()) + b"}"
        return self._whole

    def _split(self) -> dict[str, bytes]:
        if self._entries is None:
            documents = _TABLE.decode(self.whole)
            self._entries = {key: _entry(key, document) for key, document in documents.items()}
        return self._entries

    def changed(self, put: Mapping[str, Json], remove: Iterable[str] = ()) -> EncodedTable:
        """This table with the documents of `remove` taken out and those of
        `put` (JSON text of each) put in whole, new keys last."""
        entries = dict(self._split())
        for key in remove:
            entries.pop(key, None)
        for key, document in put.items():
            entries[key] = _entry(key, document)
        return EncodedTable(None, entries)

    def documents(self) -> dict[str, Any]:
        """The table parsed: for what wants its documents as dicts."""
        parsed: dict[str, Any] = orjson.loads(self.whole)
        return parsed


def _entry(key: str, document: Json) -> bytes:
    return b"".join((orjson.dumps(key), b":", document))


def encode(document: Mapping[str, Any]) -> bytes:
    """One document as the data file writes it."""
    return orjson.dumps(document)


def changed_tables(tables: Tables, writes: Writes) -> Tables:
    """`tables` with `writes` made, as new tables (those the writes do not
    touch are the very same objects)."""
    changed = dict(tables)
    for name, (put, remove) in writes.items():
        old = changed.get(name)
        if name in RECORD_TABLES:
            if not isinstance(old, EncodedTable):
                old = EncodedTable.of_documents({k: encode(v) for k, v in (old or {}).items()})
            changed[name] = old.changed(put, remove)
        else:
            table = dict(old.documents() if isinstance(old, EncodedTable) else old or {})
            for key in remove:
                table.pop(key, None)
            table.update(put)
            changed[name] = table
    return changed


class TableStorage(Protocol):
    """Where a store's saves go: the data file (`storage.AtomicJSONStorage`),
    or memory."""

    def write(self, data: Tables) -> None: ...

    def close(self) -> None: ...


class InMemory:
    """Where an in-memory store keeps its tables: nowhere else."""

    def __init__(self, tables: Tables) -> None:
        self.tables = tables

    def write(self, data: Tables) -> None:
        self.tables = data

    def close(self) -> None:
        return None
