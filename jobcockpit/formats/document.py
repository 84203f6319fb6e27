"""The `jobcockpit/1` document: a job hunt moving in and out of the cockpit.

Users bring their hunt from elsewhere, keep backups and hand proof of their
applications to a job centre; a newer jobcockpit may have written the file.
So an import is refused whole when any record is bad (a half-imported hunt is
worse than none), every bad record is named at once (fixing a file one error
per run is slow), unknown keys survive a round trip, and an export is the same
bytes for the same board, so backups diff cleanly.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any, Generic, TypeVar

import orjson

from jobcockpit.core.board import Board, Changeset
from jobcockpit.core.friendly import IMPORT_ALLOWANCE_DAYS, applied_too_late
from jobcockpit.core.links import broken_links
from jobcockpit.core.records import Application, Contact, LogEntry, RecordError
from jobcockpit.formats.refusal import ImportRefused

FORMAT = "jobcockpit/1"
SECTIONS = ("applications", "contacts", "log")


@dataclass(frozen=True, slots=True)
class Tally:
    """What an import does to one kind of record."""

    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    unchanged: int = 0


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """A checked import, ready for `Store.commit`, and what it will change."""

    change: Changeset
    applications: Tally
    contacts: Tally
    log: Tally
    extra: Mapping[str, Any] = field(default_factory=dict)
    """Top-level keys this version does not know, for a later export."""


# -- reading -------------------------------------------------------------------

MAX_DOCUMENT_BYTES = 64 * 2**20
"""The most a document (or a spreadsheet) may hold: some 45,000 applications
with their contacts and log, far beyond any job hunt, and little enough that
reading it can never exhaust the memory of the machine it runs on."""

MAX_DOCUMENT_NESTING = 100
"""How deep a document may nest: a job hunt needs five levels, and a record's
unknown keys are held to `MAX_KEPT_NESTING` of their own."""

_INT_RANGE = range(-(2**63), 2**64)
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


class _UnreadableError(ValueError):
    """What makes a document unreadable, in a person's words."""


def parse_document(text: str | bytes) -> dict[str, Any]:
    """The JSON object of a document; anything else is refused. Refused
    before any work: more than `MAX_DOCUMENT_BYTES`, nesting deeper than
    `MAX_DOCUMENT_NESTING`, a key given twice in one object (which value is
    meant cannot be told), a number past what a double or the data file
    holds, and text with lone surrogates (which is not text at all), named
    with its record and field."""
    if len(text) > MAX_DOCUMENT_BYTES:
        raise ImportRefused([too_large(len(text))])
    try:
        if isinstance(text, bytes):
            text = text.decode(json.detect_encoding(text))
        document = json.loads(
            text,
            object_pairs_hook=_object,
            parse_float=_finite,
            parse_int=_whole,
            parse_constant=_refuse_constant,
        )
    except UnicodeDecodeError as error:
        raise ImportRefused([f"not UTF-8 text: {error.reason} at byte {error.start}"]) from None
    except RecursionError:
        raise ImportRefused([_too_deep(None)]) from None
    except _UnreadableError as error:
        raise ImportRefused([str(error)]) from None
    except json.JSONDecodeError as error:
        raise ImportRefused(
            [f"not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"]
        ) from None
    except ValueError as error:
        raise ImportRefused([f"not valid JSON: {error}"]) from None
    if not isinstance(document, dict):
        raise ImportRefused([f'not a {FORMAT} document: expected a JSON object {{"format": ...}}'])
    depth = _nesting(document)
    if depth > MAX_DOCUMENT_NESTING:
        raise ImportRefused([_too_deep(depth)])
    if _SURROGATE_ESCAPE.search(text):
        surrogate = _lone_surrogate(document)
        if surrogate is not None:
            raise ImportRefused([surrogate])
    return document


def too_large(size: int) -> str:
    """The refusal of an input of `size` bytes, larger than a document may be."""
    return (
        f"it holds {size / 2**20:.1f} MiB; a document or spreadsheet may hold at most "
        f"{MAX_DOCUMENT_BYTES // 2**20} MiB"
    )


def _too_deep(depth: int | None) -> str:
    levels = f"{depth} levels" if depth is not None else "too many levels"
    return (
        f"it is nested {levels} deep; a {FORMAT} document nests at most "
        f"{MAX_DOCUMENT_NESTING} levels"
    )


