"""export_all and the export button: every file complete, atomic, from the learner's own data."""

import base64
import csv
from datetime import date, datetime

import pytest
from icalendar import Calendar

from netlearn.keep import exporting, reminders
from netlearn.keep.exporting import export_all, export_directory
from netlearn.network.records import Batch, Commitment, Contact, Interaction
from netlearn.widgets.downloads import download_links_html
from netlearn.widgets.export_button import export_widget
from tests.helpers import HOSTILE_IMG as HOSTILE
from tests.helpers import assert_escaped

TODAY = date(2026, 3, 10)


def seed(store, name="Ana Lima"):
    ana = Contact(name=name, source="manual", source_ref="a", cadence_days=30)
    store.save_batch(Batch(source="manual", path="t", contacts=[ana], interactions=[
        Interaction(when=datetime(2026, 3, 1, 12), channel="email", contact_key=ana.key,
                    source="manual", source_ref="i1")],
        commitments=[Commitment("Send the slides", date(2026, 3, 20), contact_key=ana.key,
                                source="manual", source_ref="k1")]))


def test_export_all_writes_every_file(store, tmp_path):
    seed(store)
    target = tmp_path / "out" / "nested"
    paths = export_all(store, target, today=TODAY)
    names = [p.name for p in paths]
    for required in ("contacts.csv", "interactions.csv", "events.csv", "commitments.csv",
                     "answers.csv", "self_assessments.csv", "reflections.csv"):
        assert required in names
    assert names[-2:] == ["reminders.ics", "action-plan.md"]
    assert all(p.parent == target and p.is_file() for p in paths)
    assert not list(target.glob("*.part"))
    for path in paths:
        if path.suffix == ".csv":
            with open(path, newline="", encoding="utf-8") as handle:
                header = next(csv.reader(handle))
            assert header, path.name
    with open(target / "contacts.csv", newline="", encoding="utf-8") as handle:
        contacts = list(csv.DictReader(handle))
    assert [c["name"] for c in contacts] == ["Ana Lima"]
    calendar = Calendar.from_ical((target / "reminders.ics").read_bytes())
    summaries = sorted(str(e["SUMMARY"]) for e in calendar.walk("VEVENT"))
    assert summaries == ["Commitment: Send the slides", "Keep in touch: Ana Lima"]
    plan = (target / "action-plan.md").read_text(encoding="utf-8")
    assert plan.startswith("# My networking action plan")
    assert "your data: 1 contacts" in plan


def test_export_of_an_empty_store_never_uses_the_sample(store, tmp_path):
    paths = export_all(store, tmp_path, today=TODAY)
    calendar = Calendar.from_ical((tmp_path / "reminders.ics").read_bytes())
    assert calendar.walk("VEVENT") == []
    plan = (tmp_path / "action-plan.md").read_text(encoding="utf-8")
    assert "sample" not in plan.lower() and "Sam Rivera" not in plan
    assert len(paths) >= 5


def test_export_reports_progress(store, tmp_path):
    calls = []
    export_all(store, tmp_path, today=TODAY, progress=lambda done, total: calls.append(
        (done, total)))
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)]


def test_a_failed_step_leaves_no_half_written_file(store, tmp_path, monkeypatch):
    (tmp_path / "reminders.ics").write_bytes(b"old, complete file")

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(reminders, "reminder_calendar", broken)
    with pytest.raises(RuntimeError):
        export_all(store, tmp_path, today=TODAY)
    assert (tmp_path / "reminders.ics").read_bytes() == b"old, complete file"
    assert not list(tmp_path.glob("*.part"))


def test_write_atomic_cleans_up_on_failure(tmp_path, monkeypatch):
    target = tmp_path / "file.md"
    target.write_text("before")

    def failing_replace(self, other):
        raise OSError("disk full")

    monkeypatch.setattr(type(target), "replace", failing_replace)
    with pytest.raises(OSError):
        exporting._write_atomic(target, b"after")
    assert target.read_text() == "before"
    assert not (tmp_path / "file.md.part").exists()


def test_export_directory_is_new_each_time(tmp_path):
    first = export_directory(tmp_path)
    assert first.parent == tmp_path / "exports"
    first.mkdir(parents=True)
    second = export_directory(tmp_path)
    assert second != first and not second.exists()


def test_download_links(tmp_path):
    small = tmp_path / "contacts.csv"
    small.write_text("id,name\n1,Ana\n")
    big = tmp_path / "big.md"
    big.write_text("x" * 100)
    html = download_links_html([small, big], limit=50)
    payload = base64.b64encode(small.read_bytes()).decode()
    assert f'<a download="contacts.csv" href="data:text/csv;base64,{payload}">' in html
    assert "big.md" in html and "too big to download here" in html and str(big) in html
    assert "data:text/markdown" not in html


def test_export_widget(store):
    seed(store, name=HOSTILE)
    widget = export_widget(store=store, today=TODAY)
    widget.button.click()
    assert "✓ Exported" in widget.message.value
    folders = list((store.home / "exports").iterdir())
    assert len(folders) == 1
    assert (folders[0] / "action-plan.md").is_file()
    assert widget.bar.value == 100
    assert 'download="contacts.csv"' in widget.links.value
    assert 'download="reminders.ics"' in widget.links.value
    assert 'download="action-plan.md"' in widget.links.value
    assert_escaped(widget, HOSTILE, expect_in_html=False)


def test_export_widget_shows_errors(store, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(exporting, "export_all", broken)
    widget = export_widget(store=store, today=TODAY)
    widget.button.click()
    assert "✗ Export failed" in widget.message.value
    assert "No space left" in widget.message.value
