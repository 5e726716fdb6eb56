"""The content loader: safe YAML, JSON Schema and meaning checks, each with file:line errors."""

import textwrap

import pytest

from netlearn.plumbing.errors import ContentError
from netlearn.teaching.content import check, load_course, read_yaml

COURSE = """\
version: 1
title: Tiny course
words_per_minute: 130
topics:
  - id: t1-topic
    kind: mistake
    mistake: Not testing
    title: Test things
    minutes: 20
    key_question: Do you test?
"""
TOPIC = """\
objectives:
  - id: t1-obj
    text: Write a test.
tips:
  - id: t1-tip
    text: Test first.
key_points:
  - Tests help.
"""
QUESTIONS = """\
questions:
  - id: t1-q1
    type: single
    prompt: Pick one.
    objectives: [t1-obj]
    tips: [t1-tip]
    choices:
      - {id: a, text: Yes, correct: true, feedback: Right.}
      - {id: b, text: No, correct: false, feedback: Wrong.}
  - id: t1-q2
    type: judgement
    prompt: Rate them.
    situation: Something happened.
    objectives: [t1-obj]
    responses:
      - {id: a, text: One, rating: best, rationale: Good.}
      - {id: b, text: Two, rating: acceptable, rationale: Fine.}
      - {id: c, text: Three, rating: poor, rationale: Bad.}
"""
SCENARIOS = """\
scenarios:
  - id: t1-scene
    title: A scene
    start: begin
    nodes:
      begin:
        text: Hello.
        choices:
          - {text: Wave, next: happy, feedback: Nice., points: 2}
          - {text: Walk off, next: sad, feedback: Hm., points: 0}
      happy: {ending: true, outcome: good, debrief: Well done.}
      sad: {ending: true, outcome: poor, debrief: Try again.}
"""
FILES = {
    "course.yaml": COURSE,
    "t1-topic/topic.yaml": TOPIC,
    "t1-topic/questions.yaml": QUESTIONS,
    "t1-topic/self-assessment.yaml": "statements:\n  - {id: t1-s1, text: I test.}\n",
    "t1-topic/reflections.yaml": 'prompts:\n  - {id: t1-r1, text: "Why?"}\n',
    "t1-topic/scenarios.yaml": SCENARIOS,
    "t1-topic/facilitator.yaml": "notes: Be kind.\n",
}


@pytest.fixture
def content(tmp_path):
    root = tmp_path / "content"
    for relative, text in FILES.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root


def write(root, relative, text):
    (root / relative).write_text(textwrap.dedent(text), encoding="utf-8")


def only_problem(root):
    """The first problem found (a broken file can legitimately cause more)."""
    problems = check(root)
    assert problems, "expected a problem"
    return str(problems[0])


def test_tiny_course_loads(content):
    course = load_course(content)
    assert [t.id for t in course.topics] == ["t1-topic"]
    topic = course.topic("t1-topic")
    assert topic.question("t1-q2")["type"] == "judgement"
    assert topic.scenario()["start"] == "begin"
    assert course.sources["course.yaml"] == content / "course.yaml"


def test_default_content_is_valid():
    assert [str(p) for p in check()] == []


def test_a_pretest_item_is_neither_in_the_quiz_nor_a_reserve(content):
    item = ("  - id: t1-p1\n    type: single\n    pretest: true\n"
            "    prompt: Before you read on.\n    objectives: [t1-obj]\n"
            "    choices:\n      - {id: a, text: Yes, correct: true, feedback: Right.}\n"
            "      - {id: b, text: No, correct: false, feedback: Wrong.}\n")
    pretest = QUESTIONS.replace("  - id: t1-q2", item + "  - id: t1-q2")
    write(content, "t1-topic/questions.yaml", pretest)
    topic = load_course(content).topic("t1-topic")
    assert [q["id"] for q in topic.questions] == ["t1-q1", "t1-q2"]
    assert [q["id"] for q in topic.pretest_questions] == ["t1-p1"]
    assert topic.reserve_questions == []
    assert topic.question("t1-p1")["prompt"] == "Before you read on."
    write(content, "t1-topic/questions.yaml",
          pretest.replace("pretest: true", "pretest: true\n    reserve: true"))
    assert "marked both reserve and pretest" in only_problem(content)


