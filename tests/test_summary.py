"""The anonymised summary: what it holds, what it never holds, and how it is written."""

import base64
import json
import re
import uuid
from datetime import date, datetime, timedelta

import pytest

from netlearn import cli
from netlearn.keep.summary import (
    VERSION,
    build_summary,
    content_fingerprint,
    scenario_outcome,
    summary_json,
    write_summary,
)
from netlearn.network.records import Batch, Commitment, Contact, Event, Interaction
from netlearn.plumbing.errors import NetlearnError
from netlearn.plumbing.version import course_version
from netlearn.teaching.content import course as load_course
from netlearn.teaching.grading import item_version

TODAY = date(2025, 3, 14)
SECRETS = [
    "Zelda Quixote-Marchbanks", "zelda.q@private-mail.example", "Umbrella Holdings Ltd",
    "https://linkedin.example/in/zelda-quixote", "met her at the harbour gala",
    "Harbour Gala 2025", "Grand Hotel Ballroom", "send Zelda the salary report",
    "Bartholomew Xylophone", "bart@xylo.example", "I felt nervous about Bartholomew",
    "my pitch about Zelda", "08:15", "2025-03-13T",
]


@pytest.fixture
def course():
    return load_course()


@pytest.fixture
def filled(store, course):
    """A learner's store with personal data everywhere it can be."""
    zelda = Contact(name="Zelda Quixote-Marchbanks", email="zelda.q@private-mail.example",
                    company="Umbrella Holdings Ltd", position="Head of Secret Projects",
                    url="https://linkedin.example/in/zelda-quixote",
                    notes="met her at the harbour gala", source="manual", source_ref="z",
                    met_on=TODAY - timedelta(days=20), close=True, cadence_days=30)
    bart = Contact(name="Bartholomew Xylophone", email="bart@xylo.example", source="manual",
                   source_ref="b", connected_on=TODAY - timedelta(days=5))
    batch = Batch(source="manual", path="typed in", contacts=[zelda, bart])
    batch.interactions = [
        Interaction(when=datetime(2025, 3, 13, 8, 15), channel="email", purpose="follow_up",
                    contact_key=zelda.key, note="send Zelda the salary report",
                    source="manual", source_ref="i1"),
        Interaction(when=datetime(2025, 2, 1, 12), channel="in_person", purpose="give",
                    contact_key=bart.key, source="manual", source_ref="i2"),
    ]
    batch.events = [Event(title="Harbour Gala 2025", day=TODAY - timedelta(days=20),
                          location="Grand Hotel Ballroom", goal_set=True,
                          attendee_keys=[zelda.key], source="manual", source_ref="e1")]
    batch.commitments = [Commitment(text="send Zelda the salary report", due=TODAY,
                                    contact_key=zelda.key, source="manual", source_ref="c1")]
    store.save_batch(batch)
    prep = course.topic("01-preparation")
    for statement in prep.statements:
        store.save_self_assessment(prep.id, statement["id"], "before", 2)
        store.save_self_assessment(prep.id, statement["id"], "after", 4)
    store.save_self_assessment(prep.id, prep.statements[0]["id"], "check", 3)
    first, second = prep.questions[:2]
    right = next(c["id"] for c in first["choices"] if c["correct"])
    one_right = [next(c["id"] for c in second["choices"] if c["correct"])]
    store.save_answer(prep.id, first["id"], "x", 0, 1, False,  # to an earlier version
                      version="0123456789abcdef")
    store.save_answer(prep.id, first["id"], right, 1, 1, True,  # the first at this version
                      version=item_version(first))
    store.save_answer(prep.id, second["id"], one_right, 0.5, 1, False,
                      version=item_version(second))
    store.save_answer(prep.id, "not-a-question-Zelda Quixote-Marchbanks", "x", 1, 1, True)
    store.save_answer("my-own-topic-bart@xylo.example", "q", "x", 1, 1, True)
    for topic in course.topics:
        for prompt in topic.prompts:
            store.save_reflection(topic.id, prompt["id"], "I felt nervous about Bartholomew")
    store.save_pitch("my pitch about Zelda", 4, 2.0, {"ok": True})
    store.set_setting("name", "Zelda Quixote-Marchbanks")
    return store


def test_summary_holds_no_names_emails_urls_free_text_or_times(filled, course):
    text = summary_json(build_summary(filled, course, TODAY))
    for secret in SECRETS:
        assert secret.lower() not in text.lower(), secret
    assert "@" not in text
    assert "http" not in text
    assert not re.search(r"\d{4}-\d\d-\d\dT|\d\d:\d\d", text)  # days only, no times
    assert re.findall(r"\d{4}-\d\d-\d\d", text) == ["2025-03-14"]


