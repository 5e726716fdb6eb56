"""A numpy column index of a Network's interactions that the metrics read instead of looping."""

from __future__ import annotations

import itertools
from datetime import date, datetime, time, timedelta, timezone
from itertools import compress, repeat
from operator import attrgetter, eq

__all__ = [
    "MIN_INTERACTIONS",
    "ContactColumns",
    "DayView",
    "InteractionIndex",
    "build_index",
    "cadence_rows",
    "channel_counts",
    "close_scores",
    "connection_numbers",
    "datetime_of",
    "day_start_us",
    "dormant_rows",
    "first_per_code",
    "follow_up_numbers",
    "give_ask_numbers",
    "kind_counts",
    "last_days",
    "latest_groups",
    "met_and_online",
    "month_numbers",
    "month_start",
    "naive_datetime",
    "positions_where",
    "recency_rows",
    "rows_in_list_order",
    "us_of",
]

#: Below this many interactions the metrics loop in Python (no numpy import, and the
#: loops are quick); from here on they build and read an :class:`InteractionIndex`.
MIN_INTERACTIONS = 2000

EPOCH = datetime(1970, 1, 1)
EPOCH_ORDINAL = EPOCH.toordinal()
DAY_US = 86_400_000_000
HOUR_US = 3_600_000_000
_US = timedelta(microseconds=1)
_WHEN = attrgetter("when")
_TZINFO = attrgetter("tzinfo")
_CONTACT_KEY = attrgetter("contact_key")
_KEY = attrgetter("key")
_CHANNEL = attrgetter("channel")
_DIRECTION = attrgetter("direction")
_PURPOSE = attrgetter("purpose")


def naive_datetime(when) -> datetime:
    """Make interaction times comparable with each other.

    Parameters
    ----------
    when : datetime or date
        An interaction time, naive or timezone-aware, or a plain date.

    Returns
    -------
    datetime
        Naive: aware values converted to UTC, plain dates at midnight.
    """
    if isinstance(when, datetime):
        if when.tzinfo is None:
            return when
        return when.astimezone(timezone.utc).replace(tzinfo=None)
    return datetime.combine(when, time())


def day_start_us(day: date) -> int:
    """The midnight that starts ``day``, in microseconds since 1970-01-01.

    Parameters
    ----------
    day : date

    Returns
    -------
    int
    """
    return (day.toordinal() - EPOCH_ORDINAL) * DAY_US


def us_of(when: datetime) -> int:
    """A naive datetime in microseconds since 1970-01-01.

    Parameters
    ----------
    when : datetime
        Naive.

    Returns
    -------
    int
    """
    return (when - EPOCH) // _US


def datetime_of(us: int) -> datetime:
    """The naive datetime ``us`` microseconds after 1970-01-01 (inverse of :func:`us_of`).

    Parameters
    ----------
    us : int

    Returns
    -------
    datetime
    """
    return EPOCH + timedelta(microseconds=int(us))


def _encode(values: list) -> tuple[list, dict]:
    """Distinct values in order of first appearance, and value -> its position there."""
    distinct = list(dict.fromkeys(values))
    return distinct, {value: code for code, value in enumerate(distinct)}


def _few_codes(values):
    """Codes of values with few distinct ones: (distinct values in order of first
    appearance, int32 array of each value's position among them)."""
    import numpy as np

    first: dict = {}  # value -> position of its first appearance, in one pass
    sparse = np.fromiter(map(first.setdefault, values, itertools.count()), np.int64)
    positions = np.fromiter(first.values(), np.int64, len(first))  # ascending
    return list(first), np.searchsorted(positions, sparse).astype(np.int32)


def first_per_code(rows, codes):
    """The first of ``rows`` for each code, given rows grouped by code (sorted index order).

    Parameters
    ----------
    rows : numpy.ndarray of int
        Row numbers in increasing order.
    codes : numpy.ndarray of int
        The code of every row of the index.

    Returns
    -------
    tuple of numpy.ndarray
        The codes that have a row, and their first row.
    """
    import numpy as np

    if not len(rows):
        return rows, rows
    row_codes = codes[rows]
    first = np.empty(len(rows), dtype=bool)
    first[0] = True
    np.not_equal(row_codes[1:], row_codes[:-1], out=first[1:])
    return row_codes[first], rows[first]


class DayView:
    """What the index holds up to the end of one day.

    ``end`` is that moment in microseconds; ``valid`` marks rows before it (in every
    contact's run a prefix, as runs are sorted by time); ``counts`` is the number of
    valid rows per contact code and ``last`` each code's last valid row (meaningless
    where ``counts`` is 0).
    """

    __slots__ = ("end", "valid", "counts", "last")

    def __init__(self, index: InteractionIndex, today: date):
        import numpy as np

        self.end = day_start_us(today + timedelta(days=1))
        self.valid = index.t < self.end
        self.counts = np.bincount(index.code[self.valid], minlength=len(index.keys))
        self.last = index.starts[:-1] + self.counts - 1


