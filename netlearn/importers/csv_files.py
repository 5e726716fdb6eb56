"""Read an export's CSV files: strict parsing, encodings, physical line numbers, headers."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, BinaryIO, TypeVar

from netlearn.importers.sources import (
    ENCODINGS,
    NOT_TEXT,
    Progress,
    Source,
    check_text_start,
    clip,
)
from netlearn.plumbing.errors import InputError

#: csv's per-field limit while importing, and the longest physical line a CSV may have:
#: far above any real export (LinkedIn caps a message at 8,000 characters), low enough
#: that a runaway field (an unterminated quote, a 40 MB line) is refused with a clear
#: error before it costs much memory.
FIELD_SIZE_LIMIT = 16 * 1024 * 1024
MAX_LINE_BYTES = FIELD_SIZE_LIMIT
#: How many non-empty rows may precede a CSV header (LinkedIn writes a short preamble).
HEADER_SCAN_ROWS = 20
_CHUNK = 1 << 16

T = TypeVar("T")
Rows = Iterator[tuple[int, list[str]]]
Reader = Any  # a csv.reader: iterates lists of str, has .line_num


@contextmanager
def field_size_limit(limit: int):
    """Temporarily set :func:`csv.field_size_limit` (restored afterwards)."""
    old = csv.field_size_limit(limit)
    try:
        yield
    finally:
        csv.field_size_limit(old)


class _Checked(io.BufferedIOBase):
    """A binary stream that refuses binary data (NUL bytes) and over-long lines, and
    reports progress."""

    def __init__(self, raw: BinaryIO, label: str, progress: Progress | None):
        super().__init__()
        self._raw = raw
        self._label = label
        self._progress = progress
        self._first = True  # the first bytes are checked for a file signature
        self._lines = 0  # line breaks (LF) passed on so far
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
            self._run += len(data) if first < 0 else first  # the line running on
            if self._run > MAX_LINE_BYTES:
                raise InputError(f"has a line longer than {MAX_LINE_BYTES >> 20} MB; "
                                 "it is not an export of this kind", path=self._label,
                                 line=self._lines + 1)
            if first >= 0:
                self._lines += data.count(b"\n")
                self._run = len(data) - data.rfind(b"\n") - 1
            if self._progress is not None:
                self._progress.add(len(data))
        return data


def parse_csv(source: Source, parse: Callable[[Reader], T],
              progress: Progress | None = None) -> T:
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
    for encoding in ENCODINGS:
        if progress is not None:
            progress.rewind(start)
        reader = None
        try:
            with source.opener() as raw:
                text = io.TextIOWrapper(_Checked(raw, source.label, progress),
                                        encoding=encoding, newline="")
                text._CHUNK_SIZE = _CHUNK
                reader = csv.reader(text, strict=True)
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


def cell(row: list[str], i: int | None) -> str:
    """Return the cell at ``i``, stripped; ``""`` when there is no such column.

    Parameters
    ----------
    row : list of str
        A row from the reader (possibly shorter than the header).
    i : int or None
        The column's position, None when the header lacks it.

    Returns
    -------
    str
    """
    return row[i].strip() if i is not None and i < len(row) else ""


def is_blank(row: list[str]) -> bool:
    """Return True when every cell of ``row`` is empty or whitespace."""
    return not any(c.strip() for c in row)
