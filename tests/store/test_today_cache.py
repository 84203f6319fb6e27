"""`jobcockpit today` gives a kept answer again only while it is the answer.

Each test compares what `today` prints with the cache to what it prints with
the cache turned off, and proves whether the data file was read (a kept answer
never opens it) by making opening it fail."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pendulum
import pytest
from conftest import NOW, Run

from jobcockpit.core.rules import AgendaMemo, agenda
from jobcockpit.store import Store

Cli = Callable[..., Run]
FORMATS = (("--json",), ("--format", "short"))


@pytest.fixture
def filled(cli: Cli, tmp_path: Path, document_file: Path) -> Path:
    db = tmp_path / "hunt.json"
    assert cli("--db", str(db), "import", str(document_file)).code == 0
    return db


def fresh(cli: Cli, monkeypatch: pytest.MonkeyPatch, *argv: str) -> Run:
    """What `today` says worked out afresh, the cache turned off."""
    with monkeypatch.context() as patch:
        patch.setenv("JOBCOCKPIT_CACHE", "off")
        return cli(*argv)


class FileRead(BaseException):
    """A data file was opened. Not an `Exception`, which the command line
    would report as an unexpected error and turn into exit code 1."""


def without_reading(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Opening a data file now fails loudly; the list names what was opened."""
    opened: list[Path] = []

    def refuse(path: Path, *args: object, **kwargs: object) -> Store:
        opened.append(path)
        raise FileRead(f"{path} was read")

    monkeypatch.setattr(Store, "open", refuse)
    return opened


def holds_until(db: Path, now: str) -> dt.datetime:
    with Store.open(db, lock=False) as store:
        memo = AgendaMemo()
        moment = pendulum.parse(now)
        assert isinstance(moment, pendulum.DateTime)
        agenda(store.board, store.settings, moment, memo=memo)
    until = memo.holds_until()
    assert until is not None
    return until


@pytest.mark.parametrize("chosen", FORMATS)
def test_a_kept_answer_is_the_fresh_answer_and_never_reads_the_file(
    cli: Cli, filled: Path, monkeypatch: pytest.MonkeyPatch, chosen: tuple[str, ...]
) -> None:
    until = holds_until(filled, NOW)
    start = pendulum.parse(NOW)
    assert isinstance(start, pendulum.DateTime)
    last = pendulum.instance(until).subtract(seconds=1).in_timezone("America/Denver")
    later = [NOW, start.add(seconds=1).isoformat(), last.isoformat()]
    expected = [
        fresh(cli, monkeypatch, "--db", str(filled), "today", "--now", at, *chosen) for at in later
    ]

    first = cli("--db", str(filled), "today", "--now", NOW, *chosen)
    opened = without_reading(monkeypatch)
    again = [cli("--db", str(filled), "today", "--now", at, *chosen) for at in later]

    assert first == expected[0]
    assert again == expected
    assert opened == []


def test_the_json_answer_carries_the_moment_asked_about(
    cli: Cli, filled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli("--db", str(filled), "today", "--now", NOW, "--json")
    without_reading(monkeypatch)
    later = "2026-11-18T10:00:07-07:00"
    assert (
        json.loads(cli("--db", str(filled), "today", "--now", later, "--json").out)["now"] == later
    )


def test_the_clock_passing_the_moment_an_answer_may_change_works_it_out_again(
    cli: Cli, filled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    until = pendulum.instance(holds_until(filled, NOW)).in_timezone("America/Denver").isoformat()
    cli("--db", str(filled), "today", "--now", NOW, "--json")
    moment = pendulum.parse(NOW)
    assert isinstance(moment, pendulum.DateTime)
    before = moment.subtract(minutes=1).isoformat()
    expected = [
        fresh(cli, monkeypatch, "--db", str(filled), "today", "--now", at, "--json")
        for at in (until, before)
    ]
    opened = without_reading(monkeypatch)
    with pytest.raises(FileRead):
        cli("--db", str(filled), "today", "--now", until, "--json")
    with pytest.raises(FileRead):
        cli("--db", str(filled), "today", "--now", before, "--json")
    assert opened == [filled, filled]
    monkeypatch.undo()
    monkeypatch.setenv("JOBCOCKPIT_CACHE", str(filled.parent / "cache"))
    assert [
        cli("--db", str(filled), "today", "--now", at, "--json") for at in (until, before)
    ] == expected


def test_a_changed_data_file_is_read_again(
    cli: Cli, filled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = cli("--db", str(filled), "today", "--now", NOW, "--format", "short")
    assert cli("--db", str(filled), "settings", "applied_wait_days", "30").code == 0

    expected = fresh(
        cli, monkeypatch, "--db", str(filled), "today", "--now", NOW, "--format", "short"
    )
    again = cli("--db", str(filled), "today", "--now", NOW, "--format", "short")

    assert expected.out != first.out
    assert again == expected


def test_a_damaged_or_foreign_cache_is_ignored_and_replaced(
    cli: Cli, filled: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    cli("--db", str(filled), "today", "--now", NOW, "--json")
    (kept,) = (tmp_path / "cache").iterdir()
    expected = fresh(cli, monkeypatch, "--db", str(filled), "today", "--now", NOW, "--json")
    for damage in (b"", b"{not json\n", kept.read_bytes()[:40], b'{"format": 1}\n{}'):
        kept.write_bytes(damage)
        assert cli("--db", str(filled), "today", "--now", NOW, "--json") == expected
    without_reading(monkeypatch)
    assert cli("--db", str(filled), "today", "--now", NOW, "--json") == expected


def test_the_cache_can_be_turned_off(
    cli: Cli, filled: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("JOBCOCKPIT_CACHE", "off")
    assert cli("--db", str(filled), "today", "--now", NOW, "--json").code == 0
    assert not (tmp_path / "cache").exists()


def test_a_move_to_another_time_zone_works_the_answer_out_again(
    cli: Cli, filled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a user_timezone setting the machine's zone is the user's: an
    answer kept in Berlin is not the answer in Los Angeles."""
    from jobcockpit.core import settings

    monkeypatch.setattr(settings, "system_zone", lambda: "Europe/Berlin")
    cli("--db", str(filled), "today", "--now", NOW, "--json")
    monkeypatch.setattr(settings, "system_zone", lambda: "America/Los_Angeles")
    expected = fresh(cli, monkeypatch, "--db", str(filled), "today", "--now", NOW, "--json")
    opened = without_reading(monkeypatch)
    with pytest.raises(FileRead):
        cli("--db", str(filled), "today", "--now", NOW, "--json")
    assert opened == [filled]
    monkeypatch.undo()
    monkeypatch.setenv("JOBCOCKPIT_CACHE", str(filled.parent / "cache"))
    monkeypatch.setattr(settings, "system_zone", lambda: "America/Los_Angeles")
    assert cli("--db", str(filled), "today", "--now", NOW, "--json") == expected