def test_summary_only_has_known_keys_and_numbers(filled, course):
    summary = build_summary(filled, course, TODAY)
    assert set(summary) == {"format", "version", "summary_id", "exported_on", "course",
                            "topics", "activity"}
    assert summary["format"] == "netlearn-summary" and summary["version"] == VERSION == 3
    assert uuid.UUID(summary["summary_id"]).version == 4
    assert summary["exported_on"] == "2025-03-14"
    assert summary["course"] == {"title": course.title, "content_version": course.version,
                                 "fingerprint": content_fingerprint(course),
                                 "netlearn_version": course_version()}
    assert list(summary["topics"]) == [t.id for t in course.topics]
    assert all(isinstance(v, int) and not isinstance(v, bool)
               for v in summary["activity"].values())
    assert summary["activity"]["contacts"] == 2
    assert summary["activity"]["commitments"] == 1

    def strings(value):
        if isinstance(value, dict):
            for key, item in value.items():
                yield key
                yield from strings(item)
        elif isinstance(value, list):
            for item in value:
                yield from strings(item)
        elif isinstance(value, str):
            yield value

    allowed = {course.title, summary["summary_id"], summary["exported_on"], "netlearn-summary",
               content_fingerprint(course), course_version(), "intro", "mistake", "plan",
               "check-in", "good", "mixed", "best", "acceptable",
               "poor", "done", "started", "not started", "first attempt"}
    allowed |= {t.id for t in course.topics}
    allowed |= {s["id"] for t in course.topics for s in t.scenarios}
    allowed |= {q["id"] for t in course.topics for q in t.questions}  # course ids
    allowed |= {item_version(q) for t in course.topics for q in t.questions}  # digests
    allowed |= {o["id"] for t in course.topics for q in t.questions  # canonical option ids
                for o in q.get("choices") or q.get("responses")}
    keys = set()
    for topic in summary["topics"].values():
        quiz = topic.get("quiz", {})
        keys |= set(topic) | set(quiz) | set(topic.get("self_assessment", {}))
        keys |= set(quiz.get("after_retries", {})) | set(topic.get("retrieval", {}))
        for answer in quiz.get("answers", {}).values():
            keys |= set(answer) | set(answer.get("after_retries") or {})
        for scenario in topic.get("scenarios", {}).values():
            keys |= set(scenario)
    allowed |= keys | set(summary["course"]) | set(summary["activity"]) | set(summary)
    assert set(strings(summary)) <= allowed


def test_summary_numbers(filled, course):
    topic = build_summary(filled, course, TODAY)["topics"]["01-preparation"]
    rating = topic["self_assessment"]
    assert rating["before"] == 2 and rating["after"] == 4 and rating["check"] == 3
    assert rating["rated_before"] == rating["statements"] == len(
        course.topic("01-preparation").statements)
    assert rating["rated_check"] == 1
    prep = course.topic("01-preparation")
    first, second = prep.questions[:2]
    partial = round(1 / sum(c["correct"] for c in second["choices"]), 3)
    quiz = topic["quiz"]
    assert {k: quiz[k] for k in ("scoring", "score", "max", "answered", "correct", "items")} == {
        "scoring": "first attempt", "score": round(1 + partial, 3), "max": 2.0, "answered": 2,
        "correct": 1, "items": len(prep.questions)}
    assert quiz["after_retries"] == {"score": round(1 + partial, 3), "max": 2.0,
                                     "answered": 2, "correct": 1}
    assert quiz["item_versions"] == {q["id"]: item_version(q) for q in prep.questions}
    right = next(c["id"] for c in first["choices"] if c["correct"])
    assert quiz["item_keys"][first["id"]] == {c["id"]: c["correct"] for c in first["choices"]}
    assert quiz["answers"] == {
        first["id"]: {"version": item_version(first), "chosen": [right], "score": 1.0,
                      "max": 1.0, "correct": True, "attempts": 1,
                      "after_retries": {"score": 1.0, "correct": True}},
        second["id"]: {"version": item_version(second), "chosen": [right_of(second)[0]],
                       "score": partial, "max": 1.0, "correct": False, "attempts": 1,
                       "after_retries": {"score": partial, "correct": False}}}
    assert topic["reflections_written"] == len(course.topic("01-preparation").prompts)
    assert topic["status"] == "started" and topic["completed"] is False
    assert topic["stated_minutes"] == prep.minutes
    assert "measured_minutes" not in topic  # nobody agreed to have minutes measured


def right_of(question):
    return [c["id"] for c in question["choices"] if c["correct"]]


