"""Tests for netlearn.teaching.grading: tables of answers and the scores they earn."""

from __future__ import annotations

import dataclasses

import pytest

from netlearn.teaching import grading
from netlearn.teaching.grading import Result

SINGLE = {
    "id": "q-single", "type": "single", "prompt": "Pick one.",
    "choices": [
        {"id": "a", "text": "A", "correct": False, "feedback": "A is vague."},
        {"id": "b", "text": "B", "correct": True, "feedback": "B is specific."},
        {"id": "c", "text": "C", "correct": False, "feedback": "C is out of your control."},
    ],
}
MULTIPLE = {
    "id": "q-multiple", "type": "multiple", "prompt": "Pick all that apply.",
    "choices": [
        {"id": "a", "text": "A", "correct": True, "feedback": "fa"},
        {"id": "b", "text": "B", "correct": True, "feedback": "fb"},
        {"id": "c", "text": "C", "correct": False, "feedback": "fc"},
        {"id": "d", "text": "D", "correct": True, "feedback": "fd"},
        {"id": "e", "text": "E", "correct": False, "feedback": "fe"},
    ],
}
JUDGEMENT = {
    "id": "q-judgement", "type": "judgement", "prompt": "Rate.", "situation": "S.",
    "responses": [
        {"id": "a", "text": "A", "rating": "best", "rationale": "ra"},
        {"id": "b", "text": "B", "rating": "acceptable", "rationale": "rb"},
        {"id": "c", "text": "C", "rating": "poor", "rationale": "rc"},
        {"id": "d", "text": "D", "rating": "poor", "rationale": "rd"},
    ],
}
SCENARIO = {
    "id": "scn", "title": "T", "start": "s",
    "nodes": {
        "s": {"text": "start", "choices": [
            {"text": "go on", "next": "m", "feedback": "good start", "points": 2},
            {"text": "shortcut", "next": "good", "feedback": "lucky", "points": 1},
            {"text": "leave", "next": "poor", "feedback": "too soon"},
        ]},
        "m": {"text": "middle", "choices": [
            {"text": "close well", "next": "good", "feedback": "clear close", "points": 2},
            {"text": "drift off", "next": "mixed", "feedback": "vague", "points": 0},
        ]},
        "good": {"ending": True, "outcome": "good", "debrief": "d1"},
        "mixed": {"ending": True, "outcome": "mixed", "debrief": "d2"},
        "poor": {"ending": True, "outcome": "poor", "debrief": "d3"},
    },
}


# -- single choice -------------------------------------------------------------------


@pytest.mark.parametrize("choice, score, correct, verdict, feedback", [
    ("b", 1.0, True, "✓ Correct —", "B is specific."),
    ("a", 0.0, False, "✗ Not quite —", "A is vague."),
    ("c", 0.0, False, "✗ Not quite —", "C is out of your control."),
])
def test_grade_single(choice, score, correct, verdict, feedback):
    result = grading.grade_single(SINGLE, choice)
    assert (result.score, result.max_score, result.correct) == (score, 1.0, correct)
    assert result.summary.startswith(verdict)
    assert result.feedback == ((choice, feedback, correct),)


@pytest.mark.parametrize("choice, message", [
    (None, "Choose an answer first"),
    ("", "Choose an answer first"),
    ("z", "'z' is not one of this question's answers"),
])
def test_grade_single_rejects_invalid_answers(choice, message):
    with pytest.raises(ValueError, match=message):
        grading.grade_single(SINGLE, choice)


# -- multiple choice -----------------------------------------------------------------


