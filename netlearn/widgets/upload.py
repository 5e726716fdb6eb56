"""Import a file the learner uploads in the notebook, with progress; preview the sample export."""

from __future__ import annotations

import os
import re
from pathlib import Path

import ipywidgets as widgets

from netlearn.plumbing.errors import NetlearnError
from netlearn.plumbing.hosting import shared_service
from netlearn.store.uploads import private_temp_dir, uploads_dir  # noqa: F401 (tests, callers)
from netlearn.widgets._common import NetlearnBox, button
from netlearn.widgets._ui import escape, note, ok, problem, resolve_store
from netlearn.widgets.hosting_notice import notice_html
from netlearn.widgets.shared_models import hbox, html, make

ACCEPT = ".zip,.csv,.vcf,.ics,.mbox"
KIND_OPTIONS = (
    ("LinkedIn data export (.zip, or one of its CSV files)", "linkedin"),
    ("Contacts (vCard, .vcf)", "vcard"),
    ("Calendar (iCalendar, .ics)", "ics"),
    ("Mailbox (Google Takeout .zip or .mbox, a Thunderbird or Apple Mail mailbox)", "mbox"),
    ("My networking log (netlearn CSV template)", "csv"),
)
#: What a mailbox import reads and never reads, in one sentence (notebook 00 says the same).
MAILBOX_READS = ("From a mailbox, only the headers are read: who wrote to whom and when; "
                 "subjects, message text and attachments are never read or kept.")
KIND_WORDS = {value: label.split(" (")[0] for label, value in KIND_OPTIONS}
SKIPPED_SHOWN = 5
SAFE_NAME = re.compile(r"[^\w.\- ]+")


def linkedin_file(name: str, head: bytes = b"") -> str | None:
    """Which file of a LinkedIn export a lone CSV is; see
    :func:`netlearn.importers.linkedin.lone_file`."""
    from netlearn.importers.linkedin import lone_file

    return lone_file(name, head)


def detect_kind(name: str, head: bytes = b"") -> str | None:
    """Guess the import kind of an uploaded file; see :func:`netlearn.importers.detect_kind`.

    A mailbox is also known by its start: a file beginning ``From `` (mbox, as
    Thunderbird keeps it without an extension), or a zip whose first file is Google
    Takeout's mail.
    """
    from netlearn.importers import detect_kind as detect

    if head.startswith(b"From ") or (head.startswith(b"PK") and b"Takeout/Mail/" in head):
        return "mbox"
    return detect(name, head)


def safe_file_name(name: str, kind: str = "") -> str:
    """Return the base name of an uploaded file, without path parts or odd characters."""
    base = SAFE_NAME.sub("_", Path(str(name or "").replace("\\", "/")).name).strip(" .")
    if not base:
        base = "upload" + {"linkedin": ".zip", "vcard": ".vcf", "ics": ".ics"}.get(kind, ".csv")
    return base[:120]


def _uploaded(value) -> tuple[str, bytes] | None:
    """Return (name, bytes) of the one uploaded file in a FileUpload value, if any."""
    if not value:
        return None
    entry = value[0] if isinstance(value, (tuple, list)) else next(iter(value.values()))
    content = entry.get("content", b"")
    return str(entry.get("name", "")), bytes(content)


def _private_opener(path, flags):
    """Open a new upload copy readable by the learner alone (0600)."""
    return os.open(path, flags, 0o600)


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def result_line(result, skipped, hide: str = "", same_as: str | None = None) -> str:
    """Return "added 120, already present 0, skipped 3 — skipped rows: line 14: …".

    Parameters
    ----------
    result : netlearn.store.ImportResult
    skipped : list of Skipped
    hide : str
        A directory prefix to remove from file labels (the private temp folder).
    same_as : str, optional
        When the same content was imported before (ISO time): said instead of rows.
    """
    line = str(result)
    if same_as:
        return (f"{line} — the same file was imported on {same_as[:10]}, so nothing "
                "was read again")
    if skipped:
        shown = []
        for item in skipped[:SKIPPED_SHOWN]:
            label = _strip(item.path, hide)
            where = f"{label} line {item.line}" if "/" in label else f"line {item.line}"
            shown.append(f"{where}: {item.reason}")
        more = len(skipped) - SKIPPED_SHOWN
        line += " — skipped rows: " + "; ".join(shown) + (f"; … and {more} more" if more > 0
                                                          else "")
    return line


