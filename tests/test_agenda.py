"""Timed agendas from course.yaml: cores kept, self-study, breaks, impossible sessions, formats."""

from pathlib import Path

import pytest

from netlearn import cli
from netlearn.facilitator.agenda import (
    LONGEST_STRETCH,
    break_positions,
    format_agenda,
    plan_agenda,
)
from netlearn.facilitator.agenda_tables import agenda_arguments, with_agenda_tables
from netlearn.plumbing.errors import NetlearnError
from netlearn.teaching.content import Course, Topic
from netlearn.teaching.content import course as real_course

# id: (kind, minutes, core minutes)
TOPICS = {
    "00-start": ("intro", 25, 20),
    "01-prepare": ("mistake", 45, 25),
    "02-give": ("mistake", 35, 25),
    "03-follow": ("mistake", 40, 25),
    "04-online": ("mistake", 35, 25),
    "05-keep": ("mistake", 35, 25),
    "06-plan": ("plan", 30, 25),
    "07-check-in": ("check-in", 20, 0),
}


def make_course(topics=TOPICS):
    return Course(title="Test course", version=1, words_per_minute=130, topics=[
        Topic(id=tid, kind=kind, title=f"Title {tid[:2]}", minutes=minutes, core_minutes=core,
              key_question="?") for tid, (kind, minutes, core) in topics.items()])


@pytest.fixture
def course():
    return make_course()


def stretches(agenda):
    """(minutes, topic slots) between the start, each break and the end."""
    found, minutes, topics = [], 0, []
    for slot in agenda:
        if slot.kind == "break":
            found.append((minutes, topics))
            minutes, topics = 0, []
        else:
            minutes += slot.minutes
            topics += [slot] if slot.kind == "topic" else []
    return found + [(minutes, topics)]


def check_rules(agenda, course, minutes=None, chosen=None):
    """Every rule the guide states, checked on one agenda."""
    assert agenda[0].kind == "intro" and agenda[0].start == 0 and agenda[0].minutes == 5
    assert agenda[-1].kind == "wrap-up" and 5 <= agenda[-1].minutes <= 15
    for before, after in zip(agenda, agenda[1:], strict=False):
        assert after.start == before.end
    assert agenda[1].kind == "topic" and agenda[-2].kind == "topic"  # no break at the edges
    topics = [s for s in agenda if s.kind == "topic"]
    for slot in topics:
        topic = course.topic(slot.topic_id)
        assert (topic.core_minutes or topic.minutes) <= slot.minutes <= topic.minutes, slot
    for slot in agenda:
        if slot.kind == "break":
            assert slot.minutes == 10
    for length, inside in stretches(agenda):
        # only a topic longer than the limit on its own may make a longer stretch
        assert length <= LONGEST_STRETCH or len(inside) == 1, stretches(agenda)
    if minutes is not None:
        assert agenda.total <= minutes
        assert agenda.total + agenda.free_minutes == minutes
    wanted = chosen or [t.id for t in course.topics if t.kind != "check-in"]
    planned = [s.topic_id for s in topics]
    left = [t.topic_id for t in agenda.self_study]
    assert sorted(planned + left) == sorted(wanted)  # nothing vanishes
    order = [t.id for t in course.topics]
    assert planned == sorted(planned, key=order.index)
    assert left == sorted(left, key=order.index)
    anchors = [t.id for t in course.topics if t.id in wanted and t.kind in ("intro", "plan")]
    assert set(anchors) <= set(planned)


@pytest.mark.parametrize("minutes", [90, 120, 180, 240, None])
def test_the_real_course_keeps_every_rule(minutes):
    course = real_course()
    agenda = plan_agenda(course, minutes)
    check_rules(agenda, course, minutes)


def test_an_hour_of_the_real_course_says_what_to_do_and_exits_non_zero(capsys):
    # The start's and the action plan's cores take more than an hour with the welcome and
    # wrap-up: the command says so, names the shortest session, and offers self-study.
    from netlearn import cli

    assert cli.main(["agenda", "--minutes", "60"]) == 1
    err = capsys.readouterr().err
    assert "cannot hold even the start and the action plan" in err and "self-study" in err
    assert cli.main(["agenda", "--minutes", "60", "--topics", "03-following-up"]) == 0


@pytest.mark.parametrize("minutes", range(55, 330, 5))
def test_every_feasible_length_keeps_every_rule(course, minutes):
    check_rules(plan_agenda(course, minutes), course, minutes)


def test_the_whole_course_keeps_full_lengths_and_breaks_about_every_hour(course):
    agenda = plan_agenda(course)
    check_rules(agenda, course)
    topics = [s for s in agenda if s.kind == "topic"]
    assert [s.minutes for s in topics] == [25, 45, 35, 40, 35, 35, 30]
    assert not agenda.self_study and not any(s.shortened for s in topics)
    # the first two topics with the welcome make 75: over the limit, so a break between them
    assert [length for length, _ in stretches(agenda)] == [30, 45, 35, 40, 35, 70]


