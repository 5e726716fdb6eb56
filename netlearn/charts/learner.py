"""Matplotlib charts over a Network or ratings: `chart(data, *, today=None, ax=None)` -> Axes."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta
from operator import attrgetter

from netlearn.network import metrics
from netlearn.network.records import EVENT_CHECKLIST_SHORT, ONLINE_CHANNELS, Event, Network
from netlearn.plumbing.clock import resolve_today

__all__ = [
    "NO_DATA",
    "OKABE_ITO",
    "activity_timeline",
    "channel_mix",
    "connections_growth",
    "event_preparation",
    "follow_up_latency",
    "give_vs_ask",
    "network_recency",
    "participation",
    "self_assessment_change",
    "self_assessment_phases",
]

# Okabe & Ito (2008) colour-blind-safe palette; black is left out so charts read on dark themes.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
_CHANNEL = attrgetter("channel")
EDGE = "#8C8C8C"  # mid grey for outlines, hatches and marker lines on light and dark themes
NO_DATA = "No data yet — log an interaction or import a file"
SAMPLE_SUFFIX = " (sample persona)"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
CHANNEL_LABELS = {
    "in_person": "In person", "event": "Event", "call": "Call", "video": "Video call",
    "email": "Email", "linkedin_message": "LinkedIn message",
    "linkedin_invitation": "LinkedIn invitation", "forum": "Forum", "post": "Post",
}
CHECKLIST_LABELS = EVENT_CHECKLIST_SHORT  # legend labels, from the one checklist
CHECKLIST_STYLES = (
    (OKABE_ITO["blue"], ""), (OKABE_ITO["orange"], "//"), (OKABE_ITO["bluish_green"], ".."),
    (OKABE_ITO["reddish_purple"], "\\\\"), (OKABE_ITO["sky_blue"], "xx"),
)


# --------------------------------------------------------------------------- helpers


def _axes(ax):
    """The given Axes, or a new one on a new figure."""
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    # No layout engine: notebooks save figures with bbox_inches="tight", which already
    # keeps labels in view, and constrained layout doubles the drawing time.
    _, ax = plt.subplots(figsize=(9, 4.8))
    return ax


def _title(ax, text: str, net: Network | None = None) -> None:
    ax.set_title(text + (SAMPLE_SUFFIX if net is not None and net.is_sample else ""))


def _no_data(ax, title: str, xlabel: str, ylabel: str, net: Network | None = None,
             message: str = NO_DATA):
    """Label an empty chart and say why it is empty."""
    _title(ax, title, net)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.text(0.5, 0.5, message, transform=ax.transAxes, ha="center", va="center", wrap=True)
    return ax


def _times(net: Network) -> list[datetime]:
    """Every interaction's time as a naive datetime, in ``net.interactions`` order."""
    return metrics.interaction_times(net.interactions)


def _latest_day(net: Network) -> date | None:
    """The date of the latest interaction, or None without interactions."""
    whens = _times(net)
    return max(whens).date() if whens else None


def end_day(net: Network, today: date | None = None) -> date | None:
    """The last day a chart over ``net`` counts: :func:`netlearn.plumbing.clock.resolve_today`.

    ``today`` when given, else ``net.as_of`` (the sample persona's fixed day), else the
    latest interaction's date (not the real date: an old export still shows its data);
    None when there is no interaction either.
    """
    return resolve_today(today, net, otherwise=lambda: _latest_day(net))


def _cutoff(net: Network, today: date | None) -> date | None:
    """``today``, else ``net.as_of``, else None (no cutoff): for charts of dated records."""
    return resolve_today(today, net, otherwise=lambda: None)


def _month_label(month: date) -> str:
    return f"{MONTHS[month.month - 1]} {month.year % 100:02d}"