def _refuse_constant(name: str) -> Any:
    """NaN and Infinity are not JSON; accepting them would write files other tools refuse."""
    raise _UnreadableError(f"not valid JSON: {name} is not a JSON number")


def _finite(text: str) -> float:
    """A number past what a double holds (1e999) would be read as infinity and
    written back as null."""
    number = float(text)
    if not math.isfinite(number):
        raise _UnreadableError(f"{text} is not a number JSON can hold (it is too large)")
    return number


def _whole(text: str) -> int:
    number = int(text)
    if number not in _INT_RANGE:
        shown = text if len(text) <= 24 else f"{text[:20]}..."
        raise _UnreadableError(f"{shown} is too large a whole number to keep exactly")
    return number


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object; a key given twice is refused, where other readers would
    silently keep one of the values."""
    made = dict(pairs)
    if len(made) < len(pairs):
        seen: set[str] = set()
        twice = next(key for key, _ in pairs if key in seen or _saw(seen, key))
        ident = made.get("id")
        where = f" (the object with id {ident!r})" if isinstance(ident, str) else ""
        raise _UnreadableError(f"the key {twice!r} is given twice in one object{where}")
    return made


def _saw(seen: set[str], key: str) -> bool:
    seen.add(key)
    return False


def _nesting(document: dict[str, Any]) -> int:
    """How many levels of objects and lists the document holds."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(document, 1)]
    while stack:
        value, depth = stack.pop()
        deepest = max(deepest, depth)
        if deepest > MAX_DOCUMENT_NESTING:
            return deepest
        children = value.values() if type(value) is dict else value
        stack.extend((child, depth + 1) for child in children if type(child) in (dict, list))
    return deepest


def _lone_surrogate(document: dict[str, Any]) -> str | None:
    """Where the document holds a lone surrogate (an escape such as \\ud800
    with no pair), named as a person finds it, or None."""
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), document)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str) and not _is_text(value):
            return f"{_place(document, path)}: holds a lone surrogate (\\ud800-\\udfff), not text"
        if isinstance(value, dict):
            for key, child in value.items():
                if not _is_text(key):
                    return f"{_place(document, path)}: has a key with a lone surrogate, not text"
                stack.append(((*path, key), child))
        elif isinstance(value, list):
            stack.extend(((*path, index), child) for index, child in enumerate(value))
    return None


