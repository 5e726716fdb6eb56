"""Import events and the people met at them from an iCalendar (.ics) file."""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime, timedelta

from netlearn.importers.sources import Progress, ProgressFn, clip, file_source, read_text
from netlearn.network.records import Batch, Contact, Event, Interaction, Skipped
from netlearn.plumbing.clock import resolve_today
from netlearn.plumbing.errors import InputError

#: Recurring events are expanded from ``today - PAST_DAYS`` to ``today + FUTURE_DAYS``
#: (their first occurrence is always kept), at most ``MAX_OCCURRENCES`` per event.
PAST_DAYS = 2 * 365
FUTURE_DAYS = 365
MAX_OCCURRENCES = 1000
#: Text in URL / LOCATION / conference properties that marks a video call.
VIDEO_HINTS = (
    "zoom.us", "zoom.com", "meet.google.com", "teams.microsoft.com", "teams.live.com",
    "webex.com", "whereby.com", "meet.jit.si", "gotomeeting.com", "gotomeet.me",
    "bluejeans.com", "skype.com", "chime.aws", "hangouts.google.com", "join.me",
)
_VIDEO_PROPS = ("URL", "LOCATION", "CONFERENCE", "X-GOOGLE-CONFERENCE",
                "X-MICROSOFT-SKYPETEAMSMEETINGURL", "X-MICROSOFT-ONLINEMEETINGCONFERENCELINK")
_LINES = re.compile(r"\r\n|\r|\n")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def looks_like_video(*texts: str) -> bool:
    """Return True if any text contains a known video-meeting host (Zoom, Meet, Teams …).

    Parameters
    ----------
    *texts : str
        URL, location and similar property values.

    Returns
    -------
    bool
    """
    joined = " ".join(texts).lower()
    return any(hint in joined for hint in VIDEO_HINTS)


def read_ics(path, progress: ProgressFn | None = None, today: date | None = None) -> Batch:
    """Import the events (VEVENT) of an .ics file and the people who attended them.

    Each event occurrence becomes ``Event(source="ics")`` titled by SUMMARY, on the
    date of DTSTART (in the event's own time zone); ``source_ref`` is its UID, plus
    ``|YYYY-MM-DD`` for occurrences of a recurring event (RRULE, RDATE, EXDATE and
    RECURRENCE-ID are honoured; see :data:`PAST_DAYS` for the bounds). Occurrences after
    ``today`` get ``attended=False``. Every attendee or organiser with an e-mail becomes
    ``Contact(source="ics", source_ref=email lower-cased)`` and, for occurrences up to
    ``today``, an ``Interaction(channel="video" or "in_person", purpose="meet")``. The
    calendar's owner (named by ``X-WR-CALNAME``, or present in most events) is not a
    contact. Declined attendees, rooms and cancelled events are left out. Times are kept
    as naive wall-clock times of the event's time zone.

    Parameters
    ----------
    path : str or os.PathLike
        The .ics file (UTF-8, falling back to cp1252/latin-1).
    progress : callable, optional
        ``progress(bytes_done, bytes_total)``.
    today : datetime.date, optional
        Reference day for the bounds (default: the current date).

    Returns
    -------
    Batch
        An event whose DTSTART is missing or not a date is skipped with the line of
        its DTSTART (or of its BEGIN:VEVENT).

    Raises
    ------
    InputError
        Not an iCalendar file, truncated, unparseable, or without any VEVENT.
    """
    import icalendar

    source = file_source(path)
    prog = Progress(progress, source.size)
    text = read_text(source, prog)
    label = source.label
    if "BEGIN:VCALENDAR" not in text[:65536].upper():
        raise InputError("is not an iCalendar file (no BEGIN:VCALENDAR found)", path=label)
    if "END:VCALENDAR" not in text[-65536:].upper():
        raise InputError("is truncated (no END:VCALENDAR at the end)", path=label)
    try:
        calendars = icalendar.Calendar.from_ical(text, multiple=True)
    except Exception as exc:  # icalendar raises ValueError, KeyError, TypeError …
        raise InputError(f"is not a valid iCalendar file ({clip(str(exc), 80)})",
                         path=label) from None
    vevents = [ev for cal in calendars for ev in cal.walk("VEVENT")]
    if not vevents:
        raise InputError("contains no events (VEVENT)", path=label)
    lines = _event_lines(text)
    if len(lines) != len(vevents):
        lines = [(0, 0)] * len(vevents)
    today = resolve_today(today)
    batch = Batch(source="ics", path=label)
    _Builder(batch, label, today, _owner_emails(calendars, vevents)).run(vevents, lines)
    prog.finish()
    return batch


