"""Cohort charts for facilitators: `chart(data, *, today=None, ax=None, ...)` -> Axes."""

from __future__ import annotations

from netlearn.charts.learner import EDGE, OKABE_ITO, _axes
from netlearn.charts.learner import _no_data as _empty

NO_SUMMARIES = "No usable summaries yet"
LABEL_WIDTH = 14


def _label(topic: str, n: int | None = None) -> str:
    """Wrap a topic id at hyphens so tick labels do not overlap; add ``n`` when given."""
    lines, line = [], ""
    for part in str(topic).split("-"):
        piece = f"{line}-{part}" if line else part
        if line and len(piece) > LABEL_WIDTH:
            lines.append(line + "-")
            line = part
        else:
            line = piece
    lines.append(line)
    if n is not None:
        lines.append(f"(n = {n})")
    return "\n".join(lines)


def plot_before_after(table, *, today=None, ax=None):
    """Draw the mean self-rating before and after, per mistake, with the number of learners.

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`netlearn.facilitator.cohort.before_after`: index topic, columns
        ``before``, ``after``, ``n``; a third bar per topic when ``n_check_in``
        shows that some learners rated themselves at the check-in.
    today : date, optional
        Not used (a cohort table carries no dates); accepted like every chart's.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = _axes(ax)
    title = "Self-rating before and after the course, per mistake"
    xlabel, ylabel = "Topic (learners who rated both times)", "Mean self-rating (1–5)"
    table = table[table["n"] > 0] if len(table) else table
    if not len(table):
        return _empty(ax, title, xlabel, ylabel,
                      message="No learner rated themselves both before and after")
    positions = list(range(len(table)))
    check_in = "n_check_in" in table and table["n_check_in"].sum() > 0
    width = 0.27 if check_in else 0.38
    shift = width if check_in else width / 2
    before = ax.bar([p - shift for p in positions], table["before"], width,
                    color=OKABE_ITO["sky_blue"], edgecolor=EDGE, hatch="//", label="Before")
    after = ax.bar([p + (0 if check_in else shift) for p in positions], table["after"], width,
                   color=OKABE_ITO["blue"], edgecolor=EDGE, label="After")
    drawn = [before, after]
    if check_in:  # only when some learner did the check-in (notebook 07)
        title = "Self-rating before, after and at the check-in, per mistake"
        drawn.append(ax.bar([p + shift for p in positions], table["check_in"], width,
                            color=OKABE_ITO["orange"], edgecolor=EDGE, hatch="..",
                            label="Check-in (those who did it)"))
    for bars in drawn:
        ax.bar_label(bars, labels=["" if value != value else f"{value:.1f}"  # NaN: no label
                                   for value in bars.datavalues], padding=2)
    ax.set_xticks(positions, [_label(topic, int(n)) for topic, n in
                              zip(table.index, table["n"], strict=True)])
    ax.set_ylim(0, 5.6)
    ax.set_yticks([1, 2, 3, 4, 5])
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.legend(loc="upper left", ncols=2, frameon=False)
    return ax


def plot_quiz_scores(frame, *, today=None, ax=None):
    """Draw the distribution of first-try quiz scores per topic (box plot, every learner a dot).

    Only first-attempt scores are drawn: older summaries' latest-attempt scores are in
    other columns of the frame and never pooled with them.

    Parameters
    ----------
    frame : pandas.DataFrame
        From :func:`netlearn.facilitator.cohort.aggregate` (uses ``topic`` and ``quiz_percent``,
        the first-attempt score).
    today : date, optional
        Not used (a cohort table carries no dates); accepted like every chart's.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = _axes(ax)
    title = "First-try quiz scores per topic"
    xlabel = "Topic (learners who answered)"
    ylabel = "First-try score (% of points on items answered)"
    scored = frame.dropna(subset=["quiz_percent"])
    topics = [t for t in dict.fromkeys(scored["topic"].astype(str))]
    if not topics:
        return _empty(ax, title, xlabel, ylabel,
                      message="No first-try quiz scores in these summaries")
    data = [scored.loc[scored["topic"].astype(str) == t, "quiz_percent"].tolist() for t in topics]
    boxes = ax.boxplot(data, positions=range(len(topics)), widths=0.5, patch_artist=True,
                       showfliers=False, medianprops={"color": OKABE_ITO["vermillion"],
                                                      "linewidth": 2})
    for box in boxes["boxes"]:
        box.set_facecolor(OKABE_ITO["orange"])
        box.set_alpha(0.45)
        box.set_edgecolor(EDGE)
    for index, values in enumerate(data):
        count = len(values)
        offsets = [((i * 0.618034) % 1 - 0.5) * 0.3 for i in range(count)]  # deterministic
        ax.scatter([index + o for o in offsets], values, s=18, color=OKABE_ITO["blue"],
                   edgecolor="white", linewidth=0.5, zorder=3,
                   label="One learner" if index == 0 else None)
    ax.set_xticks(range(len(topics)), [_label(t, len(v))
                                       for t, v in zip(topics, data, strict=True)])
    ax.set_ylim(-5, 105)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.legend(loc="lower left", frameon=False)
    return ax


