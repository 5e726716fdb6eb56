"""Minutes a learner spent in a notebook, from the moments they saved something in it.

Only with the learner's consent does the store note those moments (``Store.time_consent``);
:meth:`netlearn.store.Store.measured_minutes` turns them into minutes with this module.
It lives in ``plumbing`` rather than ``teaching`` because the store may import only
plumbing and plain records, and it is pure: moments in, minutes out.

The figure is a lower bound. The kernel sees saves (answers, ratings, reflections, log
entries), not reading: whatever the learner read before their first save in a notebook,
or after their last, is not in it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

#: A gap between two saves longer than this counts as this many minutes. The longest
#: stretch the course asks for without a save (a notebook's teaching sections and worked
#: examples before its first exercise) is under ten minutes by the course's own estimate
#: (:mod:`netlearn.teaching.timing`), so a gap up to ten minutes is taken as reading; a
#: longer one is more likely a break, of which only the reading before the next save
#: (at most these ten minutes) is counted.
GAP_CAP_MINUTES = 10
#: Minutes are reported to the nearest multiple of this: clicks measure reading too
#: roughly for anything finer, and a rounded figure says less about when one studied.
ROUND_TO_MINUTES = 5


def _moment(value) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def notebook_minutes(moments: Iterable, cap: float = GAP_CAP_MINUTES,
                     step: int = ROUND_TO_MINUTES) -> int:
    """Return the minutes between the first and last save, long gaps capped, rounded.

    Parameters
    ----------
    moments : iterable of datetime or ISO 8601 str
        When the learner saved something in one notebook, in any order (all aware or
        all naive).
    cap : float, optional
        Minutes a single gap counts at most (:data:`GAP_CAP_MINUTES`).
    step : int, optional
        Round to the nearest multiple of this many minutes, halves up
        (:data:`ROUND_TO_MINUTES`).

    Returns
    -------
    int
        0 for no save or a single one.
    """
    times = sorted(_moment(m) for m in moments)
    total = sum(min((later - earlier).total_seconds() / 60, cap)
                for earlier, later in zip(times, times[1:], strict=False))
    return step * int(total / step + 0.5)


def measured_minutes(moments_by_topic: Mapping[str, Iterable]) -> dict[str, int]:
    """Return topic id -> :func:`notebook_minutes` of that notebook's moments."""
    return {topic: notebook_minutes(moments) for topic, moments in moments_by_topic.items()}
