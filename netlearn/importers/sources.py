"""Where an import's bytes come from: a file or zip member as a Source, progress, whole texts."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from netlearn.plumbing.errors import InputError

#: Tried in order. UTF-8 (with or without a BOM) is what LinkedIn and most tools write;
#: cp1252 is what Excel on Windows writes for "CSV (Comma delimited)"; latin-1 never fails.
ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")
#: Whole-file formats (vCard, iCalendar) are read into memory; refuse anything larger.
MAX_TEXT_BYTES = 200 * 1024 * 1024
NOT_TEXT = "is not a text file (it contains NUL bytes)"

ProgressFn = Callable[[int, int], None]


@dataclass
class Source:
    """Something that can be opened (repeatedly) as a binary stream.

    Parameters
    ----------
    label : str
        How the file is named in messages (e.g. ``export.zip/Connections.csv``).
    size : int
        Its size in bytes (for progress and size limits).
    opener : callable
        Returns a fresh binary stream positioned at the start.
    """

    label: str
    size: int
    opener: Callable[[], BinaryIO]


def file_source(path) -> Source:
    """Return a :class:`Source` for a regular file, or raise :class:`InputError`.

    Parameters
    ----------
    path : str or os.PathLike
        The file.

    Returns
    -------
    Source
    """
    label = os.fspath(path)
    p = Path(label)
    try:
        if not p.exists():
            raise InputError("file not found", path=label)
        if p.is_dir():
            raise InputError("is a folder, not a file", path=label)
        size = p.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot be opened ({exc.strerror or exc})", path=label) from None
    return Source(label, size, lambda: open(p, "rb"))


class Progress:
    """Forward bytes-read counts to an optional ``progress(done, total)`` callback."""

    def __init__(self, callback: ProgressFn | None, total: int):
        self.callback = callback
        self.total = max(int(total), 0)
        self.done = 0

    def add(self, n: int) -> None:
        """Count ``n`` more bytes read."""
        self.done += n
        if self.callback is not None:
            self.callback(min(self.done, self.total), self.total)

    def rewind(self, done: int) -> None:
        """Go back to ``done`` bytes (when a file is re-read with another encoding)."""
        self.done = done

    def finish(self) -> None:
        """Report completion."""
        self.done = self.total
        if self.callback is not None:
            self.callback(self.total, self.total)


def clip(text: str, limit: int = 60) -> str:
    """Return ``text`` on one line, shortened to ``limit`` characters for a message.

    Parameters
    ----------
    text : str
        Any text, possibly from a file.
    limit : int
        Maximum length of the result.

    Returns
    -------
    str
        Control characters replaced by spaces, ``…`` appended when shortened.
    """
    text = text[: limit * 4]
    text = "".join(ch if ch.isprintable() else " " for ch in text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_text_start(data: bytes, label: str) -> None:
    """Refuse data that starts like a binary or UTF-16 file.

    Parameters
    ----------
    data : bytes
        The first bytes of the file.
    label : str
        The file's name for the message.

    Raises
    ------
    InputError
        If the data is UTF-16 text or looks binary.
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise InputError("is UTF-16 text; save it as UTF-8 (e.g. Excel: 'CSV UTF-8')", path=label)
    if data[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        raise InputError("is a zip archive, not a text file", path=label)
    head = data[:4096]
    if b"\x00" in head:
        raise InputError(NOT_TEXT, path=label)
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if controls > len(head) // 20:
        raise InputError("is not a text file (it looks binary)", path=label)


def read_text(source: Source, progress: Progress | None = None) -> str:
    """Read a whole (small) text file: UTF-8, else cp1252, else latin-1.

    Parameters
    ----------
    source : Source
        The file; at most :data:`MAX_TEXT_BYTES`.
    progress : Progress, optional
        Receives bytes read.

    Returns
    -------
    str
        The decoded text.

    Raises
    ------
    InputError
        Too large, empty, binary, or unreadable.
    """
    if source.size > MAX_TEXT_BYTES:
        raise InputError(f"is larger than {MAX_TEXT_BYTES >> 20} MB", path=source.label)
    try:
        with source.opener() as raw:
            data = raw.read(MAX_TEXT_BYTES + 1)
    except OSError as exc:
        raise InputError(f"cannot be read ({clip(str(exc), 80)})", path=source.label) from None
    if len(data) > MAX_TEXT_BYTES:
        raise InputError(f"is larger than {MAX_TEXT_BYTES >> 20} MB", path=source.label)
    if progress is not None:
        progress.add(len(data))
    if not data.strip():
        raise InputError("is empty", path=source.label)
    check_text_start(data, source.label)
    if b"\x00" in data:
        raise InputError(NOT_TEXT, path=source.label)
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError("cannot be decoded as text", path=source.label)  # pragma: no cover
