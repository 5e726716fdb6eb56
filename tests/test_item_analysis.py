"""The facilitator's item analysis, checked against cohorts computed by hand."""

from __future__ import annotations

import json
import math

import pytest

from netlearn.facilitator import item_analysis as ia
from netlearn.facilitator.cohort import analysis_report, run_cohort

KEYS = {"q1": {"a": False, "b": True, "c": False}, "q2": {"a": True, "b": False},
        "q3": {"a": True, "b": False, "c": True},
        "j1": {"a": "best", "b": "acceptable", "c": "poor"}}
VERSIONS = {item: f"{n}" * 16 for n, item in enumerate(KEYS, start=1)}
RIGHT_RATINGS = {"a": "best", "b": "acceptable", "c": "poor"}

# The hand-computed cohort: 20 learners in three groups that answer alike.
#
#            q1 (key b)   q2 (key a)   q3 (key a, c)   j1 (a best, b acceptable, c poor)
#   H (8)    b    ✓       a    ✓       a, c   ✓        best/acceptable/poor     ✓ (1)
#   M (7)    b    ✓       a    ✓       a      ✗        best/poor/poor           ✓ (2.5/3)
#   L (5)    c    ✗       a    ✓       a, c   ✓        poor/acceptable/best     ✗ (1/3)
GROUPS = [
    (8, {"q1": (["b"], True), "q2": (["a"], True), "q3": (["a", "c"], True),
         "j1": (RIGHT_RATINGS, True)}),
    (7, {"q1": (["b"], True), "q2": (["a"], True), "q3": (["a"], False),
         "j1": ({"a": "best", "b": "poor", "c": "poor"}, True)}),
    (5, {"q1": (["c"], False), "q2": (["a"], True), "q3": (["a", "c"], True),
         "j1": ({"a": "poor", "b": "acceptable", "c": "best"}, False)}),
]


def summary(number: int, picks: dict, fmt: int = 3) -> dict:
    """A format-3 summary whose one quiz holds ``picks``: item -> (chosen, right first)."""
    answers = {item: {"version": VERSIONS[item], "chosen": chosen, "score": float(right),
                      "max": 1.0, "correct": right, "attempts": 1,
                      "after_retries": {"score": float(right), "correct": right}}
               for item, (chosen, right) in picks.items()}
    right = sum(a["correct"] for a in answers.values())
    quiz = {"scoring": "first attempt", "score": float(right), "max": float(len(answers)),
            "answered": len(answers), "correct": right,
            "after_retries": {"score": float(right), "max": float(len(answers)),
                              "answered": len(answers), "correct": right},
            "items": len(KEYS), "item_versions": dict(VERSIONS), "item_keys": KEYS,
            "answers": answers}
    return {"format": "netlearn-summary", "version": fmt, "summary_id": f"{number:032x}",
            "exported_on": "2025-03-14",
            "course": {"title": "T", "content_version": 1, "fingerprint": "f" * 64},
            "topics": {"01-preparation": {"kind": "mistake", "quiz": quiz,
                                          "reflections_written": 0, "status": "started",
                                          "completed": False}},
            "activity": {}}


def cohort() -> list[dict]:
    learners = []
    for size, picks in GROUPS:
        for _ in range(size):
            learners.append(summary(len(learners) + 1, picks))
    return learners


