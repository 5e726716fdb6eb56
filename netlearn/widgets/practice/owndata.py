"""Own-data practice widgets: conversation triage (02), follow-up gaps (03), close contacts (05)."""

from __future__ import annotations

from datetime import timedelta

import ipywidgets as widgets

from netlearn.keep.learner_network import TRIAGE_KEY
from netlearn.widgets._common import NetlearnBox, button
from netlearn.widgets._ui import FOLLOW_UP_PREFIX, escape, note, ok, resolve_store
from netlearn.widgets.shared_models import hbox, html, make, vbox

TAG_LABELS = (("give", "give"), ("ask", "ask"), ("both", "both"), ("neither", "neither"))
FOLLOW_UP_DUE_DAYS = 2


def _network(store, today):
    from netlearn.keep.learner_network import my_network, network_today

    net = my_network(store)
    return net, network_today(net, None if net.is_sample else today)


def triage_tags(store) -> dict[str, str]:
    """The learner's stored give/ask tags (conversation id -> tag)."""
    tags = store.setting(TRIAGE_KEY, {})
    return {str(k): str(v) for k, v in tags.items()} if isinstance(tags, dict) else {}


class TriageList(NetlearnBox):
    """Notebook 02: recent conversations (person, date, messages), each tagged in one click.

    Attributes
    ----------
    rows : list of (Conversation, ToggleButtons)
    status : HTML
        How many are tagged and the gives and asks they add.
    """

    summary_text = "Recent conversations: giving or asking?"

    def __init__(self, store=None, today=None, n: int = 12):
        from netlearn.network.metrics import recent_conversations

        super().__init__("netlearn-triage")
        self.store = resolve_store(store)
        net, self.today = _network(self.store, today)
        self.is_sample = net.is_sample
        # the sample's tags live in this widget only; the learner's are stored
        self.tags = {} if net.is_sample else triage_tags(self.store)
        self.rows = []
        lines = []
        for conv in recent_conversations(net, self.today, n):
            toggle = make(widgets.ToggleButtons, options=TAG_LABELS, value=self.tags.get(
                conv.conversation_id), style={"button_width": "6em"})
            toggle.add_class("netlearn-triage-tag")
            toggle.observe(lambda change, c=conv.conversation_id: self.tag(c, change["new"]),
                           "value")
            label = html(
                f"<b>{escape(conv.name or 'someone')}</b> — {conv.last:%d %b %Y}, "
                f"{conv.messages} message{'' if conv.messages == 1 else 's'}")
            self.rows.append((conv, toggle))
            lines.append(vbox([label, toggle]))
        self.status = html("")
        intro = ("Your most recent conversations: for each, was it mainly you giving, asking, "
                 "both, or neither? One click each; the tags count in the give:ask numbers "
                 "and chart. Only who, when and how many messages are shown — never the text.")
        if self.is_sample:
            intro += " (Sam's sample: your clicks here are not saved.)"
        body = [html(f"<p>{escape(intro)}</p>")]
        body += lines or [html(note("No LinkedIn conversations to tag yet."))]
        self.set_body([*body, self.status])
        self._show()

    def tag(self, conversation_id: str, tag: str | None) -> None:
        """Store one conversation's tag (None clears it) and show the new counts."""
        if tag is None:
            self.tags.pop(conversation_id, None)
        else:
            self.tags[conversation_id] = tag
        if not self.is_sample:
            self.store.set_setting(TRIAGE_KEY, self.tags)
        self._show()

    def _show(self) -> None:
        gives = sum(t in ("give", "both") for t in self.tags.values())
        asks = sum(t in ("ask", "both") for t in self.tags.values())
        tagged = sum(conv.conversation_id in self.tags for conv, _ in self.rows)
        self.status.value = note(f"Tagged {tagged} of {len(self.rows)}: {gives} give(s) and "
                                 f"{asks} ask(s) added. Run the give:ask cells again to see "
                                 "them counted.")


