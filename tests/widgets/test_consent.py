"""The time-consent question: asked once, stored, changeable, and a No deletes what was measured."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from netlearn.plumbing.errors import StoreError
from netlearn.widgets.consent import time_consent
from tests.helpers import assert_escaped
from tests.storedb import db_rows


def noted(store) -> int:
    return db_rows(store, "SELECT COUNT(*) FROM notebook_activity")[0][0]


def test_it_asks_in_plain_words_and_measures_nothing_until_yes(store, course):
    widget = time_consent(store=store, course=course)
    text = " ".join(widget.html_values())
    assert "May the course measure how long you spend in each notebook?" in text
    assert "only if you hand in your summary" in text
    assert "Choosing No deletes every minute recorded so far, at once." in text
    assert "the real time is longer" in text  # a lower bound, said plainly
    assert widget.choice.value is None and "Not answered yet" in widget.message.value
    assert widget.minutes.value == "" and widget.refresh_button.layout.display == "none"
    store.save_reflection("t1-alpha", "alpha-r1", "before any answer")
    assert noted(store) == 0 and store.time_consent() is None


def test_yes_is_stored_and_shows_the_minutes_per_notebook(store, course, reopen, monkeypatch):
    widget = time_consent(store=store, course=course)
    widget.choice.value = True
    assert reopen().time_consent() is True  # stored, not only shown
    assert "measured from your next save" in widget.message.value
    assert "Nothing measured yet" in widget.minutes.value
    start = datetime(2026, 3, 10, 9, tzinfo=timezone.utc)
    for minutes in (0, 6, 14):
        moment = (start + timedelta(minutes=minutes)).isoformat(timespec="seconds")
        monkeypatch.setattr("netlearn.store.database.utc_now", lambda m=moment: m)
        store.save_answer("t1-alpha", f"q{minutes}", ["a"], 1, 1, True)
    store.save_reflection("t0-intro", "intro-r1", "one save")
    widget.refresh_button.click()
    shown = widget.minutes.value
    assert "<td>t1 · Alpha</td><td>about 15 minutes</td>" in shown
    assert "<td>t0 · Intro</td><td>under 5 minutes</td>" in shown
    assert shown.index("t0 · Intro") < shown.index("t1 · Alpha")  # course order
    assert "A lower bound" in shown
    again = time_consent(store=reopen(), course=course)  # asked once: the answer comes back
    assert again.choice.value is True and "about 15 minutes" in again.minutes.value


def test_no_deletes_every_minute_at_once_and_says_so(store, course):
    widget = time_consent(store=store, course=course)
    widget.choice.value = True
    store.save_answer("t1-alpha", "alpha-q1", ["a"], 1, 1, True)
    assert noted(store) == 1
    widget.choice.value = False
    assert noted(store) == 0 and store.time_consent() is False
    assert "was deleted" in widget.message.value and "1 saved moment" in widget.message.value
    assert widget.minutes.value == ""
    store.save_answer("t1-alpha", "alpha-q1", ["b"], 0, 1, False)
    assert noted(store) == 0
    widget.choice.value = True  # changeable at any time
    assert store.time_consent() is True


def test_an_answer_that_cannot_be_saved_is_not_shown_as_given(store, course, monkeypatch):
    widget = time_consent(store=store, course=course)

    def locked(agree):
        raise StoreError("the database is locked by another program", path=store.path)

    monkeypatch.setattr(store, "set_time_consent", locked)
    widget.choice.value = True
    assert widget.choice.value is None
    assert "not saved" in widget.message.value and "locked" in widget.message.value
    assert store.time_consent() is None


def test_titles_are_escaped(store, hostile_course):
    store.set_time_consent(True)
    store.save_answer("t1-alpha", "alpha-q1", ["a"], 1, 1, True)
    assert_escaped(time_consent(store=store, course=hostile_course))
