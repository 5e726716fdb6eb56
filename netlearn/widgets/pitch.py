"""The elevator-pitch builder: live word count and timing, rubric, saved versions, compare."""

from __future__ import annotations

import threading

import ipywidgets as widgets

from netlearn.teaching import grading
from netlearn.teaching.rehearsal import (
    EXTEND_SECONDS,
    REHEARSAL_SECONDS,
    RehearsalTimer,
    clock_text,
)
from netlearn.widgets import _html
from netlearn.widgets._common import NetlearnBox, button, local_time, plural
from netlearn.widgets.shared_models import hbox, html, make

RUBRIC = (
    ("who", "Who you are"),
    ("what", "What you do"),
    ("value", "The value you bring"),
    ("ask", "A clear ask (or a question back)"),
)
LOW, HIGH = grading.PITCH_SECONDS
GUIDANCE = (f"{LOW}–{HIGH} seconds is what career advisers commonly suggest — practice "
            "guidance, not research.")
TIMING_NOTES = {
    "under": f"◐ Under {LOW} s — short; is anything from the checklist missing?",
    "within": f"✓ Within {LOW}–{HIGH} s.",
    "over": f"◐ Over {HIGH} s — consider trimming; listeners start waiting for a gap.",
}


def whole_seconds(seconds: float) -> int:
    """Round seconds half up for display (2.5 s shows as 3 s)."""
    return int(seconds + 0.5)


def stats_text(text: str, words_per_minute: int) -> tuple[int, float, str]:
    """Return words, seconds and the one-line summary shown under the pitch."""
    words, seconds = grading.pitch_stats(text, words_per_minute)
    line = (f"{plural(words, 'word')} · ~{whole_seconds(seconds)} s at {words_per_minute} "
            "words per minute")
    return words, seconds, line


