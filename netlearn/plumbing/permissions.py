"""Keep the learner's data private on POSIX: NETLEARN_HOME 0700, every file in it 0600."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600
#: Folders under NETLEARN_HOME whose files hold the learner's data (see store.HOME_DIRECTORIES).
PRIVATE_FOLDERS = ("exports", "uploads", "cohort-uploads", "summaries", "backups")

_warned: set[str] = set()


def posix() -> bool:
    """Return True where file modes mean something (not on Windows)."""
    return os.name == "posix"


def make_private(path, mode: int) -> str | None:
    """Set ``path``'s permission bits to ``mode`` unless they already are; never raise.

    Parameters
    ----------
    path : path-like
        A file or directory (a symlink is left alone).
    mode : int
        E.g. 0o600 or 0o700.

    Returns
    -------
    str or None
        None when the mode is right (or nothing needed doing), else one line saying why
        it could not be changed.
    """
    if not posix():
        return None
    path = Path(path)
    try:
        info = path.lstat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"{path}: cannot check its permissions ({exc.strerror or exc})"
    if stat.S_ISLNK(info.st_mode) or stat.S_IMODE(info.st_mode) == mode:
        return None
    try:
        os.chmod(path, mode)
    except OSError as exc:
        return (f"{path}: could not make it private (mode {stat.S_IMODE(info.st_mode):o}, "
                f"wanted {mode:o}: {exc.strerror or exc}); other users of this computer may "
                "be able to read it — ask its owner to run: chmod "
                f"{mode:o} {path}")
    return None


def secure_home(home) -> list[str]:
    """Make NETLEARN_HOME 0700 and every file netlearn keeps in it 0600 (fixes older stores).

    Covers the database and its ``-wal``/``-shm``/``-journal`` files, and every file in
    :data:`PRIVATE_FOLDERS` (folders there become 0700). Problems are returned, not raised:
    a read-only store still opens.

    Parameters
    ----------
    home : path-like
        The data directory.

    Returns
    -------
    list of str
        One line per path whose permissions could not be fixed.
    """
    if not posix():
        return []
    home = Path(home)
    problems = [make_private(home, DIR_MODE)]
    try:
        entries = list(home.iterdir())
    except OSError:
        entries = []
    for entry in entries:
        if entry.name.startswith("netlearn.db"):
            problems.append(make_private(entry, FILE_MODE))
        elif entry.name in PRIVATE_FOLDERS and entry.is_dir() and not entry.is_symlink():
            problems.extend(secure_tree(entry))
    return [p for p in problems if p]


def secure_tree(folder) -> list[str]:
    """Make ``folder`` and the folders below it 0700 and their files 0600; return problems."""
    problems = [make_private(folder, DIR_MODE)]
    for directory, subdirs, files in os.walk(folder):
        for name in subdirs:
            problems.append(make_private(Path(directory) / name, DIR_MODE))
        for name in files:
            problems.append(make_private(Path(directory) / name, FILE_MODE))
    return [p for p in problems if p]


def private_files(paths) -> list:
    """Make each file in ``paths`` 0600 (e.g. an export the learner wrote anywhere); return them."""
    paths = list(paths)
    for path in paths:
        report(make_private(path, FILE_MODE))
    return paths


def create_private_file(path) -> None:
    """Create ``path`` empty with mode 0600 when it does not exist yet (before SQLite opens it)."""
    if not posix():
        return
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return
    except OSError:
        return  # SQLite reports an unwritable folder in its own words
    os.close(fd)


def report(problem: str | None) -> None:
    """Print a permission problem once per process, as one line on stderr."""
    if problem and problem not in _warned:
        _warned.add(problem)
        print(f"netlearn: {problem}", file=sys.stderr)
