"""Tests for the quiz widget: checking, saving, restoring, resetting, facilitator mode."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import ipywidgets as widgets
import pytest

from netlearn.plumbing.paths import set_facilitator_mode
from netlearn.teaching import grading
from netlearn.widgets import quiz
from tests.helpers import assert_escaped
from tests.storedb import db_rows

TOPIC = "t1-alpha"
ALL_RIGHT = {"alpha-q1": "b", "alpha-q2": ["a", "b"],
             "alpha-q3": {"a": "best", "b": "acceptable", "c": "poor", "d": "poor"}}


def answer(view, value):
    """Select ``value`` in a question view the way a learner would."""
    if view.kind == "single":
        view.radio.value = value
    elif view.kind == "multiple":
        for cid, box in view.checkboxes.items():
            box.value = cid in value
    else:
        for rid, toggle in view.toggles.items():
            toggle.value = value.get(rid)


def answer_and_check(widget, question_id, value):
    view = widget.question(question_id)
    answer(view, value)
    view.check_button.click()
    return view


def test_single_choice_correct_answer_gives_feedback_and_is_saved(store, course):
    widget = quiz(TOPIC, store=store, course=course)
    view = answer_and_check(widget, "alpha-q1", "b")
    assert "✓ Correct —" in view.feedback.value
    assert "Specific and checkable." in view.feedback.value
    assert "<strong>Why:</strong> Specific goals can be checked." in view.feedback.value
    assert store.last_answers(TOPIC) == {"alpha-q1": {
        "answer": "b", "score": 1.0, "max_score": 1.0, "correct": True, "attempts": 1,
        "version": grading.item_version(view.question)}}
    assert ("Right on the first try: 1 of 3</strong>; after retries: 1 of 3 · 1 attempt<"
            in widget.score_label.value)
    assert "✓ Right on the first try</strong> (that is what counts)" in view.feedback.value


def test_the_quiz_says_the_first_try_counts(store, course):
    widget = quiz(TOPIC, store=store, course=course)
    assert any("Your first answer to each question is the one that counts" in value
               and "later tries are practice" in value for value in widget.html_values())


def test_single_choice_wrong_answer(store, course):
    widget = quiz(TOPIC, store=store, course=course)
    view = answer_and_check(widget, "alpha-q1", "c")
    assert "✗ Not quite —" in view.feedback.value
    assert "✗ Not a good pick:" in view.feedback.value
    assert "Not in your control." in view.feedback.value
    saved = store.last_answers(TOPIC)["alpha-q1"]
    assert (saved["answer"], saved["correct"], saved["score"]) == ("c", False, 0.0)


def test_checking_without_an_answer_explains_and_saves_nothing(store, course):
    widget = quiz(TOPIC, store=store, course=course)
    for qid, message in [("alpha-q1", "Choose an answer first"),
                         ("alpha-q2", "Tick at least one answer"),
                         ("alpha-q3", "Rate every response")]:
        view = widget.question(qid)
        view.check_button.click()
        assert message in view.feedback.value
    answer(widget.question("alpha-q3"), {"a": "best"})
    widget.question("alpha-q3").check_button.click()
    assert "3 of 4 still need a rating" in widget.question("alpha-q3").feedback.value
    assert store.last_answers(TOPIC) == {}


@pytest.mark.parametrize("picks, verdict, score, correct", [
    (["a", "b"], "✓ Correct —", 1.0, True),
    (["a"], "◐ Partly —", 0.5, False),
    (["a", "c"], "✗ Not quite —", 0.0, False),
])
def test_multiple_choice_partial_credit(store, course, picks, verdict, score, correct):
    widget = quiz(TOPIC, store=store, course=course)
    view = answer_and_check(widget, "alpha-q2", picks)
    assert verdict in view.feedback.value
    saved = store.last_answers(TOPIC)["alpha-q2"]
    assert (saved["answer"], saved["score"], saved["correct"]) == (picks, score, correct)


def test_multiple_choice_feedback_per_picked_option(store, course):
    widget = quiz(TOPIC, store=store, course=course)
    view = answer_and_check(widget, "alpha-q2", ["a", "c"])
    assert "✓ Good pick:</strong> <em>Read the programme.</em> — Gives openers." \
        in view.feedback.value
    assert "✗ Not a good pick:</strong> <em>Memorise CVs.</em> — Intrusive." \
        in view.feedback.value
    assert "Gives reasons." not in view.feedback.value  # unpicked options stay quiet


def test_judgement_rated_with_toggle_buttons(store, course):
    widget = quiz(TOPIC, store=store, course=course)
    ratings = {"a": "acceptable", "b": "acceptable", "c": "poor", "d": "best"}
    view = answer_and_check(widget, "alpha-q3", ratings)
    # a: one step, b: exact, c: exact, d: two steps -> (0.5 + 1 + 1 + 0) / 4
    assert "◐ Partly —" in view.feedback.value
    assert "✓ Matches:</strong> <em>Get a drink first.</em>" in view.feedback.value
    assert "◐ One step away:</strong> <em>Join a pair.</em>" in view.feedback.value
    assert "✗ Two steps away:</strong> <em>Leave.</em>" in view.feedback.value
    assert "the course rates it best. Pairs are easy to join." in view.feedback.value
    saved = store.last_answers(TOPIC)["alpha-q3"]
    assert saved["answer"] == ratings
    assert saved["score"] == pytest.approx(0.625)
    assert saved["correct"] is False
    labels = [label for label, _ in view.toggles["a"].options]
    assert labels == ["Best", "Acceptable", "Poor"]


def test_every_attempt_is_saved_and_counted(store, course):
    widget = quiz(TOPIC, store=store, course=course)
    answer_and_check(widget, "alpha-q1", "a")
    view = answer_and_check(widget, "alpha-q1", "b")
    answer_and_check(widget, "alpha-q2", ["a", "b"])
    assert "2 attempts so far" in view.feedback.value
    rows = db_rows(store, "SELECT item_id, answer FROM answers WHERE topic = ? ORDER BY id",
                       (TOPIC,))
    assert [(r["item_id"], r["answer"]) for r in rows] == [
        ("alpha-q1", '"a"'), ("alpha-q1", '"b"'), ("alpha-q2", '["a", "b"]')]
    assert store.last_answers(TOPIC)["alpha-q1"]["attempts"] == 2
    assert ("Right on the first try: 1 of 3</strong>; after retries: 2 of 3 · 3 attempts"
            in widget.score_label.value)


def test_wrong_then_right_is_not_right_on_the_first_try(store, course, reopen):
    widget = quiz(TOPIC, store=store, course=course)
    answer_and_check(widget, "alpha-q1", "a")
    view = answer_and_check(widget, "alpha-q1", "b")
    assert "✓ Correct —" in view.feedback.value  # this try is right ...
    assert "✗ Not right on the first try</strong>" in view.feedback.value  # ... but not the first
    assert "Right on the first try: 0 of 3</strong>; after retries: 1 of 3" \
        in widget.score_label.value
    fresh = quiz(TOPIC, store=reopen(), course=course)
    assert "✗ Not right on the first try" in fresh.question("alpha-q1").feedback.value
    assert "Right on the first try: 0 of 3</strong>" in fresh.score_label.value


def test_changing_an_answer_after_checking_marks_the_feedback_stale(store, course):
    widget = quiz(TOPIC, store=store, course=course)
    view = answer_and_check(widget, "alpha-q1", "b")
    view.radio.value = "a"
    assert "You changed your answer" in view.feedback.value
    assert "✓ Correct" not in view.feedback.value


def test_last_answers_come_back_after_a_restart(store, course, reopen):
    widget = quiz(TOPIC, store=store, course=course)
    answer_and_check(widget, "alpha-q1", "c")
    for qid, value in ALL_RIGHT.items():
        answer_and_check(widget, qid, value)

    fresh = quiz(TOPIC, store=reopen(), course=course)
    q1, q2, q3 = (fresh.question(q) for q in ("alpha-q1", "alpha-q2", "alpha-q3"))
    assert q1.radio.value == "b"
    assert sorted(cid for cid, box in q2.checkboxes.items() if box.value) == ["a", "b"]
    assert {rid: t.value for rid, t in q3.toggles.items()} == ALL_RIGHT["alpha-q3"]
    for view in (q1, q2, q3):
        assert "✓ Correct —" in view.feedback.value
    assert "2 attempts so far" in q1.feedback.value
    assert "You changed your answer" not in q1.feedback.value
    assert ("Right on the first try: 2 of 3</strong>; after retries: 3 of 3 · 4 attempts"
            in fresh.score_label.value)


def test_unanswered_questions_stay_empty_after_a_restart(store, course, reopen):
    widget = quiz(TOPIC, store=store, course=course)
    answer_and_check(widget, "alpha-q1", "b")
    fresh = quiz(TOPIC, store=reopen(), course=course)
    assert fresh.question("alpha-q2").feedback.value == ""
    assert not any(box.value for box in fresh.question("alpha-q2").checkboxes.values())
    assert "Right on the first try: 1 of 3</strong>; after retries: 1 of 3" \
        in fresh.score_label.value


def test_reset_clears_selections_feedback_and_stored_answers(store, course, reopen):
    widget = quiz(TOPIC, store=store, course=course)
    for qid, value in ALL_RIGHT.items():
        answer_and_check(widget, qid, value)
    widget.reset_button.click()
    assert store.last_answers(TOPIC) == {}
    for view in widget.questions:
        assert view.feedback.value == ""
        assert view.answer() in (None, [], {})
    # The first tries still count after a reset; only the practice answers are cleared.
    assert "Right on the first try: 3 of 3</strong>; after retries: 0 of 3 · no attempts yet" \
        in widget.score_label.value
    assert "Quiz reset (3 attempts cleared)" in widget.status.value
    assert "your first tries still count" in widget.status.value

    fresh = quiz(TOPIC, store=reopen(), course=course)
    assert fresh.question("alpha-q1").radio.value is None
    assert all(view.feedback.value == "" for view in fresh.questions)
    view = answer_and_check(fresh, "alpha-q1", "c")  # a wrong answer after the reset
    assert "✓ Right on the first try</strong>" in view.feedback.value
    assert "Right on the first try: 3 of 3</strong>; after retries: 0 of 3" \
        in fresh.score_label.value


def test_reset_only_touches_this_topic(store, course):
    quiz_alpha = quiz(TOPIC, store=store, course=course)
    quiz_beta = quiz("t2-beta", store=store, course=course)
    answer_and_check(quiz_alpha, "alpha-q1", "b")
    answer_and_check(quiz_beta, "beta-q1", "a")
    quiz_alpha.reset_button.click()
    assert store.last_answers(TOPIC) == {}
    assert list(store.last_answers("t2-beta")) == ["beta-q1"]


def test_shuffle_false_keeps_the_file_order(store, course):
    for question in course.topic(TOPIC).questions[:2]:
        question["shuffle"] = False
    widget = quiz(TOPIC, store=store, course=course)
    assert widget.question("alpha-q1").radio.options == (
        ("a) Meet everyone.", "a"), ("b) Two real conversations.", "b"), ("c) Get a job.", "c"))
    assert list(widget.question("alpha-q2").checkboxes) == ["a", "b", "c", "d"]
    assert store.setting("option_seed") is None  # nothing to shuffle: no seed made


def _orders(widget) -> tuple:
    q1, q2 = widget.question("alpha-q1"), widget.question("alpha-q2")
    return (tuple(value for _, value in q1.radio.options), tuple(q2.checkboxes))


def _eight_choices(course):
    """Give alpha-q2 eight choices, so two learners' orders differ (1 in 40 320 chance not)."""
    question = course.topic(TOPIC).question("alpha-q2")
    question["choices"] += [{"id": cid, "text": f"Option {cid}.", "correct": False,
                             "feedback": "No."} for cid in "efgh"]