def _months_ending(last: date, count: int) -> list[date]:
    first = last.year * 12 + last.month - 1 - (count - 1)
    return [date((first + step) // 12, (first + step) % 12 + 1, 1) for step in range(count)]


def _thin_ticks(ax, positions, labels, most: int = 14) -> None:
    """Tick labels at most ``most`` of ``positions`` (every n-th), so they stay readable."""
    step = max(1, -(-len(positions) // most))
    ax.set_xticks(list(positions)[::step], list(labels)[::step])


def _hatch(bars, hatches) -> None:
    """One hatch per bar (works on every matplotlib the package supports)."""
    for patch, hatch in zip(bars, hatches, strict=True):
        patch.set_hatch(hatch)



# --------------------------------------------------------------------------- chart data
# What each chart draws, computed once here so the chart and its text alternative
# (netlearn.charts.text) are made from the same numbers.


def timeline_counts(net: Network, *, today: date | None = None, period: str = "month",
                    periods: int = 12):
    """The data of :func:`activity_timeline`: each bar's first day, label and counts.

    Returns
    -------
    tuple of (list of date, list of str, Counter, Counter) or None
        First day of each bar, its tick label, and online and in-person interactions
        per first day; None when no interaction falls in the shown range.
    """
    if period not in ("month", "week"):
        raise ValueError(f"period must be 'month' or 'week', not {period!r}")
    end = end_day(net, today)
    if end is None:
        return None
    if period == "week":
        last = end - timedelta(days=end.weekday())
        starts = [last - timedelta(weeks=periods - 1 - step) for step in range(periods)]
        labels = [f"{start.day} {MONTHS[start.month - 1]}" for start in starts]

        def bucket(day: date) -> date:
            return day - timedelta(days=day.weekday())
    else:
        starts = _months_ending(end, periods)
        labels = [_month_label(start) for start in starts]

        def bucket(day: date) -> date:
            return day.replace(day=1)
    first = starts[0]
    per_day = Counter(zip(
        map(datetime.date, _times(net)),
        map(ONLINE_CHANNELS.__contains__, map(_CHANNEL, net.interactions)),
        strict=True,
    ))
    online, offline = Counter(), Counter()
    for (day, is_online), count in per_day.items():
        if first <= day <= end:
            (online if is_online else offline)[bucket(day)] += count
    if not online and not offline:
        return None
    return starts, labels, online, offline


def recency_rows(net: Network, today: date | None = None) -> tuple[list, str]:
    """The data of :func:`network_recency`: rows (longest silence first) and whom they cover.

    Measured from :func:`end_day` (``today``, else ``net.as_of``, else the latest interaction).

    Returns
    -------
    tuple of (list of metrics.Recency, str)
        The rows, and ``"close"``, ``"all"`` (none marked close), ``"all-none-in-touch"``
        (close contacts exist, none with an interaction) or ``""`` without rows.
    """
    today = end_day(net, today)
    if today is None:
        return [], ""
    rows = metrics.gone_cold(net, today, days=0, close_only=True)
    if rows:
        return rows, "close"
    rows = metrics.gone_cold(net, today, days=0, close_only=False)
    if rows and any(contact.close for contact in net.contacts):
        return rows, "all-none-in-touch"
    return rows, "all" if rows else ""


def channel_mix_window(net: Network, *, today: date | None = None,
                       days: int | None = None) -> tuple[date, int] | None:
    """The last day and the number of days :func:`channel_mix` counts (None without data)."""
    end = end_day(net, today)
    if end is None:
        return None
    if days is None:
        first = min(_times(net)).date()
        days = max((end - first).days + 1, 1)
    return end, days


def prepared_events(net: Network, *, today: date | None = None,
                    last: int = 30) -> tuple[list[Event], int]:
    """The events :func:`event_preparation` shows (oldest first) and how many there were.

    Attended events up to ``today`` (default ``net.as_of``; all when neither is set),
    at most the ``last`` most recent ones.
    """
    cutoff = _cutoff(net, today)
    events = sorted(
        (event for event in net.events
         if event.attended and (cutoff is None or event.day <= cutoff)),
        key=lambda event: (event.day, event.title),
    )
    return (events[-last:] if len(events) > last else events), len(events)


def connections_per_day(net: Network, *, today: date | None = None) -> Counter:
    """Contacts per ``connected_on`` day: the data of :func:`connections_growth`.

    Up to ``today``, else ``net.as_of``; every connection when neither is set.
    """
    cutoff = _cutoff(net, today)
    return Counter(contact.connected_on for contact in net.contacts
                   if contact.connected_on is not None
                   and (cutoff is None or contact.connected_on <= cutoff))

# --------------------------------------------------------------------------- charts


def activity_timeline(net: Network, *, today: date | None = None, ax=None,
                      period: str = "month", periods: int = 12):
    """Interactions per month (or week), split into online and in person.

    Parameters
    ----------
    net : Network
        The learner's data or the sample persona.
    today : date, optional
        Last day shown; defaults to ``net.as_of``, else the latest interaction's date.
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if omitted.
    period : {"month", "week"}, default "month"
        Bar width: calendar months, or weeks starting on Monday.
    periods : int, default 12
        How many months or weeks to show, ending with ``today``'s.

    Returns
    -------
    matplotlib Axes
    """
    if period not in ("month", "week"):
        raise ValueError(f"period must be 'month' or 'week', not {period!r}")
    ax = _axes(ax)
    unit = "Week" if period == "week" else "Month"
    title = f"Networking activity per {unit.lower()}: online and in person"
    counts = timeline_counts(net, today=today, period=period, periods=periods)
    if counts is None:
        return _no_data(ax, title, unit, "Interactions", net)
    starts, labels, online, offline = counts
    positions = range(len(starts))
    in_person = [offline[start] for start in starts]
    ax.bar(positions, in_person, color=OKABE_ITO["orange"], edgecolor=EDGE, hatch="//",
           label="In person or by phone")
    ax.bar(positions, [online[start] for start in starts], bottom=in_person,
           color=OKABE_ITO["sky_blue"], edgecolor=EDGE, label="Online")
    _thin_ticks(ax, positions, labels)
    _title(ax, title, net)
    ax.set_xlabel(unit)
    ax.set_ylabel("Interactions")
    ax.legend()
    return ax


def follow_up_latency(net: Network, *, today: date | None = None, ax=None, result=None,
                      since: str = "meeting"):
    """Histogram of the time from meeting someone to the first follow-up.

    Uses :func:`netlearn.network.metrics.follow_up` (or ``result``, e.g.
    :func:`netlearn.network.metrics.connection_follow_up` for a LinkedIn-only learner);
    bars are half-day wide, follow-ups after 21 days are gathered in the last bar,
    ticks fall on days, and dashed lines mark 48 hours and 7 days. The number never
    followed up is shown in the legend.

    Parameters
    ----------
    net : Network
        The learner's data or the sample persona.
    today : date, optional
        Last day counted; defaults to ``net.as_of``, else the latest interaction's date.
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if omitted.
    result : netlearn.network.metrics.FollowUp, optional
        Already computed follow-up figures to draw.
    since : str, default "meeting"
        What the clock starts at, for the labels ("meeting" or "connecting").

    Returns
    -------
    matplotlib Axes
    """
    ax = _axes(ax)
    people = "people you met" if since == "meeting" else "new connections"
    title = f"How fast you followed up with {people}"
    xlabel, ylabel = f"Days from {since} to first follow-up", "New contacts"
    end = end_day(net, today)
    if end is None and result is None:
        return _no_data(ax, title, xlabel, ylabel, net)
    if result is None:
        result = metrics.follow_up(net, end)
    if not result.latencies_hours:
        message = NO_DATA
        if result.new_contacts:
            message = (f"No follow-ups yet: {result.new_contacts} new contacts "
                       "are waiting to hear from you")
        return _no_data(ax, title, xlabel, ylabel, net, message)
    width, cap = 0.5, 21.0
    counts = Counter(min(int(hours / 24 / width), int(cap / width) - 1)
                     for hours in result.latencies_hours)
    zones = (
        ("Within 48 hours", OKABE_ITO["bluish_green"], "", 0.0, 2.0),
        ("Within 7 days", OKABE_ITO["orange"], "..", 2.0, 7.0),
        ("Later (21+ days in the last bar)", OKABE_ITO["vermillion"], "//", 7.0, cap),
    )
    for label, colour, hatch, low, high in zones:
        bins = [index for index in counts if low <= index * width < high]
        if bins:
            ax.bar([index * width for index in bins], [counts[index] for index in bins],
                   width=width, align="edge", color=colour, edgecolor=EDGE, hatch=hatch,
                   label=label)
    ax.axvline(2, color=EDGE, linestyle="--", label="48 hours")
    ax.axvline(7, color=EDGE, linestyle=":", label="7 days")
    ax.plot([], [], " ", label=f"Never followed up: {result.never_followed_up}")
    ax.set_xlim(0, cap)
    ax.set_xticks([0, 1, 2, 3, 4, 5, 6, 7, 14, 21])  # whole days, not half-day bar edges
    _title(ax, title, net)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.legend()
    return ax


def participation(net: Network, *, today: date | None = None, ax=None, months: int = 12):
    """Posts, comments and reactions per calendar month, stacked.

    Uses :func:`netlearn.network.metrics.participation_by_month`.

    Parameters
    ----------
    net : Network
        The learner's data or the sample persona.
    today : date, optional
        The last day counted; its month is the last bar. Defaults to ``net.as_of``,
        else the latest interaction's date.
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if omitted.
    months : int, default 12
        How many months to show.

    Returns
    -------
    matplotlib Axes
    """
    ax = _axes(ax)
    title = "Taking part online: posts, comments and reactions per month"
    today = end_day(net, today)
    rows = metrics.participation_by_month(net, today, months) if today else []
    if not any(r.posts or r.comments or r.reactions for r in rows):
        return _no_data(ax, title, "Month", "Posts, comments, reactions", net,
                        "No posts, comments or reactions in this data")
    positions = list(range(len(rows)))
    bottom = [0] * len(rows)
    for label, key, colour, hatch in (("Posts", "posts", "blue", ""),
                                      ("Comments", "comments", "orange", ".."),
                                      ("Reactions", "reactions", "sky_blue", "//")):
        values = [getattr(r, key) for r in rows]
        ax.bar(positions, values, bottom=bottom, color=OKABE_ITO[colour], edgecolor=EDGE,
               hatch=hatch, label=label)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    _thin_ticks(ax, positions, [_month_label(r.month) for r in rows])
    _title(ax, title, net)
    ax.set_xlabel("Month")
    ax.set_ylabel("Posts, comments, reactions")
    ax.legend()
    return ax


def give_vs_ask(net: Network, *, today: date | None = None, ax=None, months: int = 12):
    """Outgoing gives and asks per calendar month, side by side.

    Uses ``by_month`` of :func:`netlearn.network.metrics.give_ask_ratio`.

    Parameters
    ----------
    net : Network
        The learner's data or the sample persona.
    today : date, optional
        The last day counted; its month is the last bar pair. Defaults to ``net.as_of``,
        else the latest interaction's date.
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if omitted.
    months : int, default 12
        How many months to show.

    Returns
    -------
    matplotlib Axes
    """
    ax = _axes(ax)
    title = "Giving versus asking per month"
    today = end_day(net, today)
    by_month = metrics.give_ask_ratio(net, today, months=months).by_month if today else []
    if not any(entry.gives or entry.asks for entry in by_month):
        return _no_data(ax, title, "Month", "Outgoing interactions", net)
    positions = range(len(by_month))
    ax.bar([p - 0.2 for p in positions], [entry.gives for entry in by_month], width=0.4,
           color=OKABE_ITO["bluish_green"], edgecolor=EDGE, label="Give")
    ax.bar([p + 0.2 for p in positions], [entry.asks for entry in by_month], width=0.4,
           color=OKABE_ITO["vermillion"], edgecolor=EDGE, hatch="//", label="Ask")
    _thin_ticks(ax, positions, [_month_label(entry.month) for entry in by_month])
    _title(ax, title, net)
    ax.set_xlabel("Month")
    ax.set_ylabel("Outgoing interactions")
    ax.legend()
    return ax


def channel_kind(channel: str) -> str:
    """``"online"``, ``"offline"`` (in person or by phone) or ``"apart"``: e-mail, which
    :func:`netlearn.network.metrics.online_mix` leaves out of the online share."""
    if channel in metrics.APART_FROM_SHARE:
        return "apart"
    return "online" if channel in ONLINE_CHANNELS else "offline"


def channel_mix(net: Network, *, today: date | None = None, ax=None, days: int | None = None):
    """Interactions per channel, online channels apart from in-person ones, and e-mail
    apart from both (it is not in the online share of the title).

    Uses :func:`netlearn.network.metrics.online_mix` (the metric; this is its chart).

    Parameters
    ----------
    net : Network
        The learner's data or the sample persona.
    today : date, optional
        Last day counted; defaults to ``net.as_of``, else the latest interaction's date.
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if omitted.
    days : int, optional
        Only the ``days`` calendar days ending with ``today``; all data if omitted.

    Returns
    -------
    matplotlib Axes
    """
    ax = _axes(ax)
    title = "Channel mix"
    window = channel_mix_window(net, today=today, days=days)
    if window is None:
        return _no_data(ax, title, "Interactions", "Channel", net)
    end, days = window
    mix = metrics.online_mix(net, end, days)
    if not mix.total and not mix.email:
        return _no_data(ax, title, "Interactions", "Channel", net)
    channels = [channel for channel, count in mix.by_channel.items() if count]
    counts = [mix.by_channel[channel] for channel in channels]
    kinds = [channel_kind(channel) for channel in channels]
    style = {"online": (OKABE_ITO["blue"], ""), "offline": (OKABE_ITO["orange"], "//"),
             "apart": (OKABE_ITO["sky_blue"], "..")}
    bars = ax.barh(
        [CHANNEL_LABELS.get(channel, channel) for channel in channels], counts,
        color=[style[kind][0] for kind in kinds], edgecolor=EDGE,
    )
    _hatch(bars, [style[kind][1] for kind in kinds])
    ax.bar_label(bars, padding=3)
    ax.invert_yaxis()
    from matplotlib.patches import Patch

    labels = {"online": "Online", "offline": "In person or by phone",
              "apart": "E-mail (not in the online share)"}
    ax.legend(handles=[Patch(facecolor=style[kind][0], edgecolor=EDGE, hatch=style[kind][1],
                             label=labels[kind]) for kind in labels if kind in kinds])
    _title(ax, f"{title}: {mix.share:.0%} of {mix.total} interactions online" if mix.total
           else f"{title}: e-mail only", net)
    ax.set_xlabel("Interactions")
    ax.set_ylabel("Channel")
    return ax


def network_recency(net: Network, *, today: date | None = None, ax=None, top: int = 25,
                    days: int = metrics.COLD_DAYS):
    """Who has gone cold: days since the last interaction with each close contact.

    Horizontal bars, longest silence at the top, a dashed line at ``days``;
    bars at or past it are hatched. Every bar is labelled with its days; the
    axis stops at four times ``days`` when a longer silence would squash the
    rest (those bars are cut and marked ▸). Falls back to all contacts when none is
    marked close (the title says so, without a second parenthesis next to the
    sample-persona mark).

    Parameters
    ----------
    net : Network
        The learner's data or the sample persona.
    today : date, optional
        The day to measure from; defaults to ``net.as_of``, else the latest interaction's date.
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if omitted.
    top : int, default 25
        Show at most this many contacts.
    days : int, default 90
        The "gone cold" threshold.

    Returns
    -------
    matplotlib Axes
    """
    ax = _axes(ax)
    # One parenthesis at most: the sample-persona mark is the only one (issue 11).
    title = "Who has gone cold: days since you last spoke to each close contact"
    xlabel, ylabel = "Days since last contact", "Contact"
    rows, scope = recency_rows(net, today)
    if scope != "close":
        title = "Who has gone cold: days since you last spoke to each contact"
        title += {"all-none-in-touch": " — no close contact in touch yet",
                  "all": " — none marked close"}.get(scope, "")
    if not rows:
        return _no_data(ax, title, xlabel, ylabel, net)
    shown = rows[:top]
    cold = [entry.days_since >= days for entry in shown]
    bars = ax.barh(
        range(len(shown)), [entry.days_since for entry in shown],
        color=[OKABE_ITO["vermillion"] if is_cold else OKABE_ITO["bluish_green"]
               for is_cold in cold],
        edgecolor=EDGE,
    )
    _hatch(bars, ["//" if is_cold else "" for is_cold in cold])
    # One silence of years would squash every other bar: cut the axis and label the long ones.
    longest = shown[0].days_since
    limit = max(longest if longest <= 4 * days else 4 * days, 1)
    for row, entry in enumerate(shown):
        cut = entry.days_since > limit
        ax.text(limit if cut else entry.days_since, row,
                f" {entry.days_since} days{' ▸' if cut else ''}",
                ha="right" if cut else "left", va="center", fontsize="small")
    ax.set_xlim(0, limit * 1.15)
    ax.set_yticks(range(len(shown)), [entry.name for entry in shown])
    ax.invert_yaxis()
    ax.axvline(days, color=EDGE, linestyle="--")
    from matplotlib.patches import Patch

    ax.legend(handles=[
        Patch(facecolor=OKABE_ITO["vermillion"], edgecolor=EDGE, hatch="//",
              label=f"{days}+ days: gone cold"),
        Patch(facecolor=OKABE_ITO["bluish_green"], edgecolor=EDGE,
              label=f"Under {days} days"),
    ], loc="lower right")
    _title(ax, title, net)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return ax


def connections_growth(net: Network, *, today: date | None = None, ax=None):
    """Cumulative number of online connections by the date they were made.

    Counts contacts by ``connected_on`` (e.g. LinkedIn's "Connected On").

    Parameters
    ----------
    net : Network
        The learner's data or the sample persona.
    today : date, optional
        Leave out connections made after this day; defaults to ``net.as_of`` (every
        connection when that is not set either).
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if omitted.

    Returns
    -------
    matplotlib Axes
    """
    ax = _axes(ax)
    title = "Your LinkedIn connections over time"
    xlabel, ylabel = "Date connected", "Connections (cumulative)"
    per_day = connections_per_day(net, today=today)
    if not per_day:
        return _no_data(ax, title, xlabel, ylabel, net)
    days = sorted(per_day)
    totals, running = [], 0
    for day in days:
        running += per_day[day]
        totals.append(running)
    ax.step(days, totals, where="post", color=OKABE_ITO["blue"], linewidth=2,
            label="Connections")
    ax.fill_between(days, totals, step="post", color=OKABE_ITO["sky_blue"], alpha=0.3)
    ax.set_ylim(bottom=0)
    _title(ax, f"{title}: {running} in total", net)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.legend(loc="upper left")
    return ax


def event_preparation(net: Network, *, today: date | None = None, ax=None, last: int = 30):
    """Checklist items done for each attended event, stacked by item.

    Shows the ``last`` most recent attended events, oldest on the left.

    Parameters
    ----------
    net : Network
        The learner's data or the sample persona.
    today : date, optional
        Leave out events after this day; defaults to ``net.as_of`` (all
        attended events when that is not set either).
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if omitted.
    last : int, default 30
        Show at most this many events (the most recent ones).

    Returns
    -------
    matplotlib Axes
    """
    ax = _axes(ax)
    title = "Preparation per event: checklist items done"
    xlabel, ylabel = "Event", "Checklist items done (of 5)"
    events, shown_of = prepared_events(net, today=today, last=last)
    if shown_of > last:
        title += f" (last {last} events)"
    if not events:
        return _no_data(ax, title, xlabel, ylabel, net,
                        "No events yet — log an event or import a calendar file")
    positions = range(len(events))
    bottom = [0] * len(events)
    for item, (colour, hatch) in zip(Event.CHECKLIST, CHECKLIST_STYLES, strict=True):
        done = [int(bool(getattr(event, item))) for event in events]
        ax.bar(positions, done, bottom=bottom, color=colour, hatch=hatch, edgecolor=EDGE,
               label=CHECKLIST_LABELS[item])
        bottom = [low + high for low, high in zip(bottom, done, strict=True)]
    labels = [f"{event.day.day} {MONTHS[event.day.month - 1]} {event.day.year % 100:02d}"
              for event in events]
    _thin_ticks(ax, positions, labels, most=20)
    ax.tick_params(axis="x", labelrotation=45)
    ax.set_ylim(0, len(Event.CHECKLIST) + 0.2)
    _title(ax, title, net)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.legend(loc="upper left", fontsize="small", ncols=2)
    return ax


def self_assessment_change(ratings: tuple[dict[str, float], dict[str, float]], *,
                           today: date | None = None, ax=None):
    """Self-ratings per mistake before and after the course, side by side.

    Parameters
    ----------
    ratings : pair of dict of str to float
        ``(before, after)`` as :func:`netlearn.keep.self_ratings.self_assessment_means` returns
        them: rating per topic title (e.g. ``{"Lack of preparation": 2.5}``); a topic
        missing from one of them gets only the other bar.
    today : date, optional
        Not used (self-ratings carry no dates); accepted like every chart's.
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if omitted.

    Returns
    -------
    matplotlib Axes
    """
    ax = _axes(ax)
    title = "Your self-assessment before and after"
    xlabel, ylabel = "Self-rating", "Mistake"
    before, after = ratings
    topics = list(dict.fromkeys([*before, *after]))
    if not topics:
        return _no_data(ax, title, xlabel, ylabel, message=(
            "No self-assessment yet — rate yourself at the start and end of a notebook"))
    positions = range(len(topics))
    for offset, ratings, label, colour, hatch in (
        (-0.2, before, "Before", OKABE_ITO["sky_blue"], "//"),
        (0.2, after, "After", OKABE_ITO["blue"], ""),
    ):
        rows = [(p + offset, ratings[topic]) for p, topic in zip(positions, topics, strict=True)
                if topic in ratings]
        if rows:
            bars = ax.barh([row[0] for row in rows], [row[1] for row in rows], height=0.4,
                           color=colour, hatch=hatch, edgecolor=EDGE, label=label)
            ax.bar_label(bars, fmt="%g", padding=3)
    ax.set_yticks(positions, topics)
    # first topic on top; room for at least three rows, so one bar does not fill the plot
    ax.set_ylim(max(len(topics), 3) - 0.5, -0.5)
    highest = max([*before.values(), *after.values(), 5])
    ax.set_xlim(0, highest * 1.1)
    _title(ax, title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.legend(loc="lower right")
    return ax


PHASE_STYLES = {  # phase -> (label, colour, hatch): colour and pattern both tell them apart
    "before": ("Before", OKABE_ITO["sky_blue"], "//"),
    "after": ("After", OKABE_ITO["blue"], ""),
    "check-in": ("Check-in", OKABE_ITO["orange"], ".."),
}


def self_assessment_phases(ratings: dict[str, dict[str, float]], *, today: date | None = None,
                           ax=None):
    """Self-ratings per mistake before the course, after it and at the check-in.

    Parameters
    ----------
    ratings : dict
        Phase (``"before"``, ``"after"``, ``"check-in"``) -> {topic title: mean
        rating}. A phase or topic without ratings is left out (its bar is missing).
    today : date, optional
        Not used (self-ratings carry no dates); accepted like every chart's.
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if omitted.

    Returns
    -------
    matplotlib Axes
    """
    ax = _axes(ax)
    title = "Your self-assessment: before, after and at the check-in"
    xlabel, ylabel = "Self-rating", "Mistake"
    phases = [p for p in PHASE_STYLES if ratings.get(p)]
    topics = list(dict.fromkeys(t for p in phases for t in ratings[p]))
    if not topics:
        return _no_data(ax, title, xlabel, ylabel, message=(
            "No self-assessment yet — rate yourself in notebooks 00, 06 and 07"))
    height = 0.8 / len(phases)
    positions = range(len(topics))
    for index, phase in enumerate(phases):
        label, colour, hatch = PHASE_STYLES[phase]
        offset = (index - (len(phases) - 1) / 2) * height
        rows = [(p + offset, ratings[phase][topic])
                for p, topic in zip(positions, topics, strict=True) if topic in ratings[phase]]
        bars = ax.barh([row[0] for row in rows], [row[1] for row in rows], height=height,
                       color=colour, hatch=hatch, edgecolor=EDGE, label=label)
        ax.bar_label(bars, fmt="%.3g", padding=3)
    ax.set_yticks(positions, topics)
    ax.set_ylim(max(len(topics), 3) - 0.5, -0.5)
    highest = max([v for p in phases for v in ratings[p].values()] + [5])
    ax.set_xlim(0, highest * 1.1)
    _title(ax, title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.legend(loc="lower right")
    return ax