def test_ninety_minutes_keeps_the_start_one_topic_and_the_plan_at_their_core(course):
    agenda = plan_agenda(course, 90)
    check_rules(agenda, course, 90)
    assert [(s.kind, s.topic_id, s.minutes) for s in agenda] == [
        ("intro", "", 5), ("topic", "00-start", 20), ("topic", "01-prepare", 25),
        ("break", "", 10), ("topic", "06-plan", 25), ("wrap-up", "", 5)]
    assert [t.topic_id for t in agenda.self_study] == [
        "02-give", "03-follow", "04-online", "05-keep"]


def test_the_facilitator_chooses_which_topics_with_topics(course):
    agenda = plan_agenda(course, 90, ["06-plan", "03-follow", "00-start"])
    check_rules(agenda, course, 90, ["00-start", "03-follow", "06-plan"])
    assert [s.topic_id for s in agenda if s.topic_id] == ["00-start", "03-follow", "06-plan"]
    assert not agenda.self_study


def test_a_topic_that_does_not_fit_is_skipped_for_a_later_one_that_does():
    topics = dict(TOPICS)
    topics["01-prepare"] = ("mistake", 60, 60)  # a long core: too long for 90 minutes
    course = make_course(topics)
    agenda = plan_agenda(course, 90)
    check_rules(agenda, course, 90)
    assert [s.topic_id for s in agenda if s.topic_id] == ["00-start", "02-give", "06-plan"]
    assert agenda.self_study[0].topic_id == "01-prepare"


def test_spare_minutes_go_to_optional_sections_then_questions_never_past_the_full_length(course):
    agenda = plan_agenda(course, 75, ["00-start", "06-plan"])
    check_rules(agenda, course, 75, ["00-start", "06-plan"])
    assert [s.minutes for s in agenda if s.kind == "topic"] == [25, 30]  # whole
    assert agenda[-1].title == "Wrap-up and questions" and agenda[-1].minutes == 10
    longer = plan_agenda(course, 150, ["00-start", "06-plan"])
    check_rules(longer, course, 150, ["00-start", "06-plan"])
    assert [s.minutes for s in longer if s.kind == "topic"] == [25, 30]
    assert longer.total == 70 and longer.free_minutes == 80
    assert not any(s.kind == "break" for s in longer)  # questions never buy a break
    assert "80 of the 150 are free" in format_agenda(longer)


def test_optional_minutes_are_shared_in_proportion(course):
    agenda = plan_agenda(course, 240)
    check_rules(agenda, course, 240)
    assert not agenda.self_study
    topics = {s.topic_id: s for s in agenda if s.kind == "topic"}
    assert all(s.minutes % 5 == 0 for s in topics.values())
    assert any(s.core_minutes < s.minutes < s.full_minutes for s in topics.values())


def test_a_topic_longer_than_the_limit_alone_gets_its_own_stretch():
    course = make_course({"00-start": ("intro", 25, 20), "01-long": ("mistake", 90, 80),
                          "06-plan": ("plan", 30, 25)})
    agenda = plan_agenda(course)
    check_rules(agenda, course)
    assert [length for length, _ in stretches(agenda)] == [30, 90, 35]


def test_break_positions_prefer_even_stretches():
    # 5 + 30 + 30 | 30 + 30 + 5: one break, in the middle
    assert break_positions([30, 30, 30, 30]) == [1]
    assert break_positions([20, 20]) == []
    assert break_positions([]) == []


def test_too_short_even_for_the_start_and_the_plan_says_what_to_do(course):
    assert plan_agenda(course, 55)  # 5 + 20 + 25 + 5: the least
    with pytest.raises(NetlearnError) as caught:
        plan_agenda(course, 54)
    message = str(caught.value)
    assert "\n" not in message
    assert "cannot hold even the start and the action plan" in message
    assert "plan at least 55 minutes" in message
    assert ("self-study in this order: 00-start, 01-prepare, 02-give, 03-follow, 04-online, "
            "05-keep, 06-plan") in message


def test_too_short_for_any_chosen_topic_without_a_start_or_plan(course):
    with pytest.raises(NetlearnError, match="one topic's core.*at least 35 minutes"):
        plan_agenda(course, 30, ["01-prepare", "03-follow"])
    with pytest.raises(NetlearnError, match="positive"):
        plan_agenda(course, 0)


def test_unknown_topic_ids_list_the_valid_ones(course):
    with pytest.raises(NetlearnError) as caught:
        plan_agenda(course, 60, ["01-prepare", "99-nope"])
    assert "99-nope" in str(caught.value)
    assert "00-start, 01-prepare" in str(caught.value)