def test_two_new_learners_get_different_option_orders(tmp_path, course):
    from netlearn.store import Store

    _eight_choices(course)
    first, second = Store(tmp_path / "learner-1"), Store(tmp_path / "learner-2")
    try:
        orders = [_orders(quiz(TOPIC, store=s, course=course)) for s in (first, second)]
        assert first.option_seed() != second.option_seed()
    finally:
        first.close()
        second.close()
    assert orders[0] != orders[1]
    for order in orders:  # a permutation of the canonical ids
        assert sorted(order[0]) == ["a", "b", "c"] and sorted(order[1]) == list("abcdefgh")


def test_the_same_learner_gets_the_same_order_after_a_restart(store, course, reopen):
    _eight_choices(course)
    before = _orders(quiz(TOPIC, store=store, course=course))
    seed = store.option_seed()
    store.close()
    again = reopen()  # a new kernel: a new Store and a new widget
    assert again.option_seed() == seed
    assert _orders(quiz(TOPIC, store=again, course=course)) == before


def test_letters_are_given_after_shuffling_and_judgement_keeps_its_order(store, course):
    _eight_choices(course)
    widget = quiz(TOPIC, store=store, course=course)
    view = widget.question("alpha-q2")
    choices = {c["id"]: c["text"] for c in view.question["choices"]}
    labels = [box.description for box in view.checkboxes.values()]
    assert labels == [f"{letter}) {choices[cid]}"
                      for letter, cid in zip("abcdefgh", view.checkboxes, strict=True)]
    assert list(view.checkboxes) != list("abcdefgh")  # shuffled (1 in 40 320 not)
    assert list(widget.question("alpha-q3").toggles) == ["a", "b", "c", "d"]
    assert [label for label, _ in widget.question("alpha-q3").toggles["a"].options] == \
        ["Best", "Acceptable", "Poor"]