@pytest.mark.parametrize("picks, score, correct, verdict", [
    (["a", "b", "d"], 1.0, True, "✓ Correct —"),
    (["d", "a", "b"], 1.0, True, "✓ Correct —"),          # order does not matter
    (["a", "b"], 2 / 3, False, "◐ Partly —"),
    (["a"], 1 / 3, False, "◐ Partly —"),
    (["a", "b", "d", "c"], 2 / 3, False, "◐ Partly —"),   # 3 right - 1 wrong
    (["a", "b", "c"], 1 / 3, False, "◐ Partly —"),        # 2 right - 1 wrong
    (["a", "c"], 0.0, False, "✗ Not quite —"),            # 1 right - 1 wrong
    (["a", "c", "e"], 0.0, False, "✗ Not quite —"),       # never below zero
    (["c", "e"], 0.0, False, "✗ Not quite —"),
    (["a", "b", "c", "d", "e"], 1 / 3, False, "◐ Partly —"),  # ticking everything
    (("a", "a", "b", "d"), 1.0, True, "✓ Correct —"),     # duplicates count once
])
def test_grade_multiple_partial_credit(picks, score, correct, verdict):
    result = grading.grade_multiple(MULTIPLE, picks)
    assert result.score == pytest.approx(score)
    assert result.max_score == 1.0
    assert result.correct is correct
    assert result.summary.startswith(verdict)


def test_grade_multiple_feedback_covers_each_pick_in_question_order():
    result = grading.grade_multiple(MULTIPLE, ["e", "a"])
    assert result.feedback == (("a", "fa", True), ("e", "fe", False))
    assert "1 of 3 right answers" in result.summary
    assert "ticked 1 answer that is not right" in result.summary


@pytest.mark.parametrize("picks, message", [
    ([], "Tick at least one answer"),
    (None, "Tick at least one answer"),
    (["a", "zz"], "zz is not one of this question's answers"),
])
def test_grade_multiple_rejects_invalid_answers(picks, message):
    with pytest.raises(ValueError, match=message):
        grading.grade_multiple(MULTIPLE, picks)


# -- situational judgement -----------------------------------------------------------


@pytest.mark.parametrize("ratings, score, correct, verdict", [
    ({"a": "best", "b": "acceptable", "c": "poor", "d": "poor"}, 1.0, True, "✓ Correct —"),
    ({"a": "acceptable", "b": "acceptable", "c": "poor", "d": "poor"}, 0.875, True,
     "✓ Correct —"),
    ({"a": "acceptable", "b": "best", "c": "poor", "d": "poor"}, 0.75, True, "✓ Correct —"),
    ({"a": "acceptable", "b": "best", "c": "acceptable", "d": "poor"}, 0.625, False,
     "◐ Partly —"),
    ({"a": "poor", "b": "acceptable", "c": "poor", "d": "poor"}, 0.75, True, "✓ Correct —"),
    ({"a": "poor", "b": "poor", "c": "best", "d": "best"}, 0.125, False, "◐ Partly —"),
    ({"a": "poor", "b": "best", "c": "best", "d": "best"}, 0.125, False, "◐ Partly —"),
    ({"a": "poor", "b": "acceptable", "c": "best", "d": "best"}, 0.25, False, "◐ Partly —"),
])
def test_grade_judgement_by_closeness(ratings, score, correct, verdict):
    result = grading.grade_judgement(JUDGEMENT, ratings)
    assert result.score == pytest.approx(score)
    assert result.correct is correct
    assert result.summary.startswith(verdict)


def test_grade_judgement_all_two_steps_away_scores_zero():
    question = {**JUDGEMENT, "responses": [r for r in JUDGEMENT["responses"]
                                           if r["rating"] != "acceptable"]}
    result = grading.grade_judgement(question, {"a": "poor", "c": "best", "d": "best"})
    assert result.score == 0
    assert result.summary.startswith("✗ Not quite —")


def test_grade_judgement_feedback_names_both_ratings():
    result = grading.grade_judgement(
        JUDGEMENT, {"a": "acceptable", "b": "acceptable", "c": "poor", "d": "best"})
    assert result.feedback[0] == (
        "a", "You rated this acceptable; the course rates it best. ra", False)
    assert result.feedback[1][2] is True
    assert [f[0] for f in result.feedback] == ["a", "b", "c", "d"]


