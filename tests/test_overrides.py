"""Facilitator overrides through the real loader: edit, add a question, add a topic and run it."""

import copy
import json
import shutil

import pytest
import yaml

from netlearn import cli
from netlearn.facilitator.content_copy import copy_content
from netlearn.facilitator.notebook_builder import FACILITATOR_GUIDE, new_topic_notebook
from netlearn.plumbing.errors import ContentError
from netlearn.plumbing.paths import default_content_dir
from netlearn.teaching.content import check, course, load_course

NEW_ID = "07-salary-conversations"
NEW_PROMPT = "Which opener suits a first salary conversation with a mentor"
NEW_STATEMENT = "I know what I would ask a mentor about pay"


def edit_yaml(path, change):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def add_topic(content):
    """Add a whole new mistake topic (course.yaml entry + folder) to a content copy."""

    def append(data):
        data["topics"].append({
            "id": NEW_ID, "kind": "mistake", "mistake": "Avoiding money talk",
            "title": "Talk about pay", "minutes": 20,
            "key_question": "How do I ask about pay without spoiling the relationship?",
        })

    edit_yaml(content / "course.yaml", append)
    folder = content / NEW_ID
    folder.mkdir()
    files = {
        "topic.yaml": {
            "objectives": [{"id": "pay-obj", "text": "Open a conversation about pay politely."}],
            "tips": [{"id": "tip-pay", "text": "Ask about ranges, not about one person's pay."}],
            "key_points": ["Ask about ranges and how pay is set."],
        },
        "questions.yaml": {"questions": [
            {"id": "pay-q1", "type": "single", "prompt": NEW_PROMPT, "objectives": ["pay-obj"],
             "tips": ["tip-pay"], "choices": [
                 {"id": "a", "text": "What do you earn?", "correct": False,
                  "feedback": "Too personal."},
                 {"id": "b", "text": "What range is typical for this role?", "correct": True,
                  "feedback": "Specific and polite."}]},
            {"id": "pay-q2", "type": "multiple", "prompt": "Which are fair questions?",
             "objectives": ["pay-obj"], "tips": [], "choices": [
                 {"id": "a", "text": "How is pay set here?", "correct": True, "feedback": "Yes."},
                 {"id": "b", "text": "Can you get me a raise?", "correct": False,
                  "feedback": "Too soon."}]},
        ]},
        "self-assessment.yaml": {"statements": [{"id": "pay-s1", "text": NEW_STATEMENT}]},
        "reflections.yaml": {"prompts": [{"id": "pay-r1", "text": "Whom could you ask?"}]},
        "scenarios.yaml": {"scenarios": [{
            "id": "pay-coffee", "title": "Coffee with a mentor", "start": "start", "nodes": {
                "start": {"text": "Your mentor asks what is on your mind.", "choices": [
                    {"text": "Ask about typical ranges.", "next": "good-end",
                     "feedback": "Clear.", "points": 2},
                    {"text": "Change the subject.", "next": "poor-end", "feedback": "Missed.",
                     "points": 0}]},
                "good-end": {"ending": True, "outcome": "good", "debrief": "Well asked."},
                "poor-end": {"ending": True, "outcome": "poor", "debrief": "Next time."},
            }}]},
        "facilitator.yaml": {"notes": "Pay is a sensitive topic; keep it about ranges.",
                             "timings": [{"segment": "Teaching", "minutes": 20}],
                             "discussion_prompts": ["Why is pay hard to talk about?"],
                             "pair_exercises": ["Practise the opener in pairs."]},
    }
    for name, data in files.items():
        (folder / name).write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return content


@pytest.fixture
def content(tmp_path):
    return copy_content(tmp_path / "content")


def test_a_changed_prompt_is_seen_and_the_default_is_unchanged(content):
    path = content / "01-preparation" / "questions.yaml"
    edit_yaml(path, lambda d: d["questions"][0].update(prompt="Our own wording of question 1"))
    mine = load_course(content)
    assert mine.topic("01-preparation").questions[0]["prompt"] == "Our own wording of question 1"
    assert mine.sources["01-preparation/questions.yaml"] == path
    default = load_course()
    assert default.topic("01-preparation").questions[0]["prompt"] != "Our own wording of question 1"
    assert default.sources["01-preparation/questions.yaml"].is_relative_to(default_content_dir())


