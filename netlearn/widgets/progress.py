"""Progress widgets: one notebook's progress bar and the whole course's overview table."""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets

from .. import grading
from . import _html
from ._common import NetlearnBox, button

STATUS_LABELS = {"done": "✓ done", "started": "◐ started", "not started": "○ not started"}


@dataclass(frozen=True)
class Step:
    """One part of a notebook: how many of its items the learner has done."""

    name: str
    unit: str
    done: int
    total: int

    @property
    def complete(self) -> bool:
        """True when every item is done."""
        return self.done >= self.total

    @property
    def text(self) -> str:
        """E.g. ``"◐ Quiz: 3 of 8 questions answered"`` (a symbol and words, not colour)."""
        mark = "✓" if self.complete else ("◐" if self.done else "○")
        return f"{mark} {self.name}: {self.done} of {self.total} {self.unit}"


class ProgressData:
    """The learner's saved progress, read once per refresh."""

    def __init__(self, store):
        self.store = store
        self.ratings = store.self_assessments()
        self.reflections = store.reflections()
        self._answers: dict[tuple[str, str], dict] = {}

    def answers(self, topic_id: str, kind: str = "quiz") -> dict:
        """Return the latest attempts of a topic (cached)."""
        key = (topic_id, kind)
        if key not in self._answers:
            self._answers[key] = self.store.last_answers(topic_id, kind=kind)
        return self._answers[key]

    def rated(self, topics, phase: str) -> tuple[int, int]:
        """Return (statements rated in ``phase``, statements) over ``topics``."""
        pairs = [(t.id, s["id"]) for t in topics for s in t.statements]
        done = sum(1 for tid, sid in pairs if (tid, sid, phase) in self.ratings)
        return done, len(pairs)

    def mean_rating(self, topic, phase: str) -> float | None:
        """Return the mean 1–5 rating of a topic's statements in ``phase`` (None if unrated)."""
        values = [self.ratings[(topic.id, s["id"], phase)] for s in topic.statements
                  if (topic.id, s["id"], phase) in self.ratings]
        return sum(values) / len(values) if values else None


def topic_steps(topic, course, data: ProgressData) -> list[Step]:
    """Return the parts of a topic's notebook and how far the learner got in each.

    Parameters
    ----------
    topic : netlearn.content.Topic
    course : netlearn.content.Course
    data : ProgressData

    Returns
    -------
    list of Step
        Quiz questions answered, self-assessment statements rated (the topic's
        own "check" for a mistake, "before" for the intro and "after" for the plan,
        both over all mistake topics), reflections saved, scenarios finished.
    """
    steps = []
    if topic.questions:
        answered = data.answers(topic.id)
        done = sum(1 for q in topic.questions if q["id"] in answered)
        steps.append(Step("Quiz", "questions answered", done, len(topic.questions)))
    if topic.kind == "mistake":
        name, phase, topics = "Self-check", "check", [topic]
    else:
        phase = "before" if topic.kind == "intro" else "after"
        name, topics = f"Self-assessment ({phase} the course)", course.mistakes
    done, total = data.rated(topics, phase)
    if total:
        steps.append(Step(name, "statements rated", done, total))
    if topic.prompts:
        done = sum(1 for p in topic.prompts
                   if data.reflections.get((topic.id, p["id"]), {}).get("text", "").strip())
        steps.append(Step("Reflection", "prompts answered and saved", done, len(topic.prompts)))
    if topic.scenarios:
        finished = data.answers(topic.id, "scenario")
        done = sum(1 for s in topic.scenarios if s["id"] in finished)
        steps.append(Step("Scenario", "finished", done, len(topic.scenarios)))
    return steps


def status(steps: list[Step]) -> str:
    """Return ``"done"``, ``"started"`` or ``"not started"``."""
    if steps and all(step.complete for step in steps):
        return "done"
    if any(step.done for step in steps):
        return "started"
    return "not started"


def share_done(steps: list[Step]) -> float:
    """Return the share done, 0–1, each part weighing the same."""
    parts = [min(step.done, step.total) / step.total for step in steps if step.total]
    return sum(parts) / len(parts) if parts else 0.0


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
        self.details = widgets.HTML("")
        self.refresh_button = button("Refresh", "Refresh your progress", "netlearn-refresh",
                                     icon="refresh")
        self.refresh_button.on_click(lambda _: self.refresh())
        self.set_body([widgets.HBox([self.bar, self.refresh_button]), self.details])
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
    """All topics in a table: status, quiz score, self-assessment before → after.

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
        self.table_html = widgets.HTML("")
        self.refresh_button = button("Refresh", "Refresh the course overview",
                                     "netlearn-refresh", icon="refresh")
        self.refresh_button.on_click(lambda _: self.refresh())
        self.set_body([self.table_html, widgets.HBox([self.refresh_button])])
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
            "<th scope='col'>Quiz</th><th scope='col'>Self-assessment before → after "
            "(1–5)</th></tr></thead><tbody>" + body + "</tbody></table>")

    def _row(self, topic, data: ProgressData) -> dict:
        steps = topic_steps(topic, self.course, data)
        quiz = "—"
        if topic.questions:
            answered = {k: v for k, v in data.answers(topic.id).items()
                        if k in {q["id"] for q in topic.questions}}
            right = sum(1 for v in answered.values() if v["correct"])
            points, _ = grading.quiz_score(answered.values())
            points = round(points, 1)
            quiz = (f"{right} of {len(topic.questions)} correct · {points:g} of "
                    f"{len(topic.questions)} points") if answered else "not yet"
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