@pytest.mark.parametrize("ratings, message", [
    ({}, "Rate every response before checking: 4 of 4 still need a rating"),
    ({"a": "best", "b": "poor", "c": "poor"}, "1 of 4 still needs a rating"),
    ({"a": "best", "b": "poor", "c": "poor", "d": None}, "1 of 4 still needs a rating"),
    ({"a": "best", "b": "poor", "c": "poor", "d": "great"}, "'great' is not a rating"),
    ({"a": "best", "b": "poor", "c": "poor", "d": "poor", "x": "best"},
     "x is not one of this question's responses"),
])
def test_grade_judgement_rejects_invalid_answers(ratings, message):
    with pytest.raises(ValueError, match=message):
        grading.grade_judgement(JUDGEMENT, ratings)


@pytest.mark.parametrize("a, b, distance", [
    ("best", "best", 0), ("best", "acceptable", 1), ("acceptable", "poor", 1),
    ("poor", "best", 2), ("best", "poor", 2),
])
def test_rating_distance(a, b, distance):
    assert grading.rating_distance(a, b) == distance


# -- dispatch and totals -------------------------------------------------------------


@pytest.mark.parametrize("question, answer, score", [
    (SINGLE, "b", 1.0),
    (MULTIPLE, ["a", "b"], 2 / 3),
    (JUDGEMENT, {"a": "best", "b": "acceptable", "c": "poor", "d": "poor"}, 1.0),
])
def test_grade_dispatches_on_type(question, answer, score):
    assert grading.grade(question, answer).score == pytest.approx(score)


@pytest.mark.parametrize("question, answer", [
    ({"id": "x", "type": "essay"}, "text"),
    ({"id": "x"}, "text"),
    (MULTIPLE, None),
])
def test_grade_rejects_unknown_types_and_empty_answers(question, answer):
    with pytest.raises(ValueError):
        grading.grade(question, answer)


def test_graders_refuse_the_wrong_question_type():
    with pytest.raises(ValueError, match="not 'single'"):
        grading.grade_single(MULTIPLE, "a")


def test_result_is_frozen():
    result = grading.grade_single(SINGLE, "b")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.score = 0


@pytest.mark.parametrize("results, expected", [
    ([], (0.0, 0.0)),
    ([Result(1, 1, True), Result(0.5, 1, False), Result(0, 1, False)], (1.5, 3.0)),
    ([{"score": 1.0, "max_score": 1.0}, {"score": 0.25, "max_score": 1.0}], (1.25, 2.0)),
])
def test_quiz_score(results, expected):
    assert grading.quiz_score(results) == expected


# -- scenarios -----------------------------------------------------------------------


@pytest.mark.parametrize("node, index, expected", [
    ("s", 0, ("m", "good start", 2)),
    ("s", 1, ("good", "lucky", 1)),
    ("s", 2, ("poor", "too soon", 0)),   # points default to 0
    ("m", 1, ("mixed", "vague", 0)),
])
def test_scenario_step(node, index, expected):
    assert grading.scenario_step(SCENARIO, node, index) == expected


@pytest.mark.parametrize("node, index, message", [
    ("nowhere", 0, "has no step 'nowhere'"),
    ("good", 0, "This conversation has ended"),
    ("s", 3, "Choose one of the 3 options"),
    ("s", -1, "Choose one of the 3 options"),
    ("s", True, "Choose one of the 3 options"),
    ("s", "0", "Choose one of the 3 options"),
])
def test_scenario_step_rejects_invalid_moves(node, index, message):
    with pytest.raises(ValueError, match=message):
        grading.scenario_step(SCENARIO, node, index)


def test_scenario_max_points_follows_the_best_path():
    assert grading.scenario_max_points(SCENARIO) == 4


