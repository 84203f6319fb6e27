"""The cockpit's side of saving: what the screen shows, what is still unsaved.

Every change goes to the store at once. When the disk fails, the store keeps
its old board, yet the user must lose nothing and keep seeing the change: the
session keeps such changes in order, shows the board with them applied, and
hands them to the store again before the next change (or when asked to retry).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING

from jobcockpit.app.undo import UndoStack
from jobcockpit.domain.board import Board, Changeset
from jobcockpit.domain.models import RecordError
from jobcockpit.store import ReadOnlyError, SaveError, StoreError

if TYPE_CHECKING:
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

    @property
    def saved(self) -> bool:
        return self.error is None


@dataclass(frozen=True, slots=True)
class Undone:
    description: str
    change: Changeset
    """The inverse that was applied."""
    saved: Saved


class Session:
    def __init__(self, store: Store, undo_levels: int = 100) -> None:
        self.store = store
        self.board: Board = store.board
        self.unsaved: deque[Changeset] = deque()
        self.undo_stack = UndoStack(undo_levels)

    @property
    def read_only_reason(self) -> str | None:
        if not self.store.read_only:
            return None
        return self.store.read_only_reason or "the data file is read-only"

    def change(self, change: Changeset) -> Saved:
        """Apply `change` on screen and save it; raises `RecordError` (nothing
        changes) when it does not fit the board, `ReadOnlyError` when nothing may."""
        reason = self.read_only_reason
        if reason is not None:
            raise ReadOnlyError(getattr(self.store, "path", None), reason)
        before = self.board
        after = before.apply(change)
        self.undo_stack.record(before, change)
        self.board = after
        self.unsaved.append(change)
        return self.flush()

    def undo(self) -> Undone | None:
        """Undo the latest change still remembered; None when there is none."""
        reason = self.read_only_reason
        if reason is not None:
            raise ReadOnlyError(getattr(self.store, "path", None), reason)
        entry = self.undo_stack.pop()
        if entry is None:
            return None
        try:
            self.board = self.board.apply(entry.inverse)
        except RecordError:
            self.undo_stack.push_back(entry)
            raise
        self.unsaved.append(entry.inverse)
        return Undone(entry.description, entry.inverse, self.flush())

    def flush(self) -> Saved:
        """Hand the unsaved changes to the store, oldest first, until one fails."""
        expected = self.board
        while self.unsaved:
            try:
                self.store.commit(self.unsaved[0])
            except SaveError as error:
                return Saved(self.board, error)
            except StoreError as error:
                # The store refused what the board accepted (another program
                # changed the file, say): drop it and show the store's truth,
                # so the screen never claims what is not kept.
                self.unsaved.popleft()
                self._resync()
                return Saved(self.board, error, replaced=True)
            self.unsaved.popleft()
        self.board = self.store.board
        return Saved(self.board, replaced=not _same(self.board, expected))

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


def _same(a: Board, b: Board) -> bool:
    return a is b or (
        a.applications == b.applications and a.contacts == b.contacts and a.log == b.log
    )