class ContactColumns:
    """A Network's contacts with duplicate keys dropped (the first one wins), as arrays.

    ``keys`` and ``contacts`` are in the Network's order; ``code`` is each contact's
    code in the :class:`InteractionIndex` (-1: no interaction at all). Fields the
    learner may change in place (``close``, ``cadence_days``, ``met_on``,
    ``connected_on``, ``name``) are read live by :meth:`field`, never kept; keys are
    kept, as :func:`netlearn.network.metrics` keeps them.
    """

    __slots__ = ("keys", "contacts", "code", "_position")

    def __init__(self, contacts: list, index: InteractionIndex):
        import numpy as np

        keys = list(map(_KEY, contacts))
        if len(set(keys)) < len(keys):  # drop later duplicates
            seen: set[str] = set()
            first = [key not in seen and not seen.add(key) for key in keys]
            keys = list(compress(keys, first))
            contacts = list(compress(contacts, first))
        self.keys = keys
        self.contacts = list(contacts)
        lookup = index.code_of
        self.code = np.fromiter(map(lookup.get, keys, repeat(-1)), np.int64, len(keys))
        self._position = None

    def position(self, key: str) -> int | None:
        """Where the contact with ``key`` is in ``keys`` (None: no such contact)."""
        if self._position is None:
            self._position = {key: i for i, key in enumerate(self.keys)}
        return self._position.get(key)

    def field(self, name: str) -> list:
        """Every contact's ``name`` attribute, read now."""
        return list(map(attrgetter(name), self.contacts))

    def ordinals(self, name: str):
        """A date field as day ordinals (0 where it is None), read now."""
        import numpy as np

        days = self.field(name)
        return np.fromiter((0 if day is None else day.toordinal() for day in days), np.int64,
                           len(days))


class InteractionIndex:
    """A Network's interactions as numpy columns, sorted by contact, then time.

    Every interaction is a row; rows are grouped by contact code (codes in order of a
    key's first appearance, the empty key included) and sorted by time within a
    group, ties in list order (the order :func:`netlearn.network.metrics.contact_timelines`
    gives). Columns: ``code``, ``t`` (microseconds since 1970-01-01 of the naive
    time: aware times in UTC, plain dates at midnight), ``day`` (its day ordinal),
    ``channel`` and ``purpose`` (codes into ``channels`` and ``purposes``), ``out``
    (direction is "out") and ``pos`` (the row's position in the interaction list).
    ``starts[c]:starts[c + 1]`` are code ``c``'s rows. ``memo`` keeps further columns
    a metric derives once per Network (conversation ids, participation kinds).
    """

    __slots__ = ("keys", "code_of", "channels", "purposes", "code", "t", "day", "channel",
                 "purpose", "out", "pos", "starts", "memo", "_views", "_contacts")

    def channel_code(self, name: str) -> int:
        """The code of channel ``name`` (-1 if no row has it)."""
        try:
            return self.channels.index(name)
        except ValueError:
            return -1

    def purpose_code(self, name: str) -> int:
        """The code of purpose ``name`` (-1 if no row has it)."""
        try:
            return self.purposes.index(name)
        except ValueError:
            return -1

    def view(self, today: date) -> DayView:
        """The :class:`DayView` for ``today`` (built once per day asked for)."""
        view = self._views.get(today)
        if view is None:
            view = self._views[today] = DayView(self, today)
        return view

    def contact_columns(self, contacts: list) -> ContactColumns:
        """The :class:`ContactColumns` of ``contacts``, kept while the list holds the same
        (or equal) contacts, as ``netlearn.network.metrics`` keeps its indexes."""
        cached = self._contacts
        if cached is None or len(cached[0]) != len(contacts) or cached[0] != contacts:
            cached = self._contacts = (list(contacts), ContactColumns(contacts, self))
        return cached[1]

    def __len__(self) -> int:
        return len(self.t)

    def __repr__(self) -> str:
        return f"InteractionIndex({len(self)} interactions, {len(self.keys)} contact keys)"


