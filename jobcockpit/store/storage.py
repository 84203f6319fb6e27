"""The data file on disk: read whole, saved atomically, watched for others' saves.

The file is a TinyDB database (one JSON object of tables, each an object of
documents keyed by id), and this has a TinyDB storage's `read`, `write` and
`close`, so TinyDB itself can work on the file through it (without being
imported here: TinyDB only calls them). The store does not go through TinyDB:
it reads the file's bytes (`read_blob`), decodes records straight from them,
and saves its tables as JSON text (see `tables`), which `write` takes beside
parsed ones.

TinyDB's own JSONStorage rewrites the file in place (a crash mid-write loses
everything) and re-parses the whole file on every call; CachingMiddleware is
quick only because it delays writes, which breaks the promise that a change is
on disk once the cockpit says so. This storage writes every save atomically,
keeps the data while the file on disk is unchanged, re-uses the serialised
bytes of tables a save did not touch, and can gather several writes into one
save (`batch`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson

from jobcockpit.store.backups import newest_good_backup, remove_backup_leftovers
from jobcockpit.store.errors import DataFileCorrupt, DataFileMissing, FileChangedMeanwhile
from jobcockpit.store.files import (
    FolderNotFlushed,
    StatKey,
    parse_document,
    read_only_reason,
    read_regular,
    real_file,
    remove_leftovers,
    stat_key,
    temp_pattern,
    write_replace,
)
from jobcockpit.store.tables import EncodedTable

Data = dict[str, Any]
"""Tables by name: each a dict of documents, or (written by the store) an
`EncodedTable`."""


class AtomicJSONStorage:
    """The whole database as one UTF-8 JSON file, replaced atomically on save.

    `expect_file` says the file is known to exist (it was opened, not created):
    then a file that vanishes is an error instead of an empty database, so an
    unmounted folder never turns into a fresh, nearly empty job hunt.

    `readable` judges a backup before a damaged file's error offers it; the
    store passes its check of every record, so the backup offered is one a
    restore would take.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        expect_file: bool = False,
        readable: Callable[[Data], bool] | None = None,
    ) -> None:
        self.path = Path(path)
        self.target = real_file(self.path)
        self._expect_file = expect_file
        self._readable = readable
        self._known: StatKey | None = None
        """The file as last read or written by us."""
        self._data: Data | None = None
        self._have_data = False
        """Whether `_data` is what the file at `_known` holds (None: no file yet)."""
        self._fragments: dict[str, tuple[object, bytes]] = {}
        """Per table: the table object last saved and its serialised bytes."""
        self._in_batch = False
        self._guard = False
        self._pending: Data | None = None

    # -- TinyDB's interface ----------------------------------------------------

    def read(self) -> Data | None:
        if self._pending is not None:
            return self._pending
        try:
            current = stat_key(self.target.stat())
        except FileNotFoundError:
            if self._guard:
                raise DataFileMissing(self.path) from None
            self._no_file()
            return None
        if self._have_data and current == self._known:
            return self._data
        if self._guard and current != self._known:
            raise FileChangedMeanwhile(self.path)
        return self._parse()

    def write(self, data: Data) -> None:
        if self._in_batch:
            self._pending = data
            return
        self._save(data)

    def close(self) -> None:
        self._forget()

    # -- beyond TinyDB ---------------------------------------------------------

    @contextlib.contextmanager
    def batch(self, *, guard: bool = False) -> Iterator[None]:
        """Gather the writes made inside into one save at the end; when the
        block raises, nothing is saved and the next read sees the file as it
        was (TinyDB may have changed the cached data in place, so that copy is
        dropped, not trusted).

        With `guard`, the batch is made on the file exactly as last read: if
        another program saved it since, up to the moment of the rename, the
        batch raises `FileChangedMeanwhile` and writes nothing, so a save
        computed on an older state never lands over a newer one."""
        if self._in_batch:
            raise RuntimeError("storage batches do not nest")
        self._in_batch = True
        self._guard = guard
        self._pending = None
        try:
            yield
            pending, self._pending = self._pending, None
            if pending is not None:
                self._save(pending)
        except BaseException:
            self._pending = None
            self._forget()
            raise
        finally:
            self._in_batch = False
            self._guard = False

    def read_blob(self) -> tuple[StatKey, bytes] | None:
        """The file's bytes as they are now, and its stat key, for the store
        to decode; None when there is no file yet. The storage takes them as
        what it last read only once the store has found them good (`took`):
        until then a save checks the file again before replacing it."""
        try:
            status, blob = read_regular(self.target)
        except FileNotFoundError:
            self._no_file()
            return None
        return stat_key(status), blob

    def took(self, key: StatKey, tables: Data) -> None:
        """The file at `key` was read, and holds `tables`."""
        self._known = key
        self._data = tables
        self._have_data = True
        self._expect_file = True
        self._fragments = {}

    def changed_on_disk(self) -> bool:
        """Whether another program replaced, changed or removed the file since
        we last read or wrote it."""
        try:
            current: StatKey | None = stat_key(self.target.stat())
        except FileNotFoundError:
            current = None
        return current != self._known

    def remove_leftovers(self) -> list[Path]:
        """Temporary files of saves and backups that a killed jobcockpit left."""
        removed = remove_leftovers(self.target.parent, temp_pattern(self.target.name))
        return removed + remove_backup_leftovers(self.path)

    # -- inside ----------------------------------------------------------------

    def _no_file(self) -> None:
        if self._expect_file:
            raise DataFileMissing(self.path)
        self._known = None
        self._data = None
        self._have_data = True

    def _parse(self) -> Data:
        status, blob = read_regular(self.target)
        key = stat_key(status)
        try:
            data = parse_document(blob)
        except ValueError as error:
            raise DataFileCorrupt(self.path, self._newest_good_backup(), str(error)) from None
        self._known = key
        self._data = data
        self._have_data = True
        self._expect_file = True
        self._fragments = {}
        return data

    def _newest_good_backup(self) -> Path | None:
        return newest_good_backup(self.path, self._readable)

    def _forget(self) -> None:
        self._data = None
        self._have_data = False
        self._fragments = {}

    def _check_before_replacing(self) -> tuple[int, tuple[int, int] | None]:
        """Refuse to replace a file we have not read that does not parse, or to
        recreate one that vanished, or one its owner made read-only since; the
        mode and owner the new file should have (a new file is private)."""
        try:
            current = self.target.stat()
        except FileNotFoundError:
            if self._expect_file:
                raise DataFileMissing(self.path) from None
            return 0o600, None
        refusal = read_only_reason(self.path, current)
        if refusal is not None:
            raise PermissionError(errno.EACCES, refusal, str(self.path))
        if stat_key(current) != self._known:
            try:
                parse_document(self.target.read_bytes())
            except ValueError as error:
                raise DataFileCorrupt(self.path, self._newest_good_backup(), str(error)) from None
            if self._guard:
                raise FileChangedMeanwhile(self.path)
        return stat.S_IMODE(current.st_mode), (current.st_uid, current.st_gid)

    def _unchanged_since_read(self) -> None:
        try:
            current: StatKey | None = stat_key(self.target.stat())
        except FileNotFoundError:
            current = None
        if current != self._known:
            raise FileChangedMeanwhile(self.path)

    def _serialise(
        self, data: Data
    ) -> tuple[list[bytes | memoryview], dict[str, tuple[object, bytes]]]:
        """The file's bytes, in pieces written one after the other (joining
        megabytes only to write them would copy them twice). A table that is the
        very object saved last time (TinyDB replaces a table's dict whenever it
        changes one) is not serialised again: that is most of a save's cost. A
        table of JSON text is written as it is."""
        fragments: dict[str, tuple[object, bytes]] = {}
        parts: list[bytes | memoryview] = []
        for name, table in data.items():
            blob: bytes | memoryview
            if isinstance(table, EncodedTable):
                blob = memoryview(table.whole)
            else:
                cached = self._fragments.get(name)
                if cached is not None and cached[0] is table:
                    blob = cached[1]
                else:
                    blob = orjson.dumps(table)
                fragments[name] = (table, blob)
            parts += (b"," if parts else b"{", orjson.dumps(name), b":", blob)
        parts.append(b"}\n" if parts else b"{}\n")
        return parts, fragments

    def _save(self, data: Data) -> None:
        try:
            mode, owner = self._check_before_replacing()
            blob, fragments = self._serialise(data)
            check = self._unchanged_since_read if self._guard else None
            old = _hold(self.target)
            try:
                key = write_replace(self.target, blob, mode=mode, owner=owner, before_replace=check)
            except FolderNotFlushed as unflushed:
                # The rename is the moment of saving: every reader now sees
                # the new file, and it cannot be taken back. A folder that
                # refuses the flush only means the rename might not outlive a
                # power cut (the old file, whole, would then come back);
                # reporting the save as failed would be false, and a retry of
                # a change that is in fact saved could apply it twice. The
                # next save flushes the folder again.
                key = unflushed.key
            finally:
                _let_go(old)
        except BaseException:
            self._forget()
            raise
        self._known = key
        self._data = data
        self._have_data = True
        self._expect_file = True
        self._fragments = fragments


def _hold(target: Path) -> int | None:
    """A descriptor on the file a save is about to replace, or None.

    Renaming over a file frees its blocks there and then, which takes longer
    than the rename itself for a large file (some 4 ms for 14 MiB here) and
    would keep the cockpit waiting; while a descriptor is open the blocks stay
    until it is closed, which `_let_go` does on another thread. The new file
    is written, flushed and renamed exactly as before. Not on Windows, which
    refuses to rename over an open file."""
    if sys.platform == "win32":  # pragma: no cover
        return None
    try:
        return os.open(target, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None


def _let_go(fd: int | None) -> None:
    if fd is None:
        return
    try:
        threading.Thread(target=_close, args=(fd,), name="jobcockpit-free", daemon=True).start()
    except RuntimeError:  # no new threads (the interpreter is shutting down)
        _close(fd)


def _close(fd: int) -> None:
    with contextlib.suppress(OSError):
        os.close(fd)
