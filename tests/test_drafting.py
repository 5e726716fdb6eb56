"""The pure drafting and personalisation checks behind the follow-up drafter and reconnect list."""

from datetime import date

import pytest

from netlearn.teaching import drafting
from netlearn.teaching.drafting import (
    build_draft,
    check_draft,
    first_name,
    generic_phrases,
    mentions_name,
    reconnect_opener,
    refers_to_detail,
    states_next_step,
    word_count,
)


@pytest.mark.parametrize(("text", "name", "expected"), [
    ("Hi Ana, great to meet you", "Ana Lima", True),
    ("hi ana,", "Ana Lima", True),
    ("Hi Lima", "Ana Lima", False),
    ("Hi Anastasia", "Ana Lima", False),  # a whole word only
    ("Dear Dr. O'Neil", "O'Neil", True),
    ("Hi there", "", False),
    ("", "Ana", False),
])
def test_mentions_name(text, name, expected):
    assert mentions_name(text, name) is expected


@pytest.mark.parametrize(("text", "detail", "expected"), [
    ("I loved your point about screen reader testing.", "screen reader testing", True),
    ("Your screen readers story stuck with me.", "screen reader testing", True),  # half, stems
    ("Great to meet you.", "screen reader testing", False),
    ("Anything at all", "", False),
    ("the and for", "the and for", False),  # no content words
    ("Your team's budgets — fascinating", "how your team handles budgets", True),  # 2 of 3
    ("We talked about budgets", "how your team handles budgets", False),  # 1 of 3
])
def test_refers_to_detail(text, detail, expected):
    assert refers_to_detail(text, detail) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Would you be up for a call next week?", True),
    ("Let's grab coffee.", True),
    ("Here is the checklist I mentioned.", True),
    ("I'll send you the slides tomorrow.", True),
    ("Happy to introduce you to Bo.", True),
    ("Could we meet on Friday?", True),
    ("It was nice to meet you.", False),
    ("How are you?", False),
    ("", False),
])
def test_states_next_step(text, expected):
    assert states_next_step(text) is expected


@pytest.mark.parametrize(("text", "found"), [
    ("Just touching base about last week.", ["touching base"]),
    ("Let me circle back on this.", ["circle back"]),
    ("I hope this email finds you well.", ["hope this finds you well"]),
    ("Could I pick your brain?", ["pick your brain"]),
    ("Just checking in! Touch base soon.", ["touching base", "just checking in"]),
    ("Thanks for the tip about ramps — here is the link.", []),
    ("", []),
])
def test_generic_phrases(text, found):
    assert generic_phrases(text) == found


@pytest.mark.parametrize(("text", "count"), [
    ("", 0), ("one", 1), ("it's a well-known fact", 4), ("  spaced   out  ", 2),
])
def test_word_count(text, count):
    assert word_count(text) == count


@pytest.mark.parametrize(("name", "first"), [("Ana Lima", "Ana"), ("  Bo ", "Bo"), ("", "")])
def test_first_name(name, first):
    assert first_name(name) == first


GOOD = ("Hi Ana,\n\nGreat to meet you at the meetup. Your point about screen reader testing "
        "stuck with me.\n\nWould you be up for a 20-minute call next week?\n\nBest, Sam")


@pytest.mark.parametrize(("text", "name", "detail", "passed"), [
    (GOOD, "Ana Lima", "screen reader testing", [True, True, True, True, True]),
    ("Just touching base.", "Ana Lima", "screen reader testing",
     [False, False, False, True, False]),
    ("", "", "", [False, False, False, False, True]),
    (GOOD + " word" * 120, "Ana Lima", "screen reader testing",
     [True, True, True, False, True]),
])
def test_check_draft_table(text, name, detail, passed):
    checks = check_draft(text, name, detail)
    assert [c.passed for c in checks] == passed
    assert [c.label.split(" (")[0] for c in checks] == [
        "mentions their name", "refers to a specific detail you discussed",
        "states a next step or an offer", "under 120 words", "no generic phrases"]


def test_check_text_shows_marks_and_hints():
    checks = check_draft("Just touching base.", "Ana", "")
    assert str(checks[0]).startswith("✗ mentions their name — ")
    assert str(checks[3]).startswith("✓ under 120 words (now 3)")
    assert "“touching base”" in str(checks[4])


def test_build_draft_uses_every_field_and_passes_its_own_checks():
    draft = build_draft("Ana Lima", "the accessibility meetup", "screen reader testing",
                        "here is the checklist I mentioned",
                        "would you be up for a call next week", "Sam")
    assert draft.startswith("Hi Ana,")
    assert "at the accessibility meetup" in draft
    assert "screen reader testing" in draft
    assert "As promised, here is the checklist I mentioned." in draft
    assert "Would you be up for a call next week." in draft
    assert draft.endswith("Sam")
    assert all(c.passed for c in check_draft(draft, "Ana Lima", "screen reader testing"))


@pytest.mark.parametrize(("where", "expected"), [
    ("", "It was great to meet you."),
    ("the meetup", "It was great to meet you at the meetup."),
    ("at the meetup", "It was great to meet you at the meetup."),
    ("during the conference", "It was great to meet you during the conference."),
])
def test_build_draft_place(where, expected):
    assert expected in build_draft("Ana", where)


def test_build_draft_leaves_out_empty_parts():
    assert build_draft() == "Hi,\n\nIt was great to meet you.\n\nBest wishes,"


@pytest.mark.parametrize(("days", "close", "company", "must"), [
    (drafting.DORMANT_DAYS, False, "", "it's been a few years"),
    (200, True, "", "haven't talked since March 2026"),
    (120, False, "Example Ltd", "how are things at Example Ltd"),
    (120, False, "", "it's been a while"),
])
def test_reconnect_opener_is_low_pressure(days, close, company, must):
    line = reconnect_opener("Bo Placeholder", days, close, company, date(2026, 3, 1))
    assert line.startswith("Hi Bo,")
    assert must in line
    lowered = line.lower()
    for pushy in ("favour", "favor", "need", "job", "ask you", "touching base"):
        assert pushy not in lowered
    assert word_count(line) < 40


def test_personal_openers_use_what_is_known_and_never_repeat():
    from datetime import date as _date

    from netlearn.network.sample import sample_network
    from netlearn.teaching.drafting import generic_phrases, personal_opener
    from netlearn.widgets.practice.reconnect import reconnect_rows

    line = personal_opener("Ada Byron", 120, _date(2026, 3, 4), company="Birch Health",
                           position="Data Lead", channel="email", tag="ask")
    assert line.startswith("Hi Ada, ")
    assert "by e-mail in March 2026" in line and "Data Lead at Birch Health" in line
    assert "return the favour" in line
    assert "a few years" in personal_opener("Ada", 4 * 365)
    assert personal_opener("Ada", variant=0) != personal_opener("Ada", variant=1)
    net = sample_network()
    lines = [row[3] for row in reconnect_rows(net, net.as_of, n=10)]
    assert len(lines) == 10 and len(set(lines)) == 10
    assert not any(generic_phrases(text) for text in lines)
