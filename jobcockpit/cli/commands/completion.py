"""`jobcockpit completion`: the shell completion script, made from the parser
itself by shtab, so it always knows every command and option of this
version. docs/cli.md says where to put it."""

from __future__ import annotations

import argparse

from jobcockpit.cli.errors import OK
from jobcockpit.cli.output import write

SHELLS = ("bash", "zsh")

DESCRIPTION = (
    "Print the completion script for bash or zsh: commands, options, their choices and "
    "file names complete with Tab. Install it once (docs/cli.md), and again after an upgrade."
)
EXAMPLE = """\
examples:
  jobcockpit completion bash > ~/.local/share/bash-completion/completions/jobcockpit
  jobcockpit completion zsh > ~/.zfunc/_jobcockpit   # with fpath+=(~/.zfunc) in ~/.zshrc"""


def add_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("shell", choices=SHELLS, help="the shell: bash or zsh")


def run(args: argparse.Namespace) -> int:
    import shtab

    from jobcockpit.cli import build_parser
    from jobcockpit.cli.commands import CommandParser

    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command in action.choices.values():
                if isinstance(command, CommandParser):
                    command.load_everything()
    write(shtab.complete(parser, shell=args.shell))
    return OK