class FollowUpGaps(NetlearnBox):
    """Notebook 03: new connections never written to, each with "add a follow-up commitment".

    Attributes
    ----------
    buttons : list of Button
    message : HTML
    """

    summary_text = "People not followed up"

    def __init__(self, store=None, today=None, n: int = 10):
        from netlearn.network.metrics import never_followed_up

        super().__init__("netlearn-followup-gaps")
        self.store = resolve_store(store)
        net, self.today = _network(self.store, today)
        self.is_sample = net.is_sample
        ids = {c.key: c.id for c in net.contacts}
        self.missed = never_followed_up(net, self.today)[:n]
        self.buttons = []
        self.message = html("")
        lines = []
        for item in self.missed:
            cid = ids.get(item.contact_key)
            add = button("Add a follow-up commitment", f"Remind me to write to {item.name}",
                         "netlearn-add-followup", icon="bell")
            add.on_click(lambda b, m=item, cid=cid: self.add(m, cid, b))
            self.buttons.append(add)
            where = f" ({escape(item.company)})" if item.company else ""
            lines.append(hbox([html(
                f"<b>{escape(item.name)}</b>{where} — connected {item.connected:%d %b %Y}"),
                add]))
        if not lines:
            lines = [html(note("Everyone you connected with in the last year got a "
                               "message within a week — or there are no new "
                               "connections yet."))]
        self.set_body([*lines, self.message])

    def add(self, item, contact_id, clicked=None) -> None:
        """Save "Send follow-up: NAME", due in two days (not for the sample persona)."""
        from netlearn.widgets.log.commitment import save_commitment

        due = self.today + timedelta(days=FOLLOW_UP_DUE_DAYS)
        if clicked is not None:
            clicked.disabled = True
        if self.is_sample:
            self.message.value = note(f"Sam's sample: nothing saved. With your own data this "
                                      f"adds “{FOLLOW_UP_PREFIX}{item.name}”, due {due}.")
            return
        save_commitment(self.store, f"{FOLLOW_UP_PREFIX}{item.name}", due, contact_id,
                        kind="follow-up")
        self.message.value = ok(f"Added: {FOLLOW_UP_PREFIX}{item.name}, due {due.isoformat()}.")


class CloseSuggestions(NetlearnBox):
    """Notebook 05: close contacts suggested from the data, confirmed in one click.

    Attributes
    ----------
    suggestions : list of CloseSuggestion
    buttons : list of Button
        One "Confirm" per suggestion; ``confirm_all`` confirms every one left.
    message : HTML
    """

    summary_text = "Suggested close contacts"

    def __init__(self, store=None, today=None):
        from netlearn.network.metrics import suggest_close_contacts
        from netlearn.widgets._ui import cadence_label

        super().__init__("netlearn-close-suggestions")
        self.store = resolve_store(store)
        net, self.today = _network(self.store, today)
        self.is_sample = net.is_sample
        self.ids = {c.key: c.id for c in net.contacts}
        self.suggestions = suggest_close_contacts(net, self.today)
        self.buttons = []
        self.message = html("")
        lines = []
        for s in self.suggestions:
            confirm = button("Confirm", f"Mark {s.name} as close, {cadence_label(s.cadence_days)}",
                             "netlearn-confirm-close", icon="check")
            confirm.on_click(lambda b, s=s: self.confirm([s], [b]))
            self.buttons.append(confirm)
            lines.append(hbox([html(
                f"<b>{escape(s.name)}</b> — {escape(s.reason)}; suggested: "
                f"{escape(cadence_label(s.cadence_days))}"), confirm]))
        self.confirm_all = button("Confirm all", "Mark every suggestion as close",
                                  "netlearn-confirm-all-close", icon="check-double")
        self.confirm_all.on_click(lambda _: self.confirm(self.suggestions, self.buttons))
        if not lines:
            self.confirm_all.disabled = True
            lines = [html(note("No suggestions: nobody had 3 or more interactions with "
                               "you in the last year who isn't marked close already."))]
        self.set_body([*lines, self.confirm_all, self.message])

    def confirm(self, chosen, buttons) -> None:
        """Mark ``chosen`` close with their suggested cadence (not for the sample)."""
        for b in buttons:
            b.disabled = True
        names = ", ".join(s.name for s in chosen)
        if self.is_sample:
            self.message.value = note(f"Sam's sample: nothing saved (would mark {names}).")
            return
        for s in chosen:
            contact_id = self.ids.get(s.contact_key)
            if contact_id is not None:
                self.store.update_contact(contact_id, close=True, cadence_days=s.cadence_days)
        self.message.value = ok(f"Marked close: {names}.")


