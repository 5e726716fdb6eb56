"""Progress widgets: one notebook's progress bar and the whole course's overview table."""

from __future__ import annotations

import ipywidgets as widgets

from netlearn.teaching.completion import ProgressData, share_done, status, topic_steps
from netlearn.widgets import _html
from netlearn.widgets._common import NetlearnBox, button
from netlearn.widgets.shared_models import hbox, html

STATUS_LABELS = {"done": "✓ done", "started": "◐ started", "not started": "○ not started"}


class ProgressBarWidget(NetlearnBox):
    """A notebook's progress: a bar plus a line per part, refreshed on demand.

    Attributes
    ----------
    topic_id : str
    bar : FloatProgress
        0–100.
    details : HTML
    refresh_button : Button
    steps : list of Step
    """

    def __init__(self, topic, course, store):
        super().__init__("netlearn-progress")
        self.topic = topic
        self.topic_id = topic.id
        self.course = course
        self.store = store
        self.summary_text = f"Progress in {topic.id}"
        self.bar = widgets.FloatProgress(value=0, min=0, max=100, description="Progress",
                                         tooltip=f"Your progress in {_html.plain(topic.title)}",
                                         style={"description_width": "initial"})
        self.details = html("")
        self.refresh_button = button("Refresh", "Refresh your progress", "netlearn-refresh",
                                     icon="refresh")
        self.refresh_button.on_click(lambda _: self.refresh())
        self.set_body([hbox([self.bar, self.refresh_button]), self.details])
        self.refresh()

    def refresh(self) -> None:
        """Re-read the store and redraw."""
        self.steps = topic_steps(self.topic, self.course, ProgressData(self.store))
        share = share_done(self.steps)
        self.bar.value = round(100 * share, 1)
        self.bar.bar_style = "success" if status(self.steps) == "done" else ""
        lines = "".join(f"<li>{_html.escape(step.text)}</li>" for step in self.steps)
        label = STATUS_LABELS[status(self.steps)]
        self.details.value = (f"<p><strong>{_html.escape(self.topic.title)}: "
                              f"{round(100 * share)}% · {label}</strong></p><ul>{lines}</ul>")


class CourseOverviewWidget(NetlearnBox):
    """All topics in a table: status, quiz result, self-assessment before → after.

    The quiz column gives the first try, which is what counts, and the result after
    retries apart: "Right on the first try: 5 of 8; after retries: 8 of 8".

    Attributes
    ----------
    rows : list of dict
        One per topic: ``topic_id``, ``title``, ``status``, ``quiz``, ``self_assessment``.
    table_html : HTML
    refresh_button : Button
    """

    def __init__(self, course, store):
        super().__init__("netlearn-overview")
        self.course = course
        self.store = store
        self.summary_text = "Course overview"
        self.table_html = html("")
        self.refresh_button = button("Refresh", "Refresh the course overview",
                                     "netlearn-refresh", icon="refresh")
        self.refresh_button.on_click(lambda _: self.refresh())
        self.set_body([self.table_html, hbox([self.refresh_button])])
        self.refresh()

    def refresh(self) -> None:
        """Re-read the store and redraw the table."""
        data = ProgressData(self.store)
        self.rows = [self._row(topic, data) for topic in self.course.topics]
        body = "".join(
            "<tr>" + "".join(f"<td>{_html.escape(row[key])}</td>" for key in
                             ("title", "status", "quiz", "self_assessment")) + "</tr>"
            for row in self.rows
        )
        self.table_html.value = (
            "<table class='netlearn-table'><caption>Your progress through the course"
            "</caption><thead><tr><th scope='col'>Notebook</th><th scope='col'>Status</th>"
            "<th scope='col'>Quiz (your first try counts)</th>"
            "<th scope='col'>Self-assessment before → after "
            "(1–5)</th></tr></thead><tbody>" + body + "</tbody></table>")

    def _row(self, topic, data: ProgressData) -> dict:
        steps = topic_steps(topic, self.course, data)
        quiz = "—"
        if topic.questions:
            quiz = data.quiz_outcome(topic).words()  # what the quiz's score line says
        assessment = "—"
        if topic.kind == "mistake" and topic.statements:
            before = data.mean_rating(topic, "before")
            after = data.mean_rating(topic, "after")
            assessment = f"{_mean(before)} → {_mean(after)}" if before or after else "not yet"
        return {"topic_id": topic.id, "title": topic.title,
                "status": STATUS_LABELS[status(steps)], "quiz": quiz,
                "self_assessment": assessment}


def _mean(value: float | None) -> str:
    return "not yet" if value is None else f"{value:.1f}"
