"""The history of default item versions: recording, loading, and corrected copies."""

import json

from netlearn.teaching import grading, item_history


def _item(qid, text="Text."):
    return {"id": qid, "type": "single", "prompt": "P?", "choices": [
        {"id": "a", "text": text, "correct": True, "feedback": "F."},
        {"id": "b", "text": "Other.", "correct": False, "feedback": "F."}]}


def test_recording_appends_new_versions_once_and_never_moves_them():
    old, new = _item("q1", "Old."), _item("q1", "New.")
    history = item_history.recorded({}, [old])
    history = item_history.recorded(history, [new, _item("q2")])
    assert history["q1"] == [grading.item_version(old), grading.item_version(new)]
    assert item_history.recorded(history, [old, new])["q1"] == history["q1"]
    assert list(history) == ["q1", "q2"]


def test_history_round_trips_through_its_file(tmp_path):
    history = item_history.recorded({}, [_item("q1")])
    path = tmp_path / "item-history.json"
    path.write_text(item_history.history_json(history), encoding="utf-8")
    assert item_history.load_history(path) == history
    assert "record_item_history" in json.loads(path.read_text())["about"]
    assert item_history.load_history(tmp_path / "missing.json") == {}


def test_the_shipped_history_is_readable_and_keyed_by_item_id():
    history = item_history.load_history()
    assert history  # recorded from the previous release's default items
    assert all(isinstance(v, list) and all(len(d) == 16 for d in v) for v in history.values())


def test_corrected_items_are_past_defaults_that_differ_from_the_current_default():
    old, new, own = _item("q1", "Old."), _item("q1", "New."), _item("q1", "Ours.")
    history = {"q1": [grading.item_version(old), grading.item_version(new)]}
    defaults = {"q1": new}
    assert item_history.corrected_items([old], defaults, history) == ["q1"]
    assert item_history.corrected_items([new], defaults, history) == []
    assert item_history.corrected_items([own], defaults, history) == []
    assert item_history.corrected_items([_item("q9")], defaults, history) == []
