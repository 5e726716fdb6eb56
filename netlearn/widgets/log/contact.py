"""A form to add or edit a contact the learner met: name, e-mail, where and when, cadence."""

from __future__ import annotations

from datetime import date

from netlearn.network.records import Batch, Contact
from netlearn.widgets._ui import (
    cadence_label,
    cadence_options,
    contact_options,
    note,
    ok,
    table_html,
)
from netlearn.widgets.log._form import (
    ActivityForm,
    Invalid,
    checkbox,
    date_input,
    dropdown,
    text_input,
    valid_email,
)

NEW = 0


class ContactForm(ActivityForm):
    """Add a contact you met, or pick one to edit.

    Attributes
    ----------
    pick : Dropdown
        "new contact" (value 0) or a stored contact's id, to edit it.
    name_input, email_input, company_input, where_input : Text
    met_input : DatePicker
    close_input : Checkbox
    cadence_input : Dropdown
        Keep-in-touch cadence in days (None for no reminder).
    """

    summary_text = "Contact form"

    def __init__(self, store=None, today=None):
        super().__init__("netlearn-contact-form", store, today, save_label="Save contact")
        self.pick = dropdown("Contact", [("➕ new contact", NEW)])
        self.name_input = text_input("Name", "e.g. Ana Lima")
        self.email_input = text_input("E-mail (optional)", "ana@example.com")
        self.company_input = text_input("Company (optional)")
        self.where_input = text_input("Where met / notes", "e.g. the accessibility meetup")
        self.met_input = date_input("When you met", self.today)
        self.close_input = checkbox("A close or important contact")
        self.cadence_input = dropdown("Keep in touch", cadence_options())
        self.on_pick(self.pick, self._load)
        self.set_body([
            self.pick, self.name_input, self.email_input, self.company_input,
            self.where_input, self.met_input, self.close_input, self.cadence_input,
            self.save_button, self.message, self.recent,
        ])
        self.refresh()

    def refresh(self) -> None:
        """Reload the list of contacts to edit."""
        if self.set_options(self.pick, [("➕ new contact", NEW), *contact_options(self.store)],
                            NEW):
            self._load()
        self.show_recent()

    def _load(self) -> None:
        self.message.value = ""
        contact_id = self.pick.value
        if not contact_id:
            for field in (self.name_input, self.email_input, self.company_input,
                          self.where_input):
                field.value = ""
            self.met_input.value = self.today
            self.close_input.value = False
            self.cadence_input.options = cadence_options()
            self.cadence_input.value = None
            self.save_button.description = "Save contact"
            return
        row = self.store.contact(contact_id)
        self.name_input.value = row["name"]
        self.email_input.value = row["email"]
        self.company_input.value = row["company"]
        self.where_input.value = row["notes"]
        self.met_input.value = date.fromisoformat(row["met_on"][:10]) if row["met_on"] else None
        self.close_input.value = bool(row["close"])
        self.cadence_input.options = cadence_options(row["cadence_days"])
        self.cadence_input.value = row["cadence_days"]
        self.save_button.description = "Save changes"

    def _values(self) -> dict:
        name = " ".join(self.name_input.value.split())
        email = self.email_input.value.strip()
        if not name:
            raise Invalid("Please give a name.")
        if not valid_email(email):
            raise Invalid(f"“{email}” does not look like an e-mail address "
                          "(name@example.com) — correct it or leave it empty.")
        met = self.met_input.value
        if met is not None and met > self.today:
            raise Invalid("The day you met is in the future — pick the day you met.")
        return {
            "name": name, "email": email, "company": self.company_input.value.strip(),
            "notes": self.where_input.value.strip(), "met_on": met,
            "close": bool(self.close_input.value), "cadence_days": self.cadence_input.value,
        }

    def _save(self) -> str:
        from netlearn.store import new_ref

        values = self._values()
        contact_id = self.pick.value
        if contact_id:
            self.store.update_contact(contact_id, **values)
            return ok(f"Updated {values['name']}.")
        contact = Contact(source="manual", source_ref=new_ref(), **values)
        result = self.store.save_batch(Batch(source="manual", path="notebook",
                                             contacts=[contact]))
        self.refresh()
        self._load()  # a blank form for the next person
        if result.added:
            return ok(f"Saved {values['name']}.")
        return note(f"{values['name']} has the same e-mail as a contact you already have — "
                    "nothing new saved; pick them under “Contact” to edit.")

    def _recent_html(self) -> str:
        rows = self.store.recent_contacts(limit=5)
        if not rows:
            return note("No contacts yet.")
        return table_html(
            ("Name", "Company", "Met", "Keep in touch", "Close"),
            [(r["name"], r["company"], r["met_on"] or "", cadence_label(r["cadence_days"]),
              "yes" if r["close"] else "") for r in rows],
            caption="Your latest contacts")


def contact_form(store=None, today=None) -> ContactForm:
    """Return a form to add a contact you met, or to edit one.

    Parameters
    ----------
    store : netlearn.store.Store, optional
        Where to save (default: the learner's store).
    today : date, optional
        The default "when you met" (default: today).

    Returns
    -------
    ContactForm
    """
    return ContactForm(store=store, today=today)
