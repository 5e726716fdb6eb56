"""Forgetting: delete everything netlearn wrote under NETLEARN_HOME, and nothing else."""

from __future__ import annotations

from pathlib import Path

from netlearn.plumbing.paths import data_home
from netlearn.store.common import DB_NAME
from netlearn.store.database import _stores

# What netlearn writes under NETLEARN_HOME besides the database: exports, backups, uploads
# being imported, summaries a facilitator handed in, and the content-validation cache.
HOME_DIRECTORIES = ("exports", "backups", "uploads", "cohort-uploads", "cache")


def forget(home=None) -> list[Path]:
    """Delete everything netlearn wrote under NETLEARN_HOME; return what was removed.

    The database (with its WAL files) and netlearn's own folders in it
    (:data:`HOME_DIRECTORIES`); anything else the learner put there is left alone.
    """
    import shutil

    path = Path(home) if home is not None else data_home()
    store = _stores.pop(path, None)
    if store is not None:
        store.close()
    removed = []
    for name in (DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm", DB_NAME + "-journal"):
        target = path / name
        if target.exists():
            target.unlink()
            removed.append(target)
    for name in HOME_DIRECTORIES:
        target = path / name
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
            removed.append(target)
    return removed