def _microseconds(interactions: list):
    """Every interaction's naive time in microseconds since 1970-01-01 (int64 array)."""
    import numpy as np

    whens = list(map(_WHEN, interactions))
    if not (set(map(type, whens)) <= {datetime} and not any(map(_TZINFO, whens))):
        whens = [naive_datetime(when) for when in whens]
    n = len(whens)

    def column(name):
        return np.fromiter(map(attrgetter(name), whens), np.int64, n)

    seconds = (column("hour") * 60 + column("minute")) * 60 + column("second")
    days = np.fromiter(map(datetime.toordinal, whens), np.int64, n) - EPOCH_ORDINAL
    return days * DAY_US + seconds * 1_000_000 + column("microsecond")


def build_index(interactions: list) -> InteractionIndex:
    """Index ``interactions`` column-wise (one pass per column, then one sort).

    Parameters
    ----------
    interactions : list of Interaction
        Typically ``net.interactions``; read, never changed.

    Returns
    -------
    InteractionIndex
    """
    import numpy as np

    n = len(interactions)
    t = _microseconds(interactions)
    keys = list(map(_CONTACT_KEY, interactions))
    distinct_keys, code_of = _encode(keys)
    code = np.fromiter(map(code_of.__getitem__, keys), np.int64, n)
    del keys
    channels, channel = _few_codes(map(_CHANNEL, interactions))
    purposes, purpose = _few_codes(map(_PURPOSE, interactions))
    out = np.fromiter(map(eq, map(_DIRECTION, interactions), repeat("out")), bool, n)
    if n < 2 or bool((t[1:] >= t[:-1]).all()):  # already in time order (as the store loads)
        order = np.argsort(code, kind="stable")
    else:
        order = np.lexsort((t, code))  # stable: list order among equal times
    index = InteractionIndex()
    index.keys, index.code_of = distinct_keys, code_of
    index.channels, index.purposes = channels, purposes
    index.code = code[order]
    index.t = t[order]
    index.day = index.t // DAY_US + EPOCH_ORDINAL
    index.channel = channel[order]
    index.purpose = purpose[order]
    index.out = out[order]
    index.pos = order
    index.starts = np.concatenate(
        ([0], np.cumsum(np.bincount(index.code, minlength=len(distinct_keys)))))
    index.memo = {}
    index._views = {}
    index._contacts = None
    return index


# --------------------------------------------------------------------------- queries
# Each returns plain numbers, dates and tuples; netlearn.network.metrics turns them into its
# result records, so both of its paths (this index, or Python loops) give equal results.

_NONE = -(2 ** 63)  # "no time" in an int64 column of microseconds


def _per_contact(values, columns: ContactColumns, missing):
    """``values[code]`` for every contact, ``missing`` for contacts with no interaction."""
    import numpy as np

    code = columns.code
    if not len(values):
        return np.full(len(code), missing)
    return np.where(code >= 0, values[np.maximum(code, 0)], missing)


def recency_rows(index: InteractionIndex, contacts: list, today: date, *,
                 close_only: bool = False, min_days: int | None = None,
                 min_interactions: int = 0, count_only: bool = False, top: int | None = None,
                 make=tuple):
    """Rows of :func:`netlearn.network.metrics.recency` (and its filtered uses), in contact order.

    Parameters
    ----------
    index : InteractionIndex
    contacts : list of Contact
        ``net.contacts`` (duplicate keys count once).
    today : date
    close_only : bool, default False
    min_days : int, optional
        Keep contacts in touch at least this many days ago (and never those never in touch).
    min_interactions : int, default 0
        Keep contacts with at least this many interactions (likewise).
    count_only : bool, default False
        Return how many rows there are instead.
    top : int, optional
        Keep only rows that can be among the ``top`` with the most days since, then the
        most interactions (ties with the last of them kept).
    make : callable, default tuple
        Called with each row's fields.

    Returns
    -------
    list of tuple or int
        ``(key, name, close, last, days_since, interactions)``; ``last`` and
        ``days_since`` are None for contacts never in touch.
    """
    import numpy as np

    columns = index.contact_columns(contacts)
    view = index.view(today)
    counts = _per_contact(view.counts, columns, 0)
    last = _per_contact(index.day[view.last], columns, 0)
    since = today.toordinal() - last
    seen = counts > 0
    keep = np.ones(len(counts), dtype=bool)
    if close_only:
        keep &= np.fromiter(map(bool, columns.field("close")), bool, len(counts))
    if min_days is not None or min_interactions > 0:
        keep &= seen & (counts >= min_interactions)
        if min_days is not None:
            keep &= since >= min_days
    rows = np.flatnonzero(keep)
    if count_only:
        return len(rows)
    if top is not None and len(rows) > top:
        if top <= 0:
            return []
        rank = since[rows] * (int(counts[rows].max()) + 1) + counts[rows]
        rows = rows[rank >= np.partition(rank, len(rank) - top)[len(rank) - top]]
    contacts, keys = columns.contacts, columns.keys
    out = []
    for i, was_seen, day, ago, count in zip(rows.tolist(), seen[rows].tolist(),
                                            last[rows].tolist(), since[rows].tolist(),
                                            counts[rows].tolist(), strict=True):
        contact = contacts[i]
        if was_seen:
            out.append(make(keys[i], contact.name, contact.close, date.fromordinal(day), ago,
                            count))
        else:
            out.append(make(keys[i], contact.name, contact.close, None, None, 0))
    return out


