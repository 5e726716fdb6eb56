"""Quiz items carry no test-wise cues: longest option, all-but-one, letters, "all of the above"."""

import re
from pathlib import Path

import pytest

from netlearn.teaching.content import load_course, read_yaml

CONTENT = Path(__file__).resolve().parents[1] / "netlearn" / "content"
MARGIN = 0.10  # a guesser may beat chance by at most 10 percentage points

# A letter standing alone as a word ("option b", "c best", "a, c and d"), not "a" the article.
_LETTER = re.compile(
    r"(?<![\w'’.\-])(?:[b-h]|a(?=\s*(?:,|\)|:|and [b-h]\b|or [b-h]\b)))(?![\w'’\-]|\.\w|\s*=)"
    r"|\((?:[a-h])\)|\b(?:option|choice|answer|response)s? [a-h]\b",
    re.IGNORECASE,
)
_ALL_NONE = re.compile(
    r"\b(?:all|none|both|neither) of (?:the )?(?:above|these|them|those)\b", re.I)
_NEGATIVE = re.compile(r"\b(not|never|except|least|isn't|doesn't|don't|won't)\b", re.I)


def _course():
    return load_course(CONTENT)


def _items(course):
    """Every quiz item of every topic, in its topic's quiz or held in reserve."""
    return [q for t in course.topics for q in [*t.questions, *t.reserve_questions]]


def longest_guesser(items, is_keyed):
    """Expected score of always picking the longest option, and of picking at random.

    Parameters
    ----------
    items : list of list of (str, bool-like)
        For each item, its options as ``(text, value)``.
    is_keyed : callable
        ``value -> bool``: whether picking this option scores.

    Returns
    -------
    tuple of float
        ``(guesser, chance)``, both as a share of the items; ties for longest are split evenly.
    """
    guesser = chance = 0.0
    for options in items:
        longest = max(len(text) for text, _ in options)
        tied = [value for text, value in options if len(text) == longest]
        guesser += sum(bool(is_keyed(v)) for v in tied) / len(tied)
        chance += sum(bool(is_keyed(v)) for _, v in options) / len(options)
    return guesser / len(items), chance / len(items)


def rates(course):
    """The cue rates the tests assert, over ``course``: a dict of measurement -> value."""
    items = _items(course)
    single = [[(c["text"], c["correct"]) for c in q["choices"]] for q in items
              if q["type"] == "single"]
    judged = [[(r["text"], r["rating"]) for r in q["responses"]] for q in items
              if q["type"] == "judgement"]
    multiple = [q for q in items if q["type"] == "multiple"]
    scenes = []
    for topic in course.topics:
        for scenario in topic.scenarios:
            for node in scenario["nodes"].values():
                choices = node.get("choices", [])
                top = max((c.get("points", 0) for c in choices), default=0)
                if len(choices) > 1 and any(c.get("points", 0) < top for c in choices):
                    scenes.append([(c["text"], c.get("points", 0) == top) for c in choices])
    out = {}
    out["single"], out["single_chance"] = longest_guesser(single, bool)
    out["judgement"], out["judgement_chance"] = longest_guesser(judged, lambda r: r == "best")
    out["scenario"], out["scenario_chance"] = longest_guesser(scenes, bool)
    counts = [sum(c["correct"] for c in q["choices"]) for q in multiple]
    all_but_one = [n == len(q["choices"]) - 1 for n, q in zip(counts, multiple, strict=True)]
    out["all_but_one"] = sum(all_but_one) / len(multiple)
    out["correct_counts"] = sorted(set(counts))
    out["n"] = {"single": len(single), "judgement": len(judged), "multiple": len(multiple),
                "scenario nodes": len(scenes)}
    return out


