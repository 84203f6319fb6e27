"""One writer per data file: an advisory lock in a file beside it.

Two cockpits on one file would each save over the other's changes; the second
one therefore opens read-only and says so. The lock is `flock` on
`.<name>.lock` next to the data file (next to the real file when the path is a
symlink, so two names for one file share it). The kernel drops the lock when
its holder dies, however it dies, so a crash never leaves the file locked; the
lock file itself is removed on a clean close and is harmless when left behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import time
from pathlib import Path

from jobcockpit.store.errors import describe

LOCKED_ELSEWHERE = "open in another jobcockpit (read-only)"

WAIT_SECONDS = 5.0
"""How long a command that changes the file waits for another one's lock: a
second `import` started while the first is saving takes its turn instead of
failing. A cockpit holds the lock for hours, so past this the command says so."""
_POLL_SECONDS = 0.05

_CANNOT_LOCK_HERE = frozenset(
    {errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOSYS, errno.EINVAL}
)
"""flock errors of file systems without locks (some network mounts): there
the lock cannot guard anything, and the merge before every save still does."""

_FOLDER_NOT_WRITABLE = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})


class FolderNotWritable(OSError):  # noqa: N818 - reads as what happened
    """The lock file cannot be made because nothing can be written beside the
    data file; no save could succeed there either."""


def lock_file(target: Path) -> Path:
    return target.with_name(f".{target.name}.lock")


class DataFileLock:
    """Held from open to close by the one store that may write the file."""

    def __init__(self, path: Path, fd: int | None) -> None:
        self.path = path
        self._fd = fd

    @classmethod
    def take(cls, target: Path, *, wait: bool = False) -> DataFileLock | None:
        """The lock for the data file `target`, or None when another process
        holds it (after up to `WAIT_SECONDS` with `wait`). Raises
        `FolderNotWritable` when the lock file cannot be made for lack of
        permission; on a file system that has no locks, the lock is given
        without guarding anything."""
        path = lock_file(target)
        deadline = time.monotonic() + (WAIT_SECONDS if wait else 0.0)
        if sys.platform == "win32":  # pragma: no cover - flock is POSIX-only
            return cls(path, None)
        import fcntl

        while True:
            try:
                fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
            except OSError as error:
                if error.errno in _FOLDER_NOT_WRITABLE:
                    raise FolderNotWritable(error.errno, error.strerror, str(path)) from error
                raise
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                if time.monotonic() >= deadline:
                    return None
                time.sleep(_POLL_SECONDS)
                continue
            except OSError as error:
                os.close(fd)
                if error.errno in _CANNOT_LOCK_HERE:
                    with contextlib.suppress(OSError):
                        path.unlink()
                    return cls(path, None)
                raise
            # A jobcockpit closing at this very moment may have removed the
            # file between our open and our lock; a lock on a removed file
            # guards nothing, so start again with the file now at the path.
            try:
                current = path.stat()
            except FileNotFoundError:
                os.close(fd)
                continue
            mine = os.fstat(fd)
            if (current.st_dev, current.st_ino) != (mine.st_dev, mine.st_ino):
                os.close(fd)
                continue
            return cls(path, fd)

    def release(self) -> None:
        """Remove the lock file while still holding it (so nobody locks a file
        on its way out), then let go."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        with contextlib.suppress(OSError):
            self.path.unlink()
        os.close(fd)


def take_or_why_not(target: Path, *, wait: bool = False) -> tuple[DataFileLock | None, str | None]:
    """The lock, or why a store must be read-only without it. A lock that
    fails for another reason (a full disk, say) is done without: the saves
    then report their own errors, and the merge before each save still keeps
    another writer's work."""
    try:
        held = DataFileLock.take(target, wait=wait)
    except FolderNotWritable as error:
        return None, f"its folder cannot be written ({describe(error)}); opened read-only"
    except OSError:
        return None, None
    if held is None:
        return None, LOCKED_ELSEWHERE
    return held, None