def cadence_rows(index: InteractionIndex, contacts: list, today: date) -> list[tuple]:
    """Rows of :func:`netlearn.network.metrics.cadence_overdue`, in contact order.

    Parameters
    ----------
    index : InteractionIndex
    contacts : list of Contact
        ``net.contacts`` (duplicate keys count once).
    today : date

    Returns
    -------
    list of tuple
        ``(key, name, cadence_days, last, days_since, days_overdue)``.
    """
    import numpy as np

    columns = index.contact_columns(contacts)
    cadences = columns.field("cadence_days")
    cadence = np.fromiter((c if c and c > 0 else 0 for c in cadences), np.int64, len(cadences))
    view = index.view(today)
    counts = _per_contact(view.counts, columns, 0)
    last = _per_contact(index.day[view.last], columns, 0)
    since = today.toordinal() - last
    rows = np.flatnonzero((cadence > 0) & (counts > 0) & (since > cadence))
    return [(columns.keys[i], columns.contacts[i].name, cadences[i], date.fromordinal(day),
             ago, ago - cadences[i])
            for i, day, ago in zip(rows.tolist(), last[rows].tolist(), since[rows].tolist(),
                                   strict=True)]


def dormant_rows(index: InteractionIndex, contacts: list, today: date,
                 dormant_days: int) -> list[tuple]:
    """Rows of :func:`netlearn.network.metrics.dormant_reconnected`, in contact order.

    A contact's latest pair of consecutive interactions (up to ``today``) whose dates
    are at least ``dormant_days`` apart.

    Parameters
    ----------
    index : InteractionIndex
    contacts : list of Contact
        ``net.contacts`` (duplicate keys count once).
    today : date
    dormant_days : int

    Returns
    -------
    list of tuple
        ``(key, name, dormant_since, reconnected_on, gap_days)``.
    """
    import numpy as np

    view = index.view(today)
    code, day = index.code, index.day
    later = view.valid[1:] & (code[1:] == code[:-1]) & (day[1:] - day[:-1] >= dormant_days)
    rows = np.flatnonzero(later) + 1
    if not len(rows):
        return []
    row_codes = code[rows]
    last = np.empty(len(rows), dtype=bool)
    last[-1] = True
    np.not_equal(row_codes[1:], row_codes[:-1], out=last[:-1])
    found = np.full(len(index.keys), -1, dtype=np.int64)
    found[row_codes[last]] = rows[last]
    columns = index.contact_columns(contacts)
    per = _per_contact(found, columns, -1)
    out = []
    for i in np.flatnonzero(per >= 0).tolist():
        row = int(per[i])
        before, after = int(day[row - 1]), int(day[row])
        out.append((columns.keys[i], columns.contacts[i].name, date.fromordinal(before),
                    date.fromordinal(after), after - before))
    return out


def _first_after(index: InteractionIndex, rows_mask, after):
    """Per code, the time of its first row in ``rows_mask`` strictly later than
    ``after[code]`` (``_NONE`` where there is none)."""
    import numpy as np

    rows = np.flatnonzero(rows_mask & (index.t > after[index.code]))
    codes, first = first_per_code(rows, index.code)
    found = np.full(len(index.keys), _NONE, dtype=np.int64)
    found[codes] = index.t[first]
    return found


def tally_follow_ups(meetings, now, fast, week, hour):
    """Count follow-ups of meetings: the one rule both the loops and the index use.

    Works on datetimes and timedeltas as well as on microseconds, since it only adds,
    subtracts and compares.

    Parameters
    ----------
    meetings : iterable of (moment, first or None)
        When each contact was met, and the first follow-up after it (None: none yet).
    now : datetime or int
        The end of today.
    fast, week : timedelta or int
        The 48-hour and 7-day limits.
    hour : timedelta or int
        One hour, to give the latencies in hours.

    Returns
    -------
    tuple
        ``(followed, fast_part, fast_whole, week_part, week_whole, never, awaiting,
        latencies_hours)``: a share's whole counts the meetings whose limit has passed
        or that were followed up within it.
    """
    followed = never = awaiting = 0
    fast_part = fast_whole = week_part = week_whole = 0
    latencies = []
    for moment, first in meetings:
        if first is None:
            if moment + week <= now:
                never += 1
            else:
                awaiting += 1
            fast_whole += moment + fast <= now
            week_whole += moment + week <= now
            continue
        followed += 1
        lag = first - moment
        latencies.append(lag / hour)
        if lag <= fast:
            fast_part += 1
            fast_whole += 1
        else:
            fast_whole += moment + fast <= now
        if lag <= week:
            week_part += 1
            week_whole += 1
        else:
            week_whole += moment + week <= now
    return followed, fast_part, fast_whole, week_part, week_whole, never, awaiting, latencies


