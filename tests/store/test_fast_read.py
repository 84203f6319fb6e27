"""The data file read straight from its bytes into records, and saved a
record at a time: the same records, the same errors word for word, and the
same TinyDB file as the checked way that parses the whole file first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest
from helpers_store import Clock, contact, file_document
from msgspec import structs
from tinydb import TinyDB
from tinydb.storages import JSONStorage
from tinydb.table import Table

from jobcockpit.core.board import Changeset
from jobcockpit.store import DataFileCorrupt, Store, StoreError, contents, tables


def document() -> dict[str, Any]:
    return file_document()


def write(path: Path, data: Any) -> bytes:
    blob = orjson.dumps(data)
    path.write_bytes(blob)
    return blob


def checked_way_only(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(blob: bytes, board_first: bool) -> Any:
        raise contents._Slow

    monkeypatch.setattr(contents, "_fast_way", refuse)


def test_the_fast_way_and_the_checked_way_read_the_same_records(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "jobs.json"
    data = document()
    data["x_future_table"] = {"1": {"kept": True}}
    write(path, data)
    with Store.open(path) as fast:
        board = fast.board
    checked_way_only(monkeypatch)
    with Store.open(path) as checked:
        assert checked.board.applications == board.applications
        assert checked.board.contacts == board.contacts
        assert checked.board.log == board.log
        for key, record in checked.board.contacts.items():
            assert record.extra == board.contacts[key].extra


def test_a_number_too_large_for_64_bits_reads_as_the_checked_way_reads_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "jobs.json"
    big = b'"n": 1' + b"0" * 30 + b', "role":'
    path.write_bytes(orjson.dumps(document()).replace(b'"role":', big, 1))
    with Store.open(path) as fast:
        extra = fast.board.contacts["c1"].extra
    checked_way_only(monkeypatch)
    with Store.open(path) as checked:
        assert checked.board.contacts["c1"].extra == extra
    assert extra["n"] == 1e30


def bad(where: tuple[str, ...], value: Any) -> dict[str, Any]:
    data = document()
    place: Any = data
    for key in where[:-1]:
        place = place[key]
    place[where[-1]] = value
    return data


def nested(depth: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(depth):
        value = [value]
    return value


BAD_FILES: dict[str, bytes] = {
    "bad-date": orjson.dumps(bad(("applications", "a1", "applied_on"), "soon")),
    "blank-contact-id": orjson.dumps(document()).replace(b'"c2"', b'"  "'),
    "blank-application-id": orjson.dumps(document()).replace(b'"a2"', b'"\\t"'),
    "bad-zone": orjson.dumps(bad(("contacts", "c1", "timezone"), "Mars/Base")),
    "no-offset": orjson.dumps(bad(("log", "l1", "at"), "2026-11-20T16:00:00")),
    "dangling": orjson.dumps(bad(("log", "l1", "application"), "a404")),
    "wrong-key": orjson.dumps(bad(("applications", "a1", "id"), "a7")),
    "too-deep": orjson.dumps(bad(("contacts", "c1", "x_deep"), nested(40))),
    "table-a-list": orjson.dumps(bad(("contacts",), [1, 2])),
    "document-text": orjson.dumps(bad(("log", "l1"), "text")),
    "later-table-a-list": orjson.dumps(
        {**bad(("applications", "a1", "applied_on"), "soon"), "x": []}
    ),
    "bad-setting": orjson.dumps(bad(("meta", "1", "settings"), {"max_voicemails": "lots"})),
    "lone-surrogate": orjson.dumps(document()).replace(b'"Dana Ruiz"', b'"Dana \\ud800"'),
    "bad-utf8": orjson.dumps(document()).replace(b'"Dana Ruiz"', b'"Dana \xff"'),
    "trailing": orjson.dumps(document()) + b" x",
    "cut-short": orjson.dumps(document())[:-40],
}


@pytest.mark.parametrize("blob", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_a_bad_file_is_named_word_for_word_as_the_checked_way_names_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, blob: bytes
) -> None:
    path = tmp_path / "jobs.json"
    path.write_bytes(blob)
    with pytest.raises(StoreError) as fast:
        Store.open(path)
    with pytest.raises(StoreError) as later:
        Store.open(path, board_first=True).finish_opening()

    checked_way_only(monkeypatch)
    with pytest.raises(StoreError) as checked:
        Store.open(path)

    assert str(fast.value) == str(checked.value)
    assert str(later.value) == str(checked.value)
    assert type(fast.value) is type(checked.value)
    if isinstance(checked.value, DataFileCorrupt):
        assert isinstance(fast.value, DataFileCorrupt)
        assert (fast.value.record, fast.value.field) == (checked.value.record, checked.value.field)
    assert path.read_bytes() == blob


def test_a_change_encodes_the_records_it_changes_and_no_other(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "jobs.json"
    data = document()
    for n in range(200):
        data["applications"][f"b{n}"] = {**data["applications"]["a1"], "id": f"b{n}"}
    write(path, data)
    encoded: list[dict[str, Any]] = []
    real = tables.encode

    def counting(document: Any) -> bytes:
        encoded.append(document)
        return real(document)

    monkeypatch.setattr(contents, "encode", counting)
    monkeypatch.setattr(tables, "encode", counting)
    with Store.open(path, clock=Clock()) as store:
        for n, text in enumerate(("first", "second", "third")):
            app = store.board.applications[f"b{n}"]
            store.commit(Changeset(put_applications=(structs.replace(app, notes=text),)))

    assert [d["notes"] for d in encoded] == ["first", "second", "third"]
    on_disk = orjson.loads(path.read_bytes())
    assert [on_disk["applications"][f"b{n}"]["notes"] for n in range(3)] == [
        "first",
        "second",
        "third",
    ]
    expected = {**data["applications"]["b3"]}
    assert on_disk["applications"]["b3"] == expected
    assert on_disk["contacts"] == data["contacts"]
    assert on_disk["log"] == data["log"]
    assert list(on_disk["applications"]) == list(data["applications"])


def test_a_record_with_keys_of_its_own_keeps_them_when_its_table_changes(
    tmp_path: Path,
) -> None:
    path = tmp_path / "jobs.json"
    data = document()
    kept = data["contacts"]["c1"]
    assert kept["pronouns"] == "she/her"
    write(path, data)
    with Store.open(path, clock=Clock()) as store:
        store.commit(Changeset(put_contacts=(contact(id="c9", name="Sam Lee"),)))
        store.commit(Changeset(delete_contacts=("c9",)))
        store.commit(Changeset(put_contacts=(contact(id="c8", name="Ana Lima"),)))

    on_disk = orjson.loads(path.read_bytes())
    assert on_disk["contacts"]["c1"] == kept
    assert on_disk["contacts"]["c8"]["name"] == "Ana Lima"
    assert "c9" not in on_disk["contacts"]
    with Store.open(path) as again:
        assert again.board.contacts["c1"].extra == {
            "pronouns": "she/her",
            "x_future": {"nested": [1, 2.5, None, True, "ü"]},
        }


class _ById(Table):
    document_id_class = str  # type: ignore[assignment]


def test_the_file_stays_a_tinydb_database(tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    write(path, document())
    with Store.open(path, clock=Clock()) as store:
        app = store.board.applications["a1"]
        store.commit(Changeset(put_applications=(structs.replace(app, notes="moved"),)))
        board = store.board

    TinyDB.table_class = _ById
    try:
        db = TinyDB(path, storage=JSONStorage, access_mode="r")
        applications: dict[object, Any] = {
            doc.doc_id: dict(doc) for doc in db.table("applications").all()
        }
        logged: dict[object, Any] = {doc.doc_id: dict(doc) for doc in db.table("log").all()}
        db.close()
    finally:
        TinyDB.table_class = Table
    assert applications == {a.id: a.to_dict() for a in board.applications.values()}
    assert logged == {key: e.to_dict() for key, e in board.log.items()}