@pytest.mark.parametrize(
    ("relative", "text", "line", "words"),
    [
        ("t1-topic/topic.yaml", "objectives:\n\t- id: x\n", 2, "tabs"),
        ("t1-topic/topic.yaml", 'objectives:\n  - id: "unclosed\n    text: x\n', 4,
         "end of stream"),
        ("t1-topic/topic.yaml", "objectives: !!python/object/apply:os.system ['echo hi']\n", 1,
         "not allowed"),
        ("t1-topic/topic.yaml", "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n", 1,
         "aliases"),
        ("t1-topic/topic.yaml", TOPIC + "colour: blue\n", 1, "unknown field"),
        ("t1-topic/topic.yaml", TOPIC.replace("id: t1-obj", "id: T1 Obj"), 2, "does not match"),
        ("t1-topic/self-assessment.yaml", "statements:\n  - {id: t1-obj, text: dup}\n", 2,
         "duplicate id"),
        ("t1-topic/questions.yaml", QUESTIONS.replace("correct: true", "correct: false"), 7,
         "exactly one correct"),
        ("t1-topic/questions.yaml", QUESTIONS.replace("tips: [t1-tip]", "tips: [nope]"), 6,
         "tip 'nope'"),
        ("t1-topic/questions.yaml", QUESTIONS.replace("rating: best", "rating: poor"), 15,
         "rates no response as best"),
        ("t1-topic/scenarios.yaml", SCENARIOS.replace("next: sad", "next: nowhere"), 10,
         "not a node"),
        ("t1-topic/reflections.yaml", "prompts:\n  - {id: t1-r1, text: 5}\n", 2,
         "not of type 'string'"),
        ("course.yaml", COURSE.replace("kind: mistake", "kind: puzzle"), 6, "puzzle"),
        ("course.yaml", COURSE.replace("minutes: 20", "minutes: ten"), 9, "ten"),
    ],
    ids=["tab", "unclosed-quote", "python-tag", "alias-bomb", "unknown-field", "bad-id",
         "duplicate-id", "no-correct-choice", "dangling-tip", "judgement-no-best",
         "dangling-next", "wrong-type", "unknown-kind", "minutes-not-number"],
)
def test_bad_content_is_one_line_with_file_and_line(content, relative, text, line, words):
    write(content, relative, text)
    message = only_problem(content)
    assert message.startswith(f"{content / relative}:{line}: "), message
    assert words in message
    assert "\n" not in message and "Traceback" not in message


def test_multiple_choice_needs_a_correct_choice(content):
    write(content, "t1-topic/questions.yaml",
          QUESTIONS.replace("type: single", "type: multiple").replace("correct: true",
                                                                    "correct: false"))
    assert "has no correct choice" in only_problem(content)


def test_objective_needs_two_items_and_tip_needs_one(content):
    write(content, "t1-topic/topic.yaml", TOPIC.replace(
        "key_points:", "  - {id: t1-tip2, text: Another.}\nkey_points:").replace(
        "objectives:\n", "objectives:\n  - {id: t1-obj2, text: Lonely.}\n"))
    problems = [str(p) for p in check(content)]
    assert any("objective 't1-obj2' is assessed by 0 quiz item(s)" in p for p in problems)
    assert any("tip 't1-tip2' is exercised by no quiz item" in p for p in problems)


@pytest.mark.parametrize(
    ("nodes", "words"),
    [
        ("      lost: {text: Nobody links here., choices: [{text: x, next: happy, feedback: y}]}\n",
         "cannot be reached"),
        ("", None),
    ],
)
def test_scenario_unreachable_node(content, nodes, words):
    write(content, "t1-topic/scenarios.yaml", SCENARIOS + nodes)
    problems = [str(p) for p in check(content)]
    if words:
        assert len(problems) == 1 and words in problems[0]
    else:
        assert problems == []


