"""Small helpers shared by the activity widgets: escaping, messages, tables, readable labels."""

from __future__ import annotations

import html

from netlearn.network.records import CHANNELS, DIRECTIONS, EVENT_CHECKLIST, PURPOSES

#: Readable words for the records' channel, direction and purpose codes.
CHANNEL_LABELS = {
    "in_person": "in person",
    "event": "at an event",
    "call": "phone call",
    "video": "video call",
    "email": "e-mail",
    "linkedin_message": "LinkedIn message",
    "linkedin_invitation": "LinkedIn invitation",
    "forum": "online forum or community",
    "post": "comment on a post",
}
DIRECTION_LABELS = {
    "out": "I reached out",
    "in": "they reached out",
}
PURPOSE_LABELS = {
    "meet": "first meeting",
    "follow_up": "follow-up after meeting",
    "check_in": "keeping in touch",
    "give": "giving (help, a resource, an introduction)",
    "ask": "asking for something",
    "thanks": "saying thank you",
    "introduction": "introducing or being introduced",
    "message": "a message (purpose not recorded)",
}
#: Keep-in-touch cadences offered everywhere a cadence is chosen (label, days or None).
CADENCE_OPTIONS = (
    ("no reminder", None),
    ("every 30 days", 30),
    ("every 60 days", 60),
    ("every 90 days", 90),
    ("every 180 days", 180),
)
NOBODY = 0  # Dropdown value for "no contact"
#: The event preparation checklist, as the learner reads it (defined in netlearn.network.records).
CHECKLIST_LABELS = EVENT_CHECKLIST
#: How the texts of commitments made by the practice widgets begin, for the learner's eyes
#: (their ``kind``, not this text, tells code what they are).
GIVE_PREFIX = "Give: "
FOLLOW_UP_PREFIX = "Send follow-up: "


def escape(text) -> str:
    """Return ``text`` escaped for an HTML widget (quotes included).

    Uses :func:`netlearn.widgets._html.escape` when that module exists, else
    :func:`html.escape`.
    """
    try:
        from netlearn.widgets._html import escape as shared_escape
    except ImportError:
        return html.escape(str(text), quote=True)
    return shared_escape(str(text))


def labelled(codes, labels) -> list[tuple[str, str]]:
    """Return Dropdown options ``(readable label, code)`` for ``codes`` in their order."""
    return [(labels.get(code, code.replace("_", " ")), code) for code in codes]


def channel_options() -> list[tuple[str, str]]:
    """Dropdown options for every channel in :data:`~netlearn.network.records.CHANNELS`."""
    return labelled(CHANNELS, CHANNEL_LABELS)


def direction_options() -> list[tuple[str, str]]:
    """Dropdown options for every direction in :data:`~netlearn.network.records.DIRECTIONS`."""
    return labelled(DIRECTIONS, DIRECTION_LABELS)


def purpose_options() -> list[tuple[str, str]]:
    """Dropdown options for every purpose in :data:`~netlearn.network.records.PURPOSES`."""
    return labelled(PURPOSES, PURPOSE_LABELS)


def cadence_label(days) -> str:
    """Return the readable label of a cadence in days (any positive number works)."""
    for label, value in CADENCE_OPTIONS:
        if value == days:
            return label
    return f"every {days} days" if days else "no reminder"


def cadence_options(current=None) -> list[tuple[str, int | None]]:
    """Cadence Dropdown options, with ``current`` added when it is not a standard one."""
    options = list(CADENCE_OPTIONS)
    if current and current not in {value for _, value in options}:
        options.append((cadence_label(current), current))
    return options


def ok(text: str) -> str:
    """HTML for a success message (``text`` is escaped)."""
    return f'<span class="netlearn-ok">✓ {escape(text)}</span>'


def problem(text: str) -> str:
    """HTML for a validation or error message (``text`` is escaped)."""
    return f'<span class="netlearn-problem">✗ {escape(text)}</span>'


def note(text: str) -> str:
    """HTML for a neutral note (``text`` is escaped)."""
    return f'<span class="netlearn-note netlearn-muted">{escape(text)}</span>'


def table_html(headers, rows, caption: str = "") -> str:
    """Return an HTML table; every header and cell is escaped.

    Parameters
    ----------
    headers : sequence of str
        Column titles.
    rows : iterable of sequences
        Cell values (converted with ``str``; None shows as empty).
    caption : str, optional
        A caption above the table.
    """
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(
            f"<td>{escape('' if cell is None else cell)}</td>" for cell in row) + "</tr>"
        for row in rows
    )
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    return f"<table class='netlearn-table'>{cap}<thead><tr>{head}</tr></thead>" \
           f"<tbody>{body}</tbody></table>"


def resolve_store(store=None):
    """Return ``store`` or the learner's shared store."""
    if store is not None:
        return store
    from netlearn.store import get_store

    return get_store()


def contact_options(store, blank: str | None = None) -> list[tuple[str, int]]:
    """Dropdown options ``(name — company, id)`` for the learner's stored contacts, by name.

    Parameters
    ----------
    store : netlearn.store.Store
        The learner's store.
    blank : str, optional
        Label of a first "nobody" option (value :data:`NOBODY`).
    """
    rows = store.contact_choices()
    options = [(blank, NOBODY)] if blank is not None else []
    for row in rows:
        label = row["name"] + (f" — {row['company']}" if row["company"] else "")
        options.append((label, row["id"]))
    return options
