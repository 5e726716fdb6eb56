"""Import a LinkedIn "Download your data" export: read each file, then resolve people."""

from __future__ import annotations

import os
from pathlib import Path

from netlearn.importers import dates
from netlearn.importers.csv_files import Reader, parse_csv
from netlearn.importers.linkedin import complete
from netlearn.importers.linkedin.connections import read_connections
from netlearn.importers.linkedin.files import (
    CONNECTIONS,
    INVITATIONS,
    MESSAGES,
    NONE_FOUND,
    OPTIONAL,
    PROFILE,
    folder_sources,
    read_header,
    zip_sources,
)
from netlearn.importers.linkedin.invitations import read_invitations
from netlearn.importers.linkedin.messages import message_interactions, read_messages
from netlearn.importers.linkedin.owner import OwnerHints
from netlearn.importers.linkedin.part import FileReader, Part
from netlearn.importers.linkedin.people import People, forget_urls
from netlearn.importers.linkedin.profile import read_profile
from netlearn.importers.safezip import is_zip, open_zip
from netlearn.importers.sources import Progress, ProgressFn, Source, file_source
from netlearn.network.records import Batch, Interaction
from netlearn.plumbing.errors import InputError

_READERS: dict[str, FileReader] = {
    CONNECTIONS: read_connections,
    INVITATIONS: read_invitations,
    MESSAGES: read_messages,
    PROFILE: read_profile,
}


def read_linkedin(path, progress: ProgressFn | None = None) -> Batch:
    """Import a LinkedIn data export: the zip, the unzipped folder, or one of its CSVs.

    A zip or folder is searched (any case, any sub-folder) for ``Connections.csv``,
    ``Invitations.csv`` and ``messages.csv`` (``Profile.csv`` helps to recognise the
    export's owner), and for the complete export's files read by
    :mod:`netlearn.importers.linkedin.complete` (endorsements, recommendations, Shares,
    Comments, Reactions, Events). Other files are ignored; an optional file that cannot
    be read is left out and named in ``batch.notes``. ``batch.files`` lists the files
    read with their rows. A single CSV is recognised by its header. Files are decoded as
    UTF-8 (with or without BOM), falling back to cp1252/latin-1 for files re-saved by
    Excel on Windows.

    Connections become contacts (``source_ref`` = profile URL, else
    ``"first last|company"``, lower-cased). Each invitation and each message becomes an
    interaction; drafts, spam and sponsored messages are left out silently; message
    text is never kept. Messages are ``"out"`` when sent by the export's owner — the
    person present in the most messages, hence conversations (by profile URL, else
    name; Invitations.csv and Profile.csv settle ties). People who
    are not connections get a contact of their own.

    Parameters
    ----------
    path : str or os.PathLike
        Zip file, folder, or CSV file.
    progress : callable, optional
        ``progress(bytes_done, bytes_total)``.

    Returns
    -------
    Batch
        Rows that could not be used are in ``skipped`` with their physical line.

    Raises
    ------
    InputError
        Not a LinkedIn export, or one of its files cannot be read; nothing is kept.
    """
    label = os.fspath(path)
    p = Path(label)
    batch = Batch(source="linkedin", path=label)
    if not p.exists():
        raise InputError("file or folder not found", path=label)
    if p.is_dir():
        sources = folder_sources(p)
        if not sources:
            raise InputError(NONE_FOUND, path=label)
        _import(sources, batch, progress)
    elif is_zip(p):
        with open_zip(p) as archive:
            sources = zip_sources(archive)
            if not sources:
                raise InputError(NONE_FOUND, path=label)
            _import(sources, batch, progress)
    else:
        _import({None: file_source(p)}, batch, progress)
    return batch


def _import(sources: dict[str | None, Source], batch: Batch,
            callback: ProgressFn | None) -> None:
    """Read the sources (by kind; None for a lone CSV) into ``batch``."""
    try:
        progress = Progress(callback, sum(s.size for s in sources.values()))
        parts = _read_parts(sources, batch, progress)
        progress.finish()
        _resolve_parts(parts, batch)
    finally:  # the caches only serve one import; do not keep them in a long-lived kernel
        forget_urls()
        dates.clear_caches()


def _read_parts(sources: dict[str | None, Source], batch: Batch,
                progress: Progress) -> dict[str, Part]:
    parts: dict[str, Part] = {}
    for kind in (CONNECTIONS, INVITATIONS, MESSAGES, PROFILE, *complete.FILE_NAMES, None):
        source = sources.get(kind)
        if source is None:
            continue
        done = progress.done
        try:
            part = parse_csv(source, lambda reader, s=source, k=kind: _read_file(
                reader, s.label, k), progress)
        except InputError as exc:
            if kind in OPTIONAL:  # the rest of the export still imports
                progress.rewind(done + source.size)
                if kind != PROFILE:  # Profile.csv is only a hint for finding the owner
                    batch.notes.append(f"not read: {exc}")
                continue
            raise
        if kind is None:  # a lone CSV
            _check_lone(part)
        parts[part.kind] = part
        if part.kind != PROFILE:
            batch.files.append((source.label, part.rows))
    return parts


def _read_file(reader: Reader, label: str, expected: str | None) -> Part:
    kind, cols = read_header(reader, label, expected)
    if kind in complete.FILE_NAMES:
        return complete.parse(kind, reader, cols, label)
    return _READERS[kind](reader, cols, label)


def _check_lone(part: Part) -> None:
    """Refuse a lone CSV that gives nothing to import, saying why."""
    if part.kind == PROFILE:
        raise InputError("is LinkedIn's Profile.csv; import Connections.csv, "
                         "messages.csv, Invitations.csv or the whole zip", path=part.label)
    if part.rows == 0:
        raise InputError("has a header but no rows", path=part.label)
    if not (part.contacts or part.interactions or part.messages or part.skipped
            or part.events):
        raise InputError("has nothing to import (drafts, spam and sponsored "
                         "messages are left out)", path=part.label)


def _resolve_parts(parts: dict[str, Part], batch: Batch) -> None:
    """Make the batch: contacts for everyone, interactions pointing at them."""
    people = People(batch)
    if CONNECTIONS in parts:
        people.add_connections(parts[CONNECTIONS].contacts)
        batch.skipped.extend(parts[CONNECTIONS].skipped)
    hints = OwnerHints()
    interactions: list[Interaction] = []
    if PROFILE in parts:
        hints.add(parts[PROFILE])
    if INVITATIONS in parts:
        invitations = parts[INVITATIONS]
        hints.add(invitations)
        people.resolve(invitations)
        interactions.extend(invitations.interactions)
        batch.skipped.extend(invitations.skipped)
    if MESSAGES in parts:
        messages = parts[MESSAGES]
        interactions.extend(message_interactions(messages, people, hints))
        batch.skipped.extend(messages.skipped)
    for kind in complete.FILE_NAMES:
        part = parts.get(kind)
        if part is None:
            continue
        if kind in complete.PERSON_KINDS:
            people.resolve(part)
        interactions.extend(part.interactions)
        batch.events.extend(part.events)
        batch.skipped.extend(part.skipped)
    batch.interactions = interactions
    batch.skipped.sort(key=lambda s: (s.path, s.line))
