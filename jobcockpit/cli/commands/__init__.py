"""The commands, by name, each in a module of its own.

A command's module holds its `DESCRIPTION`, its `EXAMPLE` (the end of its
`--help`), `add_options` (its options, beside the code that reads them) and
`run`; adding a command is that module and one
line in `COMMANDS`. A module is imported only when its command runs or its
help is asked for: `jobcockpit --help` needs only the summaries below, and a
command never loads another's formats (the spreadsheet reader, the proof
report, the calendar). With no command, `cockpit` runs.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol, cast

from jobcockpit.cli.arguments import add_data_file


@dataclass(frozen=True, slots=True)
class Command:
    module: str
    """Its module in this package."""
    summary: str
    """Its line in `jobcockpit --help`."""


COMMANDS: dict[str, Command] = {
    "import": Command(
        "importing",
        "merge a jobcockpit/1 JSON document or a spreadsheet (CSV) into the data file",
    ),
    "export": Command(
        "export",
        "write the job hunt as a jobcockpit/1 JSON document, a CSV table or a calendar",
    ),
    "today": Command("today", "who is safe to call today, and why"),
    "report": Command("report", "proof of applications for a job centre, as Markdown or CSV"),
    "settings": Command("settings", "list, show or change a setting"),
    "restore": Command("restore", "put a backup in place of the data file"),
    "draft": Command(
        "draft", "a draft of a follow-up message (thank-you, courtesy note, e-mail) to send"
    ),
    "notify": Command(
        "notify", "a desktop notification for each call window that opened and task now due"
    ),
    "completion": Command("completion", "print the shell completion script for bash or zsh"),
}
"""In the order `jobcockpit --help` lists them."""

COCKPIT = "cockpit"
"""The module that runs when no command is given."""


class _Runs(Protocol):
    def run(self, args: argparse.Namespace) -> int: ...


class CommandModule(_Runs, Protocol):
    DESCRIPTION: str
    EXAMPLE: str

    def add_options(self, parser: argparse.ArgumentParser) -> None: ...


def _module(name: str) -> object:
    return importlib.import_module(f"{__name__}.{name}")


def load(name: str) -> CommandModule:
    """The module of the command `name`."""
    return cast(CommandModule, _module(COMMANDS[name].module))


def runner(name: str | None) -> Callable[[argparse.Namespace], int]:
    """What runs for the command `name`: the cockpit for None."""
    module = cast(_Runs, _module(COMMANDS[name].module if name is not None else COCKPIT))
    return module.run


class CommandParser(argparse.ArgumentParser):
    """A command's parser, which takes in its command's description and
    options the first time it parses or prints its help."""

    def __init__(self, *, command: str, **options: Any) -> None:
        super().__init__(**options)
        self._command = command
        self._loaded = False

    def _load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        module = load(self._command)
        self.description = module.DESCRIPTION
        self.epilog = module.EXAMPLE
        module.add_options(self)

    def parse_known_args(
        self, args: Iterable[str] | None = None, namespace: Any = None
    ) -> tuple[Any, list[str]]:
        self._load()
        return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        self._load()
        return super().format_usage()

    def format_help(self) -> str:
        self._load()
        return super().format_help()

    def load_everything(self) -> None:
        """Take in the command's options now (for a completion script, which
        must know them all)."""
        self._load()


class ExampleFormatter(argparse.HelpFormatter):
    """Help text wrapped as usual, except the examples at its end, which are
    command lines and keep their lines."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if text.startswith("example"):
            return "\n".join(indent + line for line in text.splitlines())
        return super()._fill_text(text, width, indent)


def add_commands(parser: argparse.ArgumentParser) -> None:
    """Every command under `parser`; the one given ends up as `command` in the
    parsed arguments (None when there is none)."""
    commands = parser.add_subparsers(
        title="commands", metavar="COMMAND", dest="command", parser_class=CommandParser
    )
    for name, command in COMMANDS.items():
        command_parser = commands.add_parser(
            name, help=command.summary, command=name, formatter_class=ExampleFormatter
        )
        add_data_file(command_parser, after_command=True)