def test_wrong_then_right_is_not_right_on_the_first_try_in_the_summary(store, course):
    prep = course.topic("01-preparation")
    question = next(q for q in prep.questions if q["type"] == "single")
    wrong = next(c["id"] for c in question["choices"] if not c["correct"])
    for answer, right in ((wrong, False), (right_of(question)[0], True)):
        store.save_answer(prep.id, question["id"], answer, float(right), 1, right,
                          version=item_version(question))
    quiz = build_summary(store, course, TODAY)["topics"][prep.id]["quiz"]
    assert (quiz["answered"], quiz["correct"], quiz["score"]) == (1, 0, 0.0)
    assert quiz["after_retries"]["correct"] == 1
    assert quiz["answers"][question["id"]] == {
        "version": item_version(question), "chosen": [wrong], "score": 0.0, "max": 1.0,
        "correct": False, "attempts": 2, "after_retries": {"score": 1.0, "correct": True}}
    store.reset_answers(prep.id)  # a reset clears the practice, not the first try
    quiz = build_summary(store, course, TODAY)["topics"][prep.id]["quiz"]
    assert (quiz["answered"], quiz["correct"]) == (1, 0)
    assert quiz["after_retries"]["answered"] == 0
    assert quiz["answers"][question["id"]]["after_retries"] is None


def test_judgement_choices_are_ratings_of_the_items_own_responses(store, course):
    topic, question = next((t, q) for t in course.topics for q in t.questions
                           if q["type"] == "judgement")
    ratings = {r["id"]: "best" for r in question["responses"]}
    store.save_answer(topic.id, question["id"], ratings, 0.5, 1, False,
                      version=item_version(question))
    quiz = build_summary(store, course, TODAY)["topics"][topic.id]["quiz"]
    assert quiz["answers"][question["id"]]["chosen"] == ratings
    assert quiz["item_keys"][question["id"]] == {r["id"]: r["rating"]
                                                 for r in question["responses"]}


def test_measured_minutes_only_when_given_and_rounded_to_five(store, course):
    summary = build_summary(store, course, TODAY,
                            measured_minutes={"01-preparation": 43, "02-giving-not-just-taking": 2,
                                              "05-maintaining-relationships": 12.5,
                                              "no-such-topic": 30, "03-following-up": "long",
                                              "04-online-networking": -5,
                                              "06-action-plan": float("inf")})
    minutes = {t: e.get("measured_minutes") for t, e in summary["topics"].items()}
    assert minutes["01-preparation"] == 45 and minutes["02-giving-not-just-taking"] == 0
    assert minutes["05-maintaining-relationships"] == 15
    assert "no-such-topic" not in summary["topics"]
    assert "measured_minutes" not in summary["topics"]["03-following-up"]
    assert "measured_minutes" not in summary["topics"]["04-online-networking"]
    assert "measured_minutes" not in summary["topics"]["06-action-plan"]


def test_measured_minutes_come_from_the_store_when_it_records_them(store, course, monkeypatch):
    monkeypatch.setattr(type(store), "measured_minutes", lambda self: {"01-preparation": 61},
                        raising=False)
    topics = build_summary(store, course, TODAY)["topics"]
    assert topics["01-preparation"]["measured_minutes"] == 60
    monkeypatch.setattr(type(store), "measured_minutes", lambda self: None)  # no consent
    assert all("measured_minutes" not in e
               for e in build_summary(store, course, TODAY)["topics"].values())


def test_an_answer_to_an_earlier_version_is_reported_apart_not_scored(store, course):
    prep = course.topic("01-preparation")
    first = prep.questions[0]
    right = next(c["id"] for c in first["choices"] if c["correct"])
    store.save_answer(prep.id, first["id"], right, 1, 1, True, version="0123456789abcdef")
    quiz = build_summary(store, course, TODAY)["topics"][prep.id]["quiz"]
    assert (quiz["score"], quiz["answered"], quiz["correct"]) == (0, 0, 0)
    assert quiz["answers"] == {first["id"]: {"version": "0123456789abcdef", "score": 1.0,
                                             "max": 1.0, "correct": True, "attempts": 1,
                                             "after_retries": None}}
    assert quiz["item_versions"][first["id"]] != "0123456789abcdef"