def plot_participation(table, *, n_learners: int, today=None, ax=None):
    """Draw how many learners started and completed each topic.

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`netlearn.facilitator.cohort.participation`: index topic, columns
        ``started`` and ``completed``.
    n_learners : int
        Learners in the cohort (the axis runs to this number).
    today : date, optional
        Not used (a cohort table carries no dates); accepted like every chart's.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
    """
    from matplotlib.ticker import MaxNLocator

    ax = _axes(ax)
    title = f"Participation per topic (of {n_learners} learner{'s' if n_learners != 1 else ''})"
    xlabel, ylabel = "Learners", "Topic"
    if not len(table) or not n_learners:
        return _empty(ax, title, xlabel, ylabel, message=NO_SUMMARIES)
    topics = [str(t) for t in table.index]
    positions = range(len(topics))
    height = 0.38
    series = (
        ("started", "Started", OKABE_ITO["sky_blue"], "//", -height / 2),
        ("completed", "Completed", OKABE_ITO["bluish_green"], "", height / 2),
    )
    for column, label, colour, hatch, offset in series:
        values = [int(v) for v in table[column]]
        bars = ax.barh([p + offset for p in positions], values, height, color=colour,
                       edgecolor=EDGE, hatch=hatch, label=label)
        ax.bar_label(bars, labels=[f"{v} ({100 * v / n_learners:.0f} %)" for v in values],
                     padding=3)
    ax.set_yticks(list(positions), topics)
    ax.invert_yaxis()
    ax.set_xlim(0, n_learners * 1.25)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.legend(loc="lower right", frameon=False)
    return ax


def plot_dashboard(frame, *, n_learners: int, today=None, fig=None):
    """Draw the three cohort charts side by side on one figure.

    The one chart that takes a ``fig`` instead of an ``ax``: it draws several Axes.

    Parameters
    ----------
    frame : pandas.DataFrame
        From :func:`netlearn.facilitator.cohort.aggregate`.
    n_learners : int
    today : date, optional
        Not used (a cohort table carries no dates); accepted like every chart's.
    fig : matplotlib.figure.Figure, optional

    Returns
    -------
    list of matplotlib.axes.Axes
        Before/after, quiz scores, participation.
    """
    from netlearn.charts.cohort_tables import before_after, participation

    if fig is None:
        import matplotlib.pyplot as plt

        fig = plt.figure(figsize=(13, 13), layout="constrained")
    axes = fig.subplots(3, 1)
    plot_before_after(before_after(frame), ax=axes[0])
    plot_quiz_scores(frame, ax=axes[1])
    plot_participation(participation(frame), n_learners=n_learners, ax=axes[2])
    return list(axes)
