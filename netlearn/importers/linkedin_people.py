"""Who a LinkedIn row is about: canonical profile URLs, names and person ids (both readers)."""

from __future__ import annotations

from urllib.parse import unquote

_HIDDEN_MEMBER = "linkedin member"


def norm_name(name: str) -> str:
    """Return a name lower-cased with whitespace collapsed (for matching)."""
    return " ".join(name.lower().split())


_url_cache: dict[str, str] = {}


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
    if s == url:
        s = url  # one string, not two equal ones, for the contact's URL and its id
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


def _person_id(name: str, url: str) -> str:
    u = norm_url(url) if url else ""
    if u:
        return u
    n = norm_name(name)
    return "name:" + n if n else ""


def _person(part, name: str, url: str) -> str | None:
    pid = _person_id(name, url)
    if not pid or pid == "name:" + _HIDDEN_MEMBER:
        return None
    if name and pid not in part.names:
        part.names[pid] = name
    if url and pid not in part.urls:
        part.urls[pid] = url
    return pid
