"""Core tasks: task.yaml is checked like all content, and the drafts the task tools build."""

from __future__ import annotations

import pytest
import yaml

from netlearn.teaching import drafting, tasks
from netlearn.teaching.content import check, load_course
from tests.helpers import default_course, write_retrieval_course

TASK = {
    "id": "t1-task",
    "title": "Your follow-up",
    "tool": "follow-up",
    "prompt": "Write the follow-up you owe someone.",
    "invented": {"description": "Ana, met on Tuesday.",
                 "fields": {"name": "Ana Lima", "detail": "screen readers"}},
    "model_answer": "Hi Ana, thanks for Tuesday.",
    "checklist": [{"id": f"t1-task-{n}", "text": f"Point {n}."} for n in range(1, 5)],
}


@pytest.fixture
def content(tmp_path):
    write_retrieval_course(tmp_path / "content", pretest=False)
    return tmp_path / "content"


def write_task(content, task: dict, topic: str = "t1"):
    path = content / topic / "task.yaml"
    path.write_text(yaml.safe_dump(task, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def problems(content) -> list[str]:
    return [str(p) for p in check(content)]


def line_of(path, text: str) -> int:
    return next(n for n, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if text in row)


def test_a_task_loads_onto_its_topic(content):
    write_task(content, dict(TASK, checklist=[*TASK["checklist"],
                                              {"id": "t1-task-5", "text": "Five.",
                                               "tip": "t1-tip"}]))
    course = load_course(content)
    assert course.topic("t1").task["tool"] == "follow-up"
    assert course.topic("t2").task is None


@pytest.mark.parametrize(("change", "at", "words"), [
    ({"tool": "telegram"}, "tool:", "telegram"),
    ({"checklist": TASK["checklist"][:3]}, "checklist:", "is too short"),
    ({"invented": {"description": "Ana."}}, "invented:", "'fields' is a required property"),
    ({"invented": {"description": "Ana.", "fields": {"nickname": "Ana"}}}, "nickname",
     "the follow-up tool has no field 'nickname'"),
    ({"checklist": [*TASK["checklist"][:3], {"id": "t1-task-4", "text": "x", "tip": "nope"}]},
     "tip: nope", "names tip 'nope', which is not in t1/topic.yaml"),
    ({"checklist": [*TASK["checklist"][:3], {"id": "t1-q1", "text": "x"}]}, "id: t1-q1",
     "duplicate id 't1-q1'"),
], ids=["unknown-tool", "short-checklist", "no-fields", "unknown-field", "unknown-tip",
        "duplicate-id"])
def test_a_bad_task_is_one_line_naming_file_and_line(content, change, at, words):
    path = write_task(content, dict(TASK, **change))
    found = problems(content)
    assert found, "expected a problem"
    assert found[0].startswith(f"{path}:{line_of(path, at)}: "), found[0]
    assert words in found[0] and "\n" not in found[0]


def test_every_invented_field_is_one_the_tool_has():
    for tool, fields in tasks.TOOLS.items():
        assert fields and len(set(fields)) == len(fields), tool


def test_the_default_core_tasks():
    course = default_course()
    tools = {t.id: t.task["tool"] for t in course.topics if t.task}
    assert tools == {"01-preparation": "event-plan", "02-giving-not-just-taking": "offer",
                     "03-following-up": "follow-up", "04-online-networking": "connection-note",
                     "05-maintaining-relationships": "reconnect"}
    for topic in course.mistakes:
        task = topic.task
        assert 4 <= len(task["checklist"]) <= 6
        assert set(task["invented"]["fields"]) <= set(tasks.TOOLS[task["tool"]])
        assert any("tip" in point for point in task["checklist"]), topic.id
        assert task["invented"]["fields"].get("name") or topic.id == "01-preparation"


def test_saved_task_reads_the_draft_and_keeps_only_known_ticks():
    reflections = {("t1", "t1-task"): {"text": "Hi Ana", "updated_at": "2026-03-02T10:00:00"}}
    state = tasks.task_state(["t1-task-3", "gone", "t1-task-1"], tasks.INVENTED)
    saved = tasks.saved_task(TASK, reflections, state, "t1")
    assert saved == tasks.SavedTask("Hi Ana", ("t1-task-1", "t1-task-3"), "invented",
                                    "2026-03-02T10:00:00")
    assert saved.done
    empty = tasks.saved_task(TASK, {}, "junk", "t1")
    assert empty == tasks.SavedTask() and not empty.done
    assert tasks.setting_key("t1") == "core_task:t1"


# -- the drafts ----------------------------------------------------------------------------


def test_an_event_plan_and_its_checks():
    plan = drafting.build_event_plan(
        " the  Design Meetup ", "two real conversations", "Dr Lee: her study", "",
        "What surprised you?", "If I know no one, then I'll ask the host")
    assert plan.splitlines() == [
        "My plan for the Design Meetup", "Goal: two real conversations",
        "People I'd like to meet: Dr Lee: her study", "A question to ask: What surprised you?",
        "If–then: If I know no one, then I'll ask the host"]
    assert all(c.passed for c in drafting.check_event_plan(plan))
    failed = [c.label for c in drafting.check_event_plan("My event plan") if not c.passed]
    assert failed == ["states a goal", "names people to meet", "has a question to ask",
                      "has an if–then plan"]
    long = drafting.check_event_plan("word " * 200)[-1]
    assert not long.passed and "now 200" in long.label


def test_an_offer_uses_their_name_what_they_mentioned_and_the_offer():
    text = drafting.build_offer("Lena Park", "you're hiring a researcher",
                                "I can introduce you to Ben", "Sam")
    assert text.startswith("Hi Lena,\n\nYou mentioned you're hiring a researcher. I can "
                           "introduce you to Ben.")
    assert text.endswith("Best wishes,\nSam")
    assert all(c.passed for c in drafting.check_draft(text, "Lena Park",
                                                      "hiring a researcher"))
    assert drafting.build_offer() == ("Hi,\n\nNo need to reply if it isn't useful right now."
                                      "\n\nBest wishes,")


def test_a_reconnect_message_asks_for_nothing_big():
    text = drafting.build_reconnect("Hi Priya, it's been a few years!",
                                    "your grandmother testing every screen",
                                    "I read an article on older patients")
    assert text.split("\n\n")[1] == ("I read an article on older patients. I still remember "
                                     "your grandmother testing every screen.")
    assert all(c.passed for c in drafting.check_reconnect(text, "Priya Shah",
                                                          "grandmother testing screens"))
    asking = text + " Could you refer me for the open job on your team?"
    check = drafting.check_reconnect(asking, "Priya", "grandmother")[2]
    assert not check.passed and "“refer me”" in check.hint and "“job”" in check.hint
    assert drafting.asks_for_something("Would love to hear your news.") == []
