"""Read the complete LinkedIn export's activity files: gives, received, posts and events."""

from __future__ import annotations

from datetime import date

from netlearn.importers.csv_files import Reader, cell, is_blank, numbered
from netlearn.importers.dates import parse_time
from netlearn.importers.linkedin.part import Part, UniqueRefs
from netlearn.importers.linkedin.people import norm_url, person
from netlearn.network.records import Event, Interaction
from netlearn.plumbing.clock import resolve_today

ENDORSEMENTS_GIVEN = "endorsements_given"
ENDORSEMENTS_RECEIVED = "endorsements_received"
RECOMMENDATIONS_GIVEN = "recommendations_given"
RECOMMENDATIONS_RECEIVED = "recommendations_received"
#: What a Recommendations_*.csv header says before its file name tells given from received.
RECOMMENDATIONS = "recommendations"
SHARES, COMMENTS, REACTIONS, EVENTS = "shares", "comments", "reactions", "events"

#: The complete export's files read here (matched case-insensitively, like the Basic ones).
FILE_NAMES = {
    ENDORSEMENTS_GIVEN: "Endorsement_Given_Info.csv",
    ENDORSEMENTS_RECEIVED: "Endorsement_Received_Info.csv",
    RECOMMENDATIONS_GIVEN: "Recommendations_Given.csv",
    RECOMMENDATIONS_RECEIVED: "Recommendations_Received.csv",
    SHARES: "Shares.csv",
    COMMENTS: "Comments.csv",
    REACTIONS: "Reactions.csv",
    EVENTS: "Events.csv",
}
#: Kinds whose rows name the other person (resolved to contacts after Connections.csv).
PERSON_KINDS = (ENDORSEMENTS_GIVEN, ENDORSEMENTS_RECEIVED, RECOMMENDATIONS_GIVEN,
                RECOMMENDATIONS_RECEIVED)

#: The prefix of an interaction's ``source_ref`` tells what kind of LinkedIn activity it is.
REF_KINDS = {
    "endorse": "endorsement", "recommend": "recommendation",
    "share": "post", "comment": "comment", "reaction": "reaction",
}
#: Longest name, event title or URL kept; a longer cell is a skipped row (names, titles)
#: or an unused URL. Real ones are far shorter; a 200 KB cell is not a name.
MAX_NAME = 200
MAX_URL = 2048
_NOT_ATTENDED = ("NOT", "DECLIN", "CANCEL", "LEFT", "WITHDRAW")


def recommendations_kind(label: str) -> str | None:
    """Given or received, from a Recommendations file's name (None when it does not say)."""
    name = label.replace("\\", "/").rsplit("/", 1)[-1].lower()
    if "received" in name:
        return RECOMMENDATIONS_RECEIVED
    if "given" in name:
        return RECOMMENDATIONS_GIVEN
    return None


def activity_kind(item: Interaction) -> str | None:
    """What LinkedIn activity an imported interaction records, from its ``source_ref``.

    Parameters
    ----------
    item : Interaction

    Returns
    -------
    str or None
        ``"endorsement"``, ``"recommendation"``, ``"post"``, ``"comment"``,
        ``"reaction"``, or None for anything else (messages, invitations, logged).
    """
    if item.source != "linkedin":
        return None
    return REF_KINDS.get(item.source_ref.split(":", 1)[0])


def _columns(cols: dict[str, int]) -> dict[str, int]:
    """Column positions by squeezed name (spaces and underscores removed)."""
    out: dict[str, int] = {}
    for name, i in cols.items():
        out.setdefault(name.replace(" ", "").replace("_", ""), i)
    return out


def _web_url(url: str) -> str:
    """``url`` when it is a short web address, else ``""`` (formulas, scripts, 200 KB cells)."""
    u = url.strip()
    if not u or len(u) > MAX_URL or not u.lower().startswith(("https://", "http://", "www.")):
        return ""
    return norm_url(u)


class _Rows:
    """What the files read here share: the columns, the date cell, numbered ids."""

    def __init__(self, part: Part, cols: dict[str, int], required: tuple[str, ...],
                 date_column: str, date_title: str):
        self.part = part
        self.cols = _columns(cols)
        self.need = max(self.cols[c] for c in required) + 1
        self.i_date, self.date_title = self.cols[date_column], date_title
        self.ref = UniqueRefs()

    def rows(self, reader: Reader, keep_blank: bool = False):
        """Yield ``(line, row, when)`` for usable rows; skip and report the others.

        With ``keep_blank``, a row of empty cells is counted, and skipped for its date,
        rather than passed over.
        """
        part = self.part
        for line, row in numbered(reader):
            if (not keep_blank and is_blank(row)) or part.lacks_columns(line, row, self.need):
                continue
            part.rows += 1
            raw = row[self.i_date]
            when = parse_time(raw)
            if when is None:
                part.skip(line, f"'{self.date_title}' is not a date: {raw.strip()[:30]!r}")
                continue
            yield line, row, when


