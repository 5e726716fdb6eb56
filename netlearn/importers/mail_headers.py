"""Read the few headers kept from a message's header block: text, names, dates and ids."""

from __future__ import annotations

import hashlib
import re
from datetime import datetime, timezone
from email.header import decode_header
from email.utils import parsedate_to_datetime

from netlearn.importers.sources import clip

#: Messages dated before this are taken for broken dates (1970-01-01 is a zero date).
EARLIEST = datetime(1971, 1, 1)
_ADDRESS = re.compile(r"^[^@\s<>,;:\"()\[\]]+@[^@\s<>,;:\"()\[\]]+\.[^@\s<>,;:\"()\[\]]+$")
_MESSAGE_ID = re.compile(r"<([^<>\s]+)>")


#: The headers read, lower-case; the address lists among them may come more than once.
READ_HEADERS = frozenset({
    "from", "to", "cc", "bcc", "date", "message-id", "in-reply-to", "references", "list-id",
    "list-unsubscribe", "list-post", "precedence", "auto-submitted", "x-autoreply",
    "x-autorespond", "x-gmail-labels", "content-type", "content-class", "sender"})
_ADDRESS_LISTS = frozenset({"to", "cc", "bcc"})


def header_fields(headers) -> dict[str, str]:
    """The headers read, by lower-case name, unfolded; To, Cc and Bcc joined if repeated."""
    fields: dict[str, str] = {}
    for name, value in headers.items():
        key = name.lower()
        if key not in READ_HEADERS:
            continue
        value = " ".join(str(value).split())
        if key not in fields:
            fields[key] = value
        elif key in _ADDRESS_LISTS:
            fields[key] += ", " + value
    return fields


def getter(fields: dict[str, str]):
    """Return ``get(name)``: the value of a header of ``fields`` by any case, or ``""``."""
    def get(name: str) -> str:
        return fields.get(name.lower(), "")
    return get


def header_text(block: bytes) -> str:
    """A header block as text: UTF-8, else each line that is not UTF-8 as Windows-1252.

    Decoding here, not in ``BytesHeaderParser``, keeps raw 8-bit names (common in
    practice) readable: that parser would leave them as undecodable bytes.
    """
    try:
        return block.decode("utf-8")
    except UnicodeDecodeError:
        return "\n".join(_line_text(line) for line in block.split(b"\n"))


def _line_text(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line.decode("cp1252", errors="replace")


def decoded(text: str) -> str:
    """Text with RFC 2047 encoded words (``=?UTF-8?B?…?=``) decoded; bad ones left as is."""
    if "=?" not in text:
        return text
    try:
        parts = decode_header(text)
    except Exception:  # a malformed encoded word: binascii, HeaderParseError, ValueError …
        return text
    out = []
    for part, charset in parts:
        if isinstance(part, str):
            out.append(part)
            continue
        try:
            # decode_header gives the words around encoded ones back as raw-unicode-escape
            out.append(part.decode(charset or "raw-unicode-escape", errors="replace"))
        except LookupError:  # a charset Python does not know
            out.append(part.decode("utf-8", errors="replace"))
    return "".join(out)


def display_name(raw: str, address: str) -> str:
    """A display name decoded and tidied; "" when it is empty or only the address."""
    name = clip(" ".join(decoded(raw).split()).strip("'\" "), 120)
    return "" if name.lower() in ("", address, f"<{address}>") else name


def message_hash(header: str, last: bool = False) -> str:
    """The hash of the (first, or last) message id in a header; "" when there is none."""
    ids = _MESSAGE_ID.findall(header)
    if not ids:
        ids = header.split()
    return digest(ids[-1 if last else 0]) if ids else ""


def digest(text: str, size: int = 10) -> str:
    """A short hex hash (``size`` bytes) of ``text``: ids are kept only this way."""
    return hashlib.blake2b(text.encode("utf-8", "surrogateescape"),
                           digest_size=size).hexdigest()


def is_address(text: str) -> bool:
    """Return True for a plausible e-mail address (lower-case, with a dotted domain)."""
    return len(text) <= 254 and _ADDRESS.match(text) is not None


def message_time(raw: str, latest: datetime) -> tuple[datetime | None, str | None]:
    """The Date header in UTC (naive), or None and why it cannot be used.

    A message is skipped, not the mailbox refused, for a missing or impossible date:
    one broken message among thousands should not keep the others out.

    Parameters
    ----------
    raw : str
        The Date header's value.
    latest : datetime
        Later dates are taken for a broken clock (naive UTC).

    Returns
    -------
    tuple of (datetime or None, str or None)
    """
    if not raw.strip():
        return None, "has no date (Date header)"
    try:
        when = parsedate_to_datetime(raw)
        if when.tzinfo is not None:
            when = when.astimezone(timezone.utc).replace(tzinfo=None)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None, f"has a date that cannot be read ({clip(raw, 40)!r})"
    if when < EARLIEST:
        return None, f"has an impossible date ({when:%Y-%m-%d})"
    if when > latest:
        return None, f"is dated in the future ({when:%Y-%m-%d})"
    return when, None
