"""Notebook 05's cadence editor: a keep-in-touch cadence and a close-contact tick per contact."""

from __future__ import annotations

import ipywidgets as widgets

from netlearn.widgets._ui import cadence_options, note, ok
from netlearn.widgets.log._form import ActivityForm, text_input
from netlearn.widgets.shared_models import hbox, html, make, vbox

PAGE = 25


def _last_touch(store, today) -> dict[int, str]:
    """Contact id -> "12 days ago" / "never" from the learner's own records."""
    from netlearn.network.metrics import recency

    net = store.load_network()
    ids = {c.key: c.id for c in net.contacts}
    result = {}
    for entry in recency(net, today):
        if entry.days_since is None:
            text = "no contact logged"
        elif entry.days_since == 0:
            text = "today"
        else:
            text = f"{entry.days_since} days ago"
        result[ids[entry.contact_key]] = (entry.days_since, text)
    return result


class CadenceEditor(ActivityForm):
    """A table of the learner's contacts with a cadence Dropdown and a close Checkbox each.

    Contacts marked close or with a cadence come first, then the most recently
    in touch; type in :attr:`filter_input` to find others. Changes are kept
    until :meth:`save` (the Save button) writes them with ``store.update_contact``.

    Attributes
    ----------
    filter_input : Text
    rows : dict
        Contact id -> (cadence Dropdown, close Checkbox) for every row built so far.
    table : VBox
        The rows shown.
    pending : dict
        Contact id -> changed fields, not saved yet.
    """

    summary_text = "Keep-in-touch cadence editor"

    def __init__(self, store=None, today=None):
        super().__init__("netlearn-cadence-editor", store, today, save_label="Save changes")
        self.filter_input = text_input("Find", "type part of a name or company")
        self.filter_input.observe(lambda _: self._show_rows(), "value")
        self.table = vbox([])
        self.count = html("")
        self.rows: dict[int, tuple] = {}
        self.pending: dict[int, dict] = {}
        self.set_body([self.filter_input, self.count, self.table, self.save_button,
                       self.message, self.recent])
        self.refresh()
        self.show_recent()

    def refresh(self) -> None:
        """Reload contacts from the store (unsaved changes are kept)."""
        rows = self.store.contact_cadences()
        touch = _last_touch(self.store, self.today) if rows else {}
        never = 10 ** 9

        def order(row):
            days = touch.get(row["id"], (None, ""))[0]
            return (not row["close"], row["cadence_days"] is None,
                    never if days is None else days, row["name"].lower(), row["id"])

        self._contacts = sorted(rows, key=order)
        self._touch = touch
        self._show_rows()

    def _row(self, row):
        if row["id"] not in self.rows:
            # the description names the control for screen readers; the row shows the name
            cadence = make(widgets.Dropdown, options=cadence_options(row["cadence_days"]),
                           value=row["cadence_days"],
                           description=f"Keep-in-touch cadence for {row['name']}",
                           style={"description_width": "0px"},
                           layout=dict(width="11em"))
            close = make(widgets.Checkbox, value=bool(row["close"]), description="close",
                         indent=False, layout=dict(width="6em"))
            cadence.observe(lambda c, i=row["id"]: self._change(i, "cadence_days", c["new"]),
                            "value")
            close.observe(lambda c, i=row["id"]: self._change(i, "close", bool(c["new"])),
                          "value")
            label = row["name"] + (f" — {row['company']}" if row["company"] else "")
            last = self._touch.get(row["id"], (None, ""))[1]
            self.rows[row["id"]] = (cadence, close, hbox([
                make(widgets.Label, label, layout=dict(width="22em")),
                make(widgets.Label, last, layout=dict(width="10em")), cadence, close,
            ]))
        return self.rows[row["id"]][2]

    def _change(self, contact_id: int, field: str, value) -> None:
        self.pending.setdefault(contact_id, {})[field] = value
        self.message.value = note(f"{len(self.pending)} unsaved change(s) — press Save.")

    def _show_rows(self) -> None:
        if not self._contacts:
            self.table.children = ()
            self.count.value = note("No contacts in your records yet — log people you meet "
                                    "(notebook 01) or import your LinkedIn export. The sample "
                                    "persona cannot be edited.")
            return
        words = self.filter_input.value.lower().split()
        matching = [r for r in self._contacts
                    if all(w in f"{r['name']} {r['company']}".lower() for w in words)]
        shown = matching[:PAGE]
        self.table.children = [self._row(r) for r in shown]
        if len(matching) > len(shown):
            self.count.value = note(f"Showing {len(shown)} of {len(matching)} contacts — type "
                                    "in Find to see others.")
        else:
            self.count.value = note(f"{len(matching)} contact(s).")

    def _save(self) -> str:
        if not self.pending:
            return note("No changes to save.")
        for contact_id, fields in self.pending.items():
            self.store.update_contact(contact_id, **fields)
        saved = len(self.pending)
        self.pending.clear()
        return ok(f"Saved changes for {saved} contact{'s' if saved != 1 else ''}.")

    def _recent_html(self) -> str:
        n = self.store.count_kept_in_touch()
        return note(f"{n} contact(s) with a cadence or marked close.")


def cadence_editor(store=None, today=None) -> CadenceEditor:
    """Return notebook 05's keep-in-touch cadence editor.

    Parameters
    ----------
    store : netlearn.store.Store, optional
        The learner's store (default: the shared one).
    today : date, optional
        The day "last in touch" is measured from.

    Returns
    -------
    CadenceEditor
    """
    return CadenceEditor(store=store, today=today)
