"""The one rule for "today": an explicit date, else the network's own day, else the real date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

__all__ = ["local_wall_clock", "resolve_today"]


def resolve_today(today: date | None = None, net=None, *,
                  otherwise: Callable[[], date | None] = date.today) -> date | None:
    """Return the day to treat as "today".

    The rule, first match wins:

    1. ``today``, when the caller gives a date (a learner's choice, a test, a widget's argument);
    2. ``net.as_of``, when ``net`` has one: the sample persona's fixed day
       (:data:`netlearn.network.sample.DEFAULT_TODAY` unless it was built for another), so its
       metrics, charts and notebook outputs are the same on every day;
    3. ``otherwise()``: the real date (:meth:`datetime.date.today`).

    Every module that needs "today" asks here, so the rule lives in one place. Charts pass
    ``otherwise`` to end at the latest interaction instead of the real date (an old export
    then still shows its data); that is the only other last resort in the package.

    Parameters
    ----------
    today : date, optional
        An explicit day; wins when given.
    net : netlearn.network.records.Network, optional
        Whose day to use when no date is given (only its ``as_of`` is read).
    otherwise : callable, default ``date.today``
        Called only when neither gives a day; may return None ("no day": e.g. a chart
        over a network without interactions).

    Returns
    -------
    date or None
        None only when ``otherwise`` returns None.
    """
    if today is not None:
        return today
    as_of = getattr(net, "as_of", None)
    if as_of is not None:
        return as_of
    return otherwise()


def local_wall_clock(when: datetime) -> datetime:
    """Return a time as the learner's own wall-clock time, without a time zone.

    The store keeps every time as the learner's clock showed it (the log form asks for
    it so), so that a meeting from a calendar and the e-mail written after it can be
    compared. An aware time (a mail's Date, a calendar's UTC or TZID time) is converted
    to the computer's time zone (``TZ`` where it is set); a naive one is taken to be in
    it already.

    Parameters
    ----------
    when : datetime
        Aware or naive.

    Returns
    -------
    datetime
        Naive, in the learner's time zone.
    """
    if when.tzinfo is None:
        return when
    return when.astimezone().replace(tzinfo=None)
