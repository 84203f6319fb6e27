"""Undo and redo, several levels deep, of any change made in the cockpit.

Every change is a `Changeset`, and the board can say what undoes one
(`Board.inverse`), so the stack keeps inverses only: undoing is committing the
top one like any other change, which also saves it. What an undo undid can
be done again (redo) until a new change is made.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from jobcockpit.core.board import Board, Changeset


@dataclass(frozen=True, slots=True)
class Undoable:
    description: str
    inverse: Changeset
    """What undoes the change; on the redo stack, what does it again."""


class UndoStack:
    """The most recent changes' inverses, newest last; the oldest fall off."""

    def __init__(self, limit: int = 100) -> None:
        self._entries: deque[Undoable] = deque(maxlen=limit)
        self._redo: deque[Undoable] = deque(maxlen=limit)

    def __len__(self) -> int:
        return len(self._entries)

    def record(self, before: Board, change: Changeset, *, redoing: bool = False) -> None:
        """Remember how to undo `change`, which is about to be applied to `before`.
        A new change (not a redo) makes what was undone final."""
        self._entries.append(Undoable(change.description, before.inverse(change)))
        if not redoing:
            self._redo.clear()

    def undone(self, before: Board, entry: Undoable) -> None:
        """`entry` was undone on `before`: remember how to do it again."""
        self._redo.append(Undoable(entry.description, before.inverse(entry.inverse)))

    def pop_redo(self) -> Undoable | None:
        return self._redo.pop() if self._redo else None

    def push_back_redo(self, entry: Undoable) -> None:
        """Put back a redo that could not be carried out."""
        self._redo.append(entry)

    def forget_redo(self) -> None:
        self._redo.clear()

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def pop(self) -> Undoable | None:
        return self._entries.pop() if self._entries else None

    def push_back(self, entry: Undoable) -> None:
        """Put back an entry whose undo could not be carried out."""
        self._entries.append(entry)

    def clear(self) -> None:
        self._entries.clear()
        self._redo.clear()

    @property
    def next_description(self) -> str | None:
        return self._entries[-1].description if self._entries else None
