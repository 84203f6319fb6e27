"""The one door to the data file: load the board, save each change at once.

The store keeps the file and `board` in step: a change is checked against the
board first (`Board.apply`), written in one atomic save, and only then becomes
the store's board. A change the board refuses writes nothing; a save the disk
refuses leaves file and board as they were, so the same change can be tried
again. A file the store cannot trust is never written.

One store at a time may write a file (see `lock`); another program that saves
it all the same (a sync tool, a command run alongside) is noticed before every
save, and the change is re-applied on top of what it wrote (see `merge`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from jobcockpit.core import heap
from jobcockpit.core.board import Board, Changeset
from jobcockpit.core.records import RecordError
from jobcockpit.core.settings import Settings
from jobcockpit.store import backups
from jobcockpit.store.contents import (
    META,
    META_ID,
    SCHEMA_VERSION,
    Contents,
    Document,
    Rest,
    loaded_or_error,
    meta_document,
    read_file,
    readable,
    tables_of,
    writes_for,
)
from jobcockpit.store.errors import (
    ConflictError,
    DataFileCorrupt,
    DataFileMissing,
    DataFileNotRegular,
    DataFileTooNew,
    FileChangedMeanwhile,
    ReadOnlyError,
    SaveError,
    StillOpening,
    StoreError,
    describe,
)
from jobcockpit.store.files import NotRegularFile, read_only_reason, real_file, regular_status
from jobcockpit.store.lock import LOCKED_ELSEWHERE, DataFileLock, take_or_why_not
from jobcockpit.store.merge import RecordConflict, rebase
from jobcockpit.store.storage import AtomicJSONStorage
from jobcockpit.store.tables import InMemory, Tables, TableStorage, Writes, changed_tables

NEWER_FILE = "made by a newer jobcockpit; opened read-only"

_ATTEMPTS = 5
"""Saves tried in a row while another program keeps saving the same file."""

Clock = Callable[[], dt.datetime]


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


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
        storage: TableStorage,
        path: Path | None,
        contents: Contents,
        tables: Tables,
        *,
        clock: Clock = _utc_now,
        backed_up_at: dt.datetime | None = None,
        lock: DataFileLock | None = None,
        read_only_reason: str | None = None,
        disk_schema: int = SCHEMA_VERSION,
        upgraded: Document | None = None,
    ) -> None:
        """Use `open` or `in_memory`; this only wires what they prepared."""
        self._storage = storage
        self._tables = tables
        """What the file holds as last read or saved, for saves to change."""
        self.path = path
        self.reads = 0
        """How many times `board` was read from the file (a reload, another
        program's save taken in before a commit): while it stays the same,
        `board` is the first one read with the commits since applied."""
        self._clock = clock
        self._backed_up_at = backed_up_at
        self._closed = False
        self._lock = lock
        self._fixed_reason = read_only_reason
        """Why the file may not be written whatever it holds (another
        jobcockpit has it, its folder is read-only, an upgrade failed)."""
        self._disk_schema = disk_schema
        self._upgraded = upgraded
        self.warnings: list[str] = []
        """What went wrong beside a save that still succeeded (no backup could
        be made), for the person to be told."""
        self.complete = True
        """Whether `board` holds the whole file; False between a
        `board_first` open and `finish_opening`."""
        self._rest: Rest | None = None
        self._failed: StoreError | None = None
        self._opening = threading.RLock()
        self._take(contents)

    # -- opening ---------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        create: bool = False,
        clock: Clock | None = None,
        lock: bool = True,
        wait: bool = False,
        board_first: bool = False,
    ) -> Store:
        """Open the data file at `path`; with `create`, make it (and its folder)
        when it does not exist yet, else raise `DataFileMissing`.

        Raises `DataFileCorrupt` for a file that does not parse or holds a bad
        record, `DataFileTooNew` for a newer format this version cannot read,
        and `StoreError` when the file cannot be read at all. A newer format
        it can read opens read-only, and so does a file another jobcockpit
        has open (`LOCKED_ELSEWHERE`). An older format is upgraded, after a
        copy of it is kept in the backups folder.

        A FIFO, a device or a folder is refused (`DataFileNotRegular`) before
        anything is read or made beside it; a file its owner made read-only
        opens read-only, saying why.

        `lock=False` skips the lock that makes this store the file's one
        writer: for tests, and for a short command that is content to have
        its change merged into what an open cockpit saves. `wait` waits a few
        seconds for another writer's lock (`lock.WAIT_SECONDS`) before
        opening read-only: for a command that is about to change the file.

        `board_first` opens in two steps, so the cockpit can paint the board
        before the whole file is read: the store returned has `board` holding
        the applications alone (no contacts, no log; the settings are read)
        and `complete` False, and `finish_opening` reads the rest. Every
        error the first step can find (the file does not parse, a bad
        setting or application) is raised here as without it; those of the
        contacts, the log and the links are raised by `finish_opening`. A
        file in an older format is read whole here all the same (it is saved
        upgraded only once every record is checked), and the store is then
        complete at once.
        """
        path = Path(path)
        clock = clock or _utc_now
        target = real_file(path)
        try:
            status = regular_status(target)
        except NotRegularFile as special:
            raise DataFileNotRegular(path, special.kind) from None
        except OSError as error:
            raise StoreError(f"cannot read data file {path}: {describe(error)}") from error
        if status is None:
            if not create:
                raise DataFileMissing(path)
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise SaveError(
                    path, error, f"could not create it: {describe(error)}", holds_last_save=False
                ) from error
        refusal = read_only_reason(path, status) if status is not None else None
        held: DataFileLock | None = None
        reason: str | None = refusal
        if refusal is None:
            held, reason = take_or_why_not(target, wait=wait) if lock else (None, None)
        try:
            return cls._open_locked(path, target, create, clock, held, reason, board_first)
        except BaseException:
            if held is not None:
                held.release()
            raise

    @classmethod
    def _open_locked(
        cls,
        path: Path,
        target: Path,
        create: bool,
        clock: Clock,
        held: DataFileLock | None,
        reason: str | None,
        board_first: bool = False,
    ) -> Store:
        exists = target.exists()
        if not exists and (not create or reason == LOCKED_ELSEWHERE):
            # Only the lock's holder may create the file; one that does not
            # exist while another jobcockpit holds the lock is being created
            # (or was removed) by it.
            raise DataFileMissing(path)
        if not exists and reason is not None:
            raise SaveError(
                path,
                StoreError(reason),
                "could not create it: its folder cannot be written",
                holds_last_save=False,
            )
        storage = AtomicJSONStorage(path, expect_file=exists, readable=readable)
        backed_up_at = None
        if exists:
            loaded = read_file(storage, path, board_first=board_first)
        else:
            made = tables_of(Board(), meta_document(Settings(), {}, {}))
            try:
                storage.write(made)
            except OSError as error:
                raise SaveError(
                    path, error, f"could not create it: {describe(error)}", holds_last_save=False
                ) from error
            backed_up_at = clock()
            loaded = loaded_or_error(path, made)
            loaded.tables = made
        assert loaded.tables is not None
        store = cls(
            storage,
            path,
            loaded.contents,
            loaded.tables,
            clock=clock,
            backed_up_at=backed_up_at,
            lock=held,
            read_only_reason=reason,
            disk_schema=loaded.disk_schema,
            upgraded=loaded.upgraded,
        )
        if loaded.rest is not None:
            store._rest = loaded.rest
            store.complete = False
        if store._upgraded is not None and not store.read_only:
            problem = store._upgrade_file()
            if problem is not None:
                store._fixed_reason = f"{problem}; opened read-only"
                store._take(loaded.contents)
        if not store.read_only:
            storage.remove_leftovers()
        return store

    @classmethod
    def in_memory(cls, board: Board | None = None, settings: Settings | None = None) -> Store:
        """A store that keeps everything in memory: for tests and the demo,
        which must never touch the user's file."""
        board = board if board is not None else Board()
        settings = settings if settings is not None else Settings()
        tables: Tables = tables_of(board, meta_document(settings, {}, {}))
        contents = Contents(board=board, settings=settings, schema=SCHEMA_VERSION, meta_key=META_ID)
        return cls(InMemory(tables), None, contents, tables)

    def finish_opening(self) -> Board:
        """Read what a `board_first` open left (the contacts, the log, the
        links between records) from the bytes the open already read, and
        return the whole board, which `board` then is; on a complete store,
        just `board`.

        Raises what the one-step open raises for the same file, naming the
        record and the field (`DataFileCorrupt`, `DataFileTooNew`), and again
        on every later call; the store then never saves, and is to be closed.

        Safe to run on a worker thread while another thread only reads
        `board`, `settings` and `complete`: `board` is replaced in one
        assignment, and `complete` turns True after it. Nothing may be
        committed until this returns (`commit` raises `StillOpening`)."""
        with self._opening:
            if self._failed is not None:
                raise self._failed
            rest = self._rest
            if rest is None:
                return self.board
            assert self.path is not None
            try:
                with heap.paused():
                    contents = rest.contents(self.path)
            except StoreError as error:
                self._failed = error
                raise
            self.board = contents.board
            self._rest = None
            self.complete = True
            return self.board

    def _take(self, contents: Contents) -> None:
        self.board = contents.board
        self.reads += 1
        self.settings = contents.settings
        self._meta_key = contents.meta_key
        self._meta_extra = contents.meta_extra
        self._settings_extra = contents.settings_extra
        if contents.schema > SCHEMA_VERSION:
            self.read_only_reason = NEWER_FILE
        else:
            self.read_only_reason = self._fixed_reason
        self.read_only = self.read_only_reason is not None

    # -- changing --------------------------------------------------------------

    def commit(self, change: Changeset, *, applied: tuple[Board, Board] | None = None) -> Board:
        """Save `change` in one atomic write and return the new board.

        `applied` is `(base, result)` when the caller already applied `change`
        to `base`: while `board` is still that very board, `result` is used
        instead of applying the change again (a tenth of a save at 10,000
        applications).

        Raises `RecordError` (nothing written) when the board refuses the
        change, `ReadOnlyError` when the file may not be changed, and
        `SaveError` when the disk refuses; then file and `board` stay as they
        were and the same change may be committed again later.

        When another program saved the file since it was read, the change is
        re-applied on top of what it saved (see `merge`); `ConflictError`
        says the change no longer fits, and `board` is then the file as the
        other program left it.
        """
        self._check_writable()
        if not change:
            return self.board
        base = self.board
        for _ in range(_ATTEMPTS):
            self._catch_up()
            moved = self.board is not base
            fitted = self._rebase(change, base) if moved else change
            try:
                if applied is not None and applied[0] is self.board and fitted is change:
                    after = applied[1]
                else:
                    after = self.board.apply(fitted)
            except RecordError as error:
                if not moved:
                    raise
                raise ConflictError(
                    self.path, error.record, f"{error.field}: {error.problem}"
                ) from None
            try:
                self._save(writes_for(self.board, after, fitted))
            except FileChangedMeanwhile:
                continue
            self.board = after
            return after
        raise self._kept_changing()

    def save_settings(self, settings: Settings) -> None:
        """Save the settings (settings this version does not know are kept)."""
        self._check_writable()
        for _ in range(_ATTEMPTS):
            self._catch_up()
            meta = meta_document(settings, self._meta_extra, self._settings_extra)
            stale = (
                [self._meta_key] if self._meta_key is not None and self._meta_key != META_ID else []
            )
            try:
                self._save({META: ({META_ID: meta}, stale)})
            except FileChangedMeanwhile:
                continue
            self.settings = settings
            return
        raise self._kept_changing()

    def reload(self) -> Board:
        """Read the file again, for when another program changed it."""
        storage = self._storage
        if self.path is None or not isinstance(storage, AtomicJSONStorage):
            return self.board
        with self._opening:
            loaded = read_file(storage, self.path)
            assert loaded.tables is not None
            self._tables = loaded.tables
            self._disk_schema = loaded.disk_schema
            self._upgraded = loaded.upgraded
            self._take(loaded.contents)
            self._rest = None
            self._failed = None
            self.complete = True
        return self.board

    def changed_on_disk(self) -> bool:
        """Whether another program saved, replaced or removed the file since
        this store last read or wrote it: cheap (one `stat`), so the cockpit
        can ask on every focus or tick and `reload` only when it says so."""
        storage = self._storage
        if self._closed or not isinstance(storage, AtomicJSONStorage):
            return False
        return storage.changed_on_disk()

    def retry_lock(self) -> bool:
        """Try again to become the file's writer, after opening read-only
        because another jobcockpit had it open. True when this store may now
        save; it has then read the file again, since the other one may have
        saved before it let go."""
        if self._closed or self.path is None or self._fixed_reason != LOCKED_ELSEWHERE:
            return not self.read_only
        held, reason = take_or_why_not(real_file(self.path))
        if held is None and reason is not None:
            return False
        self._lock = held
        self._fixed_reason = None
        try:
            self.reload()
            if self._upgraded is not None and not self.read_only:
                problem = self._upgrade_file()
                if problem is not None:
                    raise SaveError(self.path, StoreError(problem), problem)
        except BaseException:
            self._release_lock()
            self._fixed_reason = LOCKED_ELSEWHERE
            self.read_only, self.read_only_reason = True, LOCKED_ELSEWHERE
            raise
        if not self.read_only:
            storage = self._storage
            assert isinstance(storage, AtomicJSONStorage)
            storage.remove_leftovers()
        return not self.read_only

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            try:
                self._storage.close()
            finally:
                self._release_lock()

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
        if self._failed is not None:
            raise self._failed
        if not self.complete:
            raise StillOpening(self.path)
        if self.read_only:
            raise ReadOnlyError(self.path, self.read_only_reason or "it is read-only")

    def _release_lock(self) -> None:
        held, self._lock = self._lock, None
        if held is not None:
            held.release()

    def _catch_up(self) -> None:
        """Take in what another program saved since we last looked, so a save
        never writes a board that ignores it (nor over a file gone bad)."""
        storage = self._storage
        if not isinstance(storage, AtomicJSONStorage) or not storage.changed_on_disk():
            return
        assert self.path is not None
        try:
            self.reload()
        except (DataFileMissing, DataFileCorrupt, DataFileTooNew, OSError) as error:
            raise SaveError(self.path, error, describe(error), holds_last_save=False) from error
        if self.read_only:
            raise ReadOnlyError(self.path, self.read_only_reason or NEWER_FILE)
        if self._upgraded is not None:
            problem = self._upgrade_file()
            if problem is not None:
                raise SaveError(self.path, StoreError(problem), problem, holds_last_save=False)

    def _rebase(self, change: Changeset, base: Board) -> Changeset:
        try:
            return rebase(change, base, self.board)
        except RecordConflict as conflict:
            raise ConflictError(self.path, conflict.record, conflict.problem) from None

    def _kept_changing(self) -> SaveError:
        assert self.path is not None
        return SaveError(
            self.path,
            FileChangedMeanwhile(self.path),
            "another program kept saving it at the same time; try again",
        )

    def _upgrade_file(self) -> str | None:
        """Save the file brought up to this version's format, after keeping a
        copy of it as it was; None when done, else what went wrong (the file
        is then as it was, and `board` is read from it all the same)."""
        storage = self._storage
        upgraded = self._upgraded
        assert self.path is not None and upgraded is not None
        assert isinstance(storage, AtomicJSONStorage)
        old = self._disk_schema
        try:
            backups.keep_before_upgrade(self.path, old, self._clock())
            with storage.batch(guard=True):
                storage.write(upgraded)
            self._tables = dict(upgraded)
        except (OSError, StoreError) as error:
            return (
                f"could not upgrade it from file format {old} to {SCHEMA_VERSION}: "
                f"{describe(error)}"
            )
        self._disk_schema = SCHEMA_VERSION
        self._upgraded = None
        return None

    def _save(self, writes: Writes) -> None:
        if not writes and self._meta_key == META_ID:
            return
        storage = self._storage
        if not isinstance(storage, AtomicJSONStorage):
            self._tables = self._write(writes)
            self._meta_key = META_ID
            return
        assert self.path is not None
        backed_up_at = self._backed_up_at
        made: Path | None = None
        try:
            made = self._back_up()
            with storage.batch(guard=True):
                tables = self._write(writes)
        except (DataFileMissing, DataFileCorrupt) as error:
            self._take_back(made, backed_up_at)
            raise SaveError(self.path, error, describe(error), holds_last_save=False) from error
        except OSError as error:
            self._take_back(made, backed_up_at)
            raise SaveError(self.path, error, describe(error)) from error
        self._tables = tables
        self._meta_key = META_ID
        if made is not None:
            kept = self.settings
            keep = backups.Keep(kept.backup_last_saves, kept.backup_hours, kept.backup_days)
            backups.prune(self.path, keep)

    def _take_back(self, made: Path | None, backed_up_at: dt.datetime | None) -> None:
        """A save that failed takes no place in the backups: the file still
        holds what the copy holds, and keeping it could rotate an older,
        different one away."""
        if made is not None:
            with contextlib.suppress(OSError):
                made.unlink()
            self._backed_up_at = backed_up_at

    def _write(self, writes: Writes) -> Tables:
        """Hand the storage the tables with `writes` made, and return them:
        they are what the file holds once the save is through."""
        if self._meta_key != META_ID and META not in writes:
            stale = [self._meta_key] if self._meta_key is not None else []
            meta = meta_document(self.settings, self._meta_extra, self._settings_extra)
            writes = {**writes, META: ({META_ID: meta}, stale)}
        tables = changed_tables(self._tables, writes)
        self._storage.write(tables)
        return tables

    def _back_up(self) -> Path | None:
        """A copy of the file before this session's first save, and hourly
        after; the copy made, if one was. A `backups` that is not a folder is
        said once (`warnings`) and the save goes on without a copy."""
        assert self.path is not None
        now = self._clock()
        if self._backed_up_at is not None and now - self._backed_up_at < backups.EVERY:
            return None
        try:
            made = backups.make_backup(self.path, now)
        except FileNotFoundError:
            return None
        except backups.BackupsNotAFolder as error:
            self.warnings.append(f"no backup of {self.path} was made: {error.strerror}")
            self._backed_up_at = now
            return None
        except OSError as error:
            raise SaveError(
                self.path, error, f"could not back it up first: {describe(error)}"
            ) from error
        self._backed_up_at = now
        return made
