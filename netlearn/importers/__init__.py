"""Read a learner's export files into record batches: the entry point and shared readers."""

from __future__ import annotations

import csv
import gc
import hashlib
import importlib
import io
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from netlearn.network.records import Batch
from netlearn.plumbing.errors import InputError


@dataclass(frozen=True)
class Format:
    """One import kind: where its reader is, and how an uploaded file shows it is one.

    Parameters
    ----------
    reader : str
        ``"module:function"``; ``function(path, progress)`` returns a Batch. Imported
        when first used, so reading a vCard never loads the LinkedIn code.
    extensions : tuple of str
        File name endings that tell the kind by themselves.
    marker : str
        Text near the start of such a file (lower-case), or ``""``.
    """

    reader: str
    extensions: tuple[str, ...] = ()
    marker: str = ""


#: Every import kind, in the order they are offered. A CSV that is not a LinkedIn file
#: is the course's own log ("csv").
READERS = {
    "linkedin": Format("netlearn.importers.linkedin:read_linkedin", (".zip",)),
    "vcard": Format("netlearn.importers.vcard:read_vcard", (".vcf", ".vcard"), "begin:vcard"),
    "ics": Format("netlearn.importers.ics:read_ics", (".ics", ".ical", ".ifb"),
                  "begin:vcalendar"),
    "mbox": Format("netlearn.importers.mbox:read_mbox", (".mbox",)),
    "csv": Format("netlearn.importers.csvlog:read_csvlog"),
}
KINDS = tuple(READERS)
#: Part of every :func:`content_digest`. Raise it whenever an importer would read the
#: same file into different records, so that files imported before are read again.
IMPORTER_VERSION = 2

#: csv's per-field limit while importing, and the longest physical line a CSV may have:
#: far above any real export (LinkedIn caps a message at 8,000 characters), low enough
#: that a runaway field (an unterminated quote, a 40 MB line) is refused with a clear
#: error before it costs much memory.
FIELD_SIZE_LIMIT = 16 * 1024 * 1024
MAX_LINE_BYTES = FIELD_SIZE_LIMIT
#: Tried in order. UTF-8 (with or without a BOM) is what LinkedIn and most tools write;
#: cp1252 is what Excel on Windows writes for "CSV (Comma delimited)"; latin-1 never fails.
ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")
#: Whole-file formats (vCard, iCalendar) are read into memory; refuse anything larger.
MAX_TEXT_BYTES = 200 * 1024 * 1024
#: How many non-empty rows may precede a CSV header (LinkedIn writes a short preamble).
HEADER_SCAN_ROWS = 20
_CHUNK = 1 << 16

T = TypeVar("T")
ProgressFn = Callable[[int, int], None]
Rows = Iterator[tuple[int, list[str]]]
Reader = Any  # a csv.reader: iterates lists of str, has .line_num


def read(kind: str, path, progress: ProgressFn | None = None, **options) -> Batch:
    """Import one export file (or LinkedIn export folder/zip) into a batch of records.

    Parameters
    ----------
    kind : str
        ``"linkedin"`` (zip, unzipped folder or one of its CSVs), ``"vcard"`` (.vcf),
        ``"ics"`` (.ics) or ``"csv"`` (netlearn's plain CSV template).
    path : str or os.PathLike
        The file or folder to read. Nothing is written anywhere.
    progress : callable, optional
        Called as ``progress(done, total)`` with bytes read so far and the total.
    **options
        Passed to the kind's reader (``"mbox"``: ``me`` and ``exclude``).

    Returns
    -------
    Batch
        Contacts, interactions and events found, plus the rows that were skipped
        (with their physical line numbers and why).

    Raises
    ------
    InputError
        The file cannot be read as that format; nothing from it is kept.
    """
    name = str(kind).strip().lower()
    if name not in READERS:
        raise InputError(f"unknown import kind {clip(str(kind))!r}; use one of: "
                         + ", ".join(KINDS), path=os.fspath(path))
    module, function = READERS[name].reader.split(":")
    reader = getattr(importlib.import_module(module), function)
    with field_size_limit(FIELD_SIZE_LIMIT):
        return reader(path, progress, **options)


def detect_kind(name: str, head: bytes = b"") -> str | None:
    """Guess the import kind of a file from its name and first bytes.

    A lone CSV from a LinkedIn export (``Shares.csv``, ``Reactions.csv``,
    ``Events.csv`` …) is ``"linkedin"``, by its name or its header
    (:func:`netlearn.importers.linkedin.lone_file`), never the course's CSV log.

    Parameters
    ----------
    name : str
        The file name.
    head : bytes
        The first few kilobytes of the file.

    Returns
    -------
    str or None
        A key of :data:`READERS`, or None when unknown.
    """
    suffix = Path(name or "").suffix.lower()
    for kind, form in READERS.items():
        if suffix in form.extensions:
            return kind
    if head.startswith(b"PK\x03\x04"):
        return "linkedin"
    text = head[:8192].decode("utf-8", errors="ignore").lstrip("\ufeff").lower()
    for kind, form in READERS.items():
        if form.marker and form.marker in text[:200]:
            return kind
    if suffix == ".csv" or "," in text.split("\n", 1)[0]:
        from netlearn.importers.linkedin import lone_file

        return "linkedin" if lone_file(name, head) is not None else "csv"
    return None


