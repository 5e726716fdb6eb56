"""Item-quality checks: each cue found at its node, and no warning where there is no cue."""

import pytest

from netlearn.teaching import item_quality as iq


def single(texts, key=0, qid="q1", prompt="Which is best?"):
    return {"id": qid, "type": "single", "prompt": prompt, "choices": [
        {"id": chr(97 + i), "text": t, "correct": i == key, "feedback": "."}
        for i, t in enumerate(texts)]}


def multiple(n_correct, n=4, qid="m"):
    return {"id": qid, "type": "multiple", "prompt": "Which apply?", "choices": [
        {"id": chr(97 + i), "text": f"Option {i}", "correct": i < n_correct, "feedback": "."}
        for i in range(n)]}


def test_a_keyed_option_a_quarter_longer_than_the_others_and_the_longest_is_flagged():
    others = ["x" * 40, "x" * 40, "x" * 40]
    assert iq.longest_key([single(["y" * 50, *others])])  # 50 >= 1.25 * 40
    assert not iq.longest_key([single(["y" * 49, *others])])  # 49 < 50
    found = iq.longest_key([single(["x" * 10, "y" * 80, "x" * 10], key=1)])
    assert found[0].keys == ("questions", 0, "choices", 1, "text")
    assert "'b' is the longest (80 characters against a mean of 10" in found[0].message


def test_a_keyed_option_that_is_not_the_longest_is_not_flagged():
    assert not iq.longest_key([single(["y" * 60, "x" * 20, "x" * 60])])  # tied longest
    assert not iq.longest_key([single(["y" * 50, "x" * 20, "x" * 70])])


def test_markup_and_spaces_do_not_count_towards_length():
    assert iq.text_length("**Two**   real\n conversations") == len("Two real conversations")


def test_the_best_judgement_response_is_checked_like_a_key():
    question = {"id": "j", "type": "judgement", "prompt": "Rate.", "situation": "S.",
                "responses": [{"id": "a", "text": "z" * 90, "rating": "best", "rationale": "."},
                              {"id": "b", "text": "z" * 40, "rating": "poor", "rationale": "."},
                              {"id": "c", "text": "z" * 45, "rating": "acceptable",
                               "rationale": "."}]}
    found = iq.longest_key([question])
    assert found[0].keys == ("questions", 0, "responses", 0, "text")
    assert "best response 'a'" in found[0].message


@pytest.mark.parametrize("counts, flagged", [
    ([3, 3], True), ([3, 2], False), ([3, 3, 2], True), ([3, 2, 1], False), ([3], True),
    ([1, 2], False)])
def test_mostly_all_but_one_correct_is_flagged_once_per_file(counts, flagged):
    questions = [multiple(c, qid=f"m{i}") for i, c in enumerate(counts)]
    found = iq.all_but_one(questions)
    assert bool(found) is flagged
    if flagged:
        assert len(found) == 1 and found[0].keys == ("questions", counts.index(3))


@pytest.mark.parametrize("text", ["All of the above", "none of the above.", "Both of these",
                                  "Neither of the options", "All of them"])
def test_all_or_none_of_the_above_is_flagged(text):
    found = iq.above_options([single(["Ask first.", text, "Offer help."])])
    assert found[0].keys == ("questions", 0, "choices", 1, "text")


def test_ordinary_options_mentioning_all_are_not_flagged():
    assert not iq.above_options([single(["Meet all of the speakers.", "Read the list."])])


@pytest.mark.parametrize("prompt, flagged", [
    ("Which of these is not a good opener?", True),
    ("Which isn't a good opener?", True),
    ("All of these help except which one?", True),
    ("Which is least likely to work?", True),
    ("Which of these is NOT a good opener?", False),
    ("Which of these is **not** a good opener?", False),
    ("All of these help EXCEPT which one?", False),
    ("Which are good reasons to write when you don't need anything?", False),
    ("You never followed up. What now?", False),
    ("Which opener is best?", False),
])
def test_a_negative_question_needs_capitals_or_bold(prompt, flagged):
    found = iq.negative_stem([single(["A", "B"], prompt=prompt)])
    assert bool(found) is flagged
    if flagged:
        assert found[0].keys == ("questions", 0, "prompt")


def test_review_runs_every_check_in_file_order():
    questions = [single(["x", "y" * 80, "x"], key=1, qid="a1", prompt="Which is not right?"),
                 single(["Ask.", "None of the above"], qid="a2")]
    found = iq.review(questions)
    assert [f.keys[:2] for f in found] == [("questions", 0), ("questions", 0), ("questions", 1)]


