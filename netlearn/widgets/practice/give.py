"""Notebook 02's give planner: people, a way to give and a one-line plan, saved as commitments."""

from __future__ import annotations

from datetime import timedelta

import ipywidgets as widgets

from netlearn.teaching import drafting
from netlearn.widgets._ui import GIVE_PREFIX, contact_options, escape, note, ok, table_html
from netlearn.widgets.log._form import (
    LABEL_STYLE,
    WIDE,
    ActivityForm,
    Invalid,
    date_input,
    dropdown,
    text_input,
)
from netlearn.widgets.log.commitment import save_commitment
from netlearn.widgets.practice.drafts import Drafter
from netlearn.widgets.practice.followup import checks_html
from netlearn.widgets.shared_models import html, make

WAYS = (
    "share an article",
    "make an introduction",
    "offer feedback",
    "congratulate",
    "send a resource",
)
DEFAULT_DUE_DAYS = 7


def give_text(way: str, name: str, plan: str) -> str:
    """Return the commitment text for a planned give, e.g. "Give: share an article — Ana: …"."""
    return f"{GIVE_PREFIX}{way} — {name}: {' '.join(plan.split())}"


def ratio_html(net, today) -> str:
    """Return the give:ask line for the last 90 days of ``net`` (escaped HTML)."""
    from netlearn.keep.learner_network import describe
    from netlearn.network.metrics import give_ask_ratio

    result = give_ask_ratio(net, today)
    ratio = "no asks yet" if result.ratio is None else f"ratio {result.ratio:.1f}"
    line = (f"Give:ask over the last {result.days} days: {result.gives} gives, "
            f"{result.asks} asks ({ratio}).")
    return (f"<p><strong>{escape(line)}</strong><br><span class='netlearn-muted'>"
            f"{escape(describe(net))} Done a give? Log it as an interaction with the purpose "
            f"“giving” — that is what this counts.</span></p>")


class GivePlanner(ActivityForm):
    """Plan a give for one or more people and save it as commitments with a due date.

    Attributes
    ----------
    people : SelectMultiple
        Stored contacts (values: ids).
    someone_input : Text
        A name for someone not in the records.
    way_input : Dropdown
        One of :data:`WAYS`.
    plan_input : Text
    due_input : DatePicker
    ratio : HTML
        The give:ask ratio over 90 days.
    """

    summary_text = "Give planner"

    def __init__(self, store=None, today=None):
        super().__init__("netlearn-give-planner", store, today, save_label="Save my plan")
        self.people = make(widgets.SelectMultiple, options=[], description="Who", rows=6,
                           layout=WIDE, style=LABEL_STYLE)
        self.someone_input = text_input("Or someone else", "a name not in your records")
        self.way_input = dropdown("How I'll give", [(w, w) for w in WAYS])
        self.plan_input = text_input("One-line plan", "e.g. send Ana the service-design "
                                     "article we talked about")
        self.due_input = date_input("By", self.today + timedelta(days=DEFAULT_DUE_DAYS))
        self.ratio = html("")
        self.set_body([
            self.ratio, self.people, self.someone_input, self.way_input, self.plan_input,
            self.due_input, self.save_button, self.message, self.recent,
        ])
        self.refresh()

    def refresh(self) -> None:
        """Reload contacts, the ratio and the planned gives."""
        from netlearn.keep.learner_network import my_network, network_today

        chosen = set(self.people.value)
        options = contact_options(self.store)
        self.people.options = options
        self.people.value = tuple(v for _, v in options if v in chosen)
        net = my_network(self.store)
        self.ratio.value = ratio_html(net, network_today(net, None if net.is_sample
                                                          else self.today))
        self.show_recent()

    def _save(self) -> str:
        plan = " ".join(self.plan_input.value.split())
        names = {cid: label.split(" — ")[0] for label, cid in self.people.options}
        targets = [(cid, names[cid]) for cid in self.people.value]
        someone = " ".join(self.someone_input.value.split())
        if someone:
            targets.append((None, someone))
        if not targets:
            raise Invalid("Please pick at least one person (or write a name).")
        if not plan:
            raise Invalid("Please write a one-line plan.")
        due = self.due_input.value
        if due is None:
            raise Invalid("Please give a date.")
        if due < self.today:
            raise Invalid("The date has passed — pick today or a later day.")
        for contact_id, name in targets:
            save_commitment(self.store, give_text(self.way_input.value, name, plan), due,
                            contact_id, kind="give")
        self.plan_input.value = self.someone_input.value = ""
        self.people.value = ()
        self.show_recent()
        who = ", ".join(name for _, name in targets)
        return ok(f"Planned: {self.way_input.value} for {who}, by {due.isoformat()}.")

    def _recent_html(self) -> str:
        rows = self.store.open_commitments(kind="give", limit=10)
        if not rows:
            return note("No gives planned yet.")
        return table_html(("By", "Planned give"),
                          [(r["due"], r["text"].removeprefix(GIVE_PREFIX)) for r in rows],
                          caption="Your planned gives")


