"""Read LinkedIn's Connections.csv: one contact per connection."""

from __future__ import annotations

from netlearn.importers.csv_files import Reader, cell, is_blank, numbered
from netlearn.importers.dates import parse_day
from netlearn.importers.linkedin.files import CONNECTIONS
from netlearn.importers.linkedin.part import Part
from netlearn.importers.linkedin.people import norm_name, norm_url
from netlearn.network.records import Contact


def read_connections(reader: Reader, cols: dict[str, int], label: str) -> Part:
    """Read Connections.csv's rows after the header into ``part.contacts``.

    A :class:`~netlearn.importers.linkedin.part.FileReader`. A contact's ``source_ref``
    is its canonical profile URL, else ``"first last|company"`` lower-cased. Rows without
    a name (hidden or closed profiles) or with a bad date are skipped.
    """
    part = Part(CONNECTIONS, label)
    i_first, i_last = cols["first name"], cols["last name"]
    i_company, i_position, i_on = cols["company"], cols["position"], cols["connected on"]
    i_url, i_email = cols.get("url"), cols.get("email address")
    need = max(i_first, i_last, i_company, i_position, i_on) + 1
    for line, row in numbered(reader):
        if part.lacks_columns(line, row, need):
            continue
        part.rows += 1
        name = f"{row[i_first].strip()} {row[i_last].strip()}".strip()
        if not name:
            if not is_blank(row):
                part.skip(line, "no name (a hidden or closed profile)")
            continue
        raw_on = row[i_on]
        on = parse_day(raw_on) if raw_on else None
        if on is None and raw_on.strip():
            part.skip(line, f"'Connected On' is not a date: {raw_on[:30]!r}")
            continue
        company = row[i_company].strip()
        url = cell(row, i_url)
        ref = norm_url(url) if url else ""
        if not ref or not url.lower().startswith(("https://", "http://", "www.")):
            url = ""  # e.g. javascript:… is never kept
            ref = f"{norm_name(name)}|{norm_name(company)}"
        part.contacts.append(Contact(
            name, "linkedin", ref, cell(row, i_email), company, row[i_position].strip(), url, on,
        ))
    return part
