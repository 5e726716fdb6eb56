"""The action plan: per-topic ratings, quiz, reflections, metric, commitments, next actions."""

import re
from datetime import date, datetime

import pytest

from netlearn.keep.action_plan import action_plan_markdown, md_escape, md_quote
from netlearn.network.records import Commitment, Contact, Event, Interaction, Network
from netlearn.plumbing.errors import ContentError
from netlearn.teaching import content
from netlearn.teaching.content import Course, Topic
from netlearn.widgets._ui import GIVE_PREFIX

TODAY = date(2026, 3, 10)
HOSTILE = "<img src=x onerror=alert(1)> *bold* [link](javascript:x) | # 1."


def topic(topic_id, title, kind="mistake", **fields):
    return Topic(id=topic_id, kind=kind, title=title, minutes=20, key_question="?",
                 mistake=f"Mistake of {title}" if kind == "mistake" else "", **fields)


def quiz_item(qid, kind, right):
    """A small quiz item: answers are re-graded against it, as the quiz widget does."""
    return {"id": qid, "type": kind, "prompt": "?", "choices": [
        {"id": c, "text": f"Option {c}.", "correct": c in right, "feedback": "."} for c in "abc"]}


@pytest.fixture
def course():
    return Course(title="Test course", version=1, words_per_minute=130, topics=[
        topic("00-start-here", "Start", kind="intro"),
        topic("01-preparation", "Come prepared",
              statements=[{"id": "p-s1", "text": "I set a goal."},
                          {"id": "p-s2", "text": "I research people."}],
              prompts=[{"id": "p-r1", "text": "What would you change?"}],
              questions=[quiz_item("p-q1", "single", "b"), quiz_item("p-q2", "multiple", "ab"),
                         quiz_item("p-q3", "single", "a")],
              tips=[{"id": "p-t", "text": "Decide what you want."}]),
        topic("02-giving-not-just-taking", "Give"),
        topic("03-following-up", "Follow up"),
        topic("05-maintaining-relationships", "Keep in touch"),
        topic("99-custom", "Custom topic", tips=[{"id": "c-t", "text": "A *custom* tip."}]),
        topic("06-action-plan", "Plan", kind="plan",
              prompts=[{"id": "plan-r1", "text": "Your three actions?"}]),
    ])


def contact(name, ref, **fields):
    return Contact(name=name, source="manual", source_ref=ref, **fields)


def touch(person, day, purpose="check_in"):
    return Interaction(when=datetime(day.year, day.month, day.day, 12), channel="email",
                       purpose=purpose, contact_key=person.key, source="manual",
                       source_ref=f"{person.source_ref}-{day}-{purpose}")


@pytest.fixture
def net():
    cold = [contact(n, r, close=True) for n, r in (("Ana Cold", "a"), ("Bo Cold", "b"),
                                                   ("Cy Cold", "c"))]
    new = contact("Dee New", "d", met_on=date(2026, 3, 8))
    interactions = [touch(p, date(2025, 10, 1)) for p in cold]
    interactions.append(touch(cold[0], date(2026, 3, 1), "ask"))
    events = [Event("Past meetup", date(2026, 2, 1), goal_set=True),
              Event("Next meetup", date(2026, 3, 20), attended=False, goal_set=True)]
    commitments = [
        Commitment(f"{GIVE_PREFIX}share an article — Bo: the ramp piece", date(2026, 3, 15),
                   contact_key=cold[1].key, kind="give"),
        Commitment("Send Dee the slides", date(2026, 3, 1), contact_key=new.key),
        Commitment("Done thing", date(2026, 3, 2), done=True),
    ]
    return Network(contacts=[*cold, new], interactions=interactions, events=events,
                   commitments=commitments)


def section(text, heading):
    start = text.index(heading)
    end = text.find("\n## ", start + 1)
    return text[start:end if end != -1 else None]


def test_plan_for_an_empty_learner(course, store):
    text = action_plan_markdown(course, store, Network(), TODAY)
    assert text.startswith("# My networking action plan — Test course")
    assert "Written 2026-03-10" in text
    for heading in ("## 1. Come prepared", "## 2. Give", "## 3. Follow up",
                    "## 4. Keep in touch", "## 5. Custom topic", "## What next"):
        assert heading in text
    assert "Not rated yet." in text and "**Quiz:** not taken yet" in text
    assert "None written yet." in text
    assert "no attended events logged yet" in text
    assert "Start" not in text.split("## 1.")[0].split("\n", 1)[1]  # the intro is not a topic