def files_line(files, notes=(), hide: str = "") -> str:
    """Return " — files read: Connections.csv 120 rows, Shares.csv 4 rows; not read: …".

    Parameters
    ----------
    files : list of (str, int)
        The files an import read and their rows (only said when there are several).
    notes : list of str
        One line per optional file left out.
    hide : str
        A directory prefix to remove from file labels.
    """
    line = ""
    if len(files) > 1:
        line += " — files read: " + ", ".join(
            f"{os.path.basename(_strip(label, hide))} {_plural(rows, 'row')}"
            for label, rows in files)
    if notes:
        line += " — " + "; ".join(_strip(note, hide) for note in notes)
    return line


def left_out_line(left_out: dict[str, int]) -> str:
    """Return " — left out 12 messages: 10 mailing lists and newsletters, 2 spam or trash"."""
    from netlearn.importers.mbox import LEFT_OUT

    if not left_out:
        return ""
    reasons = ", ".join(f"{n:,} {LEFT_OUT.get(key, key)}" for key, n in left_out.items())
    return f" — left out {sum(left_out.values()):,} messages: {reasons}"


def _strip(text: str, hide: str) -> str:
    text = str(text)
    if hide:
        text = text.replace(hide.rstrip("/\\") + os.sep, "").replace(hide, "")
    return text


