"""What `jobcockpit notify` has already sent, so it never sends it twice.

A timer runs `notify` every few minutes; each run may only send what no
earlier run sent. The keys of the reminders sent are kept in the user's state
folder, one file per data file, written with the store's atomic write (a
crash leaves the old list or the new one, never half of each). A reminder is
written down before it is sent: after a crash between the two it is missed
once rather than sent twice. Runs of `notify` take turns through a lock on
the folder, so two at once cannot both send the same reminder. Entries whose
reminder can no longer come round are dropped.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import orjson
import platformdirs

from jobcockpit.store.files import FolderNotFlushed, write_replace
from jobcockpit.store.paths import APP_NAME

ENV_VAR = "JOBCOCKPIT_STATE"
FORMAT = 1


def state_folder(environ: Mapping[str, str]) -> Path:
    """Where jobcockpit keeps what it must remember between runs (not data:
    losing it costs at most a repeated reminder); `JOBCOCKPIT_STATE` names
    another folder."""
    chosen = environ.get(ENV_VAR, "").strip()
    if chosen:
        return Path(chosen).expanduser()
    return platformdirs.user_state_path(APP_NAME)


@dataclass(slots=True)
class Reminded:
    """The reminders sent for one data file: key to the moment after which
    it cannot come round again."""

    path: Path
    data_file: str
    sent: dict[str, str] = field(default_factory=dict)
    last_run: str | None = None

    def is_new(self, key: str) -> bool:
        return key not in self.sent

    def record(self, now: dt.datetime, current: Iterable[tuple[str, dt.datetime]]) -> None:
        """Note the reminders due now (sent now or before), keep each as long as
        it may come round, forget those that cannot any more, and save."""
        for key, until in current:
            moment = until.astimezone(dt.UTC).isoformat()
            self.sent[key] = max(self.sent.get(key, moment), moment)
        horizon = now.astimezone(dt.UTC).isoformat()
        self.sent = {key: until for key, until in self.sent.items() if until >= horizon}
        self.last_run = now.isoformat()
        document = {
            "format": FORMAT,
            "data_file": self.data_file,
            "last_run": self.last_run,
            "sent": dict(sorted(self.sent.items())),
        }
        blob = orjson.dumps(document, option=orjson.OPT_INDENT_2) + b"\n"
        # In place once renamed: a folder that refuses the flush only risks
        # the rename on a power cut, which costs a repeated reminder at most.
        with contextlib.suppress(FolderNotFlushed):
            write_replace(self.path, blob)


@contextlib.contextmanager
def reminded(data_file: Path, environ: Mapping[str, str]) -> Iterator[Reminded]:
    """What was sent for `data_file`, held under the folder's lock until the
    block ends. A missing or unreadable file reads as nothing sent yet."""
    folder = state_folder(environ)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    name = str(data_file.resolve())
    digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    path = folder / f"reminded-{digest}.json"
    with _folder_lock(folder):
        memory = Reminded(path, name)
        try:
            raw = orjson.loads(path.read_bytes())
        except (OSError, orjson.JSONDecodeError):
            raw = None
        if isinstance(raw, dict) and raw.get("format") == FORMAT:
            sent = raw.get("sent")
            if isinstance(sent, dict):
                memory.sent = {str(k): str(v) for k, v in sent.items()}
            last = raw.get("last_run")
            memory.last_run = last if isinstance(last, str) else None
        yield memory


@contextlib.contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    if sys.platform == "win32":  # pragma: no cover - flock is POSIX-only
        yield
        return
    import fcntl

    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)