def test_cue_free_items_give_no_warning():
    questions = [single(["Ask one question.", "Offer one link.", "Share a report."], key=2),
                 multiple(2, qid="m1"), multiple(1, qid="m2")]
    assert iq.review(questions) == []


# -- options in a different form -----------------------------------------------------


QUOTED = ['"Hi Ana, thanks for the tip on rainfall data."', '"Great to meet you, Ana!"',
          '"Ana, could we talk again next week?"']


@pytest.mark.parametrize("texts, key, form", [
    ([*QUOTED, "Send a short note that thanks her for the tip."], 3,
     "the only description among quoted messages"),
    (["Thank her for the tip.", "Ask for a call.", '"Hi Ana, thanks for the tip!"'], 2,
     "the only quoted message among descriptions"),
    (["Research the speakers.", "Plan two questions.", "Read the list of attendees and…"], 2,
     'the only option trailing off in "…"'),
    (["Ask for her card.", "Leave after an hour.", "Why not ask what she is working on?"], 2,
     "the only question among statements"),
])
def test_a_key_that_is_the_only_option_in_its_form_is_flagged(texts, key, form):
    found = iq.odd_form_key([single(texts, key=key)])
    assert len(found) == 1 and found[0].keys == ("questions", 0, "choices", key, "text")
    assert form in found[0].message and f"correct option '{chr(97 + key)}'" in found[0].message


def test_an_odd_form_distractor_two_options_and_a_shared_form_are_not_flagged():
    assert not iq.odd_form_key([single([*QUOTED, "Do nothing and wait."], key=0)])
    assert not iq.odd_form_key([single(["Thank her.", '"Hi Ana!"'], key=1)])
    assert not iq.odd_form_key([single(['"Hi Ana!"', '"Hello!"', "Wait.", "Call."], key=2)])
    headlines = ["Nurse turned health data analyst · SQL, Python", "Open to opportunities",
                 "Passionate healthcare professional", "Staff Nurse at City General"]
    assert not iq.odd_form_key([single(headlines, key=0)])  # a keyword list is not a form


def test_the_best_judgement_response_in_a_different_form_is_flagged():
    question = {"id": "j", "type": "judgement", "prompt": "Rate.", "situation": "S.",
                "responses": [{"id": r, "text": t, "rating": g, "rationale": "."}
                              for r, t, g in (("a", '"Hi, can we talk?"', "poor"),
                                              ("b", "Write to her tomorrow.", "best"),
                                              ("c", '"Hello again!"', "acceptable"))]}
    found = iq.odd_form_key([question])
    assert found[0].keys == ("questions", 0, "responses", 1, "text")
    assert "best response 'b'" in found[0].message


# -- keys that echo the stem -------------------------------------------------------------


ECHO_PROMPT = ("Funmi spent ten years as a nurse and now works with health data. Which profile"
               " headline helps a stranger understand her fastest?")


def test_a_key_repeating_the_stems_words_markedly_more_is_flagged():
    texts = ["Open to new opportunities in healthcare, data and beyond",
             "Passionate, results-driven professional", "Staff Nurse at City General",
             "Nurse turned health data analyst · SQL, Python"]
    found = iq.stem_echo([single(texts, key=3, prompt=ECHO_PROMPT)])
    # nurse, health, data against data (1), none (0), nurse (1): a mean of 0.7
    assert len(found) == 1 and found[0].keys == ("questions", 0, "choices", 3, "text")
    assert "repeats 3 of the stem's words against a mean of 0.7" in found[0].message


def test_no_echo_warning_when_the_others_echo_too_or_the_key_little():
    shared = ["Nurse turned health data analyst", "Health data nurse, open to work",
              "Data-minded nurse in health care", "Chemistry teacher"]
    assert not iq.stem_echo([single(shared, key=0, prompt=ECHO_PROMPT)])
    assert not iq.stem_echo([single(["Health data analyst", "Teacher", "Chef"],
                                    prompt=ECHO_PROMPT)])  # two words: not markedly
    one_apart = ["Nurse turned health data analyst", "Health data professional", "Chef",
                 "Teacher"]
    assert not iq.stem_echo([single(one_apart, prompt=ECHO_PROMPT)])  # 3 against 2: noise


def test_names_in_the_stem_do_not_count_as_echo():
    prompt = "Maya introduced you to Ben Okafor at the Harbour meetup. What do you send?"
    texts = ['"Maya, Ben Okafor and the Harbour crowd: thanks!"', '"Thanks for tonight."',
             '"Good to meet you."']
    assert not iq.stem_echo([single(texts, prompt=prompt)])


def test_content_words_meet_across_endings():
    assert iq.content_words("introduced the letting minutes") == \
        iq.content_words("introduce let minute")
    assert iq.content_words("The one when you are here") == set()