class ImportWidget(NetlearnBox):
    """Upload an export file, pick its kind, import it with progress.

    Attributes
    ----------
    upload : FileUpload
    kind : Dropdown
        Auto-detected when a file is chosen; the learner can change it.
    import_button : Button
    bar : IntProgress
    result : HTML
        "✓ Connections.csv: added 120, already present 0, skipped 3 — …" or "✗ …".
    preview_button : Button
        Reads the sample persona's LinkedIn export and shows what it holds, without storing.
    preview : HTML
    """

    summary_text = "Import your networking data"

    def __init__(self, store=None, environ=None):
        super().__init__("netlearn-import")
        self.store = resolve_store(store)
        self.service = shared_service(environ)
        self.upload = widgets.FileUpload(accept=ACCEPT, multiple=False,
                                         description="Choose file")
        self.kind = make(widgets.Dropdown, options=KIND_OPTIONS, value="linkedin",
                         description="File type",
                         style={"description_width": "initial"},
                         layout=dict(width="100%", max_width="40em"))
        self.detected = html("")
        self.import_button = button("Import", "Import the chosen file into your records",
                                    "netlearn-import-button", icon="upload",
                                    button_style="primary")
        self.bar = widgets.IntProgress(value=0, min=0, max=100, description="Reading",
                                       layout=widgets.Layout(visibility="hidden"))
        self.result = html("")
        self.result.add_class("netlearn-message")
        self.preview_button = button("Preview the sample export",
                                     "Read the sample persona's LinkedIn export and show what "
                                     "it holds — nothing is saved", "netlearn-preview",
                                     icon="eye")
        self.preview = html("")
        self.kind_note = html("")
        self.addresses = AddressesPanel(self.store)
        self.kind.observe(lambda _: self._kind_chosen(), "value")
        self.upload.observe(lambda _: self._detect(), "value")
        self.import_button.on_click(lambda _: self.run_import())
        self.preview_button.on_click(lambda _: self.run_preview())
        # On Binder or a JupyterHub: say so before any import, and ask for a confirmation.
        self.confirm = make(widgets.Checkbox,
            value=self.service is None, indent=False,
            description="I understand, and I still want to import a file here",
            layout=dict(width="auto",
                        display=None if self.service else "none"))
        self.confirm.add_class("netlearn-shared-confirm")
        self.import_button.disabled = not self.confirm.value
        self.confirm.observe(self._confirmed, "value")
        shared = [html(notice_html(self.service)), self.confirm] if self.service else []
        self.set_body(shared + [
            html("<p>Choose a LinkedIn data export (.zip), a contacts file (.vcf), a "
                 "calendar (.ics), a mailbox (.mbox, a Google Takeout .zip, or a "
                 "Thunderbird mailbox file: choose Mailbox first) or your networking log "
                 "(.csv). The file is read on this computer, stored in your records, and "
                 f"the uploaded copy is deleted straight after. {escape(MAILBOX_READS)}</p>"),
            hbox([self.upload, self.kind]), self.kind_note, self.detected,
            self.import_button, self.bar, self.result, self.addresses,
            html("<p class='netlearn-muted'>No file at hand? See what an import "
                 "finds in the sample persona's LinkedIn export. It is not added "
                 "to your records.</p>"),
            self.preview_button, self.preview,
        ])

    # -- progress ----------------------------------------------------------------
    def _progress(self, done: int, total: int) -> None:
        value = int(100 * done / total) if total else 0
        if value != self.bar.value:
            self.bar.value = min(max(value, 0), 100)

    def _start_bar(self, label: str) -> None:
        self.bar.description = label
        self.bar.value = 0
        self.bar.bar_style = ""
        self.bar.layout.visibility = "visible"

    def _saving(self) -> None:
        self.bar.description = "Saving"

    def _confirmed(self, change) -> None:
        self.import_button.disabled = not change["new"]

    def _kind_chosen(self) -> None:
        """A mailbox may have no extension (Thunderbird's Sent, Inbox): let any file be
        chosen then, and say what is read."""
        mailbox = self.kind.value == "mbox"
        self.upload.accept = "" if mailbox else ACCEPT
        self.kind_note.value = note(MAILBOX_READS) if mailbox else ""

    # -- actions -----------------------------------------------------------------
    def _detect(self) -> None:
        uploaded = _uploaded(self.upload.value)
        if uploaded is None:
            self.detected.value = ""
            return
        name, data = uploaded
        kind = detect_kind(name, data[:8192])
        if kind is None:
            self.detected.value = note(f"Could not tell what kind of file {name} is — "
                                       "choose the file type.")
            return
        self.kind.value = kind
        lone = linkedin_file(name, data[:8192]) if kind == "linkedin" else None
        what = f"LinkedIn's {lone}, one file of a LinkedIn export" if lone else KIND_WORDS[kind]
        self.detected.value = note(f"{name}: looks like {what} — change the file "
                                   "type if that is wrong.")

    def run_import(self):
        """Import the uploaded file; show the counts (or the problem) in :attr:`result`.

        Returns
        -------
        netlearn.store.ImportResult or None
            None when nothing was imported.
        """
        from netlearn.keep.ingest import import_file, import_mailbox

        if not self.confirm.value:
            self.result.value = problem(f"This course runs on {self.service.name}: tick "
                                        "the box above to import here anyway.")
            return None
        uploaded = _uploaded(self.upload.value)
        if uploaded is None:
            self.result.value = problem("Choose a file first.")
            return None
        name, data = uploaded
        kind = self.kind.value
        self._start_bar("Reading")
        try:
            with private_temp_dir(self.store.home) as folder:
                path = folder / safe_file_name(name, kind)
                with open(path, "wb", opener=_private_opener) as handle:
                    handle.write(data)
                try:
                    if kind == "mbox":  # with the addresses and exclusions remembered
                        imported = import_mailbox(self.store, path, progress=self._progress,
                                                  on_save=self._saving)
                    else:
                        imported = import_file(self.store, kind, path,
                                               progress=self._progress, on_save=self._saving)
                except (NetlearnError, OSError) as exc:
                    self.bar.bar_style = "danger"
                    self.result.value = problem(_strip(str(exc), str(folder)))
                    return None
                result = imported.result
                line = result_line(result, imported.skipped, str(folder), imported.same_as)
                if kind == "mbox":  # the notes repeat what these lines and the panel say
                    line += files_line(imported.files, (), str(folder))
                    line += left_out_line(imported.left_out)
                else:
                    line += files_line(imported.files, imported.notes, str(folder))
        except OSError as exc:  # the private upload folder itself
            self.bar.bar_style = "danger"
            self.result.value = problem(f"Could not store the upload: {exc}")
            return None
        self.bar.value = 100
        self.bar.bar_style = "success"
        self.result.value = ok(f"{safe_file_name(name, kind)}: {line}")
        self.upload.value = ()
        if kind == "mbox" and imported.me:
            self.addresses.show(imported.me, imported.me_found_by)
        return result

    def run_preview(self):
        """Read the sample persona's LinkedIn export and show its counts; store nothing.

        Returns
        -------
        netlearn.network.records.Batch or None
        """
        from netlearn import importers
        from netlearn.network.sample import write_sample_linkedin_export

        self._start_bar("Sample")
        try:
            with private_temp_dir(self.store.home) as folder:
                path = write_sample_linkedin_export(folder)
                batch = importers.read("linkedin", path, progress=self._progress)
        except (NetlearnError, OSError) as exc:
            self.bar.bar_style = "danger"
            self.preview.value = problem(f"Could not read the sample export: {exc}")
            return None
        self.bar.value = 100
        self.bar.bar_style = "success"
        self.preview.value = (
            "<p>" + escape(
                f"The sample LinkedIn export ({path.name}) holds "
                f"{_plural(len(batch.contacts), 'contact')} and "
                f"{_plural(len(batch.interactions), 'interaction')} (messages, "
                f"invitations, endorsements, recommendations, posts, comments and "
                f"reactions) and {_plural(len(batch.events), 'event')}; "
                f"{_plural(len(batch.skipped), 'row')} would be skipped.")
            + "</p><p><strong>" + escape("Nothing was saved — your records are unchanged.")
            + "</strong></p>")
        return batch


