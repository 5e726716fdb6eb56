"""The only package that touches SQLite: the learner's database under NETLEARN_HOME.

``database`` opens it and names every read and write; ``migrations`` holds the schema;
``bulk`` is the import path; ``export``, ``forget`` and ``restore`` write and merge files.
"""

from netlearn.plumbing.errors import StoreError
from netlearn.store.common import DB_NAME, ImportResult, new_ref, utc_now
from netlearn.store.database import BUSY_TIMEOUT_S, OPTION_SEED_KEY, Store, get_store
from netlearn.store.database import (
    _stores as _stores,  # the open stores (tests and forget close them)
)
from netlearn.store.export import EXPORT_TABLES
from netlearn.store.forget import HOME_DIRECTORIES, forget
from netlearn.store.migrations import MIGRATIONS, SCHEMA_VERSION
from netlearn.store.restore import REPEATED_KEYS_BEFORE, RESTORE_KEYS, RestoreConflict

__all__ = [
    "BUSY_TIMEOUT_S", "DB_NAME", "EXPORT_TABLES", "HOME_DIRECTORIES", "MIGRATIONS",
    "OPTION_SEED_KEY", "REPEATED_KEYS_BEFORE", "RESTORE_KEYS", "SCHEMA_VERSION",
    "ImportResult", "RestoreConflict", "Store", "StoreError", "forget", "get_store", "new_ref",
    "utc_now",
]