def test_scenario_without_ending_and_trap_cycle(content):
    trap = SCENARIOS.replace("next: sad", "next: loop") + (
        "      loop:\n        text: Round and round.\n"
        "        choices: [{text: again, next: loop, feedback: again}]\n")
    write(content, "t1-topic/scenarios.yaml", trap)
    assert any("no ending can be reached" in str(p) for p in check(content))
    no_end = SCENARIOS.replace(
        "      happy: {ending: true, outcome: good, debrief: Well done.}\n"
        "      sad: {ending: true, outcome: poor, debrief: Try again.}\n",
        "      happy: {text: a, choices: [{text: b, next: sad, feedback: c}]}\n"
        "      sad: {text: a, choices: [{text: b, next: happy, feedback: c}]}\n")
    write(content, "t1-topic/scenarios.yaml", no_end)
    assert "has no ending" in only_problem(content)


def test_missing_required_file_is_named(content):
    (content / "t1-topic" / "questions.yaml").unlink()
    # the default content has no such topic, so nothing fills the gap
    assert "has no t1-topic/questions.yaml" in only_problem(content)


def test_override_is_never_silently_replaced_by_default(tmp_path):
    override = tmp_path / "mine" / "01-preparation"
    override.mkdir(parents=True)
    (override / "topic.yaml").write_text("objectives:\n\t- broken\n", encoding="utf-8")
    problems = [str(p) for p in check(tmp_path / "mine")]
    assert len(problems) == 1
    assert problems[0].startswith(str(override / "topic.yaml") + ":2:")


def test_missing_directory_is_reported(tmp_path):
    assert "is not a directory" in str(check(tmp_path / "nope")[0])


def test_binary_and_huge_files(content):
    (content / "t1-topic" / "topic.yaml").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert "not UTF-8" in only_problem(content) or "NUL" in only_problem(content)
    (content / "t1-topic" / "topic.yaml").write_bytes(b"a: " + b"x" * 2_000_000)
    assert "larger than" in only_problem(content)


def test_read_yaml_indexes_lines(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("a:\n  b:\n    - 1\n    - c: 2\n", encoding="utf-8")
    doc = read_yaml(path)
    assert doc.data == {"a": {"b": [1, {"c": 2}]}}
    assert doc.line("a", "b", 1, "c") == 4
    assert doc.line("a", "missing") == 1


def test_load_course_raises_first_problem(content):
    write(content, "t1-topic/topic.yaml", "objectives:\n\t- x\n")
    with pytest.raises(ContentError) as info:
        load_course(content)
    assert info.value.line == 2


def test_a_check_in_topic_loads_and_needs_its_files(content):
    write(content, "course.yaml", COURSE + """\
  - id: t7-check-in
    kind: check-in
    title: Check in
    minutes: 20
    key_question: What stuck?
""")
    assert "topic 't7-check-in' has no t7-check-in/topic.yaml" in only_problem(content)
    (content / "t7-check-in").mkdir()
    write(content, "t7-check-in/topic.yaml", TOPIC.replace("t1-", "t7-"))
    write(content, "t7-check-in/reflections.yaml", 'prompts:\n  - {id: t7-r1, text: "Kept?"}\n')
    write(content, "t7-check-in/facilitator.yaml", "notes: Be brief.\n")
    course = load_course(content)
    assert course.topic("t7-check-in").kind == "check-in"
    assert [t.id for t in course.mistakes] == ["t1-topic"]


def test_core_minutes_cannot_exceed_minutes(content):
    write(content, "course.yaml",
          COURSE.replace("minutes: 20", "minutes: 20\n    core_minutes: 25"))
    message = only_problem(content)
    assert message.startswith(f"{content / 'course.yaml'}:10: ") and "core_minutes (25)" in message
    write(content, "course.yaml",
          COURSE.replace("minutes: 20", "minutes: 20\n    core_minutes: 15").replace(
              "words_per_minute: 130", "words_per_minute: 130\nreading_words_per_minute: 220"))
    course = load_course(content)
    assert course.topic("t1-topic").core_minutes == 15 and course.reading_words_per_minute == 220
    assert course.words_per_minute == 130