def follow_up_numbers(index: InteractionIndex, contacts: list, today: date, days: int,
                      fast_us: int, week_us: int, noon_us: int) -> tuple:
    """The counts behind :func:`netlearn.network.metrics.follow_up`.

    Parameters
    ----------
    index : InteractionIndex
    contacts : list of Contact
        ``net.contacts`` (duplicate keys count once).
    today : date
    days : int
        How far back a meeting makes a new contact.
    fast_us, week_us, noon_us : int
        48 hours, 7 days and 12:00, in microseconds.

    Returns
    -------
    tuple
        ``(new, followed, fast_part, fast_whole, week_part, week_whole, never,
        awaiting, latencies_hours)``.
    """
    import numpy as np

    columns = index.contact_columns(contacts)
    view = index.view(today)
    now = view.end
    window_start = day_start_us(today - timedelta(days=days - 1))
    is_meet = index.purpose == index.purpose_code("meet")
    meet_any = np.zeros(len(index.keys), dtype=bool)
    meet_any[index.code[is_meet]] = True  # any date: only "was this contact ever met"
    codes, first = first_per_code(np.flatnonzero(is_meet & view.valid), index.code)
    meet_at = np.full(len(index.keys), _NONE, dtype=np.int64)
    meet_at[codes] = index.t[first]
    met_on = columns.ordinals("met_on")
    met = _per_contact(meet_at, columns, _NONE)
    met = np.where((met == _NONE) & (met_on > 0),
                   (met_on - EPOCH_ORDINAL) * DAY_US + noon_us, met)
    considered = (met_on > 0) | _per_contact(meet_any, columns, False)
    new = considered & (met != _NONE) & (met >= window_start) & (met < now)
    rows = np.flatnonzero(new)
    after = np.full(len(index.keys), np.iinfo(np.int64).max, dtype=np.int64)
    with_code = rows[columns.code[rows] >= 0]
    after[columns.code[with_code]] = met[with_code]
    first_at = _per_contact(_first_after(index, view.valid & index.out & ~is_meet, after),
                            columns, _NONE)
    firsts = [None if first == _NONE else first for first in first_at[rows].tolist()]
    return (len(rows), *tally_follow_ups(zip(met[rows].tolist(), firsts, strict=True), now,
                                         fast_us, week_us, HOUR_US))


def tally_connection_follow_ups(connections, now, fast, week, hour, zero):
    """Count follow-ups of new connections: the one rule both the loops and the index use.

    Works on datetimes and timedeltas as well as on microseconds (see
    :func:`tally_follow_ups`). A share's whole (``eligible``) holds the connections
    followed up within 7 days or whose 7 days are over.

    Parameters
    ----------
    connections : iterable of (moment, first or None, item)
        When the clock started, the first follow-up after it (None: none yet), and what
        to list for a connection never followed up.
    now : datetime or int
        The end of today.
    fast, week : timedelta or int
        The 48-hour and 7-day limits.
    hour : timedelta or int
        One hour, to give the latencies in hours.
    zero : timedelta or int
        No time (a follow-up before the clock started counts as immediate).

    Returns
    -------
    tuple
        ``(followed, fast_part, week_part, eligible, never, awaiting, latencies_hours,
        missed_items)``.
    """
    followed = never = awaiting = fast_part = week_part = eligible = 0
    latencies, missed = [], []
    for moment, first, item in connections:
        done_week = moment + week <= now
        if first is None:
            if done_week:
                never += 1
                eligible += 1
                missed.append(item)
            else:
                awaiting += 1
            continue
        followed += 1
        lag = max(first - moment, zero)
        latencies.append(lag / hour)
        if done_week or lag <= week:
            eligible += 1
            fast_part += lag <= fast
            week_part += lag <= week
    return followed, fast_part, week_part, eligible, never, awaiting, latencies, missed


