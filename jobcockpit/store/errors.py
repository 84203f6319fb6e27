"""What can go wrong with the data file, worded for the person who owns it.

Every message is one line that names the file, because the person reading it
may keep several job hunts and must know which one is meant, and where to look
for a way back (the newest good backup) when there is one.
"""

from __future__ import annotations

import errno
from pathlib import Path


def _one_line(text: str) -> str:
    return " ".join(text.split())


_PLAIN_WORDS = {
    errno.ENOSPC: "disk full",
    errno.EDQUOT: "disk quota exceeded",
    errno.EIO: "disk error",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "not permitted",
}


def describe(error: BaseException) -> str:
    """What went wrong in the words of someone who never saw an errno: "disk
    full" is what a person can act on; the system's own wording follows in
    brackets, because that is what a search or a support forum knows."""
    if isinstance(error, OSError):
        plain = _PLAIN_WORDS.get(error.errno or 0)
        system = error.strerror or str(error) or type(error).__name__
        if plain is not None and plain.lower() != system.lower():
            return _one_line(f"{plain} ({system})")
        return _one_line(system)
    return _one_line(str(error) or type(error).__name__)


class StoreError(Exception):
    """Anything the store refuses or cannot do; the message is for a person."""


class DataFileMissing(StoreError):  # noqa: N818 - the name the app uses
    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"data file {path} does not exist (check the path, or that its folder is mounted)"
        )


class DataFileNotRegular(StoreError):  # noqa: N818 - the name the app uses
    """A FIFO, a device or a folder named as the data file: reading a FIFO
    would wait forever and a device holds nothing, so neither is opened, and
    nothing (not even a lock file) is made beside it."""

    def __init__(self, path: Path, kind: str) -> None:
        self.path = path
        self.kind = kind
        super().__init__(
            f"data file {path} is not a regular file (it is {kind}); name the data file itself"
        )


class DataFileCorrupt(StoreError):  # noqa: N818 - the name the app uses
    """The file cannot be trusted; it is left exactly as it was found."""

    def __init__(
        self,
        path: Path,
        newest_backup: Path | None,
        detail: str,
        *,
        record: str | None = None,
        field: str | None = None,
    ) -> None:
        self.path = path
        self.newest_backup = newest_backup
        self.detail = _one_line(detail)
        self.record = record
        self.field = field
        way_back = (
            f"; the newest good backup is {newest_backup}"
            if newest_backup is not None
            else "; no good backup was found"
        )
        super().__init__(
            f"data file {path} is damaged and was left untouched: {self.detail}{way_back}"
        )


class DataFileTooNew(StoreError):  # noqa: N818 - the name the app uses
    """Made by a newer jobcockpit in a way this one cannot even read."""

    def __init__(self, path: Path, version: int, detail: str = "") -> None:
        self.path = path
        self.version = version
        self.detail = _one_line(detail)
        because = f" ({self.detail})" if self.detail else ""
        super().__init__(
            f"data file {path} was made by a newer jobcockpit (file format {version}) and "
            f"this one cannot read it{because}; upgrade jobcockpit to open it"
        )


class ReadOnlyError(StoreError):
    def __init__(self, path: Path | None, reason: str) -> None:
        self.path = path
        self.reason = reason
        where = f"data file {path}" if path is not None else "the data"
        super().__init__(f"{where} cannot be changed: {reason}")


class SaveError(StoreError):
    """A save that did not happen: the file still holds the last saved state,
    so the same change can be tried again once the disk is back."""

    def __init__(
        self,
        path: Path,
        cause: BaseException,
        problem: str | None = None,
        *,
        holds_last_save: bool = True,
    ) -> None:
        self.path = path
        self.cause = cause
        self.problem = describe(cause) if problem is None else _one_line(problem)
        # When another program changed or removed the file, it no longer holds
        # our last save, and saying so would send the person looking for it.
        after = "it still holds what was saved before" if holds_last_save else "nothing was written"
        super().__init__(f"could not save data file {path}: {self.problem}; {after}")


class ConflictError(StoreError):
    """Another program changed the file, and our change no longer fits what
    it wrote (we edited a record it deleted, say). Nothing was written: the
    file keeps the other program's version, which the store now shows."""

    def __init__(self, path: Path | None, record: str, problem: str) -> None:
        self.path = path
        self.record = record
        self.problem = _one_line(problem)
        where = f"data file {path}" if path is not None else "the data"
        super().__init__(
            f"{where} was changed by another program and this change no longer fits: "
            f"{record}: {self.problem}; nothing was saved, the file keeps the other version"
        )


class StillOpening(StoreError):  # noqa: N818 - reads as what happened
    """A save asked of a store opened `board_first` before `finish_opening`
    read its contacts and log: saving a board read in part could drop them."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        where = f"data file {path}" if path is not None else "the data"
        super().__init__(
            f"{where} is still being opened (its contacts and log are not read yet); "
            "nothing was saved"
        )


class FileChangedMeanwhile(StoreError):  # noqa: N818 - reads as what happened
    """Another program saved the file while we were saving ours; the store
    reads it again and retries, so this rarely reaches a person."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"data file {path} was changed by another program while being saved")