def content_digest(kind: str, path) -> str | None:
    """Return a SHA-256 of what importing ``path`` as ``kind`` would read.

    It covers the importer version, the kind and the bytes of the file (for an
    unzipped LinkedIn folder: of the CSVs found in it), so the same content gives the
    same digest wherever it lies, and any change to it gives another.

    Parameters
    ----------
    kind : str
        One of :data:`KINDS`.
    path : str or os.PathLike
        The file or folder.

    Returns
    -------
    str or None
        Hex digest; None when the input cannot be read (the import then says why).
    """
    digest = hashlib.sha256(f"netlearn import {IMPORTER_VERSION} {kind}\n".encode())
    try:
        p = Path(path)
        if p.is_dir():
            if kind != "linkedin":
                return None
            from netlearn.importers.linkedin import folder_sources

            parts = sorted(folder_sources(p).items())
            if not parts:
                return None
            for part, source in parts:
                digest.update(f"{part} {source.size}\n".encode())
                with source.opener() as stream:
                    _hash_stream(digest, stream)
        else:
            with open(p, "rb") as stream:
                _hash_stream(digest, stream)
    except (OSError, InputError):
        return None
    return digest.hexdigest()


def _hash_stream(digest, stream: BinaryIO) -> None:
    # one buffer filled again and again: no new 1 MB bytes object per chunk (which, on
    # the second thread of a first import, grew that thread's own malloc arena)
    buffer = bytearray(1 << 20)
    view = memoryview(buffer)
    while n := stream.readinto(buffer):
        digest.update(view[:n])


# --------------------------------------------------------------------------- shared helpers


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
    #: Opens it with a handle of its own, safe to call in a forked child process (a
    #: file on disk); None when the source cannot be (a zip member shares the archive's).
    child_opener: Callable[[], BinaryIO] | None = None


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


@contextmanager
def field_size_limit(limit: int):
    """Temporarily set :func:`csv.field_size_limit` (restored afterwards)."""
    old = csv.field_size_limit(limit)
    try:
        yield
    finally:
        csv.field_size_limit(old)


