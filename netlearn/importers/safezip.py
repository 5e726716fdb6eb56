"""Read members of an untrusted zip (a LinkedIn export) in memory, refusing traversal and bombs."""

from __future__ import annotations

import io
import os
import stat
import zipfile
from typing import BinaryIO

from netlearn.plumbing.errors import InputError

NOT_A_ZIP = "is not a zip file (it does not start like one); download it again"
#: Refuse an archive whose members declare more than this in total (uncompressed).
MAX_TOTAL_BYTES = 1 << 30  # 1 GiB
#: Refuse an archive with more members than this.
MAX_MEMBERS = 20_000
#: Refuse a member that is both large and suspiciously compressible (a zip bomb):
#: CSV text compresses 5-30x; 200x on more than 50 MB is not an export.
MAX_RATIO = 200
RATIO_MIN_BYTES = 50 * 1024 * 1024


class SafeZip:
    """A zip archive opened for reading members as streams, never extracting to disk.

    Opening checks every member's name (no absolute paths, drive letters or ``..``),
    the number of members, the total declared size and each member's compression ratio.
    Streams from :meth:`open` stop with :class:`InputError` if a member yields more bytes
    than it declared or the archive as a whole yields more than ``MAX_TOTAL_BYTES``.

    Parameters
    ----------
    path : str or os.PathLike
        The zip file.
    max_total : int, optional
        The budget in bytes instead of ``MAX_TOTAL_BYTES`` (a mail export is larger than
        any other export: Google Takeout writes zips of up to 50 GB).

    Raises
    ------
    InputError
        Not a zip, unreadable, or one of the checks above failed.
    """

    def __init__(self, path, max_total: int | None = None):
        self.label = os.fspath(path)
        self._max_total = max_total
        try:
            self._zip = zipfile.ZipFile(self.label)
        except FileNotFoundError:
            raise InputError("file not found", path=self.label) from None
        except PermissionError as exc:
            raise InputError(f"cannot be opened ({exc.strerror})", path=self.label) from None
        except Exception:  # zipfile raises BadZipFile, NotImplementedError, struct.error …
            raise InputError(NOT_A_ZIP if not is_zip(self.label) else
                             "is a damaged or incomplete zip file; download it again",
                             path=self.label) from None
        try:
            self.members = self._check(self._zip.infolist())
        except BaseException:
            self._zip.close()
            raise
        self._read_total = 0

    def _check(self, infos: list[zipfile.ZipInfo]) -> list[zipfile.ZipInfo]:
        if len(infos) > MAX_MEMBERS:
            raise InputError(f"has more than {MAX_MEMBERS} files; refusing it", path=self.label)
        total = 0
        for info in infos:
            if not is_safe_name(info.filename):
                raise InputError(f"contains an unsafe path {info.filename[:80]!r}; refusing it",
                                 path=self.label)
            total += info.file_size
            if (info.file_size > RATIO_MIN_BYTES
                    and info.file_size > MAX_RATIO * max(info.compress_size, 1)):
                raise InputError(f"member {info.filename[:80]!r} is compressed more than "
                                 f"{MAX_RATIO}:1 (a zip bomb?); refusing it", path=self.label)
        if total > self.budget:
            raise InputError(f"would unpack to more than {self.budget >> 30} GiB; refusing it",
                             path=self.label)
        return infos

    @property
    def budget(self) -> int:
        """How many bytes the archive may unpack to, in all."""
        return MAX_TOTAL_BYTES if self._max_total is None else self._max_total

    def find(self, name: str) -> zipfile.ZipInfo | None:
        """Return the member called ``name`` (any case, any folder), shallowest first.

        Parameters
        ----------
        name : str
            A file name without folders, e.g. ``"Connections.csv"``.

        Returns
        -------
        zipfile.ZipInfo or None
            The best match, skipping folders, symlinks and macOS ``__MACOSX`` / ``._`` files.
        """
        want = name.lower()
        best = None
        for info in self.members:
            parts = info.filename.replace("\\", "/").split("/")
            base = parts[-1]
            if (base.lower() != want or info.is_dir() or "__MACOSX" in parts
                    or _is_symlink(info)):
                continue
            rank = (len(parts), info.filename)
            if best is None or rank < best[0]:
                best = (rank, info)
        return None if best is None else best[1]

    def member_label(self, info: zipfile.ZipInfo) -> str:
        """Return ``"archive.zip/member/path"`` for messages."""
        return f"{self.label}/{info.filename}"

    def open(self, info: zipfile.ZipInfo) -> BinaryIO:
        """Open a member as a bounded binary stream (in memory, decompressed on the fly).

        Parameters
        ----------
        info : zipfile.ZipInfo
            A member from :attr:`members` or :meth:`find`.

        Returns
        -------
        binary stream
            Raises :class:`InputError` when read past the declared size or the budget,
            or when the data is corrupt.
        """
        label = self.member_label(info)
        if info.flag_bits & 0x1:
            raise InputError("is password-protected", path=label)
        try:
            raw = self._zip.open(info)
        except Exception as exc:  # corrupt header, unsupported method, encryption …
            raise InputError(f"cannot be unpacked ({_clip(exc)})", path=label) from None
        return _Bounded(raw, self, info.file_size, label)

    def close(self) -> None:
        """Close the archive."""
        self._zip.close()

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _count(self, n: int, label: str) -> None:
        self._read_total += n
        if self._read_total > self.budget:
            raise InputError(f"unpacks to more than {self.budget >> 30} GiB; refusing it",
                             path=label)


