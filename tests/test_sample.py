"""The sample persona: deterministic, big enough, fictional, and every metric says something."""

from __future__ import annotations

import csv
import importlib.util
import io
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from netlearn.network import metrics
from netlearn.network.sample import (
    DEFAULT_TODAY,
    PERSONA_NAME,
    sample_network,
    write_sample_linkedin_export,
)

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def net():
    return sample_network()


def test_same_input_same_network(net):
    assert sample_network() == net
    assert sample_network(DEFAULT_TODAY) == net


def test_sizes_and_labels(net):
    assert len(net.contacts) >= 120
    assert len(net.interactions) >= 500
    assert sum(event.day <= DEFAULT_TODAY for event in net.events) >= 20
    assert len(net.commitments) >= 10
    assert net.is_sample is True
    assert net.label == "sample persona (Sam Rivera)"
    assert len({contact.key for contact in net.contacts}) == len(net.contacts)
    assert {item.contact_key for item in net.interactions} - {c.key for c in net.contacts} <= {""}


def test_nothing_happens_after_today(net):
    end = datetime.combine(DEFAULT_TODAY + timedelta(days=1), datetime.min.time())
    assert max(item.when for item in net.interactions) < end
    assert min(item.when for item in net.interactions) < end - timedelta(days=3 * 365)


def test_today_shifts_every_date():
    shift = timedelta(days=45)
    moved = sample_network(DEFAULT_TODAY + shift)
    base = sample_network()
    assert [item.when - shift for item in moved.interactions] == [
        item.when for item in base.interactions]
    assert [event.day - shift for event in moved.events] == [event.day for event in base.events]


def test_everything_is_fictional(net):
    for contact in net.contacts:
        assert contact.email.endswith(("@example.com", "@example.org"))
        assert contact.url.startswith("https://www.linkedin.com/in/example-")


def test_every_metric_has_something_to_say(net):
    today = DEFAULT_TODAY
    prep = metrics.preparation_rate(net, today)
    assert 0 < prep.rate < 1 and 1 < prep.mean_items < 4

    give_ask = metrics.give_ask_ratio(net, today)
    assert give_ask.gives > give_ask.asks > 0
    early, late = give_ask.by_month[:6], give_ask.by_month[-4:-1]
    assert sum(m.asks for m in early) > sum(m.gives for m in early)
    assert sum(m.gives for m in late) > sum(m.asks for m in late)

    follow = metrics.follow_up(net, today)
    assert 0 < follow.within_48h.share < follow.within_7d.share < 1
    assert follow.never_followed_up > 0 and follow.median_hours is not None
    assert any(hours > 7 * 24 for hours in follow.latencies_hours)

    assert len(metrics.overdue_commitments(net, today)) >= 2
    assert any(not c.done and c.due >= today for c in net.commitments)
    assert any(c.done for c in net.commitments)

    assert 0.3 < metrics.online_mix(net, today).share < 0.9
    assert 0 < metrics.in_person_also_online(net).share < 1
    assert 0 < metrics.invitation_note_share(net).share < 1

    assert any(d > 90 for d in (r.days_since for r in metrics.gone_cold(net, today)))
    assert len(metrics.gone_cold(net, today)) >= 3
    assert len(metrics.cadence_overdue(net, today)) >= 2
    assert len(metrics.dormant_reconnected(net, today)) >= 2  # the real 3-year definition
    assert len(metrics.reconnect_candidates(net, today)) == 10


def test_preparation_improves_over_the_year(net):
    attended = sorted((e for e in net.events if e.attended and e.day <= DEFAULT_TODAY),
                      key=lambda e: e.day)
    half = len(attended) // 2
    first = sum(e.prepared_items for e in attended[:half]) / half
    second = sum(e.prepared_items for e in attended[half:]) / (len(attended) - half)
    assert second > first + 1


# --------------------------------------------------------------------------- LinkedIn export


