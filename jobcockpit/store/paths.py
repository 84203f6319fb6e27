"""Where the data file is: computed when asked, never at import.

Nothing is created here, so importing the app (or running its tests) never
leaves a folder in the user's home; the store makes the default file's folder
on first use. `JOBCOCKPIT_DB` lets scripts and tests point anywhere else.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import platformdirs

APP_NAME = "jobcockpit"
DATA_FILE_NAME = "jobcockpit.json"
ENV_VAR = "JOBCOCKPIT_DB"


def default_data_file() -> Path:
    """The user's own data file, in the platform's place for app data."""
    return platformdirs.user_data_path(APP_NAME) / DATA_FILE_NAME


def resolve_data_file(db: str | None, environ: Mapping[str, str]) -> tuple[Path, bool]:
    """The data file to use and whether the user named it (`--db` first, then
    `JOBCOCKPIT_DB`). A named file that is missing is an error for most
    commands, so an unmounted folder never looks like an empty job hunt; the
    default file is simply created. An empty value counts as not given, as an
    empty environment variable usually means "unset"."""
    for named in (db, environ.get(ENV_VAR)):
        if named is not None and named.strip():
            return Path(named).expanduser(), True
    return default_data_file(), False


def state_folder() -> Path:
    """Where jobcockpit keeps what concerns it rather than the job hunt (a
    report of an unexpected error): the platform's state folder, made only
    when something is written there."""
    return platformdirs.user_state_path(APP_NAME)
