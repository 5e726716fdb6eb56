"""Notebook 06's "Your numbers today": one number per habit, aims apart from descriptions.

Two of the five numbers have a direction by the course's own account: more events fully
prepared (01), fewer close contacts gone quiet (05). The other three describe how someone
networks and have no right value: gives against asks (02, "not a score to maximise"),
follow-ups within 48 hours (03: the 48 hours are practice guidance) and the online share
(04: "there's no right online share"). They are shown as descriptions, never as scores.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from netlearn.network.records import Network


@dataclass(frozen=True)
class HabitNumber:
    """One row of "Your numbers today".

    Attributes
    ----------
    habit : str
        ``"01 Preparation"`` … ``"05 Maintaining"``.
    measure : str
        What is counted.
    value : str
        The number as shown, or what is missing.
    aim : bool
        True when the course says which way is better; False for a description.
    """

    habit: str
    measure: str
    value: str
    aim: bool


def _percent(share, missing: str) -> str:
    return missing if share is None else f"{share:.0%}"


def _preparation(net: Network, today: date) -> str:
    from netlearn.network.metrics import awaiting_retro, preparation_rate

    prep = preparation_rate(net, today)
    if prep.events:
        return _percent(prep.rate, "")
    waiting = awaiting_retro(net, today)
    if waiting:
        # imported events count once the learner says what they did beforehand (notebook 01)
        events = "event" if len(waiting) == 1 else "events"
        return f"{len(waiting)} imported {events} to look back on (notebook 01)"
    return "no events yet"


def habit_numbers(net: Network, today: date) -> list[HabitNumber]:
    """Return the five habits' numbers for ``net`` on ``today``: aims first, then descriptions.

    Parameters
    ----------
    net : Network
        The learner's data or the sample persona.
    today : date

    Returns
    -------
    list of HabitNumber
        Preparation and maintaining (``aim`` True), then giving, follow-up and online
        (``aim`` False).
    """
    from netlearn.network import metrics

    give = metrics.give_ask_ratio(net, today)
    follow = metrics.follow_up(net, today)
    if not follow.within_48h.whole:  # no meetings logged: from connecting on LinkedIn, as in 03
        follow = metrics.connection_follow_up(net, today)
    online = metrics.online_mix(net, today)
    close = metrics.close_in_touch(net, today, days=90)  # marked close, else 05's suggestions
    return [
        HabitNumber("01 Preparation", "events fully prepared", _preparation(net, today), True),
        HabitNumber("05 Maintaining", "close contacts quiet for 90+ days",
                    str(close.whole - close.part), True),
        HabitNumber("02 Giving", f"gives and asks, last {give.days} days",
                    f"{give.gives} gives, {give.asks} asks", False),
        HabitNumber("03 Follow-up", "new contacts written to within 48 hours",
                    _percent(follow.within_48h.share, "no new contacts yet"), False),
        HabitNumber("04 Online", f"contact moments online, last {online.days} days",
                    _percent(online.share, "no contact moments yet"), False),
    ]


def habit_numbers_text(net: Network, today: date) -> str:
    """Return "Your numbers today" as plain lines: the aims, then the descriptions."""
    numbers = habit_numbers(net, today)

    def rows(aim: bool) -> list[str]:
        return [f"{n.habit:<16}{n.measure:<42}{n.value}" for n in numbers if n.aim is aim]

    return "\n".join([
        "Two habits with a direction (more prepared, fewer gone quiet):", *rows(True), "",
        "Three descriptions, not scores (no value is right; compare them with what you intend):",
        *rows(False)])
