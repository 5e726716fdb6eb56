"""Timed agendas from course.yaml: scaling, breaks, impossible sessions, formatting."""

import pytest

from netlearn import cli
from netlearn.facilitator.agenda import format_agenda, plan_agenda, scale_minutes
from netlearn.plumbing.errors import NetlearnError
from netlearn.teaching.content import Course, Topic

LENGTHS = {
    "00-start-here": 15, "01-preparation": 30, "02-giving-not-just-taking": 25,
    "03-following-up": 30, "04-online-networking": 25, "05-maintaining-relationships": 25,
    "06-action-plan": 20,
}


@pytest.fixture
def course():
    topics = [Topic(id=tid, kind="mistake", title=f"Title {tid[:2]}", minutes=minutes,
                    key_question="?") for tid, minutes in LENGTHS.items()]
    return Course(title="Test course", version=1, words_per_minute=130, topics=topics)


def check_shape(agenda, minutes=None):
    """Slots are contiguous from 0, open with the welcome and close with the wrap-up."""
    assert agenda[0].kind == "intro" and agenda[0].start == 0 and agenda[0].minutes == 5
    assert agenda[-1].kind == "wrap-up" and agenda[-1].minutes >= 5
    for before, after in zip(agenda, agenda[1:], strict=False):
        assert after.start == before.end
    assert agenda[1].kind == "topic" and agenda[-2].kind == "topic"  # no break at the edges
    if minutes is not None:
        assert agenda[-1].end == minutes
    for slot in agenda:
        if slot.kind == "topic":
            assert slot.minutes >= 10
        if slot.kind == "break":
            assert slot.minutes == 10


def test_whole_course_keeps_planned_lengths_with_a_break_about_every_hour(course):
    agenda = plan_agenda(course)
    check_shape(agenda)
    topics = [s for s in agenda if s.kind == "topic"]
    assert [s.minutes for s in topics] == list(LENGTHS.values())
    assert not any(s.shortened for s in topics)
    breaks = [s for s in agenda if s.kind == "break"]
    assert len(breaks) == 3
    assert agenda[-1].end == 5 + 170 + 30 + 5
    stretch_start = 0
    for slot in agenda:
        if slot.kind == "break":
            assert 45 <= slot.start - stretch_start <= 75
            stretch_start = slot.end


def test_sixty_minutes_for_three_topics_scales_them_in_proportion(course):
    agenda = plan_agenda(course, 60, ["00-start-here", "01-preparation", "03-following-up"])
    check_shape(agenda, 60)
    assert [s.kind for s in agenda] == ["intro", "topic", "topic", "topic", "wrap-up"]
    assert [s.minutes for s in agenda[1:4]] == [10, 20, 20]
    assert all(s.shortened for s in agenda[1:4])


def test_ninety_minutes_for_the_whole_course_has_one_break(course):
    agenda = plan_agenda(course, 90)
    check_shape(agenda, 90)
    assert sum(s.kind == "break" for s in agenda) == 1
    assert sum(s.kind == "topic" for s in agenda) == 7
    assert all(s.minutes == 10 for s in agenda if s.kind == "topic")


def test_one_hundred_eighty_minutes_has_two_breaks_and_keeps_proportions(course):
    agenda = plan_agenda(course, 180)
    check_shape(agenda, 180)
    assert sum(s.kind == "break" for s in agenda) == 2
    topics = {s.topic_id: s.minutes for s in agenda if s.kind == "topic"}
    assert sum(topics.values()) == 150
    assert topics["01-preparation"] >= topics["06-action-plan"]
    assert all(m % 5 == 0 for m in topics.values())


def test_topics_keep_course_order_whatever_order_they_are_given_in(course):
    agenda = plan_agenda(course, 90, ["06-action-plan", "00-start-here"])
    assert [s.topic_id for s in agenda if s.topic_id] == ["00-start-here", "06-action-plan"]


def test_spare_minutes_go_to_questions_then_to_the_topics(course):
    agenda = plan_agenda(course, 60, ["00-start-here", "06-action-plan"])
    check_shape(agenda, 60)
    assert agenda[-1].title == "Wrap-up and questions" and agenda[-1].minutes == 15
    topics = [s for s in agenda if s.kind == "topic"]
    assert sum(s.minutes for s in topics) == 40  # 50 for topics, 10 of the 15 spare to questions
    assert all(s.minutes >= s.full_minutes for s in topics)
    longer = plan_agenda(course, 120, ["00-start-here", "06-action-plan"])
    check_shape(longer, 120)
    assert all(s.extended for s in longer if s.kind == "topic")


def test_impossible_session_names_what_does_not_fit_and_suggests_sessions(course):
    with pytest.raises(NetlearnError) as caught:
        plan_agenda(course, 60)
    message = str(caught.value)
    assert "\n" not in message
    assert "only the first 5 fit" in message
    assert "these do not: 05-maintaining-relationships, 06-action-plan" in message
    assert "sessions of 60 minutes" in message and "--topics" in message


def test_too_short_for_even_one_topic(course):
    with pytest.raises(NetlearnError, match="at least 20 minutes"):
        plan_agenda(course, 15, ["01-preparation"])
    with pytest.raises(NetlearnError, match="positive"):
        plan_agenda(course, 0)


