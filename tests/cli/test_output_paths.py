"""`-o FILE` as the shell's `>` would take it: a regular file or a new path
is written whole or not at all and keeps its mode, a device, a FIFO or the
standard output is written through, a symbolic link is followed, and a
folder or a missing folder is a clear error. Through the real entry point."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO

import pytest
from conftest import Run

Cli = Callable[..., Run]

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX paths only")


@pytest.fixture
def db(cli: Cli, tmp_path: Path, document_file: Path) -> Path:
    path = tmp_path / "hunt.json"
    assert cli("--db", str(path), "import", str(document_file)).code == 0
    return path


def exported(cli: Cli, db: Path, *argv: str) -> Run:
    return cli("--db", str(db), "export", *argv)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def null_device(tmp_path: Path) -> Path:
    """A character device that discards what it is given: as root, a twin of
    /dev/null made for the test (a regression then harms no other program on
    the machine); otherwise /dev/null itself, which a user cannot replace."""
    if os.geteuid() != 0:
        return Path(os.devnull)
    twin = tmp_path / "null"
    null = Path(os.devnull).stat()
    os.mknod(twin, stat.S_IFCHR | 0o666, null.st_rdev)
    twin.chmod(0o666)  # mknod's mode passes through the umask
    return twin


def test_a_device_is_written_through_and_stays_a_device(
    cli: Cli, db: Path, null_device: Path
) -> None:
    result = exported(cli, db, "-o", str(null_device))
    report = cli("--db", str(db), "report", "--format", "csv", "-o", str(null_device))

    assert result.code == 0, result.err
    assert report.code == 0, report.err
    assert stat.S_ISCHR(null_device.stat().st_mode)
    assert mode(null_device) == 0o666


def test_a_fifo_is_written_through_to_its_reader(cli: Cli, db: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read() -> None:
        with fifo.open("rb") as reader:
            received.append(reader.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    result = exported(cli, db, "-o", str(fifo))
    reader.join(timeout=10)

    assert result.code == 0, result.err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert json.loads(received[0])["format"] == "jobcockpit/1"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".pipe")] == []


def test_an_existing_file_keeps_its_mode(cli: Cli, db: Path, tmp_path: Path) -> None:
    for wanted in (0o644, 0o640, 0o600):
        target = tmp_path / f"shared-{wanted:o}.json"
        target.write_text("old")
        target.chmod(wanted)

        result = exported(cli, db, "-o", str(target))

        assert result.code == 0, result.err
        assert mode(target) == wanted
        assert json.loads(target.read_text())["format"] == "jobcockpit/1"


def test_a_new_file_is_private_and_the_folder_holds_nothing_else(
    cli: Cli, db: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "hunt.csv"

    result = exported(cli, db, "-o", str(target))

    assert result.code == 0, result.err
    assert mode(target) == 0o600
    assert [p.name for p in folder.iterdir()] == ["hunt.csv"]


def test_a_symlink_is_followed_and_stays_a_link(cli: Cli, db: Path, tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    real.chmod(0o640)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    dangling = tmp_path / "dangling.json"
    dangling.symlink_to(tmp_path / "made-by-export.json")

    result = exported(cli, db, "-o", str(link))
    made = exported(cli, db, "-o", str(dangling))

    assert result.code == 0, result.err
    assert made.code == 0, made.err
    assert link.is_symlink()
    assert dangling.is_symlink()
    assert json.loads(real.read_text())["format"] == "jobcockpit/1"
    assert mode(real) == 0o640
    assert json.loads((tmp_path / "made-by-export.json").read_text())["format"] == "jobcockpit/1"


def test_a_folder_is_a_clear_error(cli: Cli, db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()

    result = exported(cli, db, "-o", str(folder))

    assert result.code == 1
    assert f"cannot write {folder}: it is a folder" in result.err
    assert "Traceback" not in result.err
    assert list(folder.iterdir()) == []


def test_a_missing_folder_is_a_clear_error(cli: Cli, db: Path, tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "hunt.json"

    result = exported(cli, db, "-o", str(target))
    report = cli("--db", str(db), "report", "-o", str(target))

    for refused in (result, report):
        assert refused.code == 1
        assert f"cannot write {target}: the folder {target.parent} does not exist" in refused.err
    assert not target.parent.exists()


def test_a_read_only_file_is_refused_not_replaced(cli: Cli, db: Path, tmp_path: Path) -> None:
    target = tmp_path / "kept.json"
    target.write_text("keep me")
    target.chmod(0o444)

    result = exported(cli, db, "-o", str(target))

    assert result.code == 1
    assert f"cannot write {target}: it is read-only" in result.err
    assert target.read_text() == "keep me"
    assert mode(target) == 0o444


def test_dash_is_stdout(cli: Cli, db: Path) -> None:
    result = exported(cli, db, "-o", "-")

    assert result.code == 0, result.err
    assert json.loads(result.out)["format"] == "jobcockpit/1"


def _run(
    argv: list[str], home: Path, *, stdout: int | IO[bytes] = subprocess.PIPE
) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("JOBCOCKPIT")}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), TZ="UTC")
    env["JOBCOCKPIT_CACHE"] = "off"
    return subprocess.run(
        [sys.executable, "-m", "jobcockpit", *argv],
        env=env,
        timeout=60,
        check=False,
        stdout=stdout,
        stderr=subprocess.PIPE,
    )


@pytest.fixture(params=["/dev/stdout", "own link"])
def stdout_path(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """/dev/stdout, and a link of the test's own made the same way (to the
    process's descriptor 1), which a regression may replace harmlessly."""
    if request.param == "/dev/stdout":
        return Path("/dev/stdout")
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    return link


@pytest.mark.skipif(not Path("/proc/self/fd/1").exists(), reason="needs /proc")
def test_stdout_by_name_is_written_through_to_a_pipe_and_to_a_redirected_file(
    db: Path, home: Path, tmp_path: Path, stdout_path: Path
) -> None:
    piped = _run(["--db", str(db), "export", "-o", str(stdout_path)], home)

    assert piped.returncode == 0, piped.stderr
    assert json.loads(piped.stdout)["format"] == "jobcockpit/1"
    assert stdout_path.is_symlink()

    redirected = tmp_path / "redirected.md"
    with redirected.open("wb") as out:
        to_file = _run(["--db", str(db), "report", "-o", str(stdout_path)], home, stdout=out)
    assert to_file.returncode == 0
    assert redirected.read_text(encoding="utf-8").startswith("# Applications and follow-ups")
    assert stdout_path.is_symlink()
