"""Pure cohort tables the dashboard charts draw: self-ratings before and after, participation."""

from __future__ import annotations


def before_after(frame):
    """Return, per topic with self-ratings, the mean before and after over learners who gave both.

    Parameters
    ----------
    frame : pandas.DataFrame
        From :func:`aggregate`.

    Returns
    -------
    pandas.DataFrame
        Index: topic; columns ``before``, ``after``, ``n`` (learners with both), and
        ``check_in`` and ``n_check_in``: the mean at the check-in (notebook 07) of
        those learners who also rated then (NaN and 0 when none did).
    """
    import pandas as pd

    paired = frame.dropna(subset=["self_before", "self_after"])
    rated = frame.dropna(subset=["self_before", "self_after"], how="all")
    topics = list(dict.fromkeys(rated["topic"].astype(str)))
    table = pd.DataFrame(index=pd.Index(topics, name="topic"), columns=["before", "after", "n"],
                         dtype=float)
    table["check_in"] = float("nan")
    table["n_check_in"] = 0.0
    checked_in = (paired.dropna(subset=["self_checkin"]) if "self_checkin" in paired
                  else paired.iloc[0:0])
    for topic in topics:
        rows = paired[paired["topic"].astype(str) == topic]
        later = checked_in[checked_in["topic"].astype(str) == topic]
        table.loc[topic] = [rows["self_before"].mean(), rows["self_after"].mean(), len(rows),
                            later["self_checkin"].mean() if len(later) else float("nan"),
                            len(later)]
    table["n"] = table["n"].astype(int)
    table["n_check_in"] = table["n_check_in"].astype(int)
    return table


def participation(frame):
    """Return, per topic, how many learners started it and how many completed it.

    "Started" and "completed" are what the learner's own progress bar showed
    (◐ started, ✓ done) when they exported the summary.

    Parameters
    ----------
    frame : pandas.DataFrame
        From :func:`aggregate`.

    Returns
    -------
    pandas.DataFrame
        Index: topic (course order); columns ``started`` and ``completed``.
    """
    table = frame.groupby("topic", observed=False)[["started", "completed"]].sum().astype(int)
    table.index = table.index.astype(str)
    return table
