"""Read LinkedIn's Invitations.csv: one interaction per invitation sent or received."""

from __future__ import annotations

from netlearn.importers.csv_files import Reader, cell, numbered
from netlearn.importers.dates import parse_when
from netlearn.importers.linkedin.files import INVITATIONS
from netlearn.importers.linkedin.part import Part, UniqueRefs
from netlearn.importers.linkedin.people import norm_name, person, person_id
from netlearn.network.records import Interaction


def read_invitations(reader: Reader, cols: dict[str, int], label: str) -> Part:
    """Read Invitations.csv's rows after the header into ``part.interactions``.

    A :class:`~netlearn.importers.linkedin.part.FileReader`. Each interaction's
    ``contact_key`` is the other person's id until people are resolved. The learner's own
    name and URL on each row are hints for finding the export's owner
    (``part.owner_ids``, ``part.owner_names``).
    """
    part = Part(INVITATIONS, label)
    i_from, i_to, i_at, i_dir = cols["from"], cols["to"], cols["sent at"], cols["direction"]
    i_msg = cols.get("message")
    i_from_url = cols.get("inviterprofileurl")
    i_to_url = cols.get("inviteeprofileurl")
    need = max(i_from, i_to, i_at, i_dir) + 1
    unique = UniqueRefs()
    for line, row in numbered(reader):
        if part.lacks_columns(line, row, need):
            continue
        part.rows += 1
        direction = row[i_dir].strip().upper()
        if direction == "OUTGOING":
            other = (row[i_to].strip(), cell(row, i_to_url))
            me = (row[i_from].strip(), cell(row, i_from_url))
            way = "out"
        elif direction == "INCOMING":
            other = (row[i_from].strip(), cell(row, i_from_url))
            me = (row[i_to].strip(), cell(row, i_to_url))
            way = "in"
        else:
            part.skip(line, "'Direction' is not INCOMING or OUTGOING")
            continue
        when = parse_when(row[i_at])
        if when is None:
            part.skip(line, f"'Sent At' is not a date: {row[i_at][:30]!r}")
            continue
        pid = person(part, *other)
        if pid is None:
            part.skip(line, "no name or profile URL for the other person")
            continue
        my_id = person_id(*me)
        if my_id:
            part.owner_ids.add(my_id)
        if me[0]:
            part.owner_names.add(norm_name(me[0]))
        part.interactions.append(Interaction(
            when=when, channel="linkedin_invitation", direction=way, purpose="introduction",
            contact_key=pid, personal_note=bool(cell(row, i_msg)), source="linkedin",
            source_ref=unique(f"inv:{way}|{pid}|{row[i_at].strip()}"),
        ))
    return part