def _graded_texts(course):
    """(where, text) for every piece of feedback, explanation, rationale and facilitator note."""
    for topic in course.topics:
        for q in [*topic.questions, *topic.reserve_questions]:
            yield f"{q['id']} explanation", q.get("explanation", "")
            for option in q.get("choices", []) + q.get("responses", []):
                yield f"{q['id']}/{option['id']}", option.get("feedback", option.get("rationale"))
        for scenario in topic.scenarios:
            for name, node in scenario["nodes"].items():
                yield f"{scenario['id']}/{name}", node.get("debrief", "")
                for choice in node.get("choices", []):
                    yield f"{scenario['id']}/{name} choice", choice["feedback"]
        path = CONTENT / topic.id / "facilitator.yaml"
        if path.is_file():
            notes = read_yaml(path).data
            for key in ("notes",):
                yield f"{topic.id}/facilitator.yaml", notes.get(key, "")
            for prompt in notes.get("discussion_prompts", []) + notes.get("pair_exercises", []):
                yield f"{topic.id}/facilitator.yaml", prompt


def test_a_longest_option_guesser_does_no_better_than_chance_plus_ten_points():
    measured = rates(_course())
    assert measured["single"] <= measured["single_chance"] + MARGIN, measured
    assert measured["judgement"] <= measured["judgement_chance"] + MARGIN, measured
    assert measured["scenario"] <= measured["scenario_chance"] + MARGIN, measured


def test_multiple_answer_items_are_rarely_all_but_one_and_vary_in_how_many_are_correct():
    measured = rates(_course())
    assert measured["all_but_one"] <= 0.5, measured
    assert len(measured["correct_counts"]) > 1, measured


def test_the_guesser_computation_catches_a_planted_cue():
    cued = [[("short", False), ("a much longer keyed option", True), ("mid one", False)]] * 4
    guesser, chance = longest_guesser(cued, bool)
    assert guesser == 1.0 and chance == pytest.approx(1 / 3)
    tied = [[("same", True), ("also", False)]]
    assert longest_guesser(tied, bool) == (0.5, 0.5)


@pytest.mark.parametrize("text, refers", [
    ("prep-q1: c is the only goal.", True),
    ("a, c and d. b asks for a favour", True),
    ("Unlike option b, this one works.", True),
    ("The key is (c).", True),
    ("A short message, e.g. a thank-you, is a good start.", False),
    ("Send a note and a link.", False),
    ("Plan A failed.", False),
    ("a medium-to-large effect, d = 0.65", False),
])
def test_the_letter_check_recognises_letter_references(text, refers):
    assert bool(_LETTER.search(text)) is refers


def test_feedback_explanations_and_facilitator_notes_never_name_an_option_by_letter():
    found = [(where, m.group(0)) for where, text in _graded_texts(_course())
             for m in _LETTER.finditer(text or "")]
    assert found == []


def test_no_option_is_all_or_none_of_the_above():
    texts = [(q["id"], o["text"]) for q in _items(_course())
             for o in q.get("choices", []) + q.get("responses", [])]
    assert [t for t in texts if _ALL_NONE.search(t[1])] == []


def _question_sentences(prompt):
    """The sentences of a stem that ask the question (the situation before them may be negative)."""
    return [s for s in re.split(r"(?<=[.?!])\s+", prompt) if s.endswith("?")]


def test_negative_stems_are_emphasised():
    plain = [q["id"] for q in _items(_course()) for sentence in _question_sentences(q["prompt"])
             if any(not w.isupper() for w in _NEGATIVE.findall(sentence))]
    assert plain == []


def test_the_negative_stem_check_reads_the_question_not_the_situation():
    assert _question_sentences("He has not replied. Which is best?") == ["Which is best?"]
    assert _NEGATIVE.findall("Which of these is not a good idea?") == ["not"]


def test_every_objective_of_every_mistake_topic_has_a_reserve_item():
    course = _course()
    missing = []
    for topic in course.topics:
        if topic.kind != "mistake":
            continue
        held = {o for q in topic.reserve_questions for o in q["objectives"]}
        missing += [o["id"] for o in topic.objectives if o["id"] not in held]
    assert missing == []


def test_every_item_keeps_its_feedback_and_a_why_line():
    items = _items(_course())
    assert [q["id"] for q in items if not q.get("explanation")] == []
    assert [q["id"] for q in items for o in q.get("choices", []) + q.get("responses", [])
            if not (o.get("feedback") or o.get("rationale"))] == []
