"""Which parts of each topic a learner has done: pure reads of the store, no widgets."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    """One part of a notebook: how many of its items the learner has done."""

    name: str
    unit: str
    done: int
    total: int
    detail: str = ""  # e.g. the quiz's first-try line, said after the count

    @property
    def complete(self) -> bool:
        """True when every item is done."""
        return self.done >= self.total

    @property
    def text(self) -> str:
        """E.g. ``"◐ Quiz: 3 of 8 questions answered"`` (a symbol and words, not colour),
        then the detail after " · " when there is one."""
        mark = "✓" if self.complete else ("◐" if self.done else "○")
        text = f"{mark} {self.name}: {self.done} of {self.total} {self.unit}"
        return f"{text} · {self.detail}" if self.detail else text


class ProgressData:
    """The learner's saved progress, read once per refresh."""

    def __init__(self, store):
        self.store = store
        self.ratings = store.self_assessments()
        self.reflections = store.reflections()
        self._answers: dict[tuple[str, str], dict] = {}
        self._attempts: dict[str, list] = {}
        self._outcomes: dict = {}

    def answers(self, topic_id: str, kind: str = "quiz") -> dict:
        """Return the latest attempts of a topic (cached)."""
        key = (topic_id, kind)
        if key not in self._answers:
            self._answers[key] = self.store.last_answers(topic_id, kind=kind)
        return self._answers[key]

    def attempts(self, topic_id: str) -> list:
        """Return every stored quiz attempt of a topic, reset ones included (cached)."""
        if topic_id not in self._attempts:
            self._attempts[topic_id] = self.store.quiz_attempts(topic_id)
        return self._attempts[topic_id]

    def quiz_outcome(self, topic):
        """Return a topic's quiz as the course reports it (cached): first attempts, and the
        answers after retries re-graded against the current items.

        Returns
        -------
        netlearn.teaching.grading.QuizOutcome
        """
        if topic.id not in self._outcomes:
            from netlearn.teaching.grading import quiz_outcome
            from netlearn.teaching.item_history import load_history

            self._outcomes[topic.id] = quiz_outcome(
                topic.questions, self.answers(topic.id), self.attempts(topic.id),
                load_history())
        return self._outcomes[topic.id]

    def quiz_results(self, topic) -> tuple[dict, list]:
        """Return a topic's latest answers re-graded against its current items (cached).

        As :func:`netlearn.teaching.grading.current_results`: item id -> Result for answers to
        the current version, and the ids answered only in an earlier version.
        """
        outcome = self.quiz_outcome(topic)
        return outcome.latest, outcome.earlier

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
    topic : netlearn.teaching.content.Topic
    course : netlearn.teaching.content.Course
    data : ProgressData

    Returns
    -------
    list of Step
        Quiz questions answered (with how many were right on the first try and after
        retries), self-assessment statements rated (the topic's
        own "check" for a mistake, "before" for the intro and "after" for the plan,
        both over all mistake topics), reflections saved, scenarios finished.
    """
    steps = []
    if topic.questions:
        outcome = data.quiz_outcome(topic)  # an earlier version's answer is not done
        detail = outcome.line() if outcome.first else ""
        steps.append(Step("Quiz", "questions answered", len(outcome.latest),
                          len(topic.questions), detail))
    if topic.kind == "mistake":
        name, phase, topics = "Self-check", "check", [topic]
    elif topic.kind == "check-in":
        name, phase, topics = "Self-assessment (check-in)", "check-in", course.mistakes
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