def test_unknown_topic_ids_list_the_valid_ones(course):
    with pytest.raises(NetlearnError) as caught:
        plan_agenda(course, 60, ["01-preparation", "99-nope"])
    assert "99-nope" in str(caught.value)
    assert "00-start-here, 01-preparation" in str(caught.value)


@pytest.mark.parametrize("minutes", range(20, 301, 7))
def test_any_feasible_length_adds_up_exactly(course, minutes):
    for chosen in (None, ["01-preparation"], ["01-preparation", "02-giving-not-just-taking",
                                              "05-maintaining-relationships"]):
        try:
            agenda = plan_agenda(course, minutes, chosen)
        except NetlearnError:
            continue
        check_shape(agenda, minutes)


def test_scale_minutes_hits_the_budget_and_respects_the_floor():
    assert sum(scale_minutes([15, 30, 25, 30], 60, 10)) == 60
    assert min(scale_minutes([5, 100], 50, 10)) == 10
    assert scale_minutes([30, 30], 41, 10, step=5) == [21, 20]  # 41 is no multiple of 5


def test_plain_text_format(course):
    text = format_agenda(plan_agenda(course, 60, ["00-start-here", "01-preparation",
                                                  "03-following-up"]))
    lines = text.splitlines()
    assert lines[0] == "00:00–00:05  Welcome"
    assert lines[1] == "00:05–00:15  Title 00  [00-start-here]  (shortened from 15 min)"
    assert lines[-2] == "00:55–01:00  Wrap-up"
    assert lines[-1] == "Total: 60 minutes"


def test_markdown_format_is_a_table(course):
    text = format_agenda(plan_agenda(course, 90), markdown=True)
    lines = text.splitlines()
    assert lines[0] == "| Time | Minutes | Activity | Notebook |"
    assert lines[1] == "|---|---:|---|---|"
    assert lines[2] == "| 00:00–00:05 | 5 | Welcome |  |"
    assert any("| *Break* |" in line for line in lines)
    assert "`01-preparation.ipynb`" in text
    assert "Total: 90 minutes." in text


def test_cli_agenda_with_the_real_course(capsys):
    assert cli.main(["agenda", "--minutes", "180", "--markdown"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("| Time |") and "Total: 180 minutes." in out
    assert cli.main(["agenda"]) == 0
    assert capsys.readouterr().out.startswith("00:00–00:05  Welcome")


def test_cli_agenda_errors_are_one_line(capsys):
    assert cli.main(["agenda", "--minutes", "60", "--topics", "nope"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "valid ids: 00-start-here" in err


def core_course():
    """Topics with core sections: 40 min in full, 20 of them core (the check-in is all core)."""
    topics = [Topic(id=f"0{n}-t", kind="mistake", title=f"T{n}", minutes=40, core_minutes=20,
                    key_question="?") for n in range(1, 4)]
    topics.append(Topic(id="07-check-in", kind="check-in", title="Check-in", minutes=20,
                        key_question="?"))
    return Course(title="Core course", version=1, words_per_minute=130, topics=topics)


def test_shortened_mode_drops_optional_sections_before_core_ones():
    course = core_course()
    # one break: 80 for topics, exactly the cores
    agenda = plan_agenda(course, 100, [t.id for t in course.topics])
    check_shape(agenda, 100)
    topics = [s for s in agenda if s.kind == "topic"]
    assert [s.minutes for s in topics] == [20, 20, 20, 20]
    assert all(s.core_only for s in topics[:3]) and not topics[3].shortened
    text = format_agenda(agenda)
    assert "(shortened from 40 min; core sections only)" in text
    table = format_agenda(agenda, markdown=True)
    assert "run the sections marked *Core*" in table


def test_spare_minutes_go_to_optional_sections_never_past_the_full_length():
    course = core_course()
    # one break: 100 for topics, 20 more than the cores
    agenda = plan_agenda(course, 120, [t.id for t in course.topics])
    check_shape(agenda, 120)
    topics = [s for s in agenda if s.kind == "topic"]
    assert sum(s.minutes for s in topics) == 100
    assert all(s.core_minutes <= s.minutes <= s.full_minutes for s in topics)
    assert topics[3].minutes == 20  # nothing optional in the check-in
    assert "core sections and some optional ones" in format_agenda(agenda)


def test_when_even_the_cores_do_not_fit_they_shrink_in_proportion():
    course = core_course()
    agenda = plan_agenda(course, 60, [t.id for t in course.topics])
    check_shape(agenda, 60)
    topics = [s for s in agenda if s.kind == "topic"]
    assert sum(s.minutes for s in topics) == 50
    assert all(10 <= s.minutes < s.core_minutes for s in topics)
    assert "core sections only, 20 min in full" in format_agenda(agenda)


def test_the_whole_course_leaves_the_check_in_for_its_own_session():
    course = core_course()
    assert [s.topic_id for s in plan_agenda(course) if s.topic_id] == ["01-t", "02-t", "03-t"]
    alone = plan_agenda(course, topics=["07-check-in"])
    assert [(s.topic_id, s.minutes) for s in alone if s.topic_id] == [("07-check-in", 20)]
