"""Cohort aggregation over summaries, including broken, duplicate and other-version ones."""

import copy
import json
import random
from pathlib import Path

import pytest

from netlearn import cli
from netlearn.charts import cohort as cohort_charts
from netlearn.facilitator.cohort import (
    COLUMNS,
    ITEM_COLUMNS,
    aggregate,
    before_after,
    item_table,
    load_summaries,
    participation,
    run_cohort,
    topic_overview,
    validate_summary,
)
from netlearn.keep.summary import VERSION, content_fingerprint
from netlearn.teaching.content import course as load_course

DEMO = Path(__file__).resolve().parent.parent / "netlearn" / "data" / "demo-summaries"
TOPICS = ["00-start-here", "01-preparation", "02-giving", "06-action-plan"]
FINGERPRINT = "a" * 64


def fake_summary(number: int, fingerprint: str = FINGERPRINT) -> dict:
    """A deterministic, well-formed summary for learner ``number``."""
    rng = random.Random(number)
    topics = {"00-start-here": {"kind": "intro", "reflections_written": 1, "status": "done",
                                "completed": True}}
    for tid in TOPICS[1:3]:
        before = rng.choice([1.5, 2.0, 2.5, 3.0])
        answered = rng.randint(0, 4)
        topics[tid] = {
            "kind": "mistake",
            "self_assessment": {"statements": 4, "before": before, "rated_before": 4,
                                "check": None, "rated_check": 0, "after": before + 1,
                                "rated_after": 4},
            "quiz": {"score": answered * 0.75, "max": float(answered), "answered": answered,
                     "correct": answered // 2, "items": 4},
            "reflections_written": 0,
            "status": "done" if answered == 4 else ("started" if answered else "not started"),
            "completed": answered == 4,
        }
    topics["01-preparation"]["scenarios"] = {"reception": {
        "played": True, "outcome": rng.choice(["good", "mixed", "poor"]), "points": 3.0,
        "max_points": 6.0}}
    topics["06-action-plan"] = {"kind": "plan", "reflections_written": 2, "status": "done",
                                "completed": True}
    return {
        "format": "netlearn-summary", "version": 1,
        "summary_id": f"{number:032x}", "exported_on": "2025-03-14",
        "course": {"title": "Test", "content_version": 1, "fingerprint": fingerprint},
        "topics": topics,
        "activity": {"contacts": number, "interactions": 2 * number},
    }


def write(path: Path, data) -> Path:
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path):
    """Ten good summaries plus one of every kind of bad file."""
    good = [write(tmp_path / f"learner-{i:02d}.json", fake_summary(i)) for i in range(1, 11)]
    bad = {
        "broken.json": '{"format": "netlearn-summary", ',
        "list.json": "[1, 2, 3]",
        "other-format.json": {"format": "something-else", "version": 1},
        "newer.json": {**fake_summary(90), "version": VERSION + 1},
        "duplicate.json": fake_summary(3),
        "other-course.json": fake_summary(91, fingerprint="b" * 64),
        "bad-numbers.json": {**fake_summary(92), "activity": {"contacts": "Zelda"}},
        "bad-day.json": {**fake_summary(93), "exported_on": "2025-03-14T10:00:00"},
    }
    for name, data in bad.items():
        write(tmp_path / name, data)
    (tmp_path / "binary.json").write_bytes(b"\xff\xfe\x00\x01")
    return tmp_path, good


def test_load_skips_every_bad_file_with_one_line_naming_it(folder):
    directory, good = folder
    files = good + sorted(set(directory.glob("*.json")) - set(good)) + [directory / "missing.json"]
    summaries, problems = load_summaries(files)
    assert len(summaries) == 10
    assert sorted(s["summary_id"] for s in summaries) == [f"{i:032x}" for i in range(1, 11)]
    assert len(problems) == 10
    for problem in problems:
        assert "\n" not in problem and problem.endswith("; skipped")
    by_file = {Path(p.split(": ")[0]).name: p for p in problems}
    assert "not valid JSON" in by_file["broken.json"]
    assert "not a netlearn summary" in by_file["list.json"]
    assert "not a netlearn summary" in by_file["other-format.json"]
    assert "newer netlearn" in by_file["newer.json"]
    assert "handed in twice" in by_file["duplicate.json"]
    assert "learner-03.json" in by_file["duplicate.json"]
    assert "different version of the course content" in by_file["other-course.json"]
    assert "counts" in by_file["bad-numbers.json"]
    assert "not a day" in by_file["bad-day.json"]
    assert "UTF-8" in by_file["binary.json"]
    assert "no such file" in by_file["missing.json"]