def test_scenario_outcomes_come_from_the_course(store, course):
    topic = next(t for t in course.topics if t.scenarios)
    scenario = topic.scenarios[0]
    endings = {n: node["outcome"] for n, node in scenario["nodes"].items() if node.get("ending")}
    ending, outcome = next(iter(endings.items()))
    store.save_answer(topic.id, scenario["id"], [scenario["start"], ending], 2, 4,
                      outcome == "good", kind="scenario")
    entry = build_summary(store, course, TODAY)["topics"][topic.id]["scenarios"][scenario["id"]]
    assert entry == {"played": True, "outcome": outcome, "points": 2.0, "max_points": 4.0}
    assert scenario_outcome(scenario, {"outcome": "mixed"}) == "mixed"
    assert scenario_outcome(scenario, {"ending": ending}) == outcome
    assert scenario_outcome(scenario, "Zelda said something") is None
    assert scenario_outcome(scenario, ["nowhere"]) is None


def test_an_empty_store_gives_a_valid_summary(store, course):
    summary = build_summary(store, course, TODAY)
    assert all(v == 0 for v in summary["activity"].values())
    assert all(not t["completed"] for t in summary["topics"].values())


def test_fingerprint_changes_with_a_question_but_not_with_wording(course):
    import copy

    before = content_fingerprint(course)
    reworded = copy.deepcopy(course)
    reworded.topics[1].questions[0]["prompt"] = "Completely new wording"
    reworded.title = "Renamed"
    assert content_fingerprint(reworded) == before
    extended = copy.deepcopy(course)
    extended.topics[1].questions.append({"id": "extra-q"})
    assert content_fingerprint(extended) != before
    assert re.fullmatch(r"[0-9a-f]{64}", before)


def test_write_summary_is_atomic_and_accepts_a_directory(filled, course, tmp_path):
    target = write_summary(filled, tmp_path / "out" / "mine.json", course=course, today=TODAY)
    assert target == tmp_path / "out" / "mine.json"
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == "netlearn-summary"
    assert not list((tmp_path / "out").glob("*.part"))
    into_dir = write_summary(filled, tmp_path / "out", course=course, today=TODAY)
    assert into_dir.name == "netlearn-summary-2025-03-14.json"
    first = json.loads(target.read_text(encoding="utf-8"))["summary_id"]
    assert json.loads(into_dir.read_text(encoding="utf-8"))["summary_id"] != first


def test_write_summary_error_names_the_file(filled, course, tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a directory")
    with pytest.raises(NetlearnError) as caught:
        write_summary(filled, blocker / "summary.json", course=course, today=TODAY)
    assert str(blocker / "summary.json") in str(caught.value)


def test_cli_export_summary(home, tmp_path, capsys):
    out = tmp_path / "s.json"
    assert cli.main(["export", "--summary", str(out)]) == 0
    assert "wrote anonymised summary" in capsys.readouterr().out
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == VERSION


def test_summary_widget_writes_under_home_and_offers_a_download(filled, course, home):
    from netlearn import summary_widget

    widget = summary_widget(store=filled, course=course, today=TODAY)
    assert widget.result.value == ""
    widget.button.click()
    path = home / "exports" / "netlearn-summary-2025-03-14.json"
    assert path.is_file()
    html = widget.result.value
    match = re.search(r'href="data:application/json;base64,([A-Za-z0-9+/=]+)"', html)
    assert match and 'download="netlearn-summary-2025-03-14.json"' in html
    data = json.loads(base64.b64decode(match.group(1)))
    assert data == json.loads(path.read_text(encoding="utf-8"))
    for secret in SECRETS:
        assert secret not in base64.b64decode(match.group(1)).decode("utf-8")


def test_summary_widget_reports_a_write_error(filled, course, home):
    from netlearn.widgets.summary_button import summary_widget

    home.mkdir(parents=True, exist_ok=True)
    (home / "exports").write_text("in the way")
    widget = summary_widget(store=filled, course=course, today=TODAY)
    widget.button.click()
    assert "Could not export" in widget.result.value


def test_summary_includes_the_check_in_phase_and_retrieval_counts(store, course):
    statements = course.topic("01-preparation").statements
    for statement in statements:
        store.save_self_assessment("01-preparation", statement["id"], "after", 4)
        store.save_self_assessment("01-preparation", statement["id"], "check-in", 3)
    store.save_answer("07-check-in", "prep-q24", "a", 0, 1, False)
    store.save_answer("07-check-in", "follow-q24", "b", 1, 1, True)
    store.save_answer("07-check-in", "prep-q24", "b", 1, 1, True)  # a retry: practice
    summary = build_summary(store, course, TODAY)
    rating = summary["topics"]["01-preparation"]["self_assessment"]
    assert rating["check-in"] == 3 and rating["rated_check-in"] == len(statements)
    assert rating["after"] == 4
    checkin = summary["topics"]["07-check-in"]
    assert checkin["kind"] == "check-in"
    assert checkin["retrieval"] == {"answered": 2, "correct": 1, "correct_after_retries": 2}
    assert "quiz" not in checkin
