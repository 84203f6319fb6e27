"""What the command line prints and writes.

Answers go to stdout as UTF-8 whatever the locale (exports and lists hold
names from every language); messages for the person go to stderr; a progress
bar is drawn only on a terminal; a file named with `-o` is written whole or
not at all, through the store's one atomic write.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Sequence
from pathlib import Path

from jobcockpit.cli.errors import CommandError
from jobcockpit.core.text import plain
from jobcockpit.store.files import FolderNotFlushed, write_replace

PROG = "jobcockpit"
PROGRESS_FROM_ROWS = 1000
"""An import this long shows a progress bar on a terminal."""


def write(text: str) -> None:
    """UTF-8 bytes to stdout whatever the locale: exports and lists hold names
    from every language."""
    write_bytes(text.encode("utf-8"))


def write_bytes(data: bytes) -> None:
    """UTF-8 `data` to stdout as it is (as text where stdout has no bytes)."""
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(data.decode("utf-8"))
        stream.flush()
        return
    stream.flush()
    buffer.write(data)
    buffer.flush()


def print_note(text: str) -> None:
    """A line on stderr for the person at the terminal; stdout keeps the answer."""
    print(text, file=sys.stderr)


def print_error(message: str) -> None:
    """A failure as the command line words it: the program's name first."""
    print_note(f"{PROG}: {message}")


def emit(output: str | None, text: str) -> None:
    """The answer to the `-o` file, or to stdout without one (or with `-`)."""
    if output is None or output == "-":
        write(text)
    else:
        write_file(Path(output), text)


def write_file(path: Path, text: str) -> None:
    """The whole file or none of it: an export interrupted half-way must not
    leave a backup that looks complete."""
    try:
        # Written once renamed: a folder that refuses the flush after it only
        # risks the rename on a power cut.
        with contextlib.suppress(FolderNotFlushed):
            write_replace(path, text.encode("utf-8"))
    except OSError as error:
        raise CommandError(f"cannot write {path}: {error.strerror or error}") from None


def format_of(output: str | None, formats: Sequence[str], default: str) -> str:
    """The format the `-o` file's extension names, else `default`."""
    suffix = Path(output).suffix.lower().lstrip(".") if output else ""
    suffix = {"md": "markdown"}.get(suffix, suffix)
    return suffix if suffix in formats else default


def refuse_overwriting(output: Path, data_file: Path) -> None:
    """An export in place of the data file would replace the job hunt with a file
    the store cannot read."""
    if output.resolve() == data_file.resolve():
        raise CommandError(f"{output} is the data file itself; export to another file")


class Progress:
    """A plain progress bar on stderr for a long import, drawn only on a
    terminal: a log file or a pipe gets no carriage returns."""

    WIDTH = 30

    def __init__(self, label: str) -> None:
        self.label = label
        self.stream = sys.stderr
        self.drawn = False
        self.used = False
        """Whether the bar was shown: then the later steps are told too."""

    def _live(self) -> bool:
        isatty = getattr(self.stream, "isatty", None)
        return bool(isatty and isatty())

    def __call__(self, done: int, total: int) -> None:
        if total < PROGRESS_FROM_ROWS or not self._live():
            return
        filled = self.WIDTH * done // total
        bar = "#" * filled + "." * (self.WIDTH - filled)
        self.stream.write(f"\r{plain(self.label)} [{bar}] {done}/{total} rows")
        self.stream.flush()
        self.drawn = self.used = True

    def say(self, text: str) -> None:
        if self.used:
            self.done()
            self.stream.write(f"{plain(text)}\n")
            self.stream.flush()

    def done(self) -> None:
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()
            self.drawn = False
