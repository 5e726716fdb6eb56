"""The upload widget with a mailbox: the kind, what is read, the learner's addresses."""

from __future__ import annotations

import zipfile
from datetime import date

import pytest

from netlearn.widgets.upload import MAILBOX_READS, detect_kind, import_widget
from tests.fixtures import make_mailboxes
from tests.helpers import html_values
from tests.widgets.test_upload import choose

TODAY = date(2026, 2, 1)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr("netlearn.importers.mbox.resolve_today", lambda today=None: TODAY)


def test_a_mailbox_is_known_by_its_start_or_its_takeout_folder(tmp_path):
    assert detect_kind("Sent", b"From - Mon Jan 05 09:00:00 2026\r\nFrom: a@b.org") == "mbox"
    assert detect_kind("Inbox.mbox", b"") == "mbox"
    (takeout,) = make_mailboxes.takeout(tmp_path)
    assert detect_kind(takeout.name, takeout.read_bytes()[:8192]) == "mbox"
    with zipfile.ZipFile(tmp_path / "linkedin.zip", "w") as archive:
        archive.writestr("Connections.csv", "First Name\n")
    assert detect_kind("linkedin.zip", (tmp_path / "linkedin.zip").read_bytes()[:8192]) == \
        "linkedin"


def test_choosing_mailbox_lets_any_file_be_chosen_and_says_what_is_read(store):
    widget = import_widget(store=store, environ={})
    assert any(MAILBOX_READS in value for value in html_values(widget))
    widget.kind.value = "mbox"
    assert widget.upload.accept == ""
    assert "never read or kept" in widget.kind_note.value
    widget.kind.value = "ics"
    assert widget.upload.accept.startswith(".zip") and widget.kind_note.value == ""


def test_after_the_read_the_addresses_are_confirmed_and_remembered(store, tmp_path):
    (takeout,) = make_mailboxes.takeout(tmp_path)
    widget = import_widget(store=store, environ={})
    choose(widget, takeout.name, takeout.read_bytes())
    assert widget.kind.value == "mbox"
    assert widget.run_import().added == 8
    assert (widget.bar.value, widget.bar.bar_style) == (100, "success")
    assert "left out 10 messages: 1 from people you have not written to" in \
        widget.result.value
    panel = widget.addresses
    assert panel.layout.display is None and panel.me.value == "sam.learner@example.org"
    assert "the sender of your sent mail" in panel.found.value
    panel.me.value = "nope"
    panel.save()
    assert "is not an e-mail address" in panel.message.value
    assert store.mail_options() == {"me": [], "exclude": []}
    panel.me.value = "sam.learner@example.org, Sam@Home.example"
    panel.exclude.value = "example.net"
    panel.save()
    assert store.mail_options() == {"me": ["sam.learner@example.org", "sam@home.example"],
                                    "exclude": ["example.net"]}
    assert "Import the mailbox again" in panel.message.value
    # the next mailbox import uses them: given addresses, and Bo's domain left out
    more = make_mailboxes.mbox([("1@xxx Sun Jan 18 09:00:00 +0000 2026", make_mailboxes.message({
        "From": make_mailboxes.SAM, "To": "cy@example.net, Di <di@example.com>",
        "Date": "Sun, 18 Jan 2026 09:00:00 +0000", "Message-ID": "<n1@mail.example.org>"}))])
    choose(widget, "Sent", more)
    assert widget.kind.value == "mbox"
    assert widget.run_import().added == 2  # Di and the message to her; not Cy
    assert "as you gave them before" in panel.found.value
    assert list((store.home / "uploads").iterdir()) == []