#: How the importer found the learner's own addresses, as the panel says it.
FOUND_BY = {
    "given": "as you gave them before",
    "sent": "the sender of your sent mail",
    "most": "the address on most messages (no mail was marked as sent)",
}


class AddressesPanel(widgets.VBox):
    """After a mailbox import: the learner's own addresses, to confirm or correct once,
    and the domains or people whose mail they leave out; both remembered for the next
    mailbox import (and for ``netlearn import mbox``).

    Attributes
    ----------
    me : Text
        The addresses, comma-separated.
    exclude : Text
        Domains and addresses whose mail is left out, comma-separated.
    remember : Button
    message : HTML
    """

    def __init__(self, store):
        self.store = store
        self.found = html("")
        self.me = make(widgets.Text, description="My addresses",
                       style={"description_width": "11em"},
                       layout=dict(width="100%", max_width="40em"))
        self.exclude = make(widgets.Text, description="Leave out mail of",
                            placeholder="domains or addresses, e.g. family.example, shop.example",
                            style={"description_width": "11em"},
                            layout=dict(width="100%", max_width="40em"))
        self.remember = button("Remember these", "Keep these addresses and exclusions for "
                               "your next mailbox import", "netlearn-remember-addresses",
                               icon="check")
        self.remember.on_click(lambda _: self.save())
        self.message = html("")
        self.used: tuple[str, ...] = ()
        super().__init__([self.found, self.me, self.exclude, self.remember, self.message],
                         layout=widgets.Layout(display="none"))

    def show(self, me, found_by: str) -> None:
        """Show the addresses a mailbox import used and how they were found."""
        self.used = tuple(me)
        how = FOUND_BY.get(found_by, found_by)
        self.found.value = ("<p>" + escape(
            f"Your own address{'es' * (len(me) > 1)}, found as {how}: is that right? Correct "
            "them if not (comma-separated), add any domain or person whose mail should stay "
            "out (family, shops), and press Remember these. They are used for every mailbox "
            "import from now on.") + "</p>")
        self.me.value = ", ".join(me)
        self.exclude.value = ", ".join(self.store.mail_options()["exclude"])
        self.message.value = ""
        self.layout.display = None

    def save(self) -> None:
        """Remember the addresses (replacing those before) and the exclusions."""
        from netlearn.importers.mail_headers import is_address

        me = _split(self.me.value)
        wrong = [text for text in me if not is_address(text)]
        if not me or wrong:
            self.message.value = problem(f"{wrong[0]!r} is not an e-mail address." if wrong
                                         else "Give at least one address of yours.")
            return
        exclude = _split(self.exclude.value)
        self.store.remember_mail_options(me, exclude, replace=True)
        again = (" Import the mailbox again to read it with them: what was stored stays, "
                 "and only what is new is added." if tuple(me) != self.used or exclude else "")
        self.message.value = ok(f"Remembered: {', '.join(me)}"
                                + (f"; leaving out {', '.join(exclude)}" if exclude else "")
                                + "." + again)


def _split(text: str) -> list[str]:
    return list(dict.fromkeys(part.strip().lower().strip("<>") for part in
                              re.split(r"[,;\s]+", text) if part.strip()))


def import_widget(store=None, environ=None) -> ImportWidget:
    """Return the upload-and-import widget.

    Parameters
    ----------
    store : netlearn.store.Store, optional
        Where imported records go (default: the learner's store); uploads are
        written to a private temporary folder under its home and deleted after.
    environ : mapping, optional
        The environment that tells a shared service (default: ``os.environ``); on
        Binder or a JupyterHub the widget says so and imports only after a confirmation.

    Returns
    -------
    ImportWidget
    """
    return ImportWidget(store=store, environ=environ)
