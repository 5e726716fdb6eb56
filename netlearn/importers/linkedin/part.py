"""What one file of a LinkedIn export gives before people are resolved: a Part."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple, Protocol

from netlearn.importers.csv_files import Reader, is_blank
from netlearn.network.records import Contact, Event, Interaction, Skipped


class Message(NamedTuple):
    """A message as read, before the export's owner is known.

    Parameters
    ----------
    when : datetime
        When it was sent.
    source_ref : str
        Its id, unique in the file.
    pair : int
        Who wrote to whom: an index into :attr:`Part.pairs`.
    """

    when: datetime
    source_ref: str
    pair: int


@dataclass
class Part:
    """What one CSV of the export produced (made anew if the file is read again).

    Interactions of invitations, endorsements and recommendations hold a person id
    (see :func:`netlearn.importers.linkedin.people.person_id`) as ``contact_key`` until
    people are resolved; messages become interactions once the owner is known.

    Parameters
    ----------
    kind : str
        Which file it is (a key of :data:`netlearn.importers.linkedin.files.FILE_NAMES`).
    label : str
        The file's name in messages and skipped rows.
    """

    kind: str
    label: str
    rows: int = 0  # rows of data (those with enough columns; Profile.csv: with a name)
    contacts: list[Contact] = field(default_factory=list)
    interactions: list[Interaction] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)
    #: (sender id, recipient ids), numbered as the messages' ``pair``
    pairs: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # person id -> display name
    urls: dict[str, str] = field(default_factory=dict)  # person id -> URL as written
    owner_ids: set[str] = field(default_factory=set)  # hints (invitations)
    owner_names: set[str] = field(default_factory=set)  # hints (invitations, profile)
    events: list[Event] = field(default_factory=list)  # Events.csv

    def skip(self, line: int, reason: str) -> None:
        """Report the row at ``line`` as skipped, saying why."""
        self.skipped.append(Skipped(self.label, line, reason))

    def lacks_columns(self, line: int, row: list[str], need: int) -> bool:
        """Return True when ``row`` has fewer than ``need`` cells.

        Such a row is skipped, and reported unless it is blank.
        """
        if len(row) >= need:
            return False
        if not is_blank(row):
            self.skip(line, f"has {len(row)} columns, expected {need}")
        return True


class UniqueRefs:
    """Make a file's ids unique: the 2nd, 3rd … use of one id gets ``#2``, ``#3`` …

    In file order, so the same file gives the same ids and a re-import adds nothing.
    """

    def __init__(self):
        self.uses: dict[str, int] = {}

    def __call__(self, ref: str) -> str:
        """Return ``ref``, numbered when it was made before."""
        n = self.uses[ref] = self.uses.get(ref, 0) + 1
        return ref if n == 1 else f"{ref}#{n}"


class FileReader(Protocol):
    """How one file of the export is read: its rows after the header, into a :class:`Part`.

    Parameters
    ----------
    reader : csv.reader
        Positioned after the header.
    cols : dict of str to int
        Column positions by lower-cased header name.
    label : str
        The file's name for skipped rows.

    Returns
    -------
    Part
    """

    def __call__(self, reader: Reader, cols: dict[str, int], label: str) -> Part: ...
