"""Notebook 04's profile self-audit: six checks of an online profile, scored, saved and restored."""

from __future__ import annotations

from netlearn.widgets._ui import escape, note, ok
from netlearn.widgets.log._form import ActivityForm, checkbox
from netlearn.widgets.shared_models import html

SETTING_KEY = "profile_audit"
#: (key, what a good profile has, a hint for fixing it)
ITEMS = (
    ("photo", "A clear, recent photo of your face",
     "people remember faces; a friendly head-and-shoulders photo is enough"),
    ("headline", "A headline that says what you do and for whom",
     "e.g. “Product designer helping clinics make patient apps people can use”"),
    ("about", "An About section in your own words",
     "three or four sentences: what you work on, what you care about, what you're looking for"),
    ("activity", "Recent activity (posted, shared or commented in the last month)",
     "a thoughtful comment on someone else's post counts"),
    ("featured", "Featured work: a project, article or talk",
     "pin one thing you are proud of, so people see what you do"),
    ("custom_url", "A custom profile URL (e.g. linkedin.com/in/your-name)",
     "easier to share on a CV, an e-mail signature or a name badge"),
)


def audit_score(values: dict) -> tuple[int, int]:
    """Return (items done, items in total) for audit values (key -> bool)."""
    return sum(bool(values.get(key)) for key, _, _ in ITEMS), len(ITEMS)


class ProfileAudit(ActivityForm):
    """Tick what your profile already has; see the score and what to fix next.

    Attributes
    ----------
    checks : dict
        Item key -> Checkbox.
    score : HTML
        "4 of 6" and the hints for what is missing.
    """

    summary_text = "Profile self-audit"

    def __init__(self, store=None, today=None):
        super().__init__("netlearn-profile-audit", store, today, save_label="Save my audit")
        saved = self.store.setting(SETTING_KEY, {}) or {}
        values = saved.get("items", {}) if isinstance(saved, dict) else {}
        self.checks = {key: checkbox(label, bool(values.get(key))) for key, label, _ in ITEMS}
        for box in self.checks.values():
            box.observe(lambda _: self._show(), "value")
        self.score = html("")
        self.set_body([
            html("<p>Open your own profile (LinkedIn or the network you use most) "
                 "and tick what it already has.</p>"),
            *self.checks.values(), self.score, self.save_button, self.message, self.recent,
        ])
        self._show()
        self.show_recent()

    @property
    def values(self) -> dict:
        """Item key -> bool."""
        return {key: bool(box.value) for key, box in self.checks.items()}

    def _show(self) -> None:
        done, total = audit_score(self.values)
        missing = [(label, hint) for key, label, hint in ITEMS if not self.checks[key].value]
        tips = "".join(f"<li>{escape(label)} — {escape(hint)}</li>" for label, hint in missing)
        self.score.value = (f"<p><strong>Your profile: {done} of {total}</strong></p>"
                            + (f"<p>To do next:</p><ul>{tips}</ul>" if tips
                               else "<p>Complete — now keep the activity going.</p>"))

    def _save(self) -> str:
        done, total = audit_score(self.values)
        self.store.set_setting(SETTING_KEY, {"items": self.values, "score": done,
                                             "max": total, "saved_on": self.today.isoformat()})
        return ok(f"Saved: {done} of {total}.")

    def _recent_html(self) -> str:
        saved = self.store.setting(SETTING_KEY)
        if not isinstance(saved, dict) or "score" not in saved:
            return note("Not saved yet.")
        return note(f"Last saved on {saved.get('saved_on', '?')}: {saved['score']} of "
                    f"{saved.get('max', len(ITEMS))}.")


def profile_audit(store=None, today=None) -> ProfileAudit:
    """Return notebook 04's profile self-audit (restored from the last save).

    Parameters
    ----------
    store : netlearn.store.Store, optional
        Where the audit is saved, as the setting ``"profile_audit"``.
    today : date, optional
        The date recorded with a save.

    Returns
    -------
    ProfileAudit
    """
    return ProfileAudit(store=store, today=today)