def test_scenario_max_points_with_a_loop_counts_each_node_once():
    looped = {"id": "loop", "title": "L", "start": "a", "nodes": {
        "a": {"text": "a", "choices": [
            {"text": "to b", "next": "b", "feedback": "f", "points": 2},
            {"text": "end", "next": "end", "feedback": "f", "points": 0},
        ]},
        "b": {"text": "b", "choices": [
            {"text": "back", "next": "a", "feedback": "f", "points": 2},
            {"text": "end", "next": "end", "feedback": "f", "points": 1},
        ]},
        "end": {"ending": True, "outcome": "good", "debrief": "d"},
    }}
    assert grading.scenario_max_points(looped) == 3


# -- pitch ---------------------------------------------------------------------------


@pytest.mark.parametrize("text, wpm, words, seconds", [
    ("", 130, 0, 0.0),
    ("   \n  ", 130, 0, 0.0),
    ("Hi, I'm Sam.", 130, 3, 1.4),
    ("I don't do well-known things — ever.", 120, 6, 3.0),
    ("word " * 130, 130, 130, 60.0),
    ("word " * 65, 130, 65, 30.0),
    ("Numbers like 30–60 count: 2", 60, 6, 6.0),
])
def test_pitch_stats(text, wpm, words, seconds):
    assert grading.pitch_stats(text, wpm) == (words, seconds)


@pytest.mark.parametrize("wpm", [0, -10, None])
def test_pitch_stats_needs_a_positive_rate(wpm):
    with pytest.raises(ValueError):
        grading.pitch_stats("hello", wpm)


@pytest.mark.parametrize("seconds, timing", [
    (0, "under"), (29.9, "under"), (30, "within"), (45, "within"), (60, "within"),
    (60.1, "over"),
])
def test_pitch_timing(seconds, timing):
    assert grading.pitch_timing(seconds) == timing


# -- stable order --------------------------------------------------------------------


def test_stable_order_is_deterministic_and_a_permutation():
    items = [{"id": c} for c in "abcdefgh"]
    first = grading.stable_order(items, "seed-1:q1")
    assert grading.stable_order(items, "seed-1:q1") == first
    assert sorted(first, key=lambda i: i["id"]) == items
    assert items == [{"id": c} for c in "abcdefgh"]  # input untouched


def test_stable_order_differs_between_seeds():
    items = list("abcdefgh")
    orders = {tuple(grading.stable_order(items, f"learner-{n}")) for n in range(10)}
    assert len(orders) > 1


def test_stable_order_ignores_input_order():
    items = [{"id": c} for c in "abcdef"]
    assert (grading.stable_order(items, "s") == grading.stable_order(items[::-1], "s"))


def test_stable_order_does_not_use_the_random_module(monkeypatch):
    import random

    items = list("abcdefgh")
    before = grading.stable_order(items, "seed")
    random.seed(12345)
    monkeypatch.setattr(random, "shuffle", lambda *a, **k: pytest.fail("random used"))
    assert grading.stable_order(items, "seed") == before


# -- option order and content versions ------------------------------------------------


def _item(**extra):
    return {"id": "q1", "type": "single", "prompt": "P?", "choices": [
        {"id": c, "text": f"Text {c}.", "correct": c == "b", "feedback": "F."} for c in "abcdefgh"],
        **extra}


def test_option_order_is_a_pure_function_of_seed_and_item_id():
    item = _item()
    order = [c["id"] for c in grading.option_order(item, "seed-1")]
    assert order == [c["id"] for c in grading.option_order(_item(), "seed-1")]
    assert sorted(order) == list("abcdefgh") and order != list("abcdefgh")
    assert order != [c["id"] for c in grading.option_order(item, "seed-2")]
    assert order != [c["id"] for c in grading.option_order({**item, "id": "q2"}, "seed-1")]