def triage_list(store=None, today=None, n: int = 12) -> TriageList:
    """Return notebook 02's conversation triage (tag give / ask / both / neither)."""
    return TriageList(store=store, today=today, n=n)


def follow_up_gaps(store=None, today=None, n: int = 10) -> FollowUpGaps:
    """Return notebook 03's list of connections never followed up, with one-click reminders."""
    return FollowUpGaps(store=store, today=today, n=n)


def close_suggestions(store=None, today=None) -> CloseSuggestions:
    """Return notebook 05's suggested close contacts, each confirmed in one click."""
    return CloseSuggestions(store=store, today=today)


class ConnectionNoteDrafter(NetlearnBox):
    """Notebook 04: draft the note for an invitation to connect, with personal checks.

    Attributes
    ----------
    name_input, context_input, detail_input : Text
    draft : Textarea
        Rebuilt when a field changes; yours to edit.
    checks : HTML
        ✓/✗ checks of the note as it stands.
    """

    summary_text = "Connection-note drafter"

    def __init__(self):
        from netlearn.widgets.log._form import text_input

        super().__init__("netlearn-connection-note")
        self.name_input = text_input("Their name", "e.g. Ana Lima")
        self.context_input = text_input("How you know of them",
                                        "e.g. your talk at the accessibility meetup")
        self.detail_input = text_input("Something specific",
                                       "e.g. testing with screen-reader users")
        self.draft = make(widgets.Textarea, description="Note to send",
                          layout=dict(width="100%", max_width="40em",
                                      height="8em"),
                          style={"description_width": "11em"})
        self.checks = html("")
        for field in (self.name_input, self.context_input, self.detail_input):
            field.observe(lambda _: self.rebuild(), "value")
        self.draft.observe(lambda _: self._check(), "value")
        self.set_body([self.name_input, self.context_input, self.detail_input, self.draft,
                       self.checks])
        self.rebuild()

    def rebuild(self) -> None:
        """Build the note from the fields (replacing edits in the note box)."""
        from netlearn.teaching import drafting

        self.draft.value = drafting.build_connection_note(
            self.name_input.value, self.context_input.value, self.detail_input.value)
        self._check()

    def _check(self) -> None:
        from netlearn.teaching import drafting
        from netlearn.widgets.practice.followup import checks_html

        self.checks.value = checks_html(drafting.check_connection_note(
            self.draft.value, self.name_input.value, self.detail_input.value))


def connection_note_drafter() -> ConnectionNoteDrafter:
    """Return notebook 04's connection-note drafter (nothing is saved)."""
    return ConnectionNoteDrafter()