# -- facilitator notes ---------------------------------------------------------------------


REASONS = {"id": "maintain-q4", "type": "multiple", "prompt": "Good reasons to get in touch?",
           "choices": [
               {"id": "a", "text": "You will soon ask them for a reference.", "correct": False,
                "feedback": "That is a need in disguise."},
               {"id": "b", "text": "They have just been promoted or published something.",
                "correct": True, "feedback": "Congratulations are always welcome."},
               {"id": "c", "text": "You read an article that connects to their problem.",
                "correct": True, "feedback": "It shows you remembered them."},
               {"id": "d", "text": "Their team has just posted a role.", "correct": False,
                "feedback": "A request, not a reason that asks nothing."}],
           "explanation": "The best reasons are about them or about what you share."}
RATE = {"id": "maintain-q8", "type": "judgement", "prompt": "Rate.", "situation": "S.",
        "responses": [{"id": r, "text": t, "rating": g, "rationale": "."}
                      for r, t, g in (("a", "Write to a handful of people one by one.", "best"),
                                      ("b", "Message all your contacts at once.", "acceptable"),
                                      ("c", "Wait until you have a job.", "poor"))]}


def test_a_note_naming_an_option_the_item_does_not_have_is_a_problem():
    old = ("**Answer rationale**\n- maintain-q4: the promotion, the article and the shared"
           " milestone — warming someone up\n  for a reference is a need in disguise.\n")
    found = iq.note_problems(old, [REASONS])
    assert len(found) == 1 and found[0].keys == ("notes",)
    assert "'maintain-q4' names 'the shared milestone'" in found[0].message
    assert old[found[0].at:].startswith("maintain-q4:")
    fixed = ("- maintain-q4: the promotion or publication and the article that connects to"
             " their problem — a need in disguise.")
    assert iq.note_problems(fixed, [REASONS]) == []


def test_judgement_notes_are_checked_response_by_response_and_ids_must_exist():
    good = ("- maintain-q8 (judgement): writing to a handful of people one by one is best;"
            " the message to all contacts is acceptable; waiting until you have a job is poor.")
    assert iq.note_problems(good, [REASONS, RATE]) == []
    bad = good.replace("waiting until you have a job", "a cheerful team lunch")
    found = iq.note_problems(bad, [REASONS, RATE])
    assert [f.message.split(" names ")[1].split(",")[0] for f in found] == \
        ["'a cheerful team lunch'"]
    unknown = iq.note_problems("- maintain-q14: the article.", [REASONS])
    assert "'maintain-q14', which is not a question of this topic" in unknown[0].message


def test_the_default_notes_name_only_options_their_items_have():
    from netlearn.teaching.content import load_course

    for topic in load_course().topics:
        notes = topic.facilitator.get("notes", "")
        assert iq.note_problems(notes, [*topic.questions, *topic.reserve_questions]) == [], \
            topic.id


# -- through netlearn check ------------------------------------------------------------------


def test_check_strict_catches_a_planted_odd_form_key_and_check_fails_on_a_bad_note(
        tmp_path, monkeypatch, capsys):
    import yaml

    from netlearn import cli
    from netlearn.plumbing.paths import default_content_dir

    ours = tmp_path / "ours" / "03-following-up"
    ours.mkdir(parents=True)
    source = default_content_dir() / "03-following-up"
    data = yaml.safe_load((source / "questions.yaml").read_text(encoding="utf-8"))
    item = next(q for q in data["questions"] if q["type"] == "single")
    for choice in item["choices"]:  # every option a quoted message but the key
        text = choice["text"].strip('"“”')
        choice["text"] = text if choice["correct"] else f'"{text}"'
    path = ours / "questions.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("NETLEARN_CONTENT", str(tmp_path / "ours"))
    assert cli.main(["check"]) == 0  # a warning
    assert cli.main(["check", "--strict"]) == 1
    out, _ = capsys.readouterr()
    key = next(c["id"] for c in item["choices"] if c["correct"])
    assert (f"warning: question {item['id']!r}: the correct option {key!r} is the only"
            " description among quoted messages") in out
    notes = yaml.safe_load((source / "facilitator.yaml").read_text(encoding="utf-8"))
    notes["notes"] += f"\n- {item['id']}: the bouquet of flowers — a kind gesture.\n"
    (ours / "facilitator.yaml").write_text(yaml.safe_dump(notes, allow_unicode=True),
                                           encoding="utf-8")
    assert cli.main(["check"]) == 1  # a problem, not a warning
    out, err = capsys.readouterr()
    assert "names 'the bouquet of flowers'" in out + err
    assert str(ours / "facilitator.yaml") in out + err