def test_plan_reports_ratings_quiz_and_reflections(course, store, net):
    store.save_self_assessment("01-preparation", "p-s1", "before", 2)
    store.save_self_assessment("01-preparation", "p-s1", "after", 4)
    store.save_self_assessment("01-preparation", "p-s2", "before", 3)
    store.save_answer("01-preparation", "p-q1", "b", 1, 1, True)
    store.save_answer("01-preparation", "p-q2", ["a"], 0.5, 1, False)
    store.save_answer("01-preparation", "p-q3", "b", 0, 1, False)  # wrong, then right
    store.save_answer("01-preparation", "p-q3", "a", 1, 1, True)
    store.save_reflection("01-preparation", "p-r1", "Prepare questions.\n\nArrive early.")
    store.save_reflection("06-action-plan", "plan-r1", "Two follow-ups a week.")
    text = action_plan_markdown(course, store, net, TODAY)
    prep = section(text, "## 1. Come prepared")
    assert "*The mistake: Mistake of Come prepared*" in prep
    assert "Average: 2.5 → 4.0" in prep
    assert "| I set a goal. | 2 | 4 |" in prep
    assert "| I research people. | 3 | — |" in prep
    assert "**Quiz:** Right on the first try: 1 of 3; after retries: 2 of 3" in prep
    assert "*What would you change?*" in prep
    assert "> Prepare questions.\n>\n> Arrive early." in prep
    assert "Events you attended fully prepared (all 5 checklist items): 0 of 1 (0 %)" in prep
    assert "1. Before Next meetup on 2026-03-20: researched who is coming;" in prep
    plan = section(text, "## What next")
    assert "> Two follow-ups a week." in plan


def test_plan_chooses_next_actions_from_the_data(course, store, net):
    text = action_plan_markdown(course, store, net, TODAY)
    give = section(text, "## 2. Give")
    assert "0 gives, 1 asks" in give
    assert "You asked more than you gave" in give
    assert "- [ ] Give: share an article — Bo: the ramp piece (for Bo Cold) — due 2026-03-15" \
        in give
    follow = section(text, "## 3. Follow up")
    assert "Dee New" in follow  # met two days ago, no follow-up yet
    assert "- [ ] Send Dee the slides (for Dee New) — due 2026-03-01 — **overdue**" in follow
    assert "Done thing" not in text
    assert "share an article" not in follow
    keep = section(text, "## 4. Keep in touch")
    assert "Close contacts gone cold (90+ days): 2" in keep
    assert "2 close contacts have gone cold: Bo Cold, Cy Cold." in keep
    custom = section(text, "## 5. Custom topic")
    assert "The number that matters" not in custom
    assert "1. A \\*custom\\* tip." in custom


def test_plan_groups_commitments_by_kind_not_by_text(course, store, net):
    net.commitments[0].kind = "other"  # "Give: …" typed by hand in the commitment form
    net.commitments[1].kind = "give"  # a planned give whose text lacks the prefix
    text = action_plan_markdown(course, store, net, TODAY)
    give, follow = section(text, "## 2. Give"), section(text, "## 3. Follow up")
    assert "- [ ] Send Dee the slides" in give and "- [ ] Send Dee the slides" not in follow
    assert "- [ ] Give: share an article" not in give


def test_learner_text_is_escaped_for_markdown(course, store):
    store.save_reflection("01-preparation", "p-r1", HOSTILE + "\n- not a list")
    hostile = Contact(name=HOSTILE, source="manual", source_ref="h", close=True)
    net = Network(contacts=[hostile], interactions=[touch(hostile, date(2025, 1, 1)),
                                                    touch(hostile, date(2025, 2, 1))],
                  commitments=[Commitment(HOSTILE, date(2026, 4, 1))])
    text = action_plan_markdown(course, store, net, TODAY)
    assert re.search(r"(?<!\\)<", text) is None  # every < is backslash-escaped
    assert "\\<img src=x onerror=alert(1)\\>" in text
    assert "\\*bold\\*" in text and "\\[link\\](javascript:x)" in text and "\\|" in text
    assert "> \\- not a list" in text


@pytest.mark.parametrize(("raw", "escaped"), [
    ("plain words", "plain words"),
    ("a <b> c", "a \\<b\\> c"),
    ("*x* _y_ `z`", "\\*x\\* \\_y\\_ \\`z\\`"),
    ("# title", "\\# title"),
    ("- item", "\\- item"),
    ("1. first", "\\1. first"),
    ("two\nlines", "two lines"),
    ("a|b", "a\\|b"),
])
def test_md_escape(raw, escaped):
    assert md_escape(raw) == escaped


def test_md_quote_keeps_paragraphs():
    assert md_quote("one\n\ntwo") == "> one\n>\n> two"


def test_course_none_loads_the_course_or_falls_back(store, monkeypatch):
    def broken(*args, **kwargs):
        raise ContentError("broken content")

    monkeypatch.setattr(content, "course", broken)
    text = action_plan_markdown(None, store, Network(), TODAY)
    assert "## 1. Come prepared" in text and "## 5. Keep relationships alive" in text