def _person_part(kind: str, reader: Reader, cols: dict[str, int], part: Part) -> Part:
    """Endorsements and recommendations: one interaction per row, with the other person."""
    given = kind in (ENDORSEMENTS_GIVEN, RECOMMENDATIONS_GIVEN)
    if kind in (ENDORSEMENTS_GIVEN, ENDORSEMENTS_RECEIVED):
        who = "endorsee" if given else "endorser"
        first, last, url_col = f"{who}firstname", f"{who}lastname", f"{who}publicurl"
        date_col, title, prefix = "endorsementdate", "Endorsement Date", "endorse"
    else:
        first, last, url_col = "firstname", "lastname", None
        date_col, title, prefix = "creationdate", "Creation Date", "recommend"
    rows = _Rows(part, cols, (first, last, date_col), date_col, title)
    i_first, i_last = rows.cols[first], rows.cols[last]
    i_url = rows.cols.get(url_col) if url_col else None
    way = "out" if given else "in"
    for line, row, when in rows.rows(reader):
        name = f"{cell(row, i_first)} {cell(row, i_last)}".strip()
        if len(name) > MAX_NAME:
            part.skip(line, f"the name is longer than {MAX_NAME} characters")
            continue
        url = _web_url(cell(row, i_url))
        pid = person(part, name, url)
        if pid is None:
            part.skip(line, "no name or profile URL for the other person")
            continue
        ref = rows.ref(f"{prefix}:{way}|{pid}|{row[rows.i_date].strip()}")
        part.interactions.append(Interaction(
            when=when, channel="post", direction=way, purpose="give", contact_key=pid,
            source="linkedin", source_ref=ref,
        ))
    return part


def _post_url(url: str) -> str:
    """A post's link as written, when it is a short web address with no spaces, else ``""``.

    Unlike a profile URL it is not normalised: a post is only ever matched to itself."""
    u = url.strip()
    if len(u) > MAX_URL or " " in u or not u.startswith(("https://", "http://")):
        return ""
    return u


def _post_part(kind: str, reader: Reader, cols: dict[str, int], part: Part) -> Part:
    """Shares, comments and reactions: one interaction per row, with no other person."""
    link = {SHARES: "sharelink", COMMENTS: "link", REACTIONS: "link"}[kind]
    rows = _Rows(part, cols, ("date",), "date", "Date")
    i_link = rows.cols.get(link)
    i_type = rows.cols.get("type", rows.cols.get("reactiontype"))
    prefix = {SHARES: "share", COMMENTS: "comment", REACTIONS: "reaction"}[kind]
    for _, row, when in rows.rows(reader, keep_blank=True):
        raw = row[rows.i_date]
        url = _post_url(cell(row, i_link))
        if kind == REACTIONS:
            kind_word = cell(row, i_type).upper()
            if not (len(kind_word) <= 20 and kind_word.replace("_", "").isalpha()):
                kind_word = "OTHER"
            ref = f"{prefix}:{kind_word}|{url}|{raw.strip()}"
        else:
            ref = f"{prefix}:{url}|{raw.strip()}"
        part.interactions.append(Interaction(
            when=when, channel="post", direction="out", purpose="check_in",
            source="linkedin", source_ref=rows.ref(ref),
        ))
    return part


def _events_part(reader: Reader, cols: dict[str, int], part: Part, today: date) -> Part:
    """Events.csv: one event per row; events still to come are not attended yet."""
    rows = _Rows(part, cols, ("eventname", "eventtime"), "eventtime", "Event Time")
    i_name, i_status = rows.cols["eventname"], rows.cols.get("status")
    i_url = rows.cols.get("externalurl")
    for line, row, when in rows.rows(reader):
        title = " ".join(cell(row, i_name).split())
        if not title:
            part.skip(line, "the event has no name")
            continue
        if len(title) > MAX_NAME:
            part.skip(line, f"'Event Name' is longer than {MAX_NAME} characters")
            continue
        status = cell(row, i_status).upper()
        declined = any(word in status for word in _NOT_ATTENDED)
        url = _web_url(cell(row, i_url))
        day = when.date()
        part.events.append(Event(
            title=title, day=day, attended=day <= today and not declined, location=url,
            source="linkedin",
            source_ref=rows.ref(f"event:{url or title.lower()}|{row[rows.i_date].strip()}"),
        ))
    return part


def parse(kind: str, reader: Reader, cols: dict[str, int], label: str,
          today: date | None = None) -> Part:
    """Read one complete-export file's rows (after its header).

    Parameters
    ----------
    kind : str
        A key of :data:`FILE_NAMES`.
    reader, cols, label
        As for a :class:`~netlearn.importers.linkedin.part.FileReader`.
    today : date, optional
        Events after it are not attended yet (default: the real today).

    Returns
    -------
    Part
        Rows read, interactions (``contact_key`` holding a person id until resolved),
        events and skipped rows.
    """
    part = Part(kind, label)
    if kind in PERSON_KINDS:
        return _person_part(kind, reader, cols, part)
    if kind == EVENTS:
        return _events_part(reader, cols, part, resolve_today(today))
    return _post_part(kind, reader, cols, part)
