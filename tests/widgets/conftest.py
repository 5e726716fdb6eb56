"""Fixtures for widget tests: a small course written to a temp dir, learner mode, reopening."""

from __future__ import annotations

import pytest
import yaml

from netlearn.plumbing.paths import set_facilitator_mode
from netlearn.store import Store
from netlearn.teaching.content import load_course
from tests.helpers import HOSTILE


def _course_files(extra: str) -> dict:
    """Return relative path -> YAML data of a four-topic test course; ``extra`` is appended
    to every learner-visible text field (use a hostile string to test escaping)."""

    def t(text: str) -> str:
        return f"{text}{extra}"

    facilitator = {"notes": t("Run it **briskly**.")}
    return {
        "course.yaml": {
            "version": 1, "title": t("Test course"), "words_per_minute": 120,
            "topics": [
                {"id": "t0-intro", "kind": "intro", "title": t("Intro"), "minutes": 15,
                 "key_question": t("Why?")},
                {"id": "t1-alpha", "kind": "mistake", "mistake": t("Alpha mistake"),
                 "title": t("Alpha"), "minutes": 20, "key_question": t("How?")},
                {"id": "t2-beta", "kind": "mistake", "mistake": t("Beta mistake"),
                 "title": t("Beta"), "minutes": 20, "key_question": t("What?")},
                {"id": "t9-plan", "kind": "plan", "title": t("Plan"), "minutes": 20,
                 "key_question": t("Next?")},
            ],
        },
        "t0-intro/topic.yaml": {"objectives": [{"id": "intro-obj", "text": t("Start.")}],
                                "tips": [], "key_points": [t("Begin.")]},
        "t0-intro/reflections.yaml": {"prompts": [{"id": "intro-r1", "text": t("Hopes?")}]},
        "t0-intro/facilitator.yaml": facilitator,
        "t1-alpha/topic.yaml": {
            "objectives": [{"id": "alpha-obj", "text": t("Do alpha.")}],
            "tips": [{"id": "alpha-tip", "text": t("Tip alpha.")}],
            "key_points": [t("Alpha matters.")],
        },
        "t1-alpha/questions.yaml": {"questions": [
            {"id": "alpha-q1", "type": "single", "prompt": t("Pick the **best** goal."),
             "objectives": ["alpha-obj"], "tips": ["alpha-tip"],
             "explanation": t("Specific goals can be checked."),
             "choices": [
                 {"id": "a", "text": t("Meet everyone."), "correct": False,
                  "feedback": t("Too vague.")},
                 {"id": "b", "text": t("Two real conversations."), "correct": True,
                  "feedback": t("Specific and checkable.")},
                 {"id": "c", "text": t("Get a job."), "correct": False,
                  "feedback": t("Not in your control.")},
             ]},
            {"id": "alpha-q2", "type": "multiple", "prompt": t("Which help? Select all."),
             "objectives": ["alpha-obj"], "tips": [],
             "choices": [
                 {"id": "a", "text": t("Read the programme."), "correct": True,
                  "feedback": t("Gives openers.")},
                 {"id": "b", "text": t("Pick people."), "correct": True,
                  "feedback": t("Gives reasons.")},
                 {"id": "c", "text": t("Memorise CVs."), "correct": False,
                  "feedback": t("Intrusive.")},
                 {"id": "d", "text": t("Skip breaks."), "correct": False,
                  "feedback": t("Breaks are where talk happens.")},
             ]},
            {"id": "alpha-q3", "type": "judgement", "prompt": t("Rate each response."),
             "situation": t("You arrive and know nobody."),
             "objectives": ["alpha-obj"], "tips": [],
             "responses": [
                 {"id": "a", "text": t("Join a pair."), "rating": "best",
                  "rationale": t("Pairs are easy to join.")},
                 {"id": "b", "text": t("Get a drink first."), "rating": "acceptable",
                  "rationale": t("Fine if brief.")},
                 {"id": "c", "text": t("Check your phone."), "rating": "poor",
                  "rationale": t("A shield.")},
                 {"id": "d", "text": t("Leave."), "rating": "poor",
                  "rationale": t("Too early.")},
             ]},
        ]},
        "t1-alpha/self-assessment.yaml": {"statements": [
            {"id": "alpha-s1", "text": t("I set a goal.")},
            {"id": "alpha-s2", "text": t("I research people.")},
        ]},
        "t1-alpha/reflections.yaml": {"prompts": [
            {"id": "alpha-r1", "text": t("What would you change?")},
            {"id": "alpha-r2", "text": t("Write an if–then plan.")},
        ]},
        "t1-alpha/scenarios.yaml": {"scenarios": [
            {"id": "alpha-scn", "title": t("The reception"), "start": "start", "nodes": {
                "start": {"text": t("You walk in."), "choices": [
                    {"text": t("Greet the host."), "next": "mid", "feedback": t("Warm."),
                     "points": 2},
                    {"text": t("Leave at once."), "next": "poor-end",
                     "feedback": t("Too soon."), "points": 0},
                ]},
                "mid": {"text": t("The host introduces Dana."), "choices": [
                    {"text": t("Offer help and agree a next step."), "next": "good-end",
                     "feedback": t("Generous."), "points": 2},
                    {"text": t("Say goodbye."), "next": "mixed-end",
                     "feedback": t("Friendly but vague."), "points": 1},
                ]},
                "good-end": {"ending": True, "outcome": "good",
                             "debrief": t("**Well done:** a next step.")},
                "mixed-end": {"ending": True, "outcome": "mixed",
                              "debrief": t("Nothing to build on.")},
                "poor-end": {"ending": True, "outcome": "poor",
                             "debrief": t("The evening ended early.")},
            }},
        ]},
        "t1-alpha/facilitator.yaml": facilitator,
        "t2-beta/topic.yaml": {
            "objectives": [{"id": "beta-obj", "text": t("Do beta.")}],
            "tips": [{"id": "beta-tip", "text": t("Tip beta.")}],
            "key_points": [t("Beta matters.")],
        },
        "t2-beta/questions.yaml": {"questions": [
            {"id": f"beta-q{n}", "type": "single", "prompt": t(f"Beta question {n}?"),
             "objectives": ["beta-obj"], "tips": ["beta-tip"],
             "choices": [
                 {"id": "a", "text": t("Yes."), "correct": True, "feedback": t("Right.")},
                 {"id": "b", "text": t("No."), "correct": False, "feedback": t("Wrong.")},
             ]}
            for n in (1, 2)
        ]},
        "t2-beta/self-assessment.yaml": {"statements": [{"id": "beta-s1",
                                                         "text": t("I give first.")}]},
        "t2-beta/reflections.yaml": {"prompts": []},
        "t2-beta/facilitator.yaml": facilitator,
        "t9-plan/topic.yaml": {"objectives": [{"id": "plan-obj", "text": t("Plan.")}],
                               "tips": [], "key_points": [t("Act.")]},
        "t9-plan/reflections.yaml": {"prompts": [{"id": "plan-r1", "text": t("Your plan?")}]},
        "t9-plan/facilitator.yaml": facilitator,
    }


def write_course(directory, extra: str = ""):
    """Write the test course to ``directory`` and return it loaded."""
    for relative, data in _course_files(extra).items():
        path = directory / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
    return load_course(directory)


@pytest.fixture
def course(tmp_path):
    """The small test course."""
    return write_course(tmp_path / "content")


@pytest.fixture
def hostile():
    """A string that would run script if it reached HTML unescaped."""
    return HOSTILE


@pytest.fixture
def hostile_course(tmp_path):
    """The test course with a hostile string in every text field."""
    return write_course(tmp_path / "hostile-content", f" {HOSTILE}")


@pytest.fixture(autouse=True)
def learner_mode():
    """Run every widget test as a learner unless it turns facilitator mode on."""
    set_facilitator_mode(False)
    yield
    set_facilitator_mode(None)


@pytest.fixture
def reopen(home):
    """Return a function that opens a fresh Store on the same NETLEARN_HOME (a "restart")."""
    opened = []

    def open_again():
        fresh = Store(home)
        opened.append(fresh)
        return fresh

    yield open_again
    for fresh in opened:
        fresh.close()

