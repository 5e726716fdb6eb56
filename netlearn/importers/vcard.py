"""Import contacts from a vCard (.vcf) file, versions 2.1, 3.0 and 4.0."""

from __future__ import annotations

import re

from netlearn.importers.sources import Progress, ProgressFn, clip, file_source, read_text
from netlearn.network.records import Batch, Contact, Skipped
from netlearn.plumbing.errors import InputError

_LINES = re.compile(r"\r\n|\r|\n")


def split_cards(text: str) -> list[tuple[int, str | None]]:
    """Split vCard text into cards with the line each starts on.

    Parameters
    ----------
    text : str
        The whole file.

    Returns
    -------
    list of (int, str or None)
        ``(line of BEGIN:VCARD, card text)``; the text is None for a card that is
        never closed by ``END:VCARD``.
    """
    cards: list[tuple[int, str | None]] = []
    start = None
    depth = 0
    lines = _LINES.split(text)
    for n, line in enumerate(lines, 1):
        tag = line.strip().upper()
        if tag == "BEGIN:VCARD":
            if depth == 0:
                start = n
            depth += 1
        elif tag == "END:VCARD" and depth:
            depth -= 1
            if depth == 0:
                cards.append((start, "\r\n".join(lines[start - 1:n]) + "\r\n"))
    if depth:
        cards.append((start, None))
    return cards


def read_vcard(path, progress: ProgressFn | None = None) -> Batch:
    """Import the contacts in a .vcf file (one or many cards).

    Each card becomes a ``Contact(source="vcard")`` with name (FN, else N), the
    preferred (else first) e-mail, organisation and title. ``source_ref`` is the card's
    UID, else its e-mail (lower-cased), else its name (lower-cased). A card without a
    name, or one vobject cannot parse, is skipped with the line its ``BEGIN:VCARD`` is
    on, as is a last card never closed by ``END:VCARD`` (a truncated file).
    Text is UTF-8, falling back to cp1252/latin-1.

    Parameters
    ----------
    path : str or os.PathLike
        The .vcf file.
    progress : callable, optional
        ``progress(bytes_done, bytes_total)``.

    Returns
    -------
    Batch

    Raises
    ------
    InputError
        Not a text file, or no ``BEGIN:VCARD`` in it.
    """
    import vobject

    source = file_source(path)
    prog = Progress(progress, source.size)
    text = read_text(source, prog)
    cards = split_cards(text)
    if not cards:
        raise InputError("is not a vCard file (no BEGIN:VCARD found)", path=source.label)
    batch = Batch(source="vcard", path=source.label)
    seen: set[str] = set()
    for line, card_text in cards:
        if card_text is None:
            batch.skipped.append(Skipped(source.label, line,
                                         "the card has no END:VCARD (is the file truncated?)"))
            continue
        try:
            card = vobject.readOne(card_text, allowQP=True)
            contact = _contact(card)
        except Exception as exc:  # vobject raises many kinds; one bad card is skipped
            batch.skipped.append(Skipped(source.label, line,
                                         f"cannot be read as a vCard ({clip(str(exc))})"))
            continue
        if contact is None:
            batch.skipped.append(Skipped(source.label, line, "the card has no name (FN or N)"))
            continue
        if contact.key in seen:
            continue
        seen.add(contact.key)
        batch.contacts.append(contact)
    prog.finish()
    return batch


def _text(card, name: str) -> str:
    for line in card.contents.get(name, []):
        value = line.value
        if isinstance(value, (list, tuple)):
            value = next((v for v in value if str(v).strip()), "")
        value = str(value).strip()
        if value:
            return value
    return ""


def _name(card) -> str:
    fn = _text(card, "fn")
    if fn:
        return " ".join(fn.split())
    for line in card.contents.get("n", []):
        value = line.value
        if isinstance(value, str):
            parts = value.split(";")
            value_parts = [parts[i] for i in (3, 1, 2, 0, 4) if i < len(parts)]
        else:
            value_parts = [_join(getattr(value, a, "")) for a in
                           ("prefix", "given", "additional", "family", "suffix")]
        name = " ".join(" ".join(value_parts).split())
        if name:
            return name
    return ""


def _join(v) -> str:
    return " ".join(v) if isinstance(v, (list, tuple)) else str(v or "")


def _is_pref(line) -> bool:
    params = {k.upper(): [str(x).lower() for x in v] for k, v in line.params.items()}
    singles = {str(s).upper() for s in getattr(line, "singletonparams", [])}
    return "pref" in params.get("TYPE", []) or "PREF" in params or "PREF" in singles


def _email(card) -> str:
    lines = [ln for ln in card.contents.get("email", []) if str(ln.value).strip()]
    if not lines:
        return ""
    best = next((ln for ln in lines if _is_pref(ln)), lines[0])
    return str(best.value).strip()


def _contact(card) -> Contact | None:
    name = _name(card)
    if not name:
        return None
    email = _email(card)
    uid = _text(card, "uid")
    ref = uid or email.lower() or " ".join(name.lower().split())
    return Contact(name=name, source="vcard", source_ref=ref, email=email,
                   company=_text(card, "org"), position=_text(card, "title"))
