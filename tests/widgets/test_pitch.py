"""Tests for the elevator-pitch builder: live stats, rubric, saved versions, comparison."""

from __future__ import annotations

from netlearn.widgets import pitch_builder
from tests.helpers import assert_escaped


def words(n: int) -> str:
    return " ".join(["word"] * n)


def test_word_count_and_time_update_as_the_learner_types(store, course):
    widget = pitch_builder(store=store, course=course)  # the test course: 120 words/min
    assert "0 words · ~0 s at 120 words per minute" in widget.stats.value
    widget.textarea.value = words(90)
    assert "90 words · ~45 s at 120 words per minute" in widget.stats.value
    assert "✓ Within 30–60 s." in widget.stats.value
    widget.textarea.value = words(20)
    assert "20 words · ~10 s" in widget.stats.value
    assert "◐ Under 30 s" in widget.stats.value
    widget.textarea.value = words(150)
    assert "~75 s" in widget.stats.value
    assert "◐ Over 60 s" in widget.stats.value
    assert "practice guidance, not research" in widget.stats.value


def test_rate_comes_from_the_course(store, course):
    course.words_per_minute = 150
    widget = pitch_builder(store=store, course=course)
    widget.textarea.value = words(75)
    assert "75 words · ~30 s at 150 words per minute" in widget.stats.value


def test_save_this_version_stores_text_counts_and_rubric(store, course):
    widget = pitch_builder(store=store, course=course)
    widget.textarea.value = words(90)
    widget.rubric["who"].value = True
    widget.rubric["ask"].value = True
    widget.save_button.click()
    [saved] = store.pitches()
    assert (saved["text"], saved["words"], saved["seconds"]) == (words(90), 90, 45.0)
    assert saved["rubric"] == {"who": True, "what": False, "value": False, "ask": True}
    assert "✓ Saved as version 1." in widget.save_status.value


def test_an_empty_pitch_is_not_saved(store, course):
    widget = pitch_builder(store=store, course=course)
    widget.textarea.value = "   "
    widget.save_button.click()
    assert store.pitches() == []
    assert "Write your pitch first" in widget.save_status.value


def test_compare_two_saved_versions_side_by_side(store, course):
    widget = pitch_builder(store=store, course=course)
    assert "Save two versions to compare" in widget.compare_html.value
    widget.textarea.value = "Hi, I'm Sam. I teach."
    widget.rubric["who"].value = True
    widget.save_button.click()
    widget.textarea.value = "Hi, I'm Sam. I run usability studies. What brings you here?"
    widget.rubric["what"].value = True
    widget.rubric["ask"].value = True
    widget.save_button.click()

    first, second = (v["id"] for v in store.pitches())
    assert [value for _, value in widget.left_picker.options] == [first, second]
    assert (widget.left_picker.value, widget.right_picker.value) == (first, second)
    assert widget.left_picker.options[0][0].startswith("Version 1 · ")
    html = widget.compare_html.value
    assert "netlearn-side-by-side" in html
    assert html.index("Hi, I&#x27;m Sam. I teach.") < html.index("I run usability studies.")
    assert "5 words · ~3 s" in html  # 2.5 s, rounded half up
    assert "11 words · ~6 s" in html
    assert "✗ missing: A clear ask" in html  # version 1
    assert "✓ A clear ask" in html          # version 2

    widget.left_picker.value = second
    assert widget.compare_html.value.count("I run usability studies.") == 2


def test_reopening_restores_the_latest_version(store, course, reopen):
    widget = pitch_builder(store=store, course=course)
    widget.textarea.value = "Version one."
    widget.save_button.click()
    widget.textarea.value = "Version two."
    widget.rubric["value"].value = True
    widget.save_button.click()
    fresh = pitch_builder(store=reopen(), course=course)
    assert fresh.textarea.value == "Version two."
    assert fresh.rubric["value"].value is True
    assert fresh.rubric["who"].value is False
    assert len(fresh.right_picker.options) == 2


def test_controls_are_labelled(store, course):
    widget = pitch_builder(store=store, course=course)
    assert "netlearn-pitch" in widget._dom_classes
    assert widget.textarea.description == "Your pitch"
    assert [box.description for box in widget.rubric.values()] == [
        "Who you are", "What you do", "The value you bring", "A clear ask (or a question back)"]
    assert all(box.tooltip for box in widget.rubric.values())
    assert widget.save_button.description == "Save this version"


def test_hostile_pitch_text_is_escaped(store, course, hostile, reopen):
    widget = pitch_builder(store=store, course=course)
    widget.textarea.value = f"Hello {hostile}"
    widget.save_button.click()
    widget.textarea.value = f"Again {hostile}"
    widget.save_button.click()
    assert_escaped(widget)
    assert_escaped(pitch_builder(store=reopen(), course=course))


# -- the rehearsal timer (a fake clock, no thread, no sleeping) -------------------------


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def timer_widget(store, course):
    from netlearn.widgets.pitch import PitchBuilder

    clock = FakeClock()
    return PitchBuilder(store, course.words_per_minute, clock=clock, tick_seconds=None), clock


def test_timer_starts_pauses_resumes_and_runs_out(store, course):
    widget, clock = timer_widget(store, course)
    assert "1:00" in widget.timer_display.value and "Press Start" in widget.timer_display.value
    assert widget.timer_button.description == "Start"
    widget.timer_button.click()
    assert widget.timer_button.description == "Pause"
    clock.now += 21
    widget.refresh_timer()
    assert "0:39" in widget.timer_display.value and "aloud now" in widget.timer_display.value
    widget.timer_button.click()  # pause
    clock.now += 300
    widget.refresh_timer()
    assert "0:39" in widget.timer_display.value and "Paused" in widget.timer_display.value
    assert widget.timer_button.description == "Resume"
    widget.timer_button.click()
    clock.now += 45
    widget.refresh_timer()
    assert "0:00" in widget.timer_display.value and "Time is up" in widget.timer_display.value
    assert widget.timer_button.description == "Start"


def test_timer_can_be_extended_reset_and_turned_off(store, course):
    widget, clock = timer_widget(store, course)
    widget.timer_button.click()
    clock.now += 50
    widget.extend_button.click()
    assert "0:40" in widget.timer_display.value
    widget.reset_button.click()
    assert "1:00" in widget.timer_display.value and not widget.timer.started
    widget.timer_button.click()
    clock.now += 5
    widget.timer_switch.value = False  # off: stops and hides
    assert widget.timer_box.layout.display == "none" and not widget.timer.running
    clock.now += 100
    widget.timer_switch.value = True
    assert widget.timer_box.layout.display is None
    assert "0:55" in widget.timer_display.value


def test_timer_thread_refreshes_the_display(store, course):
    import threading

    from netlearn.widgets.pitch import PitchBuilder

    clock = FakeClock()
    widget = PitchBuilder(store, course.words_per_minute, clock=clock, tick_seconds=0.01)
    refreshed = threading.Event()
    original = widget.refresh_timer

    def spy():
        original()
        refreshed.set()

    widget.refresh_timer = spy
    widget.timer_button.click()
    clock.now += 30
    assert refreshed.wait(30)  # the background tick called it, not the test
    widget.stop_ticking()
