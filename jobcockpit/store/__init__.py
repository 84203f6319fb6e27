"""The data file: one JSON file, saved atomically after every change.

The rest of the app uses `Store` and these errors only; how the file is laid
out and written is the store's business (see docs/data-file.md). Nothing here
imports Textual, so the CLI and scripts can use it without a screen.
"""

from jobcockpit.store.errors import (
    DataFileCorrupt,
    DataFileMissing,
    DataFileTooNew,
    ReadOnlyError,
    SaveError,
    StoreError,
)
from jobcockpit.store.storage import AtomicJSONStorage
from jobcockpit.store.store import (
    NEWER_FILE,
    SCHEMA_VERSION,
    Store,
    list_backups,
    newest_good_backup,
    restore_backup,
)

__all__ = [
    "NEWER_FILE",
    "SCHEMA_VERSION",
    "AtomicJSONStorage",
    "DataFileCorrupt",
    "DataFileMissing",
    "DataFileTooNew",
    "ReadOnlyError",
    "SaveError",
    "Store",
    "StoreError",
    "list_backups",
    "newest_good_backup",
    "restore_backup",
]
