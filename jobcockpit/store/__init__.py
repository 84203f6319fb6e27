"""The data file: one JSON file, saved atomically after every change.

The rest of the app uses `Store`, these errors and the helpers below only; how
the file is laid out and written is the store's business (see
docs/data-file.md and docs/reliability.md). Nothing here imports Textual, so
the CLI and scripts can use it without a screen.
"""

from jobcockpit.store.backups import folder_problem, list_backups
from jobcockpit.store.conflicts import (
    CopyMerge,
    compare_conflict_copy,
    find_conflict_copies,
    merge_conflict_copy,
    retire_conflict_copy,
)
from jobcockpit.store.contents import SCHEMA_VERSION, newest_good_backup, read_board
from jobcockpit.store.errors import (
    ConflictError,
    DataFileCorrupt,
    DataFileMissing,
    DataFileNotRegular,
    DataFileTooNew,
    ReadOnlyError,
    SaveError,
    StillOpening,
    StoreError,
)
from jobcockpit.store.lock import LOCKED_ELSEWHERE
from jobcockpit.store.merge import RecordConflict, rebase
from jobcockpit.store.restore import (
    Summary,
    data_file_status,
    restore_backup,
    summarise,
    summarise_backups,
)
from jobcockpit.store.storage import AtomicJSONStorage
from jobcockpit.store.store import NEWER_FILE, Store

__all__ = [
    "LOCKED_ELSEWHERE",
    "NEWER_FILE",
    "SCHEMA_VERSION",
    "AtomicJSONStorage",
    "ConflictError",
    "CopyMerge",
    "DataFileCorrupt",
    "DataFileMissing",
    "DataFileNotRegular",
    "DataFileTooNew",
    "ReadOnlyError",
    "RecordConflict",
    "SaveError",
    "StillOpening",
    "Store",
    "StoreError",
    "Summary",
    "compare_conflict_copy",
    "data_file_status",
    "find_conflict_copies",
    "folder_problem",
    "list_backups",
    "merge_conflict_copy",
    "newest_good_backup",
    "read_board",
    "rebase",
    "restore_backup",
    "retire_conflict_copy",
    "summarise",
    "summarise_backups",
]