def test_restored_answers_after_a_shuffle_sit_on_the_right_options(store, course, reopen):
    _eight_choices(course)
    widget = quiz(TOPIC, store=store, course=course)
    answer_and_check(widget, "alpha-q1", "b")
    answer_and_check(widget, "alpha-q2", ["a", "c", "f"])
    assert store.last_answers(TOPIC)["alpha-q2"]["answer"] == ["a", "c", "f"]  # canonical ids
    store.close()
    restored = quiz(TOPIC, store=reopen(), course=course)
    q1, q2 = restored.question("alpha-q1"), restored.question("alpha-q2")
    label = dict((value, text) for text, value in q1.radio.options)[q1.radio.value]
    assert q1.radio.value == "b" and label.endswith(") Two real conversations.")
    ticked = [box.description for box in q2.checkboxes.values() if box.value]
    assert sorted(text.split(") ", 1)[1] for text in ticked) == \
        ["Memorise CVs.", "Option f.", "Read the programme."]
    assert "Memorise CVs." in q2.feedback.value


def test_feedback_never_names_an_option_by_letter(store, course):
    _eight_choices(course)
    widget = quiz(TOPIC, store=store, course=course)
    for qid, value in {**ALL_RIGHT, "alpha-q2": ["a", "c", "e"]}.items():
        view = answer_and_check(widget, qid, value)
        assert not re.search(r"\b[a-h]\) ", view.feedback.value), view.feedback.value


