"""Import a hand-kept networking log in netlearn's plain CSV template (template.csv)."""

from __future__ import annotations

import hashlib
from importlib import resources

from netlearn.importers.csv_files import Reader, find_header, numbered, parse_csv
from netlearn.importers.dates import parse_iso
from netlearn.importers.sources import Progress, ProgressFn, clip, file_source
from netlearn.network.records import (
    CHANNELS,
    DIRECTIONS,
    PURPOSES,
    Batch,
    Contact,
    Interaction,
    Skipped,
)
from netlearn.plumbing.errors import InputError

#: The template's columns, in order. ``date`` and ``channel`` are required, and at least
#: one of ``name`` / ``email``; the others may be missing or empty. Extra columns are ignored.
COLUMNS = ("date", "name", "email", "company", "channel", "direction", "purpose", "note")
DEFAULT_DIRECTION = "out"
DEFAULT_PURPOSE = "check_in"
#: Words accepted besides the canonical values (after lower-casing and turning spaces
#: and hyphens into underscores).
CHANNEL_ALIASES = {
    "inperson": "in_person", "face_to_face": "in_person", "meeting": "in_person",
    "coffee": "in_person", "phone": "call", "phone_call": "call", "video_call": "video",
    "zoom": "video", "teams": "video", "e_mail": "email", "mail": "email",
    "linkedin": "linkedin_message", "linkedin_dm": "linkedin_message",
    "invitation": "linkedin_invitation", "linkedin_invite": "linkedin_invitation",
    "conference": "event", "meetup": "event",
}
DIRECTION_ALIASES = {
    "outgoing": "out", "outbound": "out", "sent": "out", "me": "out", "i": "out",
    "incoming": "in", "inbound": "in", "received": "in", "them": "in",
}
PURPOSE_ALIASES = {
    "followup": "follow_up", "checkin": "check_in", "catch_up": "check_in",
    "intro": "introduction", "introduce": "introduction", "thank_you": "thanks",
    "thank": "thanks", "help": "give", "offer": "give", "request": "ask", "meeting": "meet",
}


def template_path():
    """Return the path of the packaged template (``netlearn/importers/template.csv``).

    Returns
    -------
    importlib.resources.abc.Traversable
        Readable with ``.read_text()``; a real file in a normal install.
    """
    return resources.files("netlearn.importers").joinpath("template.csv")


def normalise_choice(value: str, allowed: tuple[str, ...], aliases: dict[str, str]) -> str | None:
    """Map a learner's spelling (``"In person"``, ``"follow-up"``) to a canonical value.

    Parameters
    ----------
    value : str
        The cell.
    allowed : tuple of str
        Canonical values (e.g. :data:`netlearn.network.records.CHANNELS`).
    aliases : dict
        Extra accepted words.

    Returns
    -------
    str or None
        The canonical value, or None if it is not recognised.
    """
    v = "_".join(value.strip().lower().replace("-", " ").replace("_", " ").split())
    if v in allowed:
        return v
    if v in aliases:
        return aliases[v]
    squashed = v.replace("_", "")
    for a in allowed:
        if a.replace("_", "") == squashed:
            return a
    return aliases.get(squashed)


def row_ref(*fields: str) -> str:
    """Return a stable id for a row: a hash of its normalised fields.

    Parameters
    ----------
    *fields : str
        The row's values after normalisation.

    Returns
    -------
    str
        ``"row:"`` followed by 20 hex digits; identical rows get identical ids.
    """
    digest = hashlib.sha1("\x1f".join(fields).encode("utf-8")).hexdigest()
    return "row:" + digest[:20]


def _recognise(cells: list[str]) -> str | None:
    names = set(cells)
    if {"date", "channel"} <= names and ("name" in names or "email" in names):
        return "csv"
    from netlearn.importers.linkedin.files import detect_kind as linkedin_kind

    kind = linkedin_kind(cells)  # a LinkedIn file is named as one, not "wrong header"
    return f"linkedin:{kind}" if kind else None


def read_csvlog(path, progress: ProgressFn | None = None) -> Batch:
    """Import a networking log kept in netlearn's CSV template.

    Columns (header required, any order, case-insensitive):
    ``date,name,email,company,channel,direction,purpose,note``. ``date`` is
    ``YYYY-MM-DD`` with an optional time. ``channel``, ``direction`` and ``purpose``
    must be one of :data:`~netlearn.network.records.CHANNELS`, ``DIRECTIONS`` and
    ``PURPOSES``; case, spaces and hyphens do not matter (``In person``, ``follow-up``)
    and a few synonyms are accepted. ``direction`` defaults to ``out`` and ``purpose``
    to ``check_in``.

    Each row gives a ``Contact(source="csv")`` (``source_ref`` = e-mail, else name,
    lower-cased; a name-only row joins the contact with an e-mail of the same name) and
    an ``Interaction(source="csv")`` whose ``source_ref`` is a hash of the row's values,
    so importing the file again adds nothing, and two identical rows count once (the
    second is reported as skipped). Rows with bad values are skipped with their line.
    The file is read as UTF-8, falling back to cp1252/latin-1 (Excel on Windows).

    Parameters
    ----------
    path : str or os.PathLike
        The CSV file.
    progress : callable, optional
        ``progress(bytes_done, bytes_total)``.

    Returns
    -------
    Batch

    Raises
    ------
    InputError
        Empty, header only, wrong header, not comma-separated, binary or malformed CSV.
    """
    source = file_source(path)
    prog = Progress(progress, source.size)
    if source.size == 0:
        raise InputError("is empty", path=source.label)
    batch = parse_csv(source, lambda reader: _parse(reader, source.label), prog)
    prog.finish()
    return batch


