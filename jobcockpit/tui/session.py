"""The cockpit's side of the data file: what the screen shows, what is still
unsaved, the settings in force, and the sync tools' conflict copies.

Every change goes to the store at once. When the disk fails, the store keeps
its old board, yet the user must lose nothing and keep seeing the change: the
session keeps such changes in order, shows the board with them applied, and
hands them to the store again before the next change (or when asked to retry).

Another program may save the file while the cockpit has it open (a sync tool,
a command run alongside). The session then reads it again and puts its own
unsaved changes on top, record by record (`rebase`), so nothing is overwritten
blindly. It does so only when every change it holds knows the board it was
made on: before a save, and when the screen asks while no dialog is open (a
dialog composes its change from the board it was opened on).

A sync tool may also leave conflict copies beside the file (two machines saved
at once). The session says what each would add, merges the ones the person
accepts as ordinary changes (undoable), and moves each into the backups folder
once its merge is saved.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from jobcockpit.core.board import Board, Changeset
from jobcockpit.core.records import RecordError
from jobcockpit.store import (
    ConflictError,
    CopyMerge,
    ReadOnlyError,
    RecordConflict,
    SaveError,
    StoreError,
    compare_conflict_copy,
    find_conflict_copies,
    merge_conflict_copy,
    rebase,
    retire_conflict_copy,
)
from jobcockpit.tui.undo import Undoable, UndoStack

if TYPE_CHECKING:
    from jobcockpit.core.settings import Settings
    from jobcockpit.store import Store


@dataclass(frozen=True, slots=True)
class Saved:
    """What became of a change: on screen always; on disk unless `error`."""

    board: Board
    error: StoreError | None = None
    replaced: bool = False
    """The board is not just the old one with the change: another program's
    changes came in with the save, or a conflict put the file's version on
    screen. Everything must be judged again."""
    reloaded: bool = False
    """Another program had changed the file: it was read again, and the
    changes still to save were put on top of what it holds."""

    @property
    def saved(self) -> bool:
        return self.error is None


@dataclass(frozen=True, slots=True)
class Undone:
    description: str
    change: Changeset
    """The inverse that was applied."""
    saved: Saved


@dataclass(frozen=True, slots=True)
class CopyReport:
    """One conflict copy: what merging it would do, or why it cannot be read."""

    copy: Path
    merge: CopyMerge | None
    problem: str | None = None


@dataclass(frozen=True, slots=True)
class MergedCopy:
    """What became of one conflict copy the person chose to merge."""

    copy: Path
    kept: Path | None = None
    """Where the copy now lies, in the backups folder: merged and saved."""
    unreadable: StoreError | None = None
    """Why it could not be merged; it stays where it is, untouched."""
    unsaved: bool = False
    """Its merge is not saved (yet): it stays, and so do the copies after it."""
    unmoved: StoreError | None = None
    """Merged and saved, but it could not be moved; it stays beside the file."""


class Session:
    def __init__(self, store: Store, undo_levels: int = 100) -> None:
        self.store = store
        self.board: Board = store.board
        self.settings: Settings = store.settings
        """The settings in force: the file's, or the ones saved here since."""
        self.unsaved: deque[Changeset] = deque()
        self.undo_stack = UndoStack(undo_levels)
        self._applied: tuple[Board, Board] | None = None
        """The board the one unsaved change was applied to, and the result,
        for the store to take instead of applying it again."""
        self._unreadable: tuple[int, int, int] | None = None
        """The file as it was when reading it again failed: not tried again
        until it changes once more."""
        self.loaded: bool = getattr(store, "complete", True)  # a test's fake may lack it
        """Whether the board holds the whole file: a store opened board first
        holds the applications alone until `read_the_rest`; nothing that
        changes the hunt or reads its contacts and log may act before."""

    # -- opening in two steps ----------------------------------------------------

    def read_the_rest(self) -> Board:
        """The whole board, once the store has read the contacts and the log
        (`Store.finish_opening`); for a worker thread, while the screen shows
        the applications. Raises the store's `DataFileCorrupt` for a damaged
        record, as the one-step open does."""
        return self.store.finish_opening()

    def take_the_rest(self, board: Board) -> None:
        """On the screen's thread: the board `read_the_rest` returned is the
        one shown from now on. Nothing was changed meanwhile (every change
        waits for the whole board), so it is the store's as it stands."""
        self.board = board
        self.loaded = True

    @property
    def read_only_reason(self) -> str | None:
        if not self.store.read_only:
            return None
        return self.store.read_only_reason or "the data file is read-only"

    def _refuse_if_read_only(self) -> None:
        reason = self.read_only_reason
        if reason is not None:
            raise ReadOnlyError(getattr(self.store, "path", None), reason)

    def change(self, change: Changeset) -> Saved:
        """Apply `change` on screen and save it; raises `RecordError` (nothing
        changes) when it does not fit the board, `ReadOnlyError` when nothing may."""
        self._refuse_if_read_only()
        before = self.board
        after = before.apply(change)
        self.undo_stack.record(before, change)
        self.board = after
        self.unsaved.append(change)
        self._applied = (before, after) if len(self.unsaved) == 1 else None
        return self.flush()

    def undo(self) -> Undone | None:
        """Undo the latest change still remembered; None when there is none."""
        self._refuse_if_read_only()
        entry = self.undo_stack.pop()
        if entry is None:
            return None
        before = self._apply_inverse(entry, self.undo_stack.push_back)
        self.undo_stack.undone(before, entry)
        return self._save_inverse(entry)

    def redo(self) -> Undone | None:
        """Do again the latest change undone; None when there is none (or a
        change made since has made the undo final)."""
        self._refuse_if_read_only()
        entry = self.undo_stack.pop_redo()
        if entry is None:
            return None
        before = self._apply_inverse(entry, self.undo_stack.push_back_redo)
        self.undo_stack.record(before, entry.inverse, redoing=True)
        return self._save_inverse(entry)

    def _apply_inverse(self, entry: Undoable, put_back: Callable[[Undoable], None]) -> Board:
        """Put `entry`'s inverse on the board and return the board before it;
        when it no longer fits, the entry goes back where it was taken from
        (`put_back`) and the `RecordError` is raised."""
        before = self.board
        try:
            self.board = before.apply(entry.inverse)
        except RecordError:
            put_back(entry)
            raise
        return before

    def _save_inverse(self, entry: Undoable) -> Undone:
        self.unsaved.append(entry.inverse)
        return Undone(entry.description, entry.inverse, self.flush())

    def flush(self) -> Saved:
        """Hand the unsaved changes to the store, oldest first, until one fails.

        When another program saved the file meanwhile, it is read again first
        and the changes are put on top of it (see `catch_up`)."""
        caught = self.catch_up() if self.unsaved else None
        reloaded = caught is not None and caught.reloaded
        dropped = caught.error if caught is not None and reloaded else None
        expected = self.board
        reads = getattr(self.store, "reads", None)  # a test's fake may lack it
        applied, self._applied = self._applied, None
        while self.unsaved:
            try:
                if applied is not None:
                    self.store.commit(self.unsaved[0], applied=applied)
                else:
                    self.store.commit(self.unsaved[0])
                applied = None
            except SaveError as error:
                return Saved(self.board, error, replaced=reloaded, reloaded=reloaded)
            except StoreError as error:
                # The store refused what the board accepted (another program
                # changed the file, say): drop it and show the store's truth,
                # so the screen never claims what is not kept.
                self.unsaved.popleft()
                self._resync()
                return Saved(self.board, error, replaced=True, reloaded=reloaded)
            self.unsaved.popleft()
        self.board = self.store.board
        # The board on screen is always the store's with the unsaved changes
        # applied; when the store read nothing from the file meanwhile, the
        # commits made it equal to the board on screen, with no need to compare.
        untouched = reads is not None and getattr(self.store, "reads", None) == reads
        replaced = not untouched and not _same(self.board, expected)
        if replaced:
            # Another program saved between our look and our save; the store
            # merged its work in. Undo must not put back what it changed.
            self._forget_undo_touching(expected, self.board)
        return Saved(self.board, dropped, replaced=replaced or reloaded, reloaded=reloaded)

    def catch_up(self) -> Saved | None:
        """Read the file again if another program changed it, and put the
        unsaved changes on top of what it holds; None when it did not change.

        A change that no longer fits (it edits a record the other program
        deleted, say) is dropped, and `error` names its record: the file's
        version is what the screen shows then. A file that cannot be read
        again (damaged, gone) is left alone, and so is the board on screen;
        `error` says why, once, and nothing is saved over the file."""
        store = self.store
        changed_on_disk = getattr(store, "changed_on_disk", None)  # a test's fake may lack it
        if changed_on_disk is None or not changed_on_disk():
            return None
        stamp = _stamp(store)
        if stamp is not None and stamp == self._unreadable:
            return None
        base = store.board
        try:
            theirs = store.reload()
        except StoreError as error:
            self._unreadable = stamp
            return Saved(self.board, error)
        self._unreadable = None
        board = theirs
        kept: deque[Changeset] = deque()
        conflict: ConflictError | None = None
        for change in self.unsaved:
            try:
                fitted = rebase(change, base, board)
                board = board.apply(fitted)
            except RecordConflict as problem:
                conflict = conflict or ConflictError(store.path, problem.record, problem.problem)
            except RecordError as error:
                conflict = conflict or ConflictError(
                    store.path, error.record, f"{error.field}: {error.problem}"
                )
            else:
                kept.append(fitted)
            try:
                base = base.apply(change)
            except RecordError:
                break
        self._forget_undo_touching(base, board)
        self.unsaved = kept
        self.board = board
        return Saved(board, conflict, replaced=True, reloaded=True)

    def retry_lock(self) -> bool:
        """Try again to become the file's writer (another jobcockpit had it);
        True when this cockpit may now change it. The file is read again, as
        the other one may have saved before it let go; raises `StoreError`
        when that fails."""
        writable = self.store.retry_lock()
        if writable:
            self.board = self.store.board
            self.unsaved.clear()
            self.undo_stack.clear()
        return writable

    # -- settings --------------------------------------------------------------

    def save_settings(self, settings: Settings) -> None:
        """Keep `settings` in the data file, then put them in force; raises
        `StoreError` (the old ones stay in force) when they cannot be saved."""
        self.store.save_settings(settings)
        self.settings = settings

    def adopt_stored_settings(self) -> bool:
        """Put in force the settings read with the file (another program may
        have saved them); False when they are those in force already."""
        stored = self.store.settings
        if stored == self.settings:
            return False
        self.settings = stored
        return True

    # -- a sync tool's conflict copies ---------------------------------------------

    def conflict_copies(self) -> list[Path]:
        """The conflict copies beside the data file, newest first."""
        path = getattr(self.store, "path", None)
        return find_conflict_copies(path) if path is not None else []

    def survey(self, copies: Sequence[Path]) -> list[CopyReport]:
        """Compare each copy with the board; a copy that cannot be read is
        reported with the reason and left alone."""
        reports: list[CopyReport] = []
        for copy in copies:
            try:
                reports.append(CopyReport(copy, compare_conflict_copy(self.store, copy)))
            except StoreError as error:
                reports.append(CopyReport(copy, None, str(error)))
        return reports

    def merge_copies(
        self,
        copies: Sequence[Path],
        now: dt.datetime,
        commit: Callable[[Changeset], bool],
    ) -> list[MergedCopy]:
        """Merge each copy as one change, made through `commit` (the screen's,
        so the views follow; False when refused), then move it into the
        backups folder. A copy whose merge is not saved stays, and the merging
        stops there: the person is told, and the copies are offered again."""
        path = self.store.path
        assert path is not None
        merged: list[MergedCopy] = []
        for copy in copies:
            try:
                change = merge_conflict_copy(self.store, copy)
            except StoreError as error:
                merged.append(MergedCopy(copy, unreadable=error))
                continue
            if change and (not commit(change) or self.unsaved):
                merged.append(MergedCopy(copy, unsaved=True))
                break
            try:
                kept = retire_conflict_copy(path, copy, now=now)
            except StoreError as error:
                merged.append(MergedCopy(copy, unmoved=error))
                continue
            merged.append(MergedCopy(copy, kept=kept))
        return merged

    # -- keeping the board the store's ------------------------------------------

    def _resync(self) -> None:
        board = self.store.board
        kept: deque[Changeset] = deque()
        for change in self.unsaved:
            try:
                board = board.apply(change)
            except RecordError:
                continue
            kept.append(change)
        self.unsaved = kept
        self.board = board
        self.undo_stack.clear()

    def _forget_undo_touching(self, ours: Board, theirs: Board) -> None:
        """Drop the undo steps that would put back a record another program
        changed (and every older step, so that undo stays in order): undoing
        them would overwrite its work without a look."""
        changed = _changed_records(ours, theirs)
        if not changed:
            return
        newest_first: list[Undoable] = []
        while (entry := self.undo_stack.pop()) is not None:
            newest_first.append(entry)
        kept: list[Undoable] = []
        for entry in newest_first:
            if _touches(entry.inverse, changed):
                break
            kept.append(entry)
        for entry in reversed(kept):
            self.undo_stack.push_back(entry)
        self.undo_stack.forget_redo()


