"""The quiz widget: one question view per item, instant feedback, saved attempts, reset."""

from __future__ import annotations

import ipywidgets as widgets

from netlearn.teaching import grading
from netlearn.teaching.item_history import load_history
from netlearn.widgets import _html
from netlearn.widgets._common import NetlearnBox, button, plural
from netlearn.widgets.shared_models import hbox, html, make, shared, vbox

RATING_OPTIONS = [("Best", "best"), ("Acceptable", "acceptable"), ("Poor", "poor")]
CHANGED_NOTE = ("<p class='netlearn-muted'>You changed your answer — choose "
                "<strong>Check answer</strong> to see feedback on it.</p>")
EARLIER_NOTE = ("<p><strong>You answered an earlier version of this question.</strong> It has"
                " changed since, so that answer is not scored: answer it again.</p>")
FIRST_TRY_NOTE = ("<p class='netlearn-muted'><strong>Your first answer to each question is the"
                  " one that counts:</strong> it shows what you knew. Check again as often as"
                  " you like: later tries are practice, and your results show them apart.</p>")
# Option order: single- and multiple-choice options are shuffled per learner
# (grading.option_order over the learner's seed in the store and the item id), so the
# keyed answer's position is no cue; letters are given after shuffling, and values stay
# canonical option ids, so stored answers never depend on the order. Judgement responses
# and the rating buttons keep their order. Feedback names options by text, never by
# letter; facilitator mode also shows each option's canonical id.


