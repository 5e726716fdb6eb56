"""Find the mailboxes in what a learner points at: mbox files, mail folders, Takeout zips."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from netlearn.importers.safezip import SafeZip, is_zip, open_zip
from netlearn.plumbing.errors import InputError

#: An archive holding mail may unpack to this much: Google Takeout's largest zips are
#: 50 GB. Zip bombs are still refused by their compression ratio (see ``safezip``).
MAIL_ZIP_BYTES = 64 << 30
_PART_NUMBER = re.compile(r"-\d{3}(?=\.mbox$)", re.IGNORECASE)
#: Files in a mail folder that are never mailboxes: Thunderbird's indexes and the like.
_NOT_MAIL = {".msf", ".dat", ".json", ".js", ".sqlite", ".html", ".plist", ".db", ".txt"}


@dataclass
class Mailbox:
    """One mailbox to read.

    Parameters
    ----------
    label : str
        How messages name it: a path, or ``archive.zip/member``.
    size : int
        Its size in bytes (for progress).
    opener : callable
        Returns a binary stream of the mailbox from its start.
    names : tuple of str
        Its name and the names of the folders that hold it, innermost first, from which
        its role is told (``("Sent", "Local Folders")``, ``("mbox", "Sent Messages.mbox")``).
    """

    label: str
    size: int
    opener: Callable[[], BinaryIO]
    names: tuple[str, ...]


@contextmanager
def open_mailboxes(paths: Iterable) -> Iterator[list[Mailbox]]:
    """Find every mailbox in ``paths``; zips stay open until the block ends.

    A path may be an mbox file (``.mbox`` or no extension, such as Thunderbird's
    ``Sent``), Apple Mail's exported ``X.mbox`` folder, a folder holding any of these
    (a Thunderbird profile: its ``.msf`` indexes are passed over), or a Google Takeout
    zip. Takeout may split one export into several zips: give them all, or their folder.
    A mailbox that comes in parts (the same name in several zips, or with ``-002`` …
    before ``.mbox``) is read as one, the parts in the order of the zips' names.

    Parameters
    ----------
    paths : iterable of str or os.PathLike

    Yields
    ------
    list of Mailbox

    Raises
    ------
    InputError
        A path is missing, or holds no mailbox, or a zip is unsafe (see ``safezip``).
    """
    with ExitStack() as stack:
        found: list[Mailbox] = []
        zips: list[Path] = []
        for path in paths:
            found += _mailboxes_at(Path(os.fspath(path)), zips)
        archives = [stack.enter_context(open_zip(z, MAIL_ZIP_BYTES)) for z in sorted(
            zips, key=lambda z: z.name)]
        found += _zip_mailboxes(archives)
        if not found:
            shown = ", ".join(map(os.fspath, paths))
            raise InputError("holds no mailbox (an mbox file, an Apple Mail .mbox folder or a "
                             "Google Takeout zip)", path=shown)
        yield found


def _mailboxes_at(path: Path, zips: list[Path]) -> list[Mailbox]:
    """The mailboxes in a file or folder; zips found are added to ``zips``."""
    if path.is_file():
        if is_zip(path):
            zips.append(path)
            return []
        return [_file_mailbox(path, (path.name,))]
    if not path.is_dir():
        raise InputError("file not found", path=os.fspath(path))
    found = []
    for folder, subfolders, files in os.walk(path, onerror=_refuse):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        here = Path(folder)
        names = tuple(reversed((path.name, *here.relative_to(path).parts)))
        for name in sorted(files):
            file = here / name
            if name.startswith(".") or file.suffix.lower() in _NOT_MAIL or file.is_symlink():
                continue
            if file.suffix.lower() == ".zip":
                zips.append(file)
            elif _starts_like_mbox(file):
                found.append(_file_mailbox(file, (name, *names)))
    return found


def _refuse(error: OSError) -> None:
    raise InputError(f"cannot be read ({error.strerror or error})",
                     path=error.filename) from None


def _starts_like_mbox(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(4096).lstrip(b"\r\n").startswith(b"From ")
    except OSError:
        return False


def _file_mailbox(path: Path, names: tuple[str, ...]) -> Mailbox:
    label = os.fspath(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot be opened ({exc.strerror or exc})", path=label) from None
    return Mailbox(label, size, lambda: open(path, "rb"), names)


def _zip_mailboxes(archives: list[SafeZip]) -> list[Mailbox]:
    """The ``.mbox`` members of the zips, one mailbox per member name across the parts."""
    parts: dict[str, list] = {}
    for archive in archives:
        for info in archive.members:
            member = PurePosixPath(info.filename.replace("\\", "/"))
            is_mbox = member.suffix.lower() == ".mbox" or (
                member.name == "mbox" and member.parent.suffix.lower() == ".mbox")
            if info.is_dir() or not is_mbox or "__MACOSX" in member.parts:
                continue
            key = _PART_NUMBER.sub("", str(member))  # "X-002.mbox" may continue "X.mbox"
            parts.setdefault(key, []).append((archive, info))
    found = []
    for member, pieces in parts.items():
        archive, info = pieces[0]
        label = archive.member_label(info)
        if len(pieces) > 1:
            label += f" (and {len(pieces) - 1} more part{'s' * (len(pieces) > 2)})"
        names = tuple(reversed(PurePosixPath(member).parts))
        found.append(Mailbox(label, sum(i.file_size for _, i in pieces),
                             _chained_opener(pieces), names))
    return found


def _chained_opener(pieces: list) -> Callable[[], BinaryIO]:
    return lambda: _Chained([lambda a=a, i=i: a.open(i) for a, i in pieces])


class _Chained:
    """The parts of one mailbox read one after the other, as one stream.

    A part that starts with a new message after a part that ends a line gets an empty
    line before it, as a separator needs; a part cut in the middle of a line (or of a
    message) simply continues it.
    """

    def __init__(self, openers: list[Callable[[], BinaryIO]]):
        self._openers = list(openers)
        self._current: BinaryIO | None = None
        self._last = b""  # the last byte read, to tell whether a part ended a line
        self._fresh = False  # nothing read yet from the current part

    def read(self, size: int = -1) -> bytes:
        while True:
            if self._current is None:
                if not self._openers:
                    return b""
                self._current = self._openers.pop(0)()
                self._fresh = True
            data = self._current.read(size)
            if data:
                if self._fresh and self._last == b"\n" and data.startswith(b"From "):
                    data = b"\n" + data
                self._fresh = False
                self._last = data[-1:]
                return data
            self._current.close()
            self._current = None

    def close(self) -> None:
        if self._current is not None:
            self._current.close()
            self._current = None
        self._openers.clear()

    def __enter__(self) -> _Chained:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