def test_option_order_keeps_the_written_order_where_asked_or_for_judgement():
    assert [c["id"] for c in grading.option_order(_item(shuffle=False), "s")] == list("abcdefgh")
    assert [c["id"] for c in grading.option_order(_item(), "")] == list("abcdefgh")
    judgement = {"id": "j", "type": "judgement", "responses": [
        {"id": r, "text": r, "rating": "poor", "rationale": "."} for r in "abcdef"]}
    assert [r["id"] for r in grading.option_order(judgement, "s")] == list("abcdef")
    assert not grading.shuffles(judgement) and not grading.shuffles(_item(shuffle=False))
    assert grading.display_letters(3) == ["a", "b", "c"]


def test_item_version_changes_with_stem_options_and_key_only():
    base = grading.item_version(_item())
    assert len(base) == 16
    assert grading.item_version(_item(explanation="E.")) == base
    feedback = _item()
    feedback["choices"][0]["feedback"] = "Other feedback."
    assert grading.item_version(feedback) == base
    rewrapped = _item(prompt="P?\n ")
    rewrapped["choices"][0]["text"] = "Text\n  a."
    assert grading.item_version(rewrapped) == base
    reordered = _item()
    reordered["choices"].reverse()
    assert grading.item_version(reordered) == base
    rekeyed = _item()
    rekeyed["choices"][0]["correct"] = True
    reworded = _item()
    reworded["choices"][3]["text"] = "Other text."
    restemmed = _item(prompt="A rewritten stem?")
    judgement = {"id": "j", "type": "judgement", "prompt": "Rate.", "situation": "S.",
                 "responses": [{"id": "a", "text": "A", "rating": "best", "rationale": "."}]}
    resituated = {**judgement, "situation": "Another situation."}
    versions = {base, grading.item_version(rekeyed), grading.item_version(reworded),
                grading.item_version(restemmed), grading.item_version(judgement),
                grading.item_version(resituated)}
    assert len(versions) == 6


def test_the_first_scheme_ignored_the_stem():
    assert grading.legacy_item_version(_item(prompt="A rewritten stem?")) == \
        grading.legacy_item_version(_item())
    assert grading.legacy_item_version(_item()) != grading.item_version(_item())
    rekeyed = _item()
    rekeyed["choices"][0]["correct"] = True
    assert grading.legacy_item_version(rekeyed) != grading.legacy_item_version(_item())


def test_regrade_scores_only_answers_to_the_current_version():
    item = _item()
    now = grading.item_version(item)
    assert grading.regrade(item, {"answer": "b", "version": now}).correct
    assert grading.regrade(item, {"answer": "b", "version": "0" * 16}) is None
    assert grading.regrade(item, {"answer": "z", "version": now}) is None  # option gone
    assert grading.regrade(item, {"answer": "b", "version": ""}).correct  # no history
    assert grading.regrade(item, {"answer": "b", "version": ""}, ["0" * 16, now]) is None
    assert grading.regrade(item, {"answer": "b", "version": ""}, [now, "1" * 16]).correct


def test_a_stem_rewrite_makes_earlier_answers_an_earlier_version():
    old, new = _item(prompt="Old stem?"), _item(prompt="New stem?")
    saved = {"answer": "b", "version": grading.item_version(old)}
    assert grading.regrade(old, saved).correct
    assert grading.regrade(new, saved, [grading.item_version(old)]) is None


def test_first_scheme_answers_count_while_the_item_is_unchanged():
    item = _item()
    legacy, now = grading.legacy_item_version(item), grading.item_version(item)
    saved = {"answer": "b", "version": legacy}
    same = {legacy: now}
    assert grading.regrade(item, saved, [legacy, now], same).correct
    # The history maps the first-scheme version to the content it was: a later stem
    # rewrite keeps the options and key (so the same first-scheme digest), yet the answer
    # was given to the old stem and is never scored against the new one.
    rewritten = _item(prompt="A new stem?")
    assert grading.regrade(rewritten, saved, [legacy, now], same) is None
    # Unversioned answers count as the first recorded version, mapped the same way.
    assert grading.regrade(item, {"answer": "b", "version": ""}, [legacy, now], same).correct
    # A version the history does not know (a facilitator's own item): the options and
    # key still giving it is the best evidence there is.
    assert grading.regrade(item, saved).correct
    assert grading.regrade(item, {"answer": "b", "version": "0" * 16}) is None
    # A known earlier first-scheme version without a mapping stays an earlier version.
    assert grading.regrade(item, saved, [legacy, "1" * 16], {}) is None


