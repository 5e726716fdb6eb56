"""Who a LinkedIn row is about: person ids from names and profile URLs, and their contacts."""

from __future__ import annotations

from urllib.parse import unquote

from netlearn.importers.linkedin.part import Part
from netlearn.network.records import Batch, Contact

#: How LinkedIn names a member whose profile is hidden or closed (normalised).
HIDDEN_MEMBER = "linkedin member"

_url_cache: dict[str, str] = {}


def norm_name(name: str) -> str:
    """Return a name lower-cased with whitespace collapsed (for matching)."""
    return " ".join(name.lower().split())


def norm_url(url: str) -> str:
    """Return a canonical profile URL (``https://www.linkedin.com/in/slug``) or ``""``.

    Parameters
    ----------
    url : str
        A profile URL as LinkedIn wrote it (any scheme, ``www.`` or not, query, ``/``).

    Returns
    -------
    str
        Lower-cased canonical form; ``""`` for empty or non-web values.
    """
    hit = _url_cache.get(url)
    if hit is not None:
        return hit
    s = url.lower()
    if (s.startswith("https://www.linkedin.com/in/") and "?" not in s and "#" not in s
            and "%" not in s and not s.endswith(("/", " ")) and " " not in s):
        _url_cache[url] = s  # already canonical (the usual case)
        return s
    s = s.strip()
    for sep in ("?", "#"):
        s = s.split(sep, 1)[0]
    s = s.rstrip("/")
    if "%" in s:
        s = unquote(s)
    for prefix in ("https://", "http://"):
        if s.startswith(prefix):
            s = s[len(prefix):]
            break
    else:
        if ":" in s.split("/", 1)[0] or not s or "." not in s.split("/", 1)[0]:
            s = ""  # e.g. javascript:..., a bare word
    if s.startswith("www."):
        s = s[4:]
    out = ("https://www." + s if s.startswith("linkedin.com/") else "https://" + s) if s else ""
    _url_cache[url] = out
    return out


def forget_urls() -> None:
    """Empty :func:`norm_url`'s memory of the URLs seen (call when an import ends).

    An export repeats each profile URL in many rows; the memory only serves one import
    and is not kept in a long-lived kernel.
    """
    _url_cache.clear()


def person_id(name: str, url: str) -> str:
    """Return the id of the person a name and profile URL (either may be empty) name.

    Parameters
    ----------
    name, url : str
        As written in the file.

    Returns
    -------
    str
        The canonical profile URL, else ``"name:"`` and the normalised name, else ``""``.
    """
    u = norm_url(url) if url else ""
    if u:
        return u
    n = norm_name(name)
    return "name:" + n if n else ""


def person(part: Part, name: str, url: str) -> str | None:
    """Return the person id of a row's other person, noting their name and URL in ``part``.

    Parameters
    ----------
    part : Part
        Receives the first name and URL seen for each id.
    name, url : str
        Stripped cells.

    Returns
    -------
    str or None
        None when the row names no one, or a hidden LinkedIn member.
    """
    pid = person_id(name, url)
    if not pid or pid == "name:" + HIDDEN_MEMBER:
        return None
    if name and pid not in part.names:
        part.names[pid] = name
    if url and pid not in part.urls:
        part.urls[pid] = url
    return pid


class People:
    """Maps person ids from messages/invitations to contact keys, creating contacts.

    A profile-URL id matches a connection by URL; by name only a connection listed
    without a URL (older exports), or any connection when the URL is LinkedIn's opaque
    member id (``/in/ACoAA…``) rather than a public profile address. A name-only id
    matches a connection, else a person already met in this import, by name.

    Parameters
    ----------
    batch : Batch
        Receives every contact, connections first, each once.
    """

    def __init__(self, batch: Batch):
        self.batch = batch
        self.by_url: dict[str, str] = {}
        self.conn_by_name: dict[str, str] = {}
        self.conn_by_name_no_url: dict[str, str] = {}
        self.new_by_name: dict[str, str] = {}
        self.conn_urls: set[str] = set()
        self.keys: dict[str, str] = {}
        self.seen: set[str] = set()

    def add_connections(self, contacts: list[Contact]) -> None:
        """Add Connections.csv's contacts to the batch (each person once)."""
        for c in contacts:
            k = c.key
            if k in self.seen:
                continue  # the same person twice in Connections.csv
            self.seen.add(k)
            self.batch.contacts.append(c)
            if c.url:  # then source_ref is the canonical URL
                self.by_url.setdefault(c.source_ref, k)
                self.conn_urls.add(c.source_ref)
            self.conn_by_name.setdefault(norm_name(c.name), k)
            if not c.url:
                self.conn_by_name_no_url.setdefault(norm_name(c.name), k)

    def is_connection(self, pid: str, name: str) -> bool:
        """Return True when the person (id, normalised name) is one of the connections."""
        return pid in self.conn_urls or (bool(name) and name in self.conn_by_name)

    def key(self, pid: str, name: str, url: str) -> str:
        """Return the contact key of a person id, adding a contact when it is someone new.

        Parameters
        ----------
        pid : str
            From :func:`person_id`.
        name, url : str
            The name and URL first seen with it (may be empty).

        Returns
        -------
        str
            A :attr:`Contact.key`; the same for every later call with that id.
        """
        k = self.keys.get(pid)
        if k is not None:
            return k
        by_name = pid.startswith("name:")
        n = norm_name(name) if name else (pid[5:] if by_name else "")
        if by_name:
            k = (self.conn_by_name.get(n) or self.new_by_name.get(n)) if n else None
        else:
            k = self.by_url.get(pid)
            if k is None and n:
                if "/in/acoa" in pid:  # an opaque member id, not a public address
                    k = self.conn_by_name.get(n)
                else:
                    k = self.conn_by_name_no_url.get(n)
        if k is None:
            if by_name:
                contact = Contact(name=name.strip() or n, source="linkedin", source_ref=f"{n}|")
            else:
                contact = Contact(name=name.strip() or _slug_name(pid), source="linkedin",
                                  source_ref=pid, url=_safe_url(url))
            k = contact.key
            if k not in self.seen:
                self.seen.add(k)
                self.batch.contacts.append(contact)
            if not by_name:
                self.by_url.setdefault(pid, k)
            if n:
                self.new_by_name.setdefault(n, k)
        self.keys[pid] = k
        return k

    def resolve(self, part: Part) -> None:
        """Turn the person ids in ``part``'s interactions into contact keys."""
        for it in part.interactions:
            pid = it.contact_key
            it.contact_key = self.key(pid, part.names.get(pid, ""), part.urls.get(pid, ""))


def _slug_name(url: str) -> str:
    slug = url.rstrip("/").rsplit("/", 1)[-1]
    return slug or url


def _safe_url(url: str) -> str:
    """Keep a URL for display only if it is a web address."""
    u = url.strip()
    return u if norm_url(u) and u.lower().startswith(("https://", "http://", "www.")) else ""
