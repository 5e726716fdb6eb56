"""The spaced check-in (notebook 07): its date window and the learner's status, as pure functions.

Which items it asks is :func:`netlearn.teaching.retrieval.select_checkin`: one new item for
every objective of notebooks 01–05, those missed on the first try first.
"""

from __future__ import annotations

from datetime import date, timedelta

CHECKIN_TOPIC = "07-check-in"
SETTING = "checkin_date"  # the store setting holding the chosen date (ISO text)
MIN_DAYS, MAX_DAYS = 14, 28  # two to four weeks after notebook 06
DEFAULT_DAYS = 21
COMMITMENT_STATES = ("done", "not done", "dropped")


def checkin_window(today: date) -> tuple[date, date]:
    """Return the first and last day a check-in may be booked for (2–4 weeks out)."""
    return today + timedelta(days=MIN_DAYS), today + timedelta(days=MAX_DAYS)


def default_checkin(today: date) -> date:
    """Return the suggested check-in date: three weeks from ``today``."""
    return today + timedelta(days=DEFAULT_DAYS)


def checkin_problem(day: date | None, today: date) -> str | None:
    """Return why ``day`` cannot be the check-in date, or None when it can."""
    if day is None:
        return "Pick a date."
    first, last = checkin_window(today)
    if day < first:
        return (f"That is less than two weeks away; pick a day from {first:%d %b %Y}: a gap "
                "helps you remember.")
    if day > last:
        return f"That is more than four weeks away; pick a day up to {last:%d %b %Y}."
    return None


def parse_checkin(value) -> date | None:
    """Return the stored check-in date (ISO text) as a date, or None when unset or unreadable."""
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def status_text(finished_plan: bool, booked: date | None, today: date) -> str:
    """Return one plain line on where the learner stands with the check-in.

    Parameters
    ----------
    finished_plan : bool
        Whether notebook 06 is done (rated 'after' or a check-in booked).
    booked : date or None
        The booked check-in date.
    today : date
    """
    if not finished_plan:
        return ("You have not finished notebook 06 (Your action plan) yet. This check-in is for "
                "two to four weeks after it, so start there; the quiz below will explain too.")
    if booked is None:
        return "You finished notebook 06. Welcome back to your check-in."
    if booked > today:
        days = (booked - today).days
        return (f"Your check-in is booked for {booked:%d %B %Y}, in {days} day"
                f"{'' if days == 1 else 's'}. You can do it now, but the gap is what helps you "
                "remember: waiting until then is worth it.")
    return f"Your check-in was booked for {booked:%d %B %Y}. Welcome back."
