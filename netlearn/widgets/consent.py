"""Notebooks 00 and 06: may the course measure the learner's time per notebook? Yes or No."""

from __future__ import annotations

import ipywidgets as widgets

from netlearn.plumbing.errors import NetlearnError
from netlearn.plumbing.measured_time import GAP_CAP_MINUTES, ROUND_TO_MINUTES
from netlearn.widgets._common import NetlearnBox, button, plural, resolve
from netlearn.widgets._ui import escape, note, ok, problem, table_html
from netlearn.widgets.shared_models import hbox, html, make

QUESTION = "May the course measure how long you spend in each notebook?"
EXPLANATION = (
    "If you say yes, the course notes the time whenever you save something — an answer, a "
    "rating, a reflection, a log entry — and works out about how many minutes you spent in "
    "each notebook: from your first save there to your last, counting a pause longer than "
    f"{GAP_CAP_MINUTES} minutes as {GAP_CAP_MINUTES}, rounded to {ROUND_TO_MINUTES} minutes. "
    "It cannot see you reading, so the real time is longer. The minutes are kept with the "
    "rest of your data, for you to see; your facilitator sees them only if you hand in your "
    "summary (notebook 06). Nothing is measured unless you say yes.")
CHANGE = ("You can change your answer at any time, here or in notebook 06. Choosing No "
          "deletes every minute recorded so far, at once.")
CHOICES = (("Yes, measure my time", True), ("No", False))


class TimeConsentWidget(NetlearnBox):
    """Ask once whether the course may measure time per notebook; show what it measured.

    Attributes
    ----------
    choice : ToggleButtons
        True (yes), False (no) or None (not answered yet); saved as it changes.
    message : HTML
        What the current answer means, or why it could not be saved.
    minutes : HTML
        With consent, the minutes measured per notebook; empty otherwise.
    refresh_button : Button
        Re-reads the minutes.
    """

    summary_text = "Measure my time? (yes / no)"

    def __init__(self, store, course):
        super().__init__("netlearn-time-consent")
        self.store = store
        self.course = course
        self._restoring = False
        self.choice = make(widgets.ToggleButtons, options=CHOICES,
                           value=store.time_consent(), description="Measure my time?",
                           tooltips=["Note when I save something, to show my minutes per "
                                     "notebook", "Measure nothing, and delete what was "
                                     "measured"],
                           style={"description_width": "initial", "button_width": "auto"})
        self.choice.add_class("netlearn-time-choice")
        self.message = html("")
        self.message.add_class("netlearn-message")
        self.minutes = html("")
        self.refresh_button = button("Refresh", "Show the minutes measured so far",
                                     "netlearn-refresh", icon="refresh",
                                     layout=widgets.Layout())  # its own: hidden without consent
        self.refresh_button.on_click(lambda _: self.refresh())
        self.choice.observe(lambda change: self._chosen(change["old"], change["new"]), "value")
        self.set_body([
            html(f"<p><strong>{escape(QUESTION)}</strong></p><p>{escape(EXPLANATION)}</p>"
                 f"<p>{escape(CHANGE)}</p>"),
            self.choice, self.message, self.minutes, hbox([self.refresh_button]),
        ])
        self._show_answer(deleted=0)
        self.refresh()

    def _chosen(self, old, new) -> None:
        if self._restoring or new is None:
            return
        try:
            deleted = self.store.set_time_consent(new)
        except NetlearnError as exc:
            self._restoring = True
            self.choice.value = old  # show the answer that is still stored
            self._restoring = False
            self.message.value = problem(f"Your answer was not saved: {exc}")
            return
        self._show_answer(deleted)
        self.refresh()

    def _show_answer(self, deleted: int) -> None:
        answer = self.choice.value
        if answer is None:
            self.message.value = note("Not answered yet: nothing is measured.")
        elif answer:
            self.message.value = ok("Your time is measured from your next save on.")
        elif deleted:
            self.message.value = ok(f"Your time is not measured. What was recorded "
                                    f"({plural(deleted, 'saved moment')}) was deleted.")
        else:
            self.message.value = ok("Your time is not measured, and nothing is recorded.")

    def refresh(self) -> None:
        """Show the minutes measured per notebook (nothing without consent)."""
        if not self.choice.value:
            self.minutes.value = ""
            self.refresh_button.layout.display = "none"
            return
        self.refresh_button.layout.display = None
        try:
            measured = self.store.measured_minutes()
        except NetlearnError as exc:
            self.minutes.value = problem(f"Could not read the minutes: {exc}")
            return
        self.minutes.value = minutes_html(measured, self.course)


def minutes_html(measured: dict[str, int], course) -> str:
    """Return "you spent about N minutes in notebook X" as a table, or a note when empty.

    Parameters
    ----------
    measured : dict
        Topic id -> minutes (``Store.measured_minutes()``).
    course : netlearn.teaching.content.Course
        For the notebooks' titles and order.
    """
    if not measured:
        return note("Nothing measured yet: it starts with your next answer, rating or entry.")
    titles = {topic.id: f"{topic.id[:2]} · {topic.title}" for topic in course.topics}
    order = {topic_id: n for n, topic_id in enumerate(titles)}
    rows = [(titles.get(topic_id, topic_id), _about(minutes))
            for topic_id, minutes in sorted(measured.items(),
                                            key=lambda item: (order.get(item[0], 99), item[0]))]
    return (table_html(["Notebook", "You spent"], rows,
                       caption="Time you spent, measured from your saves")
            + "<p class='netlearn-muted'>A lower bound: the kernel sees your clicks, not "
              "your reading.</p>")


def _about(minutes: int) -> str:
    if minutes < ROUND_TO_MINUTES:
        return f"under {ROUND_TO_MINUTES} minutes"
    return f"about {minutes} minutes"


def time_consent(*, store=None, course=None) -> TimeConsentWidget:
    """Return the question whether the course may measure time per notebook (00 and 06).

    The answer is stored in the learner's settings and can be changed at any time; No
    deletes every moment recorded (``Store.set_time_consent``). With consent, the widget
    shows the minutes measured per notebook.

    Parameters
    ----------
    store : netlearn.store.Store, optional
    course : netlearn.teaching.content.Course, optional

    Returns
    -------
    TimeConsentWidget
    """
    store, course = resolve(store, course)
    return TimeConsentWidget(store, course)
