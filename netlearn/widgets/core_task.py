"""A notebook's core task: write the real thing with a drafting tool, compare, tick, revise.

The draft comes from one of the course's drafting tools (``task.yaml``'s ``tool``), for
someone in the learner's network or for the invented person the task offers. Once written,
the learner compares it with a model answer and ticks the checklist points their draft
meets, and may revise. "Save my draft" stores the draft like a reflection and the ticks as a
setting (:mod:`netlearn.teaching.tasks`); nothing is sent anywhere.
"""

from __future__ import annotations

import ipywidgets as widgets

from netlearn.teaching import tasks
from netlearn.widgets import _html
from netlearn.widgets._common import NetlearnBox, button, local_time
from netlearn.widgets.log._form import checkbox
from netlearn.widgets.shared_models import hbox, html, make, vbox

NEVER_SENT = ("Saved on this computer only, with your reflections: nothing here is ever sent. "
              "Copy your draft into an e-mail or message when you are ready.")
WRITE_FOR = (("Someone I know", tasks.OWN), ("An invented person", tasks.INVENTED))


def make_drafter(tool: str, store, today=None):
    """Return the drafting tool a task names, as the notebooks' practice sections show it."""
    if tool == "event-plan":
        from netlearn.widgets.practice.event_plan import EventPlanDrafter

        return EventPlanDrafter(store=store)
    if tool == "offer":
        from netlearn.widgets.practice.give import OfferDrafter

        return OfferDrafter(store=store, today=today)
    if tool == "follow-up":
        from netlearn.widgets.practice.followup import FollowupDrafter

        return FollowupDrafter(store=store, today=today)
    if tool == "connection-note":
        from netlearn.widgets.practice.owndata import ConnectionNoteDrafter

        return ConnectionNoteDrafter()
    if tool == "reconnect":
        from netlearn.widgets.practice.reconnect import ReconnectDrafter

        return ReconnectDrafter(store=store, today=today)
    raise ValueError(f"unknown drafting tool {tool!r} (known: {', '.join(tasks.TOOLS)})")


def writes_for_invented_by_default(store) -> bool:
    """True on the sample persona or a shared service (Binder, a JupyterHub): there, the task
    suggests the invented person rather than someone real."""
    from netlearn.keep.learner_network import shows_sample
    from netlearn.plumbing.hosting import shared_service

    return shows_sample(store) or shared_service() is not None


