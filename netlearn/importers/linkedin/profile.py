"""Read LinkedIn's Profile.csv: the learner's own name, a hint for finding the owner."""

from __future__ import annotations

from netlearn.importers.csv_files import Reader, cell, numbered
from netlearn.importers.linkedin.files import PROFILE
from netlearn.importers.linkedin.part import Part
from netlearn.importers.linkedin.people import norm_name


def read_profile(reader: Reader, cols: dict[str, int], label: str) -> Part:
    """Read Profile.csv's rows after the header into ``part.owner_names``.

    A :class:`~netlearn.importers.linkedin.part.FileReader`; ``rows`` counts the rows
    with a name.
    """
    part = Part(PROFILE, label)
    for _, row in numbered(reader):
        name = f"{cell(row, cols['first name'])} {cell(row, cols['last name'])}".strip()
        if name:
            part.rows += 1
            part.owner_names.add(norm_name(name))
    return part
