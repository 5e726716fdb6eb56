"""The core task of notebooks 01–05: drafted with the course's tools, compared, ticked, kept."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from netlearn.network.records import Batch, Contact
from netlearn.teaching import tasks
from netlearn.teaching.completion import ProgressData, topic_steps
from netlearn.teaching.content import load_course
from netlearn.widgets import core_task
from tests.helpers import HOSTILE, assert_escaped, default_course

from .conftest import write_course

TODAY = date(2026, 3, 2)
TASKS = {"01-preparation": "Goal: have two real conversations",
         "02-giving-not-just-taking": "Hi Lena,",
         "03-following-up": "Hi Ayesha,",
         "04-online-networking": "Hi Tomás,",
         "05-maintaining-relationships": "Hi Priya,"}


@pytest.fixture(scope="module", name="default_course")
def the_default_course():
    return default_course()


def own_data(store) -> None:
    store.save_batch(Batch("manual", "typed in", contacts=[
        Contact(name="Ana Lima", source="manual", source_ref="ana")]))


@pytest.mark.parametrize("topic_id", sorted(TASKS))
def test_on_the_sample_each_task_drafts_for_the_invented_person(store, default_course,
                                                                topic_id, monkeypatch):
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    widget = core_task(topic_id, store=store, course=default_course, today=TODAY)
    task = default_course.topic(topic_id).task
    assert widget.writes_for.value == tasks.INVENTED
    assert TASKS[topic_id] in widget.drafter.draft.value
    for name, value in task["invented"]["fields"].items():
        assert widget.drafter.inputs()[name].value == value
    assert "Your invented person" in widget.invented_note.value
    assert widget.compare_box.layout.display == "none"  # write first, then compare
    assert "Not saved yet" in widget.saved_label.value
    assert "nothing here is ever sent" in " ".join(widget.html_values())


def test_the_draft_and_ticks_are_saved_like_a_reflection_and_come_back(store, reopen,
                                                                        default_course):
    widget = core_task("03-following-up", store=store, course=default_course, today=TODAY)
    widget.drafter.draft.value = "Hi Ayesha, thanks for Tuesday. Here is the guide."
    widget.compare_button.click()
    assert widget.compare_box.layout.display is None
    assert "A model answer" in " ".join(widget.html_values())
    first, _, third, *_ = widget.ticks.values()
    first.value = third.value = True
    assert "Not saved yet · 2 of 5" in widget.saved_label.value
    widget.save_button.click()
    assert "Saved" in widget.saved_label.value and "2 of 5" in widget.saved_label.value
    saved = store.reflections("03-following-up")[("03-following-up", "follow-task")]
    assert saved["text"] == "Hi Ayesha, thanks for Tuesday. Here is the guide."
    assert store.setting(tasks.setting_key("03-following-up")) == {
        "ticks": ["follow-task-specific", "follow-task-next-step"], "for": "invented"}
    again = core_task("03-following-up", store=reopen(), course=default_course, today=TODAY)
    assert again.drafter.draft.value == "Hi Ayesha, thanks for Tuesday. Here is the guide."
    assert again.ticked == ("follow-task-specific", "follow-task-next-step")
    assert again.compare_box.layout.display is None  # already compared
    assert again.saved_label.value.startswith("<span>Saved")
    again.drafter.draft.value += " Revised."  # revising after the comparison
    assert "Changed since you saved it" in again.saved_label.value


def test_saving_sends_nothing_and_adds_no_records(store, default_course):
    widget = core_task("02-giving-not-just-taking", store=store, course=default_course,
                       today=TODAY)
    counts = store.counts()
    widget.save()
    assert store.counts() == counts
    assert store.open_commitments() == []


def test_writing_for_someone_real_clears_the_invented_person(store, default_course):
    widget = core_task("04-online-networking", store=store, course=default_course)
    widget.drafter.inputs()["detail"].value = "her talk on forms"  # the learner's own edit
    widget.writes_for.value = tasks.OWN
    assert widget.drafter.inputs()["name"].value == ""
    assert widget.drafter.inputs()["detail"].value == "her talk on forms"
    assert "real person" in widget.invented_note.value
    widget.writes_for.value = tasks.INVENTED
    assert widget.drafter.inputs()["name"].value == "Tomás Ferreira"


def test_own_data_writes_for_someone_real_unless_on_a_shared_service(store, default_course,
                                                                     monkeypatch):
    for name in ("JUPYTERHUB_USER", "JUPYTERHUB_API_URL", "JUPYTERHUB_SERVICE_PREFIX",
                 "BINDER_SERVICE_HOST", "BINDER_REQUEST", "BINDER_REPO_URL",
                 "BINDER_LAUNCH_HOST", "BINDER_REF_URL", "BINDER_PERSISTENT_REQUEST"):
        monkeypatch.delenv(name, raising=False)
    own_data(store)
    widget = core_task("03-following-up", store=store, course=default_course)
    assert widget.writes_for.value == tasks.OWN
    assert widget.drafter.inputs()["name"].value == ""
    monkeypatch.setenv("JUPYTERHUB_USER", "learner-7")  # a shared workshop server
    shared = core_task("03-following-up", store=store, course=default_course)
    assert shared.writes_for.value == tasks.INVENTED


def test_the_offer_is_built_from_the_give_planner(store, default_course):
    own_data(store)
    widget = core_task("02-giving-not-just-taking", store=store, course=default_course,
                       today=TODAY)
    drafter = widget.drafter
    ana = next(value for label, value in drafter.people.options if label.startswith("Ana"))
    drafter.people.value = (ana,)
    drafter.detail_input.value = "you're moving to Leeds"
    drafter.offer_input.value = "I can send you my list of design meetups there"
    assert drafter.draft.value.startswith("Hi Ana,\n\nYou mentioned you're moving to Leeds.")
    assert drafter.plan_input.value == "I can send you my list of design meetups there"
    drafter.save_button.click()  # "Save my plan": the give planner's commitment, as ever
    assert [c["text"] for c in store.open_commitments(kind="give")] == [
        "Give: share an article — Ana Lima: I can send you my list of design meetups there"]
    assert drafter.draft.value.startswith("Hi Ana,")  # the message stays to copy


def test_the_event_plan_starts_from_the_latest_pitch(store, default_course, monkeypatch):
    store.save_pitch("I design booking flows for clinics.", 6, 2.8, {})
    own_data(store)
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    widget = core_task("01-preparation", store=store, course=default_course)
    assert widget.drafter.inputs()["introduction"].value == "I design booking flows for clinics."
    assert "How I'll introduce myself: I design booking flows" in widget.drafter.draft.value


def test_a_saved_task_is_a_step_of_the_notebook_and_goes_into_the_action_plan(store,
                                                                              default_course):
    from netlearn.keep.action_plan import action_plan_markdown
    from netlearn.network.records import Network

    topic = default_course.topic("05-maintaining-relationships")
    step = next(s for s in topic_steps(topic, default_course, ProgressData(store))
                if s.name == "Core task")
    assert (step.done, step.total) == (0, 1)
    widget = core_task(topic.id, store=store, course=default_course)
    widget.drafter.draft.value = "Hi Priya, it's been a few years."
    widget.save()
    step = next(s for s in topic_steps(topic, default_course, ProgressData(store))
                if s.name == "Core task")
    assert step.complete
    plan = action_plan_markdown(default_course, store, Network(), TODAY)
    assert "**Your reconnect message** (your draft)\n\n> Hi Priya, it's been a few years." in plan


def test_a_topic_without_a_task_is_refused(store, course):
    with pytest.raises(KeyError, match="no task.yaml"):
        core_task("t1-alpha", store=store, course=course)


def test_task_text_is_escaped(store, tmp_path):
    content = tmp_path / "hostile"
    write_course(content)
    task = {"id": "alpha-task", "title": f"Plan {HOSTILE}", "tool": "follow-up",
            "prompt": f"Write it. {HOSTILE}",
            "invented": {"description": f"Ana {HOSTILE}",
                         "fields": {"name": f"Ana {HOSTILE}", "detail": HOSTILE}},
            "model_answer": f"Hi Ana {HOSTILE}",
            "checklist": [{"id": f"alpha-task-{n}", "text": f"Point {HOSTILE}"}
                          for n in range(4)]}
    (content / "t1-alpha" / "task.yaml").write_text(yaml.safe_dump(task), encoding="utf-8")
    widget = core_task("t1-alpha", store=store, course=load_course(content))
    widget.compare()
    assert_escaped(widget)