def test_p_option_counts_and_discrimination_match_the_hand_computation():
    table = ia.item_analysis(cohort()).set_index("item")
    assert (table["learners"] == 20).all() and table["current"].all()
    # p: share right on the first try. q1: H + M = 15 of 20; q2: all 20; q3: H + L = 13;
    # j1: H + M = 15.
    assert table["p"].to_dict() == {"q1": 0.75, "q2": 1.0, "q3": 0.65, "j1": 0.75}
    # Option counts on the first try: q1 b by H + M (15), c by L (5); q3 a by everyone (20),
    # c by H + L (13); j1's responses rated best/acceptable/poor.
    assert table.loc["q1", "options"] == "a 0 · b* 15 · c 5"
    assert table.loc["q2", "options"] == "a* 20 · b 0"
    assert table.loc["q3", "options"] == "a* 20 · b 0 · c* 13"
    assert table.loc["j1", "options"] == "a(best) 15/0/5 · b(acceptable) 0/13/7 · c(poor) 5/0/15"
    # Discrimination: point-biserial of the item against the rest score (the share of the
    # other three items right).
    # q1: rest H = 3/3 = 1, M = (q2, q3, j1) = 2/3, L = (q2, q3, j1) = 2/3.
    #   M1 (right: H, M) = (8 * 1 + 7 * 2/3) / 15 = 38/45; M0 (L) = 2/3.
    #   mean = (8 + 12 * 2/3) / 20 = 0.8; mean of squares = (8 + 12 * 4/9) / 20 = 2/3;
    #   s = sqrt(2/3 - 0.64) = 0.163299; sqrt(p q) = sqrt(0.75 * 0.25) = 0.433013.
    #   r = (38/45 - 2/3) / 0.163299 * 0.433013 = 0.471.
    assert table.loc["q1", "discrimination"] == 0.471
    # j1: rest H = 1, M = (q1, q2, q3) = 2/3, L = 2/3, right H and M: the same as q1.
    assert table.loc["j1", "discrimination"] == 0.471
    # q3: rest H = 1, M = (q1, q2, j1) = 1, L = (q1, q2, j1) = 1/3.
    #   M1 (right: H, L) = (8 + 5/3) / 13 = 29/39; M0 (M) = 1.
    #   mean = (15 + 5/3) / 20 = 5/6; mean of squares = (15 + 5/9) / 20 = 7/9;
    #   s = sqrt(7/9 - 25/36) = sqrt(1/12) = 0.288675; sqrt(0.65 * 0.35) = 0.476970.
    #   r = (29/39 - 1) / 0.288675 * 0.476970 = -0.424: the weaker learners got it right.
    assert table.loc["q3", "discrimination"] == -0.424
    # q2: everyone right, so nothing to correlate.
    assert math.isnan(table.loc["q2", "discrimination"])
    assert table.loc["q1", "flags"] == "" and table.loc["j1", "flags"] == ""
    assert table.loc["q2", "flags"] == "too easy (p > 0.9)"
    assert table.loc["q3", "flags"] == "misleading: negative discrimination"
    assert table.loc["q3", "key"] == "a c" and table.loc["j1", "key"] == \
        "a:best b:acceptable c:poor"


def test_the_point_biserial_is_pearsons_r_of_the_two():
    pairs = [(True, 1.0), (True, 2 / 3), (False, 2 / 3), (False, 0.0), (True, 0.5)]
    xs = [float(ok) for ok, _ in pairs]
    ys = [score for _, score in pairs]
    mx, my = sum(xs) / 5, sum(ys) / 5
    pearson = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / math.sqrt(
        sum((x - mx) ** 2 for x in xs) * sum((y - my) ** 2 for y in ys))
    assert ia.point_biserial(pairs) == pytest.approx(pearson)
    assert ia.point_biserial([(True, 1.0), (True, 0.5)]) is None  # nobody wrong
    assert ia.point_biserial([(True, 0.5), (False, 0.5)]) is None  # the rest does not vary


def test_below_twenty_learners_there_is_no_discrimination_and_below_five_no_p():
    nineteen = cohort()[:19]
    table = ia.item_analysis(nineteen).set_index("item")
    assert table["discrimination"].isna().all()
    assert table.loc["q1", "p"] == round(15 / 19, 3)
    four = ia.item_analysis(cohort()[:4]).set_index("item")
    assert four["p"].isna().all() and (four["options"] == "").all()
    assert (four["flags"] == "").all() and (four["learners"] == 4).all()


