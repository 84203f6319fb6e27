"""How a command ends: its exit code, and the one exception for a failure the
command line expects (a bad file, a missing data file, a bad value)."""

from __future__ import annotations

OK = 0
BAD_INPUT = 1
"""Bad input or data: one message on stderr, never a traceback."""
USAGE = 2
"""A command line that does not parse, or asks for what cannot be done."""


class CommandError(Exception):
    """An expected failure: the message for stderr and the exit code."""

    def __init__(self, message: str, code: int = BAD_INPUT) -> None:
        super().__init__(message)
        self.code = code