@contextmanager
def paused_gc():
    """Pause the cyclic garbage collector while building many records (restored after).

    Creating hundreds of thousands of small records triggers many collections that
    find nothing to free; pausing them saves about a tenth of a big import's time.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


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
    return Source(label, size, lambda: open(p, "rb"), child_opener=lambda: open(p, "rb"))


class _Checked(io.BufferedIOBase):
    """A binary stream that refuses binary data (NUL bytes) and over-long lines, and
    reports progress."""

    def __init__(self, raw: BinaryIO, label: str, progress: Progress | None,
                 reopen: Callable[[], BinaryIO] | None = None, check_start: bool = True):
        super().__init__()
        self._raw = raw
        self._label = label
        self._progress = progress
        self._reopen = reopen  # to count the lines before an over-long one, if there is one
        self._first = check_start  # the first bytes are checked for a file signature
        self._done = 0  # bytes passed on so far
        self._run = 0  # bytes since the last LF

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        return self._check(self._raw.read(-1 if size is None else size))

    def read1(self, size: int = -1) -> bytes:
        read1 = getattr(self._raw, "read1", None)
        data = read1(size) if read1 is not None else self._raw.read(size)
        return self._check(data)

    def close(self) -> None:
        try:
            self._raw.close()
        finally:
            super().close()

    def _check(self, data: bytes) -> bytes:
        if data:
            if self._first:
                self._first = False
                check_text_start(data, self._label)
            if b"\x00" in data:
                raise InputError(NOT_TEXT, path=self._label)
            first = data.find(b"\n")
            upto = len(data) if first < 0 else first  # bytes before this chunk's first LF
            self._run += upto
            if self._run > MAX_LINE_BYTES:
                raise InputError(f"has a line longer than {MAX_LINE_BYTES >> 20} MB; "
                                 "it is not an export of this kind", path=self._label,
                                 line=self._line_at(self._done + upto - self._run))
            if first >= 0:
                self._run = len(data) - data.rfind(b"\n") - 1
            self._done += len(data)
            if self._progress is not None:
                self._progress.add(len(data))
        return data

    def _line_at(self, offset: int) -> int | None:
        """The line number of the line starting at byte ``offset``: line breaks are only
        counted when a line is refused (counting them as the file is read cost 2 % of a
        big import)."""
        if self._reopen is None:
            return None
        lines, left = 1, offset
        with self._reopen() as again:
            while left > 0:
                chunk = again.read(min(left, 1 << 20))
                if not chunk:
                    break
                lines += chunk.count(b"\n")
                left -= len(chunk)
        return lines


NOT_TEXT = "is not a text file (it contains NUL bytes)"


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


def parse_csv(source: Source, parse: Callable[[Reader], T],
              progress: Progress | None = None, encodings: tuple[str, ...] = ENCODINGS) -> T:
    """Parse a CSV source with ``parse(reader)``, trying UTF-8, then cp1252, then latin-1.

    ``reader`` is a strict :func:`csv.reader`; see :func:`find_header` and
    :func:`numbered` for physical line numbers. If decoding fails part-way, the whole
    file is parsed again with the next encoding, so ``parse`` must build its results
    from scratch each call.

    Parameters
    ----------
    source : Source
        The file.
    parse : callable
        Consumes the reader and returns a result.
    progress : Progress, optional
        Receives bytes read.
    encodings : tuple of str, optional
        The encodings to try, in order.

    Returns
    -------
    object
        Whatever ``parse`` returned.

    Raises
    ------
    InputError
        Malformed CSV (e.g. an unterminated quote), a field over the size limit,
        binary content, or an error from ``parse``.
    """
    start = progress.done if progress is not None else 0
    for encoding in encodings:
        if progress is not None:
            progress.rewind(start)
        reader = None
        try:
            with source.opener() as raw:
                reader = _csv_reader(_Checked(raw, source.label, progress, source.opener),
                                     encoding)
                return parse(reader)
        except UnicodeDecodeError:
            continue
        except csv.Error as exc:
            line = reader.line_num if reader is not None else None
            raise InputError(f"is not valid CSV ({clip(str(exc), 80)})", path=source.label,
                             line=line or None) from None
        except OSError as exc:
            raise InputError(f"cannot be read ({clip(str(exc), 80)})", path=source.label) from None
    raise InputError("cannot be decoded as text", path=source.label)


def continued_csv(stream: BinaryIO, label: str, encoding: str = "utf-8") -> Reader:
    """A strict csv reader for a stream that starts at a record in the middle of a file
    (see :mod:`netlearn.importers.two_cores`): NUL bytes and over-long lines are refused
    as in :func:`parse_csv`; the first bytes are not checked for a file signature.

    Parameters
    ----------
    stream : binary stream
    label : str
        The file's name for messages.
    encoding : str, optional

    Returns
    -------
    csv.reader
        Its ``line_num`` counts lines from the stream's start.
    """
    return _csv_reader(_Checked(stream, label, None, check_start=False), encoding)


def _csv_reader(checked: _Checked, encoding: str) -> Reader:
    text = io.TextIOWrapper(checked, encoding=encoding, newline="")
    text._CHUNK_SIZE = _CHUNK
    return csv.reader(text, strict=True)


def numbered(reader: Reader) -> Rows:
    """Yield ``(line, cells)`` from the reader's current position.

    Parameters
    ----------
    reader : csv.reader
        Possibly partly consumed.

    Yields
    ------
    tuple of (int, list of str)
        ``line`` is the physical line on which the record starts (records may span
        lines when a quoted field holds line breaks).
    """
    prev = reader.line_num
    for row in reader:
        yield prev + 1, row
        prev = reader.line_num


def normalise_header(row: list[str]) -> list[str]:
    """Return header cells stripped, lower-cased, BOM removed, trailing blanks dropped."""
    cells = [c.replace("\ufeff", "").strip().lower() for c in row]
    while cells and not cells[-1]:
        cells.pop()
    return cells


def find_header(reader: Reader, recognise: Callable[[list[str]], str | None], label: str,
                expected: str) -> tuple[str, dict[str, int], int]:
    """Skip a preamble and return the header: ``(kind, column index by name, line)``.

    Parameters
    ----------
    reader : csv.reader
        From :func:`parse_csv`; consumed up to and including the header.
    recognise : callable
        Given normalised header cells, returns a kind name or None.
    label : str
        The file's name for messages.
    expected : str
        What the header should look like, for the message when none is found.

    Returns
    -------
    tuple
        The recognised kind, ``{column name: index}`` and the header's line number.

    Raises
    ------
    InputError
        Empty file, or no recognised header within the first rows.
    """
    first: list[str] | None = None
    seen = 0
    for line, row in numbered(reader):
        cells = normalise_header(row)
        if not cells:
            continue
        if first is None:
            first = row
        kind = recognise(cells)
        if kind is not None:
            cols: dict[str, int] = {}
            for i, c in enumerate(cells):
                cols.setdefault(c, i)
            return kind, cols, line
        seen += 1
        if seen >= HEADER_SCAN_ROWS:
            break
    if first is None:
        raise InputError("is empty", path=label)
    raise InputError(f"is not {expected}{_header_hint(first)}", path=label)


def _header_hint(row: list[str]) -> str:
    joined = ",".join(row)
    if len(row) == 1 and ";" in joined:
        return " (it looks semicolon-delimited; save it as comma-separated CSV)"
    if len(row) == 1 and "\t" in joined:
        return " (it looks tab-delimited; save it as comma-separated CSV)"
    if len(row) > 50:
        return f" (its first row has {len(row)} columns)"
    return f" (its first row is: {clip(joined)})"


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
