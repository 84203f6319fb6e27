"""Writing a file so that a crash leaves either the old bytes or the new ones.

The protocol is the usual one (temporary file in the same folder, write, fsync,
rename over the target, fsync the folder); `write_replace` is the one place
that does it, so every file jobcockpit writes gets the same promise: the data
file, its backups, a restore, an export or report written with `-o`, and
`today`'s kept answer (which alone skips the flushes: losing it costs one slow
run). The temporary file is locked while it is written, so a second
jobcockpit cleaning up after a crash can tell a dead writer's leftover from a
live writer's file. `move` is the one other rename: a conflict copy put away.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import orjson

StatKey = tuple[int, int, int]
"""(st_mtime_ns, st_size, st_ino): changes whenever the file's bytes may have."""

TEMP_MARK = ".tmp-"
_TOKEN_HEX = 12

if sys.platform == "win32":  # pragma: no cover - the lock is advisory and POSIX-only

    def _lock(fd: int) -> None:
        return None

    def _try_lock(fd: int) -> bool:
        return True

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True


def stat_key(result: os.stat_result) -> StatKey:
    return (result.st_mtime_ns, result.st_size, result.st_ino)


class NotRegularFile(OSError):  # noqa: N818 - reads as what happened
    """A path that names a FIFO, a device, a socket or a folder where a file
    is read or replaced: reading one may never end, replacing one would put a
    file where the system keeps something else."""

    def __init__(self, path: Path, mode: int) -> None:
        super().__init__(errno.EINVAL, f"it is {file_kind(mode)}, not a regular file", str(path))
        self.kind = file_kind(mode)


class FileTooLarge(OSError):  # noqa: N818 - reads as what happened
    """A file larger than what reading it is for may hold."""

    def __init__(self, path: Path, size: int) -> None:
        super().__init__(errno.EFBIG, "it is too large", str(path))
        self.size = size


def file_kind(mode: int) -> str:
    """What a file of `mode` is, in words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a regular file" if stat.S_ISREG(mode) else "not a file"


def regular_status(path: Path) -> os.stat_result | None:
    """The status of the regular file at `path` (following links), None when
    there is none; `NotRegularFile` for a FIFO, a device or a folder."""
    try:
        status = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return None
    if not stat.S_ISREG(status.st_mode):
        raise NotRegularFile(path, status.st_mode)
    return status


def read_only_reason(path: Path, status: os.stat_result) -> str | None:
    """Why a file its owner made read-only (chmod 444) is not rewritten, or
    None. The mode is what counts, not what the system would allow: an atomic
    save replaces the file, which its folder permits, and an administrator
    may write anything."""
    mode = stat.S_IMODE(status.st_mode)
    if mode & stat.S_IWUSR:
        return None
    return f"it is read-only (mode {mode:04o}); run `chmod u+w {path}` to allow changes"


def read_regular(path: Path, limit: int | None = None) -> tuple[os.stat_result, bytes]:
    """The bytes of the regular file at `path` (following links) and its
    status as read. A FIFO or a device is refused with `NotRegularFile`
    without waiting for a writer or reading forever, and a file larger than
    `limit` with `FileTooLarge` before it is read."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise NotRegularFile(path, status.st_mode)
        if limit is not None and status.st_size > limit:
            raise FileTooLarge(path, status.st_size)
        pieces: list[bytes] = []
        size = 0
        # Asked for the whole file at once, a regular file comes in one piece,
        # which is then the result as it is, not copied into a joined one.
        while True:
            want = min(max(status.st_size + 1 - size, 1 << 16), 1 << 30)
            if limit is not None:
                want = min(want, limit + 1 - size)
            piece = os.read(fd, want)
            if not piece:
                break
            pieces.append(piece)
            size += len(piece)
            if limit is not None and size > limit:
                raise FileTooLarge(path, size)
    finally:
        os.close(fd)
    return status, b"".join(pieces)


def real_file(path: Path) -> Path:
    """The file a (possibly symlinked) path stands for, so that saving replaces
    the file behind a link instead of the link itself."""
    return Path(os.path.realpath(path))


def parse_document(blob: bytes) -> dict[str, dict[str, Any]]:
    """The tables of a data file, or ValueError saying in a few words what is
    wrong: a file must be an object of tables, each an object of documents."""
    if not blob.strip():
        raise ValueError("the file is empty")
    if b"\x00" in blob:
        raise ValueError("the file holds NUL bytes (it was cut short by a crash or a full disk)")
    try:
        data = orjson.loads(blob)
    except orjson.JSONDecodeError as error:
        raise ValueError(f"it is not valid JSON ({error})") from None
    if not isinstance(data, dict):
        raise ValueError(f"it holds a JSON {_kind(data)}, not an object of tables")
    for name, table in data.items():
        if not isinstance(table, dict):
            raise ValueError(f"table {name!r} is a JSON {_kind(table)}, not an object")
        for key, document in table.items():
            if not isinstance(document, dict):
                raise ValueError(f"{name} {key!r} is a JSON {_kind(document)}, not an object")
    return data


def _kind(value: object) -> str:
    if isinstance(value, dict):
        return "object"
    if isinstance(value, list):
        return "list"
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool):
        return "true/false"
    if value is None:
        return "null"
    return "number"


def temp_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"^\.{re.escape(name)}{re.escape(TEMP_MARK)}[0-9a-f]{{{_TOKEN_HEX}}}$")


class FolderNotFlushed(OSError):  # noqa: N818 - reads as what happened
    """The new file is in place, but its folder refused the flush that makes
    the rename outlive a power cut (which would bring back the old file,
    whole). Whether that fails the write is the caller's call; `key` is the
    new file's stat key."""

    def __init__(self, error: OSError, key: StatKey) -> None:
        super().__init__(*error.args)
        self.key = key


