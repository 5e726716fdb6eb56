"""Read a learner's export files into record batches: the registry of import kinds.

The shared plumbing lives beside it: :mod:`netlearn.importers.sources` (files, zip
members, progress, whole texts) and :mod:`netlearn.importers.csv_files` (strict CSV).
"""

from __future__ import annotations

import hashlib
import importlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from netlearn.importers.csv_files import FIELD_SIZE_LIMIT, field_size_limit
from netlearn.importers.safezip import refuse_false_zip
from netlearn.importers.sources import ProgressFn, clip
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
    if isinstance(path, (str, os.PathLike)):
        refuse_false_zip(path)
    module, function = READERS[name].reader.split(":")
    reader = getattr(importlib.import_module(module), function)
    with field_size_limit(FIELD_SIZE_LIMIT):
        return reader(path, progress, **options)


def detect_kind(name: str, head: bytes = b"") -> str | None:
    """Guess the import kind of a file from its name and first bytes.

    A lone CSV from a LinkedIn export (``Shares.csv``, ``Reactions.csv``,
    ``Events.csv`` …) is ``"linkedin"``, by its name or its header
    (:func:`netlearn.importers.linkedin.files.lone_file`), never the course's CSV log.

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
        from netlearn.importers.linkedin.files import lone_file

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
            from netlearn.importers.linkedin.files import folder_sources

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
    while chunk := stream.read(1 << 20):
        digest.update(chunk)
