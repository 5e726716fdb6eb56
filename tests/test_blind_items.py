"""tools/blind_items.py: the items as a blind reader sees them, and the key to score the reading."""

import importlib.util
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load():
    spec = importlib.util.spec_from_file_location("blind_items", ROOT / "tools" / "blind_items.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


blind_items = _load()

SINGLE = {"id": "x-q1", "type": "single", "prompt": "Which goal?", "objectives": ["x-obj"],
          "explanation": "SECRET-EXPLANATION", "choices": [
              {"id": "a", "text": "Keyed option", "correct": True, "feedback": "SECRET-FEEDBACK"},
              {"id": "b", "text": "Second option", "correct": False, "feedback": "No."},
              {"id": "c", "text": "Third option", "correct": False, "feedback": "No."},
              {"id": "d", "text": "Fourth option", "correct": False, "feedback": "No."}]}
JUDGED = {"id": "x-q2", "type": "judgement", "prompt": "How good?", "situation": "A situation.",
          "objectives": ["x-obj"], "responses": [
              {"id": "a", "text": "Best response", "rating": "best", "rationale": "SECRET-WHY"},
              {"id": "b", "text": "Fair response", "rating": "acceptable", "rationale": "Ok."},
              {"id": "c", "text": "Weak response", "rating": "poor", "rationale": "No."}]}
MULTIPLE = {"id": "x-q3", "type": "multiple", "prompt": "Select all.", "objectives": ["x-obj"],
            "choices": [
                {"id": "a", "text": "Right one", "correct": True, "feedback": "Yes."},
                {"id": "b", "text": "Right two", "correct": True, "feedback": "Yes."},
                {"id": "c", "text": "Wrong one", "correct": False, "feedback": "No."}]}
ITEMS = [("quiz", SINGLE), ("reserve", JUDGED), ("pretest", MULTIPLE)]


def _options(markdown, label):
    """The option lines shown under blind number ``label``: ``{letter: text}``."""
    block = markdown.split(f"**{label}.**", 1)[1].split("\n\n**", 1)[0].split("\n## ", 1)[0]
    return dict(re.findall(r"^- ([A-Z])\. (.+)$", block, re.M))


def test_the_blind_file_shows_stems_and_options_and_nothing_that_gives_the_key_away():
    markdown, key = blind_items.blind(ITEMS, seed=3)
    for secret in ("SECRET", "x-q1", "x-q2", "x-obj", "correct", "acceptable", "poor", "reserve",
                   "pretest"):
        assert secret not in markdown
    assert "A situation. How good?" in markdown
    assert markdown.index("## Single") < markdown.index("## Judgement") < markdown.index(
        "## Multiple")
    assert set(key) == {"S1", "J1", "M1"}


def test_the_key_names_the_letters_the_reader_saw():
    markdown, key = blind_items.blind(ITEMS, seed=3)
    assert _options(markdown, "S1")[key["S1"]["answer"]] == "Keyed option"
    assert [_options(markdown, "J1")[letter] for letter in key["J1"]["answer"]] == [
        "Best response"]
    assert sorted(_options(markdown, "M1")[letter] for letter in key["M1"]["answer"]) == [
        "Right one", "Right two"]
    assert (key["S1"]["id"], key["J1"]["pool"], key["M1"]["pool"]) == ("x-q1", "reserve", "pretest")


def test_the_same_seed_gives_the_same_file_and_other_seeds_shuffle_the_options():
    assert blind_items.blind(ITEMS, seed=5) == blind_items.blind(ITEMS, seed=5)
    orders = {tuple(_options(blind_items.blind(ITEMS, seed=s)[0], "S1").values())
              for s in range(12)}
    assert len(orders) > 1


def test_scoring_counts_the_key_the_best_response_and_the_exact_set():
    _, key = blind_items.blind(ITEMS, seed=3)
    right = {"S1": key["S1"]["answer"], "J1": key["J1"]["answer"][0], "M1": key["M1"]["answer"]}
    assert {k: v["scored"] for k, v in blind_items.score(key, right).items()} == {
        "single": 1, "judgement": 1, "multiple": 1}
    partial = dict(right, M1=key["M1"]["answer"][:1], S1=None)
    scored = blind_items.score(key, partial)
    assert (scored["single"]["scored"], scored["multiple"]["scored"]) == (0, 0)


def test_chance_is_one_in_n_for_single_items_and_one_exact_set_for_multiple_ones():
    _, key = blind_items.blind(ITEMS, seed=3)
    assert blind_items.chance(key["S1"]) == pytest.approx(1 / 4)
    assert blind_items.chance(key["J1"]) == pytest.approx(1 / 3)
    assert blind_items.chance(key["M1"]) == pytest.approx(1 / 7)


def test_the_tool_writes_every_default_item_once_with_its_key(tmp_path):
    out = tmp_path / "blind.md"
    assert blind_items.main([str(out)]) == 0
    key = json.loads(out.with_suffix(".key.json").read_text(encoding="utf-8"))
    ids = [entry["id"] for entry in key.values()]
    assert len(ids) == len(set(ids))
    assert {entry["pool"] for entry in key.values()} == {"quiz", "reserve", "pretest"}
    assert all(f"**{label}.**" in out.read_text(encoding="utf-8") for label in key)


def test_parts_hold_every_item_once_with_each_type_spread_across_them():
    items = [(p, dict(q, id=f"{q['id']}-{n}")) for n in range(4) for p, q in ITEMS]
    hands = blind_items.dealt(items, 3, seed=5)
    ids = [q["id"] for hand in hands for _, q in hand]
    assert sorted(ids) == sorted(q["id"] for _, q in items)
    for kind in ("single", "judgement", "multiple"):
        per_part = [sum(q["type"] == kind for _, q in hand) for hand in hands]
        assert max(per_part) - min(per_part) <= 1, (kind, per_part)


def test_parts_are_written_with_a_key_each_and_scored_together(tmp_path, monkeypatch, capsys):
    items = [(p, dict(q, id=f"{q['id']}-{n}")) for n in range(2) for p, q in ITEMS]
    monkeypatch.setattr(blind_items, "every_item", lambda course: items)
    monkeypatch.setattr(blind_items, "_default_course", lambda: None)
    assert blind_items.main([str(tmp_path / "b.md"), "--parts", "2", "--seed", "9"]) == 0
    pairs = []
    for n in (1, 2):
        key = json.loads((tmp_path / f"b.part{n}.key.json").read_text())
        assert "SECRET" not in (tmp_path / f"b.part{n}.md").read_text()
        # answer every single item rightly and every other item wrongly
        answers = {label: (e["answer"] if e["type"] == "single" else "Z")
                   for label, e in key.items()}
        (tmp_path / f"a{n}.json").write_text(json.dumps(answers))
        pairs += [str(tmp_path / f"b.part{n}.key.json"), str(tmp_path / f"a{n}.json")]
    capsys.readouterr()
    assert blind_items.main(["--score", *pairs]) == 0
    printed = capsys.readouterr().out
    assert "single: 2 of 2 (100%)" in printed
    assert "judgement: 0 of 2 (0%)" in printed and "multiple: 0 of 2 (0%)" in printed
