"""Self-assessment (Likert 1–5 per statement) and free-text reflection widgets."""

from __future__ import annotations

import ipywidgets as widgets

from netlearn.widgets import _html
from netlearn.widgets._common import NetlearnBox, button, local_time, plural
from netlearn.widgets.shared_models import hbox, html, make, shared, vbox

PHASES = ("before", "check", "after", "check-in")
#: The earlier phases a re-rating is compared with, shown only once a statement is re-rated.
EARLIER = {"check": ("before",), "after": ("before",), "check-in": ("before", "after")}
EARLIER_NAMES = {"before": "Before the course", "after": "At the end of the course"}
LIKERT_OPTIONS = [
    ("1 · Not like me", 1),
    ("2 · A little like me", 2),
    ("3 · Somewhat like me", 3),
    ("4 · Mostly like me", 4),
    ("5 · Very like me", 5),
]
PHASE_INTROS = {
    "before": "Before you start: how much is each statement like you today? There are no right "
              "answers — you will rate the same statements again at the end of the course.",
    "check": "Quick self-check: how much is each statement like you right now?",
    "after": "At the end of the course: how much is each statement like you now? Rate what "
             "you do today; once you have rated a statement, your rating from before the "
             "course appears under it, with the change.",
    "check-in": "Some weeks after the course: how much is each statement like you now? Once "
                "you have rated a statement, your earlier ratings appear under it, with the "
                "change.",
}


def likert_label(value: int) -> str:
    """Return the text label of a 1–5 rating, e.g. ``"2 · A little like me"``."""
    return dict((v, label) for label, v in LIKERT_OPTIONS)[int(value)]


def change_text(old: int, new: int) -> str:
    """Return the change between two ratings in words: ``"up 2"``, ``"down 1"``, ``"no change"``."""
    diff = int(new) - int(old)
    if diff == 0:
        return "no change"
    return f"{'up' if diff > 0 else 'down'} {abs(diff)}"


class SelfAssessmentWidget(NetlearnBox):
    """Likert ratings of statements, saved as soon as the learner picks one.

    Attributes
    ----------
    phase : str
        ``"before"``, ``"check"``, ``"after"`` or ``"check-in"``.
    likerts : dict
        Statement id -> ToggleButtons with values 1–5 (ids are unique in the course).
    statement_topics : dict
        Statement id -> topic id.
    earlier : dict
        Statement id -> HTML under the rating: empty until the statement is rated in this
        phase (so an earlier rating cannot anchor the new one), then the earlier rating(s)
        and the change.
    status : HTML
        "Saved · 3 of 4 rated".
    """

    def __init__(self, topics, phase: str, store):
        super().__init__("netlearn-self-assessment")
        if phase not in PHASES:
            raise ValueError(f"phase must be one of {', '.join(PHASES)}, not {phase!r}")
        self.phase = phase
        self.store = store
        self.likerts: dict[str, widgets.ToggleButtons] = {}
        self.statement_topics: dict[str, str] = {}
        self.earlier: dict[str, widgets.HTML] = {}
        self._saved = {}
        self.summary_text = f"Self-assessment ({phase})"
        saved = store.self_assessments()
        self._saved = saved
        grouped = len(topics) > 1
        body = [html(f"<p>{_html.escape(PHASE_INTROS[phase])}</p>")]
        for topic in topics:
            if grouped:
                heading = _html.escape(topic.title)
                if topic.mistake:
                    mistake = _html.escape(topic.mistake)
                    heading += f" <span class='netlearn-muted'>— {mistake}</span>"
                body.append(html(f"<h3>{heading}</h3>"))
            for statement in topic.statements:
                body.append(self._statement_row(topic.id, statement, saved))
        if not self.likerts:
            body = [html("<p>There are no self-assessment statements here.</p>")]
        self.status = html("")
        self.status.add_class("netlearn-status")
        self.set_body([*body, self.status])
        self._show_status()

    def _statement_row(self, topic_id: str, statement: dict, saved: dict):
        sid = statement["id"]
        text = _html.plain(statement["text"])
        likert = make(widgets.ToggleButtons,
            options=LIKERT_OPTIONS, value=saved.get((topic_id, sid, self.phase)),
            description="Like me?", tooltip=f"How much is this like you: {text}",
            tooltips=[f"{label} — {text}" for label, _ in LIKERT_OPTIONS],
            style={"description_width": "initial", "button_width": "auto"},
        )
        likert.add_class("netlearn-likert")
        likert.observe(lambda change, t=topic_id, s=sid: self._save(t, s, change["new"]), "value")
        self.likerts[sid] = likert
        self.statement_topics[sid] = topic_id
        earlier = html("")
        earlier.add_class("netlearn-muted")
        self.earlier[sid] = earlier
        self._show_earlier(topic_id, sid, likert.value)
        return vbox([
            html(f"<p><strong>{_html.inline(statement['text'])}</strong></p>"),
            likert, earlier])

    def _show_earlier(self, topic_id: str, statement_id: str, value) -> None:
        """Show earlier ratings and the change, but only once this phase's rating exists."""
        lines = []
        if value is not None:
            for phase in EARLIER.get(self.phase, ()):
                old = self._saved.get((topic_id, statement_id, phase))
                if old is not None:
                    lines.append(f"{EARLIER_NAMES[phase]} you chose {likert_label(old)}; "
                                 f"now {likert_label(value)} ({change_text(old, value)}).")
        self.earlier[statement_id].value = "".join(
            f"<p class='netlearn-muted'>{_html.escape(line)}</p>" for line in lines)

    def _save(self, topic_id: str, statement_id: str, value) -> None:
        if value is None:
            return
        self.store.save_self_assessment(topic_id, statement_id, self.phase, value)
        self._show_earlier(topic_id, statement_id, value)
        self._show_status()

    def _show_status(self) -> None:
        if not self.likerts:
            self.status.value = ""
            return
        rated = sum(1 for t in self.likerts.values() if t.value is not None)
        total = len(self.likerts)
        if rated == 0:
            text = f"Nothing rated yet · {total} statements. Each rating is saved as you pick it."
        elif rated == total:
            text = f"✓ Saved · all {total} statements rated."
        else:
            text = f"◐ Saved · {rated} of {total} statements rated."
        self.status.value = f"<p>{_html.escape(text)}</p>"