def test_the_check_in_is_its_own_session_and_named_after_the_plan(course):
    assert [s.topic_id for s in plan_agenda(course) if s.topic_id][-1] == "06-plan"
    assert plan_agenda(course).check_in.topic_id == "07-check-in"
    alone = plan_agenda(course, topics=["07-check-in"])
    assert [(s.topic_id, s.minutes) for s in alone if s.topic_id] == [("07-check-in", 20)]
    assert alone.check_in is None


def test_plain_text_format(course):
    lines = format_agenda(plan_agenda(course, 90)).splitlines()
    assert lines[:7] == [
        "00:00–00:05  Welcome",
        "00:05–00:25  Title 00  [00-start]  (core sections only; 25 min in full)",
        "00:25–00:50  Title 01  [01-prepare]  (core sections only; 45 min in full)",
        "00:50–01:00  Break",
        "01:00–01:25  Title 06  [06-plan]  (core sections only; 30 min in full)",
        "01:25–01:30  Wrap-up",
        "Total: 90 minutes",
    ]
    text = "\n".join(lines)
    assert ("Self-study after the session, in this order (about 145 minutes, 100 for the core "
            "sections alone") in text
    assert "  1. 02-give, Title 02 (35 min, core 25)" in lines
    assert ("Then, the optional sections of 00-start (5 min), 01-prepare (20 min), "
            "06-plan (5 min).") in lines
    assert lines[-1].startswith("Two to four weeks later: the check-in, 07-check-in (20 min)")


def test_markdown_format_is_a_table_then_the_self_study(course):
    text = format_agenda(plan_agenda(course, 90), markdown=True)
    lines = text.splitlines()
    assert lines[0] == "| Time | Minutes | Activity | Notebook |"
    assert lines[1] == "|---|---:|---|---|"
    assert lines[2] == "| 00:00–00:05 | 5 | Welcome |  |"
    assert "| 00:50–01:00 | 10 | *Break* |  |" in lines
    assert "`01-prepare.ipynb`" in text and "Total: 90 minutes." in text
    assert "run the sections marked *Core*" in text
    assert "1. `02-giving-not-just-taking.ipynb`" not in text  # the fixture's own ids
    assert "1. `02-give.ipynb`, Title 02 (35 min, core 25)" in lines


def test_cli_agenda_with_the_real_course(capsys):
    assert cli.main(["agenda", "--minutes", "90", "--markdown"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("| Time |") and "Total: 90 minutes." in out
    assert cli.main(["agenda"]) == 0
    assert capsys.readouterr().out.startswith("00:00–00:05  Welcome")


def test_cli_agenda_exits_non_zero_with_advice_when_nothing_fits(capsys):
    assert cli.main(["agenda", "--minutes", "30"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "plan at least" in captured.err and "self-study in this order" in captured.err


def test_cli_agenda_errors_are_one_line(capsys):
    assert cli.main(["agenda", "--minutes", "60", "--topics", "nope"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "valid ids: 00-start-here" in err


# -- the facilitator guide's tables ----------------------------------------------------------

GUIDE = Path(__file__).resolve().parents[1] / "docs" / "facilitator-guide.md"


def test_the_guides_agenda_tables_are_the_tools_output():
    text = GUIDE.read_text(encoding="utf-8")
    for minutes in (60, 90, 180):
        assert f"<!-- agenda: --minutes {minutes}" in text
    assert with_agenda_tables(text, real_course()) == text, (
        "docs/facilitator-guide.md's agenda tables are out of date: "
        "run python tools/build_notebooks.py")


def test_an_agenda_block_is_rewritten_and_the_prose_around_it_kept(course):
    text = ("Before.\n\n<!-- agenda: --minutes 90 --topics 00-start 03-follow 06-plan -->\n"
            "| an old table |\n<!-- /agenda -->\n\nAfter.\n")
    rewritten = with_agenda_tables(text, course)
    assert rewritten.startswith("Before.\n\n<!-- agenda: --minutes 90 --topics 00-start")
    assert rewritten.endswith("<!-- /agenda -->\n\nAfter.\n")
    assert "| an old table |" not in rewritten
    assert ("`netlearn agenda --minutes 90 --topics 00-start 03-follow 06-plan --markdown`"
            in rewritten)
    block = format_agenda(plan_agenda(course, 90, ["00-start", "03-follow", "06-plan"]),
                          markdown=True)
    assert block in rewritten
    assert with_agenda_tables(rewritten, course) == rewritten


def test_a_marker_takes_only_minutes_and_topics():
    assert agenda_arguments(" --minutes 60 ") == (60, None)
    assert agenda_arguments("--topics a b --minutes 5") == (5, ["a", "b"])
    with pytest.raises(NetlearnError, match="unexpected '--markdown'"):
        agenda_arguments("--minutes 60 --markdown")
