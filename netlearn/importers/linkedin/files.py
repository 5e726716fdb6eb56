"""Find a LinkedIn export's files, in a zip or a folder, and tell which CSV is which."""

from __future__ import annotations

import csv
import os
from pathlib import Path

from netlearn.importers.csv_files import HEADER_SCAN_ROWS, Reader, find_header, normalise_header
from netlearn.importers.linkedin import complete
from netlearn.importers.safezip import SafeZip
from netlearn.importers.sources import Source, file_source
from netlearn.plumbing.errors import InputError

CONNECTIONS, MESSAGES, INVITATIONS, PROFILE = "connections", "messages", "invitations", "profile"
#: The export's file names (matched case-insensitively, anywhere in the zip or folder).
FILE_NAMES = {
    CONNECTIONS: "Connections.csv",
    INVITATIONS: "Invitations.csv",
    MESSAGES: "messages.csv",
    PROFILE: "Profile.csv",
    **complete.FILE_NAMES,
}
#: Files whose trouble (binary, wrong header, broken CSV) leaves them out of a zip or
#: folder import, named in the output, while the rest of the export is imported.
OPTIONAL = frozenset({PROFILE, *complete.FILE_NAMES})
#: Why a zip or folder is refused when it holds none of them (Profile.csv alone is none).
NONE_FOUND = ("contains none of the LinkedIn files netlearn reads (Connections.csv, "
              "messages.csv, Invitations.csv, endorsements, recommendations, Shares.csv, "
              "Comments.csv, Reactions.csv, Events.csv)")
#: A folder with more files than this is not an export (and is not walked further).
MAX_FOLDER_ENTRIES = 50_000


#: Every LinkedIn file's header, as the column names it must have (lower-case, spaces and
#: underscores removed: exports and re-saves spell them differently), tried in order.
#: Given and received recommendations share a header (kind ``"recommendations"``); the
#: file's name tells them apart.
HEADERS = (
    (CONNECTIONS, {"firstname", "lastname", "company", "position", "connectedon"}),
    (MESSAGES, {"conversationid", "from", "to", "date", "content"}),
    (INVITATIONS, {"from", "to", "sentat", "direction"}),
    (PROFILE, {"firstname", "lastname", "headline"}),
    (complete.ENDORSEMENTS_GIVEN, {"endorsementdate", "endorseefirstname", "endorseelastname"}),
    (complete.ENDORSEMENTS_RECEIVED, {"endorsementdate", "endorserfirstname",
                                      "endorserlastname"}),
    (complete.RECOMMENDATIONS, {"firstname", "lastname", "creationdate"}),
    (complete.SHARES, {"date", "sharelink"}),
    (complete.EVENTS, {"eventname", "eventtime"}),
    (complete.REACTIONS, {"date", "link", "type"}),
    (complete.REACTIONS, {"date", "link", "reactiontype"}),
    (complete.COMMENTS, {"date", "link", "message"}),
)


def squeeze(name: str) -> str:
    """A header cell as :data:`HEADERS` spells it: lower-case, no spaces or underscores."""
    return name.lower().replace(" ", "").replace("_", "")


def detect_kind(cells: list[str]) -> str | None:
    """Tell which LinkedIn CSV a header row belongs to (the one header detector).

    Parameters
    ----------
    cells : list of str
        Header cells, stripped and lower-cased.

    Returns
    -------
    str or None
        ``"connections"``, ``"messages"``, ``"invitations"``, ``"profile"``, a kind of
        :data:`netlearn.importers.linkedin.complete.FILE_NAMES` (``"recommendations"`` for either
        Recommendations file), or None.
    """
    names = {squeeze(cell) for cell in cells}
    for kind, needed in HEADERS:
        if needed <= names:
            return kind
    return None


