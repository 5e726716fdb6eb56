"""Facilitator notes for a topic: shown in facilitator mode, no output at all otherwise."""

from __future__ import annotations

from netlearn.plumbing.errors import NetlearnError
from netlearn.plumbing.paths import facilitator_mode
from netlearn.widgets._html import STYLE, escape, inline, markdown
from netlearn.widgets.shared_models import html, vbox


def facilitator_notes(topic_id: str, course=None):
    """Return the facilitator's notes for a topic as a widget.

    In facilitator mode (``NETLEARN_FACILITATOR=1`` or
    ``netlearn.set_facilitator_mode(True)``) the widget shows the topic's notes,
    its timings table, discussion prompts and pair exercises from
    ``facilitator.yaml``, all escaped. Otherwise it returns None, so the
    cell has no output at all (no empty widget area, no blank line): a
    learner sees nothing and the cell takes no room below its input.

    Parameters
    ----------
    topic_id : str
        The topic (== notebook stem).
    course : netlearn.teaching.content.Course, optional
        Default: the current course (``NETLEARN_CONTENT`` applies).

    Returns
    -------
    ipywidgets.VBox or None
        None when facilitator mode is off.

    Raises
    ------
    NetlearnError
        When the course has no such topic.
    """
    if course is None:
        from netlearn.teaching.content import course as current_course

        course = current_course()
    try:
        topic = course.topic(topic_id)
    except KeyError:
        valid = ", ".join(t.id for t in course.topics)
        raise NetlearnError(f"no topic {topic_id!r} in course.yaml; valid ids: {valid}") from None
    if not facilitator_mode():
        return None

    box = vbox([html(STYLE), html(notes_html(topic))])
    box.add_class("netlearn-root")
    box.add_class("netlearn-facilitator")
    return box


def notes_html(topic) -> str:
    """Return the safe HTML of a topic's facilitator notes (everything escaped).

    Parameters
    ----------
    topic : netlearn.teaching.content.Topic

    Returns
    -------
    str
    """
    data = topic.facilitator or {}
    parts = [
        f"<h3>Facilitator notes: {inline(topic.title)} "
        f"<span class=\"netlearn-muted\">({topic.minutes} min)</span></h3>",
        "<p class=\"netlearn-muted\">Only you see this (facilitator mode).</p>",
    ]
    if data.get("notes"):
        parts.append(markdown(data["notes"]))
    timings = data.get("timings") or []
    if timings:
        rows = []
        clock = 0
        for item in timings:
            minutes = int(item["minutes"])
            rows.append(f"<tr><td>{clock}–{clock + minutes}</td><td>{minutes}</td>"
                        f"<td>{inline(item['segment'])}</td></tr>")
            clock += minutes
        note = ""
        if clock != topic.minutes:
            note = (f"<p class=\"netlearn-muted\">The segments add up to {clock} minutes; "
                    f"course.yaml plans {topic.minutes}.</p>")
        parts.append(
            "<h4>Timings</h4><table class=\"netlearn-table\"><thead><tr>"
            "<th scope=\"col\">Minute</th><th scope=\"col\">Length</th>"
            "<th scope=\"col\">Segment</th></tr></thead><tbody>" + "".join(rows)
            + f"</tbody><tfoot><tr><td></td><td>{clock}</td><td>Total</td></tr></tfoot>"
            "</table>" + note)
    for key, heading in (("discussion_prompts", "Discussion prompts"),
                         ("pair_exercises", "Pair exercises")):
        items = data.get(key) or []
        if items:
            parts.append(f"<h4>{escape(heading)}</h4><ol>"
                         + "".join(f"<li>{markdown(item)}</li>" for item in items) + "</ol>")
    return "<div class=\"netlearn-box\">" + "".join(parts) + "</div>"