class PitchBuilder(NetlearnBox):
    """Write, time, check, save and compare versions of an elevator pitch.

    Attributes
    ----------
    textarea : Textarea
    stats : HTML
        "42 words · ~19 s at 130 words per minute" and the 30–60 s note.
    rubric : dict
        Rubric key (who, what, value, ask) -> Checkbox.
    save_button : Button
    save_status : HTML
    left_picker, right_picker : Dropdown
        Saved versions (values are pitch ids) to compare.
    compare_html : HTML
        The two picked versions side by side.
    timer : netlearn.teaching.rehearsal.RehearsalTimer
        The 60-second rehearsal countdown (pausable, extendable; WCAG 2.2.1).
    timer_display : HTML
        Time left and what to do.
    timer_button, extend_button, reset_button : Button
        Start / Pause / Resume, "+30 s", and back to 1:00.
    timer_switch : Checkbox
        Unticked, the timer stops and its controls are hidden.

    Parameters
    ----------
    store : netlearn.store.Store
    words_per_minute : int
        Speaking rate for the pitch's estimated length.
    clock : callable, optional
        Time source for the timer (tests pass a fake one).
    tick_seconds : float or None, default 1
        How often a background thread refreshes the running timer's display; None
        for no thread (tests call :meth:`refresh_timer`).
    """

    def __init__(self, store, words_per_minute: int, *, clock=None,
                 tick_seconds: float | None = 1.0):
        super().__init__("netlearn-pitch")
        self.store = store
        self.words_per_minute = words_per_minute
        self.summary_text = "Elevator-pitch builder"
        versions = store.pitches()
        latest = versions[-1] if versions else None
        self.textarea = make(widgets.Textarea,
            value=latest["text"] if latest else "", description="Your pitch",
            placeholder="Hi, I'm … I work on … I help … I'd love to …",
            tooltip="Your elevator pitch", continuous_update=True,
            layout=dict(width="100%", height="9em"),
            style={"description_width": "initial"},
        )
        self.textarea.add_class("netlearn-pitch-text")
        self.stats = html("")
        self.stats.add_class("netlearn-pitch-stats")
        self.textarea.observe(lambda _: self._show_stats(), "value")
        saved_rubric = latest["rubric"] if latest else {}
        self.rubric = {
            key: make(widgets.Checkbox, value=bool(saved_rubric.get(key)), description=label,
                      tooltip=f"My pitch says: {label}", indent=False,
                      layout=dict(width="auto"))
            for key, label in RUBRIC
        }
        self.save_button = button("Save this version", "Save this version of your pitch",
                                  "netlearn-save", icon="save")
        self.save_button.on_click(lambda _: self.save())
        self.save_status = html("")
        self.left_picker = make(widgets.Dropdown, description="Compare", tooltip="First version",
                                style={"description_width": "initial"},
                                layout=dict(width="26em"))
        self.right_picker = make(widgets.Dropdown, description="with", tooltip="Second version",
                                 style={"description_width": "initial"},
                                 layout=dict(width="24em"))
        for picker in (self.left_picker, self.right_picker):
            picker.observe(lambda _: self._show_compare(), "value")
        self.compare_html = html("")
        self.compare_html.add_class("netlearn-compare")
        self._build_timer(clock, tick_seconds)
        self.set_body([
            self.textarea, self.stats,
            html("<p><strong>Does your pitch say…</strong></p>"),
            *self.rubric.values(),
            hbox([self.save_button, self.save_status]),
            html("<h4>Rehearse it aloud</h4>"),
            self.timer_switch, self.timer_box,
            html("<h4>Compare saved versions</h4>"),
            hbox([self.left_picker, self.right_picker]),
            self.compare_html,
        ])
        self._show_stats()
        self._refresh_versions()

    def save(self) -> int | None:
        """Save the text and rubric as a new version; return its id (None if empty)."""
        text = self.textarea.value
        if not text.strip():
            self.save_status.value = "<span>Write your pitch first, then save it.</span>"
            return None
        words, seconds, _ = stats_text(text, self.words_per_minute)
        rubric = {key: box.value for key, box in self.rubric.items()}
        pitch_id = self.store.save_pitch(text, words, seconds, rubric)
        count = len(self._refresh_versions())
        self.save_status.value = f"<span>✓ Saved as version {count}.</span>"
        return pitch_id

    # -- the rehearsal timer -------------------------------------------------------
    def _build_timer(self, clock, tick_seconds) -> None:
        self.timer = RehearsalTimer(REHEARSAL_SECONDS, clock=clock)
        self._tick_seconds = tick_seconds
        self._ticker: threading.Thread | None = None
        self._stop_ticking = threading.Event()
        self.timer_display = html("")
        self.timer_display.add_class("netlearn-timer")
        self.timer_button = button("Start", "Start the 60-second rehearsal timer",
                                   "netlearn-timer-start", icon="play")
        self.timer_button.on_click(lambda _: self._start_or_pause())
        self.extend_button = button(f"+{EXTEND_SECONDS} s",
                                    f"Give yourself {EXTEND_SECONDS} more seconds",
                                    "netlearn-timer-extend", icon="plus")
        self.extend_button.on_click(lambda _: self._extend())
        self.reset_button = button("Reset", "Set the timer back to one minute",
                                   "netlearn-timer-reset", icon="undo")
        self.reset_button.on_click(lambda _: self._reset())
        self.timer_switch = make(widgets.Checkbox,
            value=True, description="Show the rehearsal timer", indent=False,
            tooltip="Untick to turn the timer off", layout=dict(width="auto"))
        self.timer_switch.observe(lambda change: self._switch(change["new"]), "value")
        self.timer_box = widgets.VBox([
            self.timer_display,
            hbox([self.timer_button, self.extend_button, self.reset_button])])
        self.refresh_timer()

    def _start_or_pause(self) -> None:
        if self.timer.running:
            self.timer.pause()
        else:
            self.timer.start()
            self._tick()
        self.refresh_timer()

    def _extend(self) -> None:
        self.timer.extend(EXTEND_SECONDS)
        self.refresh_timer()

    def _reset(self) -> None:
        self.timer.reset()
        self.refresh_timer()

    def _switch(self, on: bool) -> None:
        if not on:
            self.timer.pause()
        self.timer_box.layout.display = None if on else "none"
        self.refresh_timer()

    def _tick(self) -> None:
        """Refresh the display every ``tick_seconds`` while running (a daemon thread)."""
        if not self._tick_seconds or (self._ticker is not None and self._ticker.is_alive()):
            return

        def run():
            while not self._stop_ticking.wait(self._tick_seconds):
                running = self.timer.running
                self.refresh_timer()
                if not running:
                    return

        self._ticker = threading.Thread(target=run, name="netlearn-pitch-timer", daemon=True)
        self._ticker.start()

    def stop_ticking(self) -> None:
        """Stop the background refresh (the timer itself keeps its state)."""
        self._stop_ticking.set()

    def refresh_timer(self) -> None:
        """Show the time left and the buttons that fit the timer's state."""
        timer = self.timer
        running = timer.running
        left = clock_text(timer.remaining())
        if not self.timer_switch.value:
            self.timer_display.value = ""
            return
        if running:
            note = "Say your pitch aloud now."
        elif timer.finished:
            note = "Time is up. Did you finish? Add time, or press Start to try again."
        elif timer.started:
            note = "Paused."
        else:
            note = ("Press Start and say your pitch aloud, as you would to someone new. "
                    "Pause or add time whenever you need to.")
        self.timer_display.value = (
            f"<p><span role='timer' style='font-size:1.6em;font-variant-numeric:tabular-nums'>"
            f"{left}</span> <span role='status'>{_html.escape(note)}</span></p>")
        if running:
            self.timer_button.description, self.timer_button.icon = "Pause", "pause"
            self.timer_button.tooltip = "Pause the rehearsal timer"
        else:
            resume = timer.started and not timer.finished
            self.timer_button.description = "Resume" if resume else "Start"
            self.timer_button.icon = "play"
            self.timer_button.tooltip = ("Resume the rehearsal timer" if resume
                                         else "Start the 60-second rehearsal timer")

    def _show_stats(self) -> None:
        text = self.textarea.value
        words, seconds, line = stats_text(text, self.words_per_minute)
        if words == 0:
            note = "Start typing — the count and timing update as you write."
        else:
            note = TIMING_NOTES[grading.pitch_timing(seconds)]
        self.stats.value = (f"<p><strong>{_html.escape(line)}</strong><br>{_html.escape(note)}"
                            f"<br><span class='netlearn-muted'>{_html.escape(GUIDANCE)}</span></p>")

    def _refresh_versions(self) -> list[dict]:
        versions = self.store.pitches()
        self._versions = {v["id"]: (n, v) for n, v in enumerate(versions, start=1)}
        options = [
            (f"Version {n} · {local_time(v['created_at'])} · {plural(v['words'], 'word')}",
             v["id"])
            for n, v in enumerate(versions, start=1)
        ]
        self.left_picker.options = options
        self.right_picker.options = options
        if options:
            self.left_picker.value = options[-2][1] if len(options) > 1 else options[-1][1]
            self.right_picker.value = options[-1][1]
        self._show_compare()
        return versions

    def _show_compare(self) -> None:
        if len(self._versions) < 2:
            self.compare_html.value = ("<p class='netlearn-muted'>Save two versions to compare "
                                       "them side by side.</p>")
            return
        columns = [self._version_html(p.value) for p in (self.left_picker, self.right_picker)]
        self.compare_html.value = ("<div class='netlearn-side-by-side'>"
                                   + "".join(columns) + "</div>")

    def _version_html(self, pitch_id) -> str:
        if pitch_id not in self._versions:
            return "<div><p>Pick a version.</p></div>"
        number, version = self._versions[pitch_id]
        timing = TIMING_NOTES[grading.pitch_timing(version["seconds"])]
        rubric = "".join(
            f"<li>{'✓' if version['rubric'].get(key) else '✗ missing:'} {_html.escape(label)}</li>"
            for key, label in RUBRIC
        )
        text = "<br>".join(_html.escape(line) for line in version["text"].splitlines())
        return _html.box(
            f"<p><strong>Version {number}</strong> · "
            f"{_html.escape(local_time(version['created_at']))}</p>"
            f"<p>{text}</p>"
            f"<p>{plural(version['words'], 'word')} · ~{whole_seconds(version['seconds'])} s — "
            f"{_html.escape(timing)}</p><ul>{rubric}</ul>")
