"""What can go wrong with the data file, worded for the person who owns it.

Every message is one line that names the file, because the person reading it
may keep several job hunts and must know which one is meant, and where to look
for a way back (the newest good backup) when there is one.
"""

from __future__ import annotations

from pathlib import Path


def _one_line(text: str) -> str:
    return " ".join(text.split())


class StoreError(Exception):
    """Anything the store refuses or cannot do; the message is for a person."""


class DataFileMissing(StoreError):  # noqa: N818 - the name the app uses
    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"data file {path} does not exist (check the path, or that its folder is mounted)"
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

    def __init__(self, path: Path, cause: BaseException, problem: str | None = None) -> None:
        self.path = path
        self.cause = cause
        if problem is None:
            if isinstance(cause, OSError) and cause.strerror:
                problem = cause.strerror
            else:
                problem = str(cause) or type(cause).__name__
        self.problem = _one_line(problem)
        super().__init__(
            f"could not save data file {path}: {self.problem}; it still holds what was saved before"
        )