class QuestionView(widgets.VBox):
    """One quiz item: prompt, inputs, "Check answer", feedback (and facilitator notes).

    Attributes
    ----------
    question_id : str
    kind : str
        ``"single"``, ``"multiple"`` or ``"judgement"``.
    radio : RadioButtons or None
        Single choice: option values are choice ids.
    checkboxes : dict
        Multiple choice: choice id -> Checkbox.
    toggles : dict
        Judgement: response id -> ToggleButtons with values best/acceptable/poor.
    check_button : Button
    feedback : HTML
    facilitator_box : HTML or None
        Only built in facilitator mode.
    """

    def __init__(self, question: dict, number: int, total: int, on_check, facilitator: bool,
                 seed: str = ""):
        super().__init__(layout=shared(widgets.Layout))
        self.add_class("netlearn-question")
        self.question = question
        self.question_id = question["id"]
        self.kind = question["type"]
        self.number = number
        self.facilitator = facilitator
        self.options = grading.option_order(question, seed)  # in display order
        self.letters = dict(zip([o["id"] for o in self.options],
                                grading.display_letters(len(self.options)), strict=True))
        self._restoring = False
        self.radio = None
        self.checkboxes: dict[str, widgets.Checkbox] = {}
        self.toggles: dict[str, widgets.ToggleButtons] = {}

        self.prompt_html = html(self._prompt(number, total))
        inputs = self._build_inputs()
        self.check_button = button(
            "Check answer", f"Check your answer to question {number}", "netlearn-check",
            icon="check")
        self.check_button.on_click(lambda _: on_check(self))
        self.feedback = html("")
        self.feedback.add_class("netlearn-feedback")
        self.facilitator_box = None
        children = [self.prompt_html]
        if facilitator:
            self.facilitator_box = html(_facilitator_html(question, self.options,
                                                          self.letters))
            self.facilitator_box.add_class("netlearn-facilitator")
            children.append(self.facilitator_box)
        self.children = (*children, *inputs, self.check_button, self.feedback)

    # -- building --------------------------------------------------------------------
    def _prompt(self, number: int, total: int) -> str:
        parts = [f"<h3>Question {number} of {total}</h3>"]
        if self.kind == "judgement":
            parts.append(_html.markdown(self.question["situation"]))
        parts.append(_html.markdown(self.question["prompt"]))
        if self.kind == "multiple":
            parts.append("<p class='netlearn-muted'>Tick every answer that applies.</p>")
        elif self.kind == "judgement":
            parts.append("<p class='netlearn-muted'>Rate each response best, acceptable or "
                         "poor.</p>")
        return "".join(parts)

    def _build_inputs(self) -> list:
        number = self.number
        if self.kind == "single":
            self.radio = make(widgets.RadioButtons,
                options=[(self.label(c), c["id"]) for c in self.options],
                value=None, description="Your answer",
                tooltip=f"Question {number}: choose one answer",
                layout=dict(width="100%"),
                style={"description_width": "initial"},
            )
            self.radio.observe(self._changed, "value")
            return [self.radio]
        if self.kind == "multiple":
            for choice in self.options:
                label = self.label(choice)
                box = make(widgets.Checkbox, value=False, description=label, tooltip=label,
                           indent=False, layout=dict(width="auto"))
                box.observe(self._changed, "value")
                self.checkboxes[choice["id"]] = box
            return list(self.checkboxes.values())
        rows = []
        for response in self.options:
            rid = response["id"]
            text = html(
                f"<p><strong>{_html.escape(self.letters[rid])})</strong> "
                f"{_html.inline(response['text'])}{self._canonical(rid)}</p>")
            name = f"response {self.letters[rid]}"
            toggle = make(widgets.ToggleButtons,
                options=RATING_OPTIONS, value=None, description="Your rating",
                tooltip=f"Question {number}: your rating of {name}",
                tooltips=[f"Rate {name} as {value}" for _, value in RATING_OPTIONS],
                style={"description_width": "initial", "button_width": "auto"},
            )
            toggle.observe(self._changed, "value")
            self.toggles[rid] = toggle
            rows.append(vbox([text, toggle]))
        return rows

    def label(self, option: dict) -> str:
        """Return an option's label: its display letter and text (and id, for facilitators)."""
        label = f"{self.letters[option['id']]}) {_html.plain(option['text'])}"
        return f"{label} [id {option['id']}]" if self.facilitator else label

    def _canonical(self, option_id) -> str:
        if not self.facilitator:
            return ""
        return f" <span class='netlearn-muted'>[id {_html.escape(option_id)}]</span>"

    # -- answer in, answer out -------------------------------------------------------
    def answer(self):
        """Return the current answer in the form :func:`netlearn.teaching.grading.grade` takes."""
        if self.kind == "single":
            return self.radio.value
        if self.kind == "multiple":  # canonical ids in the file's order, whatever the display
            return [c["id"] for c in self.question["choices"] if self.checkboxes[c["id"]].value]
        return {rid: t.value for rid, t in self.toggles.items() if t.value}

    def set_answer(self, answer) -> None:
        """Select ``answer`` in the inputs (ids the question no longer has are skipped)."""
        self._restoring = True
        try:
            if self.kind == "single":
                known = {value for _, value in self.radio.options}
                self.radio.value = answer if answer in known else None
            elif self.kind == "multiple":
                picked = set(answer or ())
                for cid, box in self.checkboxes.items():
                    box.value = cid in picked
            else:
                ratings = answer if isinstance(answer, dict) else {}
                for rid, toggle in self.toggles.items():
                    value = ratings.get(rid)
                    toggle.value = value if value in grading.RATINGS else None
        finally:
            self._restoring = False

    def clear(self) -> None:
        """Clear selections and feedback."""
        self.set_answer(None)
        self.feedback.value = ""

    # -- feedback --------------------------------------------------------------------
    def show_result(self, result: grading.Result, attempts: int, answer=None,
                    first: grading.Result | None = None) -> None:
        """Render a graded result with per-option feedback, the explanation and whether the
        first try (``first``, which counts) was right."""
        self.feedback.value = _html.live(_html.box(
            _result_html(self.question, result, attempts, answer, self.options, first)))

    def show_earlier(self) -> None:
        """Say that the stored answer was to an earlier version of the item (not scored)."""
        self.set_answer(None)
        self.feedback.value = _html.live(_html.box(EARLIER_NOTE))

    def show_problem(self, message: str) -> None:
        """Show why an answer could not be checked (nothing selected, …)."""
        self.feedback.value = _html.live(_html.box(f"<p>{_html.escape(message)}</p>"))

    def _changed(self, _change) -> None:
        if not self._restoring and self.feedback.value and CHANGED_NOTE not in self.feedback.value:
            self.feedback.value = CHANGED_NOTE


