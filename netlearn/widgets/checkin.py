"""Check-in widgets: book the date (06), the retrieval quiz and the commitment review (07)."""

from __future__ import annotations

from datetime import date

import ipywidgets as widgets

from netlearn.plumbing.clock import resolve_today
from netlearn.teaching import checkin
from netlearn.widgets import _html
from netlearn.widgets._common import NetlearnBox, button, plural
from netlearn.widgets.shared_models import hbox, html, make, vbox

NOT_YET = (
    "This check-in is meant for two to four weeks after you finish the course. You have not "
    "finished notebook 06 (Your action plan) yet: there, you rate yourself at the end of the "
    "course and book a date for this check-in. Come back then: the quiz here is built from "
    "what you answered in notebooks 01–05, so it has nothing to ask you yet.")
NOTHING_ANSWERED = (
    "There is nothing to quiz you on yet: you have not answered any quiz items in notebooks "
    "01–05, and this course holds no extra items back for the check-in. Try the quizzes in "
    "those notebooks, then come back. Meanwhile, go on to the self-ratings below.")
NOTHING_TO_ASK = (
    "There is nothing to quiz you on: you answered every quiz item in notebooks 01–05 "
    "right on the first try, and this course holds no new items back for the check-in. "
    "Go on to the self-ratings below.")


def finished_plan(store) -> bool:
    """True when the learner has done notebook 06: rated 'after' or booked a check-in."""
    if store.self_assessments("after"):
        return True
    return checkin.parse_checkin(store.setting(checkin.SETTING)) is not None


class CheckinDateWidget(NetlearnBox):
    """Pick and book the check-in date, two to four weeks out.

    Attributes
    ----------
    picker : DatePicker
    book_button : Button
    status : HTML
    """

    def __init__(self, store, today: date | None = None):
        super().__init__("netlearn-checkin-date")
        self.store = store
        self.today = resolve_today(today)
        self.summary_text = "Book your check-in"
        booked = checkin.parse_checkin(store.setting(checkin.SETTING))
        first, last = checkin.checkin_window(self.today)
        self.picker = make(widgets.DatePicker,
            value=booked or checkin.default_checkin(self.today), description="Check-in on",
            tooltip="The day you will open notebook 07", min=first, max=last,
            style={"description_width": "initial"})
        self.book_button = button("Book this date", "Save the check-in date",
                                  "netlearn-save", icon="calendar")
        self.book_button.on_click(lambda _: self.book())
        self.status = html("")
        self.status.add_class("netlearn-status")
        self.set_body([
            html(f"<p>Pick a day between {first:%d %b %Y} and {last:%d %b %Y}.</p>"),
            hbox([self.picker, self.book_button]), self.status])
        if booked:
            self._say(f"✓ Booked for {booked:%A %d %B %Y}. It is in reminders.ics when you "
                      "download your plan.")

    def book(self) -> date | None:
        """Store the picked date when it is 2–4 weeks out; return it (None if refused)."""
        day = self.picker.value
        problem = checkin.checkin_problem(day, self.today)
        if problem:
            self._say(problem)
            return None
        self.store.set_setting(checkin.SETTING, day.isoformat())
        self._say(f"✓ Booked for {day:%A %d %B %Y}. It goes into reminders.ics when you "
                  "download your plan below.")
        return day

    def _say(self, text: str) -> None:
        self.status.value = f"<p>{_html.escape(text)}</p>"