class CoreTaskWidget(NetlearnBox):
    """One topic's core task. Build it with :func:`netlearn.widgets.core_task`.

    Attributes
    ----------
    topic_id : str
    task : dict
        The topic's ``task.yaml``.
    writes_for : ToggleButtons
        ``"own"`` or ``"invented"``: choosing the invented person fills in the tool's inputs.
    invented_note : HTML
        Who the invented person is, while they are chosen.
    drafter : Drafter
        The drafting tool; its ``draft`` is what is saved.
    compare_button : Button
        Shows the model answer and the checklist.
    compare_box : VBox
        The model answer and the checklist (hidden until compared, or once a draft is saved).
    ticks : dict
        Checklist point id -> Checkbox ("my draft does this").
    save_button : Button
    saved_label : HTML
    """

    def __init__(self, topic, store, today=None):
        super().__init__("netlearn-core-task")
        self.topic_id = topic.id
        self.task = topic.task
        self.store = store
        self.summary_text = f"Core task for {topic.id}: {self.task['title']}"
        saved = self._saved()
        self.drafter = make_drafter(self.task["tool"], store, today)
        start = saved.writes_for or (tasks.INVENTED if writes_for_invented_by_default(store)
                                     else tasks.OWN)
        self.writes_for = make(widgets.ToggleButtons, options=WRITE_FOR, value=start,
            description="Write for", tooltip=f"Write your {self.task['title'].lower()} for "
            "someone you know, or for the invented person this task offers",
            tooltips=["Someone in your own network", "The invented person described below"],
            style={"description_width": "initial", "button_width": "auto"})
        self.invented_note = html("")
        self.writes_for.observe(lambda change: self._choose(change["old"], change["new"]),
                                "value")
        self._choose(None, start)
        if saved.draft:
            self.drafter.draft.value = saved.draft
        self.compare_button = button("Compare with a model answer",
                                     "Show a model answer and the checklist for your draft",
                                     "netlearn-compare", icon="balance-scale")
        self.compare_button.on_click(lambda _: self.compare())
        self.ticks = {point["id"]: self._tick(point, point["id"] in saved.ticks)
                      for point in self.task["checklist"]}
        self.compare_box = vbox([
            html(f"<h3>A model answer</h3>{_html.box(_html.markdown(self.task['model_answer']))}"
                 "<p class='netlearn-muted'>One good answer among many: yours can differ and "
                 "be as good.</p><h3>Tick what your draft does</h3>"),
            *self.ticks.values()], layout=widgets.Layout(display="none"))
        self.save_button = button("Save my draft", "Save your draft and ticks on this computer",
                                  "netlearn-save", icon="save")
        self.save_button.on_click(lambda _: self.save())
        self.saved_label = html("")
        self.saved_label.add_class("netlearn-saved")
        self.drafter.draft.observe(lambda _: self._show_saved(), "value")
        self.set_body([
            html(_html.markdown(self.task["prompt"])), self.writes_for, self.invented_note,
            self.drafter, hbox([self.compare_button]), self.compare_box,
            hbox([self.save_button, self.saved_label]),
            html(f"<p class='netlearn-muted'>{_html.escape(NEVER_SENT)}</p>")])
        self._saved_text, self._saved_ticks = saved.draft, saved.ticks
        self._saved_at = saved.saved_at
        if saved.done:
            self.compare()
        self._show_saved()

    # -- building ---------------------------------------------------------------------
    def _tick(self, point: dict, value: bool):
        box = checkbox(point["text"], value)
        box.tooltip = f"My draft does this: {point['text']}"
        box.observe(lambda _: self._show_saved(), "value")
        return box

    def _saved(self) -> tasks.SavedTask:
        return tasks.saved_task(self.task, self.store.reflections(self.topic_id),
                                self.store.setting(tasks.setting_key(self.topic_id)),
                                self.topic_id)

    def _choose(self, old, new) -> None:
        invented = self.task["invented"]
        if new == tasks.INVENTED:
            self.drafter.fill(invented["fields"])
            self.invented_note.value = (f"<p><strong>Your invented person:</strong> "
                                        f"{_html.inline(invented['description'])}</p>")
        else:
            if old == tasks.INVENTED:
                self.drafter.clear(invented["fields"])
            self.invented_note.value = ("<p class='netlearn-muted'>Write for a real person or "
                                        "event of your own: fill in the boxes below.</p>")

    # -- actions ----------------------------------------------------------------------
    def compare(self) -> None:
        """Show the model answer and the checklist."""
        self.compare_box.layout.display = None

    @property
    def ticked(self) -> tuple:
        """Ids of the checklist points ticked now, in the checklist's order."""
        return tuple(pid for pid, box in self.ticks.items() if box.value)

    def save(self) -> None:
        """Store the draft (like a reflection) and the ticks; nothing is sent anywhere."""
        text = self.drafter.draft.value
        self.store.save_reflection(self.topic_id, self.task["id"], text)
        self.store.set_setting(tasks.setting_key(self.topic_id),
                               tasks.task_state(self.ticked, self.writes_for.value))
        saved = self._saved()
        self._saved_text, self._saved_ticks, self._saved_at = (saved.draft, saved.ticks,
                                                               saved.saved_at)
        self._show_saved()

    def _show_saved(self) -> None:
        if not hasattr(self, "_saved_at"):
            return  # still building
        points = f"{len(self.ticked)} of {len(self.ticks)} checklist points ticked"
        if self._saved_at is None:
            text = f"Not saved yet · {points}"
        elif (self.drafter.draft.value, self.ticked) != (self._saved_text, self._saved_ticks):
            text = (f"Changed since you saved it at {local_time(self._saved_at)} — not saved "
                    f"yet · {points}")
        else:
            text = f"Saved {local_time(self._saved_at)} · {points}"
        self.saved_label.value = f"<span>{_html.escape(text)}</span>"
