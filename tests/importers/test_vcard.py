"""vCard import: versions 2.1/3.0/4.0, several cards per file, broken cards and files."""

from __future__ import annotations

from pathlib import Path

import pytest

from netlearn.importers import read
from netlearn.importers.vcard import split_cards
from netlearn.plumbing.errors import InputError

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def test_vcard_21_quoted_printable_and_bare_types():
    batch = read("vcard", FIX / "contacts_v21.vcf")
    (c,) = batch.contacts
    assert c.name == "Jürgen Müller"
    assert c.email == "juergen.mueller@example.org"
    assert c.company == "Fake GmbH"
    assert c.position == "Account Rep"
    assert (c.source, c.source_ref) == ("vcard", "juergen.mueller@example.org")
    assert batch.skipped == []


def test_vcard_30_several_cards_uid_pref_email_and_n_only():
    batch = read("vcard", FIX / "contacts_v30.vcf")
    jane, bo = batch.contacts
    assert jane.name == "Jane Roe"
    assert jane.source_ref == "fake-uid-jane-roe"  # UID wins
    assert jane.email == "jane.home@example.net"  # the preferred address
    assert (jane.company, jane.position) == ("Example Corp", "CTO")
    assert bo.name == "Bo Placeholder"  # built from N (no FN)
    assert bo.source_ref == "bo.placeholder@example.org"  # e-mail, lower-cased
    assert bo.company == "Fake & Sons"


def test_vcard_40():
    (c,) = read("vcard", FIX / "contacts_v40.vcf").contacts
    assert c.name == "Sam Doe"
    assert c.source_ref == "urn:uuid:00000000-0000-4000-8000-000000000001"
    assert c.email == "sam.doe@example.net"
    assert c.position == "Community Manager"


def test_broken_cards_are_skipped_with_their_line():
    batch = read("vcard", FIX / "contacts_broken.vcf")
    assert [c.name for c in batch.contacts] == ["Cy Sample"]
    assert [(s.line, s.reason.split(" (")[0]) for s in batch.skipped] == [
        (6, "the card has no name"),
        (11, "cannot be read as a vCard"),
        (16, "the card has no END:VCARD"),
    ]
    assert all("\n" not in s.reason for s in batch.skipped)


def test_truncated_file_keeps_the_complete_cards(tmp_path):
    f = tmp_path / "cut.vcf"
    f.write_text((FIX / "contacts_v30.vcf").read_text(encoding="utf-8")[:-30], encoding="utf-8")
    batch = read("vcard", f)
    assert [c.name for c in batch.contacts] == ["Jane Roe"]
    assert [(s.line, s.reason) for s in batch.skipped] == [
        (11, "the card has no END:VCARD (is the file truncated?)")]


def test_name_only_card_uses_the_name_as_ref(tmp_path):
    f = tmp_path / "one.vcf"
    f.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:  Ada   Example \nEND:VCARD\n", encoding="utf-8")
    (c,) = read("vcard", f).contacts
    assert (c.name, c.source_ref) == ("Ada Example", "ada example")


def test_latin1_vcard_is_decoded(tmp_path):
    f = tmp_path / "latin1.vcf"
    f.write_bytes("BEGIN:VCARD\nVERSION:3.0\nFN:Zoë Müller\nEND:VCARD\n".encode("latin-1"))
    (c,) = read("vcard", f).contacts
    assert c.name == "Zoë Müller"


def test_split_cards_lines():
    text = "junk\nBEGIN:VCARD\nFN:A\nEND:VCARD\r\nBEGIN:VCARD\nFN:B\n"
    cards = split_cards(text)
    assert [line for line, _ in cards] == [2, 5]
    assert cards[1][1] is None


@pytest.mark.parametrize("name, data, words", [
    ("empty.vcf", b"", "empty"),
    ("picture.vcf", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
    ("calendar.vcf", b"BEGIN:VCALENDAR\nEND:VCALENDAR\n", "no BEGIN:VCARD"),
    ("contacts.csv", b"First Name,Last Name\nAda,Example\n", "no BEGIN:VCARD"),
    ("nul.vcf", b"BEGIN:VCARD\nFN:A\x00B\nEND:VCARD\n", "NUL"),
])
def test_broken_file_is_refused_with_one_line(tmp_path, name, data, words):
    f = tmp_path / name
    f.write_bytes(data)
    with pytest.raises(InputError) as err:
        read("vcard", f)
    text = str(err.value)
    assert "\n" not in text and str(f) in text and words in text


def test_folder_is_refused(tmp_path):
    with pytest.raises(InputError) as err:
        read("vcard", tmp_path)
    assert str(tmp_path) in str(err.value)