def _parse(reader: Reader, label: str) -> Batch:
    kind, cols, _ = find_header(reader, _recognise, label,
                                "a netlearn CSV log (header: " + ",".join(COLUMNS) + ")")
    if kind != "csv":
        raise InputError("is a file from a LinkedIn export, not a netlearn CSV log; import it "
                         "as LinkedIn (netlearn import linkedin FILE, or the file type "
                         "'LinkedIn data export' in the notebook)", path=label)
    batch = Batch(source="csv", path=label)
    contacts: dict[str, Contact] = {}
    refs: dict[str, int] = {}
    count = 0

    def cell(row: list[str], name: str) -> str:
        i = cols.get(name)
        return row[i].strip() if i is not None and i < len(row) else ""

    for line, row in numbered(reader):
        if not any(c.strip() for c in row):
            continue
        count += 1
        problem, inter, contact = _row(row, cell)
        if problem:
            batch.skipped.append(Skipped(label, line, problem))
            continue
        if inter.source_ref in refs:
            batch.skipped.append(Skipped(
                label, line, f"same as line {refs[inter.source_ref]} (counted once)"))
            continue
        refs[inter.source_ref] = line
        known = contacts.get(contact.key)
        if known is None:
            contacts[contact.key] = contact
        else:
            known.email = known.email or contact.email
            known.company = known.company or contact.company
        batch.interactions.append(inter)
    if count == 0:
        raise InputError("has a header but no rows", path=label)
    _join_names(contacts, batch)
    return batch


def _row(row, cell):
    raw_date = cell(row, "date")
    when = parse_iso(raw_date)
    if when is None:
        return (f"date must be YYYY-MM-DD (optionally with a time), not {clip(raw_date, 30)!r}",
                None, None)
    name, email = " ".join(cell(row, "name").split()), cell(row, "email")
    if not name and not email:
        return "a row needs a name or an email", None, None
    channel = normalise_choice(cell(row, "channel"), CHANNELS, CHANNEL_ALIASES)
    if channel is None:
        return (f"channel {clip(cell(row, 'channel'), 30)!r} is not one of: "
                + ", ".join(CHANNELS)), None, None
    raw_dir = cell(row, "direction")
    direction = (normalise_choice(raw_dir, DIRECTIONS, DIRECTION_ALIASES)
                 if raw_dir else DEFAULT_DIRECTION)
    if direction is None:
        return f"direction {clip(raw_dir, 30)!r} is not 'out' or 'in'", None, None
    raw_purpose = cell(row, "purpose")
    purpose = (normalise_choice(raw_purpose, PURPOSES, PURPOSE_ALIASES)
               if raw_purpose else DEFAULT_PURPOSE)
    if purpose is None:
        return (f"purpose {clip(raw_purpose, 30)!r} is not one of: "
                + ", ".join(PURPOSES)), None, None
    company, note = cell(row, "company"), cell(row, "note")
    contact_ref = email.lower() if email else name.lower()
    contact = Contact(name=name or email, source="csv", source_ref=contact_ref, email=email,
                      company=company)
    ref = row_ref(when.isoformat(), name.lower(), email.lower(), company.lower(), channel,
                  direction, purpose, note)
    inter = Interaction(when=when, channel=channel, direction=direction, purpose=purpose,
                        contact_key=contact.key, note=note, source="csv", source_ref=ref)
    return "", inter, contact


def _join_names(contacts: dict[str, Contact], batch: Batch) -> None:
    """Point name-only rows at the contact with an e-mail of the same name (if unique)."""
    by_name: dict[str, list[str]] = {}
    for key, c in contacts.items():
        if c.email:
            by_name.setdefault(c.name.lower(), []).append(key)
    moved: dict[str, str] = {}
    for key, c in contacts.items():
        if not c.email:
            targets = by_name.get(c.source_ref, [])
            if len(targets) == 1:
                moved[key] = targets[0]
                target = contacts[targets[0]]
                target.company = target.company or c.company
    for it in batch.interactions:
        it.contact_key = moved.get(it.contact_key, it.contact_key)
    batch.contacts.extend(c for k, c in contacts.items() if k not in moved)