def test_a_directory_stands_for_its_json_files(folder):
    directory, _ = folder
    summaries, problems = load_summaries([directory])
    assert len(summaries) == 10 and len(problems) == 9


def test_the_expected_fingerprint_can_be_given(folder):
    directory, _ = folder
    summaries, problems = load_summaries([directory / "other-course.json",
                                          directory / "learner-01.json"], fingerprint="b" * 64)
    assert [s["summary_id"] for s in summaries] == [f"{91:032x}"]
    assert len(problems) == 1


def test_validate_summary_rejects_free_text_shapes():
    summary = fake_summary(1)
    assert validate_summary(summary) is None
    broken = copy.deepcopy(summary)
    broken["topics"]["01-preparation"]["scenarios"]["reception"]["outcome"] = "She said yes"
    assert "outcome" in validate_summary(broken)
    broken = copy.deepcopy(summary)
    broken["topics"]["01-preparation"]["quiz"]["score"] = "high"
    assert "quiz" in validate_summary(broken)
    assert "summary_id" in validate_summary({**summary, "summary_id": "Zelda Q"})


def test_aggregate_gives_one_row_per_learner_per_topic():
    summaries = [fake_summary(i) for i in range(1, 6)]
    frame = aggregate(summaries)
    assert list(frame.columns) == COLUMNS
    assert len(frame) == 5 * len(TOPICS)
    assert list(frame["topic"].cat.categories) == TOPICS
    row = frame[(frame["learner"] == f"{1:032x}") & (frame["topic"] == "01-preparation")].iloc[0]
    source = summaries[0]["topics"]["01-preparation"]
    assert row["self_before"] == source["self_assessment"]["before"]
    assert row["self_after"] == source["self_assessment"]["before"] + 1
    assert row["quiz_answered"] == source["quiz"]["answered"]
    assert row["scenarios_played"] == 1
    table = before_after(frame)
    assert list(table.index) == ["01-preparation", "02-giving"]
    assert (table["n"] == 5).all()
    assert (table["after"] - table["before"]).round(6).eq(1).all()
    counts = participation(frame)
    assert counts.loc["00-start-here", "completed"] == 5
    assert counts.loc["06-action-plan", "started"] == 5