def test_only_the_changed_file_needs_to_be_in_the_override(tmp_path):
    sparse = tmp_path / "sparse"
    (sparse / "01-preparation").mkdir(parents=True)
    shutil.copy(default_content_dir() / "01-preparation" / "facilitator.yaml",
                sparse / "01-preparation" / "facilitator.yaml")
    edit_yaml(sparse / "01-preparation" / "facilitator.yaml",
              lambda d: d["timings"].append({"segment": "Our local careers fair", "minutes": 5}))
    loaded = load_course(sparse)
    segments = [t["segment"] for t in loaded.topic("01-preparation").facilitator["timings"]]
    assert segments[-1] == "Our local careers fair"
    assert loaded.sources["course.yaml"] == default_content_dir() / "course.yaml"


def test_netlearn_content_environment_variable_is_the_default_layer(content, monkeypatch):
    edit_yaml(content / "course.yaml", lambda d: d["topics"][1].update(minutes=77))
    monkeypatch.setenv("NETLEARN_CONTENT", str(content))
    assert course().topic("01-preparation").minutes == 77
    monkeypatch.delenv("NETLEARN_CONTENT")
    assert course().topic("01-preparation").minutes != 77


def test_an_added_question_is_loaded(content):
    def add(data):
        first = copy.deepcopy(data["questions"][0])  # no shared nodes: no YAML aliases
        data["questions"].append({**first, "id": "prep-q-local", "prompt": "A local question"})

    edit_yaml(content / "01-preparation" / "questions.yaml", add)
    topic = load_course(content).topic("01-preparation")
    assert topic.question("prep-q-local")["prompt"] == "A local question"
    assert len(topic.questions) == len(load_course().topic("01-preparation").questions) + 1


def test_an_invalid_override_is_reported_not_replaced_by_the_default(content):
    path = content / "01-preparation" / "questions.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.lstrip().startswith("- id:"))
    lines[index + 1] = "\t" + lines[index + 1].lstrip()
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_course(content)
    assert caught.value.path == str(path)
    assert caught.value.line in (index + 1, index + 2)
    assert str(caught.value).startswith(f"{path}:")
    problems = check(content)
    assert problems and problems[0].path == str(path)


def test_a_broken_reference_in_an_override_names_its_file(content):
    path = content / "01-preparation" / "questions.yaml"
    edit_yaml(path, lambda d: d["questions"][0].update(objectives=["no-such-objective"]))
    problems = check(content)
    assert any(p.path == str(path) and "no-such-objective" in str(p) for p in problems)


def test_a_new_topic_needs_its_notebook_and_gets_one_from_the_cli(content, tmp_path, capsys):
    add_topic(content)
    notebooks = tmp_path / "notebooks"
    assert load_course(content).topic(NEW_ID).questions[0]["prompt"] == NEW_PROMPT
    assert cli.main(["content", "notebook", NEW_ID, "--content", str(content),
                     "--out", str(notebooks)]) == 0
    assert f"wrote {notebooks / (NEW_ID + '.ipynb')}" in capsys.readouterr().out
    assert cli.main(["content", "notebook", NEW_ID, "--content", str(content),
                     "--out", str(notebooks)]) == 1
    assert "already exists" in capsys.readouterr().err
    problems = check(content, check_notebooks=notebooks)
    assert all(NEW_ID not in str(p) for p in problems)  # the others' notebooks are elsewhere