def give_planner(store=None, today=None) -> GivePlanner:
    """Return notebook 02's give planner.

    Parameters
    ----------
    store : netlearn.store.Store, optional
        Where plans are saved as commitments (default: the learner's store).
    today : date, optional
        Default due date is a week after it; also the day the ratio is measured
        to (the sample persona keeps its own "today").

    Returns
    -------
    GivePlanner
    """
    return GivePlanner(store=store, today=today)


class OfferDrafter(GivePlanner, Drafter):
    """The give planner with a message: an offer to one person, ready to copy (notebook 02's
    core task). "Save my plan" still saves the give as a commitment, the offer as its plan.

    Attributes
    ----------
    detail_input : Text
        What they mentioned that the offer answers.
    offer_input : Text
        What you offer, in a sentence.
    draft : Textarea
        The copy-ready message; rebuilt when a field changes, and yours to edit.
    checks : HTML
        ✓/✗ personalisation checks of the message as it stands.
    """

    summary_text = "Offer drafter"

    def __init__(self, store=None, today=None):
        super().__init__(store=store, today=today)
        self.people.rows = 4
        self.way_input.tooltip = "How you will give: it goes into the saved plan"
        self.someone_input.description = "Their name"
        self.detail_input = text_input("What they mentioned",
                                       "e.g. she is hiring her first user researcher")
        self.offer_input = text_input("What you offer",
                                      "e.g. I can introduce you to Ben, who set up research "
                                      "at Acme")
        self.offer_input.observe(lambda change: setattr(self.plan_input, "value",
                                                        change["new"]), "value")
        self.make_draft("Copy-ready offer", "Your offer message", "11em",
                        (self.people, self.someone_input, self.detail_input, self.offer_input))
        self.set_body([
            self.ratio, self.people, self.someone_input, self.detail_input, self.way_input,
            self.offer_input, self.draft, self.checks, self.due_input, self.save_button,
            self.message, self.recent,
        ])
        self.rebuild()

    def _save(self) -> str:
        """Save the give as the planner does, keeping the person, the offer and the message."""
        kept = (self.someone_input.value, self.people.value, self.offer_input.value,
                self.draft.value)
        result = super()._save()
        self.someone_input.value, self.people.value, self.offer_input.value = kept[:3]
        self.draft.value = kept[3]
        return result

    def inputs(self) -> dict:
        """Return field name -> input (the names of the core task's offer tool)."""
        return {"name": self.someone_input, "detail": self.detail_input,
                "offer": self.offer_input}

    def name(self) -> str:
        """The person the offer is for: the name written in, else the first one picked."""
        written = " ".join(self.someone_input.value.split())
        if written or not self.people.value:
            return written
        names = {cid: label.split(" — ")[0] for label, cid in self.people.options}
        return names.get(self.people.value[0], "")

    def rebuild(self) -> None:
        """Build the message from the fields (replacing edits in the message box)."""
        self.draft.value = drafting.build_offer(self.name(), self.detail_input.value,
                                                self.offer_input.value)
        self._check()

    def _check(self) -> None:
        self.checks.value = checks_html(drafting.check_draft(
            self.draft.value, self.name(), self.detail_input.value))