class QuizWidget(NetlearnBox):
    """A topic's quiz. Build it with :func:`netlearn.widgets.quiz`.

    Attributes
    ----------
    topic_id : str
    questions : list of QuestionView
    score_label : HTML
        "Right on the first try: 5 of 8; after retries: 8 of 8 · 11 attempts".
    outcome : netlearn.teaching.grading.QuizOutcome
        First attempts (what counts) and the answers after retries, from the store.
    reset_button : Button
    status : HTML
    """

    def __init__(self, topic, store, facilitator: bool = False):
        super().__init__("netlearn-quiz")
        self.topic_id = topic.id
        self.store = store
        self.summary_text = f"Quiz for {topic.id} ({plural(len(topic.questions), 'question')})"
        total = len(topic.questions)
        seed = store.option_seed() if any(map(grading.shuffles, topic.questions)) else ""
        self.history = load_history()
        self.outcome = grading.QuizOutcome(total, {}, {}, [])
        self.questions = [
            QuestionView(q, i, total, self.check, facilitator, seed)
            for i, q in enumerate(topic.questions, start=1)
        ]
        self.score_label = html("")
        self.score_label.add_class("netlearn-score")
        self.reset_button = button("Reset this quiz", "Clear your answers to this quiz",
                                   "netlearn-reset", icon="undo")
        self.reset_button.on_click(lambda _: self.reset())
        self.status = html("")
        if not self.questions:
            self.set_body([html("<p>This notebook has no quiz.</p>")])
            return
        self.set_body([html(FIRST_TRY_NOTE), *self.questions, self.score_label,
                       hbox([self.reset_button]), self.status])
        self._restore()

    def question(self, question_id: str) -> QuestionView:
        """Return the view of one question."""
        for view in self.questions:
            if view.question_id == question_id:
                return view
        raise KeyError(question_id)

    def check(self, view: QuestionView) -> None:
        """Grade the view's current answer, save the attempt and show feedback."""
        answer = view.answer()
        try:
            result = grading.grade(view.question, answer)
        except ValueError as exc:
            view.show_problem(str(exc))
            return
        self.store.save_answer(self.topic_id, view.question_id, answer, result.score,
                               result.max_score, result.correct,
                               version=grading.item_version(view.question))
        latest = self._read()
        first = self.outcome.first.get(view.question_id)
        view.show_result(result, latest[view.question_id]["attempts"], answer,
                         first.result if first else None)
        self._show_score(latest)
        self.status.value = ""

    @property
    def results(self) -> dict:
        """Item id -> Result of the latest answer (after retries) to the current version."""
        return self.outcome.latest

    @property
    def earlier(self) -> set:
        """Items last answered in an earlier version (never scored)."""
        return set(self.outcome.earlier)

    def reset(self) -> None:
        """Clear this quiz's answers and feedback for practice; the store keeps the attempts,
        and the first tries still count."""
        cleared = self.store.reset_answers(self.topic_id)
        for view in self.questions:
            view.clear()
        self._show_score(self._read())
        self.status.value = (f"<p class='netlearn-muted'>Quiz reset ({plural(cleared, 'attempt')}"
                             " cleared). Your answers start afresh for practice; your first"
                             " tries still count as they were.</p>")

    def _read(self) -> dict:
        """Re-read the store: the latest answers, and every attempt for the first tries."""
        latest = self.store.last_answers(self.topic_id)
        self.outcome = grading.quiz_outcome(
            [view.question for view in self.questions], latest,
            self.store.quiz_attempts(self.topic_id), self.history)
        return latest

    def _restore(self) -> None:
        latest = self._read()
        earlier = self.earlier
        for view in self.questions:
            saved = latest.get(view.question_id)
            if view.question_id in earlier:
                view.show_earlier()
            elif saved is not None:
                first = self.outcome.first.get(view.question_id)
                view.set_answer(saved["answer"])
                view.show_result(self.results[view.question_id], saved["attempts"],
                                 saved["answer"], first.result if first else None)
        self._show_score(latest)

    def _show_score(self, latest: dict) -> None:
        """Show the first tries (what counts) and the re-graded answers after retries: the
        same results the feedback shows."""
        attempts = sum(latest[k]["attempts"] for k in self.results if k in latest)
        tries = plural(attempts, "attempt") if attempts else "no attempts yet"
        earlier = ""
        if self.outcome.earlier:
            earlier = (f" · {plural(len(self.outcome.earlier), 'answer')} to an earlier version,"
                       " not counted")
        total = len(self.questions)
        self.score_label.value = (
            f"<p><strong>Right on the first try: {self.outcome.right_first} of {total}"
            f"</strong>; after retries: {self.outcome.right_after_retries} of {total} · "
            f"{tries}{earlier}</p>")