def connection_numbers(index: InteractionIndex, contacts: list, today: date, days: int,
                       fast_us: int, week_us: int, noon_us: int,
                       not_a_follow_up: frozenset) -> tuple:
    """The counts behind :func:`netlearn.network.metrics.connection_follow_up`.

    Parameters
    ----------
    index : InteractionIndex
    contacts : list of Contact
        ``net.contacts`` (duplicate keys count once).
    today : date
    days : int
        How far back a connection is new.
    fast_us, week_us, noon_us : int
        48 hours, 7 days and 12:00, in microseconds.
    not_a_follow_up : frozenset of str
        Channels that do not count as a follow-up.

    Returns
    -------
    tuple
        ``(new, followed, fast_part, week_part, eligible, never, awaiting,
        latencies_hours, missed)`` with ``missed`` as ``(key, name, company,
        connected_on)`` in contact order.
    """
    import numpy as np

    columns = index.contact_columns(contacts)
    view = index.view(today)
    now = view.end
    connected = columns.ordinals("connected_on")
    rows = np.flatnonzero((connected > 0) & (connected >= today.toordinal() - (days - 1))
                          & (connected <= today.toordinal()))
    if not len(rows):
        return 0, 0, 0, 0, 0, 0, 0, [], []
    on_day = np.zeros(len(index.keys), dtype=np.int64)  # the connection day per code
    with_code = rows[columns.code[rows] >= 0]
    on_day[columns.code[with_code]] = connected[with_code]
    invitation = index.channel == index.channel_code("linkedin_invitation")
    candidates = np.flatnonzero(invitation & view.valid & (index.day == on_day[index.code]))
    codes, first = first_per_code(candidates, index.code)
    invited_at = np.full(len(index.keys), _NONE, dtype=np.int64)
    invited_at[codes] = index.t[first]
    invited = _per_contact(invited_at, columns, _NONE)[rows]
    midnight = (connected[rows] - EPOCH_ORDINAL) * DAY_US
    moment = np.where(invited != _NONE, invited, midnight + noon_us)
    counts_from = np.where(invited != _NONE, invited, midnight)
    after = np.full(len(index.keys), np.iinfo(np.int64).max, dtype=np.int64)
    has_code = columns.code[rows] >= 0
    after[columns.code[rows][has_code]] = counts_from[has_code]
    excluded = np.zeros(len(index.channels), dtype=bool)
    for name in not_a_follow_up:
        if name in index.channels:
            excluded[index.channels.index(name)] = True
    follow = view.valid & index.out & ~excluded[index.channel]
    first_at = _per_contact(_first_after(index, follow, after), columns, _NONE)[rows]
    firsts = [None if first == _NONE else first for first in first_at.tolist()]
    (followed, fast_part, week_part, eligible, never, awaiting, latencies,
     missed_rows) = tally_connection_follow_ups(
        zip(moment.tolist(), firsts, rows.tolist(), strict=True), now, fast_us, week_us,
        HOUR_US, 0)
    missed = []
    for i in missed_rows:
        contact = columns.contacts[i]
        missed.append((columns.keys[i], contact.name, contact.company, contact.connected_on))
    return (len(rows), followed, fast_part, week_part, eligible, never, awaiting, latencies,
            missed)


