"""A topic's key points and tips from its YAML (notebooks of `netlearn content notebook`)."""

from __future__ import annotations


def topic_key_points(topic_id: str, course=None):
    """Return a widget listing a topic's key points and tips.

    A notebook generated for a facilitator's new topic calls this, so the key points
    follow the YAML without rebuilding the notebook.

    Parameters
    ----------
    topic_id : str
    course : netlearn.teaching.content.Course, optional
        Default: the current course (``NETLEARN_CONTENT`` applies).

    Returns
    -------
    ipywidgets.HTML
        Escaped text from the content.

    Raises
    ------
    NetlearnError
        For an unknown topic id (listing the valid ones).
    """
    from netlearn.plumbing.errors import NetlearnError
    from netlearn.widgets._html import box, inline, markdown
    from netlearn.widgets.shared_models import html

    if course is None:
        from netlearn.teaching.content import course as current_course

        course = current_course()
    try:
        topic = course.topic(topic_id)
    except KeyError:
        valid = ", ".join(t.id for t in course.topics)
        raise NetlearnError(f"no topic {topic_id!r} in course.yaml; valid ids: {valid}") from None
    markup = "<ul>" + "".join(f"<li>{markdown(p)}</li>" for p in topic.key_points) + "</ul>"
    if topic.tips:
        markup += ("<p><strong>Try this:</strong></p><ul>"
                   + "".join(f"<li>{inline(t['text'])}</li>" for t in topic.tips) + "</ul>")
    widget = html(box(markup))
    widget.add_class("netlearn-root")
    return widget