def test_an_answer_to_an_earlier_version_is_shown_as_such_and_not_scored(store, course):
    store.save_answer(TOPIC, "alpha-q1", "b", 1.0, 1.0, True, version="0123456789abcdef")
    widget = quiz(TOPIC, store=store, course=course)
    view = widget.question("alpha-q1")
    assert "answered an earlier version" in view.feedback.value
    assert view.radio.value is None
    assert "Right on the first try: 0 of 3</strong>; after retries: 0 of 3 · no attempts yet" \
        " · 1 answer to an earlier version, not counted" in widget.score_label.value
    answer_and_check(widget, "alpha-q1", "b")  # the first answer to this version counts
    assert "Right on the first try: 1 of 3</strong>; after retries: 1 of 3 · 2 attempts<" \
        in widget.score_label.value


def test_the_score_line_counts_the_regraded_answer_not_a_stored_flag(store, course):
    q1 = course.topic(TOPIC).question("alpha-q1")
    store.save_answer(TOPIC, "alpha-q1", "c", 1.0, 1.0, True, version=grading.item_version(q1))
    widget = quiz(TOPIC, store=store, course=course)
    assert "✗ Not quite —" in widget.question("alpha-q1").feedback.value
    assert "Right on the first try: 0 of 3</strong>; after retries: 0 of 3" \
        in widget.score_label.value


@pytest.mark.parametrize("history, earlier", [({"alpha-q1": ["0123456789abcdef"]}, True),
                                              ({}, False)])
def test_answers_stored_without_a_version_count_as_the_first_recorded_one(
        store, course, monkeypatch, history, earlier):
    from netlearn.widgets import quiz_view

    monkeypatch.setattr(quiz_view, "load_history", lambda: history)
    store.save_answer(TOPIC, "alpha-q1", "b", 1.0, 1.0, True)  # as schema 2 stored it
    feedback = quiz(TOPIC, store=store, course=course).question("alpha-q1").feedback.value
    assert ("answered an earlier version" in feedback) is earlier
    assert ("✓ Correct —" in feedback) is not earlier
    q1 = course.topic(TOPIC).question("alpha-q1")
    monkeypatch.setattr(quiz_view, "load_history",
                        lambda: {"alpha-q1": [grading.item_version(q1)]})
    feedback = quiz(TOPIC, store=store, course=course).question("alpha-q1").feedback.value
    assert "✓ Correct —" in feedback


def test_learners_never_get_the_facilitator_box(store, course):
    widget = quiz(TOPIC, store=store, course=course)
    for view in widget.questions:
        assert view.facilitator_box is None
    assert not any("Facilitator" in value for value in widget.html_values())
    assert not any("netlearn-facilitator" in w._dom_classes
                   for w in _all_widgets(widget))