class CheckinQuizWidget(NetlearnBox):
    """The check-in's retrieval quiz, or a plain explanation when there is nothing to ask.

    Attributes
    ----------
    items : list of (topic id, question)
        The chosen items (:func:`netlearn.teaching.retrieval.select_checkin`): one new item per
        objective of notebooks 01–05, chosen once and kept, so answering them or a kernel
        restart changes nothing.
    missing : list of str
        Objectives no item tests (none where the course holds enough reserve items).
    quiz : QuizWidget or None
        Answers are saved under the topic ``07-check-in``, so the topics' own quiz
        scores stay as they were.
    message : HTML
    """

    def __init__(self, course, store):
        super().__init__("netlearn-checkin-quiz")
        from netlearn.teaching import retrieval
        from netlearn.teaching.content import Topic
        from netlearn.widgets.quiz_view import QuizWidget
        from netlearn.widgets.retrieval_view import learner_record, shown_items

        self.summary_text = "Check-in quiz"
        self.items: list = []
        self.missing: list = []
        self.quiz = None
        self.message = html("")
        if not finished_plan(store):
            self.message.value = f"<p>{_html.escape(NOT_YET)}</p>"
            self.set_body([self.message])
            return
        record = learner_record(store, course, screen=checkin.CHECKIN_TOPIC)
        self.items = shown_items(store, course, checkin.CHECKIN_TOPIC, lambda: (
            retrieval.select_checkin(course, record, store.option_seed())))
        self.missing = retrieval.uncovered_objectives(course, self.items)
        if not self.items:
            text = NOTHING_TO_ASK if record.answered else NOTHING_ANSWERED
            self.message.value = f"<p>{_html.escape(text)}</p>"
            self.set_body([self.message])
            return
        self.message.value = f"<p>{_html.escape(self._words(record))}</p>"
        topic = Topic(id=checkin.CHECKIN_TOPIC, kind="check-in", title="Check-in", minutes=0,
                      key_question="", questions=[q for _, q in self.items])
        self.quiz = QuizWidget(topic, store)
        self.set_body([self.message, self.quiz])

    def _words(self, record) -> str:
        """Say what the items are: new ones per objective, missed objectives first."""
        again = sum(1 for _, q in self.items if q["id"] in record.answered)
        fresh = len(self.items) - again
        parts = []
        if fresh:
            every = ("each objective of notebooks 01–05" if not self.missing
                     else "each objective of notebooks 01–05 that has one left")
            first = (", starting with those you got wrong on the first try"
                     if any(v is False for v in record.first.values()) else "")
            parts.append(f"{plural(fresh, 'new question')}, one for {every}{first}")
        if again:
            parts.append(f"{plural(again, 'question')} you got wrong on the first try, where no "
                         "new one is left")
        return " and ".join(parts).capitalize() + ". Answer from memory, without looking back."


class CommitmentReviewWidget(NetlearnBox):
    """Review each 30-day commitment as done, not done or dropped (saved as it is picked).

    Attributes
    ----------
    choices : dict
        Commitment id -> ToggleButtons with the values of ``checkin.COMMITMENT_STATES``.
    status : HTML
    """

    def __init__(self, store):
        super().__init__("netlearn-commitment-review")
        self.store = store
        self.summary_text = "Commitment review"
        states = store.commitment_states()
        net = store.load_network()
        self.choices: dict[int, widgets.ToggleButtons] = {}
        body = []
        for item in net.commitments:
            text = _html.plain(item.text)
            choice = make(widgets.ToggleButtons,
                options=[(s.capitalize(), s) for s in checkin.COMMITMENT_STATES],
                value=states.get(item.id, "not done"), description="",
                tooltips=[f"{s.capitalize()}: {text}" for s in checkin.COMMITMENT_STATES],
                style={"button_width": "auto"})
            choice.observe(lambda change, i=item.id: self._save(i, change["new"]), "value")
            self.choices[item.id] = choice
            body.append(vbox([html(
                f"<p><strong>{_html.escape(item.text)}</strong> "
                f"<span class='netlearn-muted'>(due {item.due:%d %b %Y})</span></p>"), choice]))
        self.status = html("")
        self.status.add_class("netlearn-status")
        if not body:
            body = [html(
                "<p>You have no commitments in your log. In notebook 06 you can add the "
                "actions for your next 30 days; review them here next time.</p>")]
        self.set_body([*body, self.status])
        self._show_status()

    def _save(self, commitment_id: int, state: str) -> None:
        self.store.set_commitment_state(commitment_id, state)
        self._show_status()

    def _show_status(self) -> None:
        if not self.choices:
            return
        values = [c.value for c in self.choices.values()]
        counts = ", ".join(f"{values.count(s)} {s}" for s in checkin.COMMITMENT_STATES)
        self.status.value = f"<p>{_html.escape('Saved · ' + counts)}.</p>"


def checkin_status(store=None, today: date | None = None) -> str:
    """Return :func:`netlearn.teaching.checkin.status_text` for the learner's store."""
    if store is None:
        from netlearn.store import get_store

        store = get_store()
    booked = checkin.parse_checkin(store.setting(checkin.SETTING))
    return checkin.status_text(finished_plan(store), booked, resolve_today(today))