def test_current_results_splits_current_and_earlier_answers():
    one, two = _item(), {**_item(), "id": "q2"}
    latest = {"q1": {"answer": "c", "version": grading.item_version(one), "correct": True},
              "q2": {"answer": "b", "version": "0" * 16}}
    results, earlier = grading.current_results([one, two, {**_item(), "id": "q3"}], latest)
    assert list(results) == ["q1"] and not results["q1"].correct  # re-graded, not the flag
    assert earlier == ["q2"]


# -- first attempts ------------------------------------------------------------------


def _attempt(answer, at, version=None, item="q1", cleared=False):
    return {"item_id": item, "answer": answer, "created_at": f"2025-03-14T10:{at}+00:00",
            "version": grading.item_version(_item()) if version is None else version,
            "cleared": cleared}


def test_the_first_attempt_is_scored_and_retries_are_apart():
    item = _item()
    attempts = [_attempt("a", "00:00"), _attempt("b", "01:00")]
    first = grading.first_tries([item], attempts)["q1"]
    assert not first.result.correct and first.answer == "a" and first.attempts == 2
    outcome = grading.quiz_outcome([item], {"q1": attempts[-1]}, attempts)
    assert (outcome.right_first, outcome.right_after_retries) == (0, 1)
    assert outcome.line() == "right on the first try: 0 of 1; after retries: 1 of 1"


def test_a_reset_keeps_the_first_attempt():
    item = _item()
    attempts = [_attempt("a", "00:00", cleared=True), _attempt("b", "01:00", cleared=True),
                _attempt("b", "05:00")]  # reset after two tries, then answered again
    assert grading.first_tries([item], attempts)["q1"].answer == "a"
    after_reset = grading.quiz_outcome([item], {}, attempts[:2])  # nothing answered since
    assert (after_reset.right_first, after_reset.right_after_retries) == (0, 0)
    assert after_reset.first["q1"].attempts == 2


def test_after_an_item_change_the_first_answer_to_the_new_version_counts():
    old, new = _item(prompt="Old stem?"), _item(prompt="New stem?")
    attempts = [_attempt("b", "00:00", version=grading.item_version(old)),
                _attempt("a", "02:00", version=grading.item_version(new)),
                _attempt("b", "03:00", version=grading.item_version(new))]
    first = grading.first_tries([new], attempts, {"q1": [grading.item_version(old)]})["q1"]
    assert first.answer == "a" and not first.result.correct and first.attempts == 2
    assert grading.first_tries([old], attempts)["q1"].answer == "b"  # the old version's own


def test_after_a_restored_backup_the_earliest_attempt_counts_whichever_store_it_came_from():
    item = _item()
    here = [_attempt("b", "30:00")]
    restored = [_attempt("a", "05:00"), _attempt("b", "06:00")]  # merged in after, made before
    first = grading.first_tries([item], here + restored)["q1"]
    assert first.answer == "a" and first.attempts == 3
    same_second = [_attempt("c", "05:00"), _attempt("a", "05:00")]
    assert grading.first_tries([item], same_second)["q1"].answer == "c"  # stored order


def test_an_attempt_that_no_longer_fits_is_never_the_first_try():
    item = _item()
    attempts = [_attempt("z", "00:00"), _attempt("b", "01:00")]
    assert grading.first_tries([item], attempts)["q1"].answer == "b"
    assert grading.first_tries([item], [_attempt("b", "00:00", item="q2")]) == {}