def lone_file(name: str, head: bytes = b"") -> str | None:
    """Tell which file of a LinkedIn export a lone CSV is, by its name, else its header.

    Parameters
    ----------
    name : str
        The file name as uploaded (``Shares.csv``, ``Events.csv`` …).
    head : bytes
        The first few kilobytes of the file (a header after a preamble is found too).

    Returns
    -------
    str or None
        The export's file name (``"Shares.csv"``; ``"Recommendations_*.csv"`` when the
        name does not say given or received), or None when it is not one.
    """
    base = Path(str(name or "").replace("\\", "/")).name.lower()
    if base.endswith(".zip"):  # a whole export: its first member's header is not a lone file
        return None
    for file_name in FILE_NAMES.values():
        if base == file_name.lower():
            return file_name
    text = head[:8192].decode("utf-8", errors="ignore")
    lines = text.splitlines()
    if len(head) >= 8192 and lines:
        lines.pop()  # possibly cut in the middle
    try:
        for row in csv.reader(lines[:HEADER_SCAN_ROWS]):
            kind = detect_kind(normalise_header(row))
            if kind == complete.RECOMMENDATIONS:
                kind = complete.recommendations_kind(base)
                return FILE_NAMES[kind] if kind else "Recommendations_*.csv"
            if kind is not None:
                return FILE_NAMES[kind]
    except csv.Error:
        return None
    return None


def read_header(reader: Reader, label: str, expected: str | None) -> tuple[str, dict[str, int]]:
    """Read a CSV's header and tell which file of the export it is.

    Parameters
    ----------
    reader : csv.reader
        From :func:`netlearn.importers.csv_files.parse_csv`; read up to the header.
    label : str
        The file's name: it tells given from received Recommendations.
    expected : str or None
        The kind its name says (in a zip or folder), or None for a lone CSV.

    Returns
    -------
    tuple
        The kind (a key of :data:`FILE_NAMES`) and ``{column name: index}``.

    Raises
    ------
    InputError
        No LinkedIn header, another file's header than expected, or Recommendations
        whose name does not say given or received.
    """
    if expected is None:
        what = "a LinkedIn export file netlearn reads (e.g. Connections.csv or messages.csv)"
    else:
        what = f"a LinkedIn {FILE_NAMES[expected]}"
    kind, cols, _ = find_header(reader, detect_kind, label, what)
    if kind == complete.RECOMMENDATIONS:
        named = complete.recommendations_kind(label)
        if expected in (complete.RECOMMENDATIONS_GIVEN, complete.RECOMMENDATIONS_RECEIVED):
            kind = expected
        elif named is not None:
            kind = named
        else:
            raise InputError("is a LinkedIn Recommendations file, but its name does not say "
                             "whether they were given or received; name it "
                             "Recommendations_Given.csv or Recommendations_Received.csv",
                             path=label)
    if expected is not None and kind != expected:
        raise InputError(f"is not {what} (its header is that of {FILE_NAMES[kind]})", path=label)
    return kind, cols


def folder_sources(root: Path) -> dict[str, Source]:
    """Find an unzipped export's CSVs (any case, shallowest first); {} if there are none.

    Parameters
    ----------
    root : pathlib.Path
        The folder.

    Returns
    -------
    dict of str to Source
        By kind (a key of :data:`FILE_NAMES`).
    """
    wanted = {name.lower(): kind for kind, name in FILE_NAMES.items()}
    found: dict[str, tuple[int, str]] = {}
    seen = 0
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "__MACOSX")
        depth = len(Path(dirpath).relative_to(root).parts)
        for name in filenames:
            seen += 1
            if seen > MAX_FOLDER_ENTRIES:
                raise InputError("has too many files to be a LinkedIn export", path=str(root))
            kind = wanted.get(name.lower())
            full = os.path.join(dirpath, name)
            if kind is None or os.path.islink(full):
                continue
            if kind not in found or (depth, full) < found[kind]:
                found[kind] = (depth, full)
    sources = {}
    for kind, (_, full) in found.items():
        src = file_source(full)
        if src.size > 0:
            sources[kind] = src
    if set(sources) <= {PROFILE}:
        return {}
    return sources


def zip_sources(archive: SafeZip) -> dict[str, Source]:
    """Find an export's CSVs in a zip (any case, shallowest first); {} if there are none.

    Parameters
    ----------
    archive : SafeZip
        The open archive; the sources read from it while it is open.

    Returns
    -------
    dict of str to Source
        By kind (a key of :data:`FILE_NAMES`).
    """
    sources = {}
    for kind, name in FILE_NAMES.items():
        info = archive.find(name)
        if info is not None and info.file_size > 0:
            sources[kind] = Source(archive.member_label(info), info.file_size,
                                   lambda info=info: archive.open(info))
    if set(sources) <= {PROFILE}:
        return {}
    return sources