def test_facilitator_mode_shows_answers_and_rationales_up_front(store, course):
    set_facilitator_mode(True)
    widget = quiz(TOPIC, store=store, course=course)
    q1, q2, q3 = widget.questions
    assert q1.children.index(q1.facilitator_box) < q1.children.index(q1.check_button)
    letter = q1.letters["b"]
    assert f"Correct answer: <strong>{letter}) Two real conversations. [id b]</strong>" \
        in q1.facilitator_box.value
    assert "cite them by id or text, not by letter" in q1.facilitator_box.value
    assert all(f"[id {value}]" in label for label, value in q1.radio.options)
    assert "Specific goals can be checked." in q1.facilitator_box.value
    assert "Read the programme. [id a]" in q2.facilitator_box.value
    assert "Pick people. [id b]" in q2.facilitator_box.value
    assert "Intrusive." in q2.facilitator_box.value
    assert "a) Join a pair. [id a] — best.</strong> Pairs are easy to join." \
        in q3.facilitator_box.value
    assert "c) Check your phone. [id c] — poor." in q3.facilitator_box.value


def test_facilitator_mode_follows_the_environment(store, course, monkeypatch):
    set_facilitator_mode(None)
    monkeypatch.setenv("NETLEARN_FACILITATOR", "1")
    assert quiz(TOPIC, store=store, course=course).questions[0].facilitator_box is not None
    monkeypatch.setenv("NETLEARN_FACILITATOR", "0")
    assert quiz(TOPIC, store=store, course=course).questions[0].facilitator_box is None


def test_hostile_content_is_escaped_everywhere(store, hostile_course, hostile):
    set_facilitator_mode(True)
    widget = quiz(TOPIC, store=store, course=hostile_course)
    for qid, value in ALL_RIGHT.items():
        answer_and_check(widget, qid, value)
    answer_and_check(widget, "alpha-q2", ["a", "c"])
    assert_escaped(widget)
    prompt = widget.question("alpha-q1").prompt_html.value
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;" in prompt
    labels = {value: label for label, value in widget.question("alpha-q1").radio.options}
    assert labels["a"].endswith(f") Meet everyone. {hostile} [id a]")  # text, not HTML


def test_css_classes_for_browser_tests(store, course):
    widget = quiz(TOPIC, store=store, course=course)
    assert "netlearn-quiz" in widget._dom_classes
    view = widget.questions[0]
    assert "netlearn-check" in view.check_button._dom_classes
    assert "netlearn-feedback" in view.feedback._dom_classes
    assert "netlearn-reset" in widget.reset_button._dom_classes


def test_a_topic_without_questions_says_so(store, course):
    widget = quiz("t0-intro", store=store, course=course)
    assert widget.questions == []
    assert any("no quiz" in value for value in widget.html_values())


def test_unknown_topic_is_a_key_error(store, course):
    with pytest.raises(KeyError, match="no-such-topic"):
        quiz("no-such-topic", store=store, course=course)


def test_repr_is_short_and_stable(store, course):
    assert repr(quiz(TOPIC, store=store, course=course)) == (
        "<Quiz for t1-alpha (3 questions) — interactive; run the notebook in JupyterLab to "
        "use it>")


def test_first_quiz_in_a_fresh_kernel_does_not_import_pandas_or_matplotlib(tmp_path):
    code = ("import sys, netlearn\n"
            "assert 'ipywidgets' not in sys.modules, 'import netlearn loaded ipywidgets'\n"
            "w = netlearn.quiz('01-preparation')\n"
            "assert w.questions\n"
            "assert 'pandas' not in sys.modules and 'matplotlib' not in sys.modules, "
            "sorted(m for m in sys.modules if m.split('.')[0] in ('pandas', 'matplotlib'))\n")
    env = {**os.environ, "NETLEARN_HOME": str(tmp_path / "home")}
    env.pop("NETLEARN_CONTENT", None)
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def _all_widgets(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        if isinstance(child, widgets.Widget):
            yield from _all_widgets(child)


def test_an_answer_from_the_previous_release_meets_the_default_item_it_was_given_to(store):
    """A schema-2 answer (no version) to a default item counts only if the item is unchanged
    since that release (the first version in the shipped item history)."""
    from netlearn.teaching.content import load_course
    from netlearn.teaching.item_history import load_history

    defaults = load_course()
    history = load_history()
    # The first single-answer quiz item that the previous release shipped (items are rewritten
    # between releases, so no one id is certain to be there).
    topic, question = next((t, q) for t in defaults.topics for q in t.questions
                           if q["type"] == "single" and q["id"] in history)
    right = next(c["id"] for c in question["choices"] if c["correct"])
    store.save_answer(topic.id, question["id"], right, 1, 1, True)  # as schema 2 stored it
    view = quiz(topic.id, store=store, course=defaults).question(question["id"])
    unchanged = history[question["id"]][0] == grading.item_version(question)
    assert ("✓ Correct —" in view.feedback.value) is unchanged
    assert ("answered an earlier version" in view.feedback.value) is not unchanged
