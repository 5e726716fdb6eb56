"""Plain CSV log import: the template, spelling variants, bad rows, duplicates, broken files."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

import pytest

from netlearn.importers import csvlog, dates, read
from netlearn.network.records import CHANNELS, DIRECTIONS, PURPOSES
from netlearn.plumbing.errors import InputError

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def test_template_is_documented_and_imports_cleanly():
    path = csvlog.template_path()
    rows = list(csv.reader(path.read_text(encoding="utf-8").splitlines()))
    assert tuple(rows[0]) == csvlog.COLUMNS
    assert len(rows) == 3  # header + two examples
    batch = read("csv", str(path))
    assert batch.skipped == []
    assert len(batch.interactions) == 2
    assert all("example" in c.email for c in batch.contacts)  # obviously fake people


def test_good_log():
    batch = read("csv", FIX / "log_good.csv")
    got = [(i.when, i.channel, i.direction, i.purpose, i.contact_key, i.note)
           for i in batch.interactions]
    assert got == [
        (datetime(2026, 1, 15), "in_person", "out", "meet", "csv:ada@example.com",
         "Met at the fake meetup"),
        (datetime(2026, 1, 22, 9, 30), "email", "out", "follow_up", "csv:ada@example.com",
         "Sent the article I promised"),
        # a name-only row joins the contact with an e-mail of the same name
        (datetime(2026, 1, 25), "call", "in", "check_in", "csv:bo@example.org", ""),
        (datetime(2026, 2, 1, 18, 0), "linkedin_message", "in", "thanks", "csv:bo@example.org",
         "Thanked me for the intro,\nand asked for a call"),
    ]
    contacts = {c.key: c for c in batch.contacts}
    assert sorted(contacts) == ["csv:ada@example.com", "csv:bo@example.org"]
    assert contacts["csv:bo@example.org"].company == "Fake & Sons"
    assert contacts["csv:ada@example.com"].name == "Ada Example"
    # line 5 repeats line 3 exactly: counted once
    assert [(s.line, s.reason) for s in batch.skipped] == [(5, "same as line 3 (counted once)")]
    assert all(i.source == "csv" and i.source_ref.startswith("row:") for i in batch.interactions)


def test_reimport_gives_the_same_refs():
    a = read("csv", FIX / "log_good.csv")
    b = read("csv", FIX / "log_good.csv")
    assert [i.source_ref for i in a.interactions] == [i.source_ref for i in b.interactions]
    assert len({i.source_ref for i in a.interactions}) == 4


def test_bad_rows_skipped_with_physical_lines():
    batch = read("csv", FIX / "log_bad_rows.csv")  # header in capitals is fine
    assert [(i.when, i.channel, i.direction, i.purpose) for i in batch.interactions] == [
        (datetime(2026, 1, 20), "video", "out", "check_in"),  # defaults
    ]
    reasons = {s.line: s.reason for s in batch.skipped}
    assert sorted(reasons) == [2, 3, 4, 6, 7, 9]  # line 5 is blank
    assert reasons[2].startswith("date must be YYYY-MM-DD")
    assert "carrier pigeon" in reasons[3]
    assert "name or an email" in reasons[4]
    assert "sideways" in reasons[6]
    assert "world domination" in reasons[7]
    assert "2026-02-30" in reasons[9]


@pytest.mark.parametrize("value, allowed, expected", [
    ("In person", CHANNELS, "in_person"),
    ("in-person", CHANNELS, "in_person"),
    ("IN_PERSON", CHANNELS, "in_person"),
    ("LinkedIn message", CHANNELS, "linkedin_message"),
    ("phone", CHANNELS, "call"),
    ("fax", CHANNELS, None),
    ("follow-up", PURPOSES, "follow_up"),
    ("Follow up", PURPOSES, "follow_up"),
    ("followup", PURPOSES, "follow_up"),
    ("Check-in", PURPOSES, "check_in"),
    ("intro", PURPOSES, "introduction"),
    ("Outgoing", DIRECTIONS, "out"),
    ("IN", DIRECTIONS, "in"),
])
def test_normalise_choice(value, allowed, expected):
    aliases = {CHANNELS: csvlog.CHANNEL_ALIASES, PURPOSES: csvlog.PURPOSE_ALIASES,
               DIRECTIONS: csvlog.DIRECTION_ALIASES}[allowed]
    assert csvlog.normalise_choice(value, allowed, aliases) == expected


@pytest.mark.parametrize("text, expected", [
    ("2026-01-15", datetime(2026, 1, 15)),
    ("2026-01-15 9:05", datetime(2026, 1, 15, 9, 5)),
    ("2026-01-15T09:05:30", datetime(2026, 1, 15, 9, 5, 30)),
    ("2026-01-15T09:05:30+01:00", datetime(2026, 1, 15, 9, 5, 30)),
    ("15.01.2026", None),
    ("2026-13-01", None),
])
def test_parse_when(text, expected):
    assert dates.parse_iso(text) == expected


HEADER = b"date,name,email,company,channel,direction,purpose,note\n"


@pytest.mark.parametrize("name, data, words", [
    ("empty.csv", b"", "empty"),
    ("header_only.csv", HEADER, "no rows"),
    ("picture.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "not a text file"),
    ("nul.csv", HEADER + b"2026-01-01,A\x00B,,,email,out,ask,\n", "NUL"),
    ("connections.csv", b"First Name,Last Name,URL\nAda,Example,\n", "not a netlearn CSV"),
    ("semicolons.csv", HEADER.replace(b",", b";") + b"2026-01-01;Ada;;;email;out;ask;\n",
     "semicolon"),
    ("unterminated.csv", HEADER + b'2026-01-01,Ada,,,email,out,ask,"never closed\n',
     "not valid CSV"),
    ("wide.csv", b",".join(b"x%d" % i for i in range(5000)) + b"\n", "5000 columns"),
])
def test_broken_file_is_refused_with_one_line(tmp_path, name, data, words):
    f = tmp_path / name
    f.write_bytes(data)
    with pytest.raises(InputError) as err:
        read("csv", f)
    text = str(err.value)
    assert "\n" not in text and str(f) in text and words in text


def test_unterminated_quote_error_names_the_line(tmp_path):
    f = tmp_path / "log.csv"
    f.write_bytes(HEADER + b"2026-01-01,Ada,,,email,out,ask,\n"
                  + b'2026-01-02,Bo,,,email,out,ask,"oops\n')
    with pytest.raises(InputError) as err:
        read("csv", f)
    assert str(err.value).startswith(f"{f}:")
    assert err.value.line == 3


def test_cp1252_file_from_excel_is_decoded(tmp_path):
    f = tmp_path / "log.csv"
    f.write_bytes(HEADER + "2026-01-01,Zoë Müller,,Café “Fake”,email,out,ask,\n".encode("cp1252"))
    batch = read("csv", f)
    assert batch.contacts[0].name == "Zoë Müller"
    assert batch.contacts[0].company == "Café “Fake”"


def test_progress_is_reported(tmp_path):
    seen = []
    read("csv", FIX / "log_good.csv", progress=lambda d, t: seen.append((d, t)))
    size = (FIX / "log_good.csv").stat().st_size
    assert seen[-1] == (size, size)