def open_zip(path, max_total: int | None = None) -> SafeZip:
    """Open a zip archive safely; see :class:`SafeZip`.

    Parameters
    ----------
    path : str or os.PathLike
        The zip file.
    max_total : int, optional
        The archive's budget in bytes (default ``MAX_TOTAL_BYTES``).

    Returns
    -------
    SafeZip
        Use it as a context manager.
    """
    return SafeZip(path, max_total)


def is_zip(path) -> bool:
    """Return True if the file at ``path`` starts like a zip archive (by content, not name).

    Parameters
    ----------
    path : str or os.PathLike
        A file.

    Returns
    -------
    bool
    """
    try:
        with open(path, "rb") as fh:
            head = fh.read(4)
    except OSError:
        return False
    return head in (b"PK\x03\x04", b"PK\x05\x06")


def refuse_false_zip(path) -> None:
    """Refuse a file named ``.zip`` whose content is not a zip archive.

    Without this, an importer reads it by its content and calls it "not a text file"
    or "not a LinkedIn export", which sends a learner looking in the wrong place: such a
    file is almost always a download that failed or was saved under the wrong name.

    Parameters
    ----------
    path : str or os.PathLike
        The file given to an importer (folders and other names pass).

    Raises
    ------
    InputError
        The name ends in ``.zip`` and the file does not start like a zip archive.
    """
    label = os.fspath(path)
    if label.lower().endswith(".zip") and os.path.isfile(label) and not is_zip(label):
        raise InputError(NOT_A_ZIP, path=label)


def is_safe_name(name: str) -> bool:
    """Return False for absolute paths, drive letters and ``..`` components.

    Parameters
    ----------
    name : str
        A member name as stored in the archive.

    Returns
    -------
    bool
    """
    norm = name.replace("\\", "/")
    if not norm or norm.startswith("/") or (len(norm) > 1 and norm[1] == ":"):
        return False
    if "\x00" in norm:
        return False
    return ".." not in norm.split("/")


def _clip(exc: Exception) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 80 else text[:79] + "…"


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


class _Bounded(io.BufferedIOBase):
    """A member stream that enforces the declared size and the archive-wide budget."""

    def __init__(self, raw, owner: SafeZip, declared: int, label: str):
        super().__init__()
        self._raw = raw
        self._owner = owner
        self._left = declared
        self._label = label

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        return self._take(self._raw.read, -1 if size is None else size)

    def read1(self, size: int = -1) -> bytes:
        return self._take(self._raw.read1, size)

    def _take(self, fn, size: int) -> bytes:
        try:
            data = fn(size)
        except Exception as exc:  # bad CRC, truncated data, zlib.error …
            raise InputError(f"cannot be unpacked ({_clip(exc)})", path=self._label) from None
        n = len(data)
        self._left -= n
        if self._left < 0:
            raise InputError("holds more data than the zip declares; refusing it",
                             path=self._label)
        self._owner._count(n, self._label)
        return data

    def close(self) -> None:
        try:
            self._raw.close()
        finally:
            super().close()
