"""Conflict copies from sync tools: found by their names, merged by a union in
which no record and no log entry of either side is lost."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
from helpers_store import Clock, application, contact, entry, full_board
from msgspec import structs

from jobcockpit.core.board import Changeset
from jobcockpit.store import (
    DataFileCorrupt,
    Store,
    compare_conflict_copy,
    find_conflict_copies,
    merge_conflict_copy,
    retire_conflict_copy,
)


def fill(store: Store) -> None:
    board = full_board()
    store.commit(
        Changeset(
            put_applications=tuple(board.applications.values()),
            put_contacts=tuple(board.contacts.values()),
            add_log=tuple(board.log.values()),
        )
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "jobs.json", create=True, clock=Clock()) as opened:
        fill(opened)
        yield opened


COPIES = [
    "jobs.sync-conflict-20261120-101500-ABCDEFG.json",
    "jobs.sync-conflict-20261121-080000-Z9Y8X7W.json",
    "jobs (Dana's conflicted copy 2026-11-20).json",
    "jobs (Dana's conflicted copy 2026-11-20) (1).json",
    "jobs (conflicted copy 2026-11-20 101500).json",
    "jobs (Sam Lee's Conflicted Copy 2026-11-22).json",
]
NOT_COPIES = [
    "jobs.json",
    ".jobs.json.lock",
    ".jobs.json.tmp-0123456789ab",
    "jobs (copy).json",
    "jobs.json.bak",
    "other.sync-conflict-20261120-101500-ABCDEFG.json",
    "other (Dana's conflicted copy 2026-11-20).json",
    "jobs.sync-conflict-20261120-101500-ABCDEFG.txt",
    "jobs (Dana's conflicted copy 2026-11-20).txt",
    "myjobs (conflicted copy 2026-11-20 101500).json",
]


def test_conflict_copies_are_found_by_their_names_newest_first(tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    path.write_bytes(b"{}")
    for age, name in enumerate(COPIES):
        (tmp_path / name).write_bytes(b"{}")
        os.utime(tmp_path / name, ns=(0, (100 - age) * 10**9))
    for name in NOT_COPIES[1:]:
        (tmp_path / name).write_bytes(b"{}")
    (tmp_path / "jobs.sync-conflict-20261120-101500-FOLDER1.json").mkdir()

    assert find_conflict_copies(path) == [tmp_path / name for name in COPIES]


def test_conflict_copies_are_looked_for_beside_the_real_file(tmp_path: Path) -> None:
    synced = tmp_path / "Sync"
    synced.mkdir()
    (synced / "jobs.json").write_bytes(b"{}")
    (synced / COPIES[0]).write_bytes(b"{}")
    link = tmp_path / "jobs.json"
    link.symlink_to(synced / "jobs.json")
    assert find_conflict_copies(link) == [synced / COPIES[0]]
    assert find_conflict_copies(tmp_path / "missing" / "jobs.json") == []


def make_copy(store: Store, name: str = COPIES[0]) -> Path:
    """What the other machine saved: a copy of the file as it was, changed."""
    assert store.path is not None
    copy = store.path.with_name(name)
    shutil.copyfile(store.path, copy)
    return copy


def edit_copy(copy: Path, change: Changeset) -> None:
    with Store.open(copy, lock=False) as other:
        other.commit(change)


def test_a_copy_merges_as_a_union_and_nothing_is_lost(store: Store) -> None:
    assert store.path is not None
    copy = make_copy(store)
    a1 = store.board.applications["a1"]
    new_contact = contact(id="c7", name="Met on the other laptop")
    edit_copy(
        copy,
        Changeset(
            put_applications=(
                structs.replace(a1, notes="their notes"),
                application(id="a7", company="Gamma Ltd", contacts=["c7"]),
            ),
            put_contacts=(new_contact,),
            add_log=(
                entry(id="l7", application="a7", contact="c7", kind="email"),
                entry(id="l8", application="a1", contact=None, kind="reply"),
                structs.replace(store.board.log["l1"], note="their note"),
            ),
        ),
    )
    store.commit(
        Changeset(
            put_applications=(structs.replace(a1, notes="our notes"),),
            add_log=(entry(id="l9", application="a2", contact=None, kind="email"),),
        )
    )
    ours_before = store.board
    copy_bytes = copy.read_bytes()

    merge = compare_conflict_copy(store, copy)
    assert merge.differing_applications == ("a1",)
    assert merge.differing_contacts == ()
    assert merge.differing_log == ("l1",)
    assert merge.differing == ("a1", "l1")
    assert merge_conflict_copy(store, copy) == merge.change
    assert "jobs.sync-conflict" in merge.change.description
    board = store.commit(merge.change)

    assert board.applications["a1"].notes == "our notes"
    assert board.log["l1"].note == ours_before.log["l1"].note
    assert board.applications["a7"].company == "Gamma Ltd"
    assert board.contacts["c7"] == new_contact
    copied = Store.open(copy, lock=False)
    with copied:
        for table in ("applications", "contacts", "log"):
            ours_ids = set(getattr(ours_before, table))
            theirs_ids = set(getattr(copied.board, table))
            assert set(getattr(board, table)) == ours_ids | theirs_ids
    assert copy.read_bytes() == copy_bytes
    saved = orjson.loads(store.path.read_bytes())
    assert {"l7", "l8", "l9", "l1"} <= set(saved["log"])

    assert not compare_conflict_copy(store, copy).change


def test_a_record_deleted_on_one_side_comes_back_from_the_copy(store: Store) -> None:
    copy = make_copy(store)
    store.commit(Changeset(delete_applications=("a2",)))
    board = store.commit(merge_conflict_copy(store, copy))
    assert "a2" in board.applications


def test_a_damaged_copy_is_named_and_left_alone(store: Store) -> None:
    copy = make_copy(store)
    copy.write_bytes(copy.read_bytes()[:-30])
    with pytest.raises(DataFileCorrupt) as raised:
        merge_conflict_copy(store, copy)
    assert str(copy) in str(raised.value)
    assert raised.value.path == copy


def test_a_merged_copy_is_retired_into_the_backups(store: Store) -> None:
    assert store.path is not None
    copy = make_copy(store)
    blob = copy.read_bytes()
    store.commit(merge_conflict_copy(store, copy))
    kept = retire_conflict_copy(store.path, copy, now=Clock()())
    assert not copy.exists()
    assert kept.parent == store.path.parent / "backups"
    assert kept.read_bytes() == blob
    assert find_conflict_copies(store.path) == []
