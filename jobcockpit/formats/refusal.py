"""The one error every importer raises: kept apart from the importers so the
command line can catch it without importing them (the cockpit starts faster)."""

from __future__ import annotations

from collections.abc import Sequence


class ImportRefused(ValueError):  # noqa: N818 (the name the team agreed on)
    """A document that cannot be imported; `problems` names each bad record."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(self.problems))