def _event_lines(text: str) -> list[tuple[int, int]]:
    """Return ``(BEGIN:VEVENT line, DTSTART line or 0)`` for each event, in file order."""
    out: list[tuple[int, int]] = []
    current = None
    for n, line in enumerate(_LINES.split(text), 1):
        up = line[:16].upper()
        if up.startswith("BEGIN:VEVENT"):
            current = [n, 0]
        elif current is not None:
            if up.startswith("DTSTART") and line[7:8] in (":", ";") and not current[1]:
                current[1] = n
            elif up.startswith("END:VEVENT"):
                out.append((current[0], current[1]))
                current = None
    return out


def _addresses(event) -> list[tuple[str, object]]:
    """Return ``(email lower-cased, property)`` for attendees and the organiser."""
    out = []
    props = []
    for name in ("ORGANIZER", "ATTENDEE"):
        value = event.get(name)
        if value is None:
            continue
        props.extend(value if isinstance(value, list) else [value])
    for prop in props:
        addr = str(prop).strip()
        if addr.lower().startswith("mailto:"):
            addr = addr[7:]
        addr = addr.strip().lower()
        if _EMAIL.match(addr):
            out.append((addr, prop))
    return out


def _owner_emails(calendars, vevents) -> set[str]:
    owners: set[str] = set()
    for cal in calendars:
        name = str(cal.get("X-WR-CALNAME", "")).strip().lower()
        if _EMAIL.match(name):
            owners.add(name)
    counts: dict[str, int] = {}
    with_people = 0
    for ev in vevents:
        emails = {addr for addr, _ in _addresses(ev)}
        if emails:
            with_people += 1
        for addr in emails:
            counts[addr] = counts.get(addr, 0) + 1
    if counts:
        ranked = sorted(counts.values(), reverse=True)
        top = max(counts, key=counts.get)
        unique = len(ranked) == 1 or ranked[0] > ranked[1]
        if unique and ranked[0] >= 2 and ranked[0] * 2 >= with_people:
            owners.add(top)
    return owners


def _param(prop, name: str) -> str:
    params = getattr(prop, "params", None) or {}
    return str(params.get(name, "")).strip()


def _wall(value, tz) -> datetime:
    """A date or datetime as a naive wall-clock datetime in the event's time zone."""
    if isinstance(value, datetime):
        if value.tzinfo is not None and tz is not None:
            value = value.astimezone(tz)
        return value.replace(tzinfo=None)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, tuple) and value:  # an RDATE period (start, end|duration)
        return _wall(value[0], tz)
    raise ValueError(f"not a date: {value!r}")


def _dates(event, name: str, tz) -> list[datetime]:
    value = event.get(name)
    if value is None:
        return []
    out = []
    for item in value if isinstance(value, list) else [value]:
        for d in getattr(item, "dts", [item]):
            try:
                out.append(_wall(d.dt, tz))
            except Exception:  # a broken EXDATE/RDATE value is ignored
                continue
    return out