def test_run_cohort_writes_table_and_charts_and_reports(folder, tmp_path, capsys):
    directory, _ = folder
    out = tmp_path / "result"
    assert run_cohort(sorted(directory.glob("*.json")), out) == 0
    report = capsys.readouterr().out
    assert report.startswith("10 learner summaries used (exported 2025-03-14)")
    assert "9 file(s) skipped:" in report
    assert "learner-03.json: same summary id as" in report  # duplicate.json came first
    for name in ("cohort.csv", "activity.csv", "before_after.png", "quiz_scores.png",
                 "participation.png"):
        assert (out / name).stat().st_size > 0, name
        assert (out / name).read_bytes()[:4] in (b"lear", b"\x89PNG"), name
    lines = (out / "cohort.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == ",".join(COLUMNS)
    assert len(lines) == 1 + 10 * len(TOPICS)
    assert not list(out.glob("*.part*"))


def test_run_cohort_with_nothing_usable_fails_with_one_line(folder, tmp_path, capsys):
    directory, _ = folder
    status = run_cohort([directory / "broken.json", directory / "list.json"], tmp_path / "o")
    assert status == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("netlearn: no usable summary")
    assert not (tmp_path / "o").exists()


def test_cli_cohort(folder, tmp_path, capsys):
    directory, good = folder
    assert cli.main(["cohort", *map(str, good), "--out", str(tmp_path / "c")]) == 0
    assert "10 learner summaries used" in capsys.readouterr().out


def test_charts_are_titled_and_labelled_and_handle_no_data(plt):
    frame = aggregate([fake_summary(i) for i in range(1, 8)])
    for ax in (cohort_charts.plot_before_after(before_after(frame)),
               cohort_charts.plot_quiz_scores(frame),
               cohort_charts.plot_participation(participation(frame), n_learners=7)):
        assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
        plt.close(ax.figure)
    empty = aggregate([])
    fig, axes = plt.subplots(1, 3)
    assert cohort_charts.plot_before_after(before_after(empty), ax=axes[0]) is axes[0]
    assert cohort_charts.plot_quiz_scores(empty, ax=axes[1]) is axes[1]
    drawn = cohort_charts.plot_participation(participation(empty), n_learners=0, ax=axes[2])
    assert drawn is axes[2]
    assert "No" in axes[1].texts[0].get_text()
    plt.close(fig)


def test_demo_summaries_are_usable_and_match_the_current_course():
    files = sorted(DEMO.glob("*.json"))
    assert len(files) >= 20
    summaries, problems = load_summaries(files)
    assert problems == [] and len(summaries) == len(files)
    assert summaries[0]["course"]["fingerprint"] == content_fingerprint(load_course()), (
        "the course's topics or questions changed: run python tools/make_demo_summaries.py")


def test_uploads_are_saved_safely_and_read_with_the_folder(tmp_path):
    from netlearn.facilitator.cohort import dashboard_sources, demo_summaries_dir, save_uploads

    uploads = tmp_path / "uploads"
    assert dashboard_sources(None, uploads) == [demo_summaries_dir()]
    one = json.dumps(fake_summary(1)).encode()
    saved, problems = save_uploads([
        {"name": "../../etc/learner one.json", "content": memoryview(one)},
        {"name": "learner one.json", "content": json.dumps(fake_summary(2)).encode()},
        {"name": "learner one.json", "content": one},  # the same file again: not duplicated
        {"name": "huge.json", "content": b" " * 3_000_000},
    ], uploads)
    assert [p.name for p in saved] == ["learner-one.json", "learner-one-2.json",
                                       "learner-one.json"]
    assert all(p.parent == uploads for p in saved)
    assert len(problems) == 1 and problems[0].startswith("huge.json: is larger")
    assert dashboard_sources(None, uploads) == [uploads]
    assert dashboard_sources(tmp_path / "mine", uploads) == [tmp_path / "mine", uploads]
    summaries, skipped = load_summaries(dashboard_sources(None, uploads))
    assert len(summaries) == 2 and skipped == []


def test_topic_overview_has_a_row_per_topic():
    from netlearn.facilitator.cohort import topic_overview

    table = topic_overview(aggregate([fake_summary(i) for i in range(1, 5)]))
    assert list(table.index) == TOPICS
    assert table.loc["01-preparation", "self_n"] == 4
    assert table.loc["00-start-here", "self_n"] == 0


def test_dashboard_notebook_is_committed_without_outputs():
    import nbformat

    path = DEMO.parent.parent.parent / "notebooks" / "facilitator" / "cohort-dashboard.ipynb"
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    assert "widgets" not in notebook.metadata
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


def test_empty_charts_say_why_in_cohort_words(plt):
    empty = aggregate([])
    fig, axes = plt.subplots(1, 3)
    cohort_charts.plot_before_after(before_after(empty), ax=axes[0])
    cohort_charts.plot_quiz_scores(empty, ax=axes[1])
    cohort_charts.plot_participation(participation(empty), n_learners=0, ax=axes[2])
    assert [ax.texts[0].get_text() for ax in axes] == [
        "No learner rated themselves both before and after",
        "No first-try quiz scores in these summaries", cohort_charts.NO_SUMMARIES]
    plt.close(fig)


def versioned_summary(number: int, q1_version: str, q1_right: bool, fmt: int = 3) -> dict:
    """A summary whose 01-preparation quiz has per-item versions and answers: format 3
    (first attempts, with choices and the result after retries) or format 2 (latest)."""
    summary = fake_summary(number)
    quiz = summary["topics"]["01-preparation"]["quiz"]
    quiz["item_versions"] = {"q1": q1_version, "q2": "b" * 16}
    quiz["answers"] = {
        "q1": {"version": q1_version, "score": float(q1_right), "max": 1.0,
               "correct": q1_right},
        "q2": {"version": "b" * 16, "score": 0.5, "max": 1.0, "correct": False}}
    summary["version"] = fmt
    if fmt >= 3:
        for entry in summary["topics"].values():
            if "quiz" in entry:
                entry["quiz"].update(scoring="first attempt", after_retries={
                    "score": 0.0, "max": 0.0, "answered": 0, "correct": 0})
        quiz.update(item_keys={"q1": {"a": False, "b": True},
                               "q2": {"a": True, "b": False, "c": True}},
                    after_retries={"score": 2.0, "max": 2.0, "answered": 2, "correct": 2})
        quiz["answers"]["q1"].update(chosen=["b"] if q1_right else ["a"], attempts=2,
                                     after_retries={"score": 1.0, "correct": True})
        quiz["answers"]["q2"].update(chosen=["a"], attempts=1,
                                     after_retries={"score": 0.5, "correct": False})
    return summary


def test_answers_to_different_versions_of_an_item_are_never_pooled(tmp_path, capsys):
    old, new = "0" * 16, "1" * 16
    summaries = [versioned_summary(1, new, True), versioned_summary(2, new, False),
                 versioned_summary(3, old, True)]  # learner 3 answered the earlier version
    assert all(validate_summary(s) is None for s in summaries)
    items = item_table(summaries).set_index(["item", "version"])
    assert list(item_table(summaries).columns) == ITEM_COLUMNS
    assert items.loc[("q1", new), ["learners", "correct", "mean_percent"]].tolist() == \
        [2, 1, 50.0]
    assert items.loc[("q1", old), ["learners", "correct", "mean_percent"]].tolist() == \
        [1, 1, 100.0]
    assert bool(items.loc[("q1", new), "current"]) and not items.loc[("q1", old), "current"]
    frame = aggregate(summaries)
    prep = frame[frame["topic"] == "01-preparation"].set_index("learner")
    assert prep.loc[f"{3:032x}", "quiz_answered"] == 1  # only q2: its q1 is another version
    assert prep.loc[f"{3:032x}", "quiz_score"] == 0.5
    assert prep.loc[f"{1:032x}", "quiz_score"] == 1.5
    files = [write(tmp_path / f"s{i}.json", s) for i, s in enumerate(summaries)]
    assert run_cohort(files, tmp_path / "out", min_learners=3) == 0
    report = capsys.readouterr().out
    assert "01-preparation: item q1: answers to 2 versions, reported separately" in report
    lines = (tmp_path / "out" / "items.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == ",".join(ITEM_COLUMNS) and len(lines) == 1 + 3
    assert all(line.startswith("first attempt,") for line in lines[1:])


def test_malformed_item_versions_are_refused():
    summary = versioned_summary(1, "1" * 16, True)
    broken = copy.deepcopy(summary)
    broken["topics"]["01-preparation"]["quiz"]["answers"]["q1"]["version"] = "Zelda Quixote"
    assert "quiz answers are malformed" in validate_summary(broken)
    broken = copy.deepcopy(summary)
    broken["topics"]["01-preparation"]["quiz"]["item_versions"]["q1"] = "<b>"
    assert "item versions are malformed" in validate_summary(broken)


def test_check_in_ratings_show_in_the_dashboard_only_when_present():
    from netlearn.charts import cohort as cohort_charts
    from netlearn.facilitator.cohort import before_after, topic_overview

    plain = [fake_summary(i) for i in range(1, 5)]
    table = topic_overview(aggregate(plain))
    assert "self_checkin" not in table.columns  # older summaries: nothing new shown
    ax = cohort_charts.plot_before_after(before_after(aggregate(plain)))
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Before", "After"]

    later = [fake_summary(i) for i in range(1, 5)]
    for summary in later[:2]:
        summary["topics"]["01-preparation"]["self_assessment"].update(
            {"check-in": 2.5, "rated_check-in": 4})
    frame = aggregate(later)
    assert frame["self_checkin"].notna().sum() == 2
    table = topic_overview(frame)
    assert table.loc["01-preparation", "self_checkin"] == 2.5
    assert table.loc["01-preparation", "self_checkin_n"] == 2
    assert table.loc["02-giving", "self_checkin_n"] == 0
    ax = cohort_charts.plot_before_after(before_after(frame))
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["Before", "After", "Check-in (those who did it)"]
    assert "nan" not in [t.get_text() for t in ax.texts]


def test_a_small_group_gets_only_counts_on_the_dashboard_too():
    from netlearn.facilitator.cohort import counts_only_note, dashboard_overview, enough_learners

    small = [fake_summary(i) for i in range(1, 4)]
    table = dashboard_overview(small)
    assert not enough_learners(small) and enough_learners(small, min_learners=3)
    assert not any("quiz" in str(c) or "self" in str(c) for c in table.columns)
    assert "3 learner(s): fewer than 5" in counts_only_note(small)
    large = [fake_summary(i) for i in range(1, 6)]
    assert any("quiz" in str(c) for c in dashboard_overview(large).columns)


def test_writing_cohort_charts_leaves_the_kernel_backend_alone(tmp_path, learner_backend):
    import matplotlib

    from netlearn.facilitator.cohort import write_outputs

    write_outputs([fake_summary(i) for i in range(1, 6)], tmp_path / "out")
    assert (tmp_path / "out" / "before_after.png").stat().st_size > 0
    assert matplotlib.get_backend() == learner_backend


def test_older_latest_attempt_scores_are_shown_apart_never_pooled(tmp_path, capsys):
    new = [versioned_summary(i, "1" * 16, i % 2 == 0) for i in range(1, 6)]  # first attempts
    old = [versioned_summary(i, "0" * 16, True, fmt=2) for i in range(6, 9)]  # latest
    frame = aggregate(new + old)
    prep = frame[frame["topic"] == "01-preparation"].set_index("learner")
    newer, older = f"{2:032x}", f"{6:032x}"
    assert prep.loc[newer, "quiz_scoring"] == "first attempt"
    assert prep.loc[newer, "quiz_percent"] == 75.0  # q1 right, q2 half: 1.5 of 2
    assert pd_isna(prep.loc[newer, "older_latest_percent"])
    assert prep.loc[newer, "quiz_correct_after_retries"] == 1  # q1 after retries; q2 not
    assert prep.loc[older, "quiz_scoring"] == "latest attempt"
    assert pd_isna(prep.loc[older, "quiz_percent"]) and pd_isna(prep.loc[older, "quiz_score"])
    assert prep.loc[older, "older_latest_percent"] == 75.0
    assert prep.loc[older, "quiz_answered"] == 2  # its own versions, not the newer ones'
    table = topic_overview(frame)
    assert table.loc["01-preparation", "quiz_learners"] == 5
    assert table.loc["01-preparation", "quiz_first_try_mean_percent"] == round(
        (25 + 75 + 25 + 75 + 25) / 5, 1)  # learners 2 and 4 right on q1
    assert table.loc["01-preparation", "older_latest_learners"] == 3
    assert table.loc["01-preparation", "older_latest_mean_percent"] == 75.0
    items = item_table(new + old)
    assert set(items["scoring"]) == {"first attempt", "latest attempt"}
    assert bool(items[(items["scoring"] == "latest attempt") & (items["item"] == "q1")]
                ["current"].iloc[0])  # current among the older summaries' own versions
    files = [write(tmp_path / f"s{i}.json", s) for i, s in enumerate(new + old)]
    assert run_cohort(files, tmp_path / "out") == 0
    out = capsys.readouterr().out
    assert "3 of them are older summaries holding latest-attempt quiz scores: reported apart" \
        in out
    assert "Item analysis of first attempts (5 learner(s)" in out
    assert "answers to 2 versions" not in out  # old and new versions are not one item's split


def pd_isna(value) -> bool:
    return value != value or value is None


def test_only_first_attempt_scores_reach_the_quiz_chart(plt):
    old = [versioned_summary(i, "0" * 16, True, fmt=2) for i in range(1, 6)]
    ax = cohort_charts.plot_quiz_scores(aggregate(old))
    assert "No first-try quiz scores" in ax.texts[0].get_text()
    plt.close(ax.figure)
    ax = cohort_charts.plot_quiz_scores(aggregate([versioned_summary(1, "1" * 16, True)]))
    assert ax.get_title() == "First-try quiz scores per topic"
    plt.close(ax.figure)


def test_wrong_then_right_is_not_right_on_the_first_try_in_netlearn_cohort(tmp_path, capsys):
    from datetime import date

    from netlearn.keep.summary import build_summary
    from netlearn.store import Store
    from netlearn.teaching.grading import item_version

    course = load_course()
    prep = course.topic("01-preparation")
    question = next(q for q in prep.questions if q["type"] == "single")
    right = next(c["id"] for c in question["choices"] if c["correct"])
    wrong = next(c["id"] for c in question["choices"] if not c["correct"])
    files = []
    for number in range(5):
        store = Store(tmp_path / f"home-{number}")
        try:
            if number == 0:  # wrong, then right
                store.save_answer(prep.id, question["id"], wrong, 0, 1, False,
                                  version=item_version(question))
            store.save_answer(prep.id, question["id"], right, 1, 1, True,
                              version=item_version(question))
            summary = build_summary(store, course, date(2025, 3, 14))
        finally:
            store.close()
        files.append(write(tmp_path / f"learner-{number}.json", summary))
    first_id = json.loads(files[0].read_text())["summary_id"]
    assert run_cohort(files, tmp_path / "out") == 0
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if f" {question['id']} " in line)
    assert f"{wrong} 1" in row and f"{right}* 4" in row and " 0.80 " in row  # p = 4/5
    frame = aggregate(load_summaries(files)[0])
    mine = frame[(frame["learner"] == first_id) & (frame["topic"] == prep.id)].iloc[0]
    assert (mine["quiz_answered"], mine["quiz_correct"]) == (1, 0)  # not right on the first try
    assert mine["quiz_correct_after_retries"] == 1  # right after retries, shown apart


def test_measured_minutes_are_a_median_from_five_learners_beside_the_stated(tmp_path, capsys):
    from netlearn.facilitator.cohort import minutes_table, minutes_text

    summaries = [fake_summary(i) for i in range(1, 7)]
    for summary, minutes in zip(summaries, (30, 45, 40, 60, 35, None), strict=True):
        summary["version"] = 3
        for entry in summary["topics"].values():
            entry["stated_minutes"] = 35
            if "quiz" in entry:
                entry["quiz"].update(scoring="first attempt", after_retries={
                    "score": 0, "max": 0, "answered": 0, "correct": 0})
        if minutes is not None:  # this learner agreed to have minutes measured
            summary["topics"]["01-preparation"]["measured_minutes"] = minutes
    summaries[0]["topics"]["02-giving"]["measured_minutes"] = 20  # one learner only
    assert all(validate_summary(s) is None for s in summaries)
    table = minutes_table(summaries).set_index("topic")
    assert table.loc["01-preparation", "median_measured_minutes"] == 40  # 30 35 40 45 60
    assert table.loc["01-preparation", "learners_measured"] == 5
    assert table.loc["01-preparation", "stated_minutes"] == 35
    assert pd_isna(table.loc["02-giving", "median_measured_minutes"])  # one is too few
    text = minutes_text(minutes_table(summaries))
    assert "a lower bound: the kernel sees clicks, not reading" in text
    assert "01-preparation: median 40 (5 measured, stated 35)" in text
    assert "02-giving: too few learners, not shown (1 measured, stated 35)" in text
    assert "20" not in text.split("02-giving")[1]
    assert minutes_text(minutes_table([fake_summary(1)])) == ""
    files = [write(tmp_path / f"s{i}.json", s) for i, s in enumerate(summaries)]
    assert run_cohort(files, tmp_path / "out") == 0
    assert "01-preparation: median 40" in capsys.readouterr().out
    assert "measured" not in (tmp_path / "out" / "cohort.csv").read_text().split("\n")[0]


def test_format_three_refuses_text_where_option_ids_belong():
    summary = versioned_summary(1, "1" * 16, True)
    assert validate_summary(summary) is None
    broken = copy.deepcopy(summary)
    broken["topics"]["01-preparation"]["quiz"]["answers"]["q1"]["chosen"] = ["I met Zelda"]
    assert "quiz answers are malformed" in validate_summary(broken)
    broken = copy.deepcopy(summary)
    broken["topics"]["01-preparation"]["quiz"]["answers"]["q1"]["chosen"] = {"a": "great"}
    assert "quiz answers are malformed" in validate_summary(broken)
    broken = copy.deepcopy(summary)
    broken["topics"]["01-preparation"]["quiz"]["item_keys"]["q1"] = {"a": "Zelda"}
    assert "item keys are malformed" in validate_summary(broken)
    broken = copy.deepcopy(summary)
    del broken["topics"]["01-preparation"]["quiz"]["scoring"]
    assert "scoring" in validate_summary(broken)
    broken = copy.deepcopy(summary)
    broken["topics"]["01-preparation"]["measured_minutes"] = "about an hour"
    assert "measured_minutes" in validate_summary(broken)