class EventRetro(NetlearnBox):
    """Notebook 01: imported events — a one-minute retro for past ones, the preparation
    checklist for upcoming ones. Saving marks a past event answered.

    Attributes
    ----------
    items : list of (Event, EventChecklist, Button)
    message : HTML
    """

    summary_text = "Your imported events: look back and prepare"

    def __init__(self, store=None, today=None, n: int = 8):
        from netlearn.keep.learner_network import IMPORTED_EVENT_SOURCES
        from netlearn.network.metrics import awaiting_retro
        from netlearn.widgets.log.event import EventChecklist

        super().__init__("netlearn-event-retro")
        self.store = resolve_store(store)
        net, self.today = _network(self.store, today)
        self.is_sample = net.is_sample
        past = awaiting_retro(net, self.today)[:n]
        upcoming = sorted((e for e in net.events if e.day > self.today
                           and (e.source in IMPORTED_EVENT_SOURCES or net.is_sample)),
                          key=lambda e: e.day)[:n]
        self.items = []
        self.message = html("")
        body = []
        for heading, events, label in (
                ("Coming up — prepare with the checklist:", upcoming, "Save preparation"),
                ("Past — a one-minute look back: what did you do beforehand?", past,
                 "Save what I did")):
            if not events:
                continue
            body.append(html(f"<p><b>{escape(heading)}</b></p>"))
            for event in events:
                checklist = EventChecklist({k: getattr(event, k) for k in event.CHECKLIST})
                save = button(label, f"Save the checklist for {event.title}",
                              "netlearn-save-retro", icon="check")
                save.on_click(lambda b, e=event, c=checklist: self.save(e, c, b))
                self.items.append((event, checklist, save))
                body.append(html(f"{escape(event.title)} — {event.day:%a %d %b %Y}"))
                body += [checklist, save]
        if not body:
            body = [html(note("No imported events to prepare for or look back on."))]
        self.set_body([*body, self.message])

    def save(self, event, checklist, clicked=None) -> None:
        """Store the ticks; a past event then counts in the preparation rate."""
        from netlearn.keep.learner_network import REVIEWED_KEY

        if clicked is not None:
            clicked.disabled = True
        if self.is_sample or event.id is None:
            self.message.value = note("Sam's sample: nothing saved.")
            return
        self.store.update_event(event.id, **checklist.values)
        reviewed = self.store.setting(REVIEWED_KEY, [])
        reviewed = reviewed if isinstance(reviewed, list) else []
        if event.id not in reviewed:
            self.store.set_setting(REVIEWED_KEY, [*reviewed, event.id])
        done = sum(bool(v) for v in checklist.values.values())
        self.message.value = ok(f"Saved for {event.title}: {done} of 5 done.")


def event_retro(store=None, today=None, n: int = 8) -> EventRetro:
    """Return notebook 01's retro (past imported events) and preparation (upcoming) lists."""
    return EventRetro(store=store, today=today, n=n)


class DataChoice(NetlearnBox):
    """Notebook 00: choose whether the exercises use Sam's sample or your own data.

    Attributes
    ----------
    choice : ToggleButtons
        ``"sample"`` or ``"own"``; stored at once with
        :func:`netlearn.keep.learner_network.use_sample`.
    status : HTML
        Which data the exercises will use now.
    """

    summary_text = "Sample or own data"

    def __init__(self, store=None):
        from netlearn.keep.learner_network import data_choice

        super().__init__("netlearn-data-choice")
        self.store = resolve_store(store)
        self.choice = make(widgets.ToggleButtons,
            options=(("Sam's sample", "sample"), ("My own data", "own")),
            value=data_choice(self.store) or "own", description="Exercises use",
            style={"description_width": "8em", "button_width": "9em"})
        self.choice.observe(lambda change: self.choose(change["new"]), "value")
        self.status = html("")
        self.set_body([self.choice, self.status])
        self._show()

    def choose(self, value: str) -> None:
        """Store the choice and say which data the exercises will use."""
        from netlearn.keep.learner_network import use_sample

        use_sample(value == "sample", self.store)
        self._show()

    def _show(self) -> None:
        from netlearn.keep.learner_network import my_network

        net = my_network(self.store)
        extra = ("" if not net.is_sample or self.choice.value == "sample"
                 else " (you have no data of your own yet)")
        self.status.value = note(f"The exercises will use: {net.label}{extra}.")


def data_choice_widget(store=None) -> DataChoice:
    """Return notebook 00's sample-or-own-data choice."""
    return DataChoice(store=store)