class _Builder:
    def __init__(self, batch: Batch, label: str, today: date, owners: set[str]):
        self.batch = batch
        self.label = label
        self.today = today
        self.owners = owners
        self.contacts: set[str] = set()
        self.refs: set[str] = set()
        self.horizon = datetime.combine(today + timedelta(days=FUTURE_DAYS), datetime.max.time())
        self.past = datetime.combine(today - timedelta(days=PAST_DAYS), datetime.min.time())

    def run(self, vevents, lines) -> None:
        overrides: set[tuple[str, datetime]] = set()
        for ev in vevents:
            rid = ev.get("RECURRENCE-ID")
            if rid is not None and ev.get("UID") is not None:
                try:
                    start = ev.get("DTSTART")
                    tz = getattr(start.dt, "tzinfo", None) if start is not None else None
                    overrides.add((str(ev.get("UID")), _wall(rid.dt, tz)))
                except Exception:
                    continue
        for ev, (begin, dtline) in zip(vevents, lines, strict=True):
            self.event(ev, begin, dtline or begin, overrides)

    def skip(self, line: int, reason: str) -> None:
        self.batch.skipped.append(Skipped(self.label, line, reason))

    def event(self, ev, begin: int, dtline: int, overrides) -> None:
        if str(ev.get("STATUS", "")).strip().upper() == "CANCELLED":
            return
        prop = ev.get("DTSTART")
        if prop is None:
            self.skip(begin, "the event has no DTSTART")
            return
        try:
            start = prop.dt
            if not isinstance(start, date):
                raise ValueError
        except Exception:
            self.skip(dtline, f"DTSTART is not a date: {clip(_raw(prop), 40)!r}")
            return
        tz = start.tzinfo if isinstance(start, datetime) else None
        timed = isinstance(start, datetime)
        first = _wall(start, tz)
        uid = str(ev.get("UID", "")).strip()
        title = " ".join(str(ev.get("SUMMARY", "")).split()) or "(no title)"
        if not uid:
            uid = "h:" + hashlib.sha1(f"{title}|{first.isoformat()}".encode()).hexdigest()[:16]
        rid = ev.get("RECURRENCE-ID")
        if rid is not None:
            try:
                occurrences = [(first, _wall(rid.dt, tz))]
            except Exception:
                occurrences = [(first, first)]
            recurring = True
        elif ev.get("RRULE") is not None or ev.get("RDATE") is not None:
            try:
                occurrences = [(o, o) for o in self.expand(ev, first, tz, timed)]
            except Exception as exc:
                self.skip(begin, f"its recurrence rule cannot be used ({clip(str(exc))})")
                return
            occurrences = [(o, o) for o, _ in occurrences if (uid, o) not in overrides]
            recurring = True
        else:
            occurrences = [(first, first)]
            recurring = False
        location = " ".join(str(ev.get("LOCATION", "")).split())
        video = looks_like_video(*(str(ev.get(p, "")) for p in _VIDEO_PROPS))
        people = []
        for addr, p in _addresses(ev):
            if addr in self.owners or addr in (a for a, _ in people):
                continue
            if _param(p, "CUTYPE").upper() in ("ROOM", "RESOURCE"):
                continue
            if _param(p, "PARTSTAT").upper() == "DECLINED":
                continue
            people.append((addr, p))
        keys = [self.contact(addr, p) for addr, p in people]
        for when, ident in occurrences:
            ref = f"{uid}|{ident.date().isoformat()}" if recurring else uid
            if ref in self.refs:
                if not recurring or not timed:
                    continue
                ref = f"{uid}|{ident.isoformat(timespec='minutes')}"
                if ref in self.refs:
                    continue
            self.refs.add(ref)
            day = when.date()
            self.batch.events.append(Event(
                title=title, day=day, attended=day <= self.today, location=location,
                attendee_keys=list(keys), source="ics", source_ref=ref,
            ))
            if day > self.today:
                continue
            for key, (addr, _) in zip(keys, people, strict=True):
                self.batch.interactions.append(Interaction(
                    when=when, channel="video" if video else "in_person", direction="out",
                    purpose="meet", contact_key=key, source="ics", source_ref=f"{ref}|{addr}",
                ))

    def contact(self, addr: str, prop) -> str:
        key = "ics:" + addr
        if key not in self.contacts:
            self.contacts.add(key)
            name = " ".join(_param(prop, "CN").split()).strip("'\"") or addr
            if name.lower().startswith("mailto:"):
                name = addr
            self.batch.contacts.append(Contact(name=name, source="ics", source_ref=addr,
                                               email=addr))
        return key

    def expand(self, ev, first: datetime, tz, timed: bool) -> list[datetime]:
        from dateutil.rrule import rrulestr

        found: set[datetime] = {first}
        rule_prop = ev.get("RRULE")
        if isinstance(rule_prop, list):
            rule_prop = rule_prop[0] if rule_prop else None
        if rule_prop is not None:
            parts = {k: v for k, v in rule_prop.items() if k.upper() != "UNTIL"}
            freq = str((parts.get("FREQ") or [""])[0]).upper()
            if freq not in ("SECONDLY", "MINUTELY") and _feasible(parts, freq, first):
                text = type(rule_prop)(parts).to_ical().decode()
                rule = rrulestr(text, dtstart=first, ignoretz=True)
                until = rule_prop.get("UNTIL")
                if until:
                    rule = rule.replace(until=_wall(until[0], tz))
                start = max(first, self.past)
                for n, occ in enumerate(rule.xafter(start, inc=True)):
                    if occ > self.horizon or n >= MAX_OCCURRENCES:
                        break
                    found.add(occ)
        for extra in _dates(ev, "RDATE", tz):
            if self.past <= extra <= self.horizon:
                found.add(extra)
        for gone in _dates(ev, "EXDATE", tz):
            found.discard(gone)
        return sorted(found)[: MAX_OCCURRENCES + 1]


