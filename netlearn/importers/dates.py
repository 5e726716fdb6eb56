"""Read the dates that export files write: one parser for every importer."""

from __future__ import annotations

from datetime import date, datetime

_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
#: Cells parsed during one import are remembered (an export repeats its dates a lot);
#: :func:`clear_caches` empties them when the import ends. Bounded, never shared state
#: that outlives an import.
_CACHE_LIMIT = 100_000
_day_cache: dict[str, date | None] = {}
_when_cache: dict[str, datetime | None] = {}


def clear_caches() -> None:
    """Forget the cells parsed so far (call when an import ends)."""
    _day_cache.clear()
    _when_cache.clear()


def parse_day(text: str) -> date | None:
    """Parse a LinkedIn/Excel date: ``08 Feb 2026``, ``4-Apr-21``, ``2026-02-08``, ``2/8/26``.

    Parameters
    ----------
    text : str
        The cell.

    Returns
    -------
    datetime.date or None
        None when it is not a date. Month names are English (locale-independent);
        two-digit years are 20xx; slashed dates are US month/day/year.
    """
    hit = _day_cache.get(text, False)
    if hit is not False:
        return hit
    out = _parse_day(text.strip())
    if len(_day_cache) < _CACHE_LIMIT:
        _day_cache[text] = out
    return out


def _year(y: str) -> int:
    n = int(y)
    if len(y) <= 2:
        n += 2000
    return n


def _parse_day(s: str) -> date | None:
    try:
        if "/" in s:
            parts = s.split("/")
            if len(parts) == 3 and len(parts[0]) == 4:  # 2026/02/08
                return date(int(parts[0]), int(parts[1]), int(parts[2]))
            if len(parts) == 3:
                return date(_year(parts[2]), int(parts[0]), int(parts[1]))
            return None
        parts = s.replace("-", " ").replace(",", " ").split()
        if len(parts) == 3:
            a, b, c = parts
            if a.isdigit() and len(a) == 4:  # 2026-02-08
                return date(int(a), int(b), int(c))
            if b[:3].lower() in _MONTHS and a.isdigit():  # 08 Feb 2026, 4-Apr-21
                return date(_year(c), _MONTHS[b[:3].lower()], int(a))
            if a[:3].lower() in _MONTHS and b.isdigit():  # Feb 8, 2026
                return date(_year(c), _MONTHS[a[:3].lower()], int(b))
    except ValueError:
        return None
    return None


def parse_when(text: str) -> datetime | None:
    """Parse a date and time (naive, as written; ``UTC`` dropped).

    Accepts ``2025-06-01 14:03:22 UTC``, ``2025/06/01 14:03:22 UTC``, ISO forms,
    ``1/29/26, 2:37 PM`` and the date-only forms of :func:`parse_day`. The forms
    LinkedIn writes most (``YYYY-MM-DD HH:MM:SS`` with ``-`` or ``/``) take a fast path.

    Parameters
    ----------
    text : str
        The cell.

    Returns
    -------
    datetime.datetime or None
        None when it is not a date (never a guess).
    """
    s = text.strip()
    if s.endswith(" UTC"):
        s = s[:-4]
    elif s.endswith("Z"):
        s = s[:-1]
    if len(s) == 19 and s[4] in "-/":
        try:
            return datetime.fromisoformat(s.replace("/", "-") if s[4] == "/" else s)
        except ValueError:
            pass
    hit = _when_cache.get(s, False)
    if hit is not False:
        return hit
    out = _parse_when(s)
    if len(_when_cache) < _CACHE_LIMIT:
        _when_cache[s] = out
    return out


def _parse_when(s: str) -> datetime | None:
    try:
        return datetime.fromisoformat(s).replace(tzinfo=None)
    except ValueError:
        pass
    day_part, _, time_part = s.partition(",") if "," in s and "/" in s else s.partition(" ")
    day = parse_day(day_part)
    if day is None:
        day = parse_day(s)
        return None if day is None else datetime(day.year, day.month, day.day)
    t = time_part.strip().upper()
    if not t:
        return datetime(day.year, day.month, day.day)
    pm = t.endswith("PM")
    am = t.endswith("AM")
    if pm or am:
        t = t[:-2].strip()
    try:
        bits = [int(x) for x in t.split(":")]
    except ValueError:
        return None
    if not 2 <= len(bits) <= 3:
        return None
    hour, minute, second = bits[0], bits[1], bits[2] if len(bits) == 3 else 0
    if pm or am:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if pm else 0)
    try:
        return datetime(day.year, day.month, day.day, hour, minute, second)
    except ValueError:
        return None


def parse_time(text: str) -> datetime | None:
    """Parse a date in any form LinkedIn's files use, including events' ranges.

    ``2025/06/01 14:03:22 UTC``, ``06/01/25, 2:03 PM``, ``2025-06-01 14:03:22``,
    ISO forms, ``Jun 1, 2025, 6:00 PM`` and a range ``start - end`` (the start).

    Parameters
    ----------
    text : str
        The cell.

    Returns
    -------
    datetime.datetime or None
        Naive, as written; None when it is not a date (never a guess).
    """
    s = text.strip()
    if not s or len(s) > 80:
        return None
    when = parse_when(s)
    if when is None and " - " in s:
        return parse_time(s.split(" - ", 1)[0])
    if when is None and ", " in s:  # Jun 1, 2025, 6:00 PM
        head, _, tail = s.rpartition(", ")
        if ":" in tail:
            day = parse_when(head)
            return parse_when(f"{day:%Y-%m-%d} {tail}") if day is not None else None
    return when


def parse_iso(text: str) -> datetime | None:
    """Parse ``YYYY-MM-DD`` with an optional time (``HH:MM[:SS]``, ``T`` or space) only.

    netlearn's own CSV template asks for ISO dates, so nothing else is read there:
    ``06/01/25`` could be June or January, and a date is never guessed.

    Parameters
    ----------
    text : str
        The cell.

    Returns
    -------
    datetime.datetime or None
        Naive (a time-zone suffix is dropped, the time kept as written).
    """
    s = text.strip()
    if len(s) < 10 or s[4] != "-" or s[7] != "-":
        return None
    try:
        return datetime.fromisoformat(s).replace(tzinfo=None)
    except ValueError:
        pass
    day, _, clock = s.replace("T", " ", 1).partition(" ")
    bits = clock.strip().split(":")
    if len(bits) not in (2, 3) or not all(b.isdigit() for b in bits):
        return None
    try:
        return datetime.fromisoformat(day).replace(
            hour=int(bits[0]), minute=int(bits[1]), second=int(bits[2]) if len(bits) == 3 else 0)
    except ValueError:
        return None