def write_replace(
    target: Path,
    blob: bytes | Sequence[bytes | memoryview],
    *,
    mode: int = 0o600,
    owner: tuple[int, int] | None = None,
    durable: bool = True,
    before_replace: Callable[[], None] | None = None,
) -> StatKey:
    """Put `blob` (or its pieces, in order) at `target` in one rename. On
    failure the target is as it was and the temporary file is gone. Returns the
    new file's stat key.

    `durable` flushes the new file before the rename and its folder after it;
    a folder that refuses raises `FolderNotFlushed` (the file is in place).
    Without it nothing is flushed: for a file worth less than the time.

    `mode` is the new file's, and never more than 0o777. `owner` (user and
    group) is given to the new file when it is not the writer's own, as far as
    the system lets: an administrator rewriting a person's file leaves it
    theirs, as the shell's `>` would.

    `before_replace` runs just before the rename and may raise to call it off:
    the last moment to notice that another program saved the target, which
    writing and flushing the new bytes may have taken milliseconds to do."""
    mode &= 0o777
    temp = target.with_name(f".{target.name}{TEMP_MARK}{os.urandom(_TOKEN_HEX // 2).hex()}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), mode)
    replaced = False
    closed = False
    try:
        _lock(fd)
        if hasattr(os, "fchmod"):
            os.fchmod(fd, mode)
        if owner is not None and hasattr(os, "fchown") and owner[0] != os.geteuid():
            with contextlib.suppress(OSError):
                os.fchown(fd, *owner)
        for piece in (blob,) if isinstance(blob, bytes) else blob:
            view = memoryview(piece)
            while view:
                written = os.write(fd, view)
                view = view[written:]
        if durable:
            os.fsync(fd)
        key = stat_key(os.fstat(fd))
        if sys.platform == "win32":  # pragma: no cover - Windows cannot rename an open file
            os.close(fd)
            closed = True
        if before_replace is not None:
            before_replace()
        temp.replace(target)
        replaced = True
    finally:
        if not closed:
            os.close(fd)
        if not replaced:
            with contextlib.suppress(OSError):
                temp.unlink()
    if durable:
        try:
            fsync_folder(target.parent)
        except OSError as error:
            raise FolderNotFlushed(error, key) from error
    return key


class NamedPathError(OSError):
    """A path the person named that cannot be written as asked; `strerror`
    says why in their words."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(errno.EINVAL, reason, str(path))


def write_named(path: Path, blob: bytes, *, on_terminal: Callable[[], bytes] | None = None) -> None:
    """Write `blob` where the person said (`-o FILE`), as the shell's `>` would:

    - a regular file or a new path: the one atomic write; an existing file
      keeps its mode and owner, a new one is made private (0600);
    - a symbolic link: followed, and the file it points to written so;
    - a device or a FIFO: written through, never replaced by a file (on a
      terminal, `on_terminal()`'s bytes instead, when given);
    - a folder, a missing folder or a read-only file: `NamedPathError`
      saying so, and nothing is written.
    """
    try:
        status: os.stat_result | None = path.stat()
    except FileNotFoundError:
        status = None
    if status is not None and not stat.S_ISREG(status.st_mode):
        if stat.S_ISDIR(status.st_mode):
            raise NamedPathError(path, "it is a folder; name a file in it")
        _write_through(path, blob, on_terminal)
        return
    target = real_file(path)
    if status is None:
        folder = target.parent if path.is_symlink() else path.parent
        if not folder.is_dir():
            missing = not folder.exists()
            raise NamedPathError(
                path,
                f"the folder {folder} does not exist" if missing else f"{folder} is not a folder",
            )
        mode, owner = 0o600, None
    else:
        mode, owner = stat.S_IMODE(status.st_mode), (status.st_uid, status.st_gid)
        if not mode & stat.S_IWUSR:
            raise NamedPathError(path, f"it is read-only (mode {mode:04o}); nothing was written")
    # Written once renamed: a folder that refuses the flush after it only
    # risks the rename on a power cut.
    with contextlib.suppress(FolderNotFlushed):
        write_replace(target, blob, mode=mode, owner=owner)


def _write_through(path: Path, blob: bytes, on_terminal: Callable[[], bytes] | None) -> None:
    """Write into a device or a FIFO as it is: opening a FIFO waits for its
    reader, as the shell's `>` does."""
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        data = on_terminal() if on_terminal is not None and os.isatty(fd) else blob
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def move(source: Path, target: Path) -> None:
    """Rename `source` to `target` and flush both folders, so the move
    outlives a power cut; raises OSError (then check whether it moved)."""
    source.replace(target)
    fsync_folder(target.parent)
    fsync_folder(source.parent)


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` survive a power cut; a no-op where folders
    cannot be synced (Windows, some network file systems)."""
    if sys.platform == "win32":  # pragma: no cover
        return
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    except OSError as error:
        if error.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)


def remove_leftovers(folder: Path, pattern: re.Pattern[str]) -> list[Path]:
    """Delete temporary files a killed writer left in `folder`; a file still
    locked belongs to a writer at work and is kept. Returns what was removed."""
    removed: list[Path] = []
    try:
        candidates = [entry for entry in folder.iterdir() if pattern.match(entry.name)]
    except OSError:
        return removed
    for leftover in candidates:
        try:
            fd = os.open(leftover, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            continue
        try:
            if not _try_lock(fd):
                continue
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                continue
            leftover.unlink()
            removed.append(leftover)
        except OSError:
            continue
        finally:
            os.close(fd)
    return removed