class ReflectionEntry(widgets.VBox):
    """One reflection prompt with its text area, Save button and "Saved …" label.

    Attributes
    ----------
    prompt_id : str
    textarea : Textarea
    save_button : Button
    saved_label : HTML
    """

    def __init__(self, topic_id: str, prompt: dict, saved: dict | None, store, number: int):
        super().__init__(layout=shared(widgets.Layout))
        self.add_class("netlearn-reflection-entry")
        self.topic_id = topic_id
        self.prompt_id = prompt["id"]
        self.store = store
        self._saved_text = saved["text"] if saved else ""
        self._saved_at = saved["updated_at"] if saved else None
        self.prompt_html = html(_html.markdown(prompt["text"]))
        self.textarea = make(widgets.Textarea,
            value=self._saved_text, description="Your reflection",
            placeholder="Write a few sentences…",
            tooltip=f"Reflection {number}: {_html.plain(prompt['text'])}",
            layout=dict(width="100%", height="8em"),
            style={"description_width": "initial"},
            # Sent once, when the learner leaves the box: a per-keystroke sync is throttled
            # and a Save click could overtake it, saving a text without its last words.
            continuous_update=False,
        )
        self.textarea.add_class("netlearn-reflection-text")
        self.textarea.observe(lambda _: self._show_label(), "value")
        self.save_button = button("Save", f"Save your reflection {number}", "netlearn-save",
                                  icon="save")
        self.save_button.on_click(lambda _: self.save())
        self.saved_label = html("")
        self.saved_label.add_class("netlearn-saved")
        self.children = (self.prompt_html, self.textarea,
                         hbox([self.save_button, self.saved_label]))
        self._show_label()

    def save(self) -> None:
        """Save the text (replacing the earlier version) and show when."""
        self.store.save_reflection(self.topic_id, self.prompt_id, self.textarea.value)
        row = self.store.reflections(self.topic_id)[(self.topic_id, self.prompt_id)]
        self._saved_text = row["text"]
        self._saved_at = row["updated_at"]
        self._show_label()

    def _show_label(self) -> None:
        if self._saved_at is None:
            text = "Not saved yet"
        elif self.textarea.value != self._saved_text:
            text = f"Changed since you saved it at {local_time(self._saved_at)} — not saved yet"
        else:
            text = f"Saved {local_time(self._saved_at)}"
        self.saved_label.value = f"<span>{_html.escape(text)}</span>"


class ReflectionWidget(NetlearnBox):
    """A topic's reflection prompts; the saved text comes back on reopening.

    Attributes
    ----------
    topic_id : str
    entries : list of ReflectionEntry
    """

    def __init__(self, topic, store):
        super().__init__("netlearn-reflection")
        self.topic_id = topic.id
        self.summary_text = f"Reflection for {topic.id} ({plural(len(topic.prompts), 'prompt')})"
        saved = store.reflections(topic.id)
        self.entries = [
            ReflectionEntry(topic.id, prompt, saved.get((topic.id, prompt["id"])), store, i)
            for i, prompt in enumerate(topic.prompts, start=1)
        ]
        if not self.entries:
            self.set_body([html("<p>This notebook has no reflection prompts.</p>")])
        else:
            self.set_body(self.entries)

    def entry(self, prompt_id: str) -> ReflectionEntry:
        """Return the entry for one prompt."""
        for entry in self.entries:
            if entry.prompt_id == prompt_id:
                return entry
        raise KeyError(prompt_id)
