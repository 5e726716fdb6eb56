"""An event's preparation checklist, on its own or in a form that logs and edits events."""

from __future__ import annotations

from datetime import date

from netlearn.network.records import EVENT_CHECKLIST_HINTS, Batch, Event
from netlearn.widgets._common import NetlearnBox
from netlearn.widgets._ui import CHECKLIST_LABELS, escape, note, ok, table_html
from netlearn.widgets.log._form import (
    ActivityForm,
    Invalid,
    checkbox,
    date_input,
    dropdown,
    text_input,
)
from netlearn.widgets.shared_models import html

NEW = 0
HINTS = EVENT_CHECKLIST_HINTS


def checklist_summary(values: dict) -> str:
    """Return "3 of 5 done — still to do: …" for checklist values (name -> bool)."""
    done = sum(bool(values.get(name)) for name in CHECKLIST_LABELS)
    missing = [label for name, label in CHECKLIST_LABELS.items() if not values.get(name)]
    line = f"{done} of {len(CHECKLIST_LABELS)} done"
    if missing:
        return f"{line} — still to do: " + "; ".join(missing) + "."
    return f"{line} — you are prepared."


class EventChecklist(NetlearnBox):
    """The five preparation steps as checkboxes, with a live "n of 5" summary.

    Attributes
    ----------
    checks : dict
        Field name (``Event.CHECKLIST``) -> Checkbox.
    summary : HTML
    """

    summary_text = "Event preparation checklist"

    def __init__(self, values: dict | None = None):
        super().__init__("netlearn-event-checklist")
        values = values or {}
        self.checks = {
            name: checkbox(f"I {label}", bool(values.get(name)))
            for name, label in CHECKLIST_LABELS.items()
        }
        for name, box in self.checks.items():
            box.tooltip = HINTS[name]
            box.observe(lambda _: self._show(), "value")
        self.summary = html("")
        self.summary.add_class("netlearn-checklist-summary")
        self.set_body([*self.checks.values(), self.summary])
        self._show()

    @property
    def values(self) -> dict:
        """Field name -> bool for every checklist item."""
        return {name: bool(box.value) for name, box in self.checks.items()}

    @values.setter
    def values(self, new: dict) -> None:
        for name, box in self.checks.items():
            box.value = bool(new.get(name))

    def _show(self) -> None:
        values = self.values
        missing = [name for name in CHECKLIST_LABELS if not values[name]]
        tips = "".join(f"<li>{escape(CHECKLIST_LABELS[n])}: {escape(HINTS[n])}</li>"
                       for n in missing)
        self.summary.value = (f"<p><strong>{escape(checklist_summary(values))}</strong></p>"
                              + (f"<ul class='netlearn-muted'>{tips}</ul>" if tips else ""))


def event_checklist(values: dict | None = None) -> EventChecklist:
    """Return the five-step event preparation checklist (usable on its own in notebook 01).

    Parameters
    ----------
    values : dict, optional
        Initial ticks, field name (e.g. ``"goal_set"``) -> bool.

    Returns
    -------
    EventChecklist
        Read the ticks from ``.values``.
    """
    return EventChecklist(values)


class EventForm(ActivityForm):
    """Log an event with its preparation checklist, or pick one to edit.

    Attributes
    ----------
    pick : Dropdown
        "new event" (0) or a stored event's id.
    title_input, location_input : Text
    day_input : DatePicker
    attended_input : Checkbox
    checklist : EventChecklist
    """

    summary_text = "Event form"

    def __init__(self, store=None, today=None):
        super().__init__("netlearn-event-form", store, today, save_label="Save event")
        self.pick = dropdown("Event", [("➕ new event", NEW)])
        self.title_input = text_input("Event", "e.g. Health-tech Design Meetup")
        self.day_input = date_input("Date", self.today)
        self.location_input = text_input("Where (optional)")
        self.attended_input = checkbox("I went (untick for an event you plan to go to)", True)
        self.checklist = EventChecklist()
        self.on_pick(self.pick, self._load)
        self.set_body([
            self.pick, self.title_input, self.day_input, self.location_input,
            self.attended_input, html("<strong>Preparation</strong>"), self.checklist,
            self.save_button, self.message, self.recent,
        ])
        self.refresh()

    def refresh(self) -> None:
        """Reload the events to edit."""
        rows = self.store.event_choices()
        options = [("➕ new event", NEW), *((f"{r['day']} · {r['title']}", r["id"])
                                           for r in rows)]
        if self.set_options(self.pick, options, NEW):
            self._load()
        self.show_recent()

    def _load(self) -> None:
        self.message.value = ""
        event_id = self.pick.value
        if not event_id:
            self.title_input.value = self.location_input.value = ""
            self.day_input.value = self.today
            self.attended_input.value = True
            self.checklist.values = {}
            self.save_button.description = "Save event"
            return
        row = self.store.event(event_id)
        self.title_input.value = row["title"]
        self.day_input.value = date.fromisoformat(row["day"][:10])
        self.location_input.value = row["location"]
        self.attended_input.value = bool(row["attended"])
        self.checklist.values = {name: bool(row[name]) for name in CHECKLIST_LABELS}
        self.save_button.description = "Save changes"

    def _save(self) -> str:
        from netlearn.store import new_ref

        title = " ".join(self.title_input.value.split())
        if not title:
            raise Invalid("Please give the event a name.")
        day = self.day_input.value
        if day is None:
            raise Invalid("Please give the date.")
        fields = {"title": title, "day": day, "location": self.location_input.value.strip(),
                  "attended": bool(self.attended_input.value), **self.checklist.values}
        summary = checklist_summary(self.checklist.values).split(" — ")[0]
        event_id = self.pick.value
        if event_id:
            self.store.update_event(event_id, **fields)
            self.refresh()
            return ok(f"Updated {title} (preparation {summary}).")
        event = Event(source="manual", source_ref=new_ref(), **fields)
        self.store.save_batch(Batch(source="manual", path="notebook", events=[event]))
        self.refresh()
        self._load()
        return ok(f"Saved {title} on {day.isoformat()} (preparation {summary}).")

    def _recent_html(self) -> str:
        rows = self.store.recent_events(limit=5)
        if not rows:
            return note("No events logged yet.")
        return table_html(
            ("Date", "Event", "Went", "Prepared"),
            [(r["day"], r["title"], "yes" if r["attended"] else "planned",
              f"{sum(bool(r[n]) for n in CHECKLIST_LABELS)} of {len(CHECKLIST_LABELS)}")
             for r in rows],
            caption="Your latest events")


def event_form(store=None, today=None) -> EventForm:
    """Return a form to log an event with its preparation checklist, or to edit one.

    Parameters
    ----------
    store : netlearn.store.Store, optional
        Where to save (default: the learner's store).
    today : date, optional
        The default date (default: today).

    Returns
    -------
    EventForm
    """
    return EventForm(store=store, today=today)
