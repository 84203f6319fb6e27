"""Undo, several levels deep, of any change made in the cockpit.

Every change is a `Changeset`, and the board can say what undoes one
(`Board.inverse`), so the stack keeps inverses only: undoing is committing the
top one like any other change, which also saves it.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from jobcockpit.core.board import Board, Changeset


@dataclass(frozen=True, slots=True)
class Undoable:
    description: str
    inverse: Changeset


class UndoStack:
    """The most recent changes' inverses, newest last; the oldest fall off."""

    def __init__(self, limit: int = 100) -> None:
        self._entries: deque[Undoable] = deque(maxlen=limit)

    def __len__(self) -> int:
        return len(self._entries)

    def record(self, before: Board, change: Changeset) -> None:
        """Remember how to undo `change`, which is about to be applied to `before`."""
        self._entries.append(Undoable(change.description, before.inverse(change)))

    def pop(self) -> Undoable | None:
        return self._entries.pop() if self._entries else None

    def push_back(self, entry: Undoable) -> None:
        """Put back an entry whose undo could not be carried out."""
        self._entries.append(entry)

    def clear(self) -> None:
        self._entries.clear()

    @property
    def next_description(self) -> str | None:
        return self._entries[-1].description if self._entries else None
