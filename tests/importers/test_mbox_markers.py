"""No subject, body or attachment of an imported mailbox is kept anywhere: the marker test."""

from __future__ import annotations

import base64
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

from netlearn import store as store_module
from netlearn.cli import main
from netlearn.keep.ingest import import_file
from tests.fixtures.make_mailboxes import mbox

MARKERS = {
    "subject": "ZQX-SUBJECT-7F3A",
    "encoded subject": "ZQX-ENCODED-SUBJECT-Ä91",
    "body": "ZQX-BODY-5C2E",
    "html body": "ZQX-HTML-88D1",
    "attachment": "ZQX-ATTACHMENT-0B4F",
    "attachment name": "ZQX-FILENAME-6E07",
    "base64 attachment": "ZQX-BASE64-A1C9",
}
PDF = b"%PDF-1.4 " + MARKERS["base64 attachment"].encode() * 20


def _message(sender: str, to: str, when: str, message_id: str, subject: str) -> bytes:
    mail = EmailMessage(policy=SMTP)
    mail["From"], mail["To"], mail["Date"] = sender, to, when
    mail["Message-ID"], mail["Subject"] = message_id, subject
    mail.set_content(f"Hello,\n{MARKERS['body']}\nFrom here on, more text.\n")
    mail.add_alternative(f"<p>{MARKERS['html body']}</p>", subtype="html")
    mail.add_attachment(f"notes: {MARKERS['attachment']}\n", filename="notes.txt")
    mail.add_attachment(PDF, maintype="application", subtype="pdf",
                        filename=f"{MARKERS['attachment name']}.pdf")
    return mail.as_bytes()


def marked_mailbox(path: Path) -> Path:
    sam, ada = "Sam Learner <sam@example.org>", "Ada Example <ada@example.com>"
    path.write_bytes(mbox([
        ("sam@example.org Mon Jan  5 09:00:00 2026", _message(
            sam, ada, "Mon, 05 Jan 2026 09:00:00 +0000", "<m1@example.org>",
            MARKERS["subject"])),
        ("ada@example.com Mon Jan  5 12:00:00 2026", _message(
            ada, sam, "Mon, 05 Jan 2026 12:00:00 +0000", "<m2@example.com>",
            MARKERS["encoded subject"])),  # non-ASCII: the subject is RFC 2047-encoded
        ("sam@example.org Tue Jan  6 09:00:00 2026", _message(
            sam, "Bo Example <bo@example.net>", "Tue, 06 Jan 2026 09:00:00 +0000",
            "<m3@example.org>", MARKERS["subject"])),
    ]))
    return path


def found_markers(root: Path) -> dict[str, list[str]]:
    """Which markers (or the attachment's base64 text) occur in any file under ``root``."""
    needles = {name: text.encode() for name, text in MARKERS.items()}
    needles["base64 of the attachment"] = base64.b64encode(PDF)[:60]
    found: dict[str, list[str]] = {}
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        data = path.read_bytes()
        for name, needle in needles.items():
            if needle in data or needle.decode().encode("utf-16-le") in data:
                found.setdefault(name, []).append(str(path.relative_to(root)))
    return found


def test_no_subject_body_or_attachment_text_is_kept_exported_or_summarised(home, tmp_path):
    box = marked_mailbox(tmp_path / "marked.mbox")
    raw = box.read_bytes()
    assert MARKERS["body"].encode() in raw and base64.b64encode(PDF)[:60] in raw
    assert b"=?utf-8?" in raw.lower()  # the encoded subject is there, encoded
    store = store_module.Store(home)
    imported = import_file(store, "mbox", box)
    assert imported.result.added == 2 + 3  # Ada and Bo, two messages out and one in
    store.close()
    store_module._stores.pop(home, None)
    exported, summary = tmp_path / "export", tmp_path / "summary.json"
    assert main(["export", str(exported)]) == 0
    assert main(["export", "--summary", str(summary)]) == 0
    contacts = (exported / "contacts.csv").read_text(encoding="utf-8")
    assert "ada@example.com" in contacts and "Bo Example" in contacts  # not vacuous
    assert found_markers(home) == {}
    assert found_markers(exported) == {}
    text = summary.read_bytes()
    assert not [name for name, marker in MARKERS.items() if marker.encode() in text]
    assert imported.notes and not [note for note in imported.notes
                                   if any(marker in note for marker in MARKERS.values())]
