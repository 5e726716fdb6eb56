"""Item-quality checks: each cue found at its node, and no warning where there is no cue."""

import pytest

from netlearn.teaching import item_quality as iq


def single(texts, key=0, qid="q1", prompt="Which is best?"):
    return {"id": qid, "type": "single", "prompt": prompt, "choices": [
        {"id": chr(97 + i), "text": t, "correct": i == key, "feedback": "."}
        for i, t in enumerate(texts)]}


def multiple(n_correct, n=4, qid="m"):
    return {"id": qid, "type": "multiple", "prompt": "Which apply?", "choices": [
        {"id": chr(97 + i), "text": f"Option {i}", "correct": i < n_correct, "feedback": "."}
        for i in range(n)]}


def test_a_keyed_option_a_quarter_longer_than_the_others_and_the_longest_is_flagged():
    others = ["x" * 40, "x" * 40, "x" * 40]
    assert iq.longest_key([single(["y" * 50, *others])])  # 50 >= 1.25 * 40
    assert not iq.longest_key([single(["y" * 49, *others])])  # 49 < 50
    found = iq.longest_key([single(["x" * 10, "y" * 80, "x" * 10], key=1)])
    assert found[0].keys == ("questions", 0, "choices", 1, "text")
    assert "'b' is the longest (80 characters against a mean of 10" in found[0].message


def test_a_keyed_option_that_is_not_the_longest_is_not_flagged():
    assert not iq.longest_key([single(["y" * 60, "x" * 20, "x" * 60])])  # tied longest
    assert not iq.longest_key([single(["y" * 50, "x" * 20, "x" * 70])])


def test_markup_and_spaces_do_not_count_towards_length():
    assert iq.text_length("**Two**   real\n conversations") == len("Two real conversations")


def test_the_best_judgement_response_is_checked_like_a_key():
    question = {"id": "j", "type": "judgement", "prompt": "Rate.", "situation": "S.",
                "responses": [{"id": "a", "text": "z" * 90, "rating": "best", "rationale": "."},
                              {"id": "b", "text": "z" * 40, "rating": "poor", "rationale": "."},
                              {"id": "c", "text": "z" * 45, "rating": "acceptable",
                               "rationale": "."}]}
    found = iq.longest_key([question])
    assert found[0].keys == ("questions", 0, "responses", 0, "text")
    assert "best response 'a'" in found[0].message


@pytest.mark.parametrize("counts, flagged", [
    ([3, 3], True), ([3, 2], False), ([3, 3, 2], True), ([3, 2, 1], False), ([3], True),
    ([1, 2], False)])
def test_mostly_all_but_one_correct_is_flagged_once_per_file(counts, flagged):
    questions = [multiple(c, qid=f"m{i}") for i, c in enumerate(counts)]
    found = iq.all_but_one(questions)
    assert bool(found) is flagged
    if flagged:
        assert len(found) == 1 and found[0].keys == ("questions", counts.index(3))


@pytest.mark.parametrize("text", ["All of the above", "none of the above.", "Both of these",
                                  "Neither of the options", "All of them"])
def test_all_or_none_of_the_above_is_flagged(text):
    found = iq.above_options([single(["Ask first.", text, "Offer help."])])
    assert found[0].keys == ("questions", 0, "choices", 1, "text")


def test_ordinary_options_mentioning_all_are_not_flagged():
    assert not iq.above_options([single(["Meet all of the speakers.", "Read the list."])])


@pytest.mark.parametrize("prompt, flagged", [
    ("Which of these is not a good opener?", True),
    ("Which isn't a good opener?", True),
    ("All of these help except which one?", True),
    ("Which is least likely to work?", True),
    ("Which of these is NOT a good opener?", False),
    ("Which of these is **not** a good opener?", False),
    ("All of these help EXCEPT which one?", False),
    ("Which are good reasons to write when you don't need anything?", False),
    ("You never followed up. What now?", False),
    ("Which opener is best?", False),
])
def test_a_negative_question_needs_capitals_or_bold(prompt, flagged):
    found = iq.negative_stem([single(["A", "B"], prompt=prompt)])
    assert bool(found) is flagged
    if flagged:
        assert found[0].keys == ("questions", 0, "prompt")


def test_review_runs_every_check_in_file_order():
    questions = [single(["x", "y" * 80, "x"], key=1, qid="a1", prompt="Which is not right?"),
                 single(["Ask.", "None of the above"], qid="a2")]
    found = iq.review(questions)
    assert [f.keys[:2] for f in found] == [("questions", 0), ("questions", 0), ("questions", 1)]


def test_cue_free_items_give_no_warning():
    questions = [single(["Ask one question.", "Offer one link.", "Share a report."], key=2),
                 multiple(2, qid="m1"), multiple(1, qid="m2")]
    assert iq.review(questions) == []