def test_a_distractor_chosen_more_than_the_key_is_misleading():
    # Five learners: q1's distractor c chosen by 3, the key b by 2 (p = 2/5 = 0.4);
    # j1's response c (the course: poor) rated best by 3 and poor by 2.
    wrong_j1 = {"a": "best", "b": "acceptable", "c": "best"}
    learners = [summary(i, {"q1": (["c"], False), "j1": (wrong_j1, False)}) for i in range(3)]
    learners += [summary(i, {"q1": (["b"], True), "j1": (RIGHT_RATINGS, True)})
                 for i in range(3, 5)]
    table = ia.item_analysis(learners).set_index("item")
    assert table.loc["q1", "p"] == 0.4
    assert table.loc["q1", "options"] == "a 0 · b* 2 · c 3"
    assert table.loc["q1", "flags"] == "misleading: option c chosen more often than the key"
    assert table.loc["j1", "flags"] == "misleading: response c rated best more often than poor"
    hard = [summary(i, {"q1": (["c"], False)}) for i in range(4)] + [summary(4, {
        "q1": (["b"], True)})]  # p = 1/5 = 0.2
    assert ia.item_analysis(hard).loc[0, "flags"] == (
        "too hard (p < 0.3); misleading: option c chosen more often than the key")


def test_option_table_counts_every_option_and_rating():
    rows = ia.option_table(cohort())
    q1 = rows[rows["item"] == "q1"].set_index("option")
    assert q1["learners"].to_dict() == {"a": 0, "b": 15, "c": 5}
    assert q1.loc["b", "course"] == "correct" and q1.loc["c", "course"] == "not correct"
    j1 = rows[(rows["item"] == "j1") & (rows["option"] == "b")].set_index("answer")
    assert j1["learners"].to_dict() == {"best": 0, "acceptable": 13, "poor": 7}
    assert (j1["course"] == "acceptable").all()
    assert ia.option_table(cohort()[:4]).empty  # fewer than five learners: no counts


def test_answers_to_another_version_are_analysed_apart_and_left_out_of_the_rest_score():
    learners = cohort()
    for learner in learners[:3]:  # three answered an earlier q2
        learner["topics"]["01-preparation"]["quiz"]["answers"]["q2"]["version"] = "9" * 16
    table = ia.item_analysis(learners, min_learners=3)
    q2 = table[table["item"] == "q2"].set_index("version")
    assert q2.loc["9" * 16, "learners"] == 3 and not q2.loc["9" * 16, "current"]
    assert q2.loc[VERSIONS["q2"], "learners"] == 17
    # The earlier q2 is not in anyone's rest score: H's rest for q1 is then (q3, j1) = 1 for
    # those three as well, so q1's index is unchanged.
    assert table.set_index("item").loc["q1", "discrimination"] == 0.471


def test_cohort_prints_and_writes_the_analysis(tmp_path, capsys):
    files = []
    for number, learner in enumerate(cohort()):
        path = tmp_path / "in" / f"s{number:02d}.json"
        path.parent.mkdir(exist_ok=True)
        path.write_text(json.dumps(learner), encoding="utf-8")
        files.append(path)
    assert run_cohort(files, tmp_path / "out") == 0
    out = capsys.readouterr().out
    assert "Item analysis of first attempts (20 learner(s)" in out
    assert "point-biserial" in out
    lines = {line.split()[1]: line for line in out.splitlines()
             if line.startswith("01-preparation")}
    assert "0.65" in lines["q3"] and "-0.42" in lines["q3"]
    assert "misleading: negative discrimination" in lines["q3"]
    assert "b* 15" in lines["q1"] and "+0.47" in lines["q1"]
    csv = (tmp_path / "out" / "item_analysis.csv").read_text(encoding="utf-8").splitlines()
    assert csv[0] == ",".join(ia.ANALYSIS_COLUMNS) and len(csv) == 1 + 4
    assert (tmp_path / "out" / "options.csv").stat().st_size > 0


def test_the_report_says_when_there_is_no_first_attempt_summary():
    old = summary(1, {"q1": (["b"], True)}, fmt=2)
    assert "no summary scores quizzes on first attempts" in analysis_report([old])