def test_a_new_topic_notebook_runs_and_shows_the_new_question(content, tmp_path, monkeypatch):
    nbclient = pytest.importorskip("nbclient")
    import nbformat

    add_topic(content)
    path = new_topic_notebook(NEW_ID, tmp_path / "notebooks", load_course(content))
    monkeypatch.setenv("NETLEARN_CONTENT", str(content))
    monkeypatch.setenv("NETLEARN_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("NETLEARN_FACILITATOR", "1")

    def run(notebook_path):
        notebook = nbformat.read(notebook_path, as_version=4)
        client = nbclient.NotebookClient(
            notebook, timeout=180, kernel_name="python3",
            resources={"metadata": {"path": str(notebook_path.parent)}})
        client.execute()
        errors = [o for c in notebook.cells for o in c.get("outputs", [])
                  if o.get("output_type") == "error"]
        assert errors == []
        return json.dumps(notebook, ensure_ascii=False)

    executed = run(path)
    assert NEW_PROMPT in executed
    assert NEW_STATEMENT in executed
    assert "Coffee with a mentor" in executed or "Your mentor asks" in executed
    # the notes live in the facilitator guide, not in the learner's notebook (mode on or off)
    assert "Pay is a sensitive topic" not in executed
    monkeypatch.delenv("NETLEARN_FACILITATOR")  # the guide turns the mode on for itself
    guide = run(path.parent / FACILITATOR_GUIDE)
    assert "Pay is a sensitive topic" in guide
    assert "Why is pay hard to talk about?" in guide


# -- item-quality warnings and corrected defaults (`netlearn check`) ------------------

LONG_KEY = ("Have two real conversations with people who work on accessible design, agree a"
            " next step with one of them, and write down afterwards what you learned from each")


def plant_cue(content):
    """A facilitator's prep-q24 with a keyed option far the longest and "none of the above"."""
    path = content / "01-preparation" / "questions.yaml"

    def change(data):
        choices = data["questions"][0]["choices"]  # prep-q24, keyed 'b'
        choices[1]["text"] = LONG_KEY
        choices[3]["text"] = "None of the above."
        for choice in (choices[0], choices[2]):
            choice["text"] = choice["text"][:60]

    edit_yaml(path, change)
    return path


def line_of(path, text) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if text in line)


def test_a_planted_cue_is_a_path_line_warning_and_an_error_under_strict(
        tmp_path, monkeypatch, capsys):
    sparse = tmp_path / "ours"
    (sparse / "01-preparation").mkdir(parents=True)
    shutil.copy(default_content_dir() / "01-preparation" / "questions.yaml",
                sparse / "01-preparation" / "questions.yaml")
    path = plant_cue(sparse)
    monkeypatch.setenv("NETLEARN_CONTENT", str(sparse))
    assert cli.main(["check"]) == 0
    out, err = capsys.readouterr()
    long_line = line_of(path, LONG_KEY[:40])
    assert (f"{path}:{long_line}: warning: question 'prep-q24': the correct option 'b' is the"
            " longest") in out
    assert f"{path}:{line_of(path, 'None of the above.')}: warning: question 'prep-q24': option" \
           " 'd' says 'None of the above'" in out
    assert "item-quality warning(s) (not errors; --strict makes them errors)" in err
    assert "ok: default content" in out
    assert cli.main(["check", "--strict"]) == 1
    out, err = capsys.readouterr()
    assert f"{path}:{long_line}: warning:" in out
    assert "errors under --strict" in err


def test_check_notes_a_copied_item_the_defaults_have_since_corrected(content, monkeypatch,
                                                                     capsys):
    from netlearn.teaching import grading, item_history

    path = content / "01-preparation" / "questions.yaml"
    edit_yaml(path, lambda d: d["questions"][1]["choices"][0].update(text="An old wording."))
    old = grading.item_version(load_course(content).topic("01-preparation").question("prep-q25"))
    current = grading.item_version(load_course().topic("01-preparation").question("prep-q25"))
    monkeypatch.setattr(item_history, "load_history",
                        lambda: {"prep-q25": [old, current], "prep-q24": ["0123456789abcdef"]})
    assert cli.main(["check", str(content)]) == 0  # a note never fails the check
    out = capsys.readouterr().out
    assert (f"{path}:{line_of(path, 'id: prep-q25')}: note: the defaults have since corrected"
            " item 'prep-q25'; compare with `netlearn content copy`") in out
    assert "'prep-q24'; compare" not in out  # a copy equal to the current default is fine
    monkeypatch.setattr(item_history, "load_history", lambda: {"prep-q25": [current]})
    cli.main(["check", str(content)])
    assert "since corrected" not in capsys.readouterr().out  # not a past default: their own
