"""The imports list: each import removable alone, after a confirmation."""

from __future__ import annotations

import netlearn
from netlearn.keep.ingest import import_file
from netlearn.network.records import Batch, Contact
from tests.fixtures import make_mailboxes
from tests.helpers import HOSTILE_IMG, assert_escaped


def test_remove_asks_then_removes_that_import_alone(store, tmp_path):
    store.save_batch(Batch("vcard", f"{HOSTILE_IMG}.vcf", contacts=[
        Contact("Bo", email="bo@example.net", source="vcard", source_ref="v1")]))
    (mailbox,) = make_mailboxes.takeout(tmp_path)
    import_file(store, "mbox", mailbox)
    widget = netlearn.imports_list(store=store)
    assert [e.kind for e in widget.entries] == ["mbox", "vcard"]
    assert_escaped(widget, HOSTILE_IMG)
    widget.remove_buttons[0].click()
    assert "Remove import" in widget.question.value
    widget.no_button.click()  # keep it
    assert widget.question.value == "" and len(store.imports()) == 2
    widget.remove_buttons[0].click()
    widget.yes_button.click()
    assert "Removed import" in widget.message.value and "5 interactions" in widget.message.value
    assert [e.kind for e in widget.entries] == ["vcard"]
    assert [c.name for c in store.load_network().contacts] == ["Bo"]
    widget.yes_button.click()  # nothing pending: nothing happens
    assert [e.kind for e in store.imports()] == ["vcard"]


def test_no_imports_says_so(store):
    widget = netlearn.imports_list(store=store)
    assert widget.entries == [] and widget.remove_buttons == []
