"""`jobcockpit today`'s answer, kept between runs while it holds.

A status bar or a shell prompt runs `today` every few seconds; at 10,000
applications reading the file and judging every pair takes over a second. The
answer only changes when the data file changes or when the clock passes the
first moment a verdict or a task may change (`AgendaMemo.holds_until`), so the
machine-readable answers (`--json`, `--format short`) are kept in the user's
cache folder, one file per data file, and given again while:

- the data file is the very same file (device, inode, size, times: every save
  replaces the file, so any change makes a new one; the settings live in it);
- the machine's time zone is the same (the user's zone when no setting names
  one);
- the moment asked about lies in the span the answer was worked out for;
- it was written by this version of jobcockpit.

Anything else, and any trouble reading or writing the cache, means working the
answer out afresh: the cache can make `today` faster, never different. It is
never fsynced (losing it costs one slow run) and holds nothing the data file
does not; `JOBCOCKPIT_CACHE` names another folder, `JOBCOCKPIT_CACHE=off`
turns it off.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import orjson
import platformdirs

from jobcockpit import __version__
from jobcockpit.core import settings
from jobcockpit.store.files import write_replace
from jobcockpit.store.paths import APP_NAME

ENV_VAR = "JOBCOCKPIT_CACHE"
FORMAT = 2
"""2: the JSON kept as printed, names escaped where a terminal acts on them."""
FORGET_AFTER = dt.timedelta(days=14)
"""An answer not written again for this long is removed: it holds names from
a data file, and a data file deleted long ago must not leave them behind."""


@dataclass(frozen=True, slots=True)
class Kept:
    """A kept answer: the `--json` document with its `now` cut out, and the
    short line (which reads the clock only through the verdicts and tasks)."""

    zone: str
    """The user's zone when it was worked out (the settings are in the file)."""
    head: bytes
    tail: bytes
    """The document is `head`, the quoted `now`, then `tail`."""
    short: str


def folder(environ: Mapping[str, str]) -> Path | None:
    chosen = environ.get(ENV_VAR, "").strip()
    if chosen.lower() == "off":
        return None
    if chosen:
        return Path(chosen).expanduser()
    return platformdirs.user_cache_path(APP_NAME) / "today"


def identity(data: Path) -> list[int] | None:
    """The data file's identity now (None when it cannot be seen): hand it to
    `write` after reading the file."""
    try:
        status = data.stat()
    except OSError:
        return None
    return [
        status.st_dev,
        status.st_ino,
        status.st_size,
        status.st_mtime_ns,
        status.st_ctime_ns,
    ]


_ENTRY = re.compile(r"^[0-9a-f]{32}\.json$")


def _entry(place: Path, data: Path) -> Path:
    import hashlib  # only when a cache is in use

    name = hashlib.sha256(str(data.resolve()).encode("utf-8", "surrogatepass")).hexdigest()
    return place / f"{name[:32]}.json"


def read(data: Path, now: dt.datetime, environ: Mapping[str, str]) -> Kept | None:
    """The answer kept for `data` at `now`, or None."""
    place = folder(environ)
    file = identity(data)
    if place is None or file is None:
        return None
    try:
        raw = _entry(place, data).read_bytes()
        header_bytes, _, body = raw.partition(b"\n")
        header = orjson.loads(header_bytes)
        if (
            header.get("format") != FORMAT
            or header.get("version") != __version__
            or header.get("file") != file
            or header.get("system_zone") != settings.system_zone()
        ):
            return None
        instant = _microseconds(now)
        until = header["until"]
        if not header["since"] <= instant or (until is not None and instant >= until):
            return None
        split = int(header["now_at"])
        end = int(header["now_end"])
        if not 0 <= split <= end <= len(body):
            return None
        return Kept(str(header["zone"]), body[:split], body[end:], str(header["short"]))
    except (OSError, ValueError, KeyError, TypeError, orjson.JSONDecodeError):
        return None


def write(
    data: Path,
    identity_before: list[int] | None,
    *,
    since: dt.datetime,
    until: dt.datetime | None,
    zone: str,
    document: bytes,
    now_text: bytes,
    short: str,
    environ: Mapping[str, str],
) -> None:
    """Keep an answer worked out from `data` as it was when `identity_before`
    was taken (nothing is kept if the file changed while it was read)."""
    place = folder(environ)
    if place is None or identity_before is None or identity(data) != identity_before:
        return
    split = document.find(now_text)
    if split < 0:
        return
    header = {
        "format": FORMAT,
        "version": __version__,
        "file": identity_before,
        "since": _microseconds(since),
        "until": _microseconds(until) if until is not None else None,
        "zone": zone,
        "system_zone": settings.system_zone(),
        "now_at": split,
        "now_end": split + len(now_text),
        "short": short,
    }
    try:
        place.mkdir(parents=True, exist_ok=True)
        write_replace(_entry(place, data), (orjson.dumps(header), b"\n", document), durable=False)
    except OSError:
        return
    _forget_old(place)


def _forget_old(place: Path) -> None:
    """Remove the answers nobody asked for in `FORGET_AFTER`: their data files
    are gone, moved or no longer used."""
    limit = time.time() - FORGET_AFTER.total_seconds()
    try:
        entries = [entry for entry in place.iterdir() if _ENTRY.match(entry.name)]
    except OSError:
        return
    for entry in entries:
        with contextlib.suppress(OSError):
            if entry.stat().st_mtime < limit:
                entry.unlink()


def _microseconds(moment: dt.datetime) -> int:
    """Whole microseconds since the epoch, exact for any aware datetime."""
    return calendar.timegm(moment.utctimetuple()) * 1_000_000 + moment.microsecond