def give_ask_numbers(index: InteractionIndex, today: date, days: int,
                     first_month: date) -> tuple[int, int, dict]:
    """Outgoing gives and asks: in the ``days`` days ending with ``today``, and per month.

    Parameters
    ----------
    index : InteractionIndex
    today : date
    days : int
    first_month : date
        The first day of the first month counted.

    Returns
    -------
    tuple
        ``(gives, asks, per_month)``, ``per_month`` mapping a month's first day (from
        ``first_month`` on) to ``[gives, asks]``.
    """
    import numpy as np

    give, ask = index.purpose_code("give"), index.purpose_code("ask")
    purpose = index.purpose
    rows = np.flatnonzero(index.out & ((purpose == give) | (purpose == ask))
                          & (index.day <= today.toordinal()))
    days_of = index.day[rows]
    is_give = purpose[rows] == give
    window = days_of > (today - timedelta(days=days)).toordinal()
    gives = int(np.count_nonzero(is_give & window))
    asks = int(np.count_nonzero(window)) - gives
    per_month: dict[date, list[int]] = {}
    in_months = days_of >= first_month.toordinal()
    months = (days_of[in_months] - EPOCH_ORDINAL).astype("datetime64[D]").astype(
        "datetime64[M]").astype(np.int64)
    for month, flag in zip(months.tolist(), is_give[in_months].tolist(), strict=True):
        start = date(1970 + month // 12, month % 12 + 1, 1)
        counts = per_month.setdefault(start, [0, 0])
        counts[0 if flag else 1] += 1
    return gives, asks, per_month


def channel_counts(index: InteractionIndex, start: datetime, end: datetime,
                   known: frozenset = frozenset()) -> dict[str, int]:
    """Interactions per channel from ``start`` up to (not including) ``end``.

    Parameters
    ----------
    index : InteractionIndex
    start, end : datetime
        Naive.
    known : frozenset of str, optional
        Channels whose order does not matter.

    Returns
    -------
    dict of str to int
        Channels with at least one; those not in ``known`` last, in order of their
        first such interaction in the list (as a Counter over the list would give).
    """
    import numpy as np

    inside = (index.t >= us_of(start)) & (index.t < us_of(end))
    channel = index.channel[inside]
    counts = np.bincount(channel, minlength=len(index.channels))
    present = np.flatnonzero(counts).tolist()
    others = [c for c in present if index.channels[c] not in known]
    if len(others) > 1:
        pos = index.pos[inside]
        others.sort(key=lambda c: int(pos[channel == c].min()))
    return {index.channels[c]: int(counts[c])
            for c in [c for c in present if c not in others] + others}


def met_and_online(index: InteractionIndex, contacts: list, met_channels: frozenset,
                   online_channels: frozenset) -> tuple[int, int]:
    """The part and whole of :func:`netlearn.network.metrics.in_person_also_online`.

    Parameters
    ----------
    index : InteractionIndex
    contacts : list of Contact
    met_channels, online_channels : frozenset of str
        Channels that mean "met in person" and "connected online".

    Returns
    -------
    tuple of (int, int)
        Contacts met (``met_on`` or a record on a met channel) that are also online
        (``connected_on`` or a record on an online channel), and contacts met.
    """
    import numpy as np

    def codes_with(channels):
        wanted = np.zeros(len(index.channels), dtype=bool)
        for c, name in enumerate(index.channels):
            wanted[c] = name in channels
        flags = np.zeros(len(index.keys), dtype=bool)
        flags[index.code[wanted[index.channel]]] = True
        return flags

    columns = index.contact_columns(contacts)
    met = _per_contact(codes_with(met_channels), columns, False)
    online = _per_contact(codes_with(online_channels), columns, False)
    met |= columns.ordinals("met_on") > 0
    online |= columns.ordinals("connected_on") > 0
    return int(np.count_nonzero(met & online)), int(np.count_nonzero(met))


def positions_where(index: InteractionIndex, channel: str, *, out: bool | None = None):
    """Where the interactions on ``channel`` are in the interaction list.

    Parameters
    ----------
    index : InteractionIndex
    channel : str
    out : bool, optional
        Only outgoing (True) or incoming (False) ones.

    Returns
    -------
    numpy.ndarray of int
        Ascending list positions.
    """
    import numpy as np

    mask = index.channel == index.channel_code(channel)
    if out is not None:
        mask &= index.out if out else ~index.out
    return np.sort(index.pos[mask])


def close_scores(index: InteractionIndex, contacts: list, today: date, days: int,
                 min_interactions: int, half_life: int) -> list[tuple]:
    """Candidates of :func:`netlearn.network.metrics.suggest_close_contacts`, in contact order.

    Parameters
    ----------
    index : InteractionIndex
    contacts : list of Contact
        ``net.contacts`` (duplicate keys count once).
    today : date
    days : int
        The window, in days ending with ``today``.
    min_interactions : int
    half_life : int
        Days in which an interaction's weight halves.

    Returns
    -------
    list of tuple
        ``(score, interactions, name, key, last)`` for contacts not marked close with at
        least ``min_interactions`` non-post interactions in the window; ``score`` is
        summed in time order, as the loop does.
    """
    import numpy as np

    columns = index.contact_columns(contacts)
    view = index.view(today)
    start = day_start_us(today - timedelta(days=days - 1))
    rows = np.flatnonzero(view.valid & (index.t >= start)
                          & (index.channel != index.channel_code("post")))
    counts = np.bincount(index.code[rows], minlength=len(index.keys))
    bounds = np.concatenate(([0], np.cumsum(counts)))
    per = _per_contact(counts, columns, 0)
    close = np.fromiter(map(bool, columns.field("close")), bool, len(per))
    chosen = np.flatnonzero((per >= min_interactions) & ~close)
    if not len(chosen):
        return []
    today_ordinal = today.toordinal()
    ages = (today_ordinal - index.day[rows]).tolist()
    weight = [0.5 ** (age / half_life) for age in range(max(ages) + 1)]
    out = []
    for i in chosen.tolist():
        code = int(columns.code[i])
        a, b = int(bounds[code]), int(bounds[code + 1])
        score = sum(map(weight.__getitem__, ages[a:b]))
        out.append((score, b - a, columns.contacts[i].name, columns.keys[i],
                    date.fromordinal(today_ordinal - ages[b - 1])))
    return out


def last_days(index: InteractionIndex, keys: list[str], today: date) -> list[date | None]:
    """The date of each key's latest interaction up to ``today``.

    Parameters
    ----------
    index : InteractionIndex
    keys : list of str
        Contact keys.
    today : date

    Returns
    -------
    list of date or None
        None for a key with no interaction up to ``today``.
    """
    view = index.view(today)
    out = []
    for key in keys:
        code = index.code_of.get(key)
        if code is None or not view.counts[code]:
            out.append(None)
        else:
            out.append(date.fromordinal(int(index.day[view.last[code]])))
    return out


def rows_in_list_order(index: InteractionIndex, channel: str):
    """The index rows on ``channel``, in the order of the interaction list.

    Parameters
    ----------
    index : InteractionIndex
    channel : str

    Returns
    -------
    numpy.ndarray of int
    """
    import numpy as np

    rows = np.flatnonzero(index.channel == index.channel_code(channel))
    return rows[np.argsort(index.pos[rows], kind="stable")]


def month_numbers(us):
    """The month of each time, counted from January 1970 (0).

    Parameters
    ----------
    us : numpy.ndarray of int
        Microseconds since 1970-01-01.

    Returns
    -------
    numpy.ndarray of int
    """
    import numpy as np

    return (us // DAY_US).astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)


def month_start(number: int) -> date:
    """The first day of month ``number`` (see :func:`month_numbers`).

    Parameters
    ----------
    number : int

    Returns
    -------
    date
    """
    return date(1970 + number // 12, number % 12 + 1, 1)


def kind_counts(index: InteractionIndex, rows, kinds, kind_count: int, start: datetime,
                end: datetime) -> dict[tuple[date, int], int]:
    """How many of ``rows`` fall in each (month, kind) from ``start`` up to ``end``.

    Parameters
    ----------
    index : InteractionIndex
    rows : numpy.ndarray of int
        Index rows.
    kinds : numpy.ndarray of int
        Each row's kind, ``0 .. kind_count - 1`` (-1: not counted).
    kind_count : int
    start, end : datetime
        Naive; ``end`` is not included.

    Returns
    -------
    dict of (date, int) to int
        Only (month, kind) pairs with a count.
    """
    import numpy as np

    t = index.t[rows]
    keep = (kinds >= 0) & (t >= us_of(start)) & (t < us_of(end))
    months = month_numbers(t[keep])
    if not len(months):
        return {}
    low = int(months.min())
    cells = np.bincount((months - low) * kind_count + kinds[keep])
    return {(month_start(low + cell // kind_count), cell % kind_count): int(cells[cell])
            for cell in np.flatnonzero(cells).tolist()}


def latest_groups(index: InteractionIndex, rows, groups, end: int, want: int,
                  memo: dict) -> tuple:
    """The latest row before ``end`` of each group, for the ``want`` latest groups.

    Parameters
    ----------
    index : InteractionIndex
    rows : numpy.ndarray of int
        Index rows in list order (ties in time: the earlier in the list wins).
    groups : numpy.ndarray of int
        Each row's group (-1: none).
    end : int
        Microseconds; later rows are left out.
    want : int
        Stop once this many groups are found and no later row can tie with the last.
    memo : dict
        Kept by the caller with ``rows`` (the rows' newest-first order is put there).

    Returns
    -------
    tuple
        ``(found, counts)``: ``found`` maps a group to ``(row, t)`` of its latest row
        (at least the ``want`` latest groups, in the order found); ``counts`` the rows
        per group before ``end``.
    """
    import numpy as np

    order = memo.get("order")
    if order is None:  # newest first, list order among equal times
        t = index.t[rows]
        order = memo["order"] = np.argsort(-t, kind="stable")
        memo["t"] = t[order]
    t_desc = memo["t"]
    t_rows = index.t[rows]
    counts = np.bincount(groups[(t_rows < end) & (groups >= 0)], minlength=1)
    found: dict[int, tuple[int, int]] = {}
    cutoff = None
    start = int(np.searchsorted(-t_desc, -end, side="right"))
    step = max(want * 4, 64)
    while start < len(order):
        chunk = order[start:start + step]
        for i, when, group in zip(chunk.tolist(), t_desc[start:start + step].tolist(),
                                  groups[chunk].tolist(), strict=True):
            if cutoff is not None and when < cutoff:
                return found, counts
            if group < 0 or group in found:
                continue
            found[group] = (int(rows[i]), when)
            if len(found) == want:
                cutoff = when
        start += step
    return found, counts
