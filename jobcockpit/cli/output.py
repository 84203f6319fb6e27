"""What the command line prints and writes.

Everything meant for a terminal goes through the one safe-text rule
(`core.text`): escape sequences and bidi controls never reach it, whatever a
record, a file name or an imported id holds. Messages and lists for the
person are written in the terminal's own encoding, a character it cannot show
becoming `?`; answers for programs (an export, a report, `today --json`) are
UTF-8 whatever the locale. A file named with `-o` is written as the shell's
`>` would (`store.files.write_named`); a progress bar is drawn only on a
terminal.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from jobcockpit.cli.errors import CommandError
from jobcockpit.core.text import plain, terminal_json, terminal_text
from jobcockpit.store.errors import describe
from jobcockpit.store.files import write_named

PROG = "jobcockpit"
PROGRESS_FROM_ROWS = 1000
"""An import this long shows a progress bar on a terminal."""


def write(text: str) -> None:
    """Text for the person to stdout, in the terminal's encoding."""
    _put(sys.stdout, terminal_text(text))


def write_answer(text: str, *, json: bool = False) -> None:
    """An answer for a program (an export, a report, `today --json`) to stdout,
    UTF-8 whatever the locale: exports and lists hold names from every
    language. JSON keeps every character, escaped where a terminal would act
    on it; other text leaves those out (`-o FILE` keeps them)."""
    safe = terminal_json(text) if json else terminal_text(text)
    _put(sys.stdout, safe, "utf-8")


def write_bytes(data: bytes) -> None:
    """UTF-8 `data`, already safe for a terminal, to stdout as it is."""
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(data.decode("utf-8"))
        stream.flush()
        return
    stream.flush()
    buffer.write(data)
    buffer.flush()


def after_saving(text: str) -> None:
    """What a command says once its change is saved: a reader that went away
    (`import ... | head -1`) or a terminal that is gone cannot undo the save,
    so it must not turn the exit code into a failure either."""
    try:
        write(text)
    except OSError:
        silence_stdout()


def silence_stdout() -> None:
    """A reader that went away (`today | head`) is not an error worth a
    traceback when Python flushes stdout on the way out."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def print_note(text: str) -> None:
    """A line on stderr for the person at the terminal; stdout keeps the answer."""
    _put(sys.stderr, terminal_text(text) + "\n")


def print_error(message: str) -> None:
    """A failure as the command line words it: the program's name first."""
    print_note(f"{PROG}: {message}")


def ask(question: str) -> bool:
    """Ask a yes/no question on the terminal; only yes is yes."""
    write(f"{question} [y/N] ")
    try:
        answer = input()
    except EOFError:
        answer = ""
    return answer.strip().lower() in ("y", "yes")


def _put(stream: TextIO, text: str, encoding: str | None = None) -> None:
    """`text` to `stream`, in `encoding` (else the stream's own) with a
    replacement for what it cannot encode: a name the terminal cannot show is
    no reason to fail, least of all after a save."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(text)
        stream.flush()
        return
    chosen = encoding or getattr(stream, "encoding", None) or "utf-8"
    stream.flush()
    buffer.write(text.encode(chosen, errors="replace"))
    buffer.flush()


def emit(output: str | None, text: str, *, json: bool = False) -> None:
    """The answer to the `-o` file, or to stdout without one (or with `-`, or
    a name for stdout itself such as /dev/stdout)."""
    if output is None or output == "-" or _is_stdout(Path(output)):
        write_answer(text, json=json)
        return
    path = Path(output)
    safe = terminal_json(text) if json else terminal_text(text)
    try:
        write_named(path, text.encode("utf-8"), on_terminal=lambda: safe.encode("utf-8"))
    except OSError as error:
        raise CommandError(f"cannot write {plain(str(path))}: {describe(error)}") from None


def _is_stdout(path: Path) -> bool:
    """Whether `path` names the very file this process's stdout is (/dev/stdout,
    /dev/fd/1, a link to one): written to as stdout, never replaced."""
    try:
        named = path.stat()
        ours = os.fstat(sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        return False
    return (named.st_dev, named.st_ino) == (ours.st_dev, ours.st_ino)


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