def read_zip(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def test_export_zip_parses_with_the_right_headers(tmp_path, net):
    path = write_sample_linkedin_export(tmp_path / "new" / "dir", complete=False)
    assert path.name == "Basic_LinkedInDataExport_11-01-2026.zip"
    files = read_zip(path)
    assert set(files) == {"Connections.csv", "messages.csv", "Invitations.csv"}

    lines = files["Connections.csv"].splitlines()
    assert lines[0] == "Notes:" and lines[1].startswith('"When exporting') and lines[2] == ""
    connections = list(csv.DictReader(io.StringIO("\n".join(lines[3:]))))
    assert list(connections[0]) == [
        "First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
    assert len(connections) == sum(c.connected_on is not None for c in net.contacts)
    for row in connections:
        datetime.strptime(row["Connected On"], "%d %b %Y")
        assert row["URL"].startswith("https://www.linkedin.com/in/example-")

    messages = list(csv.DictReader(io.StringIO(files["messages.csv"])))
    assert list(messages[0]) == [
        "CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
        "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER"]
    assert len(messages) == sum(i.channel == "linkedin_message" for i in net.interactions)
    assert {row["FOLDER"] for row in messages} == {"INBOX"}
    assert {PERSONA_NAME} < {row["FROM"] for row in messages}
    for row in messages:
        datetime.strptime(row["DATE"], "%Y-%m-%d %H:%M:%S UTC")

    invitations = list(csv.DictReader(io.StringIO(files["Invitations.csv"])))
    assert list(invitations[0]) == [
        "From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl",
        "inviteeProfileUrl"]
    assert {row["Direction"] for row in invitations} == {"OUTGOING", "INCOMING"}
    assert any(row["Message"] for row in invitations)
    assert any(not row["Message"] for row in invitations if row["Direction"] == "OUTGOING")
    for row in invitations:
        datetime.strptime(row["Sent At"], "%m/%d/%y, %I:%M %p")


def test_export_is_byte_for_byte_deterministic(tmp_path):
    first = write_sample_linkedin_export(tmp_path / "a")
    second = write_sample_linkedin_export(tmp_path / "b")
    assert first.read_bytes() == second.read_bytes()
    moved = write_sample_linkedin_export(tmp_path / "c", today=date(2027, 3, 5))
    assert moved.name == "Complete_LinkedInDataExport_03-05-2027.zip"


def test_complete_export_holds_the_activity_files_with_their_date_formats(tmp_path, net):
    path = write_sample_linkedin_export(tmp_path)
    assert path.name == "Complete_LinkedInDataExport_11-01-2026.zip"
    files = read_zip(path)
    formats = {
        "Endorsement_Given_Info.csv": ("Endorsement Date", "%Y/%m/%d %H:%M:%S UTC"),
        "Endorsement_Received_Info.csv": ("Endorsement Date", "%Y/%m/%d %H:%M:%S UTC"),
        "Recommendations_Given.csv": ("Creation Date", "%m/%d/%y, %I:%M %p"),
        "Recommendations_Received.csv": ("Creation Date", "%m/%d/%y, %I:%M %p"),
        "Shares.csv": ("Date", "%Y-%m-%d %H:%M:%S"),
        "Comments.csv": ("Date", "%Y-%m-%d %H:%M:%S"),
        "Reactions.csv": ("Date", "%Y-%m-%d %H:%M:%S"),
        "Events.csv": ("Event Time", "%Y-%m-%d %H:%M:%S UTC"),
    }
    assert set(formats) < set(files)
    for name, (column, fmt) in formats.items():
        rows = list(csv.DictReader(io.StringIO(files[name])))
        assert rows, name
        for row in rows:
            datetime.strptime(row[column], fmt)
    assert len(list(csv.DictReader(io.StringIO(files["Events.csv"])))) == len(net.events)


def test_bench_generator_writes_the_same_formats(tmp_path):
    spec = importlib.util.spec_from_file_location(
        "make_linkedin_export", REPO / "tools" / "make_linkedin_export.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    paths = module.write_export(tmp_path, connections=50, messages=400, invitations=30, seed=2)
    again = module.write_export(tmp_path / "again", connections=50, messages=400,
                                invitations=30, seed=2)
    for name, path in paths.items():
        assert path.read_bytes() == again[name].read_bytes()
    lines = paths["Connections.csv"].read_text(encoding="utf-8").splitlines()
    assert lines[0] == "Notes:" and lines[2] == ""
    assert len(list(csv.DictReader(io.StringIO("\n".join(lines[3:]))))) == 50
    with paths["messages.csv"].open(encoding="utf-8", newline="") as handle:
        messages = list(csv.DictReader(handle))
    assert len(messages) == 400
    assert any("\n" in row["CONTENT"] for row in messages)
    with paths["Invitations.csv"].open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == 30
