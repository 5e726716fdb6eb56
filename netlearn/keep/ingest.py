"""Import a file into the learner's store, recognising content that was imported before."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field

from netlearn.network.records import Skipped


@dataclass
class Imported:
    """What importing one file did."""

    result: object  # netlearn.store.ImportResult
    skipped: list[Skipped] = field(default_factory=list)
    #: When the same content was first imported (ISO time, UTC); None if it is new.
    same_as: str | None = None
    #: The files read, with the rows each had (LinkedIn exports list each CSV).
    files: list[tuple[str, int]] = field(default_factory=list)
    #: One line per optional file left out, naming it and why.
    notes: list[str] = field(default_factory=list)


def import_file(store, kind: str, path, progress=None, on_save=None, **options) -> Imported:
    """Read ``path`` as ``kind`` and store its records in one transaction.

    When content with the same :func:`~netlearn.importers.content_digest`
    was imported before, nothing is read: every record it holds is stored already
    (imports only ever add), so the earlier counts are reported and the repeat is
    logged. Otherwise the file is read and saved, and its digest logged with it.

    Parameters
    ----------
    store : netlearn.store.Store
    kind : str
        ``"linkedin"``, ``"vcard"``, ``"ics"`` or ``"csv"``.
    path : str or os.PathLike
    progress : callable, optional
        ``progress(done, total)`` while the file is read.
    on_save : callable, optional
        Called with no argument once reading is done and saving starts.
    **options
        Passed to the reader (``"mbox"``: ``me`` and ``exclude``); they are part of the
        digest, since the same mailbox read with other addresses gives other records.

    Returns
    -------
    Imported

    Raises
    ------
    netlearn.plumbing.errors.InputError
        The file cannot be read as ``kind``; nothing is stored.
    """
    from netlearn import importers

    digest = _with_options(_content_digest(importers, kind, path), options)
    earlier = store.earlier_import(kind, digest)
    if earlier is not None:
        when, counts = earlier
        return Imported(store.log_repeat_import(kind, path, digest, counts), same_as=when)
    batch = importers.read(kind, path, progress=progress, **options)
    if on_save is not None:
        on_save()
    result = store.save_batch(batch, kind=kind, digest=digest)
    return Imported(result, batch.skipped, files=batch.files, notes=batch.notes)


def _content_digest(importers, kind: str, path) -> str | None:
    """The file's content digest; None for several paths (the parts of a mail export)."""
    if not isinstance(path, (str, os.PathLike)):
        return None
    return importers.content_digest(kind, path)


def _with_options(digest: str | None, options: dict) -> str | None:
    """The content digest of a file read with reader options: another for other options."""
    chosen = {key: sorted(map(str, value)) if isinstance(value, (list, tuple, set)) else value
              for key, value in sorted(options.items()) if value}
    if digest is None or not chosen:
        return digest
    return hashlib.sha256(f"{digest} {json.dumps(chosen, default=str)}".encode()).hexdigest()