def _is_text(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _place(document: Mapping[str, Any], path: tuple[str | int, ...]) -> str:
    """A place in the document as its refusals name it: "application a1:
    notes", "contact #2: best_time.days[0]", "later"."""
    if len(path) >= 2 and path[0] in _NOUNS and isinstance(path[1], int):
        noun = _NOUNS[str(path[0])]
        record = document[str(path[0])][path[1]]
        ident = record.get("id") if isinstance(record, Mapping) else None
        named = isinstance(ident, str) and ident and _is_text(ident)
        label = f"{noun} {ident}" if named else f"{noun} #{path[1] + 1}"
        rest = path[2:]
        return f"{label}: {_dotted(rest)}" if rest else label
    return _dotted(path) or "the document"


def _dotted(path: Sequence[str | int]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def plan_import(
    document: Mapping[str, Any],
    board: Board,
    *,
    description: str = "import",
    today: dt.date | None = None,
) -> ImportPlan:
    """Merge a document into `board`: records with a known id are updated, new
    ones added; a log entry already on the board is not added again.

    An update overlays the keys the document gives on the stored record: a key
    left out keeps its stored value, a key given as null clears it. Raises
    `ImportRefused` naming every bad record; nothing is half-applied.
    """
    _check_format(document)
    problems: list[str] = []
    sections = {name: _section(document, name, problems) for name in SECTIONS}

    applications = _merge_records(
        sections["applications"], board.applications, Application.from_dict, "application", problems
    )
    contacts = _merge_records(
        sections["contacts"], board.contacts, Contact.from_dict, "contact", problems
    )
    log = _merge_log(sections["log"], board, problems)
    if today is not None:
        _check_applied_days(applications, board, today, problems)

    _check_links(board, applications, contacts, log, problems)
    if problems:
        raise ImportRefused(problems)

    change = Changeset(
        put_applications=tuple(applications.put),
        put_contacts=tuple(contacts.put),
        add_log=tuple(log.put),
        delete_log=tuple(log.replaced_keys),
        description=description,
    )
    try:
        board.apply(change)
    except RecordError as error:
        raise ImportRefused([str(error)]) from None
    return ImportPlan(
        change=change,
        applications=applications.tally(),
        contacts=contacts.tally(),
        log=log.tally(),
        extra={k: v for k, v in document.items() if k != "format" and k not in SECTIONS},
    )


def _check_format(document: Mapping[str, Any]) -> None:
    given = document.get("format")
    if given == FORMAT:
        return
    if given is None:
        problem = f'format: missing; a {FORMAT} document starts with "format": "{FORMAT}"'
    elif isinstance(given, str) and given.startswith("jobcockpit/"):
        problem = f"format: {given!r} is not one this version reads (it reads {FORMAT})"
    else:
        problem = f"format: {given!r} is not {FORMAT!r}"
    raise ImportRefused([problem])


def _section(
    document: Mapping[str, Any], name: str, problems: list[str]
) -> list[tuple[int, Mapping[str, Any]]]:
    """The objects of one list, numbered as a person counts them in the file."""
    raw = document.get(name)
    if raw is None:
        return []
    if not isinstance(raw, list):
        problems.append(f"{name}: must be a list")
        return []
    noun = _NOUNS[name]
    items: list[tuple[int, Mapping[str, Any]]] = []
    for position, item in enumerate(raw):
        if isinstance(item, Mapping):
            items.append((position, item))
        else:
            problems.append(f"{noun} #{position + 1}: must be a JSON object")
    return items


_NOUNS = {"applications": "application", "contacts": "contact", "log": "log entry"}


R = TypeVar("R", Application, Contact, LogEntry)
Named = TypeVar("Named", Application, Contact)


@dataclass(slots=True)
class _Merge(Generic[R]):
    """The records a section adds or changes, and what it leaves as it is."""

    put: list[R] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    failed: set[str] = field(default_factory=set)
    """Ids given in the document whose records were refused: a link to one is
    not reported again."""
    parsed: dict[str, R] = field(default_factory=dict)
    """The section's records by id (log: by key), as they will be stored."""
    positions: dict[str, int] = field(default_factory=dict)
    replaced_keys: list[str] = field(default_factory=list)

    def tally(self) -> Tally:
        return Tally(tuple(self.added), tuple(self.updated), self.unchanged)


def _merge_records(
    items: Iterable[tuple[int, Mapping[str, Any]]],
    stored: Mapping[str, Named],
    build: Callable[[Mapping[str, Any]], Named],
    noun: str,
    problems: list[str],
) -> _Merge[Named]:
    merge: _Merge[Named] = _Merge()
    for position, raw in items:
        ident = raw.get("id")
        if isinstance(ident, str) and (ident in merge.parsed or ident in merge.failed):
            problems.append(f"{noun} {ident}: id: appears twice in the document")
            continue
        existing = stored.get(ident) if isinstance(ident, str) else None
        try:
            record = build({**existing.to_dict(), **raw} if existing else raw)
        except RecordError as error:
            problems.append(_numbered(error, noun, position))
            if isinstance(ident, str):
                merge.failed.add(ident)
            continue
        merge.parsed[record.id] = record
        merge.positions[record.id] = position
        if existing is None:
            merge.put.append(record)
            merge.added.append(record.id)
        elif record.to_dict() != existing.to_dict():
            merge.put.append(record)
            merge.updated.append(record.id)
        else:
            merge.unchanged += 1
    return merge


def _check_applied_days(
    merge: _Merge[Application], board: Board, today: dt.date, problems: list[str]
) -> None:
    """A day applied that has not come yet, on a record the import adds or
    changes, is refused as the cockpit's form refuses it (with a day's
    allowance for a file written in a zone ahead)."""
    for record in merge.put:
        stored = board.applications.get(record.id)
        if stored is not None and stored.applied_on == record.applied_on:
            continue
        day = dt.date(record.applied_on.year, record.applied_on.month, record.applied_on.day)
        problem = applied_too_late(day, today, IMPORT_ALLOWANCE_DAYS)
        if problem is not None:
            problems.append(f"application {record.id}: applied_on: {problem}")


def _numbered(error: RecordError, noun: str, position: int) -> str:
    """The error's message; a record without an id is named by its place in the file."""
    if error.record == noun:
        return f"{noun} #{position + 1}: {error.field}: {error.problem}"
    return str(error)


def _merge_log(
    items: Iterable[tuple[int, Mapping[str, Any]]], board: Board, problems: list[str]
) -> _Merge[LogEntry]:
    merge: _Merge[LogEntry] = _Merge()
    unnamed = {e.identity: e for e in board.log.values() if e.id is None}
    for position, raw in items:
        try:
            entry = LogEntry.from_dict(raw, position)
        except RecordError as error:
            problems.append(str(error))
            continue
        existing = board.log.get(entry.id) if entry.id else None
        if existing is None:
            existing = unnamed.get(entry.identity)
        if existing is not None:
            try:
                entry = LogEntry.from_dict({**existing.to_dict(), **raw}, position)
            except RecordError as error:
                problems.append(str(error))
                continue
        earlier = merge.parsed.get(entry.key)
        if earlier is not None:
            if earlier.to_dict() != entry.to_dict():
                problems.append(
                    f"{_log_name(entry, position)}: repeats log entry "
                    f"#{merge.positions[entry.key] + 1} (same id, or same application, "
                    "contact, kind and at) with other details"
                )
            continue
        merge.parsed[entry.key] = entry
        merge.positions[entry.key] = position
        if existing is None:
            merge.put.append(entry)
            merge.added.append(entry.key)
        elif entry.to_dict() != existing.to_dict():
            merge.put.append(entry)
            merge.updated.append(entry.key)
            if existing.key != entry.key or existing.application != entry.application:
                # Deleting the old entry as well tells the board to forget it in the
                # old application's log, which replacing it by key alone does not.
                merge.replaced_keys.append(existing.key)
        else:
            merge.unchanged += 1
    return merge


def _log_name(entry: LogEntry, position: int) -> str:
    return f"log entry {entry.id}" if entry.id else f"log entry #{position + 1}"


def _check_links(
    board: Board,
    applications: _Merge[Application],
    contacts: _Merge[Contact],
    log: _Merge[LogEntry],
    problems: list[str],
) -> None:
    """Every link points at a record on the board or in the document; one
    problem per record and field, naming every id it misses. A link to a
    record the document gives but that was refused is not reported again: that
    record's own problem says it."""
    links = broken_links(
        applications.parsed.values(),
        log.parsed.values(),
        known_applications=board.applications.keys()
        | applications.parsed.keys()
        | applications.failed,
        known_contacts=board.contacts.keys() | contacts.parsed.keys() | contacts.failed,
    )
    for _, same in groupby(links, key=lambda link: (id(link.record), link.field)):
        group = list(same)
        first = group[0]
        record = first.record
        if isinstance(record, Application):
            name = f"application {record.id}"
        else:
            name = _log_name(record, log.positions[record.key])
        missing = ", ".join(link.target for link in group)
        problems.append(f"{name}: {first.field}: no {first.noun} {missing}")


# -- writing -------------------------------------------------------------------


def to_document(board: Board, extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The board as a document: records sorted by id, the log by time, each
    record's known keys first and the keys this version does not know after."""
    document: dict[str, Any] = {
        "format": FORMAT,
        "applications": [
            _known_first(a.to_dict(), Application.FIELDS + Application.OPTIONAL)
            for a in sorted(board.applications.values(), key=lambda a: a.id)
        ],
        "contacts": [
            _known_first(c.to_dict(), Contact.FIELDS)
            for c in sorted(board.contacts.values(), key=lambda c: c.id)
        ],
        "log": [_known_first(e.to_dict(), LogEntry.FIELDS) for e in log_in_order(board)],
    }
    for key, value in (extra or {}).items():
        document.setdefault(key, value)
    return document


def log_in_order(board: Board) -> list[LogEntry]:
    """The whole log by time; ties broken so the order never depends on history."""
    return sorted(
        board.log.values(),
        key=lambda e: (e.at.timestamp(), e.application, e.contact or "", e.kind.value, e.key),
    )


def _known_first(data: Mapping[str, Any], known: Sequence[str]) -> dict[str, Any]:
    ordered = {key: data[key] for key in known if key in data}
    ordered.update((key, value) for key, value in data.items() if key not in ordered)
    return ordered


def dump_json(document: Mapping[str, Any]) -> str:
    """The document as a person can read and diff it: indented, keys in the
    order written. orjson makes this ~20 times faster than the json module for
    a large hunt."""
    return orjson.dumps(document, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"