# -- HTML ---------------------------------------------------------------------------


def _verdict(summary: str) -> str:
    head, sep, rest = summary.partition("—")
    if not sep:
        return f"<p>{_html.inline(summary)}</p>"
    return f"<p><strong>{_html.escape(head + sep)}</strong>{_html.inline(rest)}</p>"


def _result_html(question: dict, result: grading.Result, attempts: int, answer,
                 options: list, first: grading.Result | None = None) -> str:
    """Feedback in display order; options are named by their text, never by a letter."""
    position = {o["id"]: i for i, o in enumerate(options)}
    feedback = sorted(result.feedback, key=lambda item: position.get(item[0], len(position)))
    parts = [_verdict(result.summary), "<ul>"]
    if question["type"] == "judgement":
        responses = {r["id"]: r for r in question["responses"]}
        marks = {0: "✓ Matches", 1: "◐ One step away", 2: "✗ Two steps away"}
        for rid, text, _exact in feedback:
            distance = grading.rating_distance((answer or {}).get(rid, responses[rid]["rating"]),
                                               responses[rid]["rating"])
            parts.append(f"<li><strong>{_html.escape(marks[distance])}:</strong> "
                         f"<em>{_html.escape(_html.plain(responses[rid]['text']))}</em> — "
                         f"{_html.inline(text)}</li>")
    else:
        choices = {c["id"]: c for c in question["choices"]}
        for cid, text, right in feedback:
            mark = "✓ Good pick" if right else "✗ Not a good pick"
            parts.append(f"<li><strong>{mark}:</strong> "
                         f"<em>{_html.escape(_html.plain(choices[cid]['text']))}</em> — "
                         f"{_html.inline(text)}</li>")
    parts.append("</ul>")
    if question.get("explanation"):
        parts.append(f"<p><strong>Why:</strong> {_html.inline(question['explanation'])}</p>")
    parts.append(f"<p class='netlearn-muted'>{_first_try_words(first)} "
                 f"{plural(attempts, 'attempt')} so far. You can change your answer and check"
                 " again to practise.</p>")
    return "".join(parts)


def _first_try_words(first: grading.Result | None) -> str:
    if first is None:  # answered before a reset of an earlier version: nothing counts yet
        return ""
    if first.correct:
        return "<strong>✓ Right on the first try</strong> (that is what counts)."
    return ("<strong>✗ Not right on the first try</strong> (that is what counts; later tries"
            " are practice).")


def _facilitator_html(question: dict, options: list, letters: dict) -> str:
    """Notes in this learner's display order; each option shows its canonical id, which is
    the same for every learner (letters differ where options are shuffled)."""

    def name(option: dict) -> str:
        return (f"{letters[option['id']]}) {_html.plain(option['text'])} "
                f"[id {option['id']}]")

    parts = ["<p><strong>Facilitator</strong> (hidden from learners)</p>"]
    if grading.shuffles(question):
        parts.append("<p class='netlearn-muted'>Options are shuffled for each learner: "
                     "cite them by id or text, not by letter.</p>")
    if question["type"] == "judgement":
        parts.append("<p>Course ratings:</p><ul>")
        for response in options:
            parts.append(f"<li><strong>{_html.escape(name(response))} — "
                         f"{_html.escape(response['rating'])}.</strong> "
                         f"{_html.inline(response['rationale'])}</li>")
    else:
        right = [name(c) for c in options if c["correct"]]
        word = "Correct answer" if len(right) == 1 else "Correct answers"
        parts.append(f"<p>{word}: <strong>{_html.escape('; '.join(right))}</strong></p><ul>")
        for choice in options:
            mark = "✓ correct" if choice["correct"] else "✗ not correct"
            parts.append(f"<li><strong>{_html.escape(name(choice))} — {mark}.</strong> "
                         f"{_html.inline(choice['feedback'])}</li>")
    parts.append("</ul>")
    if question.get("explanation"):
        parts.append(f"<p><strong>Why:</strong> {_html.inline(question['explanation'])}</p>")
    return _html.box("".join(parts), "netlearn-facilitator-notes")
