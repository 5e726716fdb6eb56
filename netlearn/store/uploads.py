"""The private folder uploads are read from, and what a killed kernel left in it."""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

#: Each upload's folder under ``NETLEARN_HOME/uploads`` starts so, and holds this file
#: with the id of the process reading it.
FOLDER_PREFIX = "import-"
OWNER_FILE = ".owner"


def uploads_dir(home) -> Path:
    """Return ``home/uploads``, created with permissions 0700 (private to the learner)."""
    path = Path(home) / "uploads"
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(path, 0o700)
    return path


@contextmanager
def private_temp_dir(home):
    """Yield a fresh 0700 folder under ``home/uploads``; delete it (and its files) after,
    whether the block ends well or not. It names its process, so that a folder left by a
    killed kernel is known for one (:func:`clear_stale_uploads`)."""
    path = Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX, dir=uploads_dir(home)))
    try:
        (path / OWNER_FILE).write_text(str(os.getpid()), encoding="ascii")
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def clear_stale_uploads(home) -> list[Path]:
    """Delete the upload folders under ``home/uploads`` whose process is gone.

    A kernel killed while it read an upload (a mailbox, bodies and all) leaves its copy
    behind; the next start deletes it. A folder whose process still runs (another
    notebook importing now) is left alone.

    Returns
    -------
    list of Path
        The folders deleted.
    """
    folder = Path(home) / "uploads"
    if not folder.is_dir() or folder.is_symlink():
        return []
    removed = []
    for path in folder.glob(FOLDER_PREFIX + "*"):
        if path.is_dir() and not path.is_symlink() and not _running(path / OWNER_FILE):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def _running(owner: Path) -> bool:
    """True if the process named in ``owner`` runs (a folder being made has no name yet:
    it is taken for running if it is that young)."""
    try:
        pid = int(owner.read_text(encoding="ascii"))
    except (OSError, ValueError):
        return _young(owner.parent)
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # there, but not ours to signal
    return True


def _young(path: Path, seconds: float = 60.0) -> bool:
    import time

    try:
        return time.time() - path.stat().st_mtime < seconds
    except OSError:
        return False