_WEEKDAYS = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}
#: How far ahead :func:`_feasible` looks for a day a rule's filters allow (the calendar's
#: weekday/date pattern repeats within this span).
PROBE_DAYS = 40 * 366


def _ints(values) -> set[int]:
    out = set()
    for v in values or ():
        try:
            out.add(int(str(v).rstrip("Ll")))
        except ValueError:
            continue
    return out


def _feasible(parts: dict, freq: str, first: datetime) -> bool:
    """Whether a rule's day filters can ever match (cheaply, before dateutil is asked).

    dateutil searches period by period until year 9999 for a rule whose filters match no
    day (``BYMONTH=2;BYMONTHDAY=30``) or never line up with its interval (``FREQ=DAILY;
    INTERVAL=7;BYDAY=MO`` starting on a Tuesday) — seconds to minutes. This probe checks
    the same filters day by day over :data:`PROBE_DAYS`.
    """
    from calendar import isleap, monthrange

    months = _ints(parts.get("BYMONTH"))
    mdays = _ints(parts.get("BYMONTHDAY"))
    ydays = _ints(parts.get("BYYEARDAY"))
    wdays = {_WEEKDAYS[str(v)[-2:].upper()] for v in parts.get("BYDAY") or ()
             if str(v)[-2:].upper() in _WEEKDAYS}
    interval = max(1, min(_ints(parts.get("INTERVAL")) or {1}))
    if not (months or mdays or ydays or (wdays and freq in ("DAILY", "HOURLY"))):
        return True
    start = first.date()
    week0 = start - timedelta(days=start.weekday())
    for k in range(PROBE_DAYS):
        d = start + timedelta(days=k)
        if freq == "DAILY" and k % interval:
            continue
        if freq == "WEEKLY" and ((d - week0).days // 7) % interval:
            continue
        if freq == "MONTHLY" and ((d.year - start.year) * 12 + d.month - start.month) % interval:
            continue
        if freq == "YEARLY" and (d.year - start.year) % interval:
            continue
        if months and d.month not in months:
            continue
        if wdays and d.weekday() not in wdays:
            continue
        if mdays and d.day not in mdays and d.day - monthrange(d.year, d.month)[1] - 1 not in mdays:
            continue
        if ydays:
            yday = d.timetuple().tm_yday
            if yday not in ydays and yday - (366 if isleap(d.year) else 365) - 1 not in ydays:
                continue
        return True
    return False


def _raw(prop) -> str:
    try:
        value = prop.to_ical()
    except Exception:
        return str(prop)
    return value.decode(errors="replace") if isinstance(value, bytes) else str(value)