def _same(a: Board, b: Board) -> bool:
    return a is b or (
        a.applications == b.applications and a.contacts == b.contacts and a.log == b.log
    )


def _stamp(store: Store) -> tuple[int, int, int] | None:
    path = getattr(store, "path", None)
    if path is None:
        return None
    try:
        status = Path(path).stat()
    except OSError:
        return None
    return (status.st_ino, status.st_size, status.st_mtime_ns)


def _differing(ours: dict[str, object], theirs: dict[str, object]) -> set[str]:
    return {key for key in ours.keys() | theirs.keys() if ours.get(key) != theirs.get(key)}


def _changed_records(ours: Board, theirs: Board) -> set[str]:
    """Ids of the applications and contacts, and keys of the log entries, that
    differ between two boards; an application whose log differs counts too."""
    if ours is theirs:
        return set()
    log = _differing(dict(ours.log), dict(theirs.log))
    changed = _differing(dict(ours.applications), dict(theirs.applications))
    changed |= _differing(dict(ours.contacts), dict(theirs.contacts))
    for key in log:
        entry = ours.log.get(key) or theirs.log.get(key)
        if entry is not None:
            changed.add(entry.application)
    return changed | log


def _touches(change: Changeset, records: set[str]) -> bool:
    keys = {a.id for a in change.put_applications} | set(change.delete_applications)
    keys |= {c.id for c in change.put_contacts} | set(change.delete_contacts)
    keys |= {e.key for e in change.add_log} | {e.application for e in change.add_log}
    keys |= set(change.delete_log)
    return not keys.isdisjoint(records)
