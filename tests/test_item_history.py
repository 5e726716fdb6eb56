"""The history of default item versions: recording, loading, and corrected copies."""

import json

from netlearn.teaching import grading, item_history


def _item(qid, text="Text."):
    return {"id": qid, "type": "single", "prompt": "P?", "choices": [
        {"id": "a", "text": text, "correct": True, "feedback": "F."},
        {"id": "b", "text": "Other.", "correct": False, "feedback": "F."}]}


def test_recording_appends_new_versions_once_and_never_moves_them():
    old, new = _item("q1", "Old."), _item("q1", "New.")
    history = item_history.recorded({}, [old])  # a new history: no first-scheme versions
    history = item_history.recorded(history, [new, _item("q2")])
    assert history["q1"] == [grading.item_version(old), grading.item_version(new)]
    assert item_history.recorded(history, [old, new])["q1"] == history["q1"]
    assert list(history) == ["q1", "q2"]


def test_the_first_recording_after_the_stem_counts_maps_first_scheme_versions_once():
    old, now = _item("q1", "Old."), _item("q1", "Now.")
    first_scheme = {"q1": [grading.legacy_item_version(old)]}  # a release before the stem
    history = item_history.recorded(first_scheme, [now, _item("q2")])
    legacy, version = grading.legacy_item_version(now), grading.item_version(now)
    assert history["q1"] == [grading.legacy_item_version(old), legacy, version]
    assert history.same_content["q1"] == {legacy: version}
    # Later recordings never map again: a first-scheme digest cannot see a stem rewrite.
    restemmed = {**now, "prompt": "A new stem?"}
    later = item_history.recorded(history, [restemmed])
    assert later.same_content == history.same_content
    assert later["q1"] == [*history["q1"], grading.item_version(restemmed)]
    assert item_history.recorded(later, [now, restemmed]) == later
    # An answer stored with the first scheme counts until the item changes.
    saved = {"answer": "a", "version": legacy}
    assert grading.current_results([now], {"q1": saved}, later)[0]["q1"].correct
    assert grading.current_results([restemmed], {"q1": saved}, later)[1] == ["q1"]


def test_history_round_trips_through_its_file(tmp_path):
    history = item_history.recorded({"q1": ["0" * 16]}, [_item("q1")])
    path = tmp_path / "item-history.json"
    path.write_text(item_history.history_json(history), encoding="utf-8")
    loaded = item_history.load_history(path)
    assert loaded == history and loaded.same_content == history.same_content
    assert "record_item_history" in json.loads(path.read_text())["about"]
    assert item_history.load_history(tmp_path / "missing.json") == {}


def test_the_shipped_history_is_readable_and_keyed_by_item_id():
    history = item_history.load_history()
    assert history  # recorded from the previous release's default items
    assert all(isinstance(v, list) and all(len(d) == 16 for d in v) for v in history.values())


def test_the_shipped_history_has_every_default_item_now_and_maps_first_scheme_versions():
    # The map from first-scheme versions (options and key only) to the stem-counting scheme was
    # written once, when the scheme changed; items rewritten since then have no first-scheme
    # answers to recognise, so only the map's own entries must point at recorded versions.
    from netlearn.teaching.content import load_course

    history = item_history.load_history()
    items = [q for t in load_course().topics
             for q in (*t.questions, *t.reserve_questions, *t.pretest_questions)]
    for question in items:
        assert grading.item_version(question) in history[question["id"]], question["id"]
    assert history.same_content, "the first-scheme map is empty"
    for item_id, mapping in history.same_content.items():
        for legacy, version in mapping.items():
            recorded = history[item_id]
            assert legacy in recorded and version in recorded, item_id
            assert recorded.index(legacy) < recorded.index(version), item_id


def test_corrected_items_are_past_defaults_that_differ_from_the_current_default():
    old, new, own = _item("q1", "Old."), _item("q1", "New."), _item("q1", "Ours.")
    history = {"q1": [grading.item_version(old), grading.item_version(new)]}
    defaults = {"q1": new}
    assert item_history.corrected_items([old], defaults, history) == ["q1"]
    assert item_history.corrected_items([new], defaults, history) == []
    assert item_history.corrected_items([own], defaults, history) == []
    assert item_history.corrected_items([_item("q9")], defaults, history) == []


def test_a_copy_made_before_the_stem_counted_is_recognised_by_its_options_and_key():
    old, new = _item("q1", "Old."), _item("q1", "New.")
    history = item_history.recorded({"q1": [grading.legacy_item_version(old)]}, [new])
    defaults = {"q1": new}
    assert item_history.corrected_items([old], defaults, history) == ["q1"]
    own_stem = {**new, "prompt": "Our own stem?"}  # their edit of the current default
    assert item_history.corrected_items([own_stem], defaults, history) == []
