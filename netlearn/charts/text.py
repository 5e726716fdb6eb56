"""Text alternatives for the charts: an alt sentence and a data table, from the chart's own data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from netlearn.charts import learner as charts
from netlearn.network import metrics
from netlearn.network.records import ONLINE_CHANNELS, Event, Network

__all__ = [
    "ChartText",
    "TEXTS",
    "activity_timeline",
    "channel_mix",
    "connections_growth",
    "dashboard",
    "event_preparation",
    "follow_up_latency",
    "give_vs_ask",
    "network_recency",
    "participation",
    "plot_before_after",
    "plot_participation",
    "plot_quiz_scores",
    "self_assessment_change",
    "self_assessment_phases",
    "text_for",
]

NO_DATA = "no data yet (log an interaction or import a file)"


@dataclass(frozen=True)
class ChartText:
    """What a chart says, in words: its alt sentence and its data as a table.

    Attributes
    ----------
    alt : str
        One or two sentences stating the chart's message with its numbers.
    caption : str
        The data table's caption.
    headers : tuple of str
        Column headers; the first column names each row.
    rows : tuple of tuple
        One tuple of cell values per row (plain text; escaped when displayed).
    """

    alt: str
    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple, ...] = ()


def _n(number) -> str:
    """An integer with thousands separators (1,555)."""
    return f"{int(number):,}"


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{_n(count)} {one if count == 1 else (many or one + 's')}"


def _sample(net: Network | None) -> str:
    return charts.SAMPLE_SUFFIX if net is not None and net.is_sample else ""


def _day(day: date) -> str:
    return f"{day.day} {charts.MONTHS[day.month - 1]} {day.year}"


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _empty(kind: str, what: str, caption: str, headers, reason: str = NO_DATA,
           net: Network | None = None) -> ChartText:
    return ChartText(f"{kind} of {what}{_sample(net)}: {reason}.", caption, tuple(headers))


# --------------------------------------------------------------------------- course charts


def activity_timeline(net: Network, *, today: date | None = None, period: str = "month",
                      periods: int = 12) -> ChartText:
    """Text for :func:`netlearn.charts.learner.activity_timeline` (its arguments but ``ax``).

    Returns
    -------
    ChartText
        Totals online and in person, and the busiest period; one row per period.
    """
    unit = "week" if period == "week" else "month"
    headers = ("Week starting" if period == "week" else "Month", "In person or by phone",
               "Online", "Total")
    caption = f"Interactions per {unit}{_sample(net)}"
    counts = charts.timeline_counts(net, today=today, period=period, periods=periods)
    if counts is None:
        return _empty("Stacked bar chart", f"interactions per {unit}", caption, headers, net=net)
    starts, labels, online, offline = counts
    rows = tuple((label, offline[start], online[start], offline[start] + online[start])
                 for start, label in zip(starts, labels, strict=True))
    total_online, total_offline = sum(online.values()), sum(offline.values())
    busiest = max(rows, key=lambda row: row[3])
    alt = (f"Stacked bar chart of interactions per {unit}{_sample(net)}, {labels[0]} to "
           f"{labels[-1]}: {_n(total_online + total_offline)} in total, {_n(total_online)} "
           f"online and {_n(total_offline)} in person or by phone; busiest {unit} "
           f"{busiest[0]} ({_n(busiest[3])}).")
    return ChartText(alt, caption, headers, rows)


def follow_up_latency(net: Network, *, today: date | None = None, result=None,
                      since: str = "meeting") -> ChartText:
    """Text for :func:`netlearn.charts.learner.follow_up_latency` (its arguments but ``ax``).

    Returns
    -------
    ChartText
        How many were followed up within 48 hours, within 7 days and later, and how many
        never; one row per group.
    """
    people = "people you met" if since == "meeting" else "new connections"
    what = f"how fast you followed up with {people}"
    caption = f"New contacts by time to first follow-up{_sample(net)}"
    headers = ("Time to first follow-up", "New contacts")
    end = charts.end_day(net, today)
    if end is None and result is None:
        return _empty("Histogram", what, caption, headers, net=net)
    if result is None:
        result = metrics.follow_up(net, end)
    if not result.latencies_hours:
        reason = NO_DATA
        if result.new_contacts:
            reason = (f"no follow-ups yet; {_plural(result.new_contacts, 'new contact')} "
                      "waiting to hear from you")
        return _empty("Histogram", what, caption, headers, reason, net)
    hours = result.latencies_hours
    fast = sum(1 for h in hours if h < 48)  # the chart's half-day bins before the 48 h line
    week = sum(1 for h in hours if 48 <= h < 168)
    later = len(hours) - fast - week
    rows = (("Within 48 hours", fast), ("After 2 to 7 days", week),
            ("After more than 7 days", later),
            ("Never followed up", result.never_followed_up),
            (f"{'Met' if since == 'meeting' else 'Connected'} less than 7 days ago, not yet"
             " followed up", result.awaiting))
    median = f"; median {result.median_hours / 24:.1f} days" if result.median_hours is not None \
        else ""
    alt = (f"Histogram of {what}{_sample(net)}: of {_plural(len(hours), 'follow-up')}, "
           f"{_n(fast)} within 48 hours, {_n(week)} within 2 to 7 days and {_n(later)} later"
           f"{median}; {_n(result.never_followed_up)} never followed up.")
    return ChartText(alt, caption, headers, rows)


def participation(net: Network, *, today: date | None = None, months: int = 12) -> ChartText:
    """Text for :func:`netlearn.charts.learner.participation` (its arguments but ``ax``).

    Returns
    -------
    ChartText
        Posts, comments and reactions in total and the busiest month; one row per month.
    """
    caption = f"Posts, comments and reactions per month{_sample(net)}"
    headers = ("Month", "Posts", "Comments", "Reactions")
    today = charts.end_day(net, today)
    by_month = metrics.participation_by_month(net, today, months) if today else []
    if not any(r.posts or r.comments or r.reactions for r in by_month):
        return _empty("Stacked bar chart", "posts, comments and reactions per month", caption,
                      headers, "no posts, comments or reactions in this data", net)
    rows = tuple((charts._month_label(r.month), r.posts, r.comments, r.reactions)
                 for r in by_month)
    posts, comments, reactions = (sum(row[i] for row in rows) for i in (1, 2, 3))
    busiest = max(rows, key=lambda row: row[1] + row[2] + row[3])
    quiet = sum(1 for row in rows if not (row[1] or row[2] or row[3]))
    alt = (f"Stacked bar chart of posts, comments and reactions per month{_sample(net)}, "
           f"{rows[0][0]} to {rows[-1][0]}: {_plural(posts, 'post')}, "
           f"{_plural(comments, 'comment')} and {_plural(reactions, 'reaction')} in total; "
           f"busiest month {busiest[0]}; {_plural(quiet, 'month')} with none.")
    return ChartText(alt, caption, headers, rows)


def give_vs_ask(net: Network, *, today: date | None = None, months: int = 12) -> ChartText:
    """Text for :func:`netlearn.charts.learner.give_vs_ask` (its arguments but ``ax``).

    Returns
    -------
    ChartText
        Gives and asks in total and the month with most asks; one row per month.
    """
    caption = f"Gives and asks per month{_sample(net)}"
    headers = ("Month", "Gives", "Asks")
    today = charts.end_day(net, today)
    by_month = metrics.give_ask_ratio(net, today, months=months).by_month if today else []
    if not any(entry.gives or entry.asks for entry in by_month):
        return _empty("Bar chart", "gives and asks per month", caption, headers, net=net)
    rows = tuple((charts._month_label(entry.month), entry.gives, entry.asks)
                 for entry in by_month)
    gives, asks = sum(row[1] for row in rows), sum(row[2] for row in rows)
    months_more_asks = sum(1 for row in rows if row[2] > row[1])
    alt = (f"Bar chart of gives and asks per month{_sample(net)}, {rows[0][0]} to {rows[-1][0]}: "
           f"{_plural(gives, 'give')} and {_plural(asks, 'ask')} in total; asks outnumber gives "
           f"in {_plural(months_more_asks, 'month')} of {len(rows)}.")
    return ChartText(alt, caption, headers, rows)


def channel_mix(net: Network, *, today: date | None = None, days: int | None = None) -> ChartText:
    """Text for :func:`netlearn.charts.learner.channel_mix` (its arguments but ``ax``).

    Returns
    -------
    ChartText
        The share online and the most used channel; one row per channel used.
    """
    caption = f"Interactions per channel{_sample(net)}"
    headers = ("Channel", "Online or in person", "Interactions")
    window = charts.channel_mix_window(net, today=today, days=days)
    mix = metrics.online_mix(net, *window) if window is not None else None
    if mix is None or not mix.total:
        return _empty("Bar chart", "interactions per channel", caption, headers, net=net)
    rows = tuple((charts.CHANNEL_LABELS.get(channel, channel),
                  "online" if channel in ONLINE_CHANNELS else "in person or by phone", count)
                 for channel, count in mix.by_channel.items() if count)
    top = max(rows, key=lambda row: row[2])
    alt = (f"Bar chart of {_plural(mix.total, 'interaction')} by channel{_sample(net)}: "
           f"{mix.share:.0%} online ({_n(mix.online)}), {_n(mix.offline)} in person or by "
           f"phone; most used: {top[0]} ({_n(top[2])}).")
    return ChartText(alt, caption, headers, rows)


def network_recency(net: Network, *, today: date | None = None, top: int = 25,
                    days: int = metrics.COLD_DAYS) -> ChartText:
    """Text for :func:`netlearn.charts.learner.network_recency` (its arguments but ``ax``).

    Returns
    -------
    ChartText
        How many contacts are past ``days`` and the longest silence, e.g. "Bar chart of
        15 close contacts by days since last contact: 4 past 90 days, longest 1,555 days
        (Idris Oyelaran)"; one row per contact shown.
    """
    caption = f"Days since your last contact{_sample(net)}"
    headers = ("Contact", "Days since last contact", f"Gone cold ({days}+ days)")
    rows, scope = charts.recency_rows(net, today)
    if not rows:
        return _empty("Bar chart", "contacts by days since last contact", caption, headers,
                      net=net)
    who = {"close": "close contact", "all": "contact (none marked close)",
           "all-none-in-touch": "contact (no close contact in touch yet)"}[scope]
    noun = who.replace("contact", "contacts", 1) if len(rows) != 1 else who
    shown = rows[:top]
    cold = sum(1 for entry in rows if entry.days_since >= days)
    longest = rows[0]
    more = f" (the chart shows the {len(shown)} longest)" if len(shown) < len(rows) else ""
    alt = (f"Bar chart of {_n(len(rows))} {noun} by days since last contact{_sample(net)}"
           f"{more}: {_n(cold)} past {days} days, longest {_plural(longest.days_since, 'day')} "
           f"({longest.name}).")
    table = tuple((entry.name, entry.days_since, _yes(entry.days_since >= days))
                  for entry in shown)
    return ChartText(alt, caption, headers, table)


def connections_growth(net: Network, *, today: date | None = None) -> ChartText:
    """Text for :func:`netlearn.charts.learner.connections_growth` (its arguments but ``ax``).

    Returns
    -------
    ChartText
        The total, the first and last connection and the busiest year; one row per year.
    """
    caption = f"LinkedIn connections made per year{_sample(net)}"
    headers = ("Year", "Connections made", "Total by the end of the year")
    per_day = charts.connections_per_day(net, today=today)
    if not per_day:
        return _empty("Step chart", "your LinkedIn connections over time", caption, headers,
                      "no connections with a date yet (import your LinkedIn export)", net)
    per_year: dict[int, int] = {}
    for day in sorted(per_day):
        per_year[day.year] = per_year.get(day.year, 0) + per_day[day]
    rows, running = [], 0
    for year in range(min(per_year), max(per_year) + 1):
        running += per_year.get(year, 0)
        rows.append((str(year), per_year.get(year, 0), running))
    busiest = max(rows, key=lambda row: row[1])
    first, last = min(per_day), max(per_day)
    alt = (f"Step chart of your LinkedIn connections over time{_sample(net)}: "
           f"{_n(running)} in total, from {_day(first)} to {_day(last)}; most in one year: "
           f"{busiest[0]} ({_n(busiest[1])}).")
    return ChartText(alt, caption, headers, tuple(rows))


def event_preparation(net: Network, *, today: date | None = None, last: int = 30) -> ChartText:
    """Text for :func:`netlearn.charts.learner.event_preparation` (its arguments but ``ax``).

    Returns
    -------
    ChartText
        Events fully prepared, the mean items done and the item done least; one row per
        event with each checklist item.
    """
    labels = [charts.CHECKLIST_LABELS[item] for item in Event.CHECKLIST]
    caption = f"Checklist items done per event{_sample(net)}"
    headers = ("Event", "Date", *labels, "Items done")
    events, total = charts.prepared_events(net, today=today, last=last)
    if not events:
        return _empty("Stacked bar chart", "checklist items done per event", caption, headers,
                      "no events yet (log an event or import a calendar file)", net)
    done = [[bool(getattr(event, item)) for item in Event.CHECKLIST] for event in events]
    rows = tuple((event.title, _day(event.day), *map(_yes, flags), sum(flags))
                 for event, flags in zip(events, done, strict=True))
    full = sum(1 for flags in done if all(flags))
    mean = sum(sum(flags) for flags in done) / len(events)
    per_item = [sum(flags[i] for flags in done) for i in range(len(labels))]
    least = min(range(len(labels)), key=per_item.__getitem__)
    scope = f"the last {len(events)} of {total} events" if total > len(events) \
        else _plural(len(events), "event")
    alt = (f"Stacked bar chart of checklist items done for {scope}{_sample(net)}: "
           f"{_n(full)} fully prepared (all {len(labels)} items), {mean:.1f} items on average; "
           f"done least: {labels[least]} ({_n(per_item[least])} of {len(events)}).")
    return ChartText(alt, caption, headers, rows)


def self_assessment_change(ratings: tuple[dict[str, float], dict[str, float]], *,
                           today: date | None = None) -> ChartText:
    """Text for :func:`netlearn.charts.learner.self_assessment_change` (its arguments but ``ax``).

    Returns
    -------
    ChartText
        In how many mistakes the rating rose, fell or stayed; one row per mistake.
    """
    before, after = ratings
    caption = "Your self-ratings before and after"
    headers = ("Mistake", "Before", "After", "Change")
    topics = list(dict.fromkeys([*before, *after]))
    if not topics:
        return _empty("Bar chart", "your self-assessment before and after", caption, headers,
                      "no self-assessment yet")

    def fmt(value) -> str:
        return "not rated" if value is None else f"{value:g}"

    rows, rose, fell, same = [], 0, 0, 0
    for topic in topics:
        old, new = before.get(topic), after.get(topic)
        change = ""
        if old is not None and new is not None:
            change = f"{new - old:+g}" if new != old else "0"
            rose, fell, same = rose + (new > old), fell + (new < old), same + (new == old)
        rows.append((topic, fmt(old), fmt(new), change))
    both = rose + fell + same
    summary = (f"of {_plural(both, 'mistake')} rated both times, {_n(rose)} rose, {_n(fell)} "
               f"fell and {_n(same)} stayed the same") if both else "none rated both times yet"
    alt = (f"Bar chart of your self-ratings before and after for "
           f"{_plural(len(topics), 'mistake')}: {summary}.")
    return ChartText(alt, caption, headers, tuple(rows))


def self_assessment_phases(ratings: dict[str, dict[str, float]], *,
                           today: date | None = None) -> ChartText:
    """Text for :func:`netlearn.charts.learner.self_assessment_phases` (its arguments but ``ax``).

    Returns
    -------
    ChartText
        How the ratings moved from before to the check-in (or to the latest phase rated);
        one row per mistake with each phase's rating.
    """
    phases = [p for p in ("before", "after", "check-in") if ratings.get(p)]
    names = {"before": "Before", "after": "After", "check-in": "Check-in"}
    caption = "Your self-ratings before, after and at the check-in"
    headers = ("Mistake", "Before", "After", "Check-in")
    topics = list(dict.fromkeys(t for p in phases for t in ratings[p]))
    if not topics:
        return _empty("Bar chart", "your self-assessment before, after and at the check-in",
                      caption, headers, "no self-assessment yet")

    def fmt(phase, topic) -> str:
        value = (ratings.get(phase) or {}).get(topic)
        return "not rated" if value is None else f"{value:g}"

    rows = tuple((topic, *(fmt(p, topic) for p in ("before", "after", "check-in")))
                 for topic in topics)
    first, last = phases[0], phases[-1]
    rose = fell = same = 0
    for topic in topics:
        old, new = ratings[first].get(topic), ratings[last].get(topic)
        if old is not None and new is not None and first != last:
            rose, fell, same = rose + (new > old), fell + (new < old), same + (new == old)
    both = rose + fell + same
    if first == last:
        summary = f"rated only {names[first].lower()} so far"
    elif both:
        summary = (f"from {names[first].lower()} to {names[last].lower()}, {_n(rose)} rose, "
                   f"{_n(fell)} fell and {_n(same)} stayed the same")
    else:
        summary = "no mistake rated in both the first and the latest phase yet"
    alt = (f"Bar chart of your self-ratings for {_plural(len(topics), 'mistake')} "
           f"({', '.join(names[p].lower() for p in phases)}): {summary}.")
    return ChartText(alt, caption, headers, rows)


# --------------------------------------------------------------------------- cohort charts


def plot_before_after(table, *, today=None) -> ChartText:
    """Text for :func:`netlearn.charts.cohort.plot_before_after` (without ``ax``).

    Returns
    -------
    ChartText
        The topics whose mean rose most and least; one row per topic.
    """
    caption = "Mean self-rating before and after, per topic"
    headers = ("Topic", "Learners who rated both times", "Before", "After")
    table = table[table["n"] > 0] if len(table) else table
    if not len(table):
        return _empty("Bar chart", "mean self-rating before and after per topic", caption,
                      headers, "no learner rated themselves both before and after")
    rows = tuple((str(topic), int(n), f"{before:.1f}", f"{after:.1f}")
                 for topic, n, before, after in zip(table.index, table["n"], table["before"],
                                                    table["after"], strict=True))
    gains = {row[0]: float(row[3]) - float(row[2]) for row in rows}
    best = max(gains, key=gains.get)
    worst = min(gains, key=gains.get)
    alt = (f"Bar chart of the mean self-rating before and after for "
           f"{_plural(len(rows), 'topic')}: the biggest change is {best} ({gains[best]:+.1f}), "
           f"the smallest {worst} ({gains[worst]:+.1f}).")
    return ChartText(alt, caption, headers, rows)


def plot_quiz_scores(frame, *, today=None) -> ChartText:
    """Text for :func:`netlearn.charts.cohort.plot_quiz_scores` (without ``ax``).

    Returns
    -------
    ChartText
        The range of median scores across topics; one row per topic.
    """
    caption = "First-try quiz scores per topic (% of points on items answered)"
    headers = ("Topic", "Learners who answered", "Median", "Lowest", "Highest")
    scored = frame.dropna(subset=["quiz_percent"])
    topics = list(dict.fromkeys(scored["topic"].astype(str)))
    if not topics:
        return _empty("Box plot", "first-try quiz scores per topic", caption, headers,
                      "no quiz answers in these summaries")
    rows = []
    for topic in topics:
        values = sorted(scored.loc[scored["topic"].astype(str) == topic, "quiz_percent"])
        middle = len(values) // 2
        median = values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2
        rows.append((topic, len(values), f"{median:.0f} %", f"{values[0]:.0f} %",
                     f"{values[-1]:.0f} %"))
    low = min(rows, key=lambda row: float(row[2][:-2]))
    high = max(rows, key=lambda row: float(row[2][:-2]))
    alt = (f"Box plot of first-try quiz scores for {_plural(len(rows), 'topic')}, one dot per "
           f"learner: median scores run from {low[2]} ({low[0]}) to {high[2]} ({high[0]}).")
    return ChartText(alt, caption, headers, tuple(rows))


def plot_participation(table, *, n_learners: int, today=None) -> ChartText:
    """Text for :func:`netlearn.charts.cohort.plot_participation` (without ``ax``).

    Returns
    -------
    ChartText
        The topics completed by most and fewest learners; one row per topic.
    """
    caption = f"Learners who started and completed each topic (of {n_learners})"
    headers = ("Topic", "Started", "Completed")
    if not len(table) or not n_learners:
        return _empty("Bar chart", "participation per topic", caption, headers,
                      "no usable summaries yet")
    rows = tuple((str(topic), int(started), int(completed)) for topic, started, completed
                 in zip(table.index, table["started"], table["completed"], strict=True))
    most = max(rows, key=lambda row: row[2])
    fewest = min(rows, key=lambda row: row[2])
    alt = (f"Bar chart of how many of {_plural(n_learners, 'learner')} started and completed "
           f"each of {_plural(len(rows), 'topic')}: most completed {most[0]} ({_n(most[2])}), "
           f"fewest {fewest[0]} ({_n(fewest[2])}).")
    return ChartText(alt, caption, headers, rows)


def dashboard(frame, *, n_learners: int, today=None) -> list[ChartText]:
    """Texts for :func:`netlearn.charts.cohort.plot_dashboard`: one per chart, in its order."""
    from netlearn.charts.cohort_tables import before_after, participation

    return [plot_before_after(before_after(frame)), plot_quiz_scores(frame),
            plot_participation(participation(frame), n_learners=n_learners)]


# --------------------------------------------------------------------------- registry

# chart function name -> its text function. A new chart function gets a text function
# here with the same arguments (without ``ax``/``fig``): ``(data, *, today=None, ...)``;
# tests/test_chart_text.py fails for any public chart function without one.
TEXTS = {
    "activity_timeline": activity_timeline,
    "follow_up_latency": follow_up_latency,
    "participation": participation,
    "give_vs_ask": give_vs_ask,
    "channel_mix": channel_mix,
    "network_recency": network_recency,
    "connections_growth": connections_growth,
    "event_preparation": event_preparation,
    "self_assessment_change": self_assessment_change,
    "self_assessment_phases": self_assessment_phases,
    "plot_before_after": plot_before_after,
    "plot_quiz_scores": plot_quiz_scores,
    "plot_participation": plot_participation,
    "plot_dashboard": dashboard,
}


def text_for(chart):
    """Return the text function of a chart function (looked up by its name).

    Raises
    ------
    KeyError
        When the chart has no text function yet.
    """
    name = getattr(chart, "__name__", str(chart))
    try:
        return TEXTS[name]
    except KeyError:
        raise KeyError(f"chart {name!r} has no text alternative in netlearn.charts.text.TEXTS") \
            from None
