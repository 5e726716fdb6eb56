"""Items answered outside a notebook's quiz: the warm-up pre-questions and the retrieval openers.

Neither screen scores anything. Pre-questions are saved as attempts of kind ``"pretest"``
and openers as attempts of kind ``"retrieval"``, each under the notebook that asks them
(see :mod:`netlearn.teaching.pretest` and :mod:`netlearn.teaching.retrieval`).
"""

from __future__ import annotations

from netlearn.plumbing.paths import facilitator_mode
from netlearn.teaching import grading, pretest, retrieval
from netlearn.teaching.item_history import load_history
from netlearn.widgets import _html
from netlearn.widgets._common import plural
from netlearn.widgets.quiz_view import ItemScreen, QuestionView
from netlearn.widgets.shared_models import html

NO_PRE_QUESTIONS = "This notebook has no warm-up questions."
NOTHING_TO_REVISIT = (
    "Nothing to revisit yet: you have no wrong first answers in the earlier notebooks, and the "
    "course has no spare questions on their objectives left for this notebook (it keeps one "
    "new question per objective for the check-in in notebook 07).")
FIRST_NOTEBOOK = "This is the first notebook: there is nothing earlier to revisit."
OPENERS = "Questions from earlier notebooks"


class ItemSet(ItemScreen):
    """Quiz items answered outside a quiz, saved as they are checked and never scored.

    Attributes
    ----------
    topic_id : str
        The notebook the answers are saved under.
    kind : str
        The answers' kind in the store (``"pretest"`` or ``"retrieval"``).
    items : list of (topic id, question)
        The items, with the notebook each comes from.
    questions : list of QuestionView
    """

    def __init__(self, css_class: str, summary: str, topic_id: str, kind: str, items: list,
                 store, intro: str, empty: str):
        super().__init__(css_class)
        facilitator = facilitator_mode()
        self.topic_id = topic_id
        self.kind = kind
        self.items = list(items)
        self.store = store
        self.history = load_history()
        self.summary_text = f"{summary} for {topic_id} ({plural(len(self.items), 'question')})"
        shown = [q for _, q in self.items]
        seed = store.option_seed() if any(map(grading.shuffles, shown)) else ""
        self.questions = [QuestionView(q, i, len(shown), self.check, facilitator, seed)
                          for i, q in enumerate(shown, start=1)]
        if not self.questions:
            self.set_body([html(f"<p>{_html.escape(empty)}</p>")])
            return
        self.set_body([html(intro), *self.questions])
        self._restore()

    def _show_checked(self, view: QuestionView, answer, result: grading.Result) -> None:
        """Show the feedback: nothing is scored."""
        saved = self.store.last_answers(self.topic_id, kind=self.kind)[view.question_id]
        view.show_result(result, saved["attempts"], answer)

    def _restore(self) -> None:
        latest = self.store.last_answers(self.topic_id, kind=self.kind)
        same = getattr(self.history, "same_content", {})
        for view in self.questions:
            saved = latest.get(view.question_id)
            if saved is None:
                continue
            result = grading.regrade(view.question, saved, self.history.get(view.question_id, ()),
                                     same.get(view.question_id))
            if result is None:
                view.show_earlier()
            else:
                view.set_answer(saved["answer"])
                view.show_result(result, saved["attempts"], saved["answer"])


def pre_questions_widget(topic, store) -> ItemSet:
    """Return a notebook's warm-up pre-questions (``pretest: true``), answered before reading."""
    intro = (f"<p><strong>{_html.escape(pretest.WARM_UP)}</strong></p>"
             "<p class='netlearn-muted'>Answer before you read on. The notebook teaches what "
             "these ask; after its quiz you will see which of their objectives you now get "
             "right.</p>")
    return ItemSet("netlearn-pre-questions", "Warm-up questions", topic.id,
                   pretest.PRETEST_KIND, [(topic.id, q) for q in topic.pretest_questions],
                   store, intro, NO_PRE_QUESTIONS)


def learner_record(store, course, screen: str | None = None) -> retrieval.Record:
    """Return the learner's :class:`netlearn.teaching.retrieval.Record` from the store.

    Reads every quiz, check-in and opener attempt (never the pre-questions) and the items
    every retrieval screen has shown, except the attempts saved under ``screen``: a screen
    describes its items as they were before it asked them, whatever the answers since.
    """
    attempts, shown = [], []
    for topic in course.topics:
        stored = store.setting(retrieval.setting_key(topic.id), [])
        shown += [i for i in stored if isinstance(i, str)] if isinstance(stored, list) else []
        if topic.id == screen:
            continue
        attempts += store.quiz_attempts(topic.id)
        attempts += store.quiz_attempts(topic.id, kind=retrieval.RETRIEVAL_KIND)
    return retrieval.course_record(course, attempts, shown, load_history())


def shown_items(store, course, screen: str, select) -> list:
    """Return the items a retrieval screen shows: those it showed before, else ``select()``'s.

    The first choice is kept in the store (:func:`netlearn.teaching.retrieval.setting_key`),
    so answering the items, or a kernel restart, never changes what the screen asks.
    """
    key = retrieval.setting_key(screen)
    stored = retrieval.resolve(course, store.setting(key, []))
    if stored:
        return stored
    chosen = select()
    if chosen:
        store.set_setting(key, [q["id"] for _, q in chosen])
    return chosen


def openers_widget(course, topic_id: str, store) -> ItemSet:
    """Return the retrieval items that open a notebook (02–06), from earlier notebooks."""
    if not retrieval.earlier_topics(course, topic_id):
        return ItemSet("netlearn-openers", OPENERS, topic_id, retrieval.RETRIEVAL_KIND, [],
                       store, "", FIRST_NOTEBOOK)
    record = learner_record(store, course, screen=topic_id)
    items = shown_items(store, course, topic_id, lambda: retrieval.select_openers(
        course, topic_id, record, store.option_seed()))
    missed = sum(1 for _, q in items if record.missed(q))
    parts = []
    if missed:
        parts.append(f"{plural(missed, 'question')} you got wrong on the first try")
    if len(items) - missed:
        parts.append(f"{plural(len(items) - missed, 'new question')} on their objectives")
    intro = (f"<p><strong>From the earlier notebooks: {_html.escape(' and '.join(parts))}."
             "</strong> Answer from memory, without looking back: trying to remember, then "
             "reading the feedback, is what helps you keep it.</p><p class='netlearn-muted'>"
             "These are practice: they change no quiz result.</p>")
    return ItemSet("netlearn-openers", OPENERS, topic_id, retrieval.RETRIEVAL_KIND, items,
                   store, intro, NOTHING_TO_REVISIT)
